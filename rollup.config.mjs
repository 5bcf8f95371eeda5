// @ts-check
// Builds the widgets (npx rollup -c rollup.config.mjs):
//  - dist/widgets/: minified ES modules for a script tag (Lit bundled in), plus the demo gallery; the same files
//    again under dist/widgets/v<version>/ (never changed once published, so they can be cached for good), and
//    dist/widgets/integrity.json with each entry script's Subresource Integrity hash;
//  - dist/esm/: the npm package, with `lit` external and one self-contained .d.ts per entry.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import { minify as swcMinify } from '@swc/core';
import { dts } from 'rollup-plugin-dts';

/** @typedef {import('rollup').RollupOptions} RollupOptions */
/** @typedef {import('rollup').Plugin} Plugin */

/** @type {unknown} */
const rootJson = JSON.parse(readFileSync('package.json', 'utf8'));
const root = /** @type {{ version: string, license: string, dependencies: Record<string, string> }} */ (rootJson);

/** Script-tag entries: each loads its widgets' code (one chunk) and falls back to a plain link when that cannot run. */
const scriptTagEntries = {
  'send-widgets': 'widgets/script-tag/send-widgets.ts',
  'send-news-feed': 'widgets/script-tag/send-news-feed.ts',
  'send-news-archive': 'widgets/script-tag/send-news-archive.ts',
  'send-consultation-countdown': 'widgets/script-tag/send-consultation-countdown.ts',
};

/** npm package entries: the `send-*` ones define their elements; `elements` only exports the classes. */
const packageEntries = {
  'send-widgets': 'widgets/send-widgets.ts',
  'send-news-feed': 'widgets/news-feed/define.ts',
  'send-news-archive': 'widgets/news-archive/define.ts',
  'send-consultation-countdown': 'widgets/consultation-countdown/define.ts',
  elements: 'widgets/elements.ts',
};

/** Where partners load versioned scripts from: a new version is a new folder, so old URLs never change. */
const versionDir = `dist/widgets/v${root.version}`;

/** @param {import('rollup').RollupLog} warning @param {import('rollup').LoggingFunction} warn */
function failOnCycles(warning, warn) {
  // An import cycle (in code or in types) is a design error here, not a warning.
  if (warning.code === 'CIRCULAR_DEPENDENCY') throw new Error(`Import cycle: ${warning.ids?.join(' -> ')}`);
  warn(warning);
}

/**
 * Copies every written file to further folders, at the same relative paths (chunks resolve beside their entry):
 * the versioned folder, and bundle/ in the npm package (for CDNs that serve packages).
 * @param {string[]} targets
 * @returns {Plugin}
 */
function copyTo(targets) {
  return {
    name: 'copy-to',
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        for (const target of targets) {
          mkdirSync(dirname(`${target}/${fileName}`), { recursive: true });
          copyFileSync(`${options.dir}/${fileName}`, `${target}/${fileName}`);
        }
      }
    },
  };
}

/** sha384 hashes of the entry scripts, written to dist/widgets/integrity.json as each build finishes. */
/** @type {Record<string, string>} */
const integrity = {};

/** @returns {Plugin} */
function integrityManifest() {
  return {
    name: 'integrity-manifest',
    writeBundle(options, bundle) {
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk' || !output.isEntry) continue;
        const digest = createHash('sha384')
          .update(readFileSync(`${options.dir}/${fileName}`))
          .digest('base64');
        integrity[fileName] = `sha384-${digest}`;
      }
      const sorted = Object.fromEntries(Object.entries(integrity).sort(([a], [b]) => a.localeCompare(b)));
      writeFileSync('dist/widgets/integrity.json', `${JSON.stringify(sorted, null, 2)}\n`);
    },
  };
}

/** @param {Parameters<typeof typescript>[0]} options */
const typescriptFor = (options) =>
  typescript({
    tsconfig: 'widgets/tsconfig.json',
    noEmitOnError: true,
    // The tsconfig is also a referenced project of the root `tsc -b`; Rollup emits only JavaScript.
    composite: false,
    incremental: false,
    declaration: false,
    declarationMap: false,
    emitDeclarationOnly: false,
    ...options,
  });

/**
 * Minifies each chunk with swc's minifier, which writes about 100 bytes (gzip) less per widget bundle than
 * terser with the same settings (for instance `let` for `const`, and Lit's property-name helper inlined).
 * No property renaming (swc's `mangle.props` stays off): only local names and `#private` members (which
 * nothing outside a class can read) get shorter.
 * @returns {Plugin}
 */
function swcMinified() {
  return {
    name: 'swc-minify',
    async renderChunk(code) {
      const result = await swcMinify(code, {
        ecma: 2022,
        module: true,
        compress: { passes: 3, toplevel: true },
        mangle: { toplevel: true },
        format: { comments: false },
      });
      return { code: result.code, map: null };
    },
  };
}

/**
 * The widgets' minifiers; the bench minifies Lit's own minimal element with them too, to compare like with like.
 * @returns {Plugin[]}
 */
export const minified = () => [
  // Lit's own minifier for html`` and css`` text (html-minifier-next and lightningcss).
  minifyHtmlLiterals({ include: ['widgets/**'], failOnError: true }),
  swcMinified(),
];

// Each script-tag bundle is built on its own so it shares no chunk with another: first paint needs the entry
// and its one chunk of widget code. Code loaded later (the archive's reading view) is a further lazy chunk.
// Every chunk resolves beside the entry (relative imports), so the versioned folder works as a whole.
/** @type {RollupOptions[]} */
const scriptTagBundles = Object.entries({ ...scriptTagEntries, gallery: 'widgets/gallery/gallery.ts' }).map(([name, input]) => {
  const partnerFacing = name in scriptTagEntries;
  return {
    input: { [name]: input },
    onwarn: failOnCycles,
    // The gallery's lazy chunk imports Lit and shared helpers back from it, so it may export more than its own API.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist/widgets',
      format: 'es',
      sourcemap: false,
      entryFileNames: '[name].js',
      // The widget code an entry loads is named after the entry (not after its `define` module).
      chunkFileNames: (chunk) => `chunks/${chunk.name === 'define' ? name : '[name]'}-[hash].js`,
    },
    plugins: [
      nodeResolve({ exportConditions: ['production'] }),
      typescriptFor({ outDir: 'dist/widgets' }),
      ...minified(),
      ...(partnerFacing ? [copyTo([versionDir, 'dist/esm/bundle']), integrityManifest()] : []),
    ],
  };
});

const entryNames = Object.keys(packageEntries);

/**
 * dist/esm becomes the publishable npm package (`npm publish dist/esm`): its package.json maps each
 * entry to its code and its types; the script-tag bundles ride along under bundle/ for CDNs.
 * @returns {Plugin}
 */
function npmPackageManifest() {
  const manifest = {
    name: '@send-updates/widgets',
    version: root.version,
    description: 'Accessible, themable web components showing SEND news, consultations and service updates from the SEND updates CMS.',
    license: root.license,
    type: 'module',
    main: './send-widgets.js',
    module: './send-widgets.js',
    types: './send-widgets.d.ts',
    exports: Object.fromEntries(
      /** @type {[string, string | { types: string, default: string }][]} */ ([
        ...entryNames.map((name) => [name === 'send-widgets' ? '.' : `./${name}.js`, { types: `./${name}.d.ts`, default: `./${name}.js` }]),
        ['./bundle/*', './bundle/*'],
        ['./custom-elements.json', './custom-elements.json'],
        ['./package.json', './package.json'],
      ]),
    ),
    // Only the entries that define elements have side effects; `elements.js` and every chunk can be dropped unused.
    sideEffects: [...entryNames.filter((name) => name !== 'elements').map((name) => `./${name}.js`), './bundle/**'],
    customElements: 'custom-elements.json',
    dependencies: { lit: root.dependencies.lit.startsWith('^') ? root.dependencies.lit : `^${root.dependencies.lit}` },
    files: ['**/*.js', '**/*.d.ts', 'custom-elements.json', 'README.md'],
    keywords: ['web-components', 'lit', 'send', 'accessibility', 'local-offer', 'custom-elements'],
  };
  return {
    name: 'npm-package-manifest',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'package.json', source: `${JSON.stringify(manifest, null, 2)}\n` });
      this.emitFile({ type: 'asset', fileName: 'README.md', source: readFileSync('widgets/README.md', 'utf8') });
    },
  };
}

/** @param {string} id */
const isLit = (id) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/');

/** @type {RollupOptions} */
const packageBuild = {
  input: packageEntries,
  onwarn: failOnCycles,
  external: isLit,
  output: { dir: 'dist/esm', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
  plugins: [typescriptFor({ outDir: 'dist/esm' }), npmPackageManifest()],
};

/** One self-contained declaration file per package entry (the API contract inlined; only `lit` imported). */
/** @type {RollupOptions} */
const packageTypes = {
  input: packageEntries,
  onwarn: failOnCycles,
  external: isLit,
  output: { dir: 'dist/esm', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'types/[name]-[hash].d.ts' },
  plugins: [dts({ tsconfig: 'widgets/tsconfig.json', compilerOptions: { composite: false, incremental: false } })],
};

export default [...scriptTagBundles, packageBuild, packageTypes];

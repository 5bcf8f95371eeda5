// Builds the widgets (npx rollup -c rollup.config.mjs):
//  - dist/widgets/: self-contained, minified ES modules for a script tag (Lit bundled in), plus the demo gallery;
//  - dist/esm/: the npm package build with `lit` external and .d.ts types.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

const scriptTagEntries = {
  'send-widgets': 'widgets/send-widgets.ts',
  'send-news-feed': 'widgets/news-feed/define.ts',
  'send-news-archive': 'widgets/news-archive/define.ts',
  'send-consultation-countdown': 'widgets/consultation-countdown/define.ts',
};

/**
 * The npm package carries the same self-contained files under bundle/, for CDNs that serve packages,
 * each with its lazy chunks at the same relative paths (bundle/chunks/…).
 */
function copyIntoPackage() {
  return {
    name: 'copy-into-package',
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        const target = `dist/esm/bundle/${fileName}`;
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(`${options.dir}/${fileName}`, target);
      }
    },
  };
}

const typescriptFor = (options) =>
  typescript({ tsconfig: 'widgets/tsconfig.json', noEmitOnError: true, ...options });

// Each script-tag bundle is built on its own so it never imports a shared chunk: first paint needs one
// request. Only code loaded later (e.g. the archive's reading view) goes into lazy chunks under
// chunks/, which import what they need back from their own entry and resolve beside it (import.meta.url).
const scriptTagBundles = Object.entries({ ...scriptTagEntries, gallery: 'widgets/gallery/gallery.ts' }).map(
  ([name, input]) => ({
    input: { [name]: input },
    // Lazy chunks import Lit and shared helpers back from the entry, so it may export more than its own API.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist/widgets',
      format: 'es',
      sourcemap: false,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
    plugins: [
      nodeResolve({ exportConditions: ['production'] }),
      typescriptFor({ declaration: false, outDir: 'dist/widgets' }),
      // Lit's own minifier for html`` and css`` text (html-minifier-next and lightningcss).
      minifyHtmlLiterals({ include: ['widgets/**'], failOnError: true }),
      ...(name in scriptTagEntries ? [copyIntoPackage()] : []),
      // No property renaming: only local names and `#private` members (which nothing outside a class can read) get shorter.
      terser({ ecma: 2020, module: true, toplevel: true, compress: { passes: 3 }, format: { comments: false } }),
    ],
  }),
);

/**
 * dist/esm becomes the publishable npm package (`npm publish dist/esm`): its package.json maps each
 * entry to its types; the script-tag bundles ride along under bundle/ for CDNs serving the package.
 */
function npmPackageManifest() {
  const root = JSON.parse(readFileSync('package.json', 'utf8'));
  const entries = Object.keys(scriptTagEntries);
  const manifest = {
    name: '@send-updates/widgets',
    version: root.version,
    description: 'Accessible, themable web components showing SEND news, consultations and service updates from the SEND updates CMS.',
    license: root.license,
    type: 'module',
    main: './send-widgets.js',
    module: './send-widgets.js',
    types: './send-widgets.d.ts',
    exports: Object.fromEntries([
      ...entries.map((name) => [name === 'send-widgets' ? '.' : `./${name}.js`, { types: `./${name === 'send-widgets' ? 'send-widgets' : entryTypes[name]}.d.ts`, default: `./${name}.js` }]),
      ['./bundle/*', './bundle/*'],
      ['./custom-elements.json', './custom-elements.json'],
      ['./package.json', './package.json'],
    ]),
    sideEffects: true,
    customElements: 'custom-elements.json',
    dependencies: { lit: root.dependencies.lit.startsWith('^') ? root.dependencies.lit : `^${root.dependencies.lit}` },
    files: ['**/*.js', '**/*.d.ts', 'custom-elements.json', 'README.md', '!fixtures/**', '!gallery/**'],
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

// Type declarations of each single-widget entry (rollup names the entry after the key, tsc after the source path).
const entryTypes = {
  'send-news-feed': 'news-feed/define',
  'send-news-archive': 'news-archive/define',
  'send-consultation-countdown': 'consultation-countdown/define',
};

const packageBuild = {
  input: scriptTagEntries,
  external: (id) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/'),
  output: { dir: 'dist/esm', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
  plugins: [typescriptFor({ declaration: true, declarationDir: 'dist/esm', outDir: 'dist/esm' }), npmPackageManifest()],
};

export default [...scriptTagBundles, packageBuild];

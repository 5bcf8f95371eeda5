// Builds the widgets (npx rollup -c rollup.config.mjs):
//  - dist/widgets/: self-contained, minified ES modules for a script tag (Lit bundled in), plus the demo gallery;
//  - dist/esm/: the npm package build with `lit` external and .d.ts types.
import { nodeResolve } from '@rollup/plugin-node-resolve';
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
 * Shrinks the static text of Lit templates: CSS loses comments, spacing, leading zeros, private
 * custom-property names (`--_space` becomes `--_0`), quotes
 * around plain attribute-selector values and long hex colours; HTML whitespace
 * runs collapse to one space (which HTML rendering does anyway) and go where they render nothing:
 * before a tag's `>`, beside block-level tags, at a template's two ends. Bindings are untouched.
 */
function minifyTemplateLiterals() {
  const blockTags = 'article|div|form|h[1-6]|li|nav|ol|option|p|select|slot|ul';
  // Private custom properties (`--_space`, never set by hosts) get short names, the same in every sheet of a build.
  const shortNames = new Map();
  const shortName = (name) => {
    if (!shortNames.has(name)) shortNames.set(name, `--_${shortNames.size.toString(36)}`);
    return shortNames.get(name);
  };
  const minifiers = {
    css: (text) =>
      text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,>])\s*/g, '$1')
        .replace(/:\s+/g, ':')
        .replace(/;}/g, '}')
        .replace(/ ?(!important|\/) ?/g, '$1')
        .replace(/([\s:,(-])0\.(\d)/g, '$1.$2')
        .replace(/\*::/g, '::')
        .replace(/::(before|after)\b/g, ':$1')
        .replace(/=(['"])([a-z][\w-]*)\1]/gi, '=$2]')
        .replace(/#(\w)\1(\w)\2(\w)\3\b/gi, '#$1$2$3')
        .replace(/--_[\w-]+/g, shortName)
        .trim(),
    html: (text) =>
      text
        .replace(/\s*\n\s*/g, ' ')
        .replace(/\s{2,}/g, ' ')
        // "</a >" and "@click=${…} >" (line breaks before a tag's ">")
        .replace(/ >/g, '>')
        // Spaces beside block-level tags render nothing.
        .replace(new RegExp(`(<\\/?(?:${blockTags})\\b[^<>]*>) `, 'g'), '$1')
        .replace(new RegExp(` (<\\/?(?:${blockTags})\\b)`, 'g'), '$1'),
  };
  minifiers.staticHtml = minifiers.html;
  const walk = (node, visit) => {
    if (!node || typeof node.type !== 'string') return;
    visit(node);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach((child) => walk(child, visit));
      else if (value && typeof value === 'object') walk(value, visit);
    }
  };
  return {
    name: 'minify-template-literals',
    transform(code, id) {
      if (!id.includes('/widgets/') || !/\b(css|html)\s*`/.test(code)) return null;
      const edits = [];
      walk(this.parse(code), (node) => {
        const minify = node.type === 'TaggedTemplateExpression' && minifiers[node.tag.name];
        if (!minify) return;
        const { quasis } = node.quasi;
        quasis.forEach((quasi, index) => {
          let text = minify(quasi.value.raw);
          // A template's own leading and trailing blank text is the source's indentation (never between two words).
          if (minify !== minifiers.css && index === 0 && quasis.length > 1 && text === ' ') text = '';
          if (minify !== minifiers.css && index === quasis.length - 1 && quasis.length > 1 && text === ' ') text = '';
          edits.push([quasi.start, quasi.end, text]);
        });
      });
      let output = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) output = output.slice(0, start) + text + output.slice(end);
      return { code: output, map: null };
    },
  };
}

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

/**
 * Private and protected members of the widget classes, shortened in the script-tag bundles only
 * (every subclass is inside the bundle; the npm build keeps the names). Never list a Lit reactive
 * property, a Lit/DOM/ReactiveController member, or a field of API data or event details (terser's
 * list of DOM names is off, so a name here is renamed on every object).
 */
const privateMembers = [
  // SendElement
  'defaultHeadingKey', 'defaults', 'childHeadingLevel', 'typeLabel', 'emit', 'reportLoad', 'itemLink',
  'renderItemMeta', 'renderItem', 'renderWidgetHeading', 'renderLoading', 'renderError', 'renderEmpty',
  'renderLoadState', 'renderStaleNotice',
  // JsonLoader
  'inFlight', 'setState', 'validate',
  // SendNewsFeed
  'loader', 'filterParams', 'requestUrl', 'fetchItems',
  // SendNewsArchive
  'results', 'article', 'facets', 'clearFilters', 'readingView', 'ensureReadingView', 'searchTimer', 'pendingFocus', 'openedFrom', 'onPopState', 'resultsUrl', 'itemUrl', 'fetchResults',
  'fetchArticle', 'navigate', 'showView', 'onResultClick', 'onBackClick', 'onPageClick', 'setFilter',
  'onSearchInput', 'onSubmit', 'applySearch', 'renderResultsView', 'renderSearchForm',
  'renderGroups', 'renderPagination', 'renderReadingView', 'renderArticle',
  // SendConsultationCountdown
  'single', 'list', 'timer', 'countdowns', 'phases', 'onVisibilityChange', 'fetchConsultations', 'scheduleNextChange', 'stopTimer',
  'renderConsultation', 'renderActions', 'announcePhaseChanges', 'consultations',
];

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
      minifyTemplateLiterals(),
      ...(name in scriptTagEntries ? [copyIntoPackage()] : []),
      terser({
        ecma: 2021,
        module: true,
        toplevel: true,
        compress: { passes: 3 },
        // builtins: names terser would keep as DOM properties (list, results, navigate…) are ours here.
        mangle: { properties: { builtins: true, regex: new RegExp(`^(?:${privateMembers.join('|')})$`) } },
        format: { comments: false },
      }),
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

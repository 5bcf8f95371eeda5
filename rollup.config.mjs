// Builds the widgets (npx rollup -c rollup.config.mjs):
//  - dist/widgets/: self-contained, minified ES modules for a script tag (Lit bundled in), plus the demo gallery;
//  - dist/esm/: the npm package build with `lit` external and .d.ts types.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const scriptTagEntries = {
  'send-widgets': 'widgets/send-widgets.ts',
  'send-news-feed': 'widgets/news-feed/define.ts',
  'send-news-archive': 'widgets/news-archive/define.ts',
  'send-consultation-countdown': 'widgets/consultation-countdown/define.ts',
};

/**
 * Shrinks the static text of Lit templates: CSS loses comments and spacing, HTML whitespace
 * runs collapse to one space (which HTML rendering does anyway). Bindings are untouched.
 */
function minifyTemplateLiterals() {
  const minifiers = {
    css: (text) =>
      text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,>])\s*/g, '$1')
        .replace(/:\s+/g, ':')
        .replace(/;}/g, '}')
        .trim(),
    html: (text) => text.replace(/\s*\n\s*/g, ' ').replace(/\s{2,}/g, ' '),
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
        for (const quasi of node.quasi.quasis) edits.push([quasi.start, quasi.end, minify(quasi.value.raw)]);
      });
      let output = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) output = output.slice(0, start) + text + output.slice(end);
      return { code: output, map: null };
    },
  };
}

const typescriptFor = (options) =>
  typescript({ tsconfig: 'widgets/tsconfig.json', noEmitOnError: true, ...options });

// Each script-tag bundle is built on its own so it never imports a shared chunk.
const scriptTagBundles = Object.entries({ ...scriptTagEntries, gallery: 'widgets/gallery/gallery.ts' }).map(
  ([name, input]) => ({
    input,
    output: { file: `dist/widgets/${name}.js`, format: 'es', sourcemap: false },
    plugins: [
      nodeResolve({ exportConditions: ['production'] }),
      typescriptFor({ declaration: false, outDir: 'dist/widgets' }),
      minifyTemplateLiterals(),
      terser({
        ecma: 2021,
        module: true,
        toplevel: true,
        compress: { passes: 3 },
        format: { comments: false },
      }),
    ],
  }),
);

const packageBuild = {
  input: scriptTagEntries,
  external: (id) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/'),
  output: { dir: 'dist/esm', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
  plugins: [typescriptFor({ declaration: true, declarationDir: 'dist/esm', outDir: 'dist/esm' })],
};

export default [...scriptTagBundles, packageBuild];

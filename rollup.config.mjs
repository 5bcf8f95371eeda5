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
      terser({ ecma: 2021, module: true, format: { comments: false } }),
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

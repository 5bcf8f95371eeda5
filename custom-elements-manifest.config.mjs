// custom-elements.json from the widgets' JSDoc: npx cem analyze --config custom-elements-manifest.config.mjs
export default {
  globs: ['widgets/**/*.ts'],
  exclude: ['widgets/**/test/**', 'widgets/fixtures/**', 'widgets/gallery/**'],
  outdir: '.',
  litelement: true,
};

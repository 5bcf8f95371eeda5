// @ts-check
// ESLint for every project (npm run lint, the lint suite of npm test, 0 warnings allowed): ESLint's and
// typescript-eslint's type-checked recommended rules everywhere, a few stricter rules that catch real bugs,
// the Lit and web-components rules for widgets/, and no browser API the widgets' oldest browsers lack. Format is Prettier's job (.prettierrc), not ESLint's.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import compat from 'eslint-plugin-compat';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * A plugin's flat-config "recommended" set (the plugins' types also allow the eslintrc form, which flat config cannot use).
 * @param {import('eslint').ESLint.Plugin} plugin
 */
function flatRecommended(plugin) {
  const config = plugin.configs?.['flat/recommended'];
  if (!config || Array.isArray(config) || Array.isArray(config.plugins)) throw new Error(`${plugin.meta?.name ?? 'A plugin'} has no flat recommended config`);
  return /** @type {import('eslint').Linter.Config} */ (config);
}

/** Code that runs in a browser; everything else runs on Node. */
const BROWSER = ['widgets/**', 'cms/src/pages/assets/**', 'cms/src/admin/**'];

export default defineConfig(
  globalIgnores(['**/node_modules/', '**/dist/', '**/build/', '.cache/', '.tmp/', 'cms/.strapi/', 'cms/types/generated/', 'coverage/']),
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // Each file is checked with the tsconfig that owns it (the projects of the root tsconfig.json).
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // node:test's test() and describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
          ],
        },
      ],
      // A switch over a union must name every member, so a new item type or status cannot fall through silently.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: BROWSER,
    languageOptions: { globals: globals.browser },
  },
  {
    ignores: BROWSER,
    languageOptions: { globals: globals.node },
  },
  {
    files: ['widgets/**/*.ts'],
    extends: [flatRecommended(lit), flatRecommended(wc)],
  },
  {
    // What partners' readers run: no browser API newer than the oldest browsers the README promises (Safari 15,
    // Chrome and Edge 89, Firefox 90). Tests run in Debian's Chromium alone.
    files: ['widgets/**/*.ts'],
    ignores: ['widgets/**/test/**'],
    plugins: { compat },
    settings: { browsers: ['safari >= 15', 'ios_saf >= 15', 'chrome >= 89', 'edge >= 89', 'firefox >= 90'] },
    rules: { 'compat/compat': 'error' },
  },
  {
    files: ['widgets/**/test/**'],
    languageOptions: { globals: globals.mocha },
  },
);

/**
 * Which shipped build a test page exercises. Each browser group's page maps `/under-test/` to one build
 * (web-test-runner.config.mjs): the script-tag bundles in dist/widgets/ (Lit inside) or the npm package
 * in dist/esm/ (`lit` resolved by the test server).
 */

/** The URL of a file of the build under test, e.g. `buildUrl('send-news-archive.js')`. */
export const buildUrl = (file: string): URL => new URL(import.meta.resolve(`/under-test/${file}`));

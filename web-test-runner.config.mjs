// @ts-check
// Browser tests for widgets/ in real headless Chromium, run against the shipped files: each element test runs
// twice, once on the script-tag bundles (dist/widgets/) and once on the npm package (dist/esm/, `lit` resolved by
// the test server). Pure functions (dates, countdown maths) are tested from source. Needs the Rollup build first.
// Run: npx web-test-runner --config web-test-runner.config.mjs
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';

/** @typedef {import('@web/test-runner').TestRunnerConfig} TestRunnerConfig */
/** @typedef {import('@web/test-runner').TestSuiteResult} TestSuiteResult */

// The browser every test launches: CHROMIUM_PATH, else Debian's (as scripts/lib/steps.ts; this file loads without tsx).
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** @param {Record<string, string>} [env] */
const chromium = (env) =>
  chromeLauncher({
    launchOptions: {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
      ...(env ? { env: { ...process.env, ...env } } : {}),
    },
  });

const london = chromium({ TZ: 'Europe/London' });

/** The shipped builds; a test page imports the one under test as /under-test/… (see widgets/test/under-test.ts). */
const BUILDS = {
  'script-tag': '/dist/widgets/',
  'npm-package': '/dist/esm/',
};

/**
 * Counts every test in every session (browser × group); a file that failed to load counts as one failure.
 * Prints how many ran against each build before the one line scripts/test.mjs reads.
 * @returns {import('@web/test-runner').Reporter}
 */
function countingReporter() {
  /** @param {TestSuiteResult} suite @returns {{ passed: number, failed: number }} */
  const count = (suite) =>
    suite.tests.reduce(
      (totals, test) => {
        if (!test.skipped) totals[test.passed ? 'passed' : 'failed'] += 1;
        return totals;
      },
      suite.suites.map(count).reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed }), {
        passed: 0,
        failed: 0,
      }),
    );
  return {
    stop({ sessions }) {
      let passed = 0;
      let failed = 0;
      /** @type {Map<string, number>} */
      const perGroup = new Map();
      for (const session of sessions) {
        const totals = session.testResults ? count(session.testResults) : { passed: 0, failed: 0 };
        if (session.passed === false && totals.failed === 0) totals.failed += 1;
        passed += totals.passed;
        failed += totals.failed;
        perGroup.set(session.group.name, (perGroup.get(session.group.name) ?? 0) + totals.passed + totals.failed);
      }
      const lines = [...perGroup].map(
        ([group, tests]) => `  ${group}${group in BUILDS ? ` (on ${BUILDS[/** @type {keyof typeof BUILDS} */ (group)]})` : ''}: ${tests} tests`,
      );
      // Other reporters still print after stop(); stdout to a pipe or file is synchronous at exit.
      process.once('exit', () => process.stdout.write(`${lines.join('\n')}\nwidgets: ${passed} passed, ${failed} failed\n`));
    },
  };
}

/** Element tests: every widget behaviour, run on each build. */
const elementTests = [
  'widgets/*/test/*.test.ts',
  'widgets/test/*.test.ts',
  '!widgets/core/test/**',
  '!widgets/consultation-countdown/test/countdown-state.test.ts',
  '!widgets/gallery/**',
  '!widgets/script-tag/**',
];
/** What only the script-tag build has: its loader's fallback, and the demo gallery. */
const scriptTagTests = ['widgets/script-tag/test/*.test.ts', 'widgets/gallery/test/*.test.ts'];
/** Pure functions, from source. */
const unitTests = ['widgets/core/test/*.test.ts', 'widgets/consultation-countdown/test/countdown-state.test.ts'];
// Countdown and date code must not depend on the reader's zone: run it again in a browser far from London.
const readerZoneTests = [...unitTests, 'widgets/consultation-countdown/test/*.test.ts', 'widgets/consultation-countdown/test/*.tz-test.ts'];

/**
 * The test page: the build under test behind /under-test/ (an import map), axe-core for accessibility checks.
 * @param {string} build
 * @returns {(testFramework: string) => string}
 */
const testPage = (build) => (testFramework) => `<!doctype html>
  <html lang="en-GB">
    <head>
      <script type="importmap">${JSON.stringify({ imports: { '/under-test/': build } })}</script>
      <script src="/node_modules/axe-core/axe.min.js"></script>
    </head>
    <body><script type="module" src="${testFramework}"></script></body>
  </html>`;

/**
 * `executeServerCommand('emulate-reader-media', [{ name, value }])`: a reader's own browser settings, set over the
 * DevTools protocol because the stock `emulateMedia` command (through Puppeteer) cannot set `forced-colors`.
 * An empty list clears them. One protocol session per page, kept open: its emulation ends when it detaches.
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
function readerMediaPlugin() {
  /** @type {WeakMap<object, import('puppeteer-core').CDPSession>} */
  const sessions = new WeakMap();
  return {
    name: 'emulate-reader-media',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-reader-media') return undefined;
      if (!Array.isArray(payload)) throw new Error('emulate-reader-media takes a list of { name, value } media features');
      // Every browser here is a chromeLauncher (above).
      const page = /** @type {import('@web/test-runner-chrome').ChromeLauncher} */ (session.browser).getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) sessions.set(page, (cdp = await page.createCDPSession()));
      await cdp.send('Emulation.setEmulatedMedia', { features: payload });
      return true;
    },
  };
}

/** @type {TestRunnerConfig} */
export default {
  nodeResolve: true,
  // One page at a time: background tabs are hidden, and the countdown rightly pauses when hidden.
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180_000,
  browserStartTimeout: 60_000,
  middleware: [
    // Deploys gone wrong, served from the real builds: under /fail-reading-view/ the archive's reading-view chunk
    // answers 404 (widgets/test/lazy-chunk-failure.test.ts); under /fail-chunks/ every chunk does, so the widget
    // code itself cannot load (widgets/script-tag/test/fallback.test.ts).
    (context, next) => {
      const [, failing, path] = /^\/(fail-reading-view|fail-chunks)(\/.*)$/.exec(context.path) ?? [];
      if (!failing) return next();
      if (failing === 'fail-chunks' ? path.includes('/chunks/') : path.includes('/chunks/reading-view-')) {
        context.status = 404;
        return Promise.resolve();
      }
      context.url = context.url.slice(failing.length + 1);
      return next();
    },
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'widgets/tsconfig.json', target: 'es2022' }), readerMediaPlugin()],
  reporters: [defaultReporter(), countingReporter()],
  testFramework: { config: { timeout: 10_000 } },
  groups: [
    { name: 'script-tag', files: [...elementTests, ...scriptTagTests], browsers: [london], testRunnerHtml: testPage(BUILDS['script-tag']) },
    { name: 'npm-package', files: elementTests, browsers: [london], testRunnerHtml: testPage(BUILDS['npm-package']) },
    { name: 'source-units', files: unitTests, browsers: [london], testRunnerHtml: testPage(BUILDS['script-tag']) },
    { name: 'auckland-reader', files: readerZoneTests, browsers: [chromium({ TZ: 'Pacific/Auckland' })], testRunnerHtml: testPage(BUILDS['script-tag']) },
  ],
};

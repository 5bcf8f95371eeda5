// Browser tests for widgets/: real headless Chromium, TypeScript via esbuild.
// Run: npx web-test-runner --config web-test-runner.config.mjs
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';

const chromium = (env) =>
  chromeLauncher({
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
      ...(env ? { env: { ...process.env, ...env } } : {}),
    },
  });

/** Counts every test in every session (browser × group); a file that failed to load counts as one failure. */
function countingReporter() {
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
      for (const session of sessions) {
        const totals = session.testResults ? count(session.testResults) : { passed: 0, failed: 0 };
        passed += totals.passed;
        failed += totals.failed;
        if (session.passed === false && totals.failed === 0) failed += 1;
      }
      // Other reporters still print after stop(); stdout to a pipe or file is synchronous at exit.
      process.once('exit', () => process.stdout.write(`widgets: ${passed} passed, ${failed} failed\n`));
    },
  };
}

// Countdown and date code must not depend on the reader's zone: run it again in a browser far from London.
const readerZoneFiles = [
  'widgets/core/test/dates.test.ts',
  'widgets/consultation-countdown/test/*.test.ts',
  'widgets/consultation-countdown/test/*.tz-test.ts',
];

export default {
  nodeResolve: true,
  // One page at a time: background tabs are hidden, and the countdown rightly pauses when hidden.
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180_000,
  browserStartTimeout: 60_000,
  middleware: [
    // widgets/test/lazy-chunk-failure.test.ts: /fail-chunks/dist/widgets/… serves the real bundles, but their
    // lazy chunks (resolved beside them, under /fail-chunks/) answer 404, as after a deploy that removed them.
    (context, next) => {
      if (!context.path.startsWith('/fail-chunks/')) return next();
      if (context.path.startsWith('/fail-chunks/dist/widgets/chunks/')) {
        context.status = 404;
        return undefined;
      }
      context.url = context.url.slice('/fail-chunks'.length);
      return next();
    },
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'widgets/tsconfig.json', target: 'es2021' })],
  reporters: [defaultReporter(), countingReporter()],
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en-GB">
      <head><script src="/node_modules/axe-core/axe.min.js"></script></head>
      <body><script type="module" src="${testFramework}"></script></body>
    </html>`,
  testFramework: { config: { timeout: 10_000 } },
  groups: [
    { name: 'london-reader', files: 'widgets/**/test/*.test.ts', browsers: [chromium({ TZ: 'Europe/London' })] },
    { name: 'auckland-reader', files: readerZoneFiles, browsers: [chromium({ TZ: 'Pacific/Auckland' })] },
  ],
};

/**
 * `npm test` (after scripts/run.mjs installed what is missing): builds, then
 * runs every suite: the type check of every project (tsc -b), lint (ESLint,
 * lit-analyzer, Prettier), the import graph (no cycles), 100,000 items on SQLite
 * and PostgreSQL, CMS (SQLite, then PostgreSQL when reachable), widgets in
 * headless Chromium, bundle sizes, the widgets' npm package, the end-to-end
 * partner-page test against the real CMS, the admin, the adversarial suites and
 * two CMS instances behind nginx (PostgreSQL). The type check, lint and the
 * 100,000 items run beside the suites up to the widgets' (their output shown as
 * each ends); the rest, in turn. Ends with one line: `N passed, N failed`.
 *
 *   npm test                 everything
 *   npm test -- cms widgets  only the named suites
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildCms, buildWidgets, ensureSystemPackages, postgresReachable, repoRoot, say } from './lib/steps.ts';

type Counts = { passed: number; failed: number; skipped: number; unreadable?: boolean };
type Suite = {
  name: string;
  label: string;
  command: [command: string, args: string[]];
  env?: Record<string, string>;
  requires?: () => Promise<boolean>;
  /** Reads the counts from the output; by default from node --test or a `<suite>: N passed, N failed` line. */
  counts?: (output: string, code: number | null) => Counts;
  /**
   * Runs beside the suites after it (its output shown when it ends): a suite that asserts no timing and leaves a core
   * idle alone, as the type check and lint (one thread each) and the 100,000-item suite (waiting on the disk and the
   * database, it kept the two cores a third busy) do.
   */
  alongside?: true;
  /** Asserts timing (latency, layout while loading, schedules): starts only once no suite runs beside it. */
  alone?: true;
};
type Result = Partial<Counts> & { suite: Suite; code?: number | null; note?: string; seconds?: number };

const PG_URL = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** Test files (`*.test.ts`, or `*.test.mjs` where a tool needs JavaScript) under the given folders. */
const testFiles = (...dirs: string[]) =>
  dirs
    .filter((dir) => fs.existsSync(path.join(repoRoot, dir)))
    .flatMap((dir) => fs.readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' }).map((file) => path.join(dir, file)))
    .filter((file) => /\.test\.(ts|mjs)$/.test(file))
    .sort();
const cmsTestFiles = testFiles('test/cms', 'test/feeds', 'test/import');
const nodeTest = (files: string[]): Suite['command'] => [
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files],
];
const bin = (...parts: string[]) => path.join(repoRoot, 'node_modules', ...parts);

const SUITES: Suite[] = [
  {
    name: 'typecheck',
    label: 'Type check (tsc -b)',
    command: [process.execPath, [bin('typescript', 'bin', 'tsc'), '-b', '--pretty', 'false']],
    alongside: true,
    counts: (output, code) => {
      if (code === 0) return { passed: 1, failed: 0, skipped: 0 };
      const errors = (output.match(/error TS\d+/g) ?? []).length;
      console.error(
        `\nType check failed${errors ? ` with ${errors} error${errors === 1 ? '' : 's'}` : ''} (above). Run \`npm run typecheck\` to see them alone.`,
      );
      return { passed: 0, failed: 1, skipped: 0 };
    },
  },
  { name: 'lint', label: 'Lint: ESLint, lit-analyzer, Prettier', command: [process.execPath, ['--import', 'tsx', 'scripts/lint.ts']], alongside: true },
  { name: 'imports', label: 'Import graph: no cycles', command: nodeTest(testFiles('test/code')) },
  // --expose-gc: the suite reports the catalogue's memory after a collection.
  {
    name: 'scale',
    label: '100,000 items on SQLite and PostgreSQL',
    command: [process.execPath, ['--expose-gc', ...nodeTest(testFiles('test/scale'))[1]]],
    env: { TEST_PG_URL: PG_URL },
    alongside: true,
  },
  { name: 'cms', label: 'CMS on SQLite', command: nodeTest(cmsTestFiles) },
  {
    name: 'cms-postgres',
    label: 'CMS on PostgreSQL',
    command: nodeTest(cmsTestFiles),
    env: { TEST_DB: 'postgres', TEST_PG_URL: PG_URL },
    requires: () => postgresReachable(PG_URL),
  },
  {
    name: 'widgets',
    label: 'Widgets in headless Chromium',
    command: [process.execPath, [bin('@web', 'test-runner', 'dist', 'bin.js'), '--config', 'web-test-runner.config.mjs']],
    alone: true,
  },
  { name: 'size', label: 'Bundle size budget', command: [process.execPath, ['--import', 'tsx', 'scripts/size-check.ts']] },
  { name: 'package', label: 'Widgets npm package', command: nodeTest(testFiles('test/package')) },
  { name: 'e2e', label: 'End to end: editor to partner page', command: nodeTest(testFiles('test/e2e')), alone: true },
  {
    name: 'admin',
    label: 'Editors: the admin in Chromium, scheduling on two instances',
    command: nodeTest(testFiles('test/admin')),
    env: { TEST_PG_URL: PG_URL },
    alone: true,
  },
  { name: 'security', label: 'Security and reliability (adversarial)', command: nodeTest(testFiles('test/security')), alone: true },
  {
    name: 'audit',
    label: 'Dependency audit (npm audit --omit=dev)',
    command: [process.execPath, ['--import', 'tsx', 'scripts/audit.ts']],
    // Without an advisory service (some registries and closed networks) the audit is skipped, never passed.
    counts: (output) => (/^audit: skipped/m.test(output) ? { passed: 0, failed: 0, skipped: 1 } : countsIn(output)),
  },
  {
    name: 'cluster',
    label: 'Two instances behind nginx on PostgreSQL',
    command: nodeTest(testFiles('test/cluster')),
    env: { TEST_PG_URL: PG_URL },
    requires: () => postgresReachable(PG_URL),
    alone: true,
  },
];

/** Runs one suite, showing its output live (or, for one beside others, when it ends), and reads its pass/fail counts. */
function runSuite(suite: Suite) {
  const live = !suite.alongside;
  const [command, args] = suite.command;
  return new Promise<Counts & { code: number | null; note?: string }>((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...suite.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (stream: NodeJS.ReadableStream, sink: NodeJS.WritableStream) =>
      stream.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (live) sink.write(chunk);
      });
    collect(child.stdout, process.stdout);
    collect(child.stderr, process.stderr);
    child.on('exit', (code) => {
      if (!live) process.stdout.write(`\n${'─'.repeat(8)} ${suite.label} (ran beside the suites above) ${'─'.repeat(8)}\n${output}${'─'.repeat(8)}\n`);
      resolve({ code, ...(suite.counts ?? countsIn)(output, code) });
    });
    child.on('error', (error) => resolve({ code: 1, passed: 0, failed: 1, skipped: 0, note: error.message }));
  });
}

function countsIn(output: string): Counts {
  const last = (re: RegExp) => [...output.matchAll(re)].map((m) => Number(m[1])).pop();
  // node --test (spec reporter)
  const nodePass = last(/^ℹ pass (\d+)/gm);
  if (nodePass !== undefined) {
    return { passed: nodePass, failed: (last(/^ℹ fail (\d+)/gm) ?? 0) + (last(/^ℹ cancelled (\d+)/gm) ?? 0), skipped: last(/^ℹ skipped (\d+)/gm) ?? 0 };
  }
  // our own runners end with "<suite>: N passed, N failed"
  const plain = [...output.matchAll(/^\w[\w-]*: (\d+) passed, (\d+) failed/gm)].pop();
  if (plain) return { passed: Number(plain[1]), failed: Number(plain[2]), skipped: 0 };
  return { passed: 0, failed: 0, skipped: 0, unreadable: true };
}

const only = process.argv.slice(2);
const chosen = SUITES.filter((s) => only.length === 0 || only.includes(s.name) || (only.includes('cms') && s.name === 'cms-postgres'));
const started = Date.now();

try {
  await ensureSystemPackages();
  await buildWidgets();
  await buildCms({ admin: chosen.some((s) => s.name === 'e2e' || s.name === 'admin') });
} catch (error) {
  console.error(`\nSet-up failed: ${(error as Error).message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const results = new Map<Suite, Result>();
/** Suites running beside the others, until each ends. */
const beside = new Set<Promise<void>>();
const waitForBeside = () => Promise.all(beside);

async function run(suite: Suite) {
  if (!suite.alongside) say(`${suite.label}…`);
  const t0 = Date.now();
  const result = await runSuite(suite);
  // A suite that crashed or printed no counts still counts as a failure.
  if (result.code !== 0 && result.failed === 0) result.failed = 1;
  results.set(suite, { suite, ...result, seconds: (Date.now() - t0) / 1000 });
}

for (const suite of chosen) {
  if (suite.requires && !(await suite.requires())) {
    say(`Skipping ${suite.label}: not reachable.`);
    results.set(suite, { suite, passed: 0, failed: 0, skipped: 1, note: 'not reachable' });
    continue;
  }
  if (suite.alone) await waitForBeside();
  if (suite.alongside) {
    say(`${suite.label}: starts now, beside the suites after it…`);
    const running: Promise<void> = run(suite).finally(() => beside.delete(running));
    beside.add(running);
  } else await run(suite);
}
await waitForBeside();

console.log('\nSummary');
for (const r of chosen.map((suite) => results.get(suite)).filter((r): r is Result => r !== undefined)) {
  const status = r.note ? `skipped (${r.note})` : `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`;
  console.log(`  ${r.suite.label.padEnd(40)} ${status}${r.seconds ? `  (${r.seconds.toFixed(0)} s)` : ''}`);
}
const total = (key: 'passed' | 'failed') => [...results.values()].reduce((sum, r) => sum + (r[key] ?? 0), 0);
console.log(`  total time ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
console.log(`${total('passed')} passed, ${total('failed')} failed`);
process.exit(total('failed') > 0 ? 1 : 0);

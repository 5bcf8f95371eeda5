#!/usr/bin/env node
/**
 * `npm test`: installs what is missing, builds, then runs every suite in turn:
 * CMS (SQLite, then PostgreSQL when reachable), widgets in headless Chromium,
 * bundle sizes, and the end-to-end partner-page test against the real CMS.
 * Ends with one line: `N passed, N failed`.
 *
 *   npm test                 everything
 *   npm test -- cms widgets  only the named suites
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { buildCms, buildWidgets, ensureDependencies, ensureSystemPackages, repoRoot, say } from './lib/steps.mjs';

const PG_URL = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
const existing = (...dirs) => dirs.filter((d) => fs.existsSync(path.join(repoRoot, d)) && fs.readdirSync(path.join(repoRoot, d)).some((f) => f.endsWith('.test.mjs')));
const cmsTestDirs = existing('test/cms', 'test/feeds', 'test/import');
const nodeTest = (dirs) => [process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...dirs]];

const SUITES = [
  { name: 'cms', label: 'CMS on SQLite', command: nodeTest(cmsTestDirs) },
  { name: 'cms-postgres', label: 'CMS on PostgreSQL', command: nodeTest(cmsTestDirs), env: { TEST_DB: 'postgres', TEST_PG_URL: PG_URL }, requires: postgresReachable },
  { name: 'widgets', label: 'Widgets in headless Chromium', command: [process.execPath, [path.join(repoRoot, 'node_modules', '@web', 'test-runner', 'dist', 'bin.js'), '--config', 'web-test-runner.config.mjs']] },
  { name: 'size', label: 'Bundle size budget', command: [process.execPath, ['scripts/size-check.mjs']] },
  { name: 'package', label: 'Widgets npm package', command: nodeTest(existing('test/package')) },
  { name: 'e2e', label: 'End to end: editor to partner page', command: nodeTest(existing('test/e2e')) },
];

async function postgresReachable() {
  const { hostname, port } = new URL(PG_URL);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432), timeout: 2000 });
    socket.on('connect', () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/** Runs one suite, showing its output live, and reads its pass/fail counts. */
function runSuite(suite) {
  const [command, args] = suite.command;
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...suite.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (stream, sink) => stream.on('data', (chunk) => ((output += chunk), sink.write(chunk)));
    collect(child.stdout, process.stdout);
    collect(child.stderr, process.stderr);
    child.on('exit', (code) => resolve({ code, ...countsIn(output) }));
    child.on('error', (error) => resolve({ code: 1, passed: 0, failed: 1, note: error.message }));
  });
}

function countsIn(output) {
  const last = (re) => [...output.matchAll(re)].map((m) => Number(m[1])).pop();
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
  await ensureDependencies();
  await ensureSystemPackages();
  await buildWidgets();
  await buildCms({ admin: chosen.some((s) => s.name === 'e2e') });
} catch (error) {
  console.error(`\nSet-up failed: ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const results = [];
for (const suite of chosen) {
  if (suite.requires && !(await suite.requires())) {
    say(`Skipping ${suite.label}: not reachable.`);
    results.push({ suite, passed: 0, failed: 0, skipped: 1, note: 'not reachable' });
    continue;
  }
  say(`${suite.label}…`);
  const t0 = Date.now();
  const result = await runSuite(suite);
  // A suite that crashed or printed no counts still counts as a failure.
  if (result.code !== 0 && result.failed === 0) result.failed = 1;
  results.push({ suite, ...result, seconds: (Date.now() - t0) / 1000 });
}

console.log('\nSummary');
for (const r of results) {
  const status = r.note ? `skipped (${r.note})` : `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`;
  console.log(`  ${r.suite.label.padEnd(40)} ${status}${r.seconds ? `  (${r.seconds.toFixed(0)} s)` : ''}`);
}
const total = (key) => results.reduce((sum, r) => sum + (r[key] ?? 0), 0);
console.log(`  total time ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
console.log(`${total('passed')} passed, ${total('failed')} failed`);
process.exit(total('failed') > 0 ? 1 : 0);

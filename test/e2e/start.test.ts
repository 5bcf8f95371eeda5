/**
 * `npm start` and `npm run cluster` as a new user runs them, where they can go wrong before anything
 * starts: a port another process holds (often the same command left running in another terminal), a
 * PostgreSQL that is not there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { freePort, repoRoot } from '../../scripts/lib/steps.ts';

/** Runs an npm script's TypeScript as npm does (through scripts/run.mjs), and returns its exit code and output. */
async function run(script: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['scripts/run.mjs', script], { cwd: repoRoot, env: { ...process.env, PUBLIC_URL: '', ...env } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, output };
}

/** The same, while another process holds `port`. */
async function runWithPortHeld(script: string, port: number, env: Record<string, string>) {
  const holder = net.createServer().listen(port, '0.0.0.0');
  await new Promise((resolve) => holder.once('listening', resolve));
  try {
    return await run(script, env);
  } finally {
    await new Promise((resolve) => holder.close(resolve));
  }
}

/** What `npm start` and `npm run cluster` print as they build and start (scripts/lib/steps.ts `say`, their closing lines). */
const NOTHING_STARTED = /Building|Compiling|Starting|SEND updates is running (\.|on)/;

test('on a port in use, npm start says so and how to go on, builds and starts nothing, and exits 1', async () => {
  const port = await freePort();
  const { code, output } = await runWithPortHeld('scripts/start.ts', port, { PORT: String(port) });
  assert.equal(code, 1, output);
  assert.match(
    output,
    new RegExp(`Port ${port} is in use already\\. If SEND updates is running in another terminal, use that one: http://localhost:${port}/updates`),
  );
  assert.match(output, new RegExp(`PORT=${port + 1} npm start`));
  assert.doesNotMatch(output, NOTHING_STARTED, 'nothing built or started');
});

test('on a port of its range in use, npm run cluster names it and the range, builds and starts nothing, and exits 1', async () => {
  const held = await freePort();
  // nginx would take held - 1, the first instance `held`.
  const { code, output } = await runWithPortHeld('scripts/cluster.ts', held, { CLUSTER_PORT: String(held - 1) });
  assert.equal(code, 1, output);
  assert.match(output, new RegExp(`\\b${held}\\b.* in use already: the cluster takes ports ${held - 1}–${held + 1} \\(nginx, then each instance\\)`));
  assert.match(output, new RegExp(`CLUSTER_PORT=${held + 999} npm run cluster`));
  assert.doesNotMatch(output, NOTHING_STARTED, 'nothing built or started');
});

test('with PostgreSQL chosen where none answers, npm start and npm run cluster say where they looked (never the password), build nothing, and exit 1', async () => {
  const port = await freePort();
  const url = `postgres://postgres:Do-not-print-me@127.0.0.1:${port}/test`;
  for (const [script, env, advice] of [
    ['scripts/start.ts', { DATABASE_CLIENT: 'postgres', DATABASE_URL: url, PORT: String(await freePort()) }, /Or leave DATABASE_CLIENT unset to use SQLite\./],
    ['scripts/cluster.ts', { DATABASE_URL: url, CLUSTER_PORT: String(await freePort()) }, /correct the address\./],
  ] as const) {
    const { code, output } = await run(script, env);
    assert.equal(code, 1, output);
    assert.match(output, new RegExp(`Nothing answers at 127\\.0\\.0\\.1:${port}, where PostgreSQL should be \\(DATABASE_URL\\)`), script);
    assert.match(output, advice, script);
    assert.doesNotMatch(output, /Do-not-print-me/, `${script}: no password`);
    assert.doesNotMatch(output, NOTHING_STARTED, `${script}: nothing built or started`);
  }
});

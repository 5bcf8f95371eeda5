#!/usr/bin/env node
// @ts-check
/**
 * Entry of the npm scripts: installs npm packages when they are missing or
 * older than the lock file, then runs the TypeScript script it is given
 * through tsx, in this process, with the remaining arguments.
 *
 *   node scripts/run.mjs scripts/start.ts [arguments…]
 *
 * JavaScript, because it runs before tsx (an npm package) can be relied on.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** npm packages: installed when node_modules is missing or older than the lock file, or the SQLite driver is not built. */
async function ensureDependencies() {
  const marker = path.join(repoRoot, 'node_modules', '.package-lock.json');
  const lock = path.join(repoRoot, 'package-lock.json');
  const fresh = fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs;
  const nativeBuilt = () => fs.existsSync(path.join(repoRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
  if (fresh && nativeBuilt()) return;
  console.log(
    `${process.stdout.isTTY ? '\x1b[1m›\x1b[22m' : '›'} Installing npm packages (the first time takes about 4 minutes: the SQLite driver compiles from source)…`,
  );
  await new Promise((resolve, reject) => {
    const npm = spawn('npm', ['install', '--no-audit', '--no-fund', '--loglevel=warn'], { cwd: repoRoot, stdio: 'inherit' });
    npm.on('error', reject);
    npm.on('exit', (code, signal) => (code === 0 ? resolve(undefined) : reject(new Error(`npm install failed (${signal ?? `exit ${code}`})`))));
  });
  // npm from 11.16 on runs a dependency's install script only if package.json's allowScripts lets it.
  if (!nativeBuilt()) throw new Error('the SQLite driver (better-sqlite3) was not built: its install script must run (see "allowScripts" in package.json)');
}

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('Usage: node scripts/run.mjs <script.ts> [arguments…]');
  process.exit(2);
}
try {
  await ensureDependencies();
} catch (error) {
  console.error(`\nSet-up failed: ${error instanceof Error ? error.message : String(error)}`);
  // npm test's callers read the last line.
  if (path.basename(script).startsWith('test.')) console.log('0 passed, 1 failed');
  process.exit(1);
}

const file = path.resolve(script);
// The script reads its own arguments from process.argv, as if started directly.
process.argv = [process.argv[0], file, ...args];
// What `node --import tsx` does: TypeScript for both module systems (the CMS's source is CommonJS).
const [cjs, esm] = await Promise.all([import('tsx/cjs/api'), import('tsx/esm/api')]);
cjs.register();
esm.register();
await import(pathToFileURL(file).href);

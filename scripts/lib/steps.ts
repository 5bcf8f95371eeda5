/**
 * The set-up steps shared by `npm start` and `npm test`. Each step checks
 * whether its work is already done (and fresh) before doing it, so a second
 * run starts in seconds.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cmsDir = path.join(repoRoot, 'cms');
/** The Chromium the browser tests and the bench launch: CHROMIUM_PATH, else Debian's (web-test-runner.config.mjs reads the same). */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * @strapi/strapi as the CMS resolves it, in its CommonJS build: the ES module build imports
 * lodash/fp as a directory, which Node's ES module loader refuses.
 */
export const strapiPackage = () => createRequire(path.join(cmsDir, 'package.json'))('@strapi/strapi') as typeof import('@strapi/strapi');

/**
 * Node's options for a CMS process.
 * - A larger young generation (32 MB semi-spaces, against 16 MB by default on Node 20) collects
 *   short-lived request garbage less often and promotes less of it to the old generation, where the
 *   catalogue lives and every full collection must mark it: at 100,000 items, uncached lists, searches
 *   and feeds at 50 connections were answered 0.7–13 % faster in 13 of 13 interleaved pairs of runs
 *   (wrk, 8 s each), for about 60 MB more resident memory under load.
 * - No memory reducer: V8 runs it when a process goes quiet, as three full collections in a row. At
 *   100,000 items each marked the whole catalogue again (pauses of 60–75 ms, 180–390 ms of marking on
 *   the main thread, 2.4 s of CPU in all) to give back 52 MB of a 325 MB heap, and a quiet instance
 *   took that CPU from a busy one on the same cores. Full collections still run as the heap grows.
 */
export const CMS_NODE_OPTIONS = ['--max-semi-space-size=32', '--no-memory-reducer'];

/** Strapi's command-line entry, wherever npm placed it (hoisted to the root in this workspace). */
export const strapiCli = () =>
  path.join(path.dirname(createRequire(path.join(cmsDir, 'package.json')).resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[22m` : s);
export const say = (message: string) => console.log(`${bold('›')} ${message}`);

/** Runs a command with its output shown, rejecting with a readable error on failure. */
export function run(
  command: string,
  args: string[],
  { cwd = repoRoot, env = {}, quiet = false }: { cwd?: string; env?: Record<string, string>; quiet?: boolean } = {},
) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: quiet ? 'ignore' : 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`))));
  });
}

/** Every file under the given files and folders (in a stable order), leaving out node_modules and dist. */
function* filesUnder(paths: string[]): Generator<[string, fs.Stats]> {
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      continue;
    }
    if (!stat.isDirectory()) yield [p, stat];
    else {
      const entries = fs
        .readdirSync(p)
        .filter((entry) => entry !== 'node_modules' && entry !== 'dist')
        .sort();
      yield* filesUnder(entries.map((entry) => path.join(p, entry)));
    }
  }
}

const newestMtime = (paths: string[]) => Math.max(0, ...[...filesUnder(paths)].map(([, stat]) => stat.mtimeMs));

function hashOf(paths: string[]) {
  const hash = createHash('sha256');
  for (const [file] of filesUnder(paths)) hash.update(file).update(fs.readFileSync(file));
  return hash.digest('hex');
}

/** Debian packages the browser and feed tests need: Chromium and xmllint. */
export async function ensureSystemPackages({
  packages = { chromium: CHROMIUM, 'libxml2-utils': '/usr/bin/xmllint' },
}: { packages?: Record<string, string> } = {}) {
  const missing = Object.entries(packages)
    .filter(([, file]) => !fs.existsSync(file))
    .map(([name]) => name);
  if (missing.length === 0) return;
  const aptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).stdout.trim();
  if (!aptGet) throw new Error(`Missing ${missing.join(', ')}, and there is no apt-get here to install them. Install them, or set CHROMIUM_PATH.`);
  say(`Installing Debian packages: ${missing.join(', ')}…`);
  const [command, ...prefix] = process.getuid?.() === 0 ? ['apt-get'] : ['sudo', 'apt-get'];
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  await run(command, [...prefix, 'update', '-qq'], { env });
  await run(command, [...prefix, 'install', '-y', '-qq', ...missing], { env });
}

/** The widget bundles (dist/widgets) and the npm package with its custom-elements.json (dist/esm), rebuilt when their sources changed. */
export async function buildWidgets({ force = false } = {}) {
  const output = path.join(repoRoot, 'dist', 'widgets', 'send-widgets.js');
  const sources = ['widgets', 'rollup.config.mjs', 'custom-elements-manifest.config.mjs', 'package.json', 'package-lock.json'].map((p) =>
    path.join(repoRoot, p),
  );
  if (!force && fs.existsSync(output) && fs.statSync(output).mtimeMs >= newestMtime(sources)) return;
  say('Building the widgets…');
  // A clean output: lazy chunks have hashed names, and stale ones must not be served or published.
  for (const dir of ['widgets', 'esm']) fs.rmSync(path.join(repoRoot, 'dist', dir), { recursive: true, force: true });
  await run(process.execPath, [path.join(repoRoot, 'node_modules', 'rollup', 'dist', 'bin', 'rollup'), '-c', 'rollup.config.mjs', '--silent']);
  await run(process.execPath, [
    path.join(repoRoot, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js'),
    'analyze',
    '--config',
    'custom-elements-manifest.config.mjs',
    '--quiet',
  ]);
}

type Stamp = { admin?: string; server?: string };
const stampFile = path.join(cmsDir, 'dist', '.send-build.json');
const readStamp = (): Stamp => {
  try {
    return JSON.parse(fs.readFileSync(stampFile, 'utf8')) as Stamp;
  } catch {
    return {};
  }
};

/**
 * The CMS: server code compiled to cms/dist (7 s) whenever it changed, and the
 * admin panel (about a minute) only when it is missing or its inputs changed.
 */
export async function buildCms({ admin = true } = {}) {
  const adminInputs = hashOf(
    ['package-lock.json', 'cms/package.json', 'cms/src/admin', 'cms/config/admin.ts', 'cms/config/plugins.ts'].map((p) => path.join(repoRoot, p)),
  );
  // The compile type-checks too, so the contract and Strapi's generated types are inputs.
  const serverInputs = hashOf(['cms/src', 'cms/config', 'cms/types', 'cms/tsconfig.json', 'contract', 'package-lock.json'].map((p) => path.join(repoRoot, p)));
  const stamp = readStamp();
  const adminBuilt = fs.existsSync(path.join(cmsDir, 'dist', 'build', 'index.html'));
  if (admin && (!adminBuilt || stamp.admin !== adminInputs)) {
    say('Building the Strapi admin panel (about a minute, only when it changes)…');
    await run(process.execPath, [strapiCli(), 'build'], { cwd: cmsDir, env: { STRAPI_TELEMETRY_DISABLED: 'true' } });
    writeStamp({ ...readStamp(), admin: adminInputs, server: serverInputs });
    return;
  }
  if (stamp.server === serverInputs && fs.existsSync(path.join(cmsDir, 'dist', 'src', 'index.js'))) return;
  say('Compiling the CMS…');
  // Compiled anew, so a source file removed since the last compile does not live on in dist, where Strapi would still
  // load it; TypeScript's record of what it last wrote goes too, or it would write nothing.
  for (const output of ['src', 'config', 'tsconfig.tsbuildinfo']) fs.rmSync(path.join(cmsDir, 'dist', output), { recursive: true, force: true });
  await run('node', ['-e', "require('@strapi/strapi').compileStrapi({ appDir: process.cwd() }).catch((e) => { console.error(e); process.exit(1); })"], {
    cwd: cmsDir,
  });
  writeStamp({ ...readStamp(), server: serverInputs });
}

function writeStamp(stamp: Stamp) {
  fs.mkdirSync(path.dirname(stampFile), { recursive: true });
  fs.writeFileSync(stampFile, JSON.stringify(stamp, null, 2));
}

/**
 * Whether something already listens on `port` where a server on `host` would listen (Strapi's default host: every
 * interface). Any other failure (a port this user may not open) is left for the server itself to report.
 */
export const portTaken = (port: number, host = '0.0.0.0') =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRINUSE'));
    server.listen(port, host, () => server.close(() => resolve(false)));
  });

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/**
 * What keeps the CMS from reaching PostgreSQL at the address the environment gives it (DATABASE_URL, else
 * DATABASE_HOST and DATABASE_PORT, as cms/config/database.ts reads them), in words for whoever started it;
 * null when something answers there, or the address is not TCP (a socket) or cannot be read (Strapi says why).
 */
export async function postgresProblem(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(env.DATABASE_URL || `postgres://${env.DATABASE_HOST || '127.0.0.1'}:${env.DATABASE_PORT || 5432}`);
  } catch {
    return null;
  }
  if (!url.hostname || (await postgresReachable(url.href))) return null;
  // Host and port only: the URL may hold a password.
  const where = `${url.hostname}:${url.port || 5432}`;
  return `Nothing answers at ${where}, where PostgreSQL should be (${env.DATABASE_URL ? 'DATABASE_URL' : 'DATABASE_HOST and DATABASE_PORT'}). Start PostgreSQL there, or correct the address.`;
}

/** Whether something accepts connections at a PostgreSQL URL's host and port (within 2 s). */
export const postgresReachable = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = net.connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port || 5432), timeout: 2000 });
    socket.on('connect', () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => (socket.destroy(), resolve(false)));
  });

/** Resolves once GET url answers 2xx/3xx, or rejects after `timeoutMs`. */
/** Whether a child process has ended. One ended by a signal keeps exitCode null, and will not emit 'exit' again. */
export const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;
/** Resolves once the child has ended: at once if it already has. */
export const exitOf = (child: ChildProcess) => new Promise<void>((resolve) => (hasExited(child) ? resolve() : child.once('exit', () => resolve())));

export async function waitForHttp(
  url: string,
  { timeoutMs = 120_000, child, name = 'The CMS' }: { timeoutMs?: number; child?: ChildProcess; name?: string } = {},
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && hasExited(child)) throw new Error(`${name} exited (${child.signalCode ?? `code ${child.exitCode}`}) before answering ${url}.`);
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 400) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Nothing answered ${url} within ${timeoutMs / 1000} s.`);
}

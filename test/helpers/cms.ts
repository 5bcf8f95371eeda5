/**
 * Boots the real Strapi app (compiled from cms/) on a throwaway database, in
 * this process, and gives tests its base URL. SQLite by default; with
 * TEST_DB=postgres it uses a fresh schema in the PostgreSQL database named by
 * TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/test), dropped after.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import pg from 'pg';
import { spawn, type ChildProcess } from 'node:child_process';
import { CMS_NODE_OPTIONS, cmsDir, exitOf, freePort, hasExited, repoRoot, strapiCli, strapiPackage, waitForHttp } from '../../scripts/lib/steps.ts';
import { UPDATE_TYPES } from '../../cms/src/lib/update-types.ts';

export { cmsDir, freePort, repoRoot };

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** Compiles cms/ to cms/dist when the compiled app is missing (tests normally run after a build). */
export async function ensureCompiled() {
  if (fs.existsSync(path.join(cmsDir, 'dist', 'src', 'index.js'))) return;
  await strapiPackage().compileStrapi({ appDir: cmsDir });
}

async function postgresSchema() {
  const url = process.env.TEST_PG_URL || DEFAULT_PG_URL;
  const schema = `send_test_${randomBytes(5).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.end();
  return {
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url, DATABASE_SCHEMA: schema },
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA "${schema}" CASCADE`);
      await c.end();
    },
  };
}

export type TestCms = { strapi: Core.Strapi; baseUrl: string; dbClient: 'sqlite' | 'postgres'; stop: () => Promise<void> };

export async function startCms({ env = {} }: { env?: Record<string, string> } = {}): Promise<TestCms> {
  await ensureCompiled();
  const dbClient = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
  let cleanup = async () => {};
  const dbEnv: Record<string, string> = {};
  if (dbClient === 'postgres') {
    const pgSchema = await postgresSchema();
    Object.assign(dbEnv, pgSchema.env);
    cleanup = () => pgSchema.drop();
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-cms-test-'));
    Object.assign(dbEnv, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') });
    cleanup = () => fs.promises.rm(dir, { recursive: true, force: true });
  }
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL || 'error',
    SERVE_ADMIN: 'false',
    LOCAL_EDITOR: 'off',
    PORT: '0',
    ...dbEnv,
    ...env,
  });

  const strapi = strapiPackage().createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist') });
  await strapi.load();
  await new Promise<void>((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
  const { port } = strapi.server.httpServer.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  strapi.config.set('server.url', baseUrl);

  return {
    strapi,
    baseUrl,
    dbClient,
    async stop() {
      await strapi.destroy();
      await cleanup();
    },
  };
}

export type CmsProcess = { child: ChildProcess; base: string; log: () => string; stop: (signal?: NodeJS.Signals) => Promise<void> };

/**
 * Starts the compiled CMS as `strapi start` in a process of its own, on a free port, as a
 * developer would run it (for tests that need the admin, a restart, a kill or two instances).
 * `env` adds to and overrides the defaults. Its output is kept for the error when it fails to start.
 */
export async function spawnCms(
  env: Record<string, string>,
  { name = '', timeoutMs = 180_000 }: { name?: string; timeoutMs?: number } = {},
): Promise<CmsProcess> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...CMS_NODE_OPTIONS, strapiCli(), 'start'], {
    cwd: cmsDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: base,
      LOG_LEVEL: 'warn',
      STRAPI_TELEMETRY_DISABLED: 'true',
      ...env,
    },
  });
  let log = '';
  const keep = (data: Buffer) => (log += name ? `[${name}] ${String(data)}` : String(data));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (hasExited(child)) return;
    const exited = exitOf(child);
    child.kill(signal);
    await exited;
  };
  try {
    await waitForHttp(`${base}/_health`, { child, timeoutMs });
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${log}`, { cause: error });
  }
  return { child, base, log: () => log, stop };
}

/** Signs in to the admin API and returns the session token. */
export async function adminToken(base: string, account: { email: string; password: string }): Promise<string> {
  const answer = await fetch(`${base}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(account) });
  const json = (await answer.json()) as { data?: { token?: string; accessToken?: string } };
  const token = json.data?.token ?? json.data?.accessToken;
  if (!token) throw new Error(`The admin gave no token for ${account.email}: ${JSON.stringify(json)}`);
  return token;
}

/**
 * GET a path and parse JSON, keeping status and headers for assertions. The body is typed as the
 * caller expects (usually a contract type); the contract test is what checks it really is.
 */
export async function getJson<T = unknown>(baseUrl: string, pathAndQuery: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: T }> {
  const response = await fetch(new URL(pathAndQuery, baseUrl), init);
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body: body as T };
}

/** Counts reads of items through the document service (the catalogue reads items so) until `stop` is called, which returns the count. */
export function countItemReads(strapi: Core.Strapi) {
  const itemUids: readonly string[] = Object.values(UPDATE_TYPES);
  let reads = 0;
  let counting = true;
  strapi.documents.use((context, next) => {
    if (counting && itemUids.includes(context.uid) && context.action.startsWith('find')) reads += 1;
    return next();
  });
  return {
    stop() {
      counting = false;
      return reads;
    },
  };
}

/**
 * Two (or more) CMS instances on one PostgreSQL database behind nginx (deploy/nginx/send-cms.conf),
 * on this machine: what `npm run cluster` runs, and what the cluster tests and the benchmark drive.
 *
 * Every instance runs from the same cms/ folder, so uploads land in one cms/public/uploads: on
 * several servers that folder must be shared storage (or an upload provider such as S3). The first
 * instance starts alone (it creates the tables and seeds); the others start once it answers.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { CMS_NODE_OPTIONS, cmsDir, ensureSystemPackages, freePort, hasExited, repoRoot, strapiCli, waitForHttp } from './steps.ts';

export const NGINX = '/usr/sbin/nginx';
const LUA_MODULE = '/usr/lib/nginx/modules/ngx_http_lua_module.so';

/** nginx and its Lua module, from Debian, when missing. */
export const ensureNginx = () => ensureSystemPackages({ packages: { nginx: NGINX, 'libnginx-mod-http-lua': LUA_MODULE } });

export type Instance = {
  name: string;
  url: string;
  port: number;
  process: ChildProcess;
  /** Ends the process at once (SIGKILL), as a crash would. */
  kill(): void;
  /** Starts it again on the same port and waits until it answers. */
  restart(): Promise<void>;
};

export type Cluster = { url: string; instances: Instance[]; purgeUrl: string; stop(): Promise<void> };

export type ClusterOptions = {
  /** postgres:// URL of the database; the schema is created in it when missing. */
  databaseUrl: string;
  schema: string;
  instances?: number;
  /** nginx's port; the instances take the ports after it. 0: free ports. */
  port?: number;
  workers?: number;
  env?: Record<string, string>;
  /** Where the CMS's output goes (by default, its warnings and errors only, to this process's). */
  log?: 'inherit' | 'ignore';
};

export async function ensureSchema(databaseUrl: string, schema: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
  await client.end();
}

export async function dropSchema(databaseUrl: string, schema: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema.replace(/"/g, '""')}" CASCADE`);
  await client.end();
}

const TMPFS_MAGIC = 0x01021994;
/** Linux's shared-memory tmpfs, when there is one this process may write to. */
function memoryDir(): string | null {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return fs.statfsSync('/dev/shm').type === TMPFS_MAGIC ? '/dev/shm' : null;
  } catch {
    return null;
  }
}

/** The nginx configuration from the template, for these instance ports. */
export function nginxConfig({
  listen,
  ports,
  runDir,
  cacheDir,
  workers,
}: {
  listen: number;
  ports: number[];
  runDir: string;
  cacheDir: string;
  workers: number;
}): string {
  const template = fs.readFileSync(path.join(repoRoot, 'deploy', 'nginx', 'send-cms.conf'), 'utf8');
  const values: Record<string, string> = {
    workers: String(workers),
    run_dir: runDir,
    cache_dir: cacheDir,
    listen: `127.0.0.1:${listen}`,
    upstream_servers: ports.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=2s;`).join('\n'),
    purge_allow: '      allow 127.0.0.1;',
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    if (!(key in values)) throw new Error(`deploy/nginx/send-cms.conf: no value for {{${key}}}`);
    return values[key];
  });
}

export async function startCluster({
  databaseUrl,
  schema,
  instances: count = 2,
  port = 0,
  workers = 2,
  env = {},
  log = 'inherit',
}: ClusterOptions): Promise<Cluster> {
  await ensureNginx();
  await ensureSchema(databaseUrl, schema);
  const listen = port || (await freePort());
  const ports: number[] = [];
  for (let i = 0; i < count; i += 1) ports.push(port ? port + 1 + i : await freePort());
  const url = `http://127.0.0.1:${listen}`;
  const purgeUrl = `${url}/_send/purge`;
  const runDir = path.join(repoRoot, '.tmp', `cluster-${listen}`);
  // nginx's cache in memory where the machine has a tmpfs for it (see deploy/nginx/send-cms.conf).
  const cacheDir = path.join(memoryDir() ?? runDir, `send-nginx-cache-${listen}`);
  for (const dir of [runDir, cacheDir]) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
  }

  const instanceEnv = (instancePort: number): NodeJS.ProcessEnv => ({
    STRAPI_TELEMETRY_DISABLED: 'true',
    LOG_LEVEL: 'warn',
    ...process.env,
    NODE_ENV: process.env.NODE_ENV === 'production' ? 'production' : 'development',
    SERVE_ADMIN: 'false',
    LOCAL_EDITOR: 'off',
    HOST: '127.0.0.1',
    PORT: String(instancePort),
    PUBLIC_URL: url,
    // Clients' addresses come from nginx's X-Forwarded-For (one proxy in front).
    IS_PROXIED: 'true',
    PROXY_HOPS: '1',
    PROXY_PURGE_URLS: purgeUrl,
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: schema,
    ...env,
  });

  const launch = (name: string, instancePort: number): ChildProcess =>
    spawn(process.execPath, [...CMS_NODE_OPTIONS, strapiCli(), 'start'], { cwd: cmsDir, env: instanceEnv(instancePort), stdio: ['ignore', log, log] });

  const instances: Instance[] = ports.map((instancePort, i) => {
    const name = String.fromCharCode(65 + i);
    const instance: Instance = {
      name,
      port: instancePort,
      url: `http://127.0.0.1:${instancePort}`,
      process: null as unknown as ChildProcess,
      kill() {
        instance.process.kill('SIGKILL');
      },
      async restart() {
        instance.process = launch(name, instancePort);
        await waitForHttp(`${instance.url}/_health`, { child: instance.process, timeoutMs: 300_000 });
      },
    };
    return instance;
  });

  let nginx: ChildProcess | null = null;
  const running = (child: ChildProcess | null | undefined): child is ChildProcess => Boolean(child) && !hasExited(child!);
  const stop = async () => {
    for (const instance of instances) if (running(instance.process)) instance.process.kill('SIGTERM');
    if (running(nginx)) nginx.kill('SIGQUIT');
    await Promise.all(
      [...instances.map((i) => i.process), nginx].filter(running).map(
        (child) =>
          new Promise((resolve) => {
            child.once('exit', resolve);
            setTimeout(() => (child.kill('SIGKILL'), resolve(null)), 10_000).unref();
          }),
      ),
    );
    // nginx's cache and logs go with it.
    for (const dir of [runDir, cacheDir]) fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    // The first creates the tables and seeds alone; the rest then start side by side.
    await instances[0].restart();
    await Promise.all(instances.slice(1).map((instance) => instance.restart()));
    const configFile = path.join(runDir, 'nginx.conf');
    fs.writeFileSync(configFile, nginxConfig({ listen, ports, runDir, cacheDir, workers }));
    const check = spawnSync(NGINX, ['-t', '-q', '-p', runDir, '-c', configFile, '-e', path.join(runDir, 'error.log')], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx refused its configuration:\n${check.stderr}`);
    nginx = spawn(NGINX, ['-p', runDir, '-c', configFile, '-e', path.join(runDir, 'error.log'), '-g', 'daemon off;'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    await waitForHttp(`${url}/_health`, { child: nginx, timeoutMs: 20_000, name: 'nginx' });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, instances, purgeUrl, stop };
}

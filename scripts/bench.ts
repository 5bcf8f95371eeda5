/**
 * `npm run bench`: what the public endpoints sustain, measured with autocannon at 50 connections
 * (timed once they are all open: see `load`), beside two baselines in the same run: stock Strapi's core `find`
 * (one content type, with a read-only API token) and a bare Node server sending the same JSON.
 *
 * For each catalogue size (100 and 100,000 generated items, plus the seed), on PostgreSQL:
 * - cached (one address, repeated) and uncached (distinct valid queries) on /api/updates, a
 *   search, an item and /feeds/rss.xml (uncompressed, gzip, brotli); uncached lists, searches and
 *   feeds twice, each pass with its own addresses: the first as a process meets them after it starts,
 *   the second as one that has run for a while (its code compiled, the search words' results and the
 *   feed items the first pass wrote kept);
 * - one instance, and two instances behind nginx (scripts/lib/cluster.ts);
 * - the time from a publish on instance A to the item answering on instance B and through nginx;
 * - latency on B while A publishes and while a topic is renamed, at full load (closed loop) and at a
 *   steady rate of half what one instance sustains (open loop, each request timed from when it was due),
 *   and, as a control, while another process burns the CPU time A and PostgreSQL spent on the publishes
 *   with nothing changing (on a machine whose cores are shared, that alone delays B);
 * - each instance's memory (resident set);
 * - in the uncached cases, the CPU time of each process a request, and the bytes of an answer.
 * Once: each widget's gzip size beside Lit's own minimal element, and the time Chromium takes to
 * render 1,000 items (ten news feeds of 100) from the largest catalogue.
 *
 *   npm run bench [-- --seconds 5 --connections 50 --sizes 100,100000 --json [file]]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import puppeteer from 'puppeteer-core';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { minified } from '../rollup.config.mjs';
import type { ListResponse } from '../contract/api';
import { SECRET_NAMES } from '../cms/config/secrets.ts';
import { launchOptions } from '../test/helpers/chromium.ts';
import { dropSchema, ensureSchema, startCluster, type Cluster } from './lib/cluster.ts';
import { PLACES } from './lib/catalogue-generator.ts';
import { buildCms, buildWidgets, repoRoot, say } from './lib/steps.ts';

const option = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] && !process.argv[i + 1].startsWith('--') ? process.argv[i + 1] : fallback;
};
const SECONDS = Number(option('seconds', '5'));
const CONNECTIONS = Number(option('connections', '50'));
const SIZES = option('sizes', '100,100000').split(',').map(Number);
const JSON_FILE = process.argv.includes('--json') ? path.resolve(option('json', path.join(repoRoot, '.tmp', 'bench.json'))) : null;
const DATABASE_URL = process.env.DATABASE_URL || process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
/** The instances run as in production, with secrets made for this run. */
const ENV = {
  NODE_ENV: 'production',
  SEED_CONTENT: 'true',
  ...Object.fromEntries(SECRET_NAMES.map((name) => [name, [1, 2].map(() => randomBytes(24).toString('base64')).join(',')])),
  // Enough for any load here: the public rate limit is not what is measured.
  RATE_LIMIT_REQUESTS: '100000000',
  // Each run's new database gets its first administrator through the admin API, on this machine only.
  ADMIN_SIGNUP: 'open',
  LOG_LEVEL: 'error',
};

type Load = {
  rps: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
  requests: number;
  failed: number;
  distinct: number;
  rampMs?: number;
  /** Bytes of each timed answer on average, headers included: how much work an answer is, as sizes and filters change it. */
  bytesPerAnswer?: number;
};
/** Why paced requests failed: a status code or an error code, with how many. */
type Failures = Record<string, number>;
/** CPU time each part of the machine spent on a case, in ms: the instances, nginx, PostgreSQL and this process (the load generator). */
type CpuSpent = { a: number; b: number; nginx: number; postgres: number; generator: number };
type Row = { target: string; case: string; cpu: CpuSpent } & Load;
const CHANGES = ['nothing', 'publishes', 'topic rename', 'equal CPU elsewhere'] as const;
type Change = (typeof CHANGES)[number];

/** The value below which a share `q` of the sorted numbers fall. */
const percentile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;

/** Answers each connection has had before a closed-loop run starts timing (see `load`). */
const WARM_ANSWERS = 3;
/** A request no cache has seen and that costs little: a list page of one item, each page once. */
const warmPath = (n: number) => `/api/updates?pageSize=1&page=${n}`;

/**
 * Closed-loop load at CONNECTIONS connections for `seconds`; `paths` are cycled (one: cached; many: distinct).
 *
 * Timing starts once every connection is open and has had WARM_ANSWERS answers to cheap warm-up requests
 * (`warmPath`, which nothing caches, so through nginx they open its connections to the instances too), and
 * takes in only requests sent from then on. Since libuv 1.45 (Node 20) a busy process accepts one new
 * connection per turn of its event loop (libuv pull request 3696), and a turn at 50 connections is 50
 * requests long, so 50 connections opened at once took up to 2 s to be accepted: the first requests of a
 * run measured that ramp, not the endpoint (uncached RSS at 100,000 items: p99 1,144 ms with the ramp).
 * Readers reach the instances through nginx's kept-alive connections. `rampMs` is how long the ramp took.
 */
async function load(
  base: string,
  paths: string[],
  headers: Record<string, string> = {},
  seconds = SECONDS,
  timed?: { start: () => void; end: () => void },
): Promise<Load> {
  let next = 0;
  let warmed = 0;
  const url = new URL(base);
  const answers = new Map<object, number>();
  /** Connections whose request in flight was sent after timing started. */
  const counted = new WeakSet<object>();
  const latencies: number[] = [];
  let answerBytes = 0;
  let timing = false;
  let ended = false;
  let rampMs = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        // Ended by `stop` once the timed part is over; this only bounds a ramp that never ends.
        duration: seconds + 120,
        headers: { host: url.host, ...headers },
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: timing ? paths[next++ % paths.length] : warmPath(++warmed) }) }],
      },
      (error: Error | null, done) => (error ? reject(error) : resolve(done)),
    );
    // A connection sends its next request right after this event, so it is timed if timing has begun by then.
    run.on('response', (client, _status, bytes, ms) => {
      if (counted.has(client) && !ended) {
        latencies.push(ms);
        answerBytes += bytes;
      }
      answers.set(client, (answers.get(client) ?? 0) + 1);
      if (!timing && answers.size === CONNECTIONS && [...answers.values()].every((n) => n >= WARM_ANSWERS)) {
        timing = true;
        rampMs = performance.now() - started;
        timed?.start();
        setTimeout(() => {
          ended = true;
          timed?.end();
          run.stop();
        }, seconds * 1000);
      }
      if (timing) counted.add(client);
    });
  });
  const sorted = latencies.sort((a, b) => a - b);
  return {
    rps: sorted.length / seconds,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    p999: percentile(sorted, 0.999),
    max: sorted[sorted.length - 1] ?? 0,
    requests: sorted.length,
    // Any failure, warm-up included.
    failed: result.errors + result.timeouts + result.non2xx,
    distinct: Math.min(paths.length, sorted.length),
    rampMs,
    bytesPerAnswer: sorted.length ? answerBytes / sorted.length : 0,
  };
}

/**
 * Open-loop load: a request falls due every 1/`rate` s, whether or not earlier ones were answered, and is
 * timed from when it was due, so a stall shows in every request scheduled behind it, as readers would
 * feel it (a closed loop at full load measures its own queue instead). At most CONNECTIONS sockets.
 */
async function paced(base: string, paths: string[], rate: number, seconds: number): Promise<Load & { failures: Failures }> {
  const { hostname, port } = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let failed = 0;
  const failures: Failures = {};
  const one = (path: string, due: number) =>
    new Promise<void>((resolve) => {
      const done = (failure: string | null) => {
        latencies.push(performance.now() - due);
        if (failure) {
          failed += 1;
          failures[failure] = (failures[failure] ?? 0) + 1;
        }
        resolve();
      };
      http
        .get({ host: hostname, port, path, agent }, (response) => {
          response.resume();
          response.on('end', () => done(response.statusCode === 200 ? null : `HTTP ${response.statusCode}`));
        })
        .on('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    });
  const total = Math.round(rate * seconds);
  const answers: Promise<void>[] = [];
  const started = performance.now();
  while (answers.length < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    while (answers.length < due) answers.push(one(paths[answers.length % paths.length], started + (answers.length * 1000) / rate));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(answers);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    rps: total / ((performance.now() - started) / 1000),
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    p999: percentile(sorted, 0.999),
    max: sorted[sorted.length - 1] ?? 0,
    requests: total,
    failed,
    failures,
    distinct: Math.min(paths.length, total),
  };
}

/** Every combination of the given parameter values, as query strings. */
function combinations(parameters: Record<string, (string | number)[]>): string[] {
  return Object.entries(parameters).reduce<string[]>(
    (queries, [name, values]) => queries.flatMap((query) => values.map((value) => (value === '' ? query : `${query}${query ? '&' : ''}${name}=${value}`))),
    [''],
  );
}

const shuffle = <T>(list: T[]) =>
  list
    .map((value) => [Math.random(), value] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, value]) => value);

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return (await response.json()) as T;
}

/** The cases for one target: [label, paths, headers]. */
async function casesFor(base: string) {
  const first = await json<ListResponse>(`${base}/api/updates?pageSize=100`);
  const total = first.meta.pagination.total;
  // Up to 50,000 items: more than a case sends, so an item is not asked for again while the response cache
  // or nginx would still hold it (with 2,000, each came round every 0.3 s and most were answered from the cache).
  const slugs: string[] = [];
  for (let page = 1; page <= Math.min(500, Math.ceil(total / 100)); page += 1) {
    for (const item of (await json<ListResponse>(`${base}/api/updates?pageSize=100&page=${page}`)).data) slugs.push(item.url);
  }
  const topics = first.meta.facets.topics.map((t) => t.value);
  const years = first.meta.facets.years.map((y) => y.value);
  const words = [
    'inspection',
    'ehcp',
    'short breaks',
    'transport',
    'families',
    'speech',
    'review',
    'send',
    'sencos',
    'consultation',
    'school',
    'support',
    'autism',
    'therapy',
    'plan',
    'local offer',
    // Towns, as readers search for their own: the generated items name them.
    ...PLACES.map((place) => place.toLowerCase()),
  ];
  const audiences = ['', ...first.meta.facets.audiences.map((a) => a.value)];
  const yearValues = ['', ...years.slice(0, 8)];
  // Uncached means distinct: more valid queries than a run sends, shuffled, so neither the CMS's response cache nor nginx's answers them.
  // Page sizes as widgets and pages ask (1 to 20), so the figures are about finding items, not sending 100 at a time.
  const pageSizes = Array.from({ length: 20 }, (_, i) => i + 1);
  const lists = shuffle(
    combinations({
      sort: ['newest', 'oldest', 'closing'],
      type: ['', 'article', 'consultation', 'staffing-update'],
      topic: ['', ...topics.slice(0, 2)],
      audience: audiences,
      year: yearValues,
      pageSize: pageSizes,
      page: [1, 2, 3],
    }).map((q) => `/api/updates?${q}`),
  );
  const searches = shuffle(
    combinations({
      q: words.map(encodeURIComponent),
      type: ['', 'article', 'consultation', 'staffing-update'],
      sort: ['newest', 'oldest', 'closing'],
      pageSize: pageSizes,
      page: [1, 2, 3, 4, 5, 6, 7, 8],
    }).map((q) => `/api/updates?${q}`),
  );
  const feeds = shuffle(
    combinations({
      topic: ['', ...topics],
      type: ['', 'article', 'consultation', 'staffing-update'],
      audience: audiences,
      year: yearValues,
      limit: Array.from({ length: 50 }, (_, i) => i + 11),
    }).map((q) => `/feeds/rss.xml?${q}`),
  );
  // Two passes over each, each with its own half of the addresses, so neither sends what the other sent.
  const secondLists = lists.splice(lists.length / 2);
  const secondSearches = searches.splice(searches.length / 2);
  const secondFeeds = feeds.splice(feeds.length / 2);
  const item = slugs[0];
  return {
    total,
    cases: [
      ['/api/updates, cached', ['/api/updates'], {}],
      ['/api/updates, uncached', lists, {}],
      ['/api/updates, uncached, second pass', secondLists, {}],
      ['search, cached', ['/api/updates?q=inspection'], {}],
      ['search, uncached', searches, {}],
      ['search, uncached, second pass', secondSearches, {}],
      ['item, cached', [item], {}],
      ['item, uncached', shuffle(slugs), {}],
      ['/feeds/rss.xml, cached', ['/feeds/rss.xml'], {}],
      ['/feeds/rss.xml, cached, gzip', ['/feeds/rss.xml'], { 'accept-encoding': 'gzip' }],
      ['/feeds/rss.xml, cached, brotli', ['/feeds/rss.xml'], { 'accept-encoding': 'br' }],
      ['/feeds/rss.xml, uncached', feeds, {}],
      // Other addresses: their items were mostly written for the pass before, as after any few seconds of a
      // running service, where the first pass pays for every item once.
      ['/feeds/rss.xml, uncached, second pass', secondFeeds, {}],
    ] as [string, string[], Record<string, string>][],
  };
}

/** Writes `items` generated items into a new schema (after the CMS has made its tables and seed). */
async function prepare(schema: string, items: number) {
  await ensureSchema(DATABASE_URL, schema);
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-catalogue.ts', '--items', String(items)], {
    cwd: repoRoot,
    // Production wants a public address; the generator writes no links.
    env: { ...process.env, ...ENV, PUBLIC_URL: 'http://localhost', DATABASE_CLIENT: 'postgres', DATABASE_URL, DATABASE_SCHEMA: schema },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`generating ${items} items failed`);
}

/** The first administrator of the new database, and a read-only API token for stock Strapi. */
async function credentials(base: string) {
  const registered = await json<{ data: { token: string } }>(`${base}/admin/register-admin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.org', password: 'Bench-pass-1234', firstname: 'Bench', lastname: 'Mark' }),
  });
  const jwt = registered.data.token;
  const token = await json<{ data: { accessKey: string } }>(`${base}/admin/api-tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${jwt}` },
    body: JSON.stringify({ name: 'bench', type: 'read-only', lifespan: null, description: 'Benchmark baseline: stock core find' }),
  });
  return { jwt, token: token.data.accessKey };
}

const editorRequest = (base: string, jwt: string) => (method: string, pathname: string, body?: unknown) =>
  json<{ data: { documentId: string } }>(`${base}${pathname}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${jwt}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** Publishes on A; milliseconds until B, and nginx, answer the new item. */
async function publishToVisible(cluster: Cluster, jwt: string, times = 5) {
  const editor = editorRequest(cluster.instances[0].url, jwt);
  const onB: number[] = [];
  const viaNginx: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const slug = `bench-visibility-${randomBytes(4).toString('hex')}`;
    const draft = await editor('POST', '/content-manager/collection-types/api::article.article', {
      title: `Benchmark visibility check ${i + 1}`,
      slug,
      summary: 'Made by the benchmark.',
      date: new Date().toISOString().slice(0, 10),
    });
    await editor('POST', `/content-manager/collection-types/api::article.article/${draft.data.documentId}/actions/publish`, draft.data);
    const published = performance.now();
    const until = async (url: string) => {
      while ((await fetch(url)).status !== 200) {
        if (performance.now() - published > 30_000) throw new Error(`${url} never answered`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      return performance.now() - published;
    };
    onB.push(await until(`${cluster.instances[1].url}/api/updates/article/${slug}`));
    viaNginx.push(await until(`${cluster.url}/api/updates/article/${slug}`));
  }
  const summary = (list: number[]) => ({ median: [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)], max: Math.max(...list) });
  return { onB: summary(onB), viaNginx: summary(viaNginx) };
}

/**
 * Latency on B, under `loadOnB`, while A changes nothing (the control), or `publishes` items one after
 * another (each applied to B's catalogue alone), or a topic renamed and published (every instance
 * renames it in each of its items, in memory; it used to read its whole catalogue again).
 */
async function latencyWhileChanging(
  cluster: Cluster,
  jwt: string,
  change: Change,
  loadOnB: () => Promise<Load>,
  burnMs = 0,
): Promise<Load & { writesCpuMs: number }> {
  const editor = editorRequest(cluster.instances[0].url, jwt);
  // A's and PostgreSQL's CPU time while the writes run (B's is not counted: it is what is measured).
  let writesCpuMs = 0;
  let busy: (() => CpuSpent) | null = null;
  const writes = (async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    if (change === 'nothing') return;
    if (change === 'equal CPU elsewhere') {
      for (let i = 0; i < 8; i += 1) {
        await burnCpu(burnMs / 8);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      return;
    }
    busy = cpuSince(cluster);
    if (change === 'publishes') {
      for (let i = 0; i < 8; i += 1) {
        const draft = await editor('POST', '/content-manager/collection-types/api::article.article', {
          title: `Refresh check ${i}`,
          slug: `bench-refresh-${randomBytes(4).toString('hex')}`,
          summary: 'Made by the benchmark.',
          date: new Date().toISOString().slice(0, 10),
        });
        await editor('POST', `/content-manager/collection-types/api::article.article/${draft.data.documentId}/actions/publish`, draft.data);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      return;
    }
    const topics = await json<{ results: { documentId: string; name: string }[] }>(
      `${cluster.instances[0].url}/content-manager/collection-types/api::topic.topic?pageSize=1`,
      { headers: { Authorization: `Bearer ${jwt}` } },
    );
    const topic = topics.results[0];
    if (topic) {
      await editor('PUT', `/content-manager/collection-types/api::topic.topic/${topic.documentId}`, { name: `${topic.name} ` });
      await editor('POST', `/content-manager/collection-types/api::topic.topic/${topic.documentId}/actions/publish`, { name: `${topic.name} ` });
    }
  })().finally(() => {
    const spent = busy?.();
    if (spent) writesCpuMs = spent.a + spent.postgres;
  });
  const [result] = await Promise.all([loadOnB(), writes]);
  return { ...result, writesCpuMs };
}

/** CPU time (user and system) the processes have used so far, in ms (Linux: /proc/<pid>/stat, in 1/100 s). */
function cpuMs(pids: (number | undefined)[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th of them.
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process has ended.
    }
  }
  return ticks * 10;
}

/** This machine's processes of a name (PostgreSQL's server and backends, nginx's master and workers). */
const pidsNamed = (command: string) =>
  fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === command;
      } catch {
        return false;
      }
    })
    .map(Number);
const postgresPids = () => pidsNamed('postgres');

/** Microseconds of CPU a request, from the milliseconds a part spent on `requests`. */
const usPerRequest = (ms: number, requests: number) => ((ms / Math.max(1, requests)) * 1000).toFixed(0);

/**
 * Starts counting the CPU time of each part of the machine; the returned function gives what each spent since.
 * Counted per process, listed again at the end: one that ends meanwhile (a PostgreSQL backend) is left out
 * rather than counted as negative time, and one that starts meanwhile counts from zero.
 */
function cpuSince(cluster: Cluster): () => CpuSpent {
  const [a, b] = cluster.instances.map((instance) => instance.process.pid);
  const parts = { a: () => [a], b: () => [b], nginx: () => pidsNamed('nginx'), postgres: postgresPids };
  const started = new Map<number | undefined, number>(Object.values(parts).flatMap((pids) => pids().map((pid) => [pid, cpuMs([pid])] as const)));
  const spent = (part: keyof typeof parts) => parts[part]().reduce<number>((sum, pid) => sum + Math.max(0, cpuMs([pid]) - (started.get(pid) ?? 0)), 0);
  const generator = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const generatorBefore = generator();
  return () => ({ a: spent('a'), b: spent('b'), nginx: spent('nginx'), postgres: spent('postgres'), generator: generator() - generatorBefore });
}

/** Keeps one core busy for `ms` in a process of its own, as another service on the machine would. */
const burnCpu = (ms: number) =>
  new Promise((resolve) => spawn(process.execPath, ['-e', `for (const end = Date.now() + ${Math.round(ms)}; Date.now() < end; );`]).once('exit', resolve));

/**
 * Waits until a server has worked through what an earlier case left queued (a cheap cached request
 * answers within 100 ms twice running), so one case's backlog does not land in the next one's figures.
 */
async function settled(base: string) {
  for (let calm = 0, deadline = Date.now() + 60_000; calm < 2 && Date.now() < deadline;) {
    const started = performance.now();
    await fetch(`${base}/api/updates?pageSize=1`)
      .then((response) => response.arrayBuffer())
      .catch(() => null);
    calm = performance.now() - started < 100 ? calm + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Waits until the machine's own parts (both instances, nginx, PostgreSQL) are quiet: under a tenth of a
 * core between them for a second. Stock Strapi's `find` leaves seconds of queued requests running in
 * A and PostgreSQL after its case ends (at 100,000 items they took half a core from the bare server's
 * case that followed), and an idle instance's collector can take a core for two seconds.
 */
async function quiet(cluster: Cluster) {
  const pids = () => [...cluster.instances.map((instance) => instance.process.pid), ...pidsNamed('nginx'), ...postgresPids()];
  for (let deadline = Date.now() + 60_000; Date.now() < deadline;) {
    const before = cpuMs(pids());
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    if (cpuMs(pids()) - before < 100) return;
  }
}

/** Resident memory of a process, in MB (Linux). */
const residentMb = (pid: number | undefined) => {
  const status = pid ? fs.readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

/** A bare Node server answering one body, in its own process (not sharing the load generator's). */
async function bareServer(body: string): Promise<{ url: string; child: ChildProcess }> {
  const file = path.join(os.tmpdir(), `send-bench-${process.pid}.json`);
  fs.writeFileSync(file, body);
  const code = `const b=require('fs').readFileSync(${JSON.stringify(file)});require('http').createServer((q,r)=>{r.writeHead(200,{'Content-Type':'application/json; charset=utf-8'});r.end(b)}).listen(0,'127.0.0.1',function(){console.log(this.address().port)})`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout.once('data', (data: Buffer) => resolve(data.toString().trim())));
  return { url: `http://127.0.0.1:${port}`, child };
}

async function measureSize(items: number) {
  const schema = `send_bench_${randomBytes(4).toString('hex')}`;
  say(`${items} items: generating…`);
  // The CMS makes its tables and seed the first time it starts; the generator needs them.
  const boot = await startCluster({ databaseUrl: DATABASE_URL, schema, instances: 1, log: 'ignore', env: ENV });
  await boot.stop();
  await prepare(schema, items);
  say(`${items} items: starting two instances behind nginx…`);
  const started = performance.now();
  const cluster = await startCluster({ databaseUrl: DATABASE_URL, schema, instances: 2, log: 'ignore', env: ENV });
  const startSeconds = (performance.now() - started) / 1000;
  const rows: Row[] = [];
  try {
    const [a] = cluster.instances;
    const { jwt, token } = await credentials(a.url);
    const { total, cases } = await casesFor(a.url);
    const bare = await bareServer(await (await fetch(`${a.url}/api/updates`)).text());
    const measure = async (target: string, base: string, label: string, paths: string[], headers: Record<string, string>) => {
      await settled(base);
      await quiet(cluster);
      // CPU is counted while requests are timed (load).
      let spent = cpuSince(cluster);
      let cpu: CpuSpent | null = null;
      const result = await load(base, paths, headers, SECONDS, { start: () => (spent = cpuSince(cluster)), end: () => (cpu = spent()) });
      cpu ??= spent();
      rows.push({ target, case: label, cpu, ...result });
      // What a request cost each part that worked on it (the bare server's own process is not counted).
      const perRequest = (Object.entries(cpu) as [keyof CpuSpent, number][])
        .filter(([, ms]) => ms >= SECONDS * 20)
        .map(([part, ms]) => `${part} ${usPerRequest(ms, result.requests)}`)
        .join(', ');
      say(
        `  ${target.padEnd(18)} ${label.padEnd(34)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms  (connections ready after ${result.rampMs?.toFixed(0)} ms)${result.failed ? `  (${result.failed} failed)` : ''}  CPU µs a request: ${perRequest}`,
      );
    };
    try {
      await measure('baseline', a.url, 'stock Strapi core find', ['/api/articles?pagination[pageSize]=10&populate=topics'], {
        authorization: `Bearer ${token}`,
      });
      await measure('baseline', bare.url, 'bare Node server, same JSON', ['/'], {});
    } finally {
      bare.child.kill();
    }
    for (const [label, paths, headers] of cases) await measure('one instance', a.url, label, paths, headers);
    for (const [label, paths, headers] of cases) await measure('two behind nginx', cluster.url, label, paths, headers);
    // Logged in the JSON file with the rest: a failure here must not lose the load figures above.
    for (const instance of cluster.instances) await settled(instance.url);
    const visible = await publishToVisible(cluster, jwt);
    say(
      `  publish on A → visible on B: median ${visible.onB.median.toFixed(0)} ms, max ${visible.onB.max.toFixed(0)} ms; through nginx: median ${visible.viaNginx.median.toFixed(0)} ms`,
    );
    const lists = cases[1][1];
    const sustained = rows.find((row) => row.target === 'one instance' && row.case === cases[1][0])!.rps;
    const pacedRate = Math.round(sustained / 2);
    const refreshing = {} as Record<Change, Load & { writesCpuMs: number }>;
    const refreshingPaced = {} as Record<Change, Load & { writesCpuMs: number }>;
    const seconds = Math.max(10, SECONDS * 2);
    for (const change of CHANGES) {
      // The control burns what the publishes cost A and PostgreSQL under the same load.
      const burn = (loads: typeof refreshing) => (change === 'equal CPU elsewhere' ? loads.publishes.writesCpuMs : 0);
      for (const instance of cluster.instances) await settled(instance.url);
      const full = (refreshing[change] = await latencyWhileChanging(
        cluster,
        jwt,
        change,
        () => load(cluster.instances[1].url, lists, {}, seconds),
        burn(refreshing),
      ));
      for (const instance of cluster.instances) await settled(instance.url);
      const steady = (refreshingPaced[change] = await latencyWhileChanging(
        cluster,
        jwt,
        change,
        () => paced(cluster.instances[1].url, lists, pacedRate, seconds),
        burn(refreshingPaced),
      ));
      say(
        `  B (uncached lists) while ${change === 'equal CPU elsewhere' ? `another process burns ${burn(refreshing).toFixed(0)} / ${burn(refreshingPaced).toFixed(0)} ms of CPU` : `A makes ${change}${full.writesCpuMs ? ` (A and PostgreSQL: ${full.writesCpuMs} / ${steady.writesCpuMs} ms of CPU)` : ''}`}: at full load p99 ${full.p99.toFixed(1)} ms, p99.9 ${full.p999.toFixed(1)} ms, max ${full.max.toFixed(0)} ms; ` +
          `at ${pacedRate} req/s p99 ${steady.p99.toFixed(1)} ms, p99.9 ${steady.p999.toFixed(1)} ms, max ${steady.max.toFixed(0)} ms${steady.failed ? ` (${steady.failed} failed: ${JSON.stringify('failures' in steady ? steady.failures : {})})` : ''}`,
      );
    }
    const memory = cluster.instances.map((instance) => ({ instance: instance.name, residentMb: Math.round(residentMb(instance.process.pid)) }));
    const renderMs = items >= 10_000 ? await renderTime(a.url).catch((error) => (say(`  render time not measured: ${(error as Error).message}`), null)) : null;
    return { items, total, schema, startSeconds, rows, visible, refreshing, pacedRate, refreshingPaced, memory, renderMs };
  } finally {
    await cluster.stop();
    await dropSchema(DATABASE_URL, schema);
  }
}

/** Each widget's first-paint gzip size, as the size check measures it. */
function widgetSizes() {
  const output = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/size-check.ts'], { cwd: repoRoot, encoding: 'utf8' }).stdout;
  return [...output.matchAll(/dist\/widgets\/(send-[\w-]+)\.js: first paint ([\d.]+) KB gzip/g)].map(([, widget, kb]) => ({ widget, gzipKb: Number(kb) }));
}

/** Lit's own minimal element (one template), bundled and minified as the widgets are, gzipped. */
async function litMinimalKb() {
  const source =
    "import { LitElement, html } from 'lit';\nclass HelloElement extends LitElement { render() { return html`<p>Hello</p>`; } }\ncustomElements.define('hello-element', HelloElement);\n";
  const bundle = await rollup({
    input: 'lit-minimal',
    plugins: [
      { name: 'lit-minimal', resolveId: (id) => (id === 'lit-minimal' ? id : null), load: (id) => (id === 'lit-minimal' ? source : null) },
      nodeResolve(),
      ...minified(),
    ],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  return gzipSync(Buffer.from(output[0].code), { level: 9 }).length / 1024;
}

/** Milliseconds Chromium takes from adding ten news feeds of 100 items to all 1,000 being on screen (median of 3). */
async function renderTime(api: string): Promise<number> {
  const browser = await puppeteer.launch(launchOptions());
  const times: number[] = [];
  try {
    for (let run = 0; run < 3; run += 1) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 800 });
      // A page of the CMS's own, with its CSP set aside so widgets may fetch as on a partner's page.
      await page.setBypassCSP(true);
      await page.goto(`${api}/updates/for-websites`);
      // Runs in the page (as text: the scripts are type-checked without the DOM's types).
      const elapsed = (await page.evaluate(`(async (origin) => {
        await new Promise((resolve, reject) => {
          const script = document.createElement('script');
          script.type = 'module';
          script.src = origin + '/widgets/send-news-feed.js';
          script.onload = resolve;
          script.onerror = () => reject(new Error('widget script failed'));
          document.head.append(script);
        });
        await customElements.whenDefined('send-news-feed');
        const started = performance.now();
        document.body.replaceChildren();
        for (let i = 0; i < 10; i += 1) {
          const feed = document.createElement('send-news-feed');
          feed.setAttribute('api', origin);
          feed.setAttribute('limit', '100');
          feed.setAttribute('loading', 'eager');
          document.body.append(feed);
        }
        // Items shown, not the loading state's hidden placeholders.
        const count = () => [...document.querySelectorAll('send-news-feed')].reduce((n, feed) => n + (feed.shadowRoot ? [...feed.shadowRoot.querySelectorAll('li, article')].filter((item) => !item.closest('.placeholder')).length : 0), 0);
        while (count() < 1000 && performance.now() - started < 30000) await new Promise((resolve) => requestAnimationFrame(resolve));
        return count() >= 1000 ? performance.now() - started : NaN;
      })(${JSON.stringify(api)})`)) as number;
      times.push(elapsed);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return times.sort((x, y) => x - y)[1];
}

const machine = {
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`,
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  nginx: spawnSync('/usr/sbin/nginx', ['-v'], { encoding: 'utf8' }).stderr.trim().replace('nginx version: ', ''),
  postgres: (spawnSync('psql', ['--version'], { encoding: 'utf8' }).stdout || '').trim(),
};

await buildWidgets();
await buildCms({ admin: false });
say(`Benchmark: ${CONNECTIONS} connections, ${SECONDS} s a case, sizes ${SIZES.join(', ')}; ${machine.cpus}, ${machine.memoryGb} GB, Node ${machine.node}`);
const sizes = [];
for (const items of SIZES) sizes.push(await measureSize(items));
const widgets = widgetSizes();
const litKb = await litMinimalKb();
const result = { date: new Date().toISOString(), machine, connections: CONNECTIONS, seconds: SECONDS, sizes, widgets, litMinimalKb: litKb };

// The README table: every case beside stock Strapi and the bare server, and two instances against one.
const table: string[] = [
  '| Items | Case | One instance req/s | p50 / p99 ms | Two behind nginx req/s | p50 / p99 ms | Two ÷ one | One ÷ stock Strapi | One ÷ bare Node |',
  '| --: | --- | --: | --: | --: | --: | --: | --: | --: |',
];
for (const size of sizes) {
  const find = (target: string, label: string) => size.rows.find((row) => row.target === target && row.case === label)!;
  const stock = find('baseline', 'stock Strapi core find');
  const bare = find('baseline', 'bare Node server, same JSON');
  // Stock Strapi may answer nothing within a case at 100,000 items: no ratio to it then.
  const answered = stock.requests > 0;
  table.push(
    `| ${size.total} | stock Strapi core find | ${answered ? stock.rps.toFixed(0) : '0 (none answered within the case)'} | ${answered ? `${stock.p50.toFixed(0)} / ${stock.p99.toFixed(0)}` : '—'} | | | | | |`,
  );
  table.push(`| ${size.total} | bare Node server | ${bare.rps.toFixed(0)} | ${bare.p50.toFixed(0)} / ${bare.p99.toFixed(0)} | | | | | |`);
  for (const row of size.rows.filter((r) => r.target === 'one instance')) {
    const two = find('two behind nginx', row.case);
    table.push(
      `| ${size.total} | ${row.case}${row.case.includes('uncached') ? ` (${row.distinct} distinct)` : ''} | ${row.rps.toFixed(0)} | ${row.p50.toFixed(0)} / ${row.p99.toFixed(0)} | ${two.rps.toFixed(0)} | ${two.p50.toFixed(0)} / ${two.p99.toFixed(0)} | ${(two.rps / row.rps).toFixed(2)} | ${answered ? (row.rps / stock.rps).toFixed(1) : '—'} | ${(row.rps / bare.rps).toFixed(2)} |`,
    );
  }
}
// Where the CPU went in the uncached cases: on two shared cores, what the second instance can add is what nginx, the load generator and the first leave.
const cpuTable: string[] = [
  '| Items | Case | KB an answer | One instance req/s | A / generator, µs of CPU a request | cores busy | Two behind nginx req/s | A / B / nginx / generator, µs a request | cores busy |',
  '| --: | --- | --: | --: | --: | --: | --: | --: | --: |',
];
for (const size of sizes) {
  for (const row of size.rows.filter((r) => r.target === 'one instance' && r.case.includes('uncached'))) {
    const two = size.rows.find((r) => r.target === 'two behind nginx' && r.case === row.case)!;
    const us = (ms: number, of: Row) => usPerRequest(ms, of.requests);
    const cores = (of: Row) => (Object.values(of.cpu).reduce((sum, ms) => sum + ms, 0) / (SECONDS * 1000)).toFixed(2);
    cpuTable.push(
      `| ${size.total} | ${row.case} | ${((row.bytesPerAnswer ?? 0) / 1024).toFixed(1)} | ${row.rps.toFixed(0)} | ${us(row.cpu.a, row)} / ${us(row.cpu.generator, row)} | ${cores(row)} | ${two.rps.toFixed(0)} | ${us(two.cpu.a, two)} / ${us(two.cpu.b, two)} / ${us(two.cpu.nginx, two)} / ${us(two.cpu.generator, two)} | ${cores(two)} |`,
    );
  }
}
console.log(`\n${table.join('\n')}\n\n${cpuTable.join('\n')}\n`);
for (const size of sizes) {
  console.log(
    `${size.total} items: publish on A visible on B after ${size.visible.onB.median.toFixed(0)} ms (max ${size.visible.onB.max.toFixed(0)}), through nginx ${size.visible.viaNginx.median.toFixed(0)} ms; ` +
      `B (uncached lists) p99.9 at full load ${size.refreshing.nothing.p999.toFixed(0)} ms alone, while A publishes ${size.refreshing.publishes.p999.toFixed(0)} ms, while a topic is renamed ${size.refreshing['topic rename'].p999.toFixed(0)} ms, while another process burns the CPU the publishes cost A and PostgreSQL (${size.refreshing.publishes.writesCpuMs} ms) ${size.refreshing['equal CPU elsewhere'].p999.toFixed(0)} ms; ` +
      `at a steady ${size.pacedRate} req/s (half what one instance sustains) ${size.refreshingPaced.nothing.p999.toFixed(0)}, ${size.refreshingPaced.publishes.p999.toFixed(0)}, ${size.refreshingPaced['topic rename'].p999.toFixed(0)} and ${size.refreshingPaced['equal CPU elsewhere'].p999.toFixed(0)} ms (${size.refreshingPaced.publishes.writesCpuMs} ms burnt); memory ${size.memory.map((m) => `${m.instance} ${m.residentMb} MB`).join(', ')}; two instances ready in ${size.startSeconds.toFixed(0)} s` +
      `${size.renderMs !== null ? `; 1,000 items rendered in Chromium in ${size.renderMs.toFixed(0)} ms` : ''}`,
  );
}
console.log(
  `Widgets (first paint, gzip): ${widgets.map((w) => `${w.widget} ${w.gzipKb.toFixed(2)} KB`).join(', ')}; Lit's minimal element ${litKb.toFixed(2)} KB`,
);
if (JSON_FILE) {
  fs.mkdirSync(path.dirname(JSON_FILE), { recursive: true });
  fs.writeFileSync(JSON_FILE, `${JSON.stringify({ ...result, table: table.join('\n'), cpuTable: cpuTable.join('\n') }, null, 2)}\n`);
  say(`Results written to ${path.relative(repoRoot, JSON_FILE)}`);
}
process.exit(0);

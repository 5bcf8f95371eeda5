/**
 * `npm run bench`: requests per second and latency of the public endpoints,
 * against two baselines measured in the same run on the same machine:
 *   - stock Strapi: the core `find` of one content type (what a widget would
 *     call without this project's API), with a read-only API token;
 *   - a bare Node server sending the same JSON (the ceiling).
 * The server runs in a child process; the load comes from this one.
 *
 *   npm run bench [-- --seconds 5 --connections 16]
 */
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { Agent, request } from 'undici';
import type { BenchTargets } from './lib/bench-server.ts';
import { buildCms, repoRoot } from './lib/steps.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 5);
const CONNECTIONS = arg('connections', 16);

await buildCms({ admin: false });

const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/lib/bench-server.ts'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
const info = await new Promise<BenchTargets>((resolve, reject) => {
  readline.createInterface({ input: server.stdout }).on('line', (line) => {
    try {
      resolve(JSON.parse(line) as BenchTargets);
    } catch {
      // log lines before the ready line
    }
  });
  server.on('exit', (code) => reject(new Error(`bench server exited (${code})`)));
});

const agent = new Agent({ connections: CONNECTIONS, pipelining: 1, keepAliveTimeout: 10_000 });

/** Closed-loop load: CONNECTIONS workers each send the next request when the last one answers. */
async function load(url: string, headers: Record<string, string> = {}) {
  // Warm up caches and connections first.
  for (let i = 0; i < 20; i += 1) await (await request(url, { dispatcher: agent, headers })).body.text();
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        const { statusCode, body } = await request(url, { dispatcher: agent, headers });
        await body.text();
        if (statusCode !== 200 && statusCode !== 304) errors += 1;
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - t0);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { rps: latencies.length / elapsed, p50: pct(50), p95: pct(95), errors, requests: latencies.length };
}

const cases: [label: string, url: string, headers?: Record<string, string>][] = [
  ['baseline: stock Strapi core find /api/articles', `${info.cms}/api/articles?pagination[pageSize]=10&populate=topics`, { Authorization: `Bearer ${info.token}` }],
  ['ceiling: bare Node server, same JSON', `${info.bare}/`],
  ['/api/updates (latest 10)', `${info.cms}/api/updates?pageSize=10`],
  ['/api/updates?type=consultation&status=open', `${info.cms}/api/updates?type=consultation&status=open&sort=closing`],
  ['/api/updates?q=inspection (search)', `${info.cms}/api/updates?q=inspection`],
  ['/api/updates/:type/:slug', `${info.cms}/api/updates/article/send-strategy-2017-2021`],
  ['/feeds/rss.xml', `${info.cms}/feeds/rss.xml`],
  ['/feeds/rss.xml, brotli', `${info.cms}/feeds/rss.xml`, { 'Accept-Encoding': 'br' }],
  ['/feeds/rss.xml, revalidated (304)', `${info.cms}/feeds/rss.xml`, { 'If-Modified-Since': new Date(Date.now() + 60_000).toUTCString() }],
];

console.log(`\nBenchmark: ${CONNECTIONS} connections, ${SECONDS} s per case, Node ${process.version}\n`);
let baseline: number | undefined;
for (const [label, url, headers] of cases) {
  const result = await load(url, headers);
  if (!baseline) baseline = result.rps;
  console.log(
    `${label.padEnd(48)} ${result.rps.toFixed(0).padStart(7)} req/s  p50 ${result.p50.toFixed(1).padStart(6)} ms  p95 ${result.p95.toFixed(1).padStart(6)} ms  ` +
      `×${(result.rps / baseline).toFixed(1).padStart(5)} vs stock${result.errors ? `  (${result.errors} non-200)` : ''}`
  );
}
await agent.close();
server.kill('SIGTERM');

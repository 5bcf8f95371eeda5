/**
 * The server side of `npm run bench`: the real CMS with seeded content on a
 * throwaway SQLite database, a read-only API token for the stock Strapi
 * baseline, and a bare Node server answering the same JSON (the ceiling).
 * Prints one JSON line with the URLs, then serves until killed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startCms } from '../../test/helpers/cms.ts';

/** The line this server prints when it is ready. */
export type BenchTargets = { cms: string; bare: string; token: string };

const cms = await startCms({ env: { LOG_LEVEL: 'error' } });
const { accessKey } = (await cms.strapi.service('admin::api-token').create({
  name: 'bench',
  type: 'read-only',
  lifespan: null,
  description: 'Benchmark baseline: stock core find',
})) as { accessKey: string };
const sample = await (await fetch(`${cms.baseUrl}/api/updates?pageSize=10`)).text();
const bare = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(sample);
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));

const targets: BenchTargets = { cms: cms.baseUrl, bare: `http://127.0.0.1:${(bare.address() as AddressInfo).port}`, token: accessKey };
console.log(JSON.stringify(targets));
const stop = async () => {
  bare.close();
  await cms.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

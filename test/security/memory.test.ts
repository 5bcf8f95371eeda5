/**
 * Bounded under abuse: 10,000 distinct public URLs, each asked for twice (cache-busting parameters, every feed at every
 * limit, free-text searches, reader pages with tracking parameters) against a CMS with a few hundred
 * items, and the CMS's heap stays within its caches' bounds. Before this, such a run grew the CMS by
 * hundreds of megabytes: every URL was a new cache entry and every feed held every item.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import { paragraph } from '../../cms/src/lib/blocks.ts';
import { startCms, type TestCms } from '../helpers/cms.ts';
import { seededRandom } from './helpers.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const URLS = 10_000;
const CACHE_MAX_MB = 8;
/**
 * The response cache (CACHE_MAX_MB) plus the feeds' render cache (16 MB), and room for everything else the run leaves
 * (the feeds' item cache, bounded at 32 MB, holds each of these few hundred items once per format: a few MB).
 * Bodies and feed items are kept as Buffers, outside V8's heap, so the memory measured is the heap and the buffers.
 */
const ALLOWED_GROWTH_MB = CACHE_MAX_MB + 16 + 24;
const EXTRA_ITEMS = 100;

let cms: TestCms;

before(async () => {
  cms = await startCms({ env: { CACHE_MAX_MB: String(CACHE_MAX_MB), RATE_LIMIT_REQUESTS: '0' } });
  // Enough long items that one feed is hundreds of kilobytes, as on a council's site after a few years.
  const words = 'parents carers young people professionals short breaks funding inspection plan assessment'.split(' ');
  for (let i = 0; i < EXTRA_ITEMS; i += 1) {
    const text = Array.from({ length: 400 }, (_, w) => words[(i + w) % words.length]).join(' ');
    await cms.strapi.documents('api::article.article').create({
      data: {
        title: `Memory test item ${i}`,
        slug: `memory-test-item-${i}`,
        summary: text.slice(0, 280),
        date: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 9}`,
        body: [paragraph(text), paragraph(text)] as never,
      },
      status: 'published',
    });
  }
});

after(async () => {
  await cms?.stop();
});

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** What the process holds: its heap, and the buffers outside it. */
const heldBytes = ({ heapUsed, arrayBuffers } = process.memoryUsage()) => heapUsed + arrayBuffers;

function measure() {
  gc();
  gc();
  const usage = process.memoryUsage();
  return { held: heldBytes(usage), rss: usage.rss };
}

/** The 10,000 addresses, the same on every run. */
function addresses(): string[] {
  const random = seededRandom(20_261_201);
  const types = ['article', 'consultation', 'staffing-update', 'article,consultation', 'consultation,article', 'staffing-update,article'];
  const feeds = ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/feed.json'];
  const word = () => Array.from({ length: random.int(3, 8) }, () => 'abcdefghijklmnopqrstuvwxyz'[random.int(0, 25)]).join('');
  return Array.from({ length: URLS }, (_, i) => {
    switch (i % 5) {
      case 0: // cache-busting on a big feed
        return `${random.pick(feeds)}?limit=200&cb=${i}&_=${word()}`;
      case 1: // every limit and type combination of every feed: real, distinct, large answers
        return `${random.pick(feeds)}?limit=${random.int(1, 200)}&type=${random.pick(types)}`;
      case 2: // free-text search in the API
        return `/api/updates?q=${word()}%20${word()}&pageSize=100&page=${random.int(1, 3)}`;
      case 3: // reader pages with tracking parameters
        return `/updates?page=${random.int(1, 20)}&utm_source=${word()}&fbclid=${i}`;
      default: // the whole list, pages of it
        return `/api/updates?pageSize=${random.int(1, 100)}&sort=${random.pick(['newest', 'oldest', 'closing'])}&x=${i}`;
    }
  });
}

test(`${URLS.toLocaleString('en-GB')} distinct URLs leave the CMS's heap within its caches' bounds`, async () => {
  const { hostname, port } = new URL(cms.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const get = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.get({ host: hostname, port, path, agent, headers: { 'Accept-Encoding': 'br, gzip' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
    });

  // Warm up: the catalogue, the code paths and Node's own lazy allocations.
  for (const path of addresses().slice(0, 200)) await get(path);
  const before = measure();

  const statuses = new Map<number, number>();
  const queue = addresses();
  let peakHeld = 0;
  const worker = async () => {
    for (let path = queue.shift(); path; path = queue.shift()) {
      // Twice: the caches keep an address from its second request on, so every one is kept.
      await get(path);
      const status = await get(path);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (queue.length % 1000 === 0) peakHeld = Math.max(peakHeld, heldBytes());
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  agent.destroy();
  const afterRun = measure();

  const growth = megabytes(afterRun.held - before.held);
  console.log(
    `memory: heap and buffers ${megabytes(before.held)} MB before, ${megabytes(afterRun.held)} MB after (${growth >= 0 ? '+' : ''}${growth} MB; peak during the run ${megabytes(peakHeld)} MB); ` +
      `RSS ${megabytes(before.rss)} MB before, ${megabytes(afterRun.rss)} MB after; bound: +${ALLOWED_GROWTH_MB} MB; answers ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  assert.deepEqual(
    [...statuses.keys()].filter((status) => status >= 500),
    [],
    'no request failed',
  );
  assert.equal(statuses.get(200), URLS, 'every URL was answered');
  assert.ok(growth < ALLOWED_GROWTH_MB, `the heap grew by ${growth} MB, more than ${ALLOWED_GROWTH_MB} MB`);
});

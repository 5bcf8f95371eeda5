/**
 * The response cache (middlewares/public-cache.ts) in front of a route, in a real Koa app, with the
 * catalogue's version and the admission clock under the test's control.
 */
import assert from 'node:assert/strict';
import { after, before, mock, test } from 'node:test';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Core } from '@strapi/strapi';
import Koa from 'koa';
import * as publicCacheModule from '../../cms/src/middlewares/public-cache.ts';

const FEED_TYPE = 'application/rss+xml; charset=utf-8';
let clock = 0;
let version = 1;
let rendered = 0;
let server: Server;
let base: string;
// The CMS is CommonJS: its default export arrives as `default` of the module, once or twice over.
type Factory = typeof publicCacheModule.default;
const publicCache: Factory = (publicCacheModule.default as unknown as { default?: Factory }).default ?? publicCacheModule.default;

before(async () => {
  // Admission (lib/second-use.ts) reads Date.now when the middleware is made.
  mock.method(Date, 'now', () => clock);
  const strapi = { service: () => ({ version }) } as unknown as Core.Strapi;
  const app = new Koa();
  app.use(publicCache({ maxBytes: 1024 * 1024 }, { strapi }) as Koa.Middleware);
  app.use((ctx) => {
    rendered += 1;
    ctx.set('ETag', `"v${version}"`);
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.type = FEED_TYPE;
    // Long enough to be compressed; the echo feed shows the query the route was given.
    const echoed = ctx.path === '/feeds/echo.xml' ? `<query>${ctx.querystring}</query>` : '';
    ctx.body = Buffer.from(`<rss>${echoed}${'<item>An item</item>'.repeat(200)} version ${version}</rss>`);
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server?.close();
  mock.restoreAll();
});

const get = async (path: string) => {
  const response = await fetch(`${base}${path}`, { headers: { 'Accept-Encoding': 'gzip' } });
  return { type: response.headers.get('content-type'), etag: response.headers.get('etag'), text: await response.text() };
};

test('a response not kept never replaces the stale entry under its address, so no answer loses its headers', async () => {
  const path = '/feeds/rss.xml?limit=7';
  await get(path);
  await get(path); // asked again: kept, with its headers
  version = 2; // a publish: the kept entry is stale
  // Time passes and other addresses are asked for, until the cache's admission has forgotten this one.
  clock = 3_000;
  await get('/feeds/rss.xml?limit=8');
  clock = 6_000;
  await get('/feeds/rss.xml?limit=9');
  const before = rendered;
  const first = await get(path); // from the route, not kept (asked once, as far as admission knows)
  const second = await get(path); // from the route again: nothing fresh was kept
  const third = await get(path); // kept the second time
  for (const [i, answer] of [first, second, third].entries()) {
    assert.equal(answer.type, FEED_TYPE, `answer ${i + 1} after the publish`);
    assert.equal(answer.etag, '"v2"', `answer ${i + 1} after the publish`);
    assert.match(answer.text, /version 2<\/rss>$/);
  }
  assert.equal(rendered - before, 2, 'the third answer came from the cache');
});

test('parameters the routes do not read never reach them, and neither they nor the order of the others make another entry', async () => {
  const queryGiven = (text: string) => /<query>(.*)<\/query>/.exec(text)?.[1];
  assert.equal(queryGiven((await get('/feeds/echo.xml?type=article&limit=5&cb=1')).text), 'limit=5&type=article');
  const before = rendered;
  // Asked again, with another cache-buster and another order: the same entry, kept this time.
  assert.equal(queryGiven((await get('/feeds/echo.xml?limit=5&cb=2&type=article')).text), 'limit=5&type=article');
  assert.equal(queryGiven((await get('/feeds/echo.xml?type=article&limit=5')).text), 'limit=5&type=article');
  assert.equal(queryGiven((await get('/feeds/echo.xml?_=x&limit=5&type=article&cb=3')).text), 'limit=5&type=article');
  assert.equal(rendered - before, 1, 'only the second request reached the route');
});

test('once the cache is full, an address asked for twice does not push out one asked for more often', async () => {
  // Bodies of about 4 KB in a 1 MB cache: 200 addresses, each asked for three times, take most of it.
  clock = 100_000;
  version = 3;
  // Entries live 5 s by the monotonic clock (lru-cache reads performance.now): held still here, or on a busy machine
  // the first of these 1,000 requests outlive their entries before the last is sent.
  const monotonic = mock.method(performance, 'now', () => clock);
  try {
    const popular = Array.from({ length: 200 }, (_, i) => `/feeds/rss.xml?limit=${i + 1}`);
    for (const path of popular) for (let i = 0; i < 3; i += 1) await get(path);
    // A stream of addresses asked for twice each: they fill the rest, then none of them earns a place.
    for (let i = 0; i < 200; i += 1) {
      await get(`/feeds/rss.xml?limit=${1000 + i}`);
      await get(`/feeds/rss.xml?limit=${1000 + i}`);
    }
    const before = rendered;
    for (const path of popular) await get(path);
    assert.equal(rendered - before, 0, 'every popular address was still kept');
    // An address asked for more often than the least recently used entry (one of the first twice-asked) takes its place.
    for (let i = 0; i < 3; i += 1) await get('/feeds/rss.xml?limit=2000');
    const kept = rendered;
    await get('/feeds/rss.xml?limit=2000');
    assert.equal(rendered - kept, 0, 'kept from its third use');
  } finally {
    monotonic.mock.restore();
  }
});

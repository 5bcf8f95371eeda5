/**
 * Conditional GET (lib/http-cache.ts) on a real Koa app: what every public response's caching headers promise.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Koa from 'koa';
import { sendCacheable } from '../../cms/src/lib/http-cache.ts';

const HOUR = 3_600_000;
let server: Server;
let base: string;

before(async () => {
  const app = new Koa();
  // The item's last change is given in the path, as hours from the start of the test (negative: in the past): one moment
  // for every request, or two requests either side of a second's turn would see two different changes.
  const start = Date.now();
  app.use((ctx) => {
    const hours = Number(ctx.path.slice(1));
    sendCacheable(ctx, { body: `changed ${hours} h from now`, contentType: 'text/plain', lastModified: new Date(start + hours * HOUR) });
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server?.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });

test('Last-Modified is the last change, and never later than the response itself (an instance whose clock ran ahead saved it)', async () => {
  const past = await get('/-2');
  const pastModified = Date.parse(past.headers.get('last-modified') ?? '');
  assert.ok(Math.abs(pastModified - (Date.now() - 2 * HOUR)) < 5_000, past.headers.get('last-modified') ?? 'no Last-Modified');

  const future = await get('/5');
  const modified = Date.parse(future.headers.get('last-modified') ?? '');
  const sent = Date.parse(future.headers.get('date') ?? '');
  assert.ok(modified <= sent, `Last-Modified ${future.headers.get('last-modified')} after Date ${future.headers.get('date')}`);
  assert.ok(sent - modified < 5_000, 'dated when sent');
});

// A change dated ahead of the clock is dated now (above), a later moment for each later request: until its time comes it
// is answered in full, never held back.
test('If-Modified-Since with the date given is answered 304, and an earlier one gets the body', async () => {
  for (const path of ['/-2', '/-48']) {
    const first = await get(path);
    const lastModified = first.headers.get('last-modified')!;
    const again = await get(path, { 'If-Modified-Since': lastModified });
    assert.equal(again.status, 304, `${path}: ${await again.text()}`);
    const older = new Date(Date.parse(lastModified) - 1_000).toUTCString();
    const changed = await get(path, { 'If-Modified-Since': older });
    assert.equal(changed.status, 200, path);
    assert.match(await changed.text(), /^changed/);
  }
});

test("If-Modified-Since later than the server's clock is ignored: a skewed or forged date holds no later change back", async () => {
  const tomorrow = new Date(Date.now() + 24 * HOUR).toUTCString();
  const answer = await get('/-2', { 'If-Modified-Since': tomorrow });
  assert.equal(answer.status, 200);
  assert.match(await answer.text(), /^changed/);
});

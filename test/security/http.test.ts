/**
 * HTTP done right, against a real CMS: links never from the Host header (a malformed one is a 400,
 * never a 500), HEAD answers with GET's headers and no body on every public route, CORS answers
 * `*` to public reads and only the CMS's own origin (or a configured one) elsewhere, security
 * headers on pages and the demo, the per-client rate limit (and whom it trusts for the client's
 * address), the limit on guessing an editor's password, server timeouts for slow clients, feed item
 * counts, and PUBLIC_URL's rules.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import type { Context } from 'koa';
import { publicUrl } from '../../cms/config/server.ts';
import { refuseSignIn, SIGN_IN_ATTEMPTS, SIGN_IN_WINDOW_MINUTES, signInLimitMessage } from '../../cms/src/security/sign-in-limit.ts';
import { startCms, type TestCms } from '../helpers/cms.ts';
import { freshAddress, publicPaths, rawRequest, request, type Answer } from './helpers.ts';

const RATE = { requests: 60, windowSeconds: 10 };
const HEADERS_TIMEOUT_SECONDS = 2;
const REQUEST_TIMEOUT_SECONDS = 4;
const OTHER_ALLOWED_ORIGIN = 'https://admin.example.gov.uk';

let cms: TestCms;
let base: string;
let paths: string[];

before(async () => {
  cms = await startCms({
    env: {
      RATE_LIMIT_REQUESTS: String(RATE.requests),
      RATE_LIMIT_WINDOW_SECONDS: String(RATE.windowSeconds),
      HEADERS_TIMEOUT_SECONDS: String(HEADERS_TIMEOUT_SECONDS),
      REQUEST_TIMEOUT_SECONDS: String(REQUEST_TIMEOUT_SECONDS),
      CORS_ALLOWED_ORIGINS: OTHER_ALLOWED_ORIGIN,
    },
  });
  base = cms.baseUrl;
  paths = await publicPaths(base);
});

after(async () => {
  await cms?.stop();
});

/** A request from a client of its own, so the rate limit never mixes tests. */
const get = (path: string, options: Parameters<typeof request>[2] = {}) => request(base, path, { from: freshAddress(), ...options });

describe('links come from PUBLIC_URL, never from the Host header', () => {
  const MALFORMED_HOSTS = [
    'a b',
    'evil.example/x',
    '[::1',
    'evil.example:99x',
    'user@evil.example',
    '..',
    'a..b',
    '-evil-.example',
    'evil.example\\x',
    '%65vil.example',
    'é.example',
    '<script>',
  ];

  test('a malformed Host gets 400 on every public route, never a 500 and never an echo', async () => {
    for (const path of paths) {
      const from = freshAddress();
      for (const host of MALFORMED_HOSTS) {
        const answer = await rawRequest(base, Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 'utf8'), { from });
        assert.equal(answer.status, 400, `${path} with Host "${host}" answered ${answer.status}`);
        assert.ok(!answer.text.includes(host), `${path} echoed the Host "${host}"`);
      }
    }
  });

  test('a well-formed but foreign Host (or X-Forwarded-Host) never reaches a link, behind a proxy or not', async () => {
    for (const proxied of [false, true]) {
      cms.strapi.server.app.proxy = proxied;
      try {
        for (const path of paths) {
          const answer = await get(path, {
            headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil2.example', 'X-Forwarded-Proto': 'https', 'Accept-Encoding': 'identity' },
          });
          assert.ok(answer.status < 500, `${path}: ${answer.status}`);
          assert.doesNotMatch(answer.text, /evil2?\.example/, `${path} (proxied: ${proxied}) wrote the request's host into its answer`);
        }
      } finally {
        cms.strapi.server.app.proxy = false;
      }
    }
  });

  test('PUBLIC_URL is required in production, checked everywhere, and defaults to this server outside production', () => {
    const saved = process.env.NODE_ENV;
    try {
      process.env.NODE_ENV = 'production';
      assert.throws(() => publicUrl({}), /PUBLIC_URL is not set/);
      assert.throws(() => publicUrl({ PUBLIC_URL: 'cms.example.gov.uk' }), /absolute address/);
      assert.throws(() => publicUrl({ PUBLIC_URL: 'javascript:alert(1)' }), /plain http\(s\) address/);
      assert.throws(() => publicUrl({ PUBLIC_URL: 'https://user:pw@cms.example.gov.uk' }), /no user name/);
      assert.equal(publicUrl({ PUBLIC_URL: 'https://cms.example.gov.uk/' }), 'https://cms.example.gov.uk');
      // Links are written from the root of the origin, so a path would be lost from some of them: refused, not half-honoured.
      assert.throws(() => publicUrl({ PUBLIC_URL: 'https://www.example.gov.uk/send/' }), /origin with no path/);
      assert.equal(publicUrl({ PUBLIC_URL: 'HTTPS://CMS.Example.gov.uk:443' }), 'https://cms.example.gov.uk');
      process.env.NODE_ENV = 'development';
      assert.equal(publicUrl({}), 'http://localhost:1337');
      assert.equal(publicUrl({ HOST: '0.0.0.0', PORT: '8080' }), 'http://localhost:8080');
      assert.equal(publicUrl({ HOST: 'cms.internal', PORT: '80' }), 'http://cms.internal:80');
    } finally {
      process.env.NODE_ENV = saved;
    }
  });
});

describe('HEAD answers with GET’s headers and no body', () => {
  const compared = [
    'content-type',
    'content-length',
    'etag',
    'last-modified',
    'cache-control',
    'content-security-policy',
    'access-control-allow-origin',
    'vary',
    'content-disposition',
  ];

  test('on every public route, both the first time and from the cache', async () => {
    for (const path of paths) {
      const from = freshAddress();
      const headers = { 'Accept-Encoding': 'identity' };
      // The first GET fills the response cache; the HEAD and GET after it are answered from it where it applies.
      for (const round of ['first', 'cached']) {
        const head = await request(base, path, { method: 'HEAD', headers, from });
        const got = await request(base, path, { headers, from });
        assert.equal(head.status, got.status, `${path} (${round}): HEAD ${head.status}, GET ${got.status}`);
        assert.equal(head.body.length, 0, `${path} (${round}): HEAD sent a body`);
        for (const name of compared) assert.equal(head.headers[name], got.headers[name], `${path} (${round}): ${name}`);
        if (got.status === 200) {
          assert.ok(head.headers['content-type'], `${path} (${round}): HEAD without a Content-Type`);
          assert.equal(Number(head.headers['content-length'] ?? got.body.length), got.body.length, `${path} (${round}): Content-Length`);
        }
      }
    }
  });
});

describe('CORS', () => {
  const partner = 'https://partner.example';

  test('public reads answer any origin with *, never with credentials, preflight included', async () => {
    for (const path of paths) {
      const answer = await get(path, { headers: { Origin: partner } });
      assert.equal(answer.headers['access-control-allow-origin'], '*', path);
      assert.equal(answer.headers['access-control-allow-credentials'], undefined, path);
    }
    const preflight = await get('/api/updates', { method: 'OPTIONS', headers: { Origin: partner, 'Access-Control-Request-Method': 'GET' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], '*');
    assert.equal(preflight.headers['access-control-allow-credentials'], undefined);
  });

  const adminRoutes: [string, string][] = [
    ['GET', '/admin/init'],
    ['GET', '/admin/users/me'],
    ['GET', '/content-manager/collection-types/api::article.article'],
    ['GET', '/api/articles'],
    ['GET', '/upload/files'],
  ];

  test('the admin and authenticated routes answer no other origin, even with no Origin sent', async () => {
    for (const [method, path] of adminRoutes) {
      for (const origin of ['https://evil.example', 'null', '']) {
        const answer = await get(path, { method, headers: origin ? { Origin: origin } : {} });
        assert.equal(answer.headers['access-control-allow-origin'], undefined, `${method} ${path} from "${origin}"`);
        assert.equal(answer.headers['access-control-allow-credentials'], undefined, `${method} ${path} from "${origin}"`);
      }
      const preflight = await get(path, {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' },
      });
      assert.equal(preflight.headers['access-control-allow-origin'], undefined, `preflight ${path}`);
    }
    const login = await get('/admin/login', { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
    assert.equal(login.headers['access-control-allow-origin'], undefined, 'preflight of the admin login');
  });

  test('the CMS’s own origin and CORS_ALLOWED_ORIGINS are answered, with credentials', async () => {
    for (const origin of [new URL(base).origin, OTHER_ALLOWED_ORIGIN]) {
      const answer = await get('/admin/init', { headers: { Origin: origin } });
      assert.equal(answer.headers['access-control-allow-origin'], origin);
      assert.equal(answer.headers['access-control-allow-credentials'], 'true');
      const preflight = await get('/admin/login', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
      assert.equal(preflight.headers['access-control-allow-origin'], origin);
    }
  });
});

describe('security headers', () => {
  const csp = (answer: Answer) => String(answer.headers['content-security-policy'] ?? '');

  test('item pages, the subscribe page and the demo pages: a strict CSP, nosniff, no framing by others, a referrer policy', async () => {
    const pagePaths = paths.filter((path) => /^\/(updates\/(article|consultation|staffing-update)\/[^/]+$|updates\/subscribe|demo\/)/.test(path.split('?')[0]));
    assert.ok(pagePaths.length >= 6, `pages to check: ${pagePaths.join(', ')}`);
    for (const path of pagePaths) {
      const answer = await get(path);
      const policy = csp(answer);
      assert.match(policy, /default-src '(none|self)'/, `${path}: ${policy}`);
      assert.match(policy, /script-src 'self'/, `${path}: ${policy}`);
      assert.doesNotMatch(policy.match(/script-src[^;]*/)?.[0] ?? '', /unsafe-inline|unsafe-eval|\*/, `${path}: scripts`);
      assert.match(policy, /frame-ancestors '(none|self)'/, `${path}: framing`);
      assert.equal(answer.headers['x-content-type-options'], 'nosniff', path);
      assert.ok(answer.headers['referrer-policy'], `${path}: Referrer-Policy`);
      assert.equal(answer.headers['x-powered-by'], undefined, `${path}: X-Powered-By`);
    }
  });
});

describe('public reads skip the stack below them, not its security headers', () => {
  /** Headers that describe one response rather than the CMS's policy. */
  const perResponse = new Set(['vary', 'content-type', 'content-length', 'date', 'connection', 'keep-alive']);

  test('the API, the feeds and the calendars carry every policy header the full stack sets on a 404, from the route and from the cache', async () => {
    const full = await get('/api/no-such-route');
    assert.equal(full.status, 404);
    const policy = Object.entries(full.headers).filter(([name]) => !perResponse.has(name));
    assert.ok(policy.length >= 5, `security headers on the 404: ${policy.map(([name]) => name).join(', ')}`);
    const reads = paths.filter((path) => /^\/(api\/updates|feeds\/)/.test(path));
    assert.ok(reads.length >= 6, `reads to check: ${reads.join(', ')}`);
    for (const path of reads) {
      // The first request takes the route; the second comes from the response cache.
      for (const round of ['route', 'cache']) {
        const answer = await get(path);
        assert.ok(answer.status === 200 || answer.status === 404, `${path} (${round}): ${answer.status}`);
        for (const [name, value] of policy) assert.equal(answer.headers[name], value, `${path} (${round}): ${name}`);
      }
    }
  });
});

describe('rate limit', () => {
  const burst = (count: number, from: string, headers: Record<string, string> = {}) =>
    Promise.all(Array.from({ length: count }, () => request(base, '/api/updates?pageSize=1', { from, headers })));

  test(`a client past ${RATE.requests} requests in ${RATE.windowSeconds} s gets 429 with Retry-After; other clients do not`, async () => {
    const client = freshAddress();
    const allowed = await burst(RATE.requests, client);
    assert.deepEqual([...new Set(allowed.map((a) => a.status))], [200], 'up to the limit every request is answered');
    const refused = await request(base, '/feeds/rss.xml', { from: client });
    assert.equal(refused.status, 429);
    const retryAfter = Number(refused.headers['retry-after']);
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= RATE.windowSeconds, `Retry-After: ${refused.headers['retry-after']}`);
    assert.match(refused.text, /Too many requests .* Try again in \d+ seconds?/);
    assert.equal(refused.headers['access-control-allow-origin'], '*', 'a partner page can read the refusal');
    assert.equal((await get('/api/updates?pageSize=1')).status, 200, 'another client is still answered');
    assert.notEqual((await request(base, '/admin/init', { from: client })).status, 429, 'the limit is for public routes');
  });

  test('X-Forwarded-For is ignored unless IS_PROXIED: a client cannot pick its own key', async () => {
    const client = freshAddress();
    const answers = await Promise.all(
      Array.from({ length: RATE.requests + 5 }, (_, i) =>
        request(base, '/api/updates?pageSize=1', { from: client, headers: { 'X-Forwarded-For': `198.51.100.${i}` } }),
      ),
    );
    assert.equal(answers.filter((a) => a.status === 429).length, 5);
  });

  test('behind a proxy (IS_PROXIED), the client is the address our proxy added last, not one the client wrote', async () => {
    // This CMS runs without IS_PROXIED (the fuzz suite runs one with it): the setting reaches Koa, with one proxy hop trusted.
    assert.equal(cms.strapi.server.app.proxy, false);
    assert.equal(cms.strapi.server.app.maxIpsCount, 1);
    cms.strapi.server.app.proxy = true;
    try {
      const proxy = freshAddress();
      // One reader behind the proxy, forging a different first hop on every request: still one client.
      const forged = await Promise.all(
        Array.from({ length: RATE.requests + 3 }, (_, i) =>
          request(base, '/api/updates?pageSize=1', { from: proxy, headers: { 'X-Forwarded-For': `10.0.0.${i}, 203.0.113.9` } }),
        ),
      );
      assert.equal(forged.filter((a) => a.status === 429).length, 3);
      // Other readers behind the same proxy are other clients.
      const others = await Promise.all(
        Array.from({ length: 20 }, (_, i) => request(base, '/api/updates?pageSize=1', { from: proxy, headers: { 'X-Forwarded-For': `203.0.113.${100 + i}` } })),
      );
      assert.deepEqual([...new Set(others.map((a) => a.status))], [200]);
    } finally {
      cms.strapi.server.app.proxy = false;
    }
  });
});

describe('guessing an editor’s password', () => {
  const signIn = (email: string, from: string, attempt: number) =>
    request(base, '/admin/login', {
      method: 'POST',
      from,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: `Guess-number-${attempt}` }),
    });

  test(`is held after ${SIGN_IN_ATTEMPTS} wrong passwords, with Retry-After and a message saying how long; other addresses are not`, async () => {
    const attacker = freshAddress();
    const email = 'editor.under.attack@example.org';
    const answers = [];
    for (let attempt = 1; attempt <= SIGN_IN_ATTEMPTS + 2; attempt += 1) answers.push(await signIn(email, attacker, attempt));
    assert.deepEqual(
      answers.map((a) => a.status),
      [...Array.from({ length: SIGN_IN_ATTEMPTS }, () => 400), 429, 429],
    );
    const held = answers[SIGN_IN_ATTEMPTS];
    const retryAfter = Number(held.headers['retry-after']);
    assert.ok(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= SIGN_IN_WINDOW_MINUTES * 60, `Retry-After: ${held.headers['retry-after']}`);
    const { error } = JSON.parse(held.text) as { error: { status: number; message: string } };
    assert.equal(error.status, 429);
    assert.equal(error.message, signInLimitMessage('/admin/login', SIGN_IN_WINDOW_MINUTES));
    // Held per email address and client: the same person elsewhere, and other editors here, still sign in.
    assert.equal((await signIn(email, freshAddress(), 1)).status, 400);
    assert.equal((await signIn('another.editor@example.org', attacker, 1)).status, 400);
  });

  test('Retry-After and the minutes named never pass the window, though the limiter rounds its end up to a second', () => {
    const refusal = (resetSeconds: number) => {
      const headers: Record<string, string> = {};
      const ctx = {
        path: '/admin/login',
        state: { rateLimit: { reset: resetSeconds } },
        set: (name: string, value: string) => (headers[name] = value),
      } as unknown as Context;
      refuseSignIn(ctx);
      return { retryAfter: Number(headers['Retry-After']), message: (ctx.body as { error: { message: string } }).error.message };
    };
    const windowSeconds = SIGN_IN_WINDOW_MINUTES * 60;
    // Held a moment ago: the window's end, rounded up, can be a second past it.
    const justHeld = refusal(Math.ceil(Date.now() / 1000 + windowSeconds));
    assert.equal(justHeld.retryAfter, windowSeconds);
    assert.match(justHeld.message, new RegExp(`Wait ${SIGN_IN_WINDOW_MINUTES} minutes`));
    const nearlyOver = refusal(Math.ceil(Date.now() / 1000 + 30));
    assert.ok(nearlyOver.retryAfter >= 30 && nearlyOver.retryAfter <= 31, `Retry-After ${nearlyOver.retryAfter}`);
    assert.match(nearlyOver.message, /Wait 1 minute,/);
  });

  test('the limit’s message says how long to wait, in whole minutes, on every page it holds', () => {
    assert.match(signInLimitMessage('/admin/login', 1), /Wait 1 minute, then try again, or choose “Forgot your password\?”/);
    assert.match(signInLimitMessage('/admin/login/', 5), /Wait 5 minutes/);
    assert.equal(signInLimitMessage('/admin/forgot-password', 3), 'Too many attempts. Wait 3 minutes, then try again.');
  });
});

describe('server timeouts', () => {
  test(`connections that never finish their headers are closed after about ${HEADERS_TIMEOUT_SECONDS} s`, async () => {
    const started = Date.now();
    const closed = await Promise.all(
      Array.from(
        { length: 200 },
        (_, i) =>
          new Promise<number>((resolve) => {
            const { hostname, port } = new URL(base);
            const socket = net.connect({ host: hostname, port: Number(port), localAddress: `127.1.${Math.floor(i / 250)}.${(i % 250) + 2}` });
            socket.on('connect', () => socket.write('GET /api/updates HTTP/1.1\r\nHost: x\r\nX-Slow: '));
            // A slowloris client: one more byte a second, never the blank line.
            const drip = setInterval(() => socket.writable && socket.write('a'), 500);
            const end = () => (clearInterval(drip), resolve(Date.now() - started));
            socket.on('close', end);
            socket.on('error', () => undefined);
            setTimeout(() => socket.destroy(), 20_000);
          }),
      ),
    );
    const slowest = Math.max(...closed);
    assert.ok(slowest < (HEADERS_TIMEOUT_SECONDS + 3) * 1000, `the last slow connection closed after ${slowest} ms`);
  });

  test(`a request whose body trickles in is ended after about ${REQUEST_TIMEOUT_SECONDS} s`, async () => {
    const started = Date.now();
    const { hostname, port } = new URL(base);
    const closedAfter = await new Promise<number>((resolve) => {
      const socket = net.connect({ host: hostname, port: Number(port), localAddress: freshAddress() });
      socket.on('connect', () => socket.write('POST /admin/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{'));
      const drip = setInterval(() => socket.writable && socket.write(' '), 300);
      socket.on('close', () => (clearInterval(drip), resolve(Date.now() - started)));
      socket.on('error', () => undefined);
      setTimeout(() => socket.destroy(), 30_000);
    });
    assert.ok(closedAfter < (REQUEST_TIMEOUT_SECONDS + 3) * 1000, `closed after ${closedAfter} ms`);
  });
});

describe('a client’s mistake found by a library under Strapi', () => {
  test('gets its 4xx with a readable message, and no error-level log line with a stack trace', async () => {
    const logged: unknown[] = [];
    const log = cms.strapi.log;
    const original = log.error;
    log.error = ((message: unknown) => (logged.push(message), log)) as typeof log.error;
    try {
      // No encoding acceptable, not even the identity: koa-compress's 406.
      const unacceptable = await get('/widgets/send-widgets.js', { headers: { 'Accept-Encoding': 'identity;q=0' } });
      assert.equal(unacceptable.status, 406);
      assert.match(unacceptable.text, /Please accept/);
      // Paths that try to leave a static folder, and a body that is not JSON.
      for (const path of ['/..%2f..%2fpackage.json', '/demo/..%2f..%2fpackage.json', '/widgets/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json']) {
        const answer = await get(path);
        assert.ok(answer.status >= 400 && answer.status < 500, `${path} answered ${answer.status}`);
      }
      const badJson = await get('/admin/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"email": ' });
      assert.equal(badJson.status, 400);
      assert.deepEqual(logged, []);
    } finally {
      log.error = original;
    }
  });
});

describe('a request Node’s parser refuses', () => {
  const errorBody = (text: string) => JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as { error: { status: number; message: string } };

  test('an address past 16 KB gets 431 with a readable message, not an empty answer', async () => {
    const query = Array.from({ length: 3000 }, (_, i) => `topic=t${i}`).join('&');
    const answer = await rawRequest(base, `GET /api/updates?${query} HTTP/1.1\r\nHost: localhost\r\n\r\n`, { from: freshAddress() });
    assert.equal(answer.status, 431);
    assert.match(answer.text, /content-type: application\/json/i);
    const { error } = errorBody(answer.text);
    assert.equal(error.status, 431);
    assert.match(error.message, /too long/);
    // The same address asked with HEAD: the same status and headers, and no body (which a client would read as a broken answer).
    const head = await get(`/api/updates?${query}`, { method: 'HEAD' });
    assert.equal(head.status, 431);
    assert.equal(head.text, '');
  });

  test('a request line that is not HTTP gets 400 with a readable message', async () => {
    for (const bytes of ['GET /api/updates HTTP/9.9\r\n\r\n', 'NOT A REQUEST\r\n\r\n', 'GET /api/updates HTTP/1.1\r\nHost localhost\r\n\r\n']) {
      const answer = await rawRequest(base, bytes, { from: freshAddress() });
      assert.equal(answer.status, 400, JSON.stringify(bytes));
      assert.match(errorBody(answer.text).error.message, /not well-formed HTTP/);
    }
  });

  test('headers that never finish get 408 with a readable message once the headers timeout passes', async () => {
    const answer = await rawRequest(base, 'GET /api/updates HTTP/1.1\r\nHost: localhost\r\n', { from: freshAddress() });
    assert.equal(answer.status, 408);
    assert.match(errorBody(answer.text).error.message, /too long to arrive/);
  });
});

describe('feeds have a default and a maximum item count', () => {
  test('50 items unless limit says fewer; at most 200; anything else is a 400 that says so', async () => {
    // Enough published items to pass the default.
    const created = [];
    for (let i = 0; i < 60; i += 1) {
      created.push(
        await cms.strapi.documents('api::article.article').create({
          data: { title: `Feed limit item ${i}`, slug: `feed-limit-item-${i}`, summary: 'One of many.', date: '2020-01-01' },
          status: 'published',
        }),
      );
    }
    try {
      const count = async (query: string) => (JSON.parse((await get(`/feeds/feed.json${query}`)).text) as { items: unknown[] }).items.length;
      assert.equal(await count(''), 50);
      assert.equal(await count('?limit=7'), 7);
      assert.ok((await count('?limit=200')) > 50);
      for (const bad of ['0', '201', 'ten', '-1', '1e3']) {
        const answer = await get(`/feeds/rss.xml?limit=${bad}`);
        assert.equal(answer.status, 400, `limit=${bad}`);
        assert.match(answer.text, /"limit" must be/);
      }
    } finally {
      for (const doc of created) await cms.strapi.documents('api::article.article').delete({ documentId: doc.documentId });
    }
  });
});

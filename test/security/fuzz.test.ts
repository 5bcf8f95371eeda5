/**
 * 3,000 generated requests across every public route (API, feeds, pages, widgets, demo, uploads):
 * mangled paths, query parameters of every shape, hostile and malformed headers, every method,
 * garbage bodies. Zero 5xx, zero dropped connections. The generator is seeded (FUZZ_SEED, default
 * below), so a failure is reproduced by running again with the seed it prints.
 *
 * This CMS runs behind a pretend proxy (IS_PROXIED=true), so forged X-Forwarded-For values are
 * read too.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startCms, type TestCms } from '../helpers/cms.ts';
import { freshAddress, publicPaths, request, seededRandom } from './helpers.ts';

const REQUESTS = 3_000;
const SEED = Number(process.env.FUZZ_SEED ?? 10_010);

let cms: TestCms;
let paths: string[];

before(async () => {
  cms = await startCms({ env: { IS_PROXIED: 'true' } });
  paths = await publicPaths(cms.baseUrl);
});

after(async () => {
  await cms?.stop();
});

type Generated = { method: string; path: string; headers: Record<string, string> };

function generator(seed: number) {
  const random = seededRandom(seed);
  const { int, pick } = random;
  const chance = (p: number) => random.next() < p;
  const repeat = (text: string, n: number) => text.repeat(n);
  const word = () => Array.from({ length: int(1, 12) }, () => pick([...'abcdefghijklmnopqrstuvwxyz0123456789-_.~'])).join('');

  const values = [
    '',
    'x',
    '0',
    '-1',
    '1',
    '2',
    '100',
    '101',
    '200',
    '201',
    '99999999999999999999',
    'NaN',
    'Infinity',
    '1e3',
    '0x10',
    ' 5 ',
    '5.5',
    'article',
    'consultation',
    'staffing-update',
    'news',
    'article,consultation',
    'article,,',
    ',',
    'open',
    'closed',
    'upcoming',
    'draft',
    'preview',
    'published',
    'newest',
    'oldest',
    'closing',
    'title:asc',
    'short-breaks',
    'inspections',
    'parents-carers',
    'professionals',
    'SEND',
    'ehcp',
    '2022',
    '1999',
    '99999',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    '%ZZ',
    '%E0%A4%A',
    '%00',
    '%0d%0aSet-Cookie:%20x=1',
    '../../etc/passwd',
    '\u202e',
    '🎉',
    'é',
    '𝔘',
    '[]',
    '{}',
    '{"$gt":""}',
    'true',
    'null',
    '__proto__',
    '*',
    '%',
    '+',
    '&',
    '=',
  ];
  const value = () =>
    chance(0.05) ? encodeURIComponent(repeat(pick(['a', '%41', '🎉', ' ']), int(200, 3199))) : chance(0.2) ? word() : encodeURIComponent(pick(values));
  const rawValue = () => (chance(0.15) ? pick(['%ZZ', '%', '%E0%A4%A', '%u0041', '%C0%AF', '%00', '%2e%2e%2f']) : value());
  const names = [
    'type',
    'topic',
    'audience',
    'q',
    'year',
    'status',
    'sort',
    'page',
    'pageSize',
    'limit',
    'v',
    'status',
    'publicationState',
    'locale',
    'populate',
    'fields',
    'filters',
    'pagination',
    'cb',
    '_',
    'utm_source',
    'fbclid',
    'send-item',
    '__proto__',
    'constructor',
  ];
  const name = () => {
    const base = chance(0.85) ? pick(names) : word();
    if (chance(0.25))
      return `${base}${pick(['[]', '[0]', '[$eq]', '[a][b]', '[publishedAt][$null]', '[status]', '[__proto__]', '][', '[', `[${int(0, 29)}]`])}`;
    return base;
  };
  const query = () => {
    if (chance(0.2)) return '';
    const parts = Array.from({ length: int(1, 6) }, () => (chance(0.05) ? name() : `${name()}=${rawValue()}`));
    return `?${parts.join(pick(['&', '&', '&', ';', '&&']))}`;
  };

  const mangle = (path: string): string => {
    const [pathname] = path.split('?');
    switch (int(0, 13)) {
      case 0:
        return `${pathname}/${word()}`;
      case 1:
        return `${pathname}/`;
      case 2:
        return pathname.toUpperCase();
      case 3:
        return pathname.replace(/\//g, '//');
      case 4:
        return `${pathname}${pick(['%ZZ', '%E0%A4%A', '%00', '%2F..%2F..', '/..%2f..%2fpackage.json', '/../../cms/.tmp/data.db', '%5c..%5c'])}`;
      case 5:
        return `/${pick(['api/updates', 'feeds', 'updates', 'widgets', 'demo', 'uploads'])}/${repeat(word(), int(50, 249))}`;
      case 6:
        return `/api/updates/${pick(['article', 'consultation', 'staffing-update', 'news', '%ZZ', ''])}/${pick([word(), '..', '%2e%2e', '', repeat('a', 3000), '<script>'])}`;
      case 7:
        return `/feeds/consultations/${pick([word(), '%ZZ', '..%2f', repeat('x', 500)])}.ics`;
      case 8:
        return `/updates/${pick(['article', 'consultation', 'staffing-update', 'assets', 'subscribe', word()])}/${pick([word(), '%ZZ', 'site.css', '..'])}`;
      case 9:
        return `/widgets/${pick(['v0.1.0', 'v9.9.9', 'chunks', '.', '..'])}/${pick([word() + '.js', '%ZZ', '..%2f..%2fpackage.json'])}`;
      case 10:
        return `/uploads/${pick([word(), '..%2f..%2fpackage.json', '%ZZ', '.'])}`;
      default:
        return pathname;
    }
  };

  const headerPool: (() => [string, string])[] = [
    () => ['Host', pick(['evil.example', 'a b', 'evil.example/x', '[::1', 'x:99999', '', 'localhost', repeat('a', 300), '<script>', 'user@host'])],
    () => ['If-None-Match', pick(['*', 'W/"x"', '"', 'garbage', repeat('"x",', 200), ''])],
    () => ['If-Modified-Since', pick(['garbage', 'Thu, 01 Jan 1970 00:00:00 GMT', 'Sat, 01 Jan 3000 00:00:00 GMT', '-1', ''])],
    () => ['Accept-Encoding', pick(['br', 'gzip', 'deflate', '*', 'identity;q=0', 'br;q=abc', 'zstd', 'gzip;q=0, br;q=0, *;q=0', ''])],
    () => ['Range', pick(['bytes=0-0', 'bytes=-1', 'bytes=100000000-', 'bytes=garbage', 'bytes=0-1,2-3,4-5', 'lines=1-2'])],
    () => ['Sec-Fetch-Dest', pick(['document', 'script', 'empty', 'garbage'])],
    () => ['Sec-Fetch-Mode', pick(['navigate', 'cors', 'garbage'])],
    () => ['Origin', pick(['https://partner.example', 'null', 'garbage', 'https://evil.example', ''])],
    () => ['Authorization', pick(['Bearer garbage', 'Bearer ', 'Basic Zm9vOmJhcg==', 'garbage', `Bearer ${repeat('a', 2000)}`])],
    () => ['X-Forwarded-For', pick(['203.0.113.1', 'garbage', '1.1.1.1, 2.2.2.2', ', ,', '999.999.999.999', '::1', repeat('1.1.1.1,', 100)])],
    () => ['X-Forwarded-Host', pick(['evil.example', 'a b', ''])],
    () => ['X-Forwarded-Proto', pick(['https', 'gopher', ''])],
    () => ['Cookie', pick(['a=b', 'koa.sess=garbage; koa.sess.sig=garbage', '=', repeat('c=d; ', 100)])],
    () => ['Accept', pick(['*/*', 'application/json', 'text/html', 'garbage', ''])],
    () => ['Content-Type', pick(['application/json', 'multipart/form-data; boundary=x', 'text/plain', 'garbage', 'application/x-www-form-urlencoded'])],
    () => ['Access-Control-Request-Method', pick(['GET', 'POST', 'DELETE', 'garbage'])],
    () => ['Access-Control-Request-Headers', pick(['authorization', 'x-garbage', ''])],
    () => ['Accept-Language', pick(['en-GB', 'garbage', '*;q=x'])],
  ];

  return (): Generated => {
    const method = pick(['GET', 'GET', 'GET', 'GET', 'GET', 'HEAD', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE', 'TRACE']);
    const base = pick(paths);
    const path = chance(0.6) ? `${mangle(base)}${query()}` : chance(0.5) ? base : `${base.split('?')[0]}${query()}`;
    const headers: Record<string, string> = {};
    for (let i = int(0, 4); i > 0; i -= 1) {
      const [header, headerValue] = pick(headerPool)();
      headers[header] = headerValue;
    }
    if (!('Host' in headers)) delete headers.Host;
    return { method, path, headers };
  };
}

test(`${REQUESTS.toLocaleString('en-GB')} generated requests across every public route: no 5xx (seed ${SEED})`, async () => {
  assert.equal(cms.strapi.server.app.proxy, true, 'IS_PROXIED reaches Koa');
  const next = generator(SEED);
  const cases = Array.from({ length: REQUESTS }, next);
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  let sent = 0;
  let client = freshAddress();
  const worker = async () => {
    for (let item = cases.shift(); item; item = cases.shift()) {
      sent += 1;
      // A new client every 200 requests (the rate limit still meets the forged X-Forwarded-For ones).
      if (sent % 200 === 1) client = freshAddress();
      const from = client;
      try {
        const answer = await request(cms.baseUrl, item.path, { method: item.method, headers: item.headers, from, timeoutMs: 20_000 });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status >= 500)
          failures.push(
            `${answer.status} ${item.method} ${item.path.slice(0, 200)} ${JSON.stringify(item.headers).slice(0, 300)}: ${answer.text.slice(0, 200)}`,
          );
      } catch (error) {
        failures.push(`no answer: ${item.method} ${item.path.slice(0, 200)} ${JSON.stringify(item.headers).slice(0, 300)}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  console.log(`fuzz: ${sent} requests (seed ${SEED}); answers ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
  assert.equal(sent, REQUESTS);
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`);
});

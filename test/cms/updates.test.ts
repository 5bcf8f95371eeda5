/**
 * The public updates API, the content model's rules and the seed, against a
 * real Strapi on a throwaway database (SQLite, or PostgreSQL with TEST_DB=postgres).
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Context } from 'koa';
import type { ErrorResponse, ItemResponse, ListResponse, UpdateSummary } from '../../contract/api';
import { contentManager } from '../../cms/src/lib/strapi-services.ts';
import { catalogueOf, publicBaseUrl } from '../../cms/src/catalogue/catalogue.ts';
import { itemBuilder, readDocuments } from '../../cms/src/catalogue/items.ts';
import { live } from '../../cms/src/catalogue/select.ts';
import { TOPIC_UID, UPDATE_TYPES, keysOf } from '../../cms/src/lib/update-types.ts';
import { seedContent } from '../../cms/src/seed/index.ts';
import { queryOf } from '../../cms/src/lib/public-reads.ts';
import { parseFeedLimit, parseUpdateQuery, QUERY_PARAMETERS, QueryError } from '../../cms/src/lib/update-query.ts';
import { seededRandom } from '../../scripts/lib/seeded-random.ts';
import { countItemReads, startCms, getJson, type TestCms } from '../helpers/cms.ts';

let cms: TestCms;
let base: string;
const ARTICLE = 'api::article.article';
const CONSULTATION = 'api::consultation.consultation';

before(async () => {
  cms = await startCms();
  base = cms.baseUrl;
});
after(async () => {
  await cms?.stop();
});

const get = <T = ListResponse>(path: string, init?: RequestInit) => getJson<T>(base, path, init);
const allItems = async (query = '') => {
  const items: UpdateSummary[] = [];
  for (let page = 1; ; page += 1) {
    const { body } = await get(`/api/updates?pageSize=100&page=${page}${query}`);
    items.push(...body.data);
    if (page >= body.meta.pagination.pageCount) return items;
  }
};

/** The items' ids in one order, to compare two lists as sets. */
const idsOf = (items: UpdateSummary[]) => items.map((i) => i.id).sort();

/** Publishes as the admin's Publish button does, through its own service (which names a locale and relations to populate). */
const adminPublish = (documentId: string, uid: string) =>
  cms.strapi
    .plugin('content-manager')
    .service<{ publish(id: string, uid: string, opts: object): Promise<unknown> }>('document-manager')
    .publish(documentId, uid, {});

describe('seed content', () => {
  test('at least 30 published items of all three types, newest first', async () => {
    const { status, body } = await get('/api/updates?pageSize=100');
    assert.equal(status, 200);
    assert.ok(body.meta.pagination.total >= 30, `only ${body.meta.pagination.total} items`);
    const types = new Set(body.data.map((i) => i.type));
    assert.deepEqual([...types].sort(), ['article', 'consultation', 'staffing-update']);
    const dates = body.data.map((i) => i.date);
    assert.deepEqual(dates, [...dates].sort().reverse(), 'not sorted newest first');
  });

  test('carries the real facts: the Top Up Funding consultation closed on 4 February 2022 (London)', async () => {
    const { body } = await get<ItemResponse>('/api/updates/consultation/top-up-funding-consultation');
    assert.equal(body.data.type, 'consultation');
    assert.equal(body.data.closesAt, '2022-02-04T23:59:00.000Z'); // GMT in February
    assert.equal(body.data.status, 'closed');
    assert.ok(body.data.downloads.length >= 2);
  });

  test('converts London wall-clock times to UTC across BST (Green Paper closed 22 July 2022, 23:45 BST)', async () => {
    const { body } = await get<ItemResponse>('/api/updates/consultation/send-review-green-paper-consultation');
    assert.equal(body.data.type, 'consultation');
    assert.equal(body.data.closesAt, '2022-07-22T22:45:00.000Z');
  });

  test('has a consultation open today, so the countdown is live', async () => {
    const { body } = await get('/api/updates?status=open');
    assert.ok(body.data.length >= 1);
    for (const item of body.data) {
      assert.equal(item.type, 'consultation');
      assert.ok(Date.parse(item.closesAt ?? '') > Date.now());
    }
  });

  test('seeding again creates nothing and keeps an editor\u2019s changes and deletions', async () => {
    const strapi = cms.strapi;
    const edited = await strapi.documents(ARTICLE).findFirst({ filters: { slug: 'send-strategy-2017-2021' }, status: 'published' });
    assert.ok(edited);
    await strapi.documents(ARTICLE).update({ documentId: edited.documentId, data: { title: 'Our SEND strategy (edited by an editor)' } });
    await strapi.documents(ARTICLE).publish({ documentId: edited.documentId });
    const removed = await strapi.documents(ARTICLE).findFirst({ filters: { slug: 'send-peer-review-december-2017' } });
    assert.ok(removed);
    await strapi.documents(ARTICLE).delete({ documentId: removed.documentId });

    const result = await seedContent(strapi, { force: true });
    assert.equal(result.created, 0);
    const after = await strapi.documents(ARTICLE).findFirst({ filters: { slug: 'send-strategy-2017-2021' }, status: 'published' });
    assert.equal(after?.title, 'Our SEND strategy (edited by an editor)');
    assert.equal(await strapi.documents(ARTICLE).findFirst({ filters: { slug: 'send-peer-review-december-2017' } }), null);
  });
});

describe('GET /api/updates', () => {
  test('each item carries the documented fields', async () => {
    const items = await allItems();
    for (const item of items) {
      for (const key of ['type', 'id', 'slug', 'title', 'summary', 'date', 'topics', 'audiences', 'url', 'publishedAt', 'updatedAt']) {
        assert.ok(key in item, `${item.slug} lacks ${key}`);
      }
      assert.match(item.date, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(item.summary.length <= 300);
      assert.ok(!('body' in item), 'list items should not carry the body');
      if (item.type === 'consultation') for (const k of ['opensAt', 'closesAt', 'status', 'respondUrl', 'calendarUrl']) assert.ok(k in item);
      if (item.type === 'staffing-update') for (const k of ['service', 'from', 'effectiveFrom']) assert.ok(k in item);
    }
  });

  test('filters by one type, several types (repeated or comma-separated)', async () => {
    const news = await allItems('&type=article');
    assert.ok(news.length > 0 && news.every((i) => i.type === 'article'));
    const two = await allItems('&type=consultation&type=staffing-update');
    const comma = await allItems('&type=consultation,staffing-update');
    assert.deepEqual(
      two.map((i) => i.id),
      comma.map((i) => i.id),
    );
    assert.ok(two.every((i) => i.type !== 'article'));
    assert.ok(new Set(two.map((i) => i.type)).size === 2);
  });

  test('reads a parameter named like an object property as any other (ignored), and the rest of the query', async () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const { status, body } = await get(`/api/updates?${name}=x&type=article&type=consultation&pageSize=100`);
      assert.equal(status, 200, name);
      assert.deepEqual(new Set(body.data.map((i) => i.type)), new Set(['article', 'consultation']), name);
    }
    const { status, body } = await get<ErrorResponse>('/api/updates?type=article&constructor=x&type=bogus');
    assert.equal(status, 400);
    assert.equal(body.error.status === 400 && body.error.details.parameter, 'type');
  });

  test('reads a query as the response cache keys it, and as Strapi\u2019s own parser (qs) where the two agree', () => {
    // Strapi's parser, as the running app installs it on every request.
    const strapiQuery = (querystring: string): Record<string, unknown> =>
      (Object.create(cms.strapi.server.app.request, { querystring: { value: querystring } }) as { query: Record<string, unknown> }).query;
    const outcome = (read: () => unknown) => {
      try {
        return read();
      } catch (error) {
        if (error instanceof QueryError) return { parameter: error.parameter, message: error.message };
        throw error;
      }
    };
    const decodes = (text: string) => {
      try {
        decodeURIComponent(text);
        return true;
      } catch {
        return false;
      }
    };
    const rng = seededRandom(Number(process.env.QUERY_SEED ?? 7));
    const names = [...QUERY_PARAMETERS, 'cb', '__proto__', 'constructor', 'type[]', 'type[0]', 'topic[a]', 'q[', 'pageSize]', 'Type', ''];
    const values = ['', 'article', 'consultation,staffing-update', 'article,,bogus', ' open ', 'closing', 'matching', '2022', '0', '7', '101', '1e3'];
    const raw = ['%20', '%2C', '%ZZ', '%E2%80%99', '%E2%80', '+', '&', '=', '==', 'inspections', 'short-breaks', 'x'.repeat(250)];
    const tried = { bracketed: 0, likeQs: 0, ownWay: 0 };
    for (let i = 0; i < 3_000; i += 1) {
      const pairs = Array.from({ length: rng.int(0, 6) }, () => {
        const name = rng.pick(names);
        const value = rng.next() < 0.5 ? encodeURIComponent(rng.pick(values)) : rng.pick(raw);
        return rng.next() < 0.1 ? name : `${name}=${value}`;
      });
      const querystring = pairs.join('&');
      const read = queryOf({
        querystring,
        get query() {
          return strapiQuery(querystring);
        },
      } as unknown as Context);
      const parts = querystring.split('&').filter(Boolean);
      if (querystring.includes('[')) {
        // Bracketed names are arrays and objects to qs: it reads those queries.
        tried.bracketed += 1;
        assert.deepEqual(read, strapiQuery(querystring), querystring);
      } else if (parts.every((part) => part.includes('=') && decodes(part.replace(/\+/g, ' ')))) {
        // Every name with a value, every escape whole: qs reads the same values.
        tried.likeQs += 1;
        for (const parse of [parseUpdateQuery, parseFeedLimit]) {
          assert.deepEqual(
            outcome(() => parse(read)),
            outcome(() => parse(strapiQuery(querystring))),
            querystring,
          );
        }
      } else {
        // A name with no value, or an escape that does not decode: qs reads null, or leaves the whole value undecoded,
        // where the response cache's key (URLSearchParams) has an empty value, or decodes the rest of it.
        tried.ownWay += 1;
        const params = new URLSearchParams(querystring);
        for (const name of new Set(params.keys())) {
          const all = params.getAll(name);
          assert.deepEqual(read[name], all.length === 1 ? all[0] : all, querystring);
        }
      }
    }
    assert.ok(
      Object.values(tried).every((count) => count > 200),
      JSON.stringify(tried),
    );
  });

  test('filters by topic, audience, year and text', async () => {
    const inspections = await allItems('&topic=inspections');
    assert.ok(inspections.length >= 4);
    assert.ok(inspections.every((i) => i.topics.some((t) => t.slug === 'inspections')));

    const young = await allItems('&audience=children-young-people');
    assert.ok(young.length > 0 && young.every((i) => i.audiences.includes('children-young-people')));

    const y2022 = await allItems('&year=2022');
    assert.ok(y2022.length > 0 && y2022.every((i) => i.date.startsWith('2022-')));

    const search = await allItems('&q=educational%20PSYCHOLOGISTS');
    assert.ok(search.some((i) => i.slug === 'educational-psychology-service-capacity'));
    assert.ok(search.length < 5);
    assert.equal((await allItems('&q=zebra-crossing-not-here')).length, 0);
  });

  test('sorts consultations by closing date and pages through results', async () => {
    const closing = await allItems('&type=consultation&sort=closing');
    const closes = closing.map((i) => Date.parse(i.type === 'consultation' ? (i.closesAt ?? '') : ''));
    assert.deepEqual(
      closes,
      [...closes].sort((a, b) => a - b),
    );

    const { body: page1 } = await get('/api/updates?pageSize=7&page=1');
    const { body: page2 } = await get('/api/updates?pageSize=7&page=2');
    assert.equal(page1.data.length, 7);
    assert.equal(page1.meta.pagination.pageCount, Math.ceil(page1.meta.pagination.total / 7));
    assert.ok(!page2.data.some((i) => page1.data.some((j) => j.id === i.id)));
    const { body: beyond } = await get('/api/updates?page=999');
    assert.deepEqual(beyond.data, []);
  });

  test('offers facets for an archive\u2019s filters', async () => {
    const { body } = await get('/api/updates?pageSize=1');
    const { facets } = body.meta;
    assert.deepEqual(
      facets.types.map((t) => t.value),
      ['article', 'consultation', 'staffing-update'],
    );
    assert.ok(facets.topics.some((t) => t.value === 'inspections' && t.label === 'Inspections' && t.count >= 4));
    assert.ok(facets.years.some((y) => y.value === 2019));
    assert.equal(facets.audiences.length, 3);
  });

  test('with facets=matching, counts what each choice would find alongside the other filters', async () => {
    const topic = 'topic=short-breaks';
    const audience = 'audience=parents-carers';
    const { body } = await get(`/api/updates?${topic}&${audience}&facets=matching&pageSize=1`);
    const { facets } = body.meta;
    const total = async (query: string) => (await get(`/api/updates?${query}&pageSize=1`)).body.meta.pagination.total;
    for (const f of facets.types) assert.equal(f.count, await total(`${topic}&${audience}&type=${f.value}`), f.value);
    // A filter's own value is left out of its counts: its alternatives keep theirs.
    for (const f of facets.topics) assert.equal(f.count, await total(`${audience}&topic=${f.value}`), f.value);
    for (const f of facets.audiences) assert.equal(f.count, await total(`${topic}&audience=${f.value}`), f.value);
    for (const f of facets.years) assert.equal(f.count, await total(`${topic}&${audience}&year=${f.value}`), String(f.value));
    assert.equal(
      facets.types.reduce((sum, f) => sum + f.count, 0),
      body.meta.pagination.total,
      'one type each: the type counts add up to the results',
    );
    // By default the counts are over every published item, as before.
    const everything = (await get(`/api/updates?${topic}&${audience}&pageSize=1`)).body.meta.facets;
    assert.deepEqual(everything, (await get('/api/updates?pageSize=1')).body.meta.facets);
    assert.ok(
      facets.types.some((f, i) => f.count < everything.types[i].count),
      'the filters narrowed some count',
    );
  });

  const malformed: [query: string, parameter: string][] = [
    ['type=bogus', 'type'],
    ['type[$ne]=article', 'type'],
    ['topic=Not%20A%20Slug', 'topic'],
    ['audience=everyone', 'audience'],
    ['year=20x2', 'year'],
    ['year=2022&year=2023', 'year'],
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['page=1.5', 'page'],
    ['pageSize=500', 'pageSize'],
    ['pageSize=abc', 'pageSize'],
    ['status=draft', 'status'],
    ['sort=title', 'sort'],
    ['facets=some', 'facets'],
    [`q=${'a'.repeat(201)}`, 'q'],
    ['q=%E0%A4%A', 'q'],
    ['q[a]=b', 'q'],
  ];
  for (const [query, parameter] of malformed) {
    test(`answers ?${query.slice(0, 30)} with a readable 400`, async () => {
      const { status, body, headers } = await get<ErrorResponse>(`/api/updates?${query}`);
      assert.equal(status, 400);
      assert.equal(body.error.status === 400 && body.error.details.parameter, parameter);
      assert.match(body.error.message, new RegExp(parameter));
      assert.equal(headers.get('access-control-allow-origin'), '*');
    });
  }

  test('sends a list as UTF-8 JSON of its stated length, curly quotes intact, and sets no cookie', async () => {
    const response = await fetch(`${base}/api/updates?pageSize=100`, { headers: { 'Accept-Encoding': 'identity' } });
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(Number(response.headers.get('content-length')), bytes.length);
    assert.equal(response.headers.get('set-cookie'), null);
    const list = JSON.parse(bytes.toString('utf8')) as ListResponse;
    const titles = list.data.map((item) => item.title);
    // Seed titles written with \u2019 reach readers as the character, not as an escape or mojibake.
    assert.ok(
      titles.some((title) => title.includes('\u2019')),
      titles.join(' | '),
    );
    assert.ok(titles.every((title) => !title.includes('\\u') && !title.includes('\u00e2\u0080')));
  });

  test('answers a conditional request with 304', async () => {
    const first = await fetch(`${base}/api/updates?type=article`);
    const etag = first.headers.get('etag');
    assert.ok(etag);
    assert.match(first.headers.get('cache-control') ?? '', /max-age=\d+.*stale-while-revalidate=\d+.*stale-if-error=\d+/);
    assert.ok(first.headers.get('last-modified'));
    const second = await fetch(`${base}/api/updates?type=article`, { headers: { 'If-None-Match': etag } });
    assert.equal(second.status, 304);
  });
});

describe('GET /api/updates/:type/:slug', () => {
  test('returns one item with its body and downloads', async () => {
    const { status, body } = await get<ItemResponse>('/api/updates/article/send-strategy-2017-2021');
    assert.equal(status, 200);
    assert.ok(Array.isArray(body.data.body) && body.data.body.length > 0);
    assert.deepEqual(body.data.downloads[0], {
      title: 'SEND Strategy 2017 to 2021',
      url: 'https://www.worcestershire.gov.uk/',
      format: 'PDF',
      sizeBytes: null,
    });
  });

  test('every item, as sent, is the item built from its published document, status as of now', async () => {
    const items = itemBuilder(() => publicBaseUrl(cms.strapi));
    const summaries = await allItems();
    assert.ok(summaries.some((item) => item.type === 'consultation') && summaries.some((item) => item.type === 'staffing-update'));
    for (const type of keysOf(UPDATE_TYPES)) {
      const ofType = summaries.filter((item) => item.type === type);
      const documents = await readDocuments(
        cms.strapi,
        type,
        ofType.map((item) => item.id),
      );
      assert.equal(documents.length, ofType.length);
      for (const document of documents) {
        const { status, body } = await get<ItemResponse>(`/api/updates/${type}/${document.slug}`);
        assert.equal(status, 200);
        assert.deepEqual(body.data, live(items.detail(type, document), Date.now()), `${type} ${document.slug}`);
      }
    }
  });

  test('404 for an unknown slug and 400 for an unknown type', async () => {
    assert.equal((await get('/api/updates/article/no-such-item')).status, 404);
    const { status, body } = await get<ErrorResponse>('/api/updates/blog/whatever');
    assert.equal(status, 400);
    assert.match(body.error.message, /Unknown type/);
  });
});

describe('drafts never leak, and the public writes nothing', () => {
  const secretTitle = 'Draft: unannounced budget changes zqxj';
  let draft: { documentId: string };

  before(async () => {
    draft = await cms.strapi.documents(ARTICLE).create({
      data: { title: secretTitle, slug: 'draft-unannounced-budget', summary: 'Not for the public yet.', date: '2030-01-01' },
    });
  });

  const probes = [
    '/api/updates?pageSize=100',
    '/api/updates?status=draft',
    '/api/updates?publicationState=preview',
    '/api/updates?q=zqxj',
    '/api/updates?year=2030',
    '/api/updates/article/draft-unannounced-budget',
    '/api/updates/article/draft-unannounced-budget?status=draft',
    '/api/articles?status=draft',
    '/api/articles',
    `/api/articles/${'DOCID'}?status=draft`,
  ];
  for (const probe of probes) {
    test(`no draft at ${probe}`, async () => {
      const url = probe.replace('DOCID', draft.documentId);
      const response = await fetch(`${base}${url}`);
      const text = await response.text();
      assert.ok(!text.includes('zqxj'), `draft leaked at ${url}`);
      assert.ok(response.status < 500, `${url} answered ${response.status}`);
    });
  }

  test('the core content routes refuse the public', async () => {
    for (const path of ['/api/articles', '/api/consultations', '/api/staffing-updates', '/api/topics']) {
      const response = await fetch(`${base}${path}`);
      assert.ok([401, 403].includes(response.status), `${path} answered ${response.status}`);
    }
  });

  test('the public cannot write', async () => {
    const attempts: [method: string, path: string, body?: object][] = [
      ['POST', '/api/articles', { data: { title: 'x' } }],
      ['POST', '/api/updates', { data: { title: 'x' } }],
      ['PUT', `/api/articles/${draft.documentId}`, { data: { title: 'x' } }],
      ['DELETE', `/api/articles/${draft.documentId}`],
      ['POST', '/api/upload', {}],
    ];
    for (const [method, path, body] of attempts) {
      const response = await fetch(`${base}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
      assert.ok([401, 403, 404, 405].includes(response.status), `${method} ${path} answered ${response.status}`);
    }
    const still = await cms.strapi.documents(ARTICLE).findOne({ documentId: draft.documentId });
    assert.equal(still?.title, secretTitle);
  });

  test('publishing, editing, unpublishing and deleting show at once', async () => {
    const listed = async () => (await allItems('&q=zqxj')).map((i) => i.title);
    assert.deepEqual(await listed(), []);
    await cms.strapi.documents(ARTICLE).publish({ documentId: draft.documentId });
    assert.deepEqual(await listed(), [secretTitle]);
    await cms.strapi.documents(ARTICLE).update({ documentId: draft.documentId, data: { title: `${secretTitle} (revised)` } });
    assert.deepEqual(await listed(), [secretTitle], 'an unpublished edit must not show');
    await cms.strapi.documents(ARTICLE).publish({ documentId: draft.documentId });
    assert.deepEqual(await listed(), [`${secretTitle} (revised)`]);
    await cms.strapi.documents(ARTICLE).unpublish({ documentId: draft.documentId });
    assert.deepEqual(await listed(), []);
    await cms.strapi.documents(ARTICLE).publish({ documentId: draft.documentId });
    assert.equal((await listed()).length, 1);
    await cms.strapi.documents(ARTICLE).delete({ documentId: draft.documentId });
    assert.deepEqual(await listed(), []);
  });
});

describe('editor rules', () => {
  const consultation = (overrides: Record<string, string> = {}) => ({
    title: 'Rules test consultation',
    slug: `rules-test-${Math.random().toString(36).slice(2, 8)}`,
    summary: 'Testing the rules.',
    date: '2026-01-01',
    opensAt: '2026-03-01T09:00:00.000Z',
    closesAt: '2026-04-01T22:59:00.000Z',
    ...overrides,
  });

  test('a consultation that closes before it opens is refused with a clear message', async () => {
    await assert.rejects(cms.strapi.documents(CONSULTATION).create({ data: consultation({ closesAt: '2026-02-01T12:00:00.000Z' }) }), (error: Error) => {
      assert.equal(error.name, 'ValidationError');
      assert.match(error.message, /closing date \(1 February 2026 at 12:00\) must be after the opening date \(1 March 2026 at 09:00\)/);
      return true;
    });
  });

  test('a later edit that moves only the closing date is checked against the saved opening date', async () => {
    const saved = await cms.strapi.documents(CONSULTATION).create({ data: consultation() });
    await assert.rejects(
      cms.strapi.documents(CONSULTATION).update({ documentId: saved.documentId, data: { closesAt: '2026-01-15T12:00:00.000Z' } }),
      /must be after the opening date/,
    );
    await cms.strapi.documents(CONSULTATION).delete({ documentId: saved.documentId });
  });

  test('links must be web, email or phone addresses', async () => {
    await assert.rejects(cms.strapi.documents(CONSULTATION).create({ data: consultation({ respondUrl: 'javascript:alert(1)' }) }), /must be a web address/);
    await assert.rejects(
      cms.strapi.documents(ARTICLE).create({
        data: {
          title: 'Bad download',
          slug: 'bad-download',
          summary: 's',
          date: '2026-01-01',
          downloads: [{ title: 'Evil', url: 'data:text/html,<script>alert(1)</script>' }],
        },
      }),
      /must be a web address/,
    );
  });

  test('a summary over 300 characters is refused', async () => {
    await assert.rejects(
      cms.strapi.documents(ARTICLE).create({ data: { title: 'Long', slug: 'long-summary', summary: 'x'.repeat(301), date: '2026-01-01' } }),
      /summary/i,
    );
  });
});

describe('the admin speaks plainly to editors', () => {
  test('the three content types have clear names and labelled fields', async () => {
    const names = (['api::article.article', 'api::consultation.consultation', 'api::staffing-update.staffing-update'] as const).map(
      (uid) => cms.strapi.contentTypes[uid].info.displayName,
    );
    assert.deepEqual(names, ['SEND news', 'Consultations', 'Staffing and service updates']);
    const cm = contentManager(cms.strapi);
    assert.ok(cm, 'no Content Manager');
    const config = await cm.contentTypes.findConfiguration(cm.contentTypes.findContentType('api::consultation.consultation')!);
    assert.equal(config.metadatas.audiences.edit?.label, 'Who it is for');
    assert.equal(config.metadatas.closesAt.edit?.label, 'Closes at (UK time)');
    assert.match(config.metadatas.summary.edit?.description ?? '', /300 characters/);
    assert.equal(config.settings.mainField, 'title');
    assert.deepEqual(config.layouts.list, ['title', 'date', 'closesAt', 'publishAt']);
    assert.equal(config.metadatas.publishAt.list?.label, 'Scheduled (UK time)');
    assert.deepEqual([config.settings.defaultSortBy, config.settings.defaultSortOrder], ['date', 'DESC']);
    // The search abbreviations list has no text field: 'id' makes the admin head its form with its name, not its document id.
    const abbreviations = await cm.contentTypes.findConfiguration(cm.contentTypes.findContentType('api::search-abbreviation.search-abbreviation')!);
    assert.equal(abbreviations.settings.mainField, 'id');
  });
});

describe('odd requests get a clear 4xx, never a 500', () => {
  const odd = [
    '/api/updates/article/%E0%A4%A',
    '/api/updates/%ZZ/slug',
    '/api/updates?page=%ZZ',
    '/api/updates?type=article&type[0][1]=x',
    '/api/updates?pageSize[]=5',
    '/feeds/rss.xml?type=%ZZ',
    '/feeds/consultations/%E0%A4%A.ics',
    '/widgets/%E0%A4%A.js',
    '/demo/%E0%A4%A',
    '/demo/../cms/.tmp/data.db',
    '/demo/..%2Fcms%2Fpackage.json',
    '/widgets/..%2f..%2fpackage.json',
  ];
  for (const path of odd) {
    test(path, async () => {
      const response = await fetch(`${base}${path}`);
      const text = await response.text();
      assert.ok(response.status >= 400 && response.status < 500, `${path} answered ${response.status}: ${text.slice(0, 200)}`);
      assert.ok(!text.includes('"name": "send-cms"') && !text.includes('"workspaces"'), `${path} served a file outside its folder`);
    });
  }
});

describe('a topic renamed', () => {
  test('reaches its items, the facets and search without reading the whole catalogue again', async () => {
    const TOPIC = TOPIC_UID;
    const before = await allItems('&topic=inspections');
    const catalogue = catalogueOf(cms.strapi);
    const builds = catalogue.builds;
    assert.ok(before.length >= 4);
    const topic = await cms.strapi.documents(TOPIC).findFirst({ filters: { slug: 'inspections' }, status: 'published' });
    assert.ok(topic);
    const rename = async (name: string, slug: string, through: 'documents' | 'admin' = 'documents') => {
      await cms.strapi.documents(TOPIC).update({ documentId: topic.documentId, data: { name, slug } });
      if (through === 'admin') await adminPublish(topic.documentId, TOPIC);
      else await cms.strapi.documents(TOPIC).publish({ documentId: topic.documentId });
    };
    type TopicRow = { id: number; name: string; updatedAt: string };
    const rows = () => cms.strapi.db.query(TOPIC).findMany({ where: { documentId: topic.documentId }, orderBy: { id: 'asc' } }) as Promise<TopicRow[]>;
    // The articles' links to the topic, as stored (the join table's names are read from Strapi's metadata).
    const { joinTable } = cms.strapi.db.metadata.get('api::article.article').attributes.topics as unknown as {
      joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
    };
    const links = () =>
      cms.strapi.db.connection(joinTable.name).where(joinTable.inverseJoinColumn.name, topic.id).orderBy('id').select('id', joinTable.joinColumn.name);
    const linksBefore = await links();
    const published: unknown[] = [];
    const heard = (event: { uid: string; entry: { documentId: string } }) => {
      if (event.uid === TOPIC && event.entry.documentId === topic.documentId) published.push(event.entry);
      return Promise.resolve();
    };
    cms.strapi.eventHub.on('entry.publish', heard);
    try {
      await rename('Inspections and zyxwv reviews', 'inspections-and-reviews');
      // Published in place (lib/publish-in-place.ts): the same row, every link to it untouched, shown as published, announced.
      const [draft, live] = await rows();
      assert.equal(live.id, topic.id, 'the published row keeps its id');
      assert.equal(live.name, 'Inspections and zyxwv reviews');
      assert.ok(new Date(live.updatedAt) >= new Date(draft.updatedAt), 'the admin shows it as published, not modified');
      assert.deepEqual(await links(), linksBefore, 'no link to it was rewritten');
      assert.ok(linksBefore.length >= 1);
      assert.equal(published.length, 1, 'webhooks hear of the publish');
      const after = await allItems('&topic=inspections-and-reviews');
      assert.deepEqual(idsOf(after), idsOf(before), 'the same items, under the new slug');
      for (const item of after) assert.ok(item.topics.some((t) => t.slug === 'inspections-and-reviews' && t.name === 'Inspections and zyxwv reviews'));
      assert.equal((await get('/api/updates?topic=inspections')).body.meta.pagination.total, 0);
      const { facets } = (await get('/api/updates')).body.meta;
      assert.ok(facets.topics.some((t) => t.value === 'inspections-and-reviews' && t.label === 'Inspections and zyxwv reviews' && t.count === before.length));
      assert.ok(!facets.topics.some((t) => t.value === 'inspections'), 'the old slug is gone from the facets');
      const found = await allItems('&q=zyxwv');
      assert.deepEqual(idsOf(found), idsOf(before), 'search finds the items by the new name');
      const item = (await get<ItemResponse>(before[0].url)).body.data;
      assert.ok(
        item.topics.some((t) => t.name === 'Inspections and zyxwv reviews'),
        'the whole item has the new name too',
      );
      assert.equal(catalogue.builds, builds, 'no whole read of the catalogue');
    } finally {
      cms.strapi.eventHub.off('entry.publish', heard);
      await rename(topic.name ?? 'Inspections', 'inspections', 'admin');
    }
    assert.equal((await rows())[1].id, topic.id, 'published from the admin, in place too');
    assert.deepEqual(await links(), linksBefore);
    assert.equal((await allItems('&topic=inspections')).length, before.length);
    assert.equal((await get('/api/updates?q=zyxwv')).body.meta.pagination.total, 0, 'the old name no longer finds them');
  });
});

describe('a topic published in place', () => {
  test('is checked as Strapi checks a publish: a name another published topic has, or no name, is refused and nothing changes', async () => {
    const TOPIC = TOPIC_UID;
    const [topic, other] = await cms.strapi.documents(TOPIC).findMany({ status: 'published', sort: 'id', limit: 2 });
    assert.ok(topic && other);
    const publishedName = async () => (await cms.strapi.documents(TOPIC).findOne({ documentId: topic.documentId, status: 'published' }))?.name;
    try {
      for (const name of [other.name ?? 'Other', null]) {
        // Written to the draft row directly: the document service's types do not let a draft lose its required name.
        await cms.strapi.db.query(TOPIC).update({ where: { documentId: topic.documentId, publishedAt: null }, data: { name } });
        await assert.rejects(cms.strapi.documents(TOPIC).publish({ documentId: topic.documentId }), /name|unique|required/i);
        assert.equal(await publishedName(), topic.name, 'the published topic is as it was');
      }
    } finally {
      await cms.strapi.documents(TOPIC).update({ documentId: topic.documentId, data: { name: topic.name ?? undefined } });
      await cms.strapi.documents(TOPIC).publish({ documentId: topic.documentId });
    }
  });
});

describe('a topic unpublished and published again', () => {
  test('is named again by every published item that named it (its links are not lost)', async () => {
    const TOPIC = TOPIC_UID;
    const before = await allItems('&topic=funding');
    assert.ok(before.length >= 2, `only ${before.length} items name the topic`);
    const topic = await cms.strapi.documents(TOPIC).findFirst({ filters: { slug: 'funding' }, status: 'published' });
    assert.ok(topic);
    await cms.strapi.documents(TOPIC).unpublish({ documentId: topic.documentId });
    assert.equal((await get('/api/updates?topic=funding')).body.meta.pagination.total, 0, 'hidden while unpublished');
    const { body } = await get<ItemResponse>(before[0].url);
    assert.ok(!body.data.topics.some((t) => t.slug === 'funding'), 'the item does not name an unpublished topic');
    // The catalogue gives the items the topic in memory: none is read again (as a rename, 'a topic renamed').
    const itemReads = countItemReads(cms.strapi);
    await adminPublish(topic.documentId, TOPIC);
    assert.equal(itemReads.stop(), 0, 'no item read again');
    const after = await allItems('&topic=funding');
    assert.deepEqual(idsOf(after), idsOf(before), 'the same items name it again');
    const item = (await get<ItemResponse>(before[0].url)).body.data;
    assert.ok(
      item.topics.some((t) => t.slug === 'funding'),
      'the whole item names it again',
    );
    // Drafts still link to it too: publishing an item again keeps the topic.
    await cms.strapi.documents(UPDATE_TYPES[before[0].type]).publish({ documentId: before[0].id });
    assert.equal((await allItems('&topic=funding')).length, before.length);
  });

  test('a new topic, given to an item published while the topic was a draft, names it once published', async () => {
    const topic = await cms.strapi.documents(TOPIC_UID).create({ data: { name: 'Travel training', slug: 'travel-training' } });
    const [item] = await allItems('&type=article');
    const documents = cms.strapi.documents(UPDATE_TYPES.article);
    try {
      await documents.update({ documentId: item.id, data: { topics: { connect: [topic.documentId] } } });
      await documents.publish({ documentId: item.id });
      assert.equal((await get('/api/updates?topic=travel-training')).body.meta.pagination.total, 0, 'not while the topic is a draft');
      await cms.strapi.documents(TOPIC_UID).publish({ documentId: topic.documentId });
      assert.deepEqual(
        (await allItems('&topic=travel-training')).map((i) => i.id),
        [item.id],
      );
      // Only the published item whose draft names it: no other item, and its draft is untouched.
      const links = await cms.strapi.documents(UPDATE_TYPES.article).findOne({ documentId: item.id, status: 'draft', populate: ['topics'] });
      assert.equal(links?.topics?.filter((t) => t.slug === 'travel-training').length, 1);
    } finally {
      await documents.update({ documentId: item.id, data: { topics: { disconnect: [topic.documentId] } } });
      await documents.publish({ documentId: item.id });
      await cms.strapi.documents(TOPIC_UID).delete({ documentId: topic.documentId });
    }
  });
});

describe('an uploaded file', () => {
  test('replaced or deleted in the media library, reaches the items offering it at once', async () => {
    // The media library writes files with the query engine, as here, not the document service.
    const files = cms.strapi.db.query('plugin::upload.file');
    const stored = { ext: '.pdf', mime: 'application/pdf', size: 120.5, provider: 'local' };
    const file = (await files.create({ data: { ...stored, name: 'local-offer-leaflet.pdf', hash: 'leaflet_a1', url: '/uploads/leaflet_a1.pdf' } })) as {
      id: number;
      documentId: string;
    };
    const slug = `leaflet-${Math.random().toString(36).slice(2, 8)}`;
    const article = await cms.strapi.documents(ARTICLE).create({
      data: { title: 'Local Offer leaflet', slug, summary: 'Our new leaflet.', date: '2026-11-30', downloads: [{ title: 'Leaflet', file: file.id }] },
    });
    await cms.strapi.documents(ARTICLE).publish({ documentId: article.documentId });
    const downloads = async () => (await get<ItemResponse>(`/api/updates/article/${slug}`)).body.data.downloads.map((d) => d.url);
    try {
      assert.deepEqual(await downloads(), [`${base}/uploads/leaflet_a1.pdf`]);
      await files.update({ where: { id: file.id }, data: { hash: 'leaflet_b2', url: '/uploads/leaflet_b2.pdf' } });
      assert.deepEqual(await downloads(), [`${base}/uploads/leaflet_b2.pdf`], 'the replaced file, not the old address');
      const feed = await fetch(`${base}/feeds/rss.xml?q=leaflet`).then((r) => r.text());
      assert.match(feed, /leaflet_b2\.pdf/);
      assert.doesNotMatch(feed, /leaflet_a1\.pdf/);
      await files.delete({ where: { id: file.id } });
      assert.deepEqual(await downloads(), [], 'a deleted file is no longer offered');
    } finally {
      await cms.strapi.documents(ARTICLE).delete({ documentId: article.documentId });
    }
  });
});

describe('catalogue states', () => {
  test('a draft saved makes no new state; a publish makes one whose filter index is ready before anyone reads it', async () => {
    const catalogue = catalogueOf(cms.strapi);
    const before = catalogue.version;
    const draft = await cms.strapi.documents(ARTICLE).create({
      data: { title: 'State check', slug: `state-check-${Math.random().toString(36).slice(2, 8)}`, summary: 'Checking states.', date: '2026-11-30' },
    });
    try {
      assert.equal(catalogue.version, before, 'a draft changes nothing readers see');
      await cms.strapi.documents(ARTICLE).update({ documentId: draft.documentId, data: { summary: 'Checking states again.' } });
      assert.equal(catalogue.version, before, 'nor does a second save of it');
      await cms.strapi.documents(ARTICLE).publish({ documentId: draft.documentId });
      assert.ok(catalogue.version > before, 'a publish makes a new state');
      const current = await catalogue.get();
      assert.ok(catalogue.indexReady(current), 'the new state was indexed before it went public');
      assert.ok(current.bySlug.article.has(draft.slug ?? ''));
    } finally {
      await cms.strapi.documents(ARTICLE).delete({ documentId: draft.documentId });
    }
  });
});

describe('database indexes', () => {
  /** The first column of each index on a table. */
  async function leadingColumns(table: string): Promise<Set<string>> {
    const { connection } = cms.strapi.db;
    if (cms.strapi.db.dialect.client === 'sqlite') {
      const list = await connection.raw<{ name: string }[]>(`PRAGMA index_list("${table}")`);
      const firsts = await Promise.all(list.map(async ({ name }) => (await connection.raw<{ name: string }[]>(`PRAGMA index_info("${name}")`))[0]?.name));
      return new Set(firsts);
    }
    const { rows } = await connection.raw<{ rows: { indexdef: string }[] }>(
      'SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?',
      [table],
    );
    return new Set(rows.map(({ indexdef }) => /\(\s*"?([^",)\s]+)/.exec(indexdef)?.[1] ?? ''));
  }

  test('lead with every column the API filters or sorts on, and with the scheduler\u2019s publish and unpublish times', async () => {
    const wanted: Record<string, string[]> = {
      [ARTICLE]: ['date', 'publishedAt', 'slug', 'publishAt', 'unpublishAt'],
      [CONSULTATION]: ['date', 'publishedAt', 'slug', 'opensAt', 'closesAt', 'publishAt', 'unpublishAt'],
      'api::staffing-update.staffing-update': ['date', 'publishedAt', 'slug', 'publishAt', 'unpublishAt'],
    };
    for (const [uid, attributes] of Object.entries(wanted)) {
      const { tableName, attributes: model } = cms.strapi.db.metadata.get(uid) as unknown as {
        tableName: string;
        attributes: Record<string, { columnName?: string }>;
      };
      const leading = await leadingColumns(tableName);
      for (const attribute of attributes) {
        const column = model[attribute]?.columnName;
        assert.ok(column, `${uid} has ${attribute}`);
        assert.ok(leading.has(column), `an index on ${tableName} leads with ${column}; found ${[...leading].join(', ')}`);
      }
    }
  });
});

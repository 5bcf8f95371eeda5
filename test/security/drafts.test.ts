/**
 * Drafts and unpublished edits never appear: every query form Strapi accepts (status, the old
 * publicationState, filters, populate, locale, pagination, fields, sort…) on every public route
 * (the updates API, Strapi's own content API, every feed, the reader pages, a feed opened in a
 * browser) and every forged, altered, expired or misdirected preview token. A genuine preview token
 * does show its draft (the control), and never leaves it in a cache for anyone else.
 *
 * And reads during a burst of publishes, edits, unpublishes and deletes all succeed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { paragraph } from '../../cms/src/lib/blocks.ts';
import { createPreviewToken } from '../../cms/src/preview/token.ts';
import { startCms, type TestCms } from '../helpers/cms.ts';
import { freshAddress, request } from './helpers.ts';

const ARTICLE = 'api::article.article';
const CONSULTATION = 'api::consultation.consultation';
const STAFFING = 'api::staffing-update.staffing-update';

let cms: TestCms;
let base: string;
/** Words that exist only in drafts and unpublished edits: none may ever be served. */
const secret = () => `zq${randomBytes(6).toString('hex')}`;
const MARKERS = { article: secret(), consultation: secret(), staffing: secret(), edit: secret(), unpublished: secret() };
/** A word every draft holds beside its marker: searches and filters ask for it (a query's own words may be echoed). */
const SEARCH_WORD = secret();
const docs: Record<string, { documentId: string; slug: string }> = {};

const content = (marker: string) => ({
  title: `Draft ${marker} ${SEARCH_WORD}`,
  summary: `Summary ${marker} ${SEARCH_WORD}`,
  date: '2026-01-01',
  body: [paragraph(`Body ${marker} ${SEARCH_WORD}`)] as never,
});

before(async () => {
  cms = await startCms({ env: { RATE_LIMIT_REQUESTS: '0' } });
  base = cms.baseUrl;
  const d = cms.strapi.documents;
  const made = (key: string, created: { documentId: string; slug?: string | null }) => {
    docs[key] = { documentId: created.documentId, slug: created.slug ?? '' };
  };
  made('article', await d(ARTICLE).create({ data: { ...content(MARKERS.article), slug: 'draft-article' } }));
  const dates = { opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() };
  made('consultation', await d(CONSULTATION).create({ data: { ...content(MARKERS.consultation), ...dates, slug: 'draft-consultation' } }));
  made('staffing', await d(STAFFING).create({ data: { ...content(MARKERS.staffing), service: `Service ${MARKERS.staffing}`, slug: 'draft-staffing' } }));
  // Published, then edited without publishing the edit.
  const edited = await d(ARTICLE).create({
    data: { title: 'Published and then edited', summary: 'The published words.', date: '2026-01-02', slug: 'published-then-edited' },
    status: 'published',
  });
  await d(ARTICLE).update({
    documentId: edited.documentId,
    data: {
      title: `Edited ${MARKERS.edit} ${SEARCH_WORD}`,
      summary: `Edit ${MARKERS.edit}`,
      body: [paragraph(`Edit ${MARKERS.edit} ${SEARCH_WORD}`)] as never,
    },
  });
  made('edited', edited);
  // Published once, then unpublished.
  const gone = await d(ARTICLE).create({ data: { ...content(MARKERS.unpublished), slug: 'published-then-unpublished' }, status: 'published' });
  await d(ARTICLE).unpublish({ documentId: gone.documentId });
  made('unpublished', gone);
});

after(async () => {
  await cms?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  request(base, path, { from: freshAddress(), headers: { 'Accept-Encoding': 'identity', ...headers } });

function assertNoDraft(text: string, where: string) {
  for (const [name, marker] of Object.entries(MARKERS)) assert.ok(!text.includes(marker), `${where} shows the ${name} draft`);
}

describe('drafts never appear', () => {
  const queryForms = () => [
    '',
    'status=draft',
    'status=published&status=draft',
    'publicationState=preview',
    'publicationState=live',
    '_publicationState=preview',
    'status=draft&publicationState=preview&locale=all',
    `filters[title][$contains]=${SEARCH_WORD}`,
    'filters[publishedAt][$null]=true',
    'filters[status][$eq]=draft',
    'hasPublishedVersion=false',
    'populate=*',
    'populate[0]=localizations&populate[1]=createdBy',
    'locale=all',
    'locale=*',
    'fields[0]=title&fields[1]=summary',
    'pagination[pageSize]=1000&pagination[withCount]=true',
    'sort=publishedAt:desc',
    'sort[0]=updatedAt:desc',
    `q=${SEARCH_WORD}`,
    `q=${SEARCH_WORD}&status=draft`,
    `q=draft%20${SEARCH_WORD}&publicationState=preview`,
    'preview=true',
    'draft=true',
    `documentId=${docs.article?.documentId}`,
    'type=article&status=draft',
    'limit=200&type=article,consultation,staffing-update',
    'pageSize=100&page=1',
  ];

  const routes = () => [
    '/api/updates',
    ...Object.values(docs).flatMap((doc) => ['article', 'consultation', 'staffing-update'].map((type) => `/api/updates/${type}/${doc.slug}`)),
    '/api/articles',
    `/api/articles/${docs.article.documentId}`,
    '/api/consultations',
    '/api/staffing-updates',
    '/api/topics',
    '/feeds/rss.xml',
    '/feeds/atom.xml',
    '/feeds/feed.json',
    '/feeds/consultations.ics',
    `/feeds/consultations/${docs.consultation.slug}.ics`,
    '/updates',
    ...Object.values(docs).flatMap((doc) => ['article', 'consultation', 'staffing-update'].map((type) => `/updates/${type}/${doc.slug}`)),
    '/updates/subscribe',
  ];

  test('on every public route, in every query form Strapi accepts, with and without credentials-looking headers', async () => {
    let checked = 0;
    for (const route of routes()) {
      for (const form of queryForms()) {
        const path = form ? `${route}?${form}` : route;
        const headerSets: Record<string, string>[] = [{}, { 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Mode': 'navigate' }, { Authorization: 'Bearer garbage' }];
        for (const headers of headerSets) {
          const answer = await get(path, headers);
          assert.ok(answer.status < 500, `${path}: ${answer.status}`);
          assertNoDraft(answer.text, `${path} ${JSON.stringify(headers)}`);
          checked += 1;
        }
      }
    }
    assert.ok(checked > 1000, `${checked} answers checked`);
    // And the published version of the edited item is there, as published.
    const edited = await get('/api/updates/article/published-then-edited');
    assert.equal(edited.status, 200);
    assert.match(edited.text, /Published and then edited/);
  });

  test('forged, altered, expired and misdirected preview tokens show nothing but published items', async () => {
    const genuine = createPreviewToken({ type: 'article', documentId: docs.article.documentId, status: 'draft' });
    const [payload, signature] = genuine.split('.');
    const claim = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const reSigned = (changes: Record<string, unknown>) => `${Buffer.from(JSON.stringify({ ...claim, ...changes })).toString('base64url')}.${signature}`;
    const forged = [
      'garbage',
      '',
      '.',
      `${payload}.`,
      `${payload}.${signature}x`,
      `${payload}.${Buffer.alloc(32).toString('base64url')}`,
      `${payload}.${signature}.extra`,
      reSigned({ documentId: docs.consultation.documentId }),
      reSigned({ expires: 4_102_444_800 }),
      reSigned({ status: 'published' }),
      createPreviewToken({ type: 'article', documentId: docs.article.documentId, status: 'draft' }, Date.now() - 3_600_000),
      'x'.repeat(5000),
    ];
    const pages = Object.values(docs).flatMap((doc) => ['article', 'consultation', 'staffing-update'].map((type) => `/updates/${type}/${doc.slug}`));
    for (const token of forged) {
      for (const page of pages) {
        const answer = await get(`${page}?preview=${encodeURIComponent(token)}`);
        assert.ok(answer.status < 500, `${page} with a forged token: ${answer.status}`);
        assertNoDraft(answer.text, `${page} with token ${token.slice(0, 30)}`);
      }
    }
    // A genuine token for one draft does not open another.
    for (const key of ['consultation', 'staffing'] as const) {
      for (const type of ['article', 'consultation', 'staffing-update']) {
        const answer = await get(`/updates/${type}/${docs[key].slug}?preview=${encodeURIComponent(genuine)}`);
        assert.ok(!answer.text.includes(MARKERS[key]), `the article's token opened the ${key} draft`);
      }
    }
  });

  test('the control: a genuine preview shows the draft, to its holder only, and no cache keeps it', async () => {
    const genuine = createPreviewToken({ type: 'article', documentId: docs.article.documentId, status: 'draft' });
    const page = `/updates/article/${docs.article.slug}`;
    const previewed = await get(`${page}?preview=${encodeURIComponent(genuine)}`);
    assert.equal(previewed.status, 200);
    assert.ok(previewed.text.includes(MARKERS.article), 'a genuine token shows the draft');
    assert.match(String(previewed.headers['cache-control']), /no-store/);
    for (const after of [page, `${page}?preview=garbage`, `${page}?preview=${encodeURIComponent(genuine)}x`])
      assertNoDraft((await get(after)).text, `${after} after a genuine preview`);
  });
});

describe('reads during a burst of publishes', () => {
  test('every read succeeds while items are created, published, edited, unpublished and deleted', async () => {
    const d = cms.strapi.documents;
    const reads = [
      '/api/updates',
      '/api/updates?type=article&pageSize=50',
      '/api/updates/article/burst-item-0',
      '/feeds/rss.xml',
      '/feeds/feed.json',
      '/feeds/consultations.ics',
      '/updates',
      '/updates/article/burst-item-0',
    ];
    const errors: string[] = [];
    let done = false;
    let readCount = 0;
    const reader = async (offset: number) => {
      for (let i = offset; !done; i += 1) {
        const path = reads[i % reads.length];
        try {
          const answer = await get(path);
          readCount += 1;
          const itemRoute = path.includes('burst-item-0');
          if (!(answer.status === 200 || (itemRoute && answer.status === 404))) errors.push(`${path}: ${answer.status} ${answer.text.slice(0, 120)}`);
          if (answer.status === 200 && path.startsWith('/api/updates?')) {
            const body = JSON.parse(answer.text) as { data: unknown[]; meta: { pagination: { total: number } } };
            if (body.meta.pagination.total < body.data.length) errors.push(`${path}: a total below the items given`);
          }
          if (answer.status === 200 && path.endsWith('.json')) JSON.parse(answer.text);
        } catch (error) {
          errors.push(`${path}: ${(error as Error).message}`);
        }
      }
    };
    const readers = Array.from({ length: 8 }, (_, i) => reader(i));
    const writes: string[] = [];
    const readsBefore = readCount;
    for (let i = 0; i < 60; i += 1) {
      const slug = `burst-item-${i % 3}`;
      const existing = await d(ARTICLE).findFirst({ filters: { slug } });
      if (!existing) {
        await d(ARTICLE).create({ data: { title: `Burst item ${i}`, summary: 'Published in a burst.', date: '2026-02-01', slug }, status: 'published' });
        writes.push('create and publish');
      } else if (i % 4 === 0) {
        await d(ARTICLE).unpublish({ documentId: existing.documentId });
        writes.push('unpublish');
      } else if (i % 7 === 0) {
        await d(ARTICLE).delete({ documentId: existing.documentId });
        writes.push('delete');
      } else {
        await d(ARTICLE).update({ documentId: existing.documentId, data: { title: `Burst item ${i} (edited)` } });
        await d(ARTICLE).publish({ documentId: existing.documentId });
        writes.push('edit and publish');
      }
      // Editors' clicks, not a tight loop: readers get their turns between writes.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const readsDuringWrites = readCount - readsBefore;
    // Reads go on a moment past the last write, while the catalogue catches up.
    await new Promise((resolve) => setTimeout(resolve, 500));
    done = true;
    await Promise.all(readers);
    console.log(`burst: ${writes.length} writes (${[...new Set(writes)].join(', ')}), ${readCount} reads, ${readsDuringWrites} of them during the writes`);
    assert.deepEqual(errors, []);
    assert.ok(readsDuringWrites >= writes.length, `only ${readsDuringWrites} reads happened during ${writes.length} writes`);
  });
});

/**
 * The reader pages the CMS serves (/updates, /updates/:type/:slug, /updates/subscribe,
 * /updates/for-websites, /updates/accessibility), the page a browser gets for a feed, and the versioned widget scripts,
 * against a real Strapi with the seed content. HTML is read with a real parser.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { ConsultationSummary, ItemResponse, ListResponse, UpdateSummary } from '../../contract/api';
import { catalogueOf, type Catalogue } from '../../cms/src/catalogue/catalogue.ts';
import { SITEMAP_SIZE, sitemap, sitemapCount, sitemapIndex } from '../../cms/src/pages/sitemap.ts';
import { recordEarlierPublications } from '../../cms/src/lib/first-published.ts';
import { shownPages } from '../../cms/src/pages/page-numbers.ts';
import { readFeedSettings } from '../../cms/src/feeds/settings.ts';
import { cmsDir, ensureCompiled, getJson, repoRoot, startCms, type TestCms } from '../helpers/cms.ts';

await ensureCompiled();
// The page as the server runs it (compiled with Preact's JSX), typed as its source.
const { accessibilityPage, STATEMENT_PREPARED } = createRequire(import.meta.url)(
  path.join(cmsDir, 'dist', 'src', 'pages', 'accessibility-page.js'),
) as typeof import('../../cms/src/pages/accessibility-page.tsx');

let cms: TestCms;
let base: string;
/** The one inline script of every reader page. */
const HEAD_SCRIPT = fs.readFileSync(path.join(cmsDir, 'src', 'pages', 'assets', 'head.js'), 'utf8');
const ARTICLE = 'api::article.article';
const CONSULTATION = 'api::consultation.consultation';

const CONTACT_EMAIL = 'send.updates@example.gov.uk';

before(async () => {
  cms = await startCms({ env: { CONTACT_EMAIL } });
  base = cms.baseUrl;
});
after(async () => {
  await cms?.stop();
});

// Node types as htmlparser2 itself uses them.
type AnyNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Parameters<typeof DomUtils.getAttributeValue>[0];

type Page = { status: number; headers: http.IncomingHttpHeaders; html: string; doc: ReturnType<typeof parseDocument> };

/** GET through node:http, which (unlike fetch) sends Fetch Metadata headers as given, as a browser would. */
function get(pathOrUrl: string, headers: Record<string, string> = {}): Promise<Page> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(pathOrUrl, base), { headers }, (res) => {
        let html = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (html += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, html, doc: parseDocument(html) }));
      })
      .on('error', reject);
  });
}
const NAVIGATION = { 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Site': 'none' };

const all = (page: Page, test: (el: Element) => boolean) => DomUtils.findAll(test, page.doc.children);
const one = (page: Page, test: (el: Element) => boolean) => {
  const found = DomUtils.findOne(test, page.doc.children);
  assert.ok(found, 'element not found');
  return found;
};
const attr = (el: Element, name: string) => DomUtils.getAttributeValue(el, name);
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'li', 'dt', 'dd', 'div', 'section', 'ul', 'ol', 'dl', 'main', 'article', 'br', 'nav', 'header', 'footer']);
/** Text as a reader sees it: block elements apart, inline ones in the flow. */
const text = (el: Element | Element[]): string => {
  const walk = (node: AnyNode): string =>
    DomUtils.isText(node)
      ? node.data
      : DomUtils.isTag(node)
        ? BLOCKS.has(node.name)
          ? ` ${node.children.map(walk).join('')} `
          : node.children.map(walk).join('')
        : '';
  return (Array.isArray(el) ? el : [el]).map(walk).join(' ').replace(/\s+/g, ' ').trim();
};
const within = (el: Element, test: (el: Element) => boolean) => {
  const found = DomUtils.findOne(test, el.children);
  assert.ok(found, 'element not found');
  return found;
};
const tag =
  (name: string, attrs: Record<string, string> = {}) =>
  (el: Element) =>
    el.name === name && Object.entries(attrs).every(([k, v]) => attr(el, k) === v);
const meta = (page: Page, property: string) =>
  attr(
    one(page, (el) => el.name === 'meta' && (attr(el, 'property') === property || attr(el, 'name') === property)),
    'content',
  );
const jsonLd = (page: Page) => JSON.parse(text(one(page, tag('script', { type: 'application/ld+json' })))) as Record<string, unknown>;
const inputValue = (page: Page, id: string) => attr(one(page, tag('input', { id })), 'value');

/** A textarea's content, whose character references the parser leaves as they are written. */
const rawText = (el: Element) =>
  text(el).replace(/&(lt|gt|quot|#x27|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#x27': "'", amp: '&' })[name] ?? '');

async function allItems(): Promise<UpdateSummary[]> {
  return (await getJson<ListResponse>(base, '/api/updates?pageSize=100')).body.data;
}
const item = async (type: string, slug: string) => (await getJson<ItemResponse>(base, `/api/updates/${type}/${slug}`)).body.data;

describe('item pages', () => {
  test('every published item has a page at its pageUrl, with its title, canonical URL, Open Graph, JSON-LD and feed discovery', async () => {
    const items = await allItems();
    assert.ok(items.length >= 30);
    for (const summary of items) {
      assert.equal(summary.pageUrl, `${base}/updates/${summary.type}/${summary.slug}`);
      const page = await get(summary.pageUrl);
      assert.equal(page.status, 200, summary.pageUrl);
      assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
      assert.equal(text(one(page, tag('h1'))), summary.title);
      assert.equal(attr(one(page, tag('link', { rel: 'canonical' })), 'href'), summary.pageUrl);
      assert.equal(meta(page, 'og:url'), summary.pageUrl);
      assert.equal(meta(page, 'og:title'), summary.title);
      assert.equal(meta(page, 'og:type'), 'article');
      assert.equal(meta(page, 'description'), summary.summary);
      const feeds = all(page, (el) => el.name === 'link' && attr(el, 'rel') === 'alternate').map((el) => [attr(el, 'type'), attr(el, 'href')]);
      assert.deepEqual(feeds, [
        ['application/rss+xml', `${base}/feeds/rss.xml`],
        ['application/atom+xml', `${base}/feeds/atom.xml`],
        ['application/feed+json', `${base}/feeds/feed.json`],
      ]);
      const data = jsonLd(page);
      assert.equal(data['@context'], 'https://schema.org');
      assert.equal(data.url, summary.pageUrl);
      if (summary.type === 'consultation') {
        assert.equal(data['@type'], 'Event');
        assert.equal(data.startDate, summary.opensAt ?? undefined);
        assert.equal(data.endDate, summary.closesAt ?? undefined);
      } else {
        assert.equal(data['@type'], summary.type === 'article' ? 'NewsArticle' : 'Article');
        assert.equal(data.headline, summary.title.slice(0, 110));
        assert.equal(data.datePublished, summary.date);
        assert.equal(data.dateModified, summary.lastUpdated ?? summary.date, 'modified as readers are told, else the day it is dated');
      }
      // "Back to all updates" at the top and at the bottom.
      const backs = all(page, (el) => el.name === 'a' && text(el) === 'Back to all updates');
      assert.equal(backs.length, 2);
      for (const back of backs) assert.equal(attr(back, 'href'), `${base}/updates`);
      assert.match(text(one(page, tag('main'))), /Published \d{1,2} [A-Z][a-z]+ \d{4}/);
    }
  });

  test('a closed consultation says when it closed, in UK form, with no Respond button', async () => {
    const page = await get('/updates/consultation/top-up-funding-consultation');
    const main = text(one(page, tag('main')));
    assert.match(main, /Status: Closed/);
    assert.match(main, /Closed at 11:59pm on Friday 4 February 2022\./);
    assert.doesNotMatch(main, /Respond to this consultation/);
    // Summer time: the Green Paper consultation closed at 23:45 BST.
    assert.match(text(one(await get('/updates/consultation/send-review-green-paper-consultation'), tag('main'))), /Closed at 11:45pm on Friday 22 July 2022\./);
  });

  test('an open consultation shows its status, closing time and Respond link before its body, then calendar and Easy Read links', async () => {
    const consultation = await item('consultation', 'parent-carer-survey-tell-us-what-is-working');
    assert.equal(consultation.type, 'consultation');
    const page = await get(consultation.pageUrl);
    const main = text(one(page, tag('main')));
    assert.match(main, /Status: Open/);
    assert.match(main, /Closes at 11:59pm on [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}\./);
    const respond = one(page, (el) => el.name === 'a' && text(el) === 'Respond to this consultation');
    assert.equal(attr(respond, 'href'), consultation.respondUrl);
    const calendar = one(page, (el) => el.name === 'a' && text(el) === 'Add the closing date to your calendar');
    assert.equal(attr(calendar, 'href'), `${base}${consultation.calendarUrl}`);
    assert.ok(all(page, (el) => el.name === 'a' && text(el) === 'Easy Read version').length === 1);
    const at = (needle: string) => page.html.indexOf(needle);
    const bodyStart = at('The annual parent carer survey is co-produced');
    assert.ok(bodyStart > 0);
    for (const first of ['Status:', 'Closes at', 'Respond to this consultation'])
      assert.ok(at(first) > 0 && at(first) < bodyStart, `${first} comes before the body`);
  });

  test('an upcoming consultation says when it opens and when readers can respond', async () => {
    const page = await get('/updates/consultation/young-peoples-survey-what-matters-to-you');
    const main = text(one(page, tag('main')));
    assert.match(main, /Status: Upcoming/);
    assert.match(main, /Opens at 9am on [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}\./);
    assert.match(main, /You can respond from 9am on/);
    assert.doesNotMatch(main, /Respond to this consultation/);
  });

  test('a consultation with its outcome published says so and shows "You said, we did"', async () => {
    const page = await get('/updates/consultation/send-parent-carer-survey-2021');
    const main = text(one(page, tag('main')));
    assert.match(main, /Status: Outcome published/);
    assert.match(main, /You said, we did Outcome published 30 September 2021 The results have been analysed/);
  });

  test('a staffing update shows the service, what changes, from when and from whom', async () => {
    const update = await item('staffing-update', 'educational-psychology-service-capacity');
    assert.equal(update.type, 'staffing-update');
    assert.match(update.whatChanges ?? '', /up to 8 weeks/);
    const page = await get(update.pageUrl);
    const rows = Object.fromEntries(
      all(page, tag('div', { class: 'summary-list__row' })).map((row) => [text(within(row, tag('dt'))), text(within(row, tag('dd')))]),
    );
    assert.equal(rows.Service, 'Educational Psychology');
    assert.equal(rows['What changes'], update.whatChanges);
    assert.equal(rows['Takes effect'], '15 October 2021');
    const letter = await get('/updates/staffing-update/send-service-staffing-update');
    assert.match(text(one(letter, tag('main'))), /From Sarah Wilkins, Director for Education, Early Years and Children with Disabilities/);
  });

  test('an item with a summary and no body is not blank; "last updated" only for a change after its first publication', async () => {
    // Seeded today, first published today: the council's 2017 strategy was not "updated" today.
    const seeded = await get('/updates/article/send-strategy-2017-2021');
    assert.match(text(one(seeded, tag('main'))), /Published 15 December 2017 /);
    assert.doesNotMatch(text(one(seeded, tag('main'))), /last updated/);
    const unique = Date.now();
    const path = `/updates/article/summary-only-${unique}`;
    const articles = cms.strapi.documents(ARTICLE);
    // Written today about an earlier day, as an import or a late write-up is: its first publication is no update.
    const created = await articles.create({
      data: { title: `Summary only ${unique}`, slug: `summary-only-${unique}`, summary: 'Only a summary, and no body at all.', date: '2024-05-01' },
      status: 'published',
    });
    let page = await get(path);
    assert.equal(page.status, 200);
    assert.equal(text(one(page, (el) => el.name === 'p' && attr(el, 'class') === 'lead')), 'Only a summary, and no body at all.');
    assert.match(text(one(page, tag('main'))), /Published 1 May 2024 /);
    assert.doesNotMatch(text(one(page, tag('main'))), /last updated/);
    const api = await getJson<ItemResponse>(cms.baseUrl, `/api/updates/article/summary-only-${unique}`);
    assert.equal(api.body.data.lastUpdated, null);

    // As a database from before the first publication was recorded: the start takes its publication as its first.
    await cms.strapi.db.query(ARTICLE).updateMany({ where: { documentId: created.documentId }, data: { firstPublishedAt: null } });
    await recordEarlierPublications(cms.strapi, [ARTICLE]);
    const recorded = (await cms.strapi.db.query(ARTICLE).findMany({
      where: { documentId: created.documentId },
      select: ['publishedAt', 'firstPublishedAt'],
    })) as { publishedAt: string | null; firstPublishedAt: string | null }[];
    const publication = recorded.find((row) => row.publishedAt)?.publishedAt;
    assert.ok(publication);
    assert.deepEqual(
      recorded.map((row) => Date.parse(row.firstPublishedAt ?? '')),
      recorded.map(() => Date.parse(publication)),
    );

    // Published again: the first publication is kept, so the same day's republication is still no update.
    // Input cannot set it (an editor, the API or an import).
    await articles.update({
      documentId: created.documentId,
      data: { summary: 'Only a summary, corrected.', firstPublishedAt: new Date(0) },
      status: 'published',
    });
    const rows = (await cms.strapi.db.query(ARTICLE).findMany({ where: { documentId: created.documentId }, select: ['firstPublishedAt'] })) as {
      firstPublishedAt: string | null;
    }[];
    assert.equal(rows.length, 2);
    assert.ok(
      rows.every((row) => row.firstPublishedAt !== null && Date.parse(row.firstPublishedAt) >= unique - 1000),
      'both versions hold the first publication',
    );
    assert.equal(new Set(rows.map((row) => Date.parse(row.firstPublishedAt!))).size, 1);

    // As if it had been first published three days ago: an edit published today is an update readers are told of.
    await cms.strapi.db.query(ARTICLE).updateMany({ where: { documentId: created.documentId }, data: { firstPublishedAt: new Date(unique - 3 * 86_400_000) } });
    await articles.update({ documentId: created.documentId, data: { summary: 'Only a summary, corrected again.' }, status: 'published' });
    page = await get(path);
    assert.match(text(one(page, tag('main'))), /Published 1 May 2024, last updated \d{1,2} [A-Z][a-z]+ \d{4}/);
    const updated = await getJson<ItemResponse>(cms.baseUrl, `/api/updates/article/summary-only-${unique}`);
    assert.equal(updated.body.data.lastUpdated, updated.body.data.updatedAt);

    // A copy has never been published, whatever its original had been.
    const copy = await articles.clone({
      documentId: created.documentId,
      data: { title: `Summary copy ${unique}`, slug: `summary-copy-${unique}`, summary: 'A copy.', date: '2024-05-01' },
    });
    assert.ok(copy);
    const copied = (await cms.strapi.db.query(ARTICLE).findMany({ where: { documentId: copy.documentId }, select: ['firstPublishedAt'] })) as {
      firstPublishedAt: string | null;
    }[];
    assert.ok(copied.length > 0 && copied.every((row) => row.firstPublishedAt === null), 'a copy starts unpublished');
    await articles.delete({ documentId: copy.documentId });

    await articles.delete({ documentId: created.documentId });
    assert.equal((await get(path)).status, 404);
  });

  test('unknown items, unknown types and drafts get the 404 page, which never shows draft text', async () => {
    const secret = `Draft page zebra ${Date.now()}`;
    const draft = await cms.strapi.documents(CONSULTATION).create({
      data: {
        title: secret,
        slug: `draft-page-${Date.now()}`,
        summary: secret,
        date: '2025-01-01',
        opensAt: new Date(Date.now() - 86_400_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    const published = await cms.strapi.documents(ARTICLE).create({
      data: { title: `Published page ${Date.now()}`, slug: `published-page-${Date.now()}`, summary: 'Published words.', date: '2025-01-02' },
      status: 'published',
    });
    await cms.strapi.documents(ARTICLE).update({ documentId: published.documentId, data: { title: `${secret} edit`, summary: secret } });
    for (const address of [`/updates/consultation/${draft.slug}`, '/updates/article/no-such-item', '/updates/news/anything', '/updates/nonsense']) {
      const page = await get(address);
      assert.equal(page.status, 404, address);
      assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
      assert.equal(text(one(page, tag('h1'))), 'Page not found');
      assert.equal(
        attr(
          one(page, (el) => el.name === 'a' && text(el) === 'See all SEND updates'),
          'href',
        ),
        `${base}/updates`,
      );
      assert.ok(!page.html.includes(secret));
    }
    const live = await get(`/updates/article/${published.slug}`);
    assert.equal(live.status, 200);
    assert.ok(!live.html.includes(secret), 'an unpublished edit is not shown');
    for (const address of ['/updates?q=zebra', '/updates', `/updates/subscribe?q=zebra`]) assert.ok(!(await get(address)).html.includes(secret), address);
    await cms.strapi.documents(CONSULTATION).delete({ documentId: draft.documentId });
    await cms.strapi.documents(ARTICLE).delete({ documentId: published.documentId });
  });

  test('whatever editors type, the page shows it as text: no markup, no unsafe links, JSON-LD that cannot close its script', async () => {
    const hostile = `Fish & chips <script>alert("x")</script></script><img src=x onerror=alert(1)> ${Date.now()}`;
    const created = await cms.strapi
      .documents(ARTICLE)
      .create({ data: { title: hostile, slug: `hostile-page-${Date.now()}`, summary: hostile, date: '2025-02-01' }, status: 'published' });
    const body = [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: hostile },
          { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'click me' }] },
        ],
      },
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'An editor\u2019s h1' }] },
      { type: 'paragraph', children: [{ type: 'link', url: 'https://example.org/?a=1&b="2"', children: [{ type: 'text', text: 'safe link' }] }] },
    ];
    // Past the document service, as old or migrated content would arrive.
    await cms.strapi.db.query(ARTICLE).updateMany({ where: { documentId: created.documentId }, data: { body } });
    // A write past the document service is announced by whoever makes it.
    await catalogueOf(cms.strapi).changed({ uid: ARTICLE, documentId: created.documentId });
    const page = await get(`/updates/article/${created.slug}`);
    assert.equal(page.status, 200);
    const scripts = all(page, tag('script'));
    assert.deepEqual(
      scripts.map((s) => attr(s, 'type') ?? attr(s, 'src') ?? (DomUtils.textContent(s) === HEAD_SCRIPT ? 'head.js' : text(s))),
      ['head.js', 'application/ld+json'],
      'no script but head.js, word for word, and the JSON-LD',
    );
    assert.equal(all(page, tag('img')).length, 0);
    assert.equal(text(one(page, tag('h1'))), hostile);
    assert.equal(all(page, tag('h1')).length, 1, 'body headings start at h2');
    assert.equal(jsonLd(page).name, hostile);
    assert.doesNotMatch(page.html, /javascript:/i);
    assert.ok(page.html.includes('click me'), 'an unsafe link keeps its words');
    assert.ok(all(page, (el) => el.name === 'a' && attr(el, 'href') === 'https://example.org/?a=1&b=%222%22').length === 1);
    await cms.strapi.documents(ARTICLE).delete({ documentId: created.documentId });
  });

  test('pages carry strict security headers, revalidate with 304, and load one stylesheet that can be cached for good', async () => {
    const page = await get('/updates/article/send-strategy-2017-2021');
    assert.equal(page.status, 200);
    const csp = String(page.headers['content-security-policy']);
    const directive = (name: string) =>
      csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `)) ?? '';
    assert.match(directive('default-src'), /'none'/);
    assert.doesNotMatch(directive('script-src'), /unsafe-inline|unsafe-eval|\*/);
    // The one inline script, allowed by its own hash (a browser checks it against the script's text as written).
    const inline = all(page, tag('script')).filter((s) => !attr(s, 'src') && !attr(s, 'type'));
    assert.deepEqual(
      inline
        .map((s) => `'sha256-${createHash('sha256').update(DomUtils.textContent(s)).digest('base64')}'`)
        .filter((hash) => directive('script-src').includes(hash)),
      [`'sha256-${createHash('sha256').update(HEAD_SCRIPT).digest('base64')}'`],
      'head.js, and its hash in script-src',
    );
    assert.doesNotMatch(directive('style-src'), /unsafe-inline/);
    assert.match(directive('frame-ancestors'), /'none'/);
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.equal(page.headers['referrer-policy'], 'strict-origin-when-cross-origin');
    assert.match(String(page.headers['cache-control']), /public, max-age=60/);
    assert.equal((await get('/updates/article/send-strategy-2017-2021', { 'If-None-Match': String(page.headers.etag) })).status, 304);

    const stylesheet = attr(one(page, tag('link', { rel: 'stylesheet' })), 'href') ?? '';
    assert.match(stylesheet, new RegExp(`^${base}/updates/assets/site\\.css\\?v=`));
    const css = await get(stylesheet);
    assert.equal(css.status, 200);
    assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
    assert.equal(css.headers['cache-control'], 'public, max-age=31536000, immutable');
    const stale = await get('/updates/assets/site.css?v=old');
    assert.doesNotMatch(String(stale.headers['cache-control']), /immutable/);
    assert.equal((await get('/updates/assets/nothing.js')).status, 404);
  });
});

describe('the index page', () => {
  test('links to the first, the last and the pages either side of the current one, never hiding a single page behind an ellipsis', () => {
    assert.deepEqual(shownPages(1, 1), [1]);
    assert.deepEqual(shownPages(1, 4), [1, 2, 3, 4]);
    assert.deepEqual(shownPages(4, 7), [1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(shownPages(1, 5), [1, 2, 5]);
    assert.deepEqual(shownPages(6, 12), [1, 5, 6, 7, 12]);
  });

  test('lists every published item, 20 a page, with the count and working page links', async () => {
    const { body } = await getJson<ListResponse>(base, '/api/updates?pageSize=100');
    const first = await get('/updates');
    assert.equal(first.status, 200);
    assert.equal(text(one(first, tag('h2', { id: 'results' }))), `${body.meta.pagination.total} updates found`);
    const titles = (page: Page) => all(page, (el) => el.name === 'h3' && attr(el, 'class') === 'result__title').map(text);
    assert.deepEqual(
      titles(first),
      body.data.slice(0, 20).map((i) => i.title),
    );
    const next = one(first, tag('a', { rel: 'next' }));
    const second = await get(attr(next, 'href') ?? '');
    assert.deepEqual(
      titles(second),
      body.data.slice(20, 40).map((i) => i.title),
    );
    assert.equal(
      attr(
        one(second, (el) => el.name === 'a' && attr(el, 'aria-current') === 'page'),
        'href',
      ),
      `${base}/updates?page=2`,
    );
    assert.equal(attr(one(second, tag('a', { rel: 'prev' })), 'href'), `${base}/updates`);
  });

  test('its filters offer every type, topic, audience and year the API has, in a GET form that works without JavaScript', async () => {
    const { facets } = (await getJson<ListResponse>(base, '/api/updates')).body.meta;
    const page = await get('/updates');
    const form = one(page, tag('form'));
    assert.equal(attr(form, 'method'), 'get');
    assert.equal(attr(form, 'action'), `${base}/updates`);
    const values = (name: string) =>
      all(page, (el) => (el.name === 'input' && attr(el, 'name') === name) || (el.name === 'option' && attr(el.parent as Element, 'name') === name))
        .map((el) => attr(el, 'value'))
        .filter(Boolean);
    assert.deepEqual(
      values('type'),
      facets.types.filter((f) => f.count > 0).map((f) => f.value),
    );
    assert.deepEqual(
      values('topic'),
      facets.topics.map((f) => f.value),
    );
    assert.deepEqual(
      values('audience'),
      facets.audiences.filter((f) => f.count > 0).map((f) => f.value),
    );
    assert.deepEqual(
      values('year'),
      facets.years.map((f) => String(f.value)),
    );
    assert.ok(one(page, tag('input', { type: 'search', name: 'q' })));
  });

  test('with filters chosen, each choice counts what it would find alongside the others, and one that finds nothing is not offered', async () => {
    const query = 'topic=short-breaks&audience=parents-carers';
    const { facets, pagination } = (await getJson<ListResponse>(base, `/api/updates?${query}&facets=matching`)).body.meta;
    const page = await get(`/updates?${query}`);
    const labels = (prefix: string) => all(page, (el) => el.name === 'label' && (attr(el, 'for') ?? '').startsWith(prefix)).map(text);
    const offered = facets.types.filter((f) => f.count > 0);
    assert.deepEqual(
      labels('type-'),
      offered.map((f) => `${f.label} (${f.count})`),
    );
    assert.equal(
      offered.reduce((sum, f) => sum + f.count, 0),
      pagination.total,
      'the types add up to what was found',
    );
    assert.ok(text(one(page, tag('h2', { id: 'results' }))).startsWith(`${pagination.total} update`));
    const years = all(page, (el) => el.name === 'option' && attr(el.parent as Element, 'name') === 'year' && Boolean(attr(el, 'value'))).map(text);
    assert.deepEqual(
      years,
      facets.years.filter((f) => f.count > 0).map((f) => `${f.value} (${f.count})`),
    );
  });

  test('a search and filters select what the API selects, say so in words, and link to the subscribe page for the same filters', async () => {
    const query = 'type=consultation&topic=short-breaks&audience=parents-carers';
    const api = (await getJson<ListResponse>(base, `/api/updates?${query}&pageSize=100`)).body.data.map((i) => i.title);
    assert.ok(api.length > 0);
    const page = await get(`/updates?${query}`);
    assert.equal(text(one(page, tag('h1'))), 'Consultations about short breaks, for parents and carers');
    assert.deepEqual(all(page, (el) => el.name === 'h3' && attr(el, 'class') === 'result__title').map(text), api);
    assert.equal(
      attr(
        one(page, (el) => el.name === 'input' && attr(el, 'value') === 'consultation'),
        'checked',
      ),
      '',
    );
    const subscribe = one(page, (el) => el.name === 'a' && /by email, feed reader or calendar/.test(text(el)));
    assert.equal(attr(subscribe, 'href'), `${base}/updates/subscribe?type=consultation&topic=short-breaks&audience=parents-carers`);
    const searched = await get('/updates?q=inspections');
    const apiSearch = (await getJson<ListResponse>(base, '/api/updates?q=inspections&pageSize=100')).body.data.map((i) => i.title);
    assert.deepEqual(all(searched, (el) => el.name === 'h3' && attr(el, 'class') === 'result__title').map(text), apiSearch.slice(0, 20));
  });

  test('a filter that finds nothing stays chosen in the form the heading describes, so applying the form again keeps it', async () => {
    const page = await get('/updates?year=1999&topic=no-such-topic');
    assert.match(text(one(page, tag('h1'))), /1999/);
    assert.equal(text(one(page, tag('h2', { id: 'results' }))), 'No updates found');
    const chosen = (name: string) => {
      const select = one(page, tag('select', { name }));
      return DomUtils.findAll((el) => el.name === 'option' && DomUtils.hasAttrib(el, 'selected'), select.children).map((el) => [attr(el, 'value'), text(el)]);
    };
    assert.deepEqual(chosen('year'), [['1999', '1999 (0)']]);
    assert.deepEqual(chosen('topic'), [['no-such-topic', 'no-such-topic (0)']]);
  });

  test('an upcoming consultation is listed as "Opens <date>", never with today\u2019s date', async () => {
    const upcoming = (await allItems()).find((i): i is ConsultationSummary => i.type === 'consultation' && i.status === 'upcoming');
    assert.ok(upcoming?.opensAt);
    const page = await get('/updates?type=consultation');
    const result = one(page, (el) => el.name === 'li' && attr(el, 'class') === 'result' && text(el).includes(upcoming.title));
    const opens = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }).format(
      new Date(upcoming.opensAt),
    );
    assert.match(text(result), new RegExp(`Upcoming Opens ${opens}`));
  });

  test('malformed filters get a 400 page saying what is wrong in a reader\u2019s words, then in detail', async () => {
    for (const [query, problem, detail] of [
      ['type=news', 'This address asks for a kind of update that does not exist.', /Unknown type "news"/],
      ['year=22', 'This address asks for a year written in a way we do not recognise.', /four-digit year/],
      ['page=0', 'This address asks for a page that cannot exist.', /"page" must be a whole number/],
      ['q=%E0%A4%A', 'The search words in this address cannot be read.', /"q" holds a character that is not valid text/],
    ] as const) {
      const page = await get(`/updates?${query}`);
      assert.equal(page.status, 400, query);
      assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
      const paragraphs = all(page, tag('p')).map((p) => text(p));
      assert.ok(paragraphs.includes(problem), `${query}: ${paragraphs.join(' | ')}`);
      assert.ok(
        paragraphs.some((p) => /^If you typed the web address, check it is correct\./.test(p)),
        query,
      );
      assert.match(paragraphs.find((p) => p.startsWith('Details for whoever made the link: ')) ?? '', detail, query);
    }
  });
});

describe('the accessibility statement', () => {
  test('every page links to it; it gives the contact for other formats, the enforcement procedure, the compliance status and its date', async () => {
    for (const address of ['/updates', '/updates/subscribe', '/updates/for-websites', '/updates/article/no-such-update']) {
      const page = await get(address);
      const footer = one(page, tag('footer'));
      assert.equal(
        attr(
          within(footer, (el) => el.name === 'a' && text(el) === 'Accessibility statement'),
          'href',
        ),
        `${base}/updates/accessibility`,
        address,
      );
    }
    const page = await get('/updates/accessibility');
    assert.equal(page.status, 200);
    assert.equal(text(one(page, tag('h1'))), 'Accessibility statement');
    assert.deepEqual(all(page, tag('h2')).map(text), [
      'Using these pages',
      'What is not accessible',
      'Another format, or a problem with these pages',
      'Enforcement procedure',
      'Technical information about these pages’ accessibility',
      'How these pages are tested',
      'Preparation of this statement',
    ]);
    const body = text(one(page, tag('main')));
    assert.match(body, /partially compliant with the Web Content Accessibility Guidelines \(WCAG\) version 2\.2 AA standard/);
    assert.match(body, /Equality and Human Rights Commission/);
    assert.match(body, new RegExp(`prepared on ${STATEMENT_PREPARED}`));
    assert.ok(one(page, tag('a', { href: `mailto:${CONTACT_EMAIL}` })));
    assert.ok(one(page, tag('a', { href: 'https://www.equalityadvisoryservice.com/' })));
    assert.equal(attr(one(page, tag('link', { rel: 'canonical' })), 'href'), `${base}/updates/accessibility`);
  });

  test('its contact and where the footer points come from the settings, and only a real address is taken', () => {
    const site = {
      name: 'SEND updates',
      publisher: 'SEND team',
      baseUrl: 'https://cms.example.gov.uk',
      accessibilityHref: '',
      assets: { css: '', script: '', headScript: '' },
    };
    const page = (html: string) => parseDocument(html);
    const withoutEmail = page(accessibilityPage({ site, contactEmail: null, councilUrl: 'https://www.example.gov.uk/send' }));
    assert.ok(DomUtils.findOne((el) => el.name === 'a' && attr(el, 'href') === 'https://www.example.gov.uk/send', withoutEmail.children));
    assert.equal(
      DomUtils.findOne((el) => el.name === 'a' && (attr(el, 'href') ?? '').startsWith('mailto:'), withoutEmail.children),
      null,
    );

    assert.equal(readFeedSettings({ CONTACT_EMAIL: ' send@example.gov.uk ' }).contactEmail, 'send@example.gov.uk');
    for (const bad of [
      'send',
      'send@',
      'a@b',
      '"x"@example.gov.uk',
      'a@example.gov.uk?cc=b@evil.example',
      'a@example.gov.uk?subject=x',
      'a?b@example.gov.uk',
      'a&b=c@example.gov.uk',
      'a b@example.gov.uk',
      'a@example.gov.uk,b@evil.example',
    ])
      assert.equal(readFeedSettings({ CONTACT_EMAIL: bad }).contactEmail, null, bad);
    assert.equal(
      readFeedSettings({ ACCESSIBILITY_STATEMENT_URL: 'https://www.example.gov.uk/accessibility' }).accessibilityStatementUrl,
      'https://www.example.gov.uk/accessibility',
    );
    assert.equal(readFeedSettings({ ACCESSIBILITY_STATEMENT_URL: 'javascript:alert(1)' }).accessibilityStatementUrl, null);
  });
});

describe('sitemaps for search engines', () => {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  const lastmods = (xml: string) => [...xml.matchAll(/<lastmod>([^<]+)<\/lastmod>/g)].map((m) => m[1]);

  test('robots.txt names the sitemap; it lists the list of updates and every published item’s page, with when it last changed', async () => {
    const robots = await get('/robots.txt');
    assert.equal(robots.status, 200);
    assert.match(robots.headers['content-type'] ?? '', /^text\/plain/);
    assert.match(robots.html, /^Disallow: \/admin$/m);
    assert.match(robots.html, new RegExp(`^Sitemap: ${base}/sitemap\\.xml$`, 'm'));

    const index = await get('/sitemap.xml');
    assert.equal(index.status, 200);
    assert.match(index.headers['content-type'] ?? '', /^application\/xml/);
    assert.deepEqual(locs(index.html), [`${base}/sitemaps/1.xml`]);
    const sitemap = await get('/sitemaps/1.xml');
    assert.equal(sitemap.status, 200);
    assert.match(sitemap.html, /<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
    const items = await allItems();
    assert.deepEqual(new Set(locs(sitemap.html)), new Set([`${base}/updates`, ...items.map((i) => i.pageUrl)]));
    assert.equal(locs(sitemap.html).length, items.length + 1);
    for (const date of [...lastmods(index.html), ...lastmods(sitemap.html)]) assert.match(date, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    // The oldest first, so a new item changes only the last sitemap.
    assert.equal(locs(sitemap.html).at(-1), items[0].pageUrl);

    for (const missing of ['/sitemaps/2.xml', '/sitemaps/0.xml', '/sitemaps/x.xml', '/sitemaps/1.xml.gz', '/sitemaps/01x.xml'])
      assert.equal((await get(missing)).status, 404, missing);
  });

  test('a large catalogue is split 10,000 pages a sitemap, oldest first, and a new item changes only the last one', () => {
    const entry = (n: number) => ({ type: 'article', slug: `item-${n}`, updatedAt: Date.UTC(2020, 0, 1) + n * 60_000 });
    // Newest first, as the catalogue holds them.
    const entries = Array.from({ length: 25_000 }, (_, i) => entry(24_999 - i));
    const catalogue = { entries, lastModified: new Date(Date.UTC(2026, 0, 1)) } as unknown as Catalogue;
    assert.equal(sitemapCount(catalogue), 3);
    const first = locs(sitemap(catalogue, 'https://cms.example', '1.xml') ?? '');
    const third = locs(sitemap(catalogue, 'https://cms.example', '3.xml') ?? '');
    assert.equal(first.length, SITEMAP_SIZE + 1);
    assert.deepEqual(first.slice(0, 2), ['https://cms.example/updates', 'https://cms.example/updates/article/item-0']);
    assert.equal(third.length, 5_000);
    assert.equal(third.at(-1), 'https://cms.example/updates/article/item-24999');
    assert.equal(sitemap(catalogue, 'https://cms.example', '4.xml'), null);
    const newer = { entries: [entry(25_000), ...entries], lastModified: catalogue.lastModified } as unknown as Catalogue;
    assert.equal(sitemap(newer, 'https://cms.example', '2.xml'), sitemap(catalogue, 'https://cms.example', '2.xml'));
    assert.deepEqual(lastmods(sitemapIndex(catalogue, 'https://cms.example')), [
      new Date(Date.UTC(2020, 0, 1) + 9_999 * 60_000).toISOString(),
      new Date(Date.UTC(2020, 0, 1) + 19_999 * 60_000).toISOString(),
      new Date(Date.UTC(2020, 0, 1) + 24_999 * 60_000).toISOString(),
    ]);
  });
});

describe('the subscribe page', () => {
  test('names the filters in words and gives feed, email and calendar choices with copy buttons', async () => {
    const page = await get('/updates/subscribe?type=consultation&topic=short-breaks&audience=parents-carers');
    assert.equal(page.status, 200);
    assert.match(
      text(one(page, (el) => el.name === 'p' && attr(el, 'class') === 'lead')),
      /You will get consultations about short breaks, for parents and carers/,
    );
    // The feeds' canonical order: type, topic, audience.
    const query = 'type=consultation&topic=short-breaks&audience=parents-carers';
    assert.equal(inputValue(page, 'rss-url'), `${base}/feeds/rss.xml?${query}`);
    assert.equal(inputValue(page, 'atom-url'), `${base}/feeds/atom.xml?${query}`);
    assert.equal(inputValue(page, 'json-url'), `${base}/feeds/feed.json?${query}`);
    const calendar = `${base}/feeds/consultations.ics?topic=short-breaks&audience=parents-carers`;
    assert.equal(inputValue(page, 'calendar-url'), calendar);
    assert.equal(inputValue(page, 'webcal-url'), calendar.replace(/^http:/, 'webcal:'));
    assert.equal(
      attr(
        one(page, (el) => el.name === 'a' && text(el) === 'Subscribe in your calendar app'),
        'href',
      ),
      calendar.replace(/^http:/, 'webcal:'),
    );
    assert.match(text(one(page, tag('main'))), /By email .*RSS to email/);
    // Each address has a copy button for the script to show, and the script is on the page.
    for (const id of ['rss-url', 'atom-url', 'json-url', 'calendar-url', 'webcal-url']) one(page, (el) => el.name === 'button' && attr(el, 'data-copy') === id);
    const script =
      attr(
        one(page, (el) => el.name === 'script' && Boolean(attr(el, 'src'))),
        'src',
      ) ?? '';
    const js = await get(script);
    assert.equal(js.status, 200);
    assert.equal(js.headers['content-type'], 'text/javascript; charset=utf-8');
    // Every feed address answers with its feed.
    for (const id of ['rss-url', 'atom-url', 'json-url', 'calendar-url']) assert.equal((await get(inputValue(page, id) ?? '')).status, 200, id);
  });

  test('offers no calendar when the filters leave out consultations, and refuses malformed filters', async () => {
    const news = await get('/updates/subscribe?type=article');
    assert.match(text(one(news, (el) => el.name === 'p' && attr(el, 'class') === 'lead')), /You will get news/);
    assert.equal(all(news, tag('input', { id: 'calendar-url' })).length, 0);
    const everything = await get('/updates/subscribe');
    assert.match(
      text(one(everything, (el) => el.name === 'p' && attr(el, 'class') === 'lead')),
      /You will get all SEND news, consultations and service updates/,
    );
    assert.equal((await get('/updates/subscribe?audience=everyone')).status, 400);
  });
});

describe('a feed opened in a browser', () => {
  test('a browser tab gets a readable page; a feed reader gets the feed; caches keep them apart', async () => {
    for (const [feed, name, type] of [
      ['/feeds/rss.xml', 'RSS feed', 'application/rss+xml; charset=utf-8'],
      ['/feeds/atom.xml', 'Atom feed', 'application/atom+xml; charset=utf-8'],
      ['/feeds/feed.json', 'JSON Feed', 'application/feed+json; charset=utf-8'],
    ]) {
      const address = `${feed}?type=consultation&topic=have-your-say`;
      // The reader first, so a cached feed would be what the browser gets if the cache mixed them up.
      const reader = await get(address);
      assert.equal(reader.headers['content-type'], type);
      assert.match(String(reader.headers.vary), /Sec-Fetch-Dest/);
      const browser = await get(address, NAVIGATION);
      assert.equal(browser.status, 200);
      assert.equal(browser.headers['content-type'], 'text/html; charset=utf-8', feed);
      assert.match(String(browser.headers.vary), /Sec-Fetch-Dest/);
      assert.equal(text(one(browser, tag('h1'))), `This is the ${name} of these updates`);
      assert.equal(inputValue(browser, 'rss-url'), `${base}/feeds/rss.xml?type=consultation&topic=have-your-say`);
      const titles = (await getJson<ListResponse>(base, '/api/updates?type=consultation&topic=have-your-say&pageSize=10')).body.data.map((i) => i.title);
      const listed = all(browser, (el) => el.name === 'a' && String(attr(el, 'href')).startsWith(`${base}/updates/consultation/`)).map(text);
      assert.deepEqual(listed, titles);
      assert.equal((await get(address)).headers['content-type'], type, 'the reader still gets the feed');
      // A script fetching the feed (not a navigation) gets the feed.
      assert.equal((await get(address, { 'Sec-Fetch-Dest': 'empty', 'Sec-Fetch-Mode': 'cors' })).headers['content-type'], type);
    }
  });
});

describe('widget scripts', () => {
  // Built by `npm test` before the suites run.
  const version = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const built = () => JSON.parse(fs.readFileSync(path.join(repoRoot, 'dist', 'widgets', 'integrity.json'), 'utf8')) as Record<string, string>;

  test('versioned scripts and their lazy chunks are immutable; unversioned names revalidate', async () => {
    const seen = new Set<string>();
    const crawl = async (url: string) => {
      if (seen.has(url)) return;
      seen.add(url);
      const response = await get(url);
      assert.equal(response.status, 200, url);
      assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable', url);
      assert.equal(response.headers['access-control-allow-origin'], '*');
      // Every relative import, static or lazy, must load from the same versioned folder.
      for (const [, specifier] of response.html.matchAll(/["'](\.{1,2}\/[^"']+\.js)["']/g)) await crawl(new URL(specifier, url).href);
    };
    for (const file of Object.keys(built())) await crawl(`${base}/widgets/v${version}/${file}`);
    assert.ok(
      [...seen].some((url) => url.includes('/chunks/')),
      'the entries load chunks',
    );
    const unversioned = await get('/widgets/send-widgets.js');
    assert.equal(unversioned.status, 200);
    assert.doesNotMatch(String(unversioned.headers['cache-control']), /immutable/);
    assert.equal((await get(`/widgets/v0.0.0-none/send-widgets.js`)).status, 404);
  });

  test('the page partners copy from gives each script at its versioned address with its true integrity hash', async () => {
    const page = await get('/updates/for-websites');
    assert.equal(page.status, 200);
    const snippets = all(page, (el) => el.name === 'input' && String(attr(el, 'value')).startsWith('<script')).map((el) => attr(el, 'value') ?? '');
    assert.equal(snippets.length, Object.keys(built()).length);
    for (const snippet of snippets) {
      const [, src, hash] = /src="([^"]+)" integrity="([^"]+)" crossorigin="anonymous"/.exec(snippet) ?? [];
      assert.match(src, new RegExp(`^${base}/widgets/v${version.replace(/\./g, '\\.')}/send-[a-z-]+\\.js$`));
      const served = await fetch(src);
      const digest = `sha384-${createHash('sha384')
        .update(Buffer.from(await served.arrayBuffer()))
        .digest('base64')}`;
      assert.equal(hash, digest, `${src} integrity`);
    }
  });

  test('the builder reads a choice given with no value as the response cache does, as empty (never the word "null")', async () => {
    const headingOf = (page: Page) =>
      attr(
        one(page, (el) => el.name === 'input' && attr(el, 'name') === 'heading'),
        'value',
      );
    // The cache keys both addresses alike (`heading=`), so both must get the same page.
    for (const address of ['/updates/embed?widget=send-news-feed&heading', '/updates/embed?widget=send-news-feed&heading=']) {
      const page = await get(address);
      assert.equal(page.status, 200, address);
      assert.equal(headingOf(page), '', address);
      assert.doesNotMatch(page.html, />null</, address);
    }
  });

  test('the builder keeps a heading as typed, commas and all, without the controls that would make its code read otherwise than it copies', async () => {
    const codeFor = async (heading: string) => {
      const page = await get(`/updates/embed?widget=send-news-feed&heading=${encodeURIComponent(heading)}`);
      assert.equal(page.status, 200, heading);
      return rawText(one(page, tag('textarea')));
    };
    assert.match(await codeFor('News, consultations and service updates'), /heading="News, consultations and service updates"/);
    // A right-to-left override (U+202E) would show the rest of the line reversed; isolates and C1 controls likewise go.
    const code = await codeFor('SEND \u202enews\u202c\u2066 for\u2069 parents\u0085');
    assert.match(code, /heading="SEND news for parents"/);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    assert.doesNotMatch(code, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
  });

  test('the builder gives the widget a theme for a dark page, or one that follows the reader, and shows the preview on that background', async () => {
    const built = async (query: string) => {
      const page = await get(`/updates/embed?${query}`);
      assert.equal(page.status, 200, query);
      const preview = one(page, (el) => attr(el, 'id') === 'embed-preview');
      const widget = preview.children.find((child): child is Element => DomUtils.isTag(child));
      return { code: rawText(one(page, tag('textarea'))), background: attr(preview, 'data-theme'), widgetTheme: widget && attr(widget, 'theme') };
    };
    for (const theme of ['dark', 'auto'] as const) {
      const { code, background, widgetTheme } = await built(`widget=send-news-archive&theme=${theme}`);
      assert.match(code, new RegExp(`<send-news-archive [^>]* theme="${theme}">`), theme);
      assert.equal(background, theme, `${theme}: the preview's background`);
      assert.equal(widgetTheme, theme, `${theme}: the preview's widget`);
    }
    for (const query of ['widget=send-news-feed', 'widget=send-news-feed&theme=light', 'widget=send-news-feed&theme=constructor', 'theme=%22%3E%3Cscript%3E']) {
      const { code, background, widgetTheme } = await built(query);
      assert.doesNotMatch(code, /theme=/, query);
      assert.equal(background, 'light', query);
      assert.equal(widgetTheme, undefined, query);
    }
  });

  test('the countdown builder offers the consultations still to close, soonest closing first, and no closed one', async () => {
    const page = await get('/updates/embed?widget=send-consultation-countdown');
    const select = one(page, (el) => el.name === 'select' && attr(el, 'name') === 'consultation');
    const offered = DomUtils.findAll((el) => el.name === 'option', select.children)
      .map((option) => attr(option, 'value'))
      .filter(Boolean);
    const { body } = await getJson<ListResponse>(base, '/api/updates?type=consultation&status=upcoming&status=open&sort=closing&pageSize=100');
    assert.ok(offered.length >= 2, `${offered.length} consultations offered`);
    assert.deepEqual(
      offered,
      body.data.map((item) => item.slug),
    );
  });

  test('the countdown builder gives code only for a consultation it offers: any other falls back to every open consultation', async () => {
    const codeOf = async (consultation: string) => {
      const page = await get(`/updates/embed?widget=send-consultation-countdown&consultation=${encodeURIComponent(consultation)}`);
      assert.equal(page.status, 200, consultation);
      return rawText(one(page, tag('textarea')));
    };
    const { body } = await getJson<ListResponse>(base, '/api/updates?type=consultation&status=open&sort=closing&pageSize=1');
    const open = body.data[0].slug;
    assert.match(await codeOf(open), new RegExp(`slug="${open}"`));
    const { body: closed } = await getJson<ListResponse>(base, '/api/updates?type=consultation&status=closed&pageSize=1');
    for (const other of [closed.data[0].slug, 'no-such-consultation', '"><script>alert(1)</script>']) {
      const code = await codeOf(other);
      assert.doesNotMatch(code, /slug=/, other);
      assert.doesNotMatch(code, /alert|no-such/, other);
    }
  });

  test('every element partners copy holds a link to a working reader page, for browsers that never run the script', async () => {
    const pages = [
      await get('/updates/for-websites'),
      ...(await Promise.all(
        ['send-news-feed&type=consultation&topic=short-breaks', 'send-news-archive', 'send-consultation-countdown'].map((w) =>
          get(`/updates/embed?widget=${w}`),
        ),
      )),
    ];
    const copyable = (el: Element) => (el.name === 'input' ? (attr(el, 'value') ?? '') : el.name === 'textarea' ? rawText(el) : '');
    const elements = pages.flatMap((page) =>
      all(page, (el) => copyable(el).includes('<send-')).map((el) => copyable(el).replace(/^<script[^>]*><\/script>\s*/, '')),
    );
    assert.ok(elements.length >= 6, `${elements.length} elements`);
    for (const element of elements) {
      const [, name, href, words] = /^<(send-[a-z-]+) [^>]*><a href="([^"]+)">([^<]+)<\/a><\/\1>$/.exec(element) ?? [];
      assert.ok(name, `an element with one link inside: ${element}`);
      assert.ok(href.startsWith(`${base}/updates`), `${name}: the link goes to the reader pages (${href})`);
      assert.ok(words.trim().length > 5, `${name}: the link says where it goes`);
      assert.equal((await get(href.replace(/&amp;/g, '&'))).status, 200, `${href} answers`);
    }
    const filtered = elements.find((element) => element.includes('topic="short-breaks"'));
    assert.match(filtered ?? '', /<a href="[^"]+\/updates\?type=consultation&amp;topic=short-breaks">/, 'the link keeps the feed\u2019s filters');
  });
});

/**
 * The public feeds against the real CMS: RSS, Atom, JSON Feed and iCalendar
 * parsed by real parsers, HTTP caching, freshness after writes through
 * Strapi's document service, hostile editor input and drafts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import Parser from 'rss-parser';
import ICAL from 'ical.js';
import { Parser as HtmlParser } from 'htmlparser2';
import type { JsonFeed, ListResponse } from '../../contract/api';
import { catalogueOf } from '../../cms/src/catalogue/catalogue.ts';
import { startCms, type TestCms } from '../helpers/cms.ts';

type Format = 'rss' | 'atom' | 'json';
const FEEDS: Record<Format, { path: string; type: string }> = {
  rss: { path: '/feeds/rss.xml', type: 'application/rss+xml; charset=utf-8' },
  atom: { path: '/feeds/atom.xml', type: 'application/atom+xml; charset=utf-8' },
  json: { path: '/feeds/feed.json', type: 'application/feed+json; charset=utf-8' },
};
const ARTICLE = 'api::article.article';
const CONSULTATION = 'api::consultation.consultation';

let cms: TestCms;
type RssItem = Parser.Item & { id?: string; 'content:encoded'?: string; enclosure?: Parser.Enclosure };
const rssParser = new Parser<{ language?: string; ttl?: string; generator?: string; lastBuildDate?: string }, RssItem>({
  customFields: { feed: ['language', 'ttl', 'generator', 'lastBuildDate'] },
});
const FORMATS = Object.keys(FEEDS) as Format[];

before(async () => {
  cms = await startCms();
});
after(async () => {
  await cms?.stop();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(new URL(path, cms.baseUrl), { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** xmllint's verdict on a document: throws with its message when not well-formed. */
function assertWellFormed(xml: string, label: string) {
  const result = spawnSync('/usr/bin/xmllint', ['--noout', '--nonet', '-'], { input: xml, encoding: 'utf8' });
  assert.equal(result.status, 0, `${label} is not well-formed XML:\n${result.stderr}`);
}

type ReadItem = { guid?: string; title?: string; link?: string; summary?: string; html?: string; date?: string };
type XmlFeed = Awaited<ReturnType<typeof rssParser.parseString>>;
type Read<F> = { raw: string; feed: F; items: ReadItem[] };

/** Every feed format as parsed items: { guid, title, link, summary, html, date }. */
async function readFeed(format: 'json', query?: string): Promise<Read<JsonFeed>>;
async function readFeed(format: 'rss' | 'atom', query?: string): Promise<Read<XmlFeed>>;
async function readFeed(format: Format, query?: string): Promise<Read<JsonFeed> | Read<XmlFeed>>;
async function readFeed(format: Format, query = ''): Promise<Read<JsonFeed> | Read<XmlFeed>> {
  const { status, headers, text } = await get(`${FEEDS[format].path}${query}`);
  assert.equal(status, 200, `${format}${query}: ${text}`);
  assert.equal(headers.get('content-type'), FEEDS[format].type);
  if (format === 'json') {
    const feed = JSON.parse(text) as JsonFeed;
    assertJsonFeed(feed);
    return {
      raw: text,
      feed,
      items: feed.items.map((i) => ({ guid: i.id, title: i.title, link: i.url, summary: i.summary, html: i.content_html, date: i.date_published })),
    };
  }
  assertWellFormed(text, `${format}${query}`);
  const feed = await rssParser.parseString(text);
  const items = feed.items.map((i): ReadItem => ({
    guid: i.guid ?? i.id,
    // RSS text elements hold HTML (cms/src/feeds/rss.ts): read as a reader that renders it.
    title: format === 'rss' ? htmlToText(i.title) : i.title,
    link: i.link,
    summary: format === 'rss' ? i.contentSnippet : htmlToText(i.summary),
    html: format === 'rss' ? i['content:encoded'] : i.content,
    date: i.isoDate,
  }));
  return { raw: text, feed, items };
}

const htmlToText = (html: string | undefined) => {
  let out = '';
  new HtmlParser({ ontext: (t) => (out += t) }, { decodeEntities: true }).end(html ?? '');
  return out;
};

/** The required fields and types of JSON Feed 1.1. */
function assertJsonFeed(feed: JsonFeed) {
  const isString = (v: unknown) => typeof v === 'string' && v.length > 0;
  const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v);
  assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
  assert.ok(isString(feed.title));
  for (const key of ['home_page_url', 'feed_url', 'icon', 'favicon'] as const) assert.match(feed[key], /^https?:\/\//, key);
  assert.equal(feed.language, 'en-GB');
  assert.ok(Array.isArray(feed.authors) && feed.authors.every((a) => isString(a.name)));
  assert.ok(Array.isArray(feed.items));
  const ids = new Set();
  for (const item of feed.items) {
    assert.ok(isString(item.id), 'item id is a non-empty string');
    assert.ok(!ids.has(item.id), `duplicate id ${item.id}`);
    ids.add(item.id);
    assert.ok(isString(item.content_html) || isString((item as { content_text?: string }).content_text), 'item has content_html or content_text');
    assert.match(item.url, /^https?:\/\//);
    assert.ok(isString(item.title));
    assert.ok(typeof item.summary === 'string');
    assert.ok(isDate(item.date_published) && isDate(item.date_modified));
    assert.ok(Array.isArray(item.tags) && item.tags.every(isString));
    for (const attachment of item.attachments ?? []) {
      assert.match(attachment.url, /^https?:\/\//);
      assert.ok(isString(attachment.mime_type));
      if ('size_in_bytes' in attachment) assert.ok(Number.isInteger(attachment.size_in_bytes));
    }
  }
}

/** Tags and attributes in HTML, to prove only the safe subset is emitted. */
function markupOf(html: string) {
  const tags = new Set<string>();
  const attributes: { tag: string; key: string; value: string }[] = [];
  new HtmlParser({
    onopentag(name, attribs) {
      tags.add(name);
      for (const [key, value] of Object.entries(attribs)) attributes.push({ tag: name, key, value });
    },
  }).end(html);
  return { tags, attributes };
}

const SAFE_TAGS = new Set(['p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'a', 'strong', 'em', 's', 'img']);

function assertSafeHtml(html: string | undefined, label: string | undefined) {
  assert.ok(html !== undefined, `${label}: no HTML`);
  const { tags, attributes } = markupOf(html);
  for (const tag of tags) assert.ok(SAFE_TAGS.has(tag), `${label}: unexpected <${tag}>`);
  for (const { tag, key, value } of attributes) {
    assert.ok((tag === 'a' && key === 'href') || (tag === 'img' && (key === 'src' || key === 'alt')), `${label}: unexpected attribute ${key} on <${tag}>`);
    if (key === 'href' || key === 'src') assert.match(value, /^(https?:|mailto:|tel:)/, `${label}: unsafe link ${value}`);
  }
}

const dataOf = (text: string) => (JSON.parse(text) as ListResponse).data;

async function apiTitles(query: string) {
  const response = await get(`/api/updates?pageSize=100${query ? `&${query.slice(1)}` : ''}`);
  return dataOf(response.text).map((item) => item.title);
}

type TestDownload = { title: string; url: string; format: string; sizeBytes?: number };

async function publishedArticle(fields: { title?: string; summary?: string; downloads?: TestDownload[] }) {
  const unique = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const data = { title: `Test article ${unique}`, slug: `test-article-${unique}`, summary: 'A test summary.', date: '2025-03-01', ...fields };
  const { documentId } = await cms.strapi.documents(ARTICLE).create({ data, status: 'published' });
  return { documentId, title: data.title, slug: data.slug };
}

describe('formats', () => {
  test('RSS 2.0 is well-formed, parses, and carries the channel metadata readers and validators expect', async () => {
    const { raw, feed, items } = await readFeed('rss');
    assert.ok(items.length >= 30, `expected the seeded items, got ${items.length}`);
    assert.match(raw, /<rss version="2\.0" xmlns:atom="http:\/\/www\.w3\.org\/2005\/Atom"/);
    assert.equal(feed.language, 'en-GB');
    assert.equal(feed.ttl, '15');
    assert.ok(feed.generator);
    assert.match(feed.lastBuildDate ?? '', /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    assert.equal(feed.feedUrl, `${cms.baseUrl}/feeds/rss.xml`);
    assert.match(feed.image?.url ?? '', /\/feeds\/icon\.png$/);
    for (const item of feed.items) {
      assert.match(item.pubDate ?? '', /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/, 'RFC 822 date');
      assert.match(item.guid ?? '', /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assertSafeHtml(item['content:encoded'], item.title);
    }
    assert.equal((raw.match(/<guid isPermaLink="false">/g) ?? []).length, items.length);
    // Enclosures need a length; the seed's downloads have no known size, so none are claimed.
    assert.doesNotMatch(raw, /<enclosure[^>]*length="(?!\d+")/);
  });

  test('Atom 1.0 is well-formed and complete; JSON Feed 1.1 has its required fields; all three list the same items', async () => {
    const rss = await readFeed('rss');
    const atom = await readFeed('atom');
    const json = await readFeed('json');
    assert.match(atom.raw, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="en-GB">/);
    assert.match(atom.raw, /<link rel="self" type="application\/atom\+xml" href="[^"]+\/feeds\/atom\.xml"\/>/);
    assert.match(atom.raw, /<author>\n<name>/);
    for (const entry of atom.feed.items) assertSafeHtml(entry.content, entry.title);
    for (const item of json.feed.items) assertSafeHtml(item.content_html, item.title);
    assert.deepEqual(
      atom.items.map((i) => i.guid),
      rss.items.map((i) => i.guid),
    );
    assert.deepEqual(
      json.items.map((i) => i.guid),
      rss.items.map((i) => i.guid),
    );
    assert.deepEqual(
      json.items.map((i) => i.title),
      rss.items.map((i) => i.title),
    );
    assert.deepEqual(
      atom.items.map((i) => i.summary),
      rss.items.map((i) => i.summary),
    );
    assert.deepEqual(
      rss.items.map((i) => i.title),
      await apiTitles(''),
      'feeds list what /api/updates lists, in the same order',
    );
  });

  test('reader dates are the items\u2019 own dates, at midday in London', async () => {
    const { items } = await readFeed('json');
    const api = dataOf((await get('/api/updates?pageSize=100')).text);
    for (const [i, item] of items.entries()) {
      const london = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Europe/London',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(item.date ?? NaN));
      assert.equal(london, `${api[i].date}, 12`);
    }
  });

  test('downloads become Atom enclosure links and JSON Feed attachments, and one sized RSS enclosure', async () => {
    const article = await publishedArticle({
      downloads: [
        { title: 'Plan (unknown size)', url: 'https://example.org/plan.pdf', format: 'PDF' },
        { title: 'Easy read plan', url: 'https://example.org/easy.pdf', format: 'PDF', sizeBytes: 48213 },
        { title: 'Data', url: 'https://example.org/data.csv', format: 'CSV', sizeBytes: 900 },
      ],
    });
    const guidOf = (items: ReadItem[]) => items.find((i) => i.title === article.title)?.guid ?? 'no such item';
    const rss = await readFeed('rss');
    const rssItem = rss.feed.items.find((i) => i.title === article.title);
    assert.ok(rssItem);
    assert.deepEqual({ ...rssItem.enclosure }, { url: 'https://example.org/easy.pdf', length: '48213', type: 'application/pdf' });
    for (const name of ['Plan (unknown size)', 'Easy read plan', 'Data']) assert.ok(rssItem['content:encoded']?.includes(name), `RSS content lists ${name}`);
    const atom = await readFeed('atom');
    const entryXml = atom.raw.split('<entry>').find((e) => e.includes(guidOf(atom.items)));
    assert.ok(entryXml);
    assert.equal((entryXml.match(/<link rel="enclosure"/g) ?? []).length, 3);
    assert.match(entryXml, /<link rel="enclosure" href="https:\/\/example\.org\/data\.csv" type="text\/csv" title="Data" length="900"\/>/);
    const json = await readFeed('json');
    const jsonItem = json.feed.items.find((i) => i.title === article.title);
    assert.deepEqual(jsonItem?.attachments, [
      { url: 'https://example.org/plan.pdf', mime_type: 'application/pdf', title: 'Plan (unknown size)' },
      { url: 'https://example.org/easy.pdf', mime_type: 'application/pdf', title: 'Easy read plan', size_in_bytes: 48213 },
      { url: 'https://example.org/data.csv', mime_type: 'text/csv', title: 'Data', size_in_bytes: 900 },
    ]);
    await cms.strapi.documents(ARTICLE).delete({ documentId: article.documentId });
  });
});

describe('filters', () => {
  const queries = [
    '?type=consultation',
    '?type=article,staffing-update',
    '?topic=inspections',
    '?audience=children-young-people',
    '?q=short+breaks',
    '?year=2022',
    '?type=article&topic=funding&audience=professionals',
  ];

  for (const query of queries) {
    test(`${query} selects what /api/updates selects, and the self links say so`, async () => {
      const expected = await apiTitles(query);
      assert.ok(expected.length > 0, 'the filter matches seeded items');
      for (const format of FORMATS) {
        const read = await readFeed(format, query);
        const { items, raw } = read;
        assert.deepEqual(
          items.map((i) => i.title),
          expected,
          format,
        );
        const canonical = new URL(`${FEEDS[format].path}${query}`, cms.baseUrl);
        const self =
          'version' in read.feed
            ? read.feed.feed_url
            : format === 'rss'
              ? (read.feed.feedUrl ?? '')
              : (/<link rel="self"[^>]*href="([^"]+)"/.exec(raw)?.[1] ?? '').replace(/&amp;/g, '&');
        assert.deepEqual(Object.fromEntries(new URL(self).searchParams), Object.fromEntries(canonical.searchParams), `${format} self link`);
      }
    });
  }

  test('a filter that matches nothing gives a well-formed feed with no items, in every format', async () => {
    const query = '?q=xylophone+quasar';
    assert.deepEqual(await apiTitles(query), [], 'the filter matches no seeded item');
    for (const format of FORMATS) {
      const { items, raw } = await readFeed(format, query);
      assert.deepEqual(items, [], format);
      assert.ok(!raw.includes('\u0000'), `${format} holds no control character`);
      assert.doesNotMatch(raw, /\n[ \t]*\n/, `${format} leaves no blank line where the items would be`);
    }
  });

  test('bad filters get 400 with a readable message, in every feed', async () => {
    const bad: Record<string, RegExp> = {
      '?type=nope': /Unknown type "nope"/,
      '?audience=everyone': /Unknown audience/,
      '?topic=Not%20A%20Slug': /topic slug/,
      '?year=22': /four-digit year/,
      '?status=draft': /"status" filters consultations/,
      [`?q=${'x'.repeat(201)}`]: /at most 200/,
    };
    for (const path of [...Object.values(FEEDS).map((f) => f.path), '/feeds/consultations.ics']) {
      for (const [query, message] of Object.entries(bad)) {
        const response = await get(`${path}${query}`);
        assert.equal(response.status, 400, `${path}${query}`);
        assert.match(response.text, message);
        assert.equal(response.headers.get('access-control-allow-origin'), '*');
      }
    }
    const wrongType = await get('/feeds/consultations.ics?type=article');
    assert.equal(wrongType.status, 400);
    assert.match(wrongType.text, /consultations only/);
  });
});

describe('iCalendar', () => {
  const parseCalendar = (text: string) => {
    const calendar = ICAL.Component.fromString(text);
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    return calendar;
  };
  const closingTime = (event: ICAL.Component) => new ICAL.Event(event).startDate.toJSDate().toISOString();
  const dtstart = (event: ICAL.Component) => {
    const property = event.getFirstProperty('dtstart');
    assert.ok(property, 'DTSTART');
    return property;
  };

  test('the consultations calendar lists upcoming and open consultations at their London closing times', async () => {
    const response = await get('/feeds/consultations.ics');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.ok(response.text.includes('\r\n') && !/[^\r]\n/.test(response.text), 'CRLF line endings');
    for (const line of response.text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `line longer than 75 octets: ${line}`);
    const calendar = parseCalendar(response.text);
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    assert.ok(calendar.getFirstSubcomponent('vtimezone'), 'VTIMEZONE for Europe/London');
    const api = dataOf((await get('/api/updates?type=consultation&status=open,upcoming&sort=closing')).text);
    assert.ok(api.length >= 2, 'seed has an open and an upcoming consultation');
    const events = calendar.getAllSubcomponents('vevent');
    assert.deepEqual(
      events.map((e) => e.getFirstPropertyValue('summary')),
      api.map((c) => `Consultation closes: ${c.title}`),
    );
    assert.deepEqual(
      events.map(closingTime),
      api.map((c) => (c.type === 'consultation' ? c.closesAt : null)),
    );
    for (const event of events) {
      assert.equal(dtstart(event).getParameter('tzid'), 'Europe/London');
      assert.match(String(dtstart(event).getFirstValue()), /T23:59:00$/, 'closes at 23:59 London time');
    }
  });

  test('one consultation\u2019s calendar is right in summer time and in winter time; unknown slugs are 404', async () => {
    const cases: Record<string, [utc: string, local: string]> = {
      // Closed 23:45 BST on 22 July 2022 = 22:45 UTC.
      'send-review-green-paper-consultation': ['2022-07-22T22:45:00.000Z', '2022-07-22T23:45:00'],
      // Closed 23:59 GMT on 4 February 2022.
      'top-up-funding-consultation': ['2022-02-04T23:59:00.000Z', '2022-02-04T23:59:00'],
    };
    for (const [slug, [utc, local]] of Object.entries(cases)) {
      const response = await get(`/feeds/consultations/${slug}.ics`);
      assert.equal(response.status, 200, slug);
      assert.equal(response.headers.get('content-type'), 'text/calendar; charset=utf-8');
      const [event] = parseCalendar(response.text).getAllSubcomponents('vevent');
      assert.equal(closingTime(event), utc);
      assert.equal(String(dtstart(event).getFirstValue()), local);
      assert.match(String(event.getFirstPropertyValue('url')), new RegExp(`/${slug}$`));
    }
    const missing = await get('/feeds/consultations/no-such-consultation.ics');
    assert.equal(missing.status, 404);
    assert.match(missing.text, /No published consultation/);
  });
});

describe('HTTP', () => {
  test('ETag and Last-Modified revalidate to 304; caching and CORS headers are set', async () => {
    for (const path of [...Object.values(FEEDS).map((f) => f.path), '/feeds/consultations.ics', '/feeds/consultations/top-up-funding-consultation.ics']) {
      const first = await get(path);
      assert.equal(first.status, 200);
      const etag = first.headers.get('etag');
      const lastModified = first.headers.get('last-modified');
      assert.ok(etag && lastModified, path);
      assert.match(first.headers.get('cache-control') ?? '', /max-age=\d+.*stale-while-revalidate=\d+.*stale-if-error=\d+/);
      assert.equal(first.headers.get('access-control-allow-origin'), '*');
      const byEtag = await get(path, { 'If-None-Match': etag });
      assert.equal(byEtag.status, 304, `${path} If-None-Match`);
      assert.equal(byEtag.text, '');
      const byDate = await get(path, { 'If-Modified-Since': lastModified });
      assert.equal(byDate.status, 304, `${path} If-Modified-Since`);
      const older = await get(path, { 'If-Modified-Since': new Date(Date.parse(lastModified) - 1000).toUTCString() });
      assert.equal(older.status, 200);
      assert.equal((await get(path, { 'If-None-Match': '"something-else"' })).status, 200);
    }
  });

  test('a feed keeps its ETag while its content stays, and gets a new one when an item in it is edited', async () => {
    const word = `etagcheck${Math.random()
      .toString(36)
      .replace(/[^a-z]/g, '')}`;
    const article = await publishedArticle({ title: `Feed tag ${word}`, summary: 'Before the edit.' });
    const tags = async () => {
      const found: string[] = [];
      for (const format of FORMATS) {
        const answer = await get(`${FEEDS[format].path}?q=${word}`);
        assert.match(answer.text, /Before the edit|After the edit/, format);
        found.push(String(answer.headers.get('etag')));
      }
      return found;
    };
    // Rendered, rendered and kept, then read from the cache: one tag throughout.
    const first = await tags();
    assert.deepEqual(await tags(), first);
    assert.deepEqual(await tags(), first);
    assert.equal(new Set(first).size, FORMATS.length, 'each format has its own tag');

    await cms.strapi.documents(ARTICLE).update({ documentId: article.documentId, data: { summary: 'After the edit.' } });
    await cms.strapi.documents(ARTICLE).publish({ documentId: article.documentId });
    const edited = await tags();
    for (const [i, format] of FORMATS.entries()) {
      assert.notEqual(edited[i], first[i], `${format} after the edit`);
      const path = `${FEEDS[format].path}?q=${word}`;
      const stale = await get(path, { 'If-None-Match': first[i] });
      assert.equal(stale.status, 200, `${format}: the old tag no longer matches`);
      assert.match(stale.text, /After the edit/);
    }
    await cms.strapi.documents(ARTICLE).delete({ documentId: article.documentId });
  });

  test('an item saved by an instance whose clock ran ahead dates no feed in the future', async () => {
    const article = await publishedArticle({ title: `Clock ahead ${Date.now()}` });
    const ahead = new Date(Date.now() + 6 * 3_600_000);
    await cms.strapi.db.query(ARTICLE).updateMany({ where: { documentId: article.documentId }, data: { updatedAt: ahead } });
    await catalogueOf(cms.strapi).changed({ uid: ARTICLE, documentId: article.documentId });
    const saved = (await get(`/api/updates?q=${encodeURIComponent(article.title)}`)).text;
    assert.equal(Date.parse(dataOf(saved)[0].updatedAt), ahead.getTime(), "the item carries its saving instance's time");
    const rss = await readFeed('rss');
    assert.ok(rss.items.some((item) => item.title === article.title));
    const atom = await readFeed('atom');
    for (const [format, built] of [
      ['RSS lastBuildDate', rss.feed.lastBuildDate],
      ['Atom updated', (atom.raw.match(/<updated>([^<]+)<\/updated>/) ?? [])[1]],
    ]) {
      assert.ok(Date.parse(String(built)) <= Date.now(), `${format} ${built} is in the future`);
    }
    for (const path of Object.values(FEEDS).map((f) => f.path)) {
      const { headers } = await get(path);
      assert.ok(Date.parse(headers.get('last-modified') ?? '') <= Date.parse(headers.get('date') ?? ''), `${path}: Last-Modified after Date`);
    }
    await cms.strapi.documents(ARTICLE).delete({ documentId: article.documentId });
  });

  test('feeds are compressed with gzip or brotli when the reader accepts it', async () => {
    const { default: http } = await import('node:http');
    const raw = (encoding: string) =>
      new Promise<{ headers: import('node:http').IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get(new URL('/feeds/rss.xml', cms.baseUrl), { headers: { 'Accept-Encoding': encoding } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          })
          .on('error', reject);
      });
    const plain = await raw('identity');
    assert.equal(plain.headers['content-encoding'], undefined);
    const gzip = await raw('gzip');
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gzip.body).toString(), plain.body.toString());
    const br = await raw('br, gzip');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br.body).toString(), plain.body.toString());
    assert.ok(br.body.length < plain.body.length / 3);
    assert.match(gzip.headers.vary ?? '', /Accept-Encoding/);
  });

  test('the feed icon is a PNG no larger than RSS allows', async () => {
    const response = await fetch(new URL('/feeds/icon.png', cms.baseUrl));
    assert.equal(response.headers.get('content-type'), 'image/png');
    const png = Buffer.from(await response.arrayBuffer());
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(png.readUInt32BE(16), 144);
    assert.equal(png.readUInt32BE(20), 144);
  });
});

describe('freshness and stability', () => {
  const findIn = async (title: string) => {
    const found = { api: (await apiTitles('')).filter((t) => t === title) } as Record<Format, ReadItem[]> & { api: string[] };
    for (const format of FORMATS) found[format] = (await readFeed(format)).items.filter((i) => i.title === title);
    return found;
  };

  test('publish, edit, re-publish, unpublish and delete show at once, and the guid never changes', async () => {
    const documents = cms.strapi.documents(ARTICLE);
    const article = await publishedArticle({});
    let found = await findIn(article.title);
    for (const format of FORMATS) assert.equal(found[format].length, 1, `${format} shows the new item`);
    assert.equal(found.api.length, 1);
    const guid = found.rss[0].guid;
    assert.equal(found.atom[0].guid, guid);
    assert.equal(found.json[0].guid, guid);

    const edited = `${article.title} (edited)`;
    await documents.update({ documentId: article.documentId, data: { title: edited, slug: `${article.slug}-renamed` } });
    assert.equal((await findIn(edited)).rss.length, 0, 'an unpublished edit is not in the feed');
    await documents.publish({ documentId: article.documentId });
    found = await findIn(edited);
    for (const format of FORMATS)
      assert.deepEqual(
        found[format].map((i) => i.guid),
        [guid],
        `${format} after edit`,
      );
    assert.equal((await findIn(article.title)).rss.length, 0);

    await documents.unpublish({ documentId: article.documentId });
    found = await findIn(edited);
    for (const format of FORMATS) assert.equal(found[format].length, 0, `${format} after unpublish`);
    assert.equal(found.api.length, 0);

    await documents.publish({ documentId: article.documentId });
    found = await findIn(edited);
    for (const format of FORMATS)
      assert.deepEqual(
        found[format].map((i) => i.guid),
        [guid],
        `${format} after re-publish`,
      );

    await documents.delete({ documentId: article.documentId });
    found = await findIn(edited);
    for (const format of FORMATS) assert.equal(found[format].length, 0, `${format} after delete`);
    assert.equal(found.api.length, 0);
  });

  test('a consultation published now is in the calendar at once, and leaves it when unpublished', async () => {
    const documents = cms.strapi.documents(CONSULTATION);
    const data = {
      title: `Calendar test ${Date.now()}`,
      slug: `calendar-test-${Date.now()}`,
      summary: 'Tell us.',
      date: '2025-01-01',
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    };
    const consultation = { ...data, ...(await documents.create({ data, status: 'published' })) };
    const has = async () => (await get('/feeds/consultations.ics')).text.includes(data.title);
    assert.ok(await has());
    assert.equal((await get(`/feeds/consultations/${consultation.slug}.ics`)).status, 200);
    await documents.unpublish({ documentId: consultation.documentId });
    assert.ok(!(await has()));
    assert.equal((await get(`/feeds/consultations/${consultation.slug}.ics`)).status, 404);
    await documents.delete({ documentId: consultation.documentId });
  });

  test('items written into feeds before are written again when a topic they name is renamed', async () => {
    const topics = cms.strapi.documents('api::topic.topic');
    const topic = await topics.findFirst({ filters: { slug: 'short-breaks' }, status: 'published' });
    assert.ok(topic, 'the seed has the "short-breaks" topic');
    const categoriesOf = async (format: Format, query: string) => {
      const { raw } = await readFeed(format, query);
      return raw.includes('Short breaks (renamed)') ? 'new' : raw.includes('Short breaks') ? 'old' : 'none';
    };
    // Every format writes the topic's items once, under one filter...
    for (const format of FORMATS) assert.equal(await categoriesOf(format, '?topic=short-breaks'), 'old', `${format} names the topic`);
    await topics.update({ documentId: topic.documentId, data: { name: 'Short breaks (renamed)' } });
    await topics.publish({ documentId: topic.documentId });
    try {
      // ...and a feed under another filter, listing the same items, names the topic as it is now.
      for (const format of FORMATS) assert.equal(await categoriesOf(format, '?type=consultation'), 'new', `${format} after the rename`);
    } finally {
      await topics.update({ documentId: topic.documentId, data: { name: 'Short breaks' } });
      await topics.publish({ documentId: topic.documentId });
    }
  });
});

describe('hostile input and drafts', () => {
  // PostgreSQL cannot store U+0000 at all, so it is only sent where the database accepts it.
  const controls = () => `${cms.dbClient === 'sqlite' ? '\u0000' : ''}\u0001\u0007\u000B\u001B\u001F`;

  test('whatever editors type, every feed stays well-formed, shows the text faithfully and carries no unsafe markup', async () => {
    const hostile = `Fish & chips <script>alert("x")</script> 'quoted' ]]> \u{1F389}${controls()} end`;
    const expected = `Fish & chips <script>alert("x")</script> 'quoted' ]]> \u{1F389} end`;
    const unique = Date.now();
    const body = [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: hostile },
          { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'click me' }] },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'link', url: ' JaVa\tScRiPt:alert(2)', children: [{ type: 'text', text: 'sneaky' }] },
          { type: 'link', url: 'data:text/html,<b>x</b>', children: [{ type: 'text', text: 'data' }] },
        ],
      },
      { type: 'heading', level: 2, children: [{ type: 'text', text: '<img src=x onerror=alert(3)>', bold: true }] },
      {
        type: 'list',
        format: 'unordered',
        children: [
          {
            type: 'list-item',
            children: [{ type: 'link', url: 'https://example.org/?a=1&b="2"', children: [{ type: 'text', text: 'safe link', italic: true }] }],
          },
          { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'nested <li>' }] }] },
        ],
      },
      { type: 'quote', children: [{ type: 'text', text: `]]><![CDATA[${controls()}` }] },
    ];
    const article = await publishedArticle({
      title: `${hostile} ${unique}`,
      summary: `${hostile} summary`,
      downloads: [{ title: `<b>${hostile}</b>`, url: 'https://example.org/a.pdf?x=1&y=2', format: 'PDF', sizeBytes: 10 }],
    });
    const consultation = await cms.strapi.documents(CONSULTATION).create({
      data: {
        title: `${hostile} ${unique}`,
        slug: `hostile-${unique}`,
        summary: `${hostile}, with; commas\\`,
        date: '2025-01-01',
        opensAt: new Date(Date.now() - 86_400_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
      status: 'published',
    });
    // Strapi's own validation refuses javascript: links in blocks, so they are written the way old or
    // migrated data would arrive: straight into the database, past the document service.
    for (const [uid, documentId] of [
      [ARTICLE, article.documentId],
      [CONSULTATION, consultation.documentId],
    ] as const) {
      await cms.strapi.db.query(uid).updateMany({ where: { documentId }, data: { body } });
      // A write past the document service is announced by whoever makes it.
      await catalogueOf(cms.strapi).changed({ uid, documentId });
    }

    for (const format of FORMATS) {
      const { raw, items } = await readFeed(format);
      const matches = items.filter((i) => i.title === `${expected} ${unique}`);
      assert.equal(matches.length, 2, `${format}: both hostile items with their titles intact`);
      for (const item of matches) {
        assert.equal(item.summary?.startsWith(expected), true, `${format} summary: ${item.summary}`);
        assertSafeHtml(item.html, format);
        assert.ok(item.html?.includes('click me') && item.html.includes('sneaky'), 'unsafe links keep their words');
        assert.ok(htmlToText(item.html).includes(expected), `${format} body text`);
        assert.ok(item.html?.includes('href="https://example.org/?a=1&amp;b=%222%22"'), `${format} safe link kept, escaped`);
      }
      assert.doesNotMatch(raw, /javascript:|data:text/i);
      assert.doesNotMatch(raw, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/); // eslint-disable-line no-control-regex -- the characters XML forbids, which no feed may hold
    }
    const ics = (await get('/feeds/consultations.ics')).text;
    const event = ICAL.Component.fromString(ics)
      .getAllSubcomponents('vevent')
      .find((e) => String(e.getFirstPropertyValue('summary')).includes(String(unique)));
    assert.ok(event);
    assert.equal(event.getFirstPropertyValue('summary'), `Consultation closes: ${expected} ${unique}`);
    assert.ok(String(event.getFirstPropertyValue('description')).startsWith(`${expected}, with; commas\\`));
    await cms.strapi.documents(ARTICLE).delete({ documentId: article.documentId });
    await cms.strapi.documents(CONSULTATION).delete({ documentId: consultation.documentId });
  });

  test('drafts, and unpublished edits of published items, never appear in any feed', async () => {
    const secret = `Draft only ${Date.now()} zebra`;
    const draft = await cms.strapi.documents(CONSULTATION).create({
      data: {
        title: secret,
        slug: `draft-only-${Date.now()}`,
        summary: secret,
        date: '2025-01-01',
        opensAt: new Date(Date.now() - 86_400_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    const published = await publishedArticle({});
    await cms.strapi.documents(ARTICLE).update({ documentId: published.documentId, data: { title: `${secret} edit`, summary: secret } });
    const paths = [
      ...Object.values(FEEDS).flatMap((f) => [f.path, `${f.path}?q=zebra`, `${f.path}?status=open`]),
      '/feeds/consultations.ics',
      '/feeds/consultations.ics?status=upcoming,open,closed',
      '/api/updates?pageSize=100',
    ];
    for (const path of paths) {
      const { status, text } = await get(path);
      assert.equal(status, 200, path);
      assert.ok(!text.includes(secret), `${path} leaks a draft`);
    }
    assert.equal((await get(`/feeds/consultations/${draft.slug}.ics`)).status, 404);
    await cms.strapi.documents(CONSULTATION).delete({ documentId: draft.documentId });
    await cms.strapi.documents(ARTICLE).delete({ documentId: published.documentId });
  });
});

describe('links, titles and content for people', () => {
  test('every item links to its page on the CMS, in every format and in the calendar', async () => {
    const api = dataOf((await get('/api/updates?pageSize=100')).text);
    for (const format of FORMATS) {
      const { items } = await readFeed(format);
      assert.deepEqual(
        items.map((i) => i.link),
        api.map((i) => i.pageUrl),
        format,
      );
    }
    for (const item of api) assert.equal(item.pageUrl, `${cms.baseUrl}/updates/${item.type}/${item.slug}`);
    const ics = (await get('/feeds/consultations/top-up-funding-consultation.ics')).text;
    assert.equal(
      ICAL.Component.fromString(ics).getFirstSubcomponent('vevent')?.getFirstPropertyValue('url'),
      `${cms.baseUrl}/updates/consultation/top-up-funding-consultation`,
    );
    const json = (await readFeed('json', '?type=consultation&topic=short-breaks')).feed;
    assert.equal(json.home_page_url, `${cms.baseUrl}/updates?type=consultation&topic=short-breaks`, 'the home page is the list of the same items');
  });

  test('FEED_ITEM_URL and PUBLIC_SITE_URL still choose where links go', async () => {
    const { readFeedSettings, itemLink } = await import('../../cms/src/feeds/settings.ts');
    const item = { type: 'article' as const, slug: 'a-slug', id: 'doc1' };
    assert.equal(itemLink(readFeedSettings({}), 'https://cms.example', item), 'https://cms.example/updates/article/a-slug');
    assert.equal(
      itemLink(readFeedSettings({ FEED_ITEM_URL: 'https://council.example/send/{type}/{slug}' }), 'https://cms.example', item),
      'https://council.example/send/article/a-slug',
    );
    assert.equal(
      itemLink(readFeedSettings({ PUBLIC_SITE_URL: 'https://council.example/send' }), 'https://cms.example', item),
      'https://council.example/send?send-item=article%2Fa-slug',
    );
  });

  test('a filtered feed is named for its filters in words, never "(filtered)"', async () => {
    const cases: Record<string, string> = {
      '': 'SEND news, consultations and service updates',
      '?type=consultation&topic=short-breaks&audience=parents-carers': 'SEND updates: consultations about short breaks, for parents and carers',
      '?type=article,staffing-update&year=2025': 'SEND updates: news and service updates, from 2025',
      '?topic=educational-psychology&q=capacity': 'SEND updates: updates about Educational Psychology, matching \u201ccapacity\u201d',
      '?status=open,upcoming': 'SEND updates: open or upcoming consultations',
    };
    for (const [query, title] of Object.entries(cases)) {
      assert.equal((await readFeed('rss', query)).feed.title, title, `RSS ${query}`);
      assert.equal((await readFeed('json', query)).feed.title, title, `JSON Feed ${query}`);
      assert.doesNotMatch((await get(`/feeds/atom.xml${query}`)).text, /\(filtered\)/);
    }
    const calendar = ICAL.Component.fromString((await get('/feeds/consultations.ics?topic=short-breaks')).text);
    assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), 'SEND consultation closing dates: about short breaks');
  });

  test('items start with what readers need: UK times and a link to respond, or the service and what changes', async () => {
    const { items } = await readFeed('rss');
    const html = (title: string) => htmlToText(items.find((i) => i.title === title)?.html);
    assert.match(
      html('Consultation on Worcestershire\u2019s approach to Top Up Funding'),
      /Opens: 9am on Friday 10 December 2021Closes: 11:59pm on Friday 4 February 2022Respond to this consultation/,
    );
    assert.match(
      html('Educational Psychology Service capacity'),
      /Service: Educational PsychologyWhat changes: New Educational Psychology assessments .* up to 8 weeks later than usual.*Takes effect: 15 October 2021/,
    );
    assert.match(html('SEND improvement parent carer survey 2021'), /You said, we did/);
  });
});

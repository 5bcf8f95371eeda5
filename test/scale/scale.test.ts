/**
 * 100,000 published items (SCALE_ITEMS to change it), made by the catalogue generator, on SQLite
 * and (when reachable) PostgreSQL: every public endpoint answers (SQLite used to answer 500 past
 * about 33,000 items of one type, from one IN list of every id), feeds stay bounded, an edit and a
 * topic published again are applied to the catalogue without reading it (or the items) again, and
 * the memory the catalogue takes is reported. No timing is asserted.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ItemResponse, ListResponse } from '../../contract/api';
import { catalogueOf } from '../../cms/src/catalogue/catalogue.ts';
import { TOPIC_UID } from '../../cms/src/lib/update-types.ts';
import { generateCatalogue } from '../../scripts/lib/catalogue-generator.ts';
import { postgresReachable } from '../../scripts/lib/steps.ts';
import { countItemReads, DEFAULT_PG_URL, getJson, startCms, type TestCms } from '../helpers/cms.ts';

const ITEMS = Number(process.env.SCALE_ITEMS || 100_000);
const ARTICLE = 'api::article.article';

// Asked before any suite runs: a busy event loop could make the check time out.
const postgres = await postgresReachable(process.env.TEST_PG_URL || DEFAULT_PG_URL);

for (const database of ['sqlite', 'postgres'] as const) {
  describe(`${ITEMS.toLocaleString('en-GB')} items on ${database}`, { skip: database === 'postgres' && !postgres && 'PostgreSQL is not reachable' }, () => {
    let cms: TestCms;
    let list: ListResponse;

    before(async () => {
      process.env.TEST_DB = database;
      cms = await startCms({ env: { RATE_LIMIT_REQUESTS: '1000000' } });
      global.gc?.();
      // Buffers are reported beside the heap: a catalogue must not hold its items there either.
      const memoryBefore = process.memoryUsage();
      const started = Date.now();
      await generateCatalogue(cms.strapi, { items: ITEMS });
      const generated = Date.now();
      // Rows written past the document service: announced as a change to the whole type, which reads everything again.
      await catalogueOf(cms.strapi).changed({ uid: ARTICLE, documentId: null });
      const current = await catalogueOf(cms.strapi).get();
      // Buffers' memory is released after the collection that finds them unreachable: collect, wait, collect.
      global.gc?.();
      await new Promise((resolve) => setTimeout(resolve, 500));
      global.gc?.();
      const memory = process.memoryUsage();
      const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB (${(bytes / current.entries.length).toFixed(0)} bytes an item)`;
      const packed = current.entries.reduce((sum, entry) => sum + entry.rest.length, 0);
      console.log(
        `# ${database}: generated in ${((generated - started) / 1000).toFixed(1)} s, catalogue read in ${((Date.now() - generated) / 1000).toFixed(1)} s; ` +
          `${current.entries.length} entries, heap +${mb(memory.heapUsed - memoryBefore.heapUsed)}, buffers +${mb(memory.arrayBuffers - memoryBefore.arrayBuffers)}, of which whole items packed ${mb(packed)}`,
      );
      list = (await getJson<ListResponse>(cms.baseUrl, '/api/updates')).body;
    });

    after(async () => {
      await cms?.stop();
      delete process.env.TEST_DB;
    });

    test('the list holds every item, newest first', () => {
      assert.ok(list.meta.pagination.total >= ITEMS, `total ${list.meta.pagination.total}`);
      assert.equal(list.data.length, 10);
      const dates = list.data.map((item) => item.date);
      assert.deepEqual(dates, [...dates].sort().reverse());
      // As on a real site, nothing was published after now (the newest items come first).
      for (const item of list.data) assert.ok(Date.parse(item.publishedAt) <= Date.now(), `${item.slug} published ${item.publishedAt}`);
    });

    test('every filter, sort, search and far page answers', async () => {
      const topic = list.meta.facets.topics[0]?.value;
      const year = list.meta.facets.years.at(-1)?.value;
      const queries = [
        'type=article',
        'type=consultation&status=closed&sort=closing',
        'type=consultation&status=open,upcoming',
        'type=staffing-update&sort=oldest',
        `topic=${topic}`,
        'audience=parents-carers',
        `year=${year}`,
        'q=inspection',
        'q=EHCP',
        'q=short brea',
        `page=${Math.floor(ITEMS / 20)}&pageSize=20`,
        `q=transport&type=article&topic=${topic}&pageSize=100`,
      ];
      for (const query of queries) {
        const { status, body } = await getJson<ListResponse>(cms.baseUrl, `/api/updates?${query}`);
        assert.equal(status, 200, `/api/updates?${query}`);
        assert.ok(Array.isArray(body.data), `/api/updates?${query}`);
      }
      const search = await getJson<ListResponse>(cms.baseUrl, '/api/updates?q=inspection');
      assert.ok(search.body.meta.pagination.total > 0, 'the search finds generated items');
      const page = await getJson<ListResponse>(cms.baseUrl, `/api/updates?page=${Math.floor(ITEMS / 20)}&pageSize=20`);
      assert.equal(page.body.data.length, 20, 'a page far down the list is full');
    });

    test('items, their pages and calendars answer; feeds stay bounded', async () => {
      const consultation = (await getJson<ListResponse>(cms.baseUrl, '/api/updates?type=consultation&pageSize=1')).body.data[0];
      assert.ok(consultation);
      for (const path of [
        consultation.url,
        `/updates/consultation/${consultation.slug}`,
        `/feeds/consultations/${consultation.slug}.ics`,
        '/updates',
        '/updates?page=40',
        '/updates/subscribe?type=article',
        '/feeds/consultations.ics',
      ]) {
        const response = await fetch(`${cms.baseUrl}${path}`);
        await response.arrayBuffer();
        assert.equal(response.status, 200, path);
      }
      for (const path of ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/feed.json']) {
        const response = await fetch(`${cms.baseUrl}${path}`);
        const body = await response.text();
        assert.equal(response.status, 200, path);
        assert.ok(body.length < 1_000_000, `${path} is ${body.length} characters`);
      }
      // Every item's page is in a sitemap, 10,000 a sitemap, the newest in the last.
      const sitemaps = [...(await (await fetch(`${cms.baseUrl}/sitemap.xml`)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
      assert.equal(sitemaps.length, Math.ceil(list.meta.pagination.total / 10_000));
      const last = await (await fetch(sitemaps[sitemaps.length - 1])).text();
      assert.ok(last.includes(`/updates/${list.data[0].type}/${list.data[0].slug}</loc>`), 'the newest item is in the last sitemap');
      for (const address of [sitemaps[0], sitemaps[sitemaps.length - 1]]) {
        const body = await (await fetch(address)).text();
        assert.ok(body.length < 2_500_000, `${address} is ${body.length} characters`);
      }
      const rss = await (await fetch(`${cms.baseUrl}/feeds/rss.xml`)).text();
      assert.ok((rss.match(/<item>/g) ?? []).length <= 100, 'RSS lists a bounded number of items');
      // Counts in the thousands as GOV.UK writes them.
      const index = await (await fetch(`${cms.baseUrl}/updates`)).text();
      assert.ok(index.includes(`${list.meta.pagination.total.toLocaleString('en-GB')} updates found`), 'the total, as 100,039');
      assert.match(index, /News \(\d{1,3},\d{3}\)/, 'a choice with its count, as News (60,026)');
    });

    test('an edit is applied to that item alone, without reading the catalogue again', async () => {
      const catalogue = catalogueOf(cms.strapi);
      const builds = catalogue.builds;
      const [item] = (await getJson<ListResponse>(cms.baseUrl, '/api/updates?type=article&pageSize=1')).body.data;
      const title = `${item.title} (updated)`;
      await cms.strapi.documents(ARTICLE).update({ documentId: item.id, data: { title }, status: 'published' });
      const edited = await getJson<ItemResponse>(cms.baseUrl, item.url);
      assert.equal(edited.body.data.title, title);
      const found = (await getJson<ListResponse>(cms.baseUrl, `/api/updates?type=article&q=${encodeURIComponent('updated')}`)).body.data;
      assert.ok(
        found.some((entry) => entry.id === item.id && entry.title === title),
        'the list and search have the new title',
      );
      await cms.strapi.documents(ARTICLE).unpublish({ documentId: item.id });
      const gone = await getJson(cms.baseUrl, item.url);
      assert.equal(gone.status, 404);
      assert.equal(catalogue.builds, builds, 'no whole read of the catalogue');
    });

    test('the largest topic unpublished and published again names all its items again, none read again', async () => {
      const [largest] = [...list.meta.facets.topics].sort((a, b) => b.count - a.count);
      const topic = await cms.strapi.documents(TOPIC_UID).findFirst({ filters: { slug: largest.value }, status: 'published' });
      assert.ok(topic);
      const total = async () => (await getJson<ListResponse>(cms.baseUrl, `/api/updates?topic=${largest.value}`)).body.meta.pagination.total;
      // Counted now: the test before unpublished an item.
      const named = await total();
      assert.ok(named > 1_000, `${named} items name ${largest.value}`);
      const catalogue = catalogueOf(cms.strapi);
      const builds = catalogue.builds;
      const itemReads = countItemReads(cms.strapi);
      await cms.strapi.documents(TOPIC_UID).unpublish({ documentId: topic.documentId });
      assert.equal(await total(), 0);
      const started = Date.now();
      await cms.strapi.documents(TOPIC_UID).publish({ documentId: topic.documentId });
      console.log(`# ${database}: a topic named by ${named} items published again in ${Date.now() - started} ms`);
      assert.equal(await total(), named);
      assert.equal(itemReads.stop(), 0, 'no item read again');
      assert.equal(catalogue.builds, builds, 'no whole read of the catalogue');
    });
  });
}

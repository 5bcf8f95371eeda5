/**
 * The XSS corpus (fixtures/xss-vectors.json) stored in every field an editor controls (xss-seed.ts),
 * then read back from every place the CMS itself renders it: the API's URL fields, RSS, Atom, JSON
 * Feed and iCalendar, every item page and the index pages. No element that runs or loads code, no
 * event handler, no unsafe address; the item pages also open in Chromium with their CSP switched
 * off (so the escaping alone is tested), and no dialog opens. The widgets are xss-widgets.test.ts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import puppeteer, { type Browser } from 'puppeteer-core';
import RssParser from 'rss-parser';
import type { ItemResponse, JsonFeed } from '../../contract/api';
import { launchOptions } from '../helpers/chromium.ts';
import { cmsDir, startCms, type TestCms } from '../helpers/cms.ts';
import { freshAddress, request, TABS_AT_ONCE, visitInTabs } from './helpers.ts';
import { elementsIn, textOf, unsafeMarkup } from './markup.ts';
import { fieldCount, seedVectors, VECTORS, type SeededItem } from './xss-seed.ts';

let cms: TestCms;
let base: string;
let items: SeededItem[];
let browser: Browser;

before(async () => {
  cms = await startCms({ env: { RATE_LIMIT_REQUESTS: '0' } });
  base = cms.baseUrl;
  items = await seedVectors(cms.strapi);
  browser = await puppeteer.launch(launchOptions());
});

after(async () => {
  await browser?.close();
  await cms?.stop();
});

const get = async (path: string) => {
  const answer = await request(base, path, { from: freshAddress(), headers: { 'Accept-Encoding': 'identity' } });
  assert.equal(answer.status, 200, `${path}: ${answer.text.slice(0, 200)}`);
  return answer.text;
};
const everyItem = `limit=200`;
const SAFE_URL = /^(https?:\/\/[^/\\]|mailto:|tel:|\/(?![/\\]))/i;

describe(`${VECTORS.length} vectors in ${fieldCount()} editor-controlled fields`, () => {
  test('the API gives no unsafe address in any URL field, rich text included', async () => {
    let checked = 0;
    for (const item of items) {
      const { data } = JSON.parse(await get(`/api/updates/${item.type}/${item.slug}`)) as ItemResponse;
      const urls: [string, string | null | undefined][] = [
        ['pageUrl', data.pageUrl],
        ['easyReadUrl', data.easyReadUrl],
        ...data.downloads.map((d): [string, string] => ['download', d.url]),
        ...(data.type === 'consultation'
          ? ([
              ['respondUrl', data.respondUrl],
              ['outcomeUrl', data.outcomeUrl],
            ] as [string, string | null][])
          : []),
      ];
      const walk = (nodes: unknown, where: string) => {
        for (const node of Array.isArray(nodes) ? nodes : []) {
          const n = node as { type?: string; url?: string; image?: { url?: string }; children?: unknown };
          if (n.type === 'link') urls.push([`${where} link`, n.url]);
          if (n.type === 'image') urls.push([`${where} image`, n.image?.url]);
          walk(n.children, where);
        }
      };
      walk(data.body, 'body');
      if (data.type === 'consultation') walk(data.outcome, 'outcome');
      for (const [field, url] of urls) {
        if (url === null || url === undefined) continue;
        checked += 1;
        assert.match(url, SAFE_URL, `${item.type}/${item.slug} ${field}: ${url}`);
      }
      // The hostile links were dropped, their words kept.
      assert.ok(
        JSON.stringify(data.body).includes(JSON.stringify(`${VECTORS[item.vector].vector} (link)`).slice(1, -1)),
        `${item.slug}: the link's words are kept`,
      );
    }
    assert.ok(checked >= items.length, `${checked} addresses checked`);
  });

  test('RSS, Atom and JSON Feed: no unsafe markup in any field, titles stay text', async () => {
    const parser = new RssParser({ customFields: { item: ['content:encoded'] } });
    const seen = { rss: 0, atom: 0, json: 0 };
    for (const type of ['article', 'consultation', 'staffing-update']) {
      const rss = await parser.parseString(await get(`/feeds/rss.xml?type=${type}&${everyItem}`));
      for (const item of rss.items) {
        seen.rss += 1;
        assert.deepEqual(elementsIn(item.title ?? ''), [], `RSS title read as HTML: ${item.title}`);
        for (const html of [item['content:encoded'] as string, item.content ?? '']) assert.deepEqual(unsafeMarkup(html), [], `RSS ${item.title}`);
        for (const category of item.categories ?? []) assert.deepEqual(elementsIn(category), [], `RSS category ${category}`);
        assert.match(item.link ?? '', SAFE_URL);
      }
      const atom = await parser.parseString(await get(`/feeds/atom.xml?type=${type}&${everyItem}`));
      for (const entry of atom.items) {
        seen.atom += 1;
        for (const html of [entry.content ?? '', entry.summary ?? '']) assert.deepEqual(unsafeMarkup(html), [], `Atom ${entry.title}`);
        assert.match(entry.link ?? '', SAFE_URL);
      }
      const json = JSON.parse(await get(`/feeds/feed.json?type=${type}&${everyItem}`)) as JsonFeed;
      for (const item of json.items) {
        seen.json += 1;
        assert.deepEqual(unsafeMarkup(item.content_html ?? ''), [], `JSON Feed ${item.title}`);
        for (const url of [item.url, ...(item.attachments ?? []).map((a) => a.url)]) if (url) assert.match(url, SAFE_URL, `JSON Feed ${item.title}: ${url}`);
      }
    }
    for (const [format, count] of Object.entries(seen)) assert.ok(count >= items.length, `${format}: ${count} items read`);
  });

  test('iCalendar: every event’s address is a web address', async () => {
    const calendar = ICAL.Component.fromString(await get(`/feeds/consultations.ics?${everyItem}`));
    const events = calendar.getAllSubcomponents('vevent');
    assert.ok(events.length >= VECTORS.length, `${events.length} events`);
    for (const event of events) {
      const url = String(event.getFirstPropertyValue('url') ?? '');
      if (url) assert.match(url, /^https?:\/\/[^/\\]/, `URL ${url}`);
    }
  });

  test('every item page and every index page: no unsafe markup, no dialog in Chromium with the page’s CSP off, nothing wider than a 320 px screen', async () => {
    const origin = new URL(base).origin;
    const pageRules = {
      allowHead: true,
      inlineScript: fs.readFileSync(path.join(cmsDir, 'src', 'pages', 'assets', 'head.js'), 'utf8'),
      allowScript: (attributes: Record<string, string>) =>
        attributes.type === 'application/ld+json' || (attributes.src ?? '').startsWith(`${origin}/updates/assets/`),
    };
    const paths = items.map((item) => `/updates/${item.type}/${item.slug}`);
    for (let page = 1; page <= Math.ceil((items.length + 60) / 10); page += 1) paths.push(`/updates?page=${page}`);
    for (const [i] of VECTORS.entries()) paths.push(`/updates?topic=xss-topic-${i}`, `/updates/subscribe?topic=xss-topic-${i}`);
    for (const path of paths) assert.deepEqual(unsafeMarkup(await get(path), pageRules), [], path);

    const dialogs: string[] = [];
    const tabs = await Promise.all(
      Array.from({ length: TABS_AT_ONCE }, async () => {
        const tab = await browser.newPage();
        await tab.setBypassCSP(true);
        // A vector is also a long word: a phone's screen must not scroll sideways for it.
        await tab.setViewport({ width: 320, height: 640 });
        tab.on('dialog', (dialog) => {
          dialogs.push(`${tab.url()}: ${dialog.message()}`);
          void dialog.dismiss();
        });
        return tab;
      }),
    );
    const [page] = tabs;
    try {
      await visitInTabs(tabs, paths, async (tab, path) => {
        await tab.goto(`${base}${path}`, { waitUntil: 'load' });
        const injected = await tab.evaluate(() =>
          [...document.querySelectorAll('*')].flatMap((el) =>
            [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.localName} ${a.name}`),
          ),
        );
        assert.deepEqual(injected, [], path);
        assert.ok(await tab.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${path}: no sideways scrolling at 320 px`);
      });
      // Some vectors only fire on focus or hover: give every focusable element the focus once, on a sample.
      await page.bringToFront();
      await page.goto(`${base}/updates/article/${items[0].slug}`, { waitUntil: 'load' });
      for (let i = 0; i < 60; i += 1) await page.keyboard.press('Tab');
      assert.deepEqual(dialogs, []);
      assert.equal(textOf(await page.content()).includes(VECTORS[items[0].vector].vector.slice(0, 10)), true, 'the page shows the text as typed');
    } finally {
      await Promise.all(tabs.map((tab) => tab.close()));
    }
  });
});

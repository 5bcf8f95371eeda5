/**
 * The widgets' reading view and links against the real CMS with its seed content, on a partner page
 * of another origin loading the shipped script: a seeded consultation and a seeded service update
 * read in place show what their CMS pages show (in the same words); lists say when an upcoming
 * consultation opens; the subscribe links open the CMS's subscribe page for the same filters; the
 * link inside a widget's tag serves readers without JavaScript; and the default error link leads to
 * the CMS's own updates page. Set E2E_SCREENSHOTS to a folder to keep a 320 px screenshot.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { ConsultationDetail, ItemResponse, ListResponse, StaffingUpdateDetail } from '../../contract/api';
import { axeViolations, launchOptions } from '../helpers/chromium.ts';
import { getJson, startCms, type TestCms } from '../helpers/cms.ts';

const OPEN = '/api/updates/consultation/parent-carer-survey-tell-us-what-is-working';
const UPCOMING = '/api/updates/consultation/young-peoples-survey-what-matters-to-you';
const SERVICE_UPDATE = '/api/updates/staffing-update/umbrella-pathway-waiting-list-support';
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

let cms: TestCms;
let base: string;
let browser: Browser;
let partner: http.Server;
let partnerBase: string;
/** Partner pages by path, each a body below the page's own heading. */
const partnerPages = new Map<string, string>();

before(async () => {
  cms = await startCms();
  base = cms.baseUrl;
  partner = http.createServer((request, response) => {
    const body = partnerPages.get(new URL(request.url ?? '/', 'http://partner').pathname);
    if (body === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html>
      <html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Partner page</title><link rel="icon" href="data:,"><script type="module" src="${base}/widgets/send-widgets.js"></script></head>
      <body><main><h1>SEND news from the council</h1>${body}</main></body></html>`);
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  partnerBase = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
  browser = await puppeteer.launch(launchOptions());
});

after(async () => {
  await browser?.close();
  partner?.close();
  await cms?.stop();
});

/** A partner page (another origin) holding `body`, opened in a fresh context; errors in it are collected. */
async function openPartnerPage(body: string, { width = 1024, search = '', javaScript = true } = {}) {
  const pagePath = `/page-${partnerPages.size}`;
  partnerPages.set(pagePath, body);
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.once('close', () => void context.close());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${(error as Error).message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()} (${message.location().url})`));
  // tsx keeps function names with a __name() helper, which functions handed to the page need too.
  await page.evaluateOnNewDocument('globalThis.__name = (fn) => fn');
  await page.setJavaScriptEnabled(javaScript);
  await page.setViewport({ width, height: 800 });
  await page.goto(`${partnerBase}${pagePath}${search}`, { waitUntil: 'load' });
  return { page, problems };
}

/** Waits for the archive's reading view, then reads it: texts by selector, links by text, and tops at this width. */
async function readingView(page: Page) {
  await page.waitForFunction(() => document.querySelector('send-news-archive')?.shadowRoot?.querySelector('article .reading-title'), { timeout: 20_000 });
  return page.evaluate(() => {
    const root = document.querySelector('send-news-archive')!.shadowRoot!;
    const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const all = (selector: string) => [...root.querySelectorAll(selector)].map(text);
    const top = (selector: string) => root.querySelector(selector)?.getBoundingClientRect().top ?? NaN;
    return {
      title: text(root.querySelector('.reading-title')),
      titleLevel: root.querySelector('.reading-title')!.localName,
      meta: text(root.querySelector('article > .meta')),
      lead: text(root.querySelector('.lead')),
      status: text(root.querySelector('.panel h1, .panel h2, .panel h3, .panel h4, .panel h5, .panel h6')),
      statusLevel: root.querySelector('.panel :is(h1, h2, h3, h4, h5, h6)')?.localName ?? null,
      panel: all('.panel p'),
      facts: [...root.querySelectorAll('dl.facts > div')].map((row) => [text(row.querySelector('dt')), text(row.querySelector('dd'))]),
      body: all('.rich-text p'),
      links: [...root.querySelectorAll('a')].map((a) => ({ text: text(a), href: a.href, className: a.className })),
      backs: all('a.back'),
      tops: { status: top('.panel :is(h1, h2, h3, h4, h5, h6)'), closes: top('.panel .closing'), respond: top('a.respond'), body: top('.rich-text p') },
    };
  });
}

/** The CMS item page's own sentence for a time, e.g. "Closes at 11:59pm on Sunday 14 December 2025". */
async function cmsSentence(pageUrl: string, pattern: RegExp): Promise<string> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  try {
    await page.goto(pageUrl, { waitUntil: 'load' });
    const text = await page.evaluate(() => document.querySelector('main')?.textContent?.replace(/\s+/g, ' ') ?? '');
    const match = pattern.exec(text);
    assert.ok(match, `the CMS page ${pageUrl} says ${pattern}: ${text.slice(0, 300)}`);
    return match[0];
  } finally {
    await context.close();
  }
}

const ukDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
const itemKey = (url: string) => url.replace('/api/updates/', '');

test('a seeded open consultation read in place: status, closing time in the CMS page\u2019s words, Respond, calendar and Easy Read before the body, at 320 px', async () => {
  const { body: api } = await getJson<ItemResponse>(base, OPEN);
  const item = api.data as ConsultationDetail;
  assert.equal(item.status, 'open', 'the seed keeps this consultation open');
  const closes = await cmsSentence(
    item.pageUrl,
    /Closes at \d{1,2}(:\d\d)?(am|pm) on \w+ \d{1,2} \w+ \d{4}|Closes at (midday|midnight) on \w+ \d{1,2} \w+ \d{4}/,
  );
  const { page, problems } = await openPartnerPage(`<send-news-archive api="${base}" heading-level="2"></send-news-archive>`, {
    width: 320,
    search: `?send-item=${itemKey(OPEN)}`,
  });
  try {
    const view = await readingView(page);
    assert.equal(view.title, item.title);
    assert.equal(view.titleLevel, 'h3', 'title one below the widget heading (h2)');
    assert.equal(view.status, 'Status: Open');
    assert.equal(view.statusLevel, 'h4', 'status one below the title');
    assert.ok(view.panel.includes(`${closes}.`), `the widget says "${closes}." as the CMS page does: ${JSON.stringify(view.panel)}`);
    assert.ok(
      view.panel.some((sentence) => sentence.startsWith('Opened at ')),
      'opening time',
    );
    const respond = view.links.find((link) => link.className === 'respond');
    assert.deepEqual([respond?.text, respond?.href], ['Respond to this consultation', item.respondUrl]);
    assert.equal(view.links.find((link) => link.text === 'Add the closing date to my calendar')?.href, `${base}${item.calendarUrl}`);
    assert.equal(view.links.find((link) => link.text === 'Easy Read version')?.href, item.easyReadVersion?.url);
    assert.equal(view.lead, item.summary);
    assert.match(view.meta, new RegExp(`^Consultation Published ${ukDate(`${item.date}T12:00:00Z`)}`));
    assert.ok(view.body.length > 0 && view.body[0].startsWith('The annual parent carer survey'), `body: ${view.body[0]}`);
    assert.deepEqual(view.backs, ['Back to all updates', 'Back to all updates']);
    const { status, closes: closing, respond: respondTop, body } = view.tops;
    assert.ok(
      status < closing && closing < respondTop && respondTop < body,
      `at 320 px: status, closing time, Respond, then the body: ${JSON.stringify(view.tops)}`,
    );
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling at 320 px');
    assert.deepEqual(await axeViolations(page), []);
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'reading-view-320.png'), fullPage: true });
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('a seeded upcoming consultation: lists say when it opens (never today), and its reading view has no Respond button yet', async () => {
  const { body: api } = await getJson<ItemResponse>(base, UPCOMING);
  const item = api.data as ConsultationDetail;
  assert.equal(item.status, 'upcoming', 'the seed keeps this consultation upcoming');
  const { page, problems } = await openPartnerPage(
    `<send-news-feed api="${base}" type="consultation" limit="20" heading-level="2"></send-news-feed>
     <send-news-archive api="${base}" heading-level="2" url-prefix="a-"></send-news-archive>`,
    { search: `?a-item=${itemKey(UPCOMING)}` },
  );
  try {
    const shown = await page.waitForFunction(
      (title) => {
        const items = [...(document.querySelector('send-news-feed')?.shadowRoot?.querySelectorAll('.item') ?? [])];
        const match = items.find((li) => li.querySelector('.item-title')?.textContent?.trim() === title);
        return match?.querySelector('time')?.textContent?.trim();
      },
      { timeout: 20_000 },
      item.title,
    );
    const date = await shown.jsonValue();
    assert.equal(date, `Opens ${ukDate(item.opensAt!)}`);
    assert.notEqual(date, ukDate(new Date().toISOString()), 'not dated today');
    const view = await readingView(page);
    assert.equal(view.status, 'Status: Upcoming');
    const opens = await cmsSentence(item.pageUrl, /Opens at [^.]+ \d{4}/);
    assert.ok(view.panel.includes(`${opens}.`), `"${opens}." as on the CMS page: ${JSON.stringify(view.panel)}`);
    assert.ok(
      view.panel.some((sentence) => sentence.startsWith('You can respond from ')),
      'when responses open',
    );
    assert.equal(
      view.links.find((link) => link.className === 'respond'),
      undefined,
      'no Respond button before it opens',
    );
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('a seeded service update read in place: the service, what changes and from when, before the text', async () => {
  const { body: api } = await getJson<ItemResponse>(base, SERVICE_UPDATE);
  const item = api.data as StaffingUpdateDetail;
  const { page, problems } = await openPartnerPage(`<send-news-archive api="${base}" heading-level="2"></send-news-archive>`, {
    width: 320,
    search: `?send-item=${itemKey(SERVICE_UPDATE)}`,
  });
  try {
    const view = await readingView(page);
    assert.equal(view.title, item.title);
    assert.deepEqual(view.facts.slice(0, 3), [
      ['Service', item.service],
      ['What changes', item.whatChanges],
      ['Takes effect', ukDate(`${item.effectiveFrom}T12:00:00Z`)],
    ]);
    assert.equal(view.lead, item.summary);
    assert.match(view.meta, /^Service update Published \d{1,2} \w+ \d{4}/);
    assert.ok(view.body[0]?.startsWith('Extra support has been put in place'), `body: ${view.body[0]}`);
    assert.deepEqual(view.backs, ['Back to all updates', 'Back to all updates']);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

/** The href of the link with this text in the widget's shadow root, once it is there. */
async function widgetLink(page: Page, tag: string, text: string): Promise<string> {
  const handle = await page.waitForFunction(
    (tagName, linkText) =>
      [...(document.querySelector(tagName)?.shadowRoot?.querySelectorAll('a') ?? [])].find((a) => a.textContent?.trim() === linkText)?.href,
    { timeout: 20_000 },
    tag,
    text,
  );
  return (await handle.jsonValue()) as string;
}

/** Follows a link as a reader does (a click in the widget) and reads the page it opens. */
async function follow(page: Page, tag: string, text: string) {
  const href = await widgetLink(page, tag, text);
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.evaluate(
      (tagName, linkText) => [...document.querySelector(tagName)!.shadowRoot!.querySelectorAll('a')].find((a) => a.textContent?.trim() === linkText)!.click(),
      tag,
      text,
    ),
  ]);
  const fields = await page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('input[id]')].map((input) => [input.id, (input as HTMLInputElement).value])),
  );
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((element) => element.id));
  return {
    href,
    url: page.url(),
    status: response?.status(),
    type: response?.headers()['content-type'] ?? '',
    h1: await page.$eval('h1', (h1) => h1.textContent?.trim()),
    fields,
    ids,
  };
}

const params = (url: string) => [...new URL(url).searchParams].sort();

test('the subscribe links in the feed, the archive and the countdown open the CMS\u2019s subscribe page for the same filters', async () => {
  const { page, problems } = await openPartnerPage(
    `<send-news-feed api="${base}" type="consultation" audience="parents-carers" heading-level="2"></send-news-feed>`,
  );
  try {
    const feed = await follow(page, 'send-news-feed', 'Subscribe to these updates');
    assert.equal(new URL(feed.url).pathname, '/updates/subscribe');
    assert.deepEqual(params(feed.url), [
      ['audience', 'parents-carers'],
      ['type', 'consultation'],
    ]);
    assert.equal(feed.status, 200);
    assert.match(feed.type, /^text\/html/, 'a page for people, not a feed');
    assert.equal(feed.h1, 'Get these updates');
    assert.equal(new URL(feed.fields['rss-url']).pathname, '/feeds/rss.xml');
    assert.deepEqual(
      params(feed.fields['rss-url']),
      [
        ['audience', 'parents-carers'],
        ['type', 'consultation'],
      ],
      'the feed on the page has the same filters',
    );
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }

  const archive = await openPartnerPage(`<send-news-archive api="${base}" heading-level="2"></send-news-archive>`, {
    search: '?send-q=survey&send-type=consultation',
  });
  try {
    const subscribe = await follow(archive.page, 'send-news-archive', 'Subscribe to these results');
    assert.equal(new URL(subscribe.url).pathname, '/updates/subscribe');
    assert.deepEqual(params(subscribe.url), [
      ['q', 'survey'],
      ['type', 'consultation'],
    ]);
    assert.equal(subscribe.status, 200);
    assert.deepEqual(
      params(subscribe.fields['rss-url']),
      [
        ['q', 'survey'],
        ['type', 'consultation'],
      ],
      'the feed on the page has the same search and filter',
    );
  } finally {
    await archive.page.close();
  }

  const countdown = await openPartnerPage(`<send-consultation-countdown api="${base}" status="open" heading-level="2"></send-consultation-countdown>`);
  try {
    const webcal = await widgetLink(countdown.page, 'send-consultation-countdown', 'Subscribe in my calendar app');
    const calendar = await follow(countdown.page, 'send-consultation-countdown', 'Add every consultation closing date to my calendar');
    assert.equal(new URL(calendar.url).pathname, '/updates/subscribe');
    assert.equal(new URL(calendar.href).hash, '#calendar', "to the page's calendar part");
    assert.ok(calendar.ids.includes('calendar'), 'the subscribe page has the calendar part the link points to');
    assert.equal(new URL(calendar.fields['calendar-url']).pathname, '/feeds/consultations.ics');
    assert.equal(webcal, calendar.fields['webcal-url'], 'the webcal:// link is the address the subscribe page gives calendar apps');
  } finally {
    await countdown.page.close();
  }
});

test('the link inside a widget\u2019s tag serves readers without JavaScript, and gives way to the widget where it runs', async () => {
  const markup = `<send-news-feed api="${base}" heading-level="2"><a href="${base}/updates">SEND news and updates</a></send-news-feed>`;
  const without = await openPartnerPage(markup, { javaScript: false });
  try {
    assert.ok(await without.page.$eval('send-news-feed > a', (a) => a.getClientRects().length > 0), 'the link shows without JavaScript');
    const [response] = await Promise.all([without.page.waitForNavigation(), without.page.click('send-news-feed > a')]);
    assert.equal(response?.status(), 200);
    assert.equal(new URL(without.page.url()).pathname, '/updates', "the CMS's updates page, which needs no script");
  } finally {
    await without.page.close();
  }
  const withScript = await openPartnerPage(markup);
  try {
    await withScript.page.waitForFunction(() => (document.querySelector('send-news-feed')?.shadowRoot?.querySelectorAll('.item').length ?? 0) > 0, {
      timeout: 20_000,
    });
    assert.equal(await withScript.page.$eval('send-news-feed > a', (a) => a.getClientRects().length), 0, 'hidden once the widget runs');
    assert.deepEqual(withScript.problems, []);
  } finally {
    await withScript.page.close();
  }
});

test('when the API cannot be reached, the error state links to the CMS\u2019s own updates page, which works', async () => {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  try {
    partnerPages.set('/offline', `<send-news-feed api="${base}" heading-level="2"></send-news-feed>`);
    await page.setRequestInterception(true);
    page.on('request', (request) => (new URL(request.url()).pathname.startsWith('/api/') ? void request.abort('failed') : void request.continue()));
    await page.goto(`${partnerBase}/offline`, { waitUntil: 'load' });
    const href = await widgetLink(page, 'send-news-feed', `See all updates on ${new URL(base).host}`);
    assert.equal(href, `${base}/updates`);
    // The reader follows it with the CMS reachable again (a page of its own: the one above still refuses the API).
    const reader = await context.newPage();
    const response = await reader.goto(href, { waitUntil: 'load' });
    assert.equal(response?.status(), 200);
    const { body: list } = await getJson<ListResponse>(base, '/api/updates');
    assert.ok(list.data.length > 0);
    assert.ok(await reader.evaluate((title) => document.body.textContent?.includes(title), list.data[0].title), 'the page lists the updates');
  } finally {
    await context.close();
  }
});

/**
 * The whole path: the real CMS started as `npm start` starts it, an editor
 * signs in and publishes one item and leaves another as a draft through
 * Strapi's own admin API, and a partner's demo page in headless Chromium
 * shows the published item through the widget, and never the draft.
 *
 * Then every demo page and every kind of reader page in Chromium against the
 * seed content: the archive offers every filter value the API has, no label
 * is a code identifier, each gallery state shows what its name says, axe finds
 * no WCAG 2.2 A/AA violation, the item page reads right at 320 px, pages work
 * without JavaScript, and a partner page on another origin loads the
 * versioned script with its integrity hash, lazy chunks included.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import ts from 'typescript';
import type { ListResponse } from '../../contract/api';
import type * as ReaderChecks from '../../widgets/test/reader-settings-checks.ts';
import { axeViolations, launchOptions } from '../helpers/chromium.ts';
import { spawnCms, type CmsProcess } from '../helpers/cms.ts';
import { firstScreenLoaded, layoutShiftOfLateLoad, widgetBoxes, widgetScriptArrives } from '../helpers/late-script.ts';

const EDITOR = { email: 'e2e.editor@example.org', password: 'E2e-Editor-Passw0rd' };
const PUBLISHED_TITLE = `Short breaks review: drop-in sessions for families ${Date.now().toString(36)}`;
const DRAFT_TITLE = `Draft only: not yet approved ${Date.now().toString(36)}`;
const DEMO_PAGES = ['/demo/nhs-icb.html', '/demo/college.html', '/demo/local-offer.html'];
/** Screenshots go here when set (e.g. to look at the item page at 320 px). */
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

let cms: CmsProcess | undefined;
let base: string;
let tmp: string;
let browser: Browser;
let token: string | undefined;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'send-e2e-'));
  cms = await spawnCms(
    {
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(tmp, 'data.db'),
      LOCAL_EDITOR_EMAIL: EDITOR.email,
      LOCAL_EDITOR_PASSWORD: EDITOR.password,
      LOCAL_EDITOR_FILE: path.join(tmp, 'local-editor.json'),
    },
    { timeoutMs: 120_000 },
  );
  base = cms.base;
  browser = await puppeteer.launch(launchOptions());
});

after(async () => {
  await browser?.close();
  await cms?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** An admin API request as the signed-in editor, which must succeed. */
type AdminAnswer = { data: { documentId: string; token?: string; accessToken?: string } };
async function admin(method: string, pathname: string, body?: unknown): Promise<AdminAnswer> {
  const response = await fetch(`${base}${pathname}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json().catch(() => null)) as AdminAnswer;
  assert.ok(response.ok, `${method} ${pathname} answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

/**
 * All text of the page, including inside open shadow roots (runs in the browser). It holds no named
 * functions: tsx would wrap them in a naming helper that the page does not have.
 */
function pageText() {
  let text = '';
  const pending: Node[] = [document.body];
  while (pending.length > 0) {
    const node = pending.pop() as Node;
    if (node.nodeType === Node.TEXT_NODE) {
      text += node.textContent;
      continue;
    }
    text += ' ';
    const children: Node[] = [...node.childNodes];
    if (node instanceof Element && node.shadowRoot) children.push(node.shadowRoot);
    pending.push(...children.reverse());
  }
  return text.replace(/\s+/g, ' ');
}

test('the local editor signs in to the admin', async () => {
  const adminPage = await fetch(`${base}/admin`);
  assert.equal(adminPage.status, 200);
  assert.match(adminPage.headers.get('content-type') ?? '', /text\/html/);
  const login = await admin('POST', '/admin/login', EDITOR);
  token = login.data.token ?? login.data.accessToken;
  assert.ok(token, 'no token from /admin/login');
});

test('an editor publishes one item and leaves another as a draft', async () => {
  const uid = 'api::article.article';
  const today = new Date().toISOString().slice(0, 10);
  // Every audience: the Audience entries the admin offers as choices.
  const audienceList = await fetch(`${base}/content-manager/collection-types/api::audience.audience`, { headers: { Authorization: `Bearer ${token}` } });
  const { results: audiences } = (await audienceList.json()) as { results: { documentId: string }[] };
  assert.equal(audiences.length, 3);
  const common = { date: today, audiences: { connect: audiences.map(({ documentId }) => ({ documentId })) } };
  const published = await admin('POST', `/content-manager/collection-types/${uid}`, {
    ...common,
    title: PUBLISHED_TITLE,
    slug: 'short-breaks-review-drop-in-sessions',
    summary: 'Come and tell us what you think of short breaks at one of our drop-in sessions.',
    body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Sessions run across the county.' }] }],
  });
  await admin('POST', `/content-manager/collection-types/${uid}/${published.data.documentId}/actions/publish`, published.data);
  await admin('POST', `/content-manager/collection-types/${uid}`, {
    ...common,
    title: DRAFT_TITLE,
    slug: 'draft-only-not-yet-approved',
    summary: 'This must never reach a partner page.',
  });

  const { data } = (await (await fetch(`${base}/api/updates?type=article&pageSize=3`)).json()) as ListResponse;
  assert.equal(data[0].title, PUBLISHED_TITLE);
  assert.ok(!data.some((item) => item.title === DRAFT_TITLE));
});

test('the admin refuses a consultation that closes before it opens, saying why', async () => {
  const response = await fetch(`${base}/content-manager/collection-types/api::consultation.consultation`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      title: 'Backwards consultation',
      slug: 'backwards-consultation',
      summary: 'Closes before it opens.',
      date: '2026-11-01',
      opensAt: '2026-12-01T09:00:00.000Z',
      closesAt: '2026-11-30T17:00:00.000Z',
    }),
  });
  assert.equal(response.status, 400);
  const { error } = (await response.json()) as { error: { message: string } };
  assert.match(error.message, /closing date \(30 November 2026 at 17:00\) must be after the opening date \(1 December 2026 at 09:00\)/);
});

for (const demoPage of DEMO_PAGES) {
  test(`the partner page ${demoPage} shows the published item and never the draft`, async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${(error as Error).message}`));
    page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
    try {
      const response = await page.goto(`${base}${demoPage}`, { waitUntil: 'load' });
      assert.equal(response?.status(), 200);
      // Polled from here: page.evaluate is exempt from the page's Content-Security-Policy, which stays in force.
      let text = '';
      for (const deadline = Date.now() + 20_000; Date.now() < deadline && !text.includes(PUBLISHED_TITLE);) {
        text = await page.evaluate<[], () => string>(`(${pageText.toString()})()`);
        if (!text.includes(PUBLISHED_TITLE)) await new Promise((r) => setTimeout(r, 200));
      }
      assert.ok(text.includes(PUBLISHED_TITLE), `the published item is not on the page; it shows: ${text.slice(0, 400)}`);
      assert.ok(!text.includes(DRAFT_TITLE), 'the draft reached the partner page');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
}

test('the widget bundle can be loaded from another origin', async () => {
  const response = await fetch(`${base}/widgets/send-widgets.js`, { headers: { Origin: 'https://partner.example' } });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /javascript/);
  assert.equal(response.headers.get('access-control-allow-origin'), '*');
  assert.equal(response.headers.get('cross-origin-resource-policy'), 'cross-origin');
});

test('on the Local Offer page a reader searches the archive, reads the item in place, and sees the live countdown', async () => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${(error as Error).message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
  try {
    await page.goto(`${base}/demo/local-offer.html`, { waitUntil: 'load' });
    const waitForText = async (text: string, timeout = 20_000) => {
      let seen = '';
      for (const deadline = Date.now() + timeout; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
        seen = await page.evaluate<[], () => string>(`(${pageText.toString()})()`);
        if (seen.includes(text)) return seen;
      }
      assert.fail(`"${text}" never appeared; the page shows: ${seen.slice(0, 400)}`);
    };

    // The countdown shows the seeded consultation that is open today.
    const countdownText = await waitForText('Parent carer survey: tell us what is working');
    assert.match(countdownText, /Closes in \d+ days/);

    // Search the archive (the search form applies on submit), then open the result in the reading view.
    const search = await page.waitForSelector('send-news-archive >>> input[type="search"]');
    assert.ok(search);
    await search.type('drop-in sessions');
    await search.press('Enter');
    await waitForText('1 update found');
    assert.match(new URL(page.url()).search, /send-q=drop-in/);
    const link = await page.waitForSelector('send-news-archive >>> a[data-key="article/short-breaks-review-drop-in-sessions"]');
    assert.ok(link);
    await link.click();
    await waitForText('Sessions run across the county.');
    assert.match(
      new URL(page.url()).search,
      /send-item=article%2Fshort-breaks-review-drop-in-sessions|send-item=article\/short-breaks-review-drop-in-sessions/,
    );

    // Back to results restores the search.
    await page.goBack();
    await waitForText('1 update found');
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('the RSS feed a widget links to carries the published item and not the draft', async () => {
  const rss = await (await fetch(`${base}/feeds/rss.xml?type=article`)).text();
  assert.ok(rss.includes(PUBLISHED_TITLE.replace(/&/g, '&amp;')));
  assert.ok(!rss.includes(DRAFT_TITLE));
});

/* ---- Every page, as readers and partners meet it ---- */

/**
 * A page in a fresh browser context (its own storage: no cached copy from an earlier test), with
 * problems recorded: uncaught errors and console errors. CSP is bypassed so axe can be injected.
 */
async function openPage(address: string, { width = 1024, javaScript = true } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.once('close', () => void context.close());
  const url = address.startsWith('http') ? address : `${base}${address}`;
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${(error as Error).message}`));
  page.on('console', (message) => {
    // A 404 page's own status is not a problem of the page.
    if (message.type() === 'error' && !(message.text().startsWith('Failed to load resource') && message.location().url === url))
      problems.push(`console error: ${message.text()}`);
  });
  await page.setBypassCSP(true);
  // tsx keeps function names with a __name() helper, which functions handed to the page need too.
  await page.evaluateOnNewDocument('globalThis.__name = (fn) => fn');
  await page.setJavaScriptEnabled(javaScript);
  await page.setViewport({ width, height: 900 });
  const response = await page.goto(url, { waitUntil: 'load' });
  return { page, problems, response };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until every widget on the page has rendered something into its shadow root. */
async function widgetsSettled(page: Page, timeout = 20_000) {
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await sleep(200)) {
    const pending = await page.evaluate(
      () =>
        [...document.querySelectorAll('send-news-feed, send-news-archive, send-consultation-countdown')].filter(
          (el) => !el.shadowRoot || el.shadowRoot.childElementCount === 0,
        ).length,
    );
    if (pending === 0) return;
  }
  assert.fail('the widgets never rendered');
}

/**
 * Scrolls from top to bottom as a reader does, so that widgets below the fold fetch their updates and lazy images
 * load, then waits until no widget is still loading (but the gallery's "hang" state, which never ends) and every
 * image has finished. Returns the images that did not load.
 */
async function scrollThrough(page: Page, timeout = 20_000): Promise<string[]> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await sleep(50);
  }
  const pending = () =>
    page.evaluate(() => {
      const roots: ParentNode[] = [document];
      for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
      const loading = [...document.querySelectorAll<HTMLElement>('send-news-feed, send-news-archive, send-consultation-countdown')].filter(
        (el) => el.dataset.failure !== 'hang' && el.shadowRoot?.querySelector('.loading'),
      ).length;
      const images = roots.flatMap((root) => [...root.querySelectorAll('img')]);
      return {
        loading,
        unfinished: images.filter((img) => !img.complete).length,
        broken: images.filter((img) => img.complete && img.naturalWidth === 0).map((img) => img.src),
      };
    });
  let state = await pending();
  for (const deadline = Date.now() + timeout; (state.loading || state.unfinished) && Date.now() < deadline; await sleep(200)) state = await pending();
  assert.equal(state.loading, 0, 'widgets still loading after the page was scrolled through');
  return state.broken;
}

/** Visible labels (buttons, form labels, options, legends, tags, headings, link text) in the page and every widget's shadow root. */
function visibleLabels() {
  const labels: string[] = [];
  const selector = 'button, label, option, legend, summary, th, h1, h2, h3, h4, h5, h6, a, [class*="tag"], [part*="tag"]';
  const visit = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll(selector)) {
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text && (el.localName === 'option' || (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === 'fixed')) labels.push(text);
    }
    for (const host of root.querySelectorAll('*')) if (host.shadowRoot) visit(host.shadowRoot);
  };
  visit(document);
  return labels;
}

/** Labels that are code, not words: camelCase names, or a raw key the API uses as a value (e.g. "staffing-update"). */
function codeLabels(labels: string[], keys: string[]): string[] {
  return labels.filter((label) => /\b[a-z]+(?:[A-Z][a-z0-9]+)+\b/.test(label) || keys.includes(label));
}

async function apiFacets() {
  return ((await (await fetch(`${base}/api/updates`)).json()) as ListResponse).meta.facets;
}

const DEMO_INDEX_AND_GALLERY = ['/demo/', '/demo/gallery.html'];

for (const demoPage of [...DEMO_INDEX_AND_GALLERY, ...DEMO_PAGES]) {
  test(`${demoPage}: scrolled through, no errors, no broken images, no axe violations, no code identifiers as labels`, async () => {
    const { page, problems, response } = await openPage(demoPage);
    try {
      assert.equal(response?.status(), 200);
      await widgetsSettled(page);
      assert.deepEqual(await scrollThrough(page), [], 'images that did not load');
      await sleep(500);
      const facets = await apiFacets();
      const keys = [...facets.types, ...facets.audiences].map((f) => f.value);
      const labels = await page.evaluate(visibleLabels);
      assert.deepEqual(codeLabels(labels, keys), [], 'labels that are code identifiers');
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
}

for (const demoPage of DEMO_PAGES) {
  for (const width of [320, 1024]) {
    test(`${demoPage} at ${width} px: the widgets keep the space their updates take, so the page moves little as they arrive`, async () => {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      try {
        await page.setViewport({ width, height: 900 });
        // Updates are held until the widgets have drawn their loading state, so what is measured is their arrival.
        await page.setRequestInterception(true);
        const held: (() => Promise<void>)[] = [];
        let holding = true;
        page.on('request', (request) => {
          if (holding && new URL(request.url()).pathname.startsWith('/api/')) held.push(() => request.continue());
          else void request.continue();
        });
        await page.goto(`${base}${demoPage}`, { waitUntil: 'load' });
        await page.waitForFunction(
          () =>
            [...document.querySelectorAll('send-news-feed, send-news-archive, send-consultation-countdown')].every((el) =>
              el.shadowRoot?.querySelector('.loading'),
            ),
          { timeout: 20_000 },
        );
        await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))`);
        // The widgets in the first screen (others wait until the reader scrolls near them), by height as they load.
        const heights = async () => (await widgetBoxes(page)).filter((box) => box.firstScreen);
        const reserved = await heights();
        await page.evaluate(`globalThis.sendShifts = [];
          new PerformanceObserver((list) => { for (const entry of list.getEntries()) globalThis.sendShifts.push(entry.value); }).observe({ type: 'layout-shift' });`);
        holding = false;
        await Promise.all(held.map((release) => release()));
        assert.ok(held.length > 0, 'the widgets asked for updates');
        await firstScreenLoaded(page);
        await sleep(300);
        const loaded = await heights();
        // Typical items stand in while loading (renderPlaceholder): within a fifth of the real ones' height, which moves
        // with the day's content (the estimate in em before them was 40-50 % out).
        for (const [i, widget] of loaded.entries()) {
          const off = Math.abs(widget.height - reserved[i].height) / widget.height;
          assert.ok(off <= 0.2, `${widget.el}: kept ${reserved[i].height} px while loading, took ${widget.height} px`);
        }
        const shifts = (await page.evaluate('globalThis.sendShifts')) as number[];
        const total = shifts.reduce((sum, value) => sum + value, 0);
        console.log(
          `${demoPage} at ${width} px: ${loaded.map((w, i) => `${w.el} kept ${reserved[i].height} px, took ${w.height} px`).join('; ')}; layout shift ${total.toFixed(4)}`,
        );
        assert.ok(total < 0.1, `layout shift ${total} under the 0.1 "good" threshold`);
      } finally {
        await context.close();
      }
    });
  }
}

test("where the widgets' script never arrives, each demo page shows a plain link in each widget's place, and gives back the space it kept after 10 s", async () => {
  for (const demoPage of DEMO_PAGES) {
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 320, height: 900 });
      await widgetScriptArrives(page, 'never');
      // The page's animations run five times as fast, so its 10 s pass in two (the admin walkthrough waits them out in full).
      const devtools = await page.createCDPSession();
      await devtools.send('Animation.enable');
      await devtools.send('Animation.setPlaybackRate', { playbackRate: 5 });
      const opened = Date.now();
      await page.goto(`${base}${demoPage}`, { waitUntil: 'domcontentloaded' });
      const kept = await widgetBoxes(page);
      assert.ok(
        Date.now() - opened < 1_900 && kept.length > 0 && kept.every((w) => w.height > 200 && w.link),
        `${demoPage} keeps each widget's space at first: ${JSON.stringify(kept)}`,
      );
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('send-news-feed, send-news-archive, send-consultation-countdown')].every(
            (el) => el.getBoundingClientRect().height < 60,
          ),
        { timeout: 5_000 },
      );
      const given = await widgetBoxes(page);
      assert.ok(
        Date.now() - opened > 1_900 && given.every((w) => w.link?.href?.startsWith('/updates')),
        `${demoPage} gave the space back after its time, leaving a link to the CMS's own pages: ${JSON.stringify(given)}`,
      );
    } finally {
      await page.close();
    }
  }
});

// Before the script has run the elements are bare tags; each demo page's own CSS keeps their space then
// (`:not(:defined)`, as the widgets' README tells partners), so the whole load, from the first paint, moves little.
for (const demoPage of DEMO_PAGES) {
  for (const width of [320, 1024]) {
    test(`${demoPage} at ${width} px: the page paints before the widgets' script has run, and still barely moves as they load`, async () => {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      try {
        await page.setViewport({ width, height: 900 });
        // The script arrives 400 ms late, as over a slow connection, so the page paints with the bare tags first.
        await widgetScriptArrives(page, 400);
        await page.goto(`${base}${demoPage}`, { waitUntil: 'load' });
        await widgetsSettled(page);
        await firstScreenLoaded(page);
        await sleep(300);
        const { shift: total, paintedAt, definedAt } = await layoutShiftOfLateLoad(page);
        console.log(
          `${demoPage} at ${width} px, whole load: painted at ${Math.round(paintedAt)} ms, widgets defined at ${Math.round(definedAt)} ms, layout shift ${total.toFixed(4)}`,
        );
        assert.ok(total < 0.1, `layout shift ${total} under the 0.1 "good" threshold`);
      } finally {
        await context.close();
      }
    });
  }
}

test('the Local Offer archive offers every type, topic, audience and year the API has', async () => {
  const { page } = await openPage('/demo/local-offer.html');
  try {
    await widgetsSettled(page);
    const facets = await apiFacets();
    const expected = {
      types: facets.types.filter((f) => f.count > 0).map((f) => f.label),
      topics: facets.topics.map((f) => f.label),
      audiences: facets.audiences.filter((f) => f.count > 0).map((f) => f.label),
      years: facets.years.map((f) => String(f.value)),
    };
    let offered: string[] = [];
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await sleep(200)) {
      // Every choice the archive's filters offer: options of its selects and labels of its checkboxes and radios.
      offered = await page.evaluate(() => {
        const root = document.querySelector('send-news-archive')?.shadowRoot;
        if (!root) return [];
        const options = [...root.querySelectorAll('select option')].map((o) => o.textContent ?? '');
        const choices = [...root.querySelectorAll('input[type=checkbox], input[type=radio]')].map(
          (input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? '',
        );
        return [...options, ...choices].map((t) => t.replace(/\s+/g, ' ').trim());
      });
      if (expected.topics.every((label) => offered.some((o) => o.startsWith(label)))) break;
    }
    for (const [facet, labels] of Object.entries(expected)) {
      for (const label of labels)
        assert.ok(
          offered.some((o) => o === label || o.startsWith(`${label} `)),
          `the archive offers ${facet} "${label}"; it offers ${JSON.stringify(offered)}`,
        );
    }
  } finally {
    await page.close();
  }
});

test('with a filter applied, the archive counts what each other choice would find, and offers none that finds nothing', async () => {
  const { page } = await openPage('/demo/local-offer.html');
  try {
    await widgetsSettled(page);
    // A topic that narrows the archive to a few items.
    const topic = (await apiFacets()).topics.filter((f) => f.count > 0).sort((a, b) => a.count - b.count)[0];
    const { facets, pagination } = ((await (await fetch(`${base}/api/updates?topic=${topic.value}&facets=matching`)).json()) as ListResponse).meta;
    // The form renders before its list arrives, and its choices come with the list's counts: chosen once offered.
    await page.waitForFunction(
      (value) => {
        const root = document.querySelector('send-news-archive')!.shadowRoot!;
        const select = [...root.querySelectorAll('select')].find((s) => [...s.options].some((o) => o.value === value));
        if (!select) return false;
        select.value = value;
        [...root.querySelectorAll<HTMLButtonElement>('button[type=submit]')].at(-1)!.click();
        return true;
      },
      { timeout: 20_000 },
      topic.value,
    );
    const found = `${pagination.total} ${pagination.total === 1 ? 'update' : 'updates'} found`;
    const read = () =>
      page.evaluate(() => {
        const root = document.querySelector('send-news-archive')!.shadowRoot!;
        const options = Object.fromEntries(
          [...root.querySelectorAll('select')].map((s) => [
            s.labels[0]?.textContent?.trim() ?? '',
            [...s.options].slice(1).map((o) => o.textContent?.trim() ?? ''),
          ]),
        );
        return { options, text: root.textContent?.replace(/\s+/g, ' ') ?? '' };
      });
    let shown = await read();
    for (const deadline = Date.now() + 20_000; Date.now() < deadline && !shown.text.includes(found); await sleep(200)) shown = await read();
    assert.ok(shown.text.includes(found), `the archive says "${found}"`);
    const offered = (list: { label?: string; value: string | number; count: number }[]) =>
      list.filter((f) => f.count > 0).map((f) => `${f.label ?? f.value} (${f.count})`);
    assert.deepEqual(shown.options['Type'], offered(facets.types));
    assert.deepEqual(shown.options['Audience'], offered(facets.audiences));
    assert.deepEqual(shown.options['Year'], offered(facets.years));
    // The topic filter's own choices keep what each would find instead.
    assert.deepEqual(shown.options['Topic'], offered(facets.topics));
    assert.ok(facets.types.reduce((sum, f) => sum + f.count, 0) === pagination.total, 'the types add up to what was found');
  } finally {
    await page.close();
  }
});

/** What each gallery section's heading promises, as a reader would see it in the widget below it. */
const GALLERY_CLAIMS: [RegExp, (text: string, widget: { fallbackHref: string | null; links: string[]; current: string | null }) => boolean][] = [
  [/^Loading$/, (text) => text.includes('Loading updates…')],
  [/Error|Broken response/, (text) => text.includes('Sorry, updates cannot be shown at the moment.')],
  [/with fallback link/, (_, w) => w.fallbackHref !== null && w.links.includes(w.fallbackHref)],
  [/^Empty|^No results/, (text) => text.includes('There are no updates to show.')],
  [/None open/, (text) => text.includes('There are no open consultations at the moment.')],
  [/stale/, (text) => text.includes('These updates may be out of date.')],
  [/Hostile/, (text) => text.includes('Hostile title')],
  [/^(List|Cards|Compact|No heading of its own|All open consultations)/, (_, w) => w.links.length > 0],
  [
    /UK dates/,
    (text) =>
      /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/.test(text) &&
      !/\b[A-Z][a-z]+ \d{1,2}, \d{4}\b/.test(text),
  ],
  [/French page/, (text) => text.includes('Actualités SEND')],
  [/^Upcoming/, (text) => /Opens \d{1,2} [A-Z][a-z]+ \d{4}/.test(text)],
  [/days left/, (text) => /Closes in \d+ days/.test(text)],
  [/closes tomorrow/, (text) => /Closes tomorrow at/.test(text)],
  [/closes today/, (text) => /Closes today at/.test(text)],
  [/last hour/, (text) => /Closes in \d+ minutes?/.test(text)],
  [/^Closed/, (text) => /Closed on \d{1,2} [A-Z][a-z]+ \d{4}/.test(text)],
  [/^Outcome published/, (text) => text.includes('Outcome published') && text.includes('What you said')],
  [/^Missing dates/, (text) => text.includes('Dates to be confirmed')],
  [/page (\d+) of \d+/, (_, w) => w.current !== null],
  [/^Reading view/, (text) => (text.match(/Back to all updates/g) ?? []).length === 2],
  [/^Reading view: open consultation/, (text) => text.includes('Respond to this consultation')],
  [/^Reading view: upcoming consultation/, (text) => /Opens at (\d|midnight|midday)/.test(text) && !text.includes('Respond to this consultation')],
  [/^Reading view: consultation with its outcome/, (text) => text.includes('You said, we did')],
  [/^Reading view: service update/, (text) => text.includes('What changes')],
  [
    /^Reading view: summary only/,
    (text) =>
      text
        .replace(/Back to all updates/g, '')
        .trim()
        .split(' ').length > 10,
  ],
  [/shown as "Opens …"/, (text) => /Opens \d{1,2} [A-Z][a-z]+ \d{4}/.test(text)],
];

test('each gallery state shows what its name says', async () => {
  const { page, problems } = await openPage('/demo/gallery.html');
  try {
    await widgetsSettled(page);
    await sleep(1000);
    const sections = await page.evaluate(() =>
      [...document.querySelectorAll('main section')].map((section) => {
        const widget = section.querySelector('send-news-feed, send-news-archive, send-consultation-countdown') as HTMLElement;
        const root = widget.shadowRoot!;
        const walk = (node: Node): string =>
          [...node.childNodes].map((child) => (child.nodeType === Node.TEXT_NODE ? child.textContent : ` ${walk(child)} `)).join('');
        return {
          heading: section.querySelector('h3')?.textContent?.trim() ?? '',
          text: walk(root).replace(/\s+/g, ' '),
          widget: {
            fallbackHref: widget.getAttribute('fallback-href'),
            links: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''),
            current: root.querySelector('[aria-current=page]')?.textContent?.trim() ?? null,
          },
        };
      }),
    );
    assert.ok(sections.length >= 25, `${sections.length} gallery states`);
    for (const section of sections) {
      const claims = GALLERY_CLAIMS.filter(([pattern]) => pattern.test(section.heading));
      assert.ok(claims.length > 0, `no check for the gallery state "${section.heading}"`);
      for (const [pattern, holds] of claims)
        assert.ok(holds(section.text, section.widget), `"${section.heading}" (${pattern}) shows: ${section.text.slice(0, 300)}`);
    }
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined, 'hostile content ran nothing');
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

const READER_PAGES = [
  '/updates',
  '/updates?type=consultation&topic=have-your-say',
  '/updates?q=EHCP',
  '/updates/consultation/parent-carer-survey-tell-us-what-is-working',
  '/updates/consultation/young-peoples-survey-what-matters-to-you',
  '/updates/consultation/send-parent-carer-survey-2021',
  '/updates/staffing-update/educational-psychology-service-capacity',
  '/updates/article/send-strategy-2017-2021',
  '/updates/subscribe?type=consultation&audience=parents-carers',
  '/updates/for-websites',
  '/updates/accessibility',
  '/updates/embed?widget=send-news-feed&type=consultation&layout=cards&headingLevel=3',
  '/updates/article/no-such-update',
  '/updates?type=news',
  '/feeds/rss.xml?type=consultation',
];

for (const readerPage of READER_PAGES) {
  test(`reader page ${readerPage}: no axe violations at 320 px and 1024 px, no code identifiers, no errors`, async () => {
    for (const width of [320, 1024]) {
      const { page, problems, response } = await openPage(readerPage, { width });
      try {
        assert.equal(response?.status(), readerPage.includes('no-such') ? 404 : readerPage.includes('type=news') ? 400 : 200);
        assert.match(response?.headers()['content-type'] ?? '', /^text\/html/, 'a person gets a page, a feed opened in the browser included');
        const facets = await apiFacets();
        assert.deepEqual(
          codeLabels(
            await page.evaluate(visibleLabels),
            [...facets.types, ...facets.audiences].map((f) => f.value),
          ),
          [],
        );
        assert.deepEqual(await axeViolations(page), [], `at ${width} px`);
        // Nothing wider than the screen.
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scrolling at ${width} px`);
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    }
  });
}

/** widgets/test/reader-settings-checks.ts compiled for a page, where it becomes `readerChecks` (the widgets' suite uses it too). */
const READER_CHECKS = `globalThis.readerChecks = (() => { const exports = {}; ${
  ts.transpileModule(fs.readFileSync(path.join(import.meta.dirname, '../../widgets/test/reader-settings-checks.ts'), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText
}; return exports; })();`;
declare global {
  var readerChecks: typeof ReaderChecks;
}

/** Tabs through the page once (one press for each control it has, and one more); what `check` said at each focus. */
async function tabThroughPage(page: Page, check: 'focusChange' | 'focusOutline'): Promise<{ element: string; visible: boolean }[]> {
  const controls = await page.evaluate((name) => {
    // From the top of the page, as after it loads.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    const seen: unknown[] = [];
    const note = () => void seen.push(readerChecks[name]());
    document.addEventListener('focusin', note);
    Object.assign(globalThis, { seen, stopNoting: () => document.removeEventListener('focusin', note) });
    return document.querySelectorAll('a[href], button, input, select, textarea, summary').length;
  }, check);
  for (let press = 0; press <= controls; press += 1) await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const { seen, stopNoting } = globalThis as unknown as { seen: { element: string; visible: boolean }[]; stopNoting: () => void };
    stopNoting();
    return seen;
  });
}

test('on every reader page focus shows on each control; in forced colours every shape drawn by a background keeps a border and focus shows as an outline; with wider text spacing at 320 px no text is cut off', async () => {
  for (const readerPage of READER_PAGES) {
    const { page } = await openPage(readerPage, { width: 320 });
    try {
      await page.evaluate(READER_CHECKS);
      // Before any focus: what each control looks like, and the shapes drawn by a background (a focused link is one).
      const shapes = await page.evaluateHandle(() => readerChecks.backgroundShapes(document));
      await page.evaluate(() => readerChecks.noteUnfocusedLooks(document));
      const shown = await tabThroughPage(page, 'focusChange');
      assert.ok(shown.length > 3, `${readerPage}: a keyboard reaches its links (${shown.length})`);
      assert.deepEqual(
        shown.filter(({ visible }) => !visible).map(({ element }) => element),
        [],
        `${readerPage}: controls whose focus does not show`,
      );
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
      assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
      assert.deepEqual(await page.evaluate((each) => readerChecks.unbordered(each), shapes), [], `${readerPage}: shapes without a border`);
      const outlines = await tabThroughPage(page, 'focusOutline');
      assert.deepEqual(
        outlines.filter(({ visible }) => !visible).map(({ element }) => element),
        [],
        `${readerPage}: controls without a visible focus outline in forced colours`,
      );
      const spaced = await page.evaluate(() => {
        readerChecks.widenTextSpacing(document);
        return { clipped: readerChecks.clippedText(document), width: document.documentElement.scrollWidth };
      });
      assert.deepEqual(spaced, { clipped: [], width: 320 }, `${readerPage}: with wider text spacing`);
    } finally {
      await page.close();
    }
  }
});

test('at 320 px an open consultation\u2019s status, closing time and Respond link come before its body', async () => {
  const { page } = await openPage('/updates/consultation/parent-carer-survey-tell-us-what-is-working', { width: 320 });
  try {
    const tops = await page.evaluate(() => {
      const find = (test: (el: Element) => boolean) => [...document.querySelectorAll('main *')].find(test);
      const top = (el: Element | undefined) => (el ? el.getBoundingClientRect().top + window.scrollY : NaN);
      return {
        status: top(find((el) => el.localName === 'h2' && /^Status: Open$/.test(el.textContent?.trim() ?? ''))),
        closes: top(find((el) => el.localName === 'p' && /^Closes at \d/.test(el.textContent?.trim() ?? ''))),
        respond: top(find((el) => el.localName === 'a' && el.textContent?.trim() === 'Respond to this consultation')),
        body: top(find((el) => el.localName === 'p' && (el.textContent ?? '').startsWith('The annual parent carer survey'))),
      };
    });
    for (const [name, top] of Object.entries(tops)) assert.ok(Number.isFinite(top), `${name} is on the page`);
    assert.ok(tops.status < tops.closes && tops.closes < tops.respond && tops.respond < tops.body, `order at 320 px: ${JSON.stringify(tops)}`);
    const respondBox = await page.evaluate(() => {
      const a = [...document.querySelectorAll('a')].find((el) => el.textContent?.trim() === 'Respond to this consultation')!;
      const box = a.getBoundingClientRect();
      return { width: box.width, height: box.height };
    });
    assert.ok(respondBox.height >= 44 && respondBox.width >= 44, `Respond is a large target: ${JSON.stringify(respondBox)}`);
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'item-page-320.png'), fullPage: true });
  } finally {
    await page.close();
  }
});

test('printed, a reader page is dark text on white, without the site\u2019s navigation, each link in its content followed by its address', async () => {
  for (const address of ['/updates/consultation/parent-carer-survey-tell-us-what-is-working', '/updates?type=consultation', '/updates/accessibility']) {
    const { page } = await openPage(address);
    try {
      await page.emulateMediaType('print');
      const printed = await page.evaluate(() => {
        const shown = (el: Element) => getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden';
        const visible = (el: Element | null): boolean => !el || (shown(el) && visible(el.parentElement));
        // Browsers leave backgrounds out on paper, so every text must read against white by its colour alone.
        const luminance = (colour: string) => {
          const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
            const v = Number(c) / 255;
            return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const faint = [...document.querySelectorAll('body *')]
          .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()) && visible(el))
          .filter((el) => !el.closest('.visually-hidden') && 1.05 / (luminance(getComputedStyle(el).color) + 0.05) < 4.5)
          .map((el) => `${el.localName}.${el.className}: ${el.textContent?.trim().slice(0, 40)}`);
        const links = [...document.querySelectorAll<HTMLAnchorElement>('main a[href^="http"], main a[href^="mailto:"]')].filter(visible);
        return {
          faint,
          navigation: ['.breadcrumbs', '.back-link', '.footer', '.skip-link', '.pagination', '.grid__filters'].filter((s) =>
            [...document.querySelectorAll(s)].some(visible),
          ),
          links: links.length,
          unaddressed: links.filter((a) => !getComputedStyle(a, '::after').content.includes(a.getAttribute('href')!)).map((a) => a.textContent?.trim()),
          heading: document.querySelector('h1')?.textContent,
        };
      });
      assert.ok(printed.heading, `${address}: the page's heading is printed`);
      assert.deepEqual(printed.faint, [], `${address}: text too faint on white paper`);
      assert.deepEqual(printed.navigation, [], `${address}: navigation printed`);
      assert.ok(printed.links > 0, `${address}: links in the content`);
      assert.deepEqual(printed.unaddressed, [], `${address}: links printed without their address`);
    } finally {
      await page.close();
    }
  }
});

test('without JavaScript, a reader searches and filters the index, pages through it and opens an item', async () => {
  const { page } = await openPage('/updates', { javaScript: false });
  try {
    await page.type('#q', 'inspections');
    await page.click('input[name=type][value=article]');
    // The Search button beside the box sends the filters chosen below it too.
    await Promise.all([page.waitForNavigation(), page.click('form[role=search] .search-row button[type=submit]::-p-text(Search)')]);
    const url = new URL(page.url());
    assert.equal(url.pathname, '/updates');
    assert.equal(url.searchParams.get('q'), 'inspections');
    const expected = ((await (await fetch(`${base}/api/updates?q=inspections&type=article&pageSize=100`)).json()) as ListResponse).data;
    assert.ok(expected.length > 0);
    const found = await page.$eval('#results', (el) => el.textContent);
    assert.equal(found, `${expected.length} ${expected.length === 1 ? 'update' : 'updates'} found`);
    await Promise.all([page.waitForNavigation(), page.click('.result__title a')]);
    assert.equal(page.url(), expected[0].pageUrl);
    assert.equal(await page.$eval('h1', (el) => el.textContent), expected[0].title);
  } finally {
    await page.close();
  }
});

test('on a phone the index folds its filters behind "Show filters" before it is drawn, so its results start in the first screen', async () => {
  const address = '/updates?type=consultation';
  const shown = (page: Page, selector: string) => page.$eval(selector, (el) => el.getClientRects().length > 0);
  // Without JavaScript every filter shows, on a phone too, and no button that would do nothing.
  const plain = await openPage(address, { width: 320, javaScript: false });
  try {
    assert.deepEqual([await shown(plain.page, 'input[name=type][value=consultation]'), await shown(plain.page, '.filter-toggle')], [true, false]);
  } finally {
    await plain.page.close();
  }

  // Under the page's own Content-Security-Policy, which must allow the inline script that folds them by its hash.
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(String(error)));
  try {
    await page.setViewport({ width: 320, height: 900 });
    await page.evaluateOnNewDocument(`globalThis.shifts = 0;
      new PerformanceObserver((list) => { for (const entry of list.getEntries()) globalThis.shifts += entry.value; }).observe({ type: 'layout-shift', buffered: true });`);
    await page.goto(`${base}${address}`, { waitUntil: 'load' });
    const state = () =>
      page.evaluate(() => {
        const button = document.querySelector('.filter-toggle')!;
        return {
          text: button.textContent,
          expanded: button.getAttribute('aria-expanded'),
          buttonShown: button.getClientRects().length > 0,
          filtersShown: document.querySelector('input[name=type][value=consultation]')!.getClientRects().length > 0,
          searchShown: document.getElementById('q')!.getClientRects().length > 0,
        };
      });
    assert.deepEqual(await state(), { text: 'Show filters (1 chosen)', expanded: 'false', buttonShown: true, filtersShown: false, searchShown: true });
    const firstResult = await page.$eval('.result__title', (el) => el.getBoundingClientRect().bottom);
    assert.ok(firstResult < 900, `the first result ends ${firstResult} px down a 900 px screen`);
    await sleep(300);
    // Folded before the page was drawn, not after: nothing jumps.
    const shift = (await page.evaluate('globalThis.shifts')) as number;
    console.log(`# the index at 320 px, its filters folded: the first result ends ${firstResult} px down, layout shift ${shift.toFixed(4)} over the load`);
    assert.ok(shift < 0.01, `layout shift ${shift}`);
    assert.deepEqual(await axeViolations(page), [], 'folded');

    await page.click('.filter-toggle');
    assert.deepEqual(await state(), { text: 'Hide filters (1 chosen)', expanded: 'true', buttonShown: true, filtersShown: true, searchShown: true });
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('filter-toggle')), true, 'focus stays on the button');
    assert.deepEqual(await axeViolations(page), [], 'open');
    // Another filter chosen and applied, as before; the page comes back folded, counting both.
    await page.click('input[name=audience][value=parents-carers]');
    await Promise.all([page.waitForNavigation(), page.click('#filter-fields button[type=submit]')]);
    assert.deepEqual(new URL(page.url()).searchParams.getAll('audience'), ['parents-carers']);
    assert.deepEqual(await state(), { text: 'Show filters (2 chosen)', expanded: 'false', buttonShown: true, filtersShown: false, searchShown: true });

    // Beside the results, on a wide screen, the filters show and the button does not.
    await page.setViewport({ width: 1024, height: 900 });
    assert.deepEqual([await shown(page, 'input[name=type][value=consultation]'), await shown(page, '.filter-toggle')], [true, false], 'on a wide screen');
    assert.deepEqual(problems, [], 'no Content-Security-Policy violation, no error');
  } finally {
    await page.close();
  }
});

test('the subscribe page\u2019s copy buttons copy the address, under the page\u2019s own security policy', async () => {
  const page = await browser.newPage();
  try {
    await browser.defaultBrowserContext().overridePermissions(base, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    const problems: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(`${base}/updates/subscribe?type=consultation`, { waitUntil: 'load' });
    await page.waitForSelector('button[data-copy="rss-url"]:not([hidden])', { timeout: 5000 });
    await page.click('button[data-copy="rss-url"]');
    await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent === 'Copied to the clipboard.', { timeout: 5000 });
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${base}/feeds/rss.xml?type=consultation`);
    assert.deepEqual(problems, [], 'no Content-Security-Policy violations');
  } finally {
    await page.close();
  }
});

test('on a phone each copy button sits below its field at its own height, and beside it on a wide screen; without script there is none', async () => {
  for (const [address, field] of [
    ['/updates/subscribe', 'rss-url'],
    ['/updates/embed', 'embed-code'],
  ]) {
    // A Copy button that does nothing would be the only thing a reader without script could not use.
    const plain = await openPage(address, { width: 320, javaScript: false });
    try {
      assert.equal(await plain.page.$eval(`button[data-copy="${field}"]`, (el) => el.getClientRects().length), 0, `${address} without script`);
    } finally {
      await plain.page.close();
    }
    for (const width of [320, 1024]) {
      const { page } = await openPage(address, { width });
      try {
        await page.waitForSelector(`button[data-copy="${field}"]:not([hidden])`, { timeout: 5000 });
        const [box, button] = await page.evaluate(
          (id) =>
            [document.getElementById(id)!, document.querySelector(`button[data-copy="${id}"]`)!].map((el) => {
              const { top, bottom, left, right, width, height } = el.getBoundingClientRect();
              return { top, bottom, left, right, width, height };
            }),
          field,
        );
        if (width === 320) {
          assert.ok(button.top >= box.bottom, `${address} at 320 px: the button is below the field (${button.top} >= ${box.bottom})`);
          assert.ok(box.width > 250, `${address} at 320 px: the field takes the width (${box.width} px)`);
        } else assert.ok(button.left >= box.right && button.top < box.bottom, `${address} at 1024 px: the button is beside the field`);
        assert.ok(button.height < 60, `${address} at ${width} px: the button keeps its own height (${button.height} px)`);
      } finally {
        await page.close();
      }
    }
  }
});

test('a partner page on another origin loads the versioned script with its integrity hash, and its lazy chunks', async () => {
  const forWebsites = await (await fetch(`${base}/updates/for-websites`)).text();
  const snippet = /&lt;script type=&quot;module&quot; src=&quot;([^&]+\/send-widgets\.js)&quot; integrity=&quot;([^&]+)&quot;/.exec(forWebsites);
  assert.ok(snippet, 'the snippet for every widget is on the page');
  const [, src, integrity] = snippet;
  assert.match(src, /\/widgets\/v\d+\.\d+\.\d+[^/]*\/send-widgets\.js$/);
  const html = `<!doctype html><html lang="en-GB"><head><title>Partner</title>
    <script type="module" src="${src}" integrity="${integrity}" crossorigin="anonymous"></script></head>
    <body><main><h1>Partner page</h1><send-news-archive api="${base}" heading-level="2"></send-news-archive></main></body></html>`;
  const partner = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  const page = await browser.newPage();
  await page.evaluateOnNewDocument('globalThis.__name = (fn) => fn');
  const scripts: { url: string; status: number }[] = [];
  const problems: string[] = [];
  page.on('response', (r) => r.url().includes('/widgets/') && scripts.push({ url: r.url(), status: r.status() }));
  page.on('pageerror', (error) => problems.push((error as Error).message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  try {
    await page.goto(`http://127.0.0.1:${(partner.address() as AddressInfo).port}/`, { waitUntil: 'load' });
    // Clicked in the page: the archive re-renders its list as facets arrive, which would leave a handle stale.
    const opened = await page.waitForFunction(
      () => {
        const root = document.querySelector('send-news-archive')?.shadowRoot;
        if (root?.querySelector('article .reading-title')) return true;
        (root?.querySelector('a[data-key]') as HTMLElement | null)?.click();
        return false;
      },
      { timeout: 20_000, polling: 500 },
    );
    assert.ok(await opened.jsonValue(), 'the reading view opened');
    const versioned = src.replace(/send-widgets\.js$/, '');
    assert.ok(scripts.length >= 3, `entry, widget chunk and reading-view chunk: ${JSON.stringify(scripts)}`);
    for (const script of scripts) {
      assert.ok(script.url.startsWith(versioned), `${script.url} loads from the versioned folder`);
      assert.equal(script.status, 200, script.url);
    }
    assert.ok(
      scripts.some((s) => /reading-view/.test(s.url)),
      'the lazy reading view loaded',
    );
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
    partner.close();
  }
});

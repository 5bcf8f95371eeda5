/**
 * The XSS corpus (xss-seed.ts) rendered by every widget from the shipped bundle (dist/widgets,
 * served by the partner's own origin), on a partner page with the strict policy the README
 * documents:
 *
 *   default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' <CMS>;
 *   img-src 'self' <CMS> https:; require-trusted-types-for 'script'; trusted-types lit-html
 *
 * The news feed lists every hostile item of each type, the countdown lists every open hostile
 * consultation, and the archive opens each hostile item in its reading view. Each time: no dialog,
 * no violation reported (by report-uri or the securitypolicyviolation event), nothing in the page
 * or any shadow root that runs code or links anywhere unsafe, and the hostile text shown as text.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { launchOptions } from '../helpers/chromium.ts';
import { repoRoot, startCms, type TestCms } from '../helpers/cms.ts';
import { TABS_AT_ONCE, visitInTabs } from './helpers.ts';
import { fieldCount, seedVectors, VECTORS, type SeededItem } from './xss-seed.ts';

let cms: TestCms;
let items: SeededItem[];
let browser: Browser;
let host: http.Server;
let hostOrigin: string;
const reports: string[] = [];

const policy = (cmsOrigin: string) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${cmsOrigin}`,
    // Editors' images come from the media library or any https address.
    `img-src 'self' ${cmsOrigin} https:`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
    'report-uri /csp-report',
  ].join('; ');

/** The partner's site: its page (body from ?body=), the widget files copied from dist/widgets, and a CSP report collector. */
function startHost(cmsOrigin: string) {
  const widgets = path.join(repoRoot, 'dist', 'widgets');
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (req.method === 'POST' && url.pathname === '/csp-report') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => (reports.push(body), res.writeHead(204).end()));
      return;
    }
    if (url.pathname === '/page.html') {
      const body = url.searchParams.get('body') ?? '';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': policy(cmsOrigin) });
      res.end(
        `<!doctype html><html lang="en-GB"><head><title>Partner page</title><script type="module" src="/widgets/send-widgets.js"></script></head><body><h1>Partner</h1>${body}</body></html>`,
      );
      return;
    }
    const file = path.resolve(widgets, `.${url.pathname.replace(/^\/widgets/, '')}`);
    if (url.pathname.startsWith('/widgets/') && file.startsWith(widgets + path.sep) && fs.existsSync(file)) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      res.end(fs.readFileSync(file));
      return;
    }
    res.writeHead(404).end();
  });
}

before(async () => {
  cms = await startCms({ env: { RATE_LIMIT_REQUESTS: '0' } });
  items = await seedVectors(cms.strapi);
  host = startHost(new URL(cms.baseUrl).origin);
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  // "localhost" is another origin than the CMS's 127.0.0.1: a partner page elsewhere.
  hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
  browser = await puppeteer.launch(launchOptions());
});

after(async () => {
  await browser?.close();
  host?.close();
  await cms?.stop();
});

/**
 * Runs in the page (as source text: tsx would add helpers the page does not have). Reads the page
 * and every shadow root: the text, and anything that could run code or lead somewhere unsafe.
 */
const PROBE = `(() => {
  const problems = [];
  let text = '';
  const safe = /^(https?:\\/\\/[^/\\\\]|mailto:|tel:|webcal:\\/\\/[^/\\\\]|#)/i;
  const pending = [document.documentElement];
  while (pending.length) {
    const node = pending.pop();
    if (node.nodeType === 3) { text += node.textContent; continue; }
    if (node.nodeType !== 1 && node.nodeType !== 11) continue;
    if (node.nodeType === 1) {
      const name = node.localName;
      const inShadow = node.getRootNode() !== document;
      if (['script', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link', 'svg', 'math', 'video', 'audio', 'form', 'input', 'button', 'textarea'].includes(name) && inShadow && !(name === 'button' || name === 'form' || name === 'input' || name === 'svg')) problems.push('<' + name + '> in a widget');
      if (name === 'script' && !inShadow && !(node.getAttribute('src') || '').startsWith('/widgets/')) problems.push('a script in the page: ' + node.outerHTML.slice(0, 80));
      for (const attribute of node.attributes) {
        if (attribute.name.startsWith('on')) problems.push('<' + name + ' ' + attribute.name + '>');
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'poster'].includes(attribute.name) && !safe.test(attribute.value.trim()) && !(name === 'script' && attribute.value.startsWith('/widgets/'))) problems.push('<' + name + ' ' + attribute.name + '="' + attribute.value.slice(0, 80) + '">');
      }
    }
    const children = [...node.childNodes];
    if (node.shadowRoot) children.push(node.shadowRoot);
    pending.push(...children);
  }
  return { text: text.replace(/\\s+/g, ' '), problems, violations: window.__violations || [], pwned: window.__pwned || null, wide: document.documentElement.scrollWidth > innerWidth };
})()`;

const normal = (value: string) => value.replace(/\s+/g, ' ').trim();

async function openPage(page: Page, body: string, query = '') {
  await page.goto(`${hostOrigin}/page.html?body=${encodeURIComponent(body)}${query}`, { waitUntil: 'load' });
}

/** Waits until every expected text shows (or 20 s), then returns what the probe saw. */
async function render(page: Page, expected: string[]) {
  let seen = { text: '', problems: [] as string[], violations: [] as string[], pwned: null as unknown, wide: false };
  for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
    seen = (await page.evaluate(PROBE)) as typeof seen;
    if (expected.every((text) => seen.text.includes(normal(text)))) return seen;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const missing = expected.filter((text) => !seen.text.includes(normal(text)));
  assert.fail(`not shown: ${missing.slice(0, 3).join(' | ')} …\npage text: ${seen.text.slice(0, 600)}`);
}

const titleOf = (item: SeededItem) => `${VECTORS[item.vector].vector} #${item.vector}`.slice(0, 200);

describe(`${VECTORS.length} vectors in ${fieldCount()} fields, rendered by every widget from dist/widgets under a strict CSP with Trusted Types, at 320 px`, () => {
  let page: Page;
  const dialogs: string[] = [];

  /** A tab of the partner's page at 320 px, reporting policy violations and dialogs. */
  const probeTab = async () => {
    const tab = await browser.newPage();
    // A vector is also a long word: a phone's screen must not scroll sideways for it.
    await tab.setViewport({ width: 320, height: 640 });
    await tab.evaluateOnNewDocument(
      `document.addEventListener('securitypolicyviolation', (e) => { (window.__violations ||= []).push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')); })`,
    );
    tab.on('dialog', (dialog) => {
      dialogs.push(`${tab.url()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    return tab;
  };

  before(async () => {
    page = await probeTab();
  });
  after(async () => page?.close());

  const assertClean = (seen: Awaited<ReturnType<typeof render>>, where: string) => {
    assert.deepEqual(seen.problems, [], where);
    assert.deepEqual(seen.violations, [], `${where}: CSP or Trusted Types violations`);
    assert.equal(seen.pwned, null, where);
    assert.equal(seen.wide, false, `${where}: the page scrolls sideways at 320 px`);
    assert.deepEqual(dialogs, [], where);
    assert.deepEqual(reports, [], `${where}: reports sent to report-uri`);
  };

  test('the news feed lists every hostile item of each type', async () => {
    const cms = new URL(cmsBase()).origin;
    for (const type of ['article', 'consultation', 'staffing-update'] as const) {
      await openPage(page, `<send-news-feed loading="eager" api="${cms}" type="${type}" limit="100" layout="cards" heading="Latest"></send-news-feed>`);
      // What the feed shows is the API's first 100 of that type: every hostile one among them.
      const listed = (await (await fetch(`${cmsBase()}/api/updates?type=${type}&pageSize=100`)).json()) as { data: { title: string }[] };
      const expected = listed.data.map((item) => item.title).filter((title) => items.some((item) => titleOf(item) === title));
      assert.ok(expected.length >= Math.min(100, VECTORS.length) * 0.7, `${expected.length} hostile ${type} items listed`);
      const seen = await render(page, expected);
      assertClean(seen, `news feed of ${type}`);
    }
  });

  test('the countdown shows each hostile consultation, open or with its outcome', async () => {
    const consultations = items.filter((item) => item.type === 'consultation');
    const origin = new URL(cmsBase()).origin;
    // Twenty to a page, so the page's own address stays short.
    for (let start = 0; start < consultations.length; start += 20) {
      const batch = consultations.slice(start, start + 20);
      await openPage(
        page,
        batch.map((item) => `<send-consultation-countdown loading="eager" api="${origin}" slug="${item.slug}"></send-consultation-countdown>`).join(''),
      );
      const seen = await render(page, batch.map(titleOf));
      assertClean(seen, `countdowns ${start + 1} to ${start + batch.length}`);
    }
  });

  test('the archive opens each hostile item in its reading view', async () => {
    const tabs = [page, ...(await Promise.all(Array.from({ length: TABS_AT_ONCE - 1 }, probeTab)))];
    try {
      await visitInTabs(tabs, items, async (tab, item) => {
        await openPage(
          tab,
          `<send-news-archive loading="eager" api="${new URL(cmsBase()).origin}"></send-news-archive>`,
          `&send-item=${item.type}/${item.slug}`,
        );
        // Its title, body text, link words and facts all show as text.
        const vector = VECTORS[item.vector].vector;
        const seen = await render(tab, [titleOf(item), `${vector} (link)`.slice(0, 200)]);
        assertClean(seen, `reading view of ${item.type}/${item.slug}`);
      });
    } finally {
      await Promise.all(tabs.slice(1).map((tab) => tab.close()));
    }
  });

  test('the check would see a script that ran: the same page with an injected handler reports it', async () => {
    // The control: markup the widgets never make, put in the page by the test itself.
    await openPage(page, `<img src="x" onerror="window.__pwned=1">`);
    const seen = (await page.evaluate(PROBE)) as Awaited<ReturnType<typeof render>>;
    assert.ok(
      seen.problems.some((p) => p.includes('onerror')),
      'the probe sees the handler',
    );
    assert.ok(seen.violations.length > 0, 'the policy blocks and reports the inline handler');
    reports.length = 0;
  });
});

function cmsBase() {
  return cms.baseUrl;
}

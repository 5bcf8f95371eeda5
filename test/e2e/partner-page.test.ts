/**
 * The whole path: the real CMS started as `npm start` starts it, an editor
 * signs in and publishes one item and leaves another as a draft through
 * Strapi's own admin API, and a partner's demo page in headless Chromium
 * shows the published item through the widget, and never the draft.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser } from 'puppeteer-core';
import type { ListResponse } from '../../contract/api';
import { cmsDir, strapiCli, waitForHttp } from '../../scripts/lib/steps.ts';
import { launchOptions } from '../helpers/chromium.ts';

const EDITOR = { email: 'e2e.editor@example.org', password: 'E2e-Editor-Passw0rd' };
const PUBLISHED_TITLE = `Short breaks review: drop-in sessions for families ${Date.now().toString(36)}`;
const DRAFT_TITLE = `Draft only: not yet approved ${Date.now().toString(36)}`;
const DEMO_PAGES = ['/demo/nhs-icb.html', '/demo/college.html', '/demo/local-offer.html'];

let cms: ChildProcess;
let base: string;
let tmp: string;
let browser: Browser;
let token: string | undefined;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'send-e2e-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  cms = spawn(process.execPath, [strapiCli(), 'start'], {
    cwd: cmsDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: base,
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(tmp, 'data.db'),
      LOCAL_EDITOR_EMAIL: EDITOR.email,
      LOCAL_EDITOR_PASSWORD: EDITOR.password,
      LOCAL_EDITOR_FILE: path.join(tmp, 'local-editor.json'),
      LOG_LEVEL: 'warn',
      STRAPI_TELEMETRY_DISABLED: 'true',
    },
  });
  let log = '';
  cms.stdout?.on('data', (d) => (log += d));
  cms.stderr?.on('data', (d) => (log += d));
  try {
    await waitForHttp(`${base}/_health`, { child: cms, timeoutMs: 120_000 });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  browser = await puppeteer.launch(launchOptions());
});

after(async () => {
  await browser?.close();
  if (cms && cms.exitCode === null) {
    cms.kill('SIGTERM');
    await new Promise((resolve) => cms.once('exit', resolve));
  }
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
  const common = { date: today, forParentsAndCarers: true, forChildrenAndYoungPeople: true, forProfessionals: true };
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
      for (const deadline = Date.now() + 20_000; Date.now() < deadline && !text.includes(PUBLISHED_TITLE); ) {
        text = await page.evaluate<[], () => string>(`(${pageText})()`);
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
        seen = await page.evaluate<[], () => string>(`(${pageText})()`);
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
    assert.match(new URL(page.url()).search, /send-item=article%2Fshort-breaks-review-drop-in-sessions|send-item=article\/short-breaks-review-drop-in-sessions/);

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

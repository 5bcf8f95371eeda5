/**
 * The admin as a new editor uses it, in Chromium, against the CMS started as `npm start` starts
 * it (seed content, the local editor account, a SEND editor). The browser is set to New York
 * time, so every UK time shown or stored is the admin's doing, not the computer's.
 *
 * The walkthrough: sign in; write a consultation with its dates, an Easy Read version and a
 * respond link; preview it; schedule it a minute or so ahead; see it appear on a partner demo page;
 * build an embed code and paste it into a blank page on another origin. Each step's time is
 * printed. Besides: closing dates typed in GMT and in BST are stored as the right instants; dates
 * read DD/MM/YYYY; lists show UK times and what is scheduled; the content checks panel; a home
 * page without onboarding or marketing. And throughout, in the admin's tab: no console error (react-intl's
 * MISSING_TRANSLATION among them), no uncaught error, no failed request and nothing loaded with a status of 400 or more.
 *
 * Screenshots for docs/editors.md are taken along the way; DOCS_SCREENSHOTS=1 writes them into
 * docs/images (otherwise into a temporary folder).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import type { ItemResponse, ListResponse } from '../../contract/api';
import { RECENT_ENTRIES } from '../../cms/src/admin/fit-tables.ts';
import { SIGN_IN_ATTEMPTS, SIGN_IN_WINDOW_MINUTES, signInLimitMessage } from '../../cms/src/security/sign-in-limit.ts';
import { RESERVE_SECONDS } from '../../cms/src/pages/snippets.ts';
import { repoRoot } from '../../scripts/lib/steps.ts';
import { launchOptions } from '../helpers/chromium.ts';
import { adminToken, spawnCms, type CmsProcess } from '../helpers/cms.ts';
import { layoutShiftOfLateLoad, widgetBoxes, widgetScriptArrives } from '../helpers/late-script.ts';

const EDITOR = { email: 'new.editor@example.org', password: 'New-Editor-Passw0rd' };
const BROWSER_TIME_ZONE = 'America/New_York';
/** Today in the UK, as the admin's date fields show it (DD/MM/YYYY). */
const todayUk = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
// The database is this suite's own, so the title needs no mark to be told apart (and the guide's screenshots read as an editor's).
const TITLE = 'Short breaks for disabled children: have your say';
const SLUG = 'short-breaks-for-disabled-children-have-your-say';
const SHOTS = process.env.DOCS_SCREENSHOTS ? path.join(repoRoot, 'docs', 'images') : fs.mkdtempSync(path.join(os.tmpdir(), 'send-admin-shots-'));

let cms: CmsProcess | undefined;
let base: string;
let tmp: string;
let browser: Browser;
let page: Page;
let token: string;
const timings: [step: string, seconds: number][] = [];
/** What went wrong in the admin's tab during the walkthrough (its preview frame included), checked by the last test. */
const adminProblems: string[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'send-admin-ui-'));
  cms = await spawnCms({
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(tmp, 'data.db'),
    LOCAL_EDITOR_EMAIL: EDITOR.email,
    LOCAL_EDITOR_PASSWORD: EDITOR.password,
    LOCAL_EDITOR_FILE: path.join(tmp, 'local-editor.json'),
    // Every 5 seconds, so the walkthrough's schedule is kept to within seconds rather than a minute.
    SCHEDULE_CRON: '*/5 * * * * *',
  });
  base = cms.base;
  // The test's own reads of what the admin saved go through the admin API as the same editor.
  token = await adminToken(base, EDITOR);
  browser = await puppeteer.launch(launchOptions());
  page = await browser.newPage();
  await page.emulateTimezone(BROWSER_TIME_ZONE);
  page.on('console', (message) => {
    if (message.type() === 'error' || message.text().includes('MISSING_TRANSLATION'))
      adminProblems.push(`console ${message.type()}: ${message.text()} (${message.location().url ?? 'no source'})`);
  });
  page.on('pageerror', (error) => adminProblems.push(`uncaught: ${String(error)}`));
  page.on('requestfailed', (request) => {
    // Answered, then dropped by the page (the admin lets go of an empty 204, such as "no preview for this type"):
    // the answer's status is checked below.
    if (request.response() && request.failure()?.errorText === 'net::ERR_ABORTED') return;
    adminProblems.push(`failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) adminProblems.push(`${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  // Wide enough for the edit view's side panels (Strapi shows them beside the form from 1440 px).
  await page.setViewport({ width: 1600, height: 1000 });
});

after(async () => {
  // A walkthrough that failed before the scheduled consultation showed leaves its watcher nothing to wait for.
  watching = false;
  if (timings.length)
    console.log(`\nNew editor's walkthrough (seconds):\n${timings.map(([step, s]) => `  ${s.toFixed(1).padStart(6)}  ${step}`).join('\n')}\n`);
  await browser?.close();
  await cms?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  if (!process.env.DOCS_SCREENSHOTS) fs.rmSync(SHOTS, { recursive: true, force: true });
});

async function timed<T>(step: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await fn();
  timings.push([step, (Date.now() - started) / 1000]);
  return result;
}

/** A screenshot for the editors' guide (JPEG, to keep the repository small). */
async function shot(name: string, clip?: ElementHandle | null) {
  const file = path.join(SHOTS, `${name}.jpg`);
  fs.mkdirSync(SHOTS, { recursive: true });
  if (clip) await clip.screenshot({ path: file, type: 'jpeg', quality: 70 });
  else await page.screenshot({ path: file, type: 'jpeg', quality: 70 });
  assert.ok(fs.statSync(file).size > 5_000, `screenshot ${name} is empty`);
}

const text = (of: Page = page) => of.evaluate(() => document.body.innerText);
const button = (name: string) => page.locator(`::-p-aria([name="${name}"][role="button"])`);
const nth = async (selector: string, index: number) => {
  await page.waitForSelector(selector);
  const all = await page.$$(selector);
  assert.ok(all[index], `no ${selector} number ${index + 1}`);
  return all[index];
};

/** Empties a text field as a person would (select all, delete), however the field reformats itself. */
async function clear(input: ElementHandle<HTMLInputElement>) {
  await input.click();
  for (let i = 0; i < 10 && (await input.evaluate((el) => el.value)) !== ''; i += 1) {
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    await sleep(100);
  }
}

/**
 * Types a UK date and time into the n-th date-and-time field of the form, as an editor does: the
 * time first (a new field then takes today's date, and typing the date keeps the time), each
 * taken when the field loses focus.
 */
async function typeDateTime(index: number, date: string, time: string) {
  const timeInput = (await nth('input[aria-label="Time (UK)"]', index)) as ElementHandle<HTMLInputElement>;
  await clear(timeInput);
  await page.keyboard.type(time, { delay: 40 });
  await page.click('h1');
  await sleep(300);
  await typeDate((await nth('input[aria-label="Date (UK)"]', index)) as ElementHandle<HTMLInputElement>, date);
}

/** Types a date (DD/MM/YYYY) into a date field and closes its calendar. */
async function typeDate(input: ElementHandle<HTMLInputElement>, date: string) {
  await clear(input);
  await page.keyboard.type(date, { delay: 40 });
  await page.keyboard.press('Escape');
  await page.click('h1');
  await sleep(300);
}

async function adminApi<T>(pathname: string): Promise<T> {
  const response = await fetch(`${base}${pathname}`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200, `${pathname}: ${response.status}`);
  return (await response.json()) as T;
}

async function save() {
  await button('Save').click();
  await page.waitForFunction(() => /\/api::consultation\.consultation\/[a-z0-9]{20,}/.test(location.pathname), { timeout: 15_000 });
  await sleep(500);
  return page.url().split('/').pop()!.split('?')[0];
}

test('sign in as the local editor: a SEND editor, on a home page without onboarding or marketing', async () => {
  await timed('Sign in', async () => {
    await page.goto(`${base}/admin`, { waitUntil: 'networkidle2' });
    await page.type('input[name=email]', EDITOR.email);
    await page.type('input[name=password]', EDITOR.password);
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle2' }), page.click('button[type=submit]')]);
    await page.waitForFunction(() => /outcomes due/i.test(document.body.innerText));
  });
  await page.waitForFunction(() => /nothing is scheduled/i.test(document.body.innerText) && !/loading widget content/i.test(document.body.innerText));
  const home = await text();
  for (const clutter of [
    'guided tour',
    'Strapi Cloud',
    'Deploy',
    'Project statistics',
    'Introducing the new Media Library',
    'Marketplace',
    'Content-Type Builder',
  ]) {
    assert.ok(!home.toLowerCase().includes(clutter.toLowerCase()), `the home page shows "${clutter}"`);
  }
  assert.match(home, /SEND EDITOR/i);
  // The seed has just saved the search abbreviations list: named for what it is, not by its document id or kind of type.
  assert.match(home, /Last edited entries[\s\S]*Search abbreviations\s+List\b/i);
  assert.doesNotMatch(home, /Single-Type/i);
  assert.match(home, /Outcomes due[\s\S]*Consultation on Worcestershire.s approach to Top Up Funding/i);
  // On a 1366 px laptop screen the recent entries' cards show each row's time and edit link: they were past the
  // card's edge, in a scrolling frame with no scroll bar. The frame clips what is past its edge.
  await page.setViewport({ width: 1366, height: 768 });
  const rows = `${RECENT_ENTRIES} tbody tr`;
  await page.waitForFunction((selector) => document.querySelectorAll(selector).length >= 2, {}, rows);
  const recentEntries = await page.evaluate(
    (selector) =>
      [...document.querySelectorAll(selector)].map((row) => {
        const frame = row.closest('[data-radix-scroll-area-viewport]')!.getBoundingClientRect();
        const cells = [...row.querySelectorAll('td')];
        const fits = cells.every((cell) => cell.getBoundingClientRect().right <= frame.right + 0.5);
        const titleWidth = cells[0].getBoundingClientRect().width;
        const height = row.getBoundingClientRect().height;
        return `${cells[3].textContent.trim()}: ${fits ? 'every cell in view' : 'past the edge'}, title ${titleWidth >= 110 ? 'readable' : `${titleWidth} px wide`}, row ${height <= 70 ? 'one badge high' : `${height} px high`}`;
      }),
    rows,
  );
  for (const row of recentEntries) assert.match(row, /ago: every cell in view, title readable, row one badge high$/, row);
  await page.setViewport({ width: 1600, height: 1000 });
  await shot('home');
});

test('a consultation is written with its dates, an Easy Read version and a respond link; dates read DD/MM/YYYY and a closing time in GMT is saved as its instant', async () => {
  const id = await timed('Write a consultation with dates, an Easy Read version and a respond link', async () => {
    await page.goto(`${base}/admin/content-manager/collection-types/api::consultation.consultation/create`, { waitUntil: 'networkidle2' });
    await page.waitForSelector('input[name=title]');
    const order = await page.evaluate(() =>
      [...document.querySelectorAll('label')]
        .map((l) => l.textContent?.replace('*', '').trim())
        .filter(Boolean)
        .slice(0, 4),
    );
    assert.deepEqual(order, ['Title', 'Opens at (UK time)', 'Closes at (UK time)', 'How to respond (link)']);
    await page.type('input[name=title]', TITLE);
    await typeDateTime(0, todayUk, '00:00');
    await typeDateTime(1, '12/02/2027', '14:32');
    await page.type('input[name=respondUrl]', 'https://consult.example.gov.uk/short-breaks');
    await page.type('textarea[name=summary]', 'We are changing how short breaks are offered. Tell us what works for your family.');
    await typeDate((await nth('input[name=date]', 0)) as ElementHandle<HTMLInputElement>, todayUk);
    // Who it is for: picked by name from the list.
    await page.click('input[name=audiences]');
    await page.locator('::-p-aria([name="Parents and carers"][role="option"])').click();
    // The one Easy Read field: a link here (or an uploaded file).
    await page.locator('::-p-text(No entry yet. Click to add one.)').click();
    await page.waitForSelector('input[name="easyReadVersion.title"]');
    await page.type('input[name="easyReadVersion.title"]', 'Have your say (Easy Read)');
    await page.type('input[name="easyReadVersion.url"]', 'https://www.example.gov.uk/short-breaks-easy-read.pdf');
    await shot('consultation-form', await page.$('main'));
    return save();
  });

  const shown = await page.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('input[aria-label="Date (UK)"]')].slice(0, 2).map((i) => i.value));
  assert.deepEqual(shown, [todayUk, '12/02/2027'], 'dates are not shown DD/MM/YYYY');
  assert.match(await text(), /Saved as 2:32pm on Friday 12 February 2027 \(GMT\)/);
  const { data } = await adminApi<{ data: { closesAt: string; opensAt: string; easyReadVersion: { url: string } } }>(
    `/content-manager/collection-types/api::consultation.consultation/${id}`,
  );
  assert.equal(data.closesAt, '2027-02-12T14:32:00.000Z', 'a GMT closing time was stored as the wrong instant');
  assert.equal(data.easyReadVersion.url, 'https://www.example.gov.uk/short-breaks-easy-read.pdf');
  // The checks beside a closed consultation with no outcome: "Outcome due".
  await page.goto(`${base}/admin/content-manager/collection-types/api::consultation.consultation`, { waitUntil: 'networkidle2' });
  await page.locator('::-p-text(Consultation on Worcestershire’s approach)').click();
  await page.waitForFunction(() => document.querySelector('[data-content-checks]')?.textContent?.includes('Outcome due'));
  await shot('content-checks');
  consultationId = id;
});
let consultationId = '';

test('a closing date in summer time (BST) is stored as the right instant too', async () => {
  await page.goto(`${base}/admin/content-manager/collection-types/api::consultation.consultation/${consultationId}`, { waitUntil: 'networkidle2' });
  await typeDateTime(1, '12/07/2027', '14:32');
  assert.match(await text(), /Saved as 2:32pm on Monday 12 July 2027 \(BST\)/);
  await button('Save').click();
  await sleep(1500);
  const { data } = await adminApi<{ data: { closesAt: string } }>(`/content-manager/collection-types/api::consultation.consultation/${consultationId}`);
  assert.equal(data.closesAt, '2027-07-12T13:32:00.000Z', 'a BST closing time was stored as the wrong instant');
  // Back to the GMT date for the rest of the walkthrough.
  await typeDateTime(1, '12/02/2027', '14:32');
  await button('Save').click();
  await sleep(1500);
});

/** Reloads the NHS ICB demo page every 5 s, as a reader would, until the scheduled consultation shows (4 minutes at most). */
async function watchDemoPage(): Promise<{ appearedAt: number }> {
  const watcher = await puppeteer.launch(launchOptions());
  try {
    const demo = await watcher.newPage();
    // A browser keeps the API's answers for their max-age (a minute), which would time the cache rather than the schedule.
    await demo.setCacheEnabled(false);
    const deadline = Date.now() + 4 * 60_000;
    for (;;) {
      await demo.goto(`${base}/demo/nhs-icb.html`, { waitUntil: 'networkidle2' });
      const shown = await demo.evaluate(
        `(() => { let t = ''; const p = [document.body]; while (p.length) { const n = p.pop(); if (n.nodeType === 3) t += n.textContent; else { p.push(...n.childNodes); if (n.shadowRoot) p.push(n.shadowRoot); } } return t; })()`,
      );
      if (String(shown).includes(TITLE)) return { appearedAt: Date.now() };
      if (Date.now() > deadline || !watching) throw new Error('the scheduled consultation never appeared on the partner demo page');
      await sleep(5_000);
    }
  } finally {
    await watcher.close();
  }
}

test('the edit view previews the draft on its real page', async () => {
  await timed('Preview it', async () => {
    await page.goto(`${base}/admin/content-manager/collection-types/api::consultation.consultation/${consultationId}`, { waitUntil: 'networkidle2' });
    await page.locator('::-p-text(Open preview)').click();
    const frame = await page.waitForFrame((f) => f.url().includes('preview='), { timeout: 15_000 });
    await frame.waitForFunction(() => document.body.innerText.includes('have your say'));
    const preview = await frame.evaluate(() => document.body.innerText);
    assert.match(preview, /Preview\. This is how the item will look to readers/);
    assert.match(preview, /Closes at 2:32pm on Friday 12 February 2027/);
    assert.match(preview, /Easy Read/);
    await sleep(1000);
  });
  await shot('preview');
  // Nobody without the link sees the draft.
  const { data } = (await (await fetch(`${base}/api/updates?type=consultation&pageSize=100`)).json()) as ListResponse;
  assert.ok(!data.some((item) => item.title === TITLE));
});

/**
 * When the scheduled consultation first showed on the partner demo page, watched from a browser of its own (a tab
 * behind the walkthrough's would draw no frames, and the widgets fetch only once they are near the viewport) while
 * the walkthrough goes on: the wait is up to a minute and a half, the admin's times being whole minutes.
 */
let appearance: Promise<{ appearedAt: number } | { error: Error }> | undefined;
let watching = true;
let scheduledAt = new Date(0);
let scheduleSaved = 0;

test('scheduled a minute or so ahead, the list shows the schedule', async () => {
  /** The next whole minute (the admin takes whole minutes) at least `ahead` ms from now, and its UK date and time as typed. */
  const scheduleTime = (ahead: number) => {
    const when = new Date(Date.now() + ahead);
    when.setUTCSeconds(0, 0);
    when.setUTCMinutes(when.getUTCMinutes() + 1);
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/London',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(when)
        .map((p) => [p.type, p.value]),
    );
    return { when, date: `${parts.day}/${parts.month}/${parts.year}`, time: `${parts.hour}:${parts.minute}` };
  };
  let at = new Date(0);
  await timed('Schedule it for the next whole minute at least 30 s ahead', async () => {
    await page.goto(`${base}/admin/content-manager/collection-types/api::consultation.consultation/${consultationId}`, { waitUntil: 'networkidle2' });
    // Chosen once the form is open: typing and saving take seconds, and a time already past is refused.
    const { when, date, time } = scheduleTime(30_000);
    at = when;
    await typeDateTime(2, date, time);
    await button('Save').click();
    await sleep(1500);
    assert.ok(Date.now() < at.getTime(), 'saved after the time chosen');
    const { data } = await adminApi<{ data: { publishAt: string } }>(`/content-manager/collection-types/api::consultation.consultation/${consultationId}`);
    assert.equal(data.publishAt, at.toISOString());
  });
  scheduledAt = at;
  scheduleSaved = Date.now();
  appearance = watchDemoPage().catch((error: Error) => ({ error }));
  await page.goto(`${base}/admin/content-manager/collection-types/api::consultation.consultation`, { waitUntil: 'networkidle2' });
  await page.waitForFunction((title) => document.body.innerText.includes(title), {}, TITLE);
  const list = await text();
  assert.match(list, /\bContent\b[\s\S]*Consultations[\s\S]*\bLists\b[\s\S]*Search abbreviations/i, 'the content manager names its groups for editors');
  assert.doesNotMatch(list, /Collection Types|Single Types/i);
  assert.ok(list.includes('12 Feb 2027, 2:32pm'), 'the list does not show the closing time in UK time');
  const ukClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hourCycle: 'h12' })
    .format(at)
    .replace(/\s/g, '')
    .replace(':00', '');
  assert.ok(
    list.includes(
      `Publishes ${new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric' }).format(at)}, ${ukClock}`,
    ),
    'the list does not show what is scheduled',
  );
  await shot('list');
  // On a 1366 px laptop screen each list shows the schedule, each item's status and its row menu without scrolling
  // sideways: in view of the window and of the table's own scrolling frame, which clips what is past its edge.
  await page.setViewport({ width: 1366, height: 768 });
  for (const type of ['consultation', 'article', 'staffing-update']) {
    await page.goto(`${base}/admin/content-manager/collection-types/api::${type}.${type}`, { waitUntil: 'networkidle2' });
    await page.waitForSelector('tbody tr');
    // No named functions inside: the test runner's transform would wrap them in a helper the page lacks.
    const columns = await page.evaluate(() => {
      const frame = document.querySelector('table')!.parentElement!.getBoundingClientRect();
      const menu = document.querySelector('tbody tr td:last-child button');
      const shown: [string, Element][] = [...document.querySelectorAll('thead th')]
        .filter((th) => /^(Scheduled \(UK time\)|Status)$/i.test(th.textContent.trim()))
        .map((th) => [th.textContent.trim().toLowerCase(), th]);
      if (menu) shown.push([`row menu (${menu.textContent?.trim()})`, menu]);
      return shown.map(
        ([name, element]) =>
          `${name} ${element.getBoundingClientRect().right <= Math.min(window.innerWidth, frame.right) ? 'on screen' : 'past the right edge'}`,
      );
    });
    assert.deepEqual(columns, ['scheduled (uk time) on screen', 'status on screen', 'row menu (Row actions) on screen'], `the ${type} list at 1366 px`);
  }
  // The search abbreviations list, a form with no title field, is headed by its name (it was headed by its document id).
  await page.goto(`${base}/admin/content-manager/single-types/api::search-abbreviation.search-abbreviation`, { waitUntil: 'networkidle2' });
  await page.waitForFunction(() => document.body.innerText.includes('EHCNA'));
  assert.equal(await page.$eval('h1', (h1) => h1.textContent.trim()), 'Search abbreviations');
  await page.setViewport({ width: 1600, height: 1000 });
});

// While the scheduled consultation is awaited, steps that do not touch it.
test('an embed code built on /updates/embed works in a blank page on another origin', async () => {
  const code = await timed('Build an embed code and paste it into a blank page', async () => {
    const builder = await browser.newPage();
    try {
      await builder.goto(`${base}/updates/embed`, { waitUntil: 'networkidle2' });
      // Only the chosen widget's fields show: the countdown's consultation list while the countdown is chosen.
      const shown = (selector: string) => builder.$eval(selector, (element) => (element as HTMLElement).offsetParent !== null);
      assert.deepEqual([await shown('#type-consultation'), await shown('#consultation')], [true, false], 'news feed chosen');
      await builder.click('#widget-send-consultation-countdown');
      await builder.waitForFunction(() => (document.getElementById('consultation') as HTMLElement).offsetParent !== null);
      assert.equal(await shown('#type-consultation'), false, 'countdown chosen: no news feed filters');
      await builder.click('#widget-send-news-feed');
      await builder.click('#type-consultation');
      await builder.select('#layout', 'cards');
      await builder.select('#headingLevel', '3');
      // Each change asks the server again; wait for the answer to the last, or the rule measured below may be an earlier
      // choice's (a list's height for cards).
      await builder.waitForFunction(() =>
        ['type="consultation"', 'layout="cards"', 'heading-level="3"'].every((attribute) =>
          (document.getElementById('embed-code') as HTMLTextAreaElement).value.includes(attribute),
        ),
      );
      await builder.waitForFunction(() => document.querySelector('#embed-preview send-news-feed')?.shadowRoot?.textContent?.includes('Consultation'));
      // The stylesheet rule that keeps the widget's space before its script runs: on wide screens the preview's height,
      // in whole rem; on phones a copy's, measured out of sight (and taller, the column being narrower).
      const measured = await builder.waitForFunction(() => {
        const widget = document.querySelector('#embed-preview send-news-feed')!;
        const { height, width } = widget.getBoundingClientRect();
        const rem = Math.floor(height / parseFloat(getComputedStyle(document.documentElement).fontSize));
        const rule = (document.getElementById('embed-css') as HTMLTextAreaElement).value;
        // Each height in rem, and never under 16 px a rem, as the widgets' own text.
        const heights = [...rule.matchAll(/min-height: max\((\d+)rem, (\d+)px\);/g)].filter((match) => Number(match[2]) === Number(match[1]) * 16);
        const [phone, wide] = heights.map((match) => Number(match[1]));
        const measuring = document.querySelector('.embed-measure');
        return !widget.shadowRoot?.querySelector('.loading') && !measuring && wide === rem ? { rule, width, phone, wide } : null;
      });
      const { rule, width, phone, wide } = (await measured.jsonValue()) as { rule: string; width: number; phone: number; wide: number };
      assert.ok(phone > wide, `on a phone ${phone}rem, wider ${wide}rem`);
      await builder.setViewport({ width: 1280, height: 1150 });
      await builder.screenshot({ path: path.join(SHOTS, 'embed.jpg'), type: 'jpeg', quality: 70 });
      return { html: await builder.$eval('#embed-code', (field) => (field as HTMLTextAreaElement).value), rule, width };
    } finally {
      await builder.close();
    }
  });
  assert.match(code.rule, /^send-news-feed:not\(:defined\) \{\n {2}display: block;\n {2}min-height: max\(\d+rem, \d+px\);\n/m);
  assert.match(
    code.html,
    new RegExp(
      `<script type="module" src="${base}/widgets/v\\d+\\.\\d+\\.\\d+[^"]*/send-news-feed\\.js" integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous"></script>`,
    ),
  );
  // Inside the element, a link for readers whose browser runs no script: the same choice on the CMS's own page.
  assert.match(
    code.html,
    new RegExp(
      `<send-news-feed api="${base}" type="consultation" layout="cards" limit="5" heading-level="3"><a href="${base}/updates\\?type=consultation">[^<]+</a></send-news-feed>`,
    ),
  );

  // A partner's blank page, on another origin, with nothing but the pasted code and rule, in a column as wide as
  // the preview's, and a footer after it that would jump if the widget's space were not kept.
  // At /small-root the page sets its root's text to 10 px (62.5 %), as many sites do; the widget's text stays 16 px.
  const partner = http.createServer((request, response) => {
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    const root = request.url === '/small-root' ? 'html { font-size: 62.5% }' : '';
    response.end(
      `<!doctype html><html lang="en-GB"><head><title>Partner</title><style>${root} main { max-width: ${code.width}px } footer { min-height: 20rem } ${code.rule}</style></head>` +
        `<body><main><h2>SEND consultations</h2>\n${code.html}\n</main><footer><p>More from the partner</p></footer></body></html>`,
    );
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  const blank = await browser.newPage();
  await blank.setViewport({ width: 1280, height: 1400 });
  const problems: string[] = [];
  blank.on('pageerror', (error) => problems.push(String(error)));
  blank.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  // The script arrives 400 ms late, so the page paints first with the bare element, whose space the rule keeps.
  await widgetScriptArrives(blank, 400);
  try {
    // localhost is another origin than 127.0.0.1.
    await blank.goto(`http://localhost:${(partner.address() as AddressInfo).port}/`, { waitUntil: 'networkidle2' });
    const shown = await blank.waitForFunction(
      () => {
        // The widget's heading at the chosen level 3, its items' titles one below.
        const root = document.querySelector('send-news-feed')?.shadowRoot;
        const titles = [...(root?.querySelectorAll('h4') ?? [])].map((h) => h.textContent?.trim() ?? '');
        return titles.length > 0 && root?.querySelector('h3') ? titles : null;
      },
      { timeout: 20_000 },
    );
    const titles = (await shown.jsonValue()) as string[];
    const { data } = (await (await fetch(`${base}/api/updates?type=consultation&pageSize=5`)).json()) as ListResponse;
    assert.deepEqual(
      titles,
      data.map((item) => item.title),
      'the pasted widget does not show the consultations',
    );
    await sleep(300);
    const { shift } = await layoutShiftOfLateLoad(blank);
    console.log(
      `# the pasted widget with the rule (${code.rule.match(/min-height: [^;]+/g)?.join(', ')}): layout shift ${shift.toFixed(4)} over the whole load`,
    );
    assert.ok(shift < 0.1, `layout shift ${shift} under the 0.1 "good" threshold`);
    assert.deepEqual(problems, []);

    // On a phone, and on a page whose root text is 10 px (the widget's stays 16 px), the rule keeps the space too: the
    // bare element is at least as tall as the widget it becomes, less the rule's rounding down to whole rem.
    const loadOn = async (viewport: { width: number; height: number }, pagePath: string) => {
      const page = await browser.newPage();
      await page.setViewport(viewport);
      await widgetScriptArrives(page, 400);
      try {
        await page.goto(`http://localhost:${(partner.address() as AddressInfo).port}${pagePath}`, { waitUntil: 'domcontentloaded' });
        const [kept] = await widgetBoxes(page);
        await page.waitForFunction(
          () => {
            const root = document.querySelector('send-news-feed')?.shadowRoot;
            return root?.querySelector('h4') && !root.querySelector('.loading');
          },
          { timeout: 20_000 },
        );
        await sleep(300);
        const [loaded] = await widgetBoxes(page);
        return { kept: kept.height, loaded: loaded.height, ...(await layoutShiftOfLateLoad(page)) };
      } finally {
        await page.close();
      }
    };
    for (const [what, viewport, pagePath] of [
      ['on a phone 375 px wide', { width: 375, height: 812 }, '/'],
      ['on a page with a 10 px root', { width: 1280, height: 1400 }, '/small-root'],
    ] as const) {
      const load = await loadOn(viewport, pagePath);
      console.log(`# ${what}: ${load.kept} px kept for ${load.loaded} px, layout shift ${load.shift.toFixed(4)} over the whole load`);
      assert.ok(load.kept >= load.loaded - 16, `${what}: ${load.kept} px kept for a widget ${load.loaded} px tall`);
      assert.ok(load.shift < 0.1, `${what}: layout shift ${load.shift} under the 0.1 "good" threshold`);
    }

    // Where the script never arrives (the CMS down, a blocker), the rule gives the space back after its time, around the link.
    const stranded = await browser.newPage();
    await stranded.setViewport({ width: 1280, height: 1400 });
    await widgetScriptArrives(stranded, 'never');
    try {
      await stranded.goto(`http://localhost:${(partner.address() as AddressInfo).port}/`, { waitUntil: 'load' });
      const [kept] = await widgetBoxes(stranded);
      // A tab in the background draws no frames, and its animations wait for it.
      await stranded.bringToFront();
      await sleep(RESERVE_SECONDS * 1000 + 500);
      const [left] = await widgetBoxes(stranded);
      assert.ok(
        kept.height > 200 && kept.link && left.height < 60 && left.link,
        `kept ${JSON.stringify(kept)}, then after ${RESERVE_SECONDS} s ${JSON.stringify(left)}`,
      );
    } finally {
      await stranded.close();
    }
  } finally {
    await blank.close();
    partner.close();
  }
});

test('the sign-in page names the service, and after five wrong passwords says how long to wait', async () => {
  // A tab of its own: its refusals are the point here, not problems of the walkthrough's tab.
  const context = await browser.createBrowserContext();
  try {
    const signIn = await context.newPage();
    await signIn.goto(`${base}/admin/auth/login`, { waitUntil: 'networkidle2' });
    const heading = await signIn.$eval('h1', (h1) => h1.textContent);
    assert.equal(heading, 'SEND updates');
    assert.doesNotMatch(await text(signIn), /strapi/i);
    // An address with no account: the limit counts per email address, so the editor's own is not held up.
    const answers: number[] = [];
    for (let attempt = 1; attempt <= SIGN_IN_ATTEMPTS + 1; attempt += 1) {
      await signIn.locator('input[name=email]').fill('mistyped.address@example.org');
      await signIn.locator('input[name=password]').fill(`Wrong-password-${attempt}`);
      const [answer] = await Promise.all([signIn.waitForResponse((response) => response.url().endsWith('/admin/login')), signIn.click('button[type=submit]')]);
      answers.push(answer.status());
    }
    await signIn.waitForFunction(() => /too many sign-in attempts/i.test(document.body.innerText));
    assert.deepEqual(answers, [...Array.from({ length: SIGN_IN_ATTEMPTS }, () => 400), 429]);
    const shown = await text(signIn);
    assert.ok(shown.includes(signInLimitMessage('/admin/login', SIGN_IN_WINDOW_MINUTES)), shown);
  } finally {
    await context.close();
  }
});

test('the scheduled consultation appears on a partner demo page on time', async () => {
  assert.ok(appearance, 'nothing was scheduled');
  const seen = await appearance;
  if ('error' in seen) throw seen.error;
  timings.push(['Wait for it to appear on a partner demo page (the NHS ICB page), from saving the schedule', (seen.appearedAt - scheduleSaved) / 1000]);
  assert.ok(seen.appearedAt >= scheduledAt.getTime(), 'published before its time');
  console.log(
    `# on the partner page ${((seen.appearedAt - scheduledAt.getTime()) / 1000).toFixed(1)} s after the time chosen (the page is reloaded every 5 s)`,
  );
  const { data } = (await (await fetch(`${base}/api/updates/consultation/${SLUG}`)).json()) as ItemResponse;
  assert.ok(
    Date.parse(data.publishedAt) >= scheduledAt.getTime() && Date.parse(data.publishedAt) < scheduledAt.getTime() + 30_000,
    `published at ${data.publishedAt}, scheduled for ${scheduledAt.toISOString()}`,
  );
});

test('the admin logged no console error (no MISSING_TRANSLATION) and loaded nothing that failed or answered 400 or more', () => {
  // Each problem once, with how often it happened (a missing translation is reported on every render).
  const times = new Map<string, number>();
  for (const problem of adminProblems) times.set(problem, (times.get(problem) ?? 0) + 1);
  assert.deepEqual(
    [...times].map(([problem, n]) => (n > 1 ? `${n}× ${problem}` : problem)),
    [],
  );
});

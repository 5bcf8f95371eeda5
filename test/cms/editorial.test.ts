/**
 * What editors get (issue 11), against a real Strapi on a throwaway database (SQLite, or
 * PostgreSQL with TEST_DB=postgres), through Strapi's own admin API as the admin uses it:
 * the two roles and each of their limits, slugs from titles and old addresses that keep working,
 * scheduled publishing and unpublishing across clock changes, content checks that stop a publish,
 * previews of drafts through signed links, webhooks on publish, the local editor account, the
 * move of old form data, and a label and help text on every field.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ItemResponse } from '../../contract/api';
import { catalogueOf } from '../../cms/src/catalogue/catalogue.ts';
import { checkItem, FEED_SUMMARY_CHARACTERS } from '../../cms/src/content-checks/checks.ts';
import { londonTime } from '../../cms/src/lib/london-time.ts';
import { createPreviewToken } from '../../cms/src/preview/token.ts';
import { runDueSchedules } from '../../cms/src/scheduling/schedule.ts';
import { applyOldFields, captureOldFields } from '../../cms/src/seed/editor-form-migration.ts';
import { ensureLocalEditor } from '../../cms/src/seed/local-editor.ts';
import { CONTRIBUTOR, SEND_EDITOR } from '../../cms/src/seed/roles.ts';
import { adminServices, contentManager, type AdminUser } from '../../cms/src/lib/strapi-services.ts';
import { startCms, type TestCms } from '../helpers/cms.ts';

const ARTICLE = 'api::article.article';
const CONSULTATION = 'api::consultation.consultation';
const CM = '/content-manager/collection-types';
const unique = Date.now().toString(36);

let cms: TestCms;
let base: string;
/** Strapi's admin API answers, as far as these tests read them (parsed, not checked: the assertions do that). */
type AdminBody = {
  data: { documentId: string; slug: string | null; status: string; url: string };
  results: { name: string }[];
  error: { message: string };
};
type Answer<Body> = { status: number; body: Body };
type Session = <Body = AdminBody>(method: string, pathname: string, body?: unknown) => Promise<Answer<Body>>;
let editor: Session;
let contributor: Session;
let superAdmin: Session;

/** An admin account with the given role, signed in once (Strapi limits sign-ins per address). */
async function signIn(role: 'editor' | 'contributor' | 'super'): Promise<Session> {
  const { roles, users } = adminServices(cms.strapi);
  const roleRow = role === 'super' ? await roles.getSuperAdmin() : await roles.findOne({ code: role === 'editor' ? SEND_EDITOR.code : CONTRIBUTOR.code });
  assert.ok(roleRow, `no ${role} role`);
  const email = `${role}.${unique}@example.org`;
  const password = 'Test-Passw0rd-1';
  await users.create({ email, firstname: role, password, roles: [roleRow.id], isActive: true, registrationToken: null });
  const login = await fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const json = (await login.json()) as { data: { token?: string; accessToken?: string } };
  const token = json.data.token ?? json.data.accessToken;
  assert.ok(token, `${role} could not sign in`);
  return async <Body = AdminBody>(method: string, pathname: string, body?: unknown): Promise<Answer<Body>> => {
    const isForm = body instanceof FormData;
    const response = await fetch(`${base}${pathname}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined || isForm ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed as Body };
  };
}

const article = (title: string, extra: Record<string, unknown> = {}) => ({ title, summary: `About ${title}.`, date: '2026-11-01', ...extra });

before(async () => {
  cms = await startCms();
  base = cms.baseUrl;
  editor = await signIn('editor');
  contributor = await signIn('contributor');
  superAdmin = await signIn('super');
});
after(async () => {
  await cms?.stop();
});

describe('roles: each permission boundary through the admin API', () => {
  test('a SEND editor creates, edits, publishes, unpublishes and deletes news, consultations and service updates', async () => {
    for (const [uid, data] of [
      [ARTICLE, article(`Editor news ${unique}`)],
      [CONSULTATION, { ...article(`Editor consultation ${unique}`), opensAt: '2027-01-04T09:00:00.000Z', closesAt: '2027-02-04T23:59:00.000Z' }],
      ['api::staffing-update.staffing-update', { ...article(`Editor service update ${unique}`), service: 'Educational Psychology' }],
    ] as const) {
      const created = await editor('POST', `${CM}/${uid}`, data);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.data.documentId;
      assert.equal((await editor('PUT', `${CM}/${uid}/${id}`, { summary: 'Edited.' })).status, 200);
      assert.equal((await editor('POST', `${CM}/${uid}/${id}/actions/publish`, {})).status, 200);
      assert.equal((await editor('POST', `${CM}/${uid}/${id}/actions/unpublish`, {})).status, 200);
      assert.equal((await editor('DELETE', `${CM}/${uid}/${id}`)).status, 200);
    }
  });

  test('a SEND editor uploads a document and keeps topics, and has no settings', async () => {
    const form = new FormData();
    form.append('files', new Blob([Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')], { type: 'application/pdf' }), 'plan.pdf');
    const upload = await editor('POST', '/upload', form);
    assert.equal(upload.status, 201, JSON.stringify(upload.body));
    assert.equal((await editor('POST', `${CM}/api::topic.topic`, { name: `Topic ${unique}`, slug: `topic-${unique}` })).status, 201);
    for (const settings of ['/admin/roles', '/admin/users', '/admin/webhooks', '/admin/api-tokens', '/upload/settings']) {
      assert.equal((await editor('GET', settings)).status, 403, `${settings} is open to a SEND editor`);
    }
  });

  test('a Contributor writes drafts but cannot publish, unpublish, delete or schedule', async () => {
    const created = await contributor('POST', `${CM}/${ARTICLE}`, article(`Contributor draft ${unique}`));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.data.documentId;
    assert.equal((await contributor('PUT', `${CM}/${ARTICLE}/${id}`, { summary: 'A better summary.' })).status, 200);
    assert.equal((await contributor('POST', `${CM}/${ARTICLE}/${id}/actions/publish`, {})).status, 403);
    assert.equal((await contributor('DELETE', `${CM}/${ARTICLE}/${id}`)).status, 403);

    // Scheduling would publish for them: the field is not theirs to set, so it is not saved.
    await contributor('PUT', `${CM}/${ARTICLE}/${id}`, { publishAt: '2030-01-01T09:00:00.000Z' });
    const draft = await cms.strapi.documents(ARTICLE).findOne({ documentId: id, status: 'draft' });
    assert.equal(draft?.publishAt ?? null, null);

    // An editor publishes it; the Contributor still cannot take it down.
    assert.equal((await editor('POST', `${CM}/${ARTICLE}/${id}/actions/publish`, {})).status, 200);
    assert.equal((await contributor('POST', `${CM}/${ARTICLE}/${id}/actions/unpublish`, {})).status, 403);
    for (const settings of ['/admin/roles', '/admin/users', '/admin/webhooks']) assert.equal((await contributor('GET', settings)).status, 403);
  });

  test('both roles pick audiences from the labelled list, and neither can change the list', async () => {
    for (const session of [editor, contributor]) {
      const list = await session('GET', `${CM}/api::audience.audience`);
      assert.equal(list.status, 200);
      assert.deepEqual(list.body.results.map((a) => a.name).sort(), ['Children and young people', 'Parents and carers', 'Professionals']);
      assert.equal((await session('POST', `${CM}/api::audience.audience`, { name: 'Everyone', value: 'everyone' })).status, 403);
    }
  });
});

describe('slugs from titles', () => {
  test('an item saved without a slug gets one from its title, unique in its type, and an editor can change it', async () => {
    const title = `Short breaks: new providers ${unique}`;
    const first = await editor('POST', `${CM}/${ARTICLE}`, article(title));
    const second = await editor('POST', `${CM}/${ARTICLE}`, article(title));
    assert.equal(first.body.data.slug, `short-breaks-new-providers-${unique}`);
    assert.equal(second.body.data.slug, `short-breaks-new-providers-${unique}-1`);
    const renamed = await editor('PUT', `${CM}/${ARTICLE}/${second.body.data.documentId}`, { slug: `new-short-break-providers-${unique}` });
    assert.equal(renamed.body.data.slug, `new-short-break-providers-${unique}`);
  });

  test('a published item keeps its slug when it is cleared, and its old address leads to the new one when an editor changes it', async () => {
    const created = await editor('POST', `${CM}/${ARTICLE}`, article(`Transport review ${unique}`));
    const id = created.body.data.documentId;
    const oldSlug = created.body.data.slug;
    await editor('POST', `${CM}/${ARTICLE}/${id}/actions/publish`, {});
    const cleared = await editor('PUT', `${CM}/${ARTICLE}/${id}`, { title: `Home to school transport review ${unique}`, slug: '' });
    assert.equal(cleared.body.data.slug, oldSlug, 'a published slug changed without the editor changing it');

    await editor('PUT', `${CM}/${ARTICLE}/${id}`, { slug: `home-to-school-transport-review-${unique}` });
    await editor('POST', `${CM}/${ARTICLE}/${id}/actions/publish`, {});
    // The catalogue takes the publish once its transaction commits: a moment later at most.
    let moved = await fetch(`${base}/updates/article/${oldSlug}`, { redirect: 'manual' });
    for (let tries = 0; moved.status !== 301 && tries < 30; tries += 1) {
      await new Promise((r) => setTimeout(r, 100));
      moved = await fetch(`${base}/updates/article/${oldSlug}`, { redirect: 'manual' });
    }
    assert.equal(moved.status, 301);
    assert.equal(moved.headers.get('location'), `${base}/updates/article/home-to-school-transport-review-${unique}`);
    assert.equal((await fetch(`${base}/updates/article/home-to-school-transport-review-${unique}`)).status, 200);
    assert.equal((await fetch(`${base}/updates/article/never-was-${unique}`, { redirect: 'manual' })).status, 404);
  });
});

describe('scheduled publishing', () => {
  test('a schedule in the past, or an unpublish before the publish, is refused with a clear message', async () => {
    const created = await editor('POST', `${CM}/${ARTICLE}`, article(`Schedule checks ${unique}`));
    const id = created.body.data.documentId;
    const past = await editor('PUT', `${CM}/${ARTICLE}/${id}`, { publishAt: '2024-03-01T09:00:00.000Z' });
    assert.equal(past.status, 400);
    assert.equal(
      past.body.error.message,
      '"Publish at" is 9am on Friday 1 March 2024 (UK time), which has already passed. Choose a later time, or leave it empty and publish now.',
    );
    const reversed = await editor('PUT', `${CM}/${ARTICLE}/${id}`, { publishAt: '2030-06-01T08:00:00.000Z', unpublishAt: '2030-05-01T08:00:00.000Z' });
    assert.equal(reversed.status, 400);
    assert.equal(
      reversed.body.error.message,
      '"Unpublish at" (9am on Wednesday 1 May 2030 (UK time)) must be after "Publish at" (9am on Saturday 1 June 2030 (UK time)).',
    );
  });

  test('items publish and unpublish at their UK times, in summer time and in winter, and on the nights the clocks change', async () => {
    // [UK date, UK time, the instant it must happen]
    const cases = [
      ['2030-07-01', '09:00', '2030-07-01T08:00:00.000Z'], // BST
      ['2030-12-02', '09:00', '2030-12-02T09:00:00.000Z'], // GMT
      ['2030-03-31', '01:30', '2030-03-31T01:30:00.000Z'], // skipped when clocks go forward: read as 02:30 BST
      ['2030-10-27', '01:30', '2030-10-27T00:30:00.000Z'], // happens twice when clocks go back: the first (BST)
    ] as const;
    for (const [day, time, instant] of cases) {
      const publishAt = londonTime(day, time);
      assert.equal(publishAt, instant);
      const created = await editor('POST', `${CM}/${ARTICLE}`, article(`Scheduled ${day} ${unique}`, { publishAt }));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.data.documentId;
      const published = () => cms.strapi.documents(ARTICLE).findOne({ documentId: id, status: 'published' });

      const listed = await editor<{ data: { documentId: string; action: string; at: string }[] }>('GET', '/send-editorial/scheduled');
      assert.ok(listed.body.data.some((row) => row.documentId === id && row.action === 'publish' && row.at === instant));

      await runDueSchedules(cms.strapi, new Date(Date.parse(instant) - 60_000));
      assert.equal(await published(), null, `published before ${time} on ${day}`);
      const run = await runDueSchedules(cms.strapi, new Date(instant));
      assert.ok(run.published.includes(`${ARTICLE}:${id}`));
      const live = await published();
      assert.ok(live, `not published at ${time} on ${day}`);
      assert.equal(live.publishAt, null, 'the schedule stays on the published item');
      // Published as written: the admin shows it as published, not as a draft with changes.
      const shown = await editor('GET', `${CM}/${ARTICLE}/${id}`);
      assert.equal(shown.body.data.status, 'published');
      // A second run, or another instance's, does not publish it again.
      assert.deepEqual((await runDueSchedules(cms.strapi, new Date(instant))).published, []);

      const unpublishAt = new Date(Date.parse(instant) + 7 * 86_400_000).toISOString();
      assert.equal((await editor('PUT', `${CM}/${ARTICLE}/${id}`, { unpublishAt })).status, 200);
      await runDueSchedules(cms.strapi, new Date(unpublishAt));
      assert.equal(await published(), null, 'not unpublished at its time');
    }
  });

  test('publishing by hand cancels a pending "Publish at"', async () => {
    const created = await editor('POST', `${CM}/${ARTICLE}`, article(`Published early ${unique}`, { publishAt: '2031-01-06T09:00:00.000Z' }));
    const id = created.body.data.documentId;
    await editor('POST', `${CM}/${ARTICLE}/${id}/actions/publish`, {});
    const draft = await cms.strapi.documents(ARTICLE).findOne({ documentId: id, status: 'draft' });
    assert.equal(draft?.publishAt, null);
  });
});

describe('content checks', () => {
  const image = (alternativeText: string) => ({
    type: 'image',
    image: {
      name: 'chart.png',
      alternativeText,
      url: '/uploads/chart.png',
      width: 10,
      height: 10,
      hash: 'chart',
      ext: '.png',
      mime: 'image/png',
      size: 1,
      provider: 'local',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
    children: [{ type: 'text', text: '' }],
  });
  const vagueLink = { type: 'paragraph', children: [{ type: 'link', url: 'https://www.gov.uk/', children: [{ type: 'text', text: 'Click here' }] }] };

  test('an image without alt text stops a publish, saying what to do; with it, the item publishes', async () => {
    const created = await editor('POST', `${CM}/${ARTICLE}`, article(`Chart news ${unique}`, { body: [image('')] }));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.data.documentId;
    const refused = await editor('POST', `${CM}/${ARTICLE}/${id}/actions/publish`, {});
    assert.equal(refused.status, 400);
    assert.match(
      refused.body.error.message,
      /^This item cannot be published yet\. Image 1 \("chart\.png"\) in "Main text" has no text description \(alt text\)/,
    );
    assert.equal((await editor('PUT', `${CM}/${ARTICLE}/${id}`, { body: [image('Bar chart: waiting times fell from 20 to 14 weeks')] })).status, 200);
    assert.equal((await editor('POST', `${CM}/${ARTICLE}/${id}/actions/publish`, {})).status, 200);
  });

  test('warnings (link text, a long summary) inform but do not stop a publish', async () => {
    const summary = `${'Families can now book short breaks online. '.repeat(5)}`.trim();
    assert.ok(summary.length > FEED_SUMMARY_CHARACTERS);
    const findings = checkItem({ type: 'article', summary, body: [vagueLink] });
    assert.deepEqual(findings.map((f) => `${f.level} ${f.check}`).sort(), ['warning link-text', 'warning summary-length']);
    assert.match(findings.find((f) => f.check === 'link-text')!.message, /The link "Click here" in "Main text" does not say where it goes/);
    const created = await editor('POST', `${CM}/${ARTICLE}`, article(`Vague link ${unique}`, { summary, body: [vagueLink] }));
    assert.equal((await editor('POST', `${CM}/${ARTICLE}/${created.body.data.documentId}/actions/publish`, {})).status, 200);
  });

  test('a consultation that closes before it opens is an error', () => {
    const findings = checkItem({ type: 'consultation', opensAt: '2027-03-01T09:00:00.000Z', closesAt: '2027-02-01T17:00:00.000Z' });
    assert.deepEqual(
      findings.map((f) => [f.level, f.message]),
      [['error', 'The consultation closes (5pm on Monday 1 February 2027) before it opens (9am on Monday 1 March 2027). Check "Closes at" and "Opens at".']],
    );
  });

  test('a consultation closed more than 12 weeks ago with no outcome is listed as "outcome due"', async () => {
    const now = Date.now();
    const weeksAgo = (weeks: number) => new Date(now - weeks * 7 * 86_400_000).toISOString();
    const make = async (title: string, closesAt: string, extra: Record<string, unknown> = {}) => {
      const created = await cms.strapi
        .documents(CONSULTATION)
        .create({ data: { ...article(title), opensAt: weeksAgo(30), closesAt, ...extra }, status: 'published' });
      return created.documentId;
    };
    const due = await make(`Closed 13 weeks ago ${unique}`, weeksAgo(13));
    const recent = await make(`Closed 11 weeks ago ${unique}`, weeksAgo(11));
    const answered = await make(`Closed with outcome ${unique}`, weeksAgo(20), { outcomeUrl: 'https://www.example.gov.uk/outcome' });
    const listed = await editor<{ data: { documentId: string }[] }>('GET', '/send-editorial/outcomes-due');
    const ids = listed.body.data.map((row) => row.documentId);
    assert.ok(ids.includes(due));
    assert.ok(!ids.includes(recent));
    assert.ok(!ids.includes(answered));
    assert.equal((await fetch(`${base}/send-editorial/outcomes-due`)).status, 401, 'the list is for signed-in editors only');
  });
});

describe('preview of drafts', () => {
  let id: string;
  let previewUrl: string;
  before(async () => {
    const created = await editor('POST', `${CM}/${CONSULTATION}`, {
      ...article(`Draft consultation on respite ${unique}`),
      opensAt: '2027-01-04T09:00:00.000Z',
      closesAt: '2027-02-04T23:59:00.000Z',
      respondUrl: 'https://consult.example.gov.uk/respite',
    });
    id = created.body.data.documentId;
    const answer = await editor('GET', `/content-manager/preview/url/${CONSULTATION}?documentId=${id}&status=draft`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    previewUrl = answer.body.data.url;
  });

  test("the edit view's Preview opens the draft on its real item page, marked as a preview and kept by no cache", async () => {
    assert.match(previewUrl, new RegExp(`^${base}/updates/consultation/draft-consultation-on-respite-${unique}\\?preview=`));
    const response = await fetch(previewUrl);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.ok(html.includes(`Draft consultation on respite ${unique}`));
    assert.ok(html.includes('<strong>Preview.</strong>'));
    assert.match(html, /<meta name="robots" content="noindex"\/>/);
    assert.equal(response.headers.get('cache-control'), 'no-store, private');
    assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'self'/);
    assert.equal(response.headers.get('x-frame-options'), null);
  });

  test('without a valid token the draft is nowhere: no token, a tampered one, an expired one or one for another item all get 404', async () => {
    const page = new URL(previewUrl);
    const token = page.searchParams.get('preview')!;
    const withToken = (value: string) => `${page.origin}${page.pathname}?preview=${encodeURIComponent(value)}`;
    const [payload, signature] = token.split('.');
    const tampered = `${Buffer.from(Buffer.from(payload, 'base64url').toString().replace(id, 'x'.repeat(id.length))).toString('base64url')}.${signature}`;
    const expired = createPreviewToken({ type: 'consultation', documentId: id, status: 'draft' }, Date.now() - 16 * 60_000);
    const otherType = createPreviewToken({ type: 'article', documentId: id, status: 'draft' });
    for (const [what, url] of [
      ['no token', `${page.origin}${page.pathname}`],
      ['an empty token', withToken('')],
      ['a tampered token', withToken(tampered)],
      ['a re-signed token', withToken(`${payload}.${'A'.repeat(signature.length)}`)],
      ['an expired token', withToken(expired)],
    ] as const) {
      const response = await fetch(url);
      assert.equal(response.status, 404, `${what}: ${response.status}`);
      assert.ok(!(await response.text()).includes(`Draft consultation on respite ${unique}`), `${what} showed the draft`);
    }
    assert.equal((await fetch(`${base}/updates/article/anything?preview=${encodeURIComponent(otherType)}`)).status, 404);
    assert.equal((await fetch(`${base}/api/updates/consultation/draft-consultation-on-respite-${unique}`)).status, 404);
  });
});

describe('webhooks on publish', () => {
  test('a webhook set in Settings reaches a receiver when an item is published, unpublished, or published on schedule', async () => {
    const received: { event: string; model: string; slug?: string; authorization?: string }[] = [];
    const receiver = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const json = JSON.parse(body) as { event: string; model: string; entry?: { slug?: string } };
        received.push({ event: json.event, model: json.model, slug: json.entry?.slug, authorization: request.headers.authorization });
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/purge`;
      const hook = await superAdmin('POST', '/admin/webhooks', {
        name: 'CDN purge',
        url,
        headers: { Authorization: 'Bearer purge-secret' },
        events: ['entry.publish', 'entry.unpublish'],
      });
      assert.equal(hook.status, 201, JSON.stringify(hook.body));

      const created = await editor('POST', `${CM}/${ARTICLE}`, article(`Webhook news ${unique}`));
      const id = created.body.data.documentId;
      await editor('POST', `${CM}/${ARTICLE}/${id}/actions/publish`, {});
      await editor('POST', `${CM}/${ARTICLE}/${id}/actions/unpublish`, {});
      const scheduled = await editor('POST', `${CM}/${ARTICLE}`, article(`Scheduled webhook news ${unique}`, { publishAt: '2032-05-04T08:00:00.000Z' }));
      await runDueSchedules(cms.strapi, new Date('2032-05-04T08:00:00.000Z'));

      const expected = [
        { event: 'entry.publish', slug: created.body.data.slug },
        { event: 'entry.unpublish', slug: created.body.data.slug },
        { event: 'entry.publish', slug: scheduled.body.data.slug },
      ];
      for (let tries = 0; received.length < expected.length && tries < 50; tries += 1) await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(
        received.map(({ event, slug }) => ({ event, slug })),
        expected,
      );
      assert.ok(received.every((r) => r.model === 'article' && r.authorization === 'Bearer purge-secret'));
    } finally {
      receiver.close();
    }
  });
});

describe('the local editor account', () => {
  test('is a SEND editor, and the stored password signs in to whichever database it starts on', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-local-editor-'));
    const file = path.join(dir, 'local-editor.json');
    const email = `local.${unique}@example.org`;
    Object.assign(process.env, { LOCAL_EDITOR: 'on', LOCAL_EDITOR_FILE: file, LOCAL_EDITOR_EMAIL: email });
    try {
      await ensureLocalEditor(cms.strapi);
      const { password } = JSON.parse(fs.readFileSync(file, 'utf8')) as { password: string };
      // This database's account went astray (a Super Admin with another password, as older starts left it) …
      const users = cms.strapi.db.query('admin::user');
      const { roles, auth } = adminServices(cms.strapi);
      const account = (await users.findOne({ where: { email } })) as AdminUser | null;
      assert.ok(account, 'the local editor account was not created');
      const superAdminRole = await roles.getSuperAdmin();
      await users.update({ where: { id: account.id }, data: { roles: [superAdminRole.id], password: await auth.hashPassword('Another-Passw0rd') } });
      // … and the next start puts it back.
      await ensureLocalEditor(cms.strapi);
      const again = (await users.findOne({ where: { email }, populate: ['roles'] })) as AdminUser | null;
      assert.deepEqual(
        again?.roles?.map((r) => r.code),
        [SEND_EDITOR.code],
      );
      assert.equal((JSON.parse(fs.readFileSync(file, 'utf8')) as { password: string }).password, password, 'the printed password changed');
      const login = await fetch(`${base}/admin/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      assert.equal(login.status, 200);
    } finally {
      Object.assign(process.env, { LOCAL_EDITOR: 'off' });
      delete process.env.LOCAL_EDITOR_FILE;
      delete process.env.LOCAL_EDITOR_EMAIL;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the editor form', () => {
  test('every field and component field has a human label and a help text', async () => {
    const cm = contentManager(cms.strapi);
    assert.ok(cm, 'no Content Manager');
    const configs = [
      ...(await Promise.all(
        ([ARTICLE, CONSULTATION, 'api::staffing-update.staffing-update'] as const).map((uid) =>
          cm.contentTypes.findConfiguration(cm.contentTypes.findContentType(uid)!),
        ),
      )),
      await cm.components.findConfiguration(cm.components.findComponent('shared.download')!),
    ];
    for (const config of configs) {
      for (const [field, { edit }] of Object.entries(config.metadatas)) {
        if (
          !edit?.visible ||
          ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale', 'createdBy', 'updatedBy', 'localizations'].includes(field)
        )
          continue;
        assert.notEqual(edit.label, field, `${config.uid}: ${field} is labelled with its code name`);
        assert.ok((edit.description ?? '').length > 10, `${config.uid}: ${field} has no help text`);
      }
    }
  });

  test('every list column and filter, on every type, has a human label (never "CREATEDAT" or "documentId")', async () => {
    const uids = [ARTICLE, CONSULTATION, 'api::staffing-update.staffing-update', 'api::topic.topic', 'api::audience.audience'] as const;
    type Configuration = { data: { contentType: { metadatas: Record<string, { list?: { label?: string } }> } } };
    for (const uid of uids) {
      // As the admin is served it: its list's columns and its filter menu take these labels.
      const served = await editor<Configuration>('GET', `/content-manager/content-types/${uid}/configuration`);
      assert.equal(served.status, 200);
      const metadatas = Object.entries(served.body.data.contentType.metadatas);
      assert.ok(metadatas.some(([field]) => field === 'documentId'));
      for (const [field, { list }] of metadatas) {
        if (!list) continue;
        assert.ok(list.label && list.label !== field && !/[a-z][A-Z]/.test(list.label), `${uid}: the ${field} column or filter is labelled "${list.label}"`);
      }
    }
  });

  test('the home page names each last edited entry by its title, and the search abbreviations list by its name, not its id', async () => {
    const uid = 'api::search-abbreviation.search-abbreviation';
    // Saved as it is: only the save matters here.
    type List = { data: { abbreviations: { abbreviation: string; meanings: string }[] } };
    const list = await superAdmin<List>('GET', `/content-manager/single-types/${uid}`);
    assert.equal(list.status, 200);
    const saved = await superAdmin('PUT', `/content-manager/single-types/${uid}`, {
      abbreviations: list.body.data.abbreviations.map(({ abbreviation, meanings }) => ({ abbreviation, meanings })),
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const title = `Home page check ${unique}`;
    assert.equal((await editor('POST', `${CM}/${ARTICLE}`, { title, summary: 'Checks the home page.', date: '2026-11-30' })).status, 201);
    type Recent = { data: { contentTypeUid: string; documentId: string; title: string }[] };
    const recent = await superAdmin<Recent>('GET', '/content-manager/homepage/recent-documents?action=update');
    assert.equal(recent.status, 200);
    const abbreviations = recent.body.data.find((entry) => entry.contentTypeUid === uid);
    assert.ok(abbreviations, 'the search abbreviations list is not among the last edited entries');
    assert.equal(abbreviations.title, 'Search abbreviations');
    assert.ok(recent.body.data.some((entry) => entry.contentTypeUid === ARTICLE && entry.title === title));
  });

  test("a consultation's dates and respond link come right after its title", async () => {
    const cm = contentManager(cms.strapi);
    assert.ok(cm, 'no Content Manager');
    const config = await cm.contentTypes.findConfiguration(cm.contentTypes.findContentType(CONSULTATION)!);
    const order = (config.layouts.edit ?? []).flat().map((f) => f.name);
    assert.deepEqual(order.slice(0, 4), ['title', 'opensAt', 'closesAt', 'respondUrl']);
    assert.ok(order.indexOf('downloads') > order.indexOf('closesAt'));
  });
});

describe('data from the old form is moved, nothing lost', () => {
  test('audience switches and Easy Read links move row by row into the new fields, drafts and published versions each keeping their own', async () => {
    const created = await cms.strapi.documents(ARTICLE).create({ data: article(`Moved news ${unique}`), status: 'published' });
    const rows = (await cms.strapi.db.query(ARTICLE).findMany({ where: { documentId: created.documentId }, select: ['id', 'publishedAt', 'updatedAt'] })) as {
      id: number;
      publishedAt: string | null;
      updatedAt: string;
    }[];
    const draft = rows.find((r) => r.publishedAt === null)!;
    const published = rows.find((r) => r.publishedAt !== null)!;
    // The columns of the old form, as an older database has them.
    const table = cms.strapi.db.metadata.get(ARTICLE).tableName;
    const schema = () => cms.strapi.db.getSchemaConnection();
    await schema().alterTable(table, (t) => {
      t.boolean('for_parents_and_carers');
      t.boolean('for_children_and_young_people');
      t.boolean('for_professionals');
      t.string('easy_read_url');
    });
    try {
      const knex = () => cms.strapi.db.getConnection(table);
      await knex().where({ id: draft.id }).update({
        for_parents_and_carers: true,
        for_children_and_young_people: false,
        for_professionals: false,
        easy_read_url: 'https://www.example.gov.uk/easy.pdf',
      });
      await knex().where({ id: published.id }).update({
        for_parents_and_carers: true,
        for_children_and_young_people: false,
        for_professionals: true,
        easy_read_url: 'https://www.example.gov.uk/easy.pdf',
      });
      const captured = await captureOldFields(cms.strapi);
      await applyOldFields(cms.strapi, { [ARTICLE]: captured[ARTICLE]!.filter((row) => row.id === draft.id || row.id === published.id) });
    } finally {
      await schema().alterTable(table, (t) => t.dropColumns('for_parents_and_carers', 'for_children_and_young_people', 'for_professionals', 'easy_read_url'));
    }
    const version = (status: 'draft' | 'published') =>
      cms.strapi.documents(ARTICLE).findOne({ documentId: created.documentId, status, populate: { audiences: true, easyReadVersion: true } });
    const [draftNow, publishedNow] = [await version('draft'), await version('published')];
    assert.deepEqual(
      draftNow?.audiences?.map((a) => a.value),
      ['parents-carers'],
    );
    assert.deepEqual(publishedNow?.audiences?.map((a) => a.value).sort(), ['parents-carers', 'professionals']);
    assert.equal(publishedNow?.easyReadVersion?.url, 'https://www.example.gov.uk/easy.pdf');
    // Moving is not editing: the item is still shown as published, not as changed.
    assert.ok(draftNow?.updatedAt, 'the draft lost its time of last edit');
    assert.equal(new Date(draftNow.updatedAt).getTime(), new Date(draft.updatedAt).getTime());
    await catalogueOf(cms.strapi).changed({ uid: ARTICLE, documentId: created.documentId });
    const body = (await (await fetch(`${base}/api/updates/article/${created.slug}`)).json()) as ItemResponse;
    assert.deepEqual(body.data.audiences, ['parents-carers', 'professionals']);
    assert.equal(body.data.easyReadUrl, 'https://www.example.gov.uk/easy.pdf');
  });
});

/**
 * A council's first start in production, on a new database, as `strapi start` runs it, and in
 * Chromium as its first administrator and first editor see it:
 *
 *   - no account exists, and no one can make themselves its Super Admin at /admin, in any spelling of
 *     the route Strapi's router accepts; the sign-up page says what to do instead;
 *   - `strapi admin:create-user` on the server makes the first administrator, who signs in and invites
 *     an editor; the editor's registration page offers no Strapi newsletter, and leads to the admin;
 *   - without a mail relay, the start says that "Forgot your password?" emails cannot be sent.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { SECRET_NAMES } from '../../cms/config/secrets.ts';
import { NEWSLETTER_FIELD } from '../../cms/src/admin/no-newsletter.ts';
import { NO_ADMIN_YET, SIGNUP_REFUSED, signupClosed } from '../../cms/src/middlewares/admin-signup.ts';
import { EMAIL_NOT_SET_UP } from '../../cms/src/security/email.ts';
import { SEND_EDITOR } from '../../cms/src/seed/roles.ts';
import { strapiCli } from '../../scripts/lib/steps.ts';
import { launchOptions } from '../helpers/chromium.ts';
import { adminToken, cmsDir, spawnCms, type CmsProcess } from '../helpers/cms.ts';
import { request } from '../security/helpers.ts';

const ADMIN = { email: 'first.admin@example.gov.uk', password: 'First-Admin-Passw0rd', firstname: 'Pat', lastname: 'Jones' };
const EDITOR = { email: 'sam.editor@example.gov.uk', password: 'Sam-Editor-Passw0rd', firstname: 'Sam', lastname: 'Lee' };

let dir: string;
let env: Record<string, string>;
let cms: CmsProcess;
let browser: Browser;
let page: Page;
let token: string;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-first-admin-'));
  env = {
    NODE_ENV: 'production',
    ...Object.fromEntries(SECRET_NAMES.map((name) => [name, randomBytes(24).toString('base64')])),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(dir, 'data.db'),
    SMTP_HOST: '',
  };
  cms = await spawnCms(env);
  browser = await puppeteer.launch(launchOptions());
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
});

after(async () => {
  await browser?.close();
  await cms?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const hasAdmin = async () => ((await (await fetch(`${cms.base}/admin/init`)).json()) as { data: { hasAdmin: boolean } }).data.hasAdmin;
const bodyText = () => page.evaluate(() => document.body.innerText);
const newsletterShown = () => page.$$eval(NEWSLETTER_FIELD, (fields) => fields.some((field) => (field as HTMLElement).offsetParent !== null));

/** Fills the registration form shown (the first administrator's, or an invited editor's) and submits it. */
async function register(person: { firstname: string; lastname: string; email?: string; password: string }) {
  await page.waitForSelector('input[name=firstname]');
  for (const [name, value] of Object.entries({ ...person, confirmPassword: person.password })) {
    const field = await page.$(`input[name=${name}]`);
    if (!field || (await field.evaluate((input) => input.readOnly || input.disabled))) continue;
    await field.click({ count: 3 });
    await field.type(value);
  }
  await page.click('button[type=submit]');
}

test('the start says how to make the first administrator, and, without a mail relay, that reset emails cannot be sent', () => {
  assert.ok(cms.log().includes(NO_ADMIN_YET), cms.log());
  assert.ok(cms.log().includes(EMAIL_NOT_SET_UP), cms.log());
});

test('no one makes themselves Super Admin through /admin, however the route is written, and the page says what to do', async () => {
  assert.equal(await hasAdmin(), false);
  const signUp = (route: string) =>
    request(cms.base, route, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...ADMIN, lastname: '' }) });
  for (const route of [
    '/admin/register-admin',
    '/admin/register-admin/',
    '/ADMIN/Register-Admin',
    '/admin/register-admin//',
    '/admin/register-admin?next=/admin',
  ]) {
    const answer = await signUp(route);
    assert.equal(answer.status, 403, `${route}: ${answer.text}`);
    assert.equal((JSON.parse(answer.text) as { error: { message: string } }).error.message, SIGNUP_REFUSED);
  }
  // Spellings the router does not take for the route answer as unknown routes do.
  for (const route of ['/admin/register%2Dadmin', '//admin/register-admin', '/admin/./register-admin']) {
    const answer = await signUp(route);
    assert.ok(answer.status >= 400 && answer.status < 500, `${route}: ${answer.status} ${answer.text}`);
  }

  await page.goto(`${cms.base}/admin`, { waitUntil: 'networkidle2' });
  await register(ADMIN);
  await page.waitForFunction((message) => document.body.innerText.includes(message), {}, SIGNUP_REFUSED);
  assert.equal(await newsletterShown(), false, 'Strapi’s newsletter box is shown');
  assert.doesNotMatch(await bodyText(), /Keep me updated/);
  assert.equal(await hasAdmin(), false);
  // Open only where it is asked for, or outside production.
  assert.equal(signupClosed({}, true), true);
  assert.equal(signupClosed({ ADMIN_SIGNUP: 'yes' }, true), true);
  assert.equal(signupClosed({ ADMIN_SIGNUP: 'open' }, true), false);
  assert.equal(signupClosed({}, false), false);
});

test('`strapi admin:create-user` on the server makes the first administrator, who signs in', async () => {
  const cli = spawn(
    process.execPath,
    [strapiCli(), 'admin:create-user', '--email', ADMIN.email, '--password', ADMIN.password, '--firstname', ADMIN.firstname, '--lastname', ADMIN.lastname],
    { cwd: cmsDir, env: { ...process.env, ...env, PUBLIC_URL: cms.base, LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  cli.stdout.on('data', (data: Buffer) => (output += String(data)));
  cli.stderr.on('data', (data: Buffer) => (output += String(data)));
  const code = await new Promise<number | null>((resolve) => cli.on('exit', resolve));
  assert.equal(code, 0, output);

  assert.equal(await hasAdmin(), true);
  token = await adminToken(cms.base, ADMIN);
  const me = (await (await fetch(`${cms.base}/admin/users/me`, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
    data: { roles: { code: string }[] };
  };
  assert.deepEqual(
    me.data.roles.map((role) => role.code),
    ['strapi-super-admin'],
  );
});

test('an invited editor registers without being offered Strapi’s newsletter, and arrives in the admin', async () => {
  assert.ok(token, 'the first administrator signed in');
  const authorised = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const roles = (await (await fetch(`${cms.base}/admin/roles`, { headers: authorised })).json()) as { data: { id: number; code: string }[] };
  const role = roles.data.find((candidate) => candidate.code === SEND_EDITOR.code);
  assert.ok(role, 'the SEND editor role exists in production');
  const invited = await fetch(`${cms.base}/admin/users`, {
    method: 'POST',
    headers: authorised,
    body: JSON.stringify({ email: EDITOR.email, firstname: EDITOR.firstname, lastname: EDITOR.lastname, roles: [role.id] }),
  });
  const { data } = (await invited.json()) as { data: { registrationToken: string } };
  assert.ok(data.registrationToken, `no invitation: ${invited.status}`);

  await page.goto(`${cms.base}/admin/auth/register?registrationToken=${data.registrationToken}`, { waitUntil: 'networkidle2' });
  await page.waitForSelector('input[name=password]');
  assert.equal(await newsletterShown(), false, 'Strapi’s newsletter box is shown');
  assert.doesNotMatch(await bodyText(), /Keep me updated/);
  // The page names the service, not the software under it.
  assert.match(await bodyText(), /Give your name and choose a password to sign in to SEND updates\./);
  assert.doesNotMatch(await bodyText(), /Strapi/);
  await register(EDITOR);
  await page.waitForFunction(() => !location.pathname.includes('/auth/'));
  assert.doesNotMatch(new URL(page.url()).pathname, /usecase/);
  assert.ok(await adminToken(cms.base, EDITOR));
});

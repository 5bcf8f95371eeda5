/**
 * A production CMS's first start on a new database, as `strapi start` runs it: no account exists,
 * no one can make themselves its Super Admin through /admin (in any spelling of the route Strapi's
 * router accepts), and the way the refusal names, `strapi admin:create-user` on the server, makes
 * the first administrator, who then signs in. Without a mail relay, the start says that
 * "Forgot your password?" emails cannot be sent.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SECRET_NAMES } from '../../cms/config/secrets.ts';
import { SIGNUP_REFUSED } from '../../cms/src/middlewares/admin-signup.ts';
import { EMAIL_NOT_SET_UP } from '../../cms/src/security/email.ts';
import { adminToken, cmsDir, spawnCms, type CmsProcess } from '../helpers/cms.ts';
import { strapiCli } from '../../scripts/lib/steps.ts';
import { request } from './helpers.ts';

const ADMIN = { email: 'first.admin@example.gov.uk', password: 'First-Admin-Passw0rd', firstname: 'First', lastname: 'Admin' };

let dir: string;
let env: Record<string, string>;
let cms: CmsProcess;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-first-admin-'));
  env = {
    NODE_ENV: 'production',
    ...Object.fromEntries(SECRET_NAMES.map((name) => [name, randomBytes(24).toString('base64')])),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(dir, 'data.db'),
    SERVE_ADMIN: 'false',
    SMTP_HOST: '',
  };
  cms = await spawnCms(env);
});

after(async () => {
  await cms?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const hasAdmin = async () => ((await (await fetch(`${cms.base}/admin/init`)).json()) as { data: { hasAdmin: boolean } }).data.hasAdmin;

test('without a mail relay, the start says that reset emails cannot be sent, and how to set one', () => {
  assert.ok(cms.log().includes(EMAIL_NOT_SET_UP), cms.log());
});

test('no one makes themselves Super Admin through /admin, however the route is written', async () => {
  assert.equal(await hasAdmin(), false);
  for (const route of [
    '/admin/register-admin',
    '/admin/register-admin/',
    '/ADMIN/Register-Admin',
    '/admin/register-admin//',
    '/admin/register-admin?next=/admin',
  ]) {
    const answer = await request(cms.base, route, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) });
    assert.equal(answer.status, 403, `${route}: ${answer.text}`);
    assert.equal((JSON.parse(answer.text) as { error: { message: string } }).error.message, SIGNUP_REFUSED);
  }
  // Spellings the router does not take for the route answer as unknown routes do.
  for (const route of ['/admin/register%2Dadmin', '//admin/register-admin', '/admin/./register-admin']) {
    const answer = await request(cms.base, route, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) });
    assert.ok(answer.status >= 400 && answer.status < 500, `${route}: ${answer.status} ${answer.text}`);
  }
  assert.equal(await hasAdmin(), false);
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
  const token = await adminToken(cms.base, ADMIN);
  const me = (await (await fetch(`${cms.base}/admin/users/me`, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
    data: { roles: { code: string }[] };
  };
  assert.deepEqual(
    me.data.roles.map((role) => role.code),
    ['strapi-super-admin'],
  );
});

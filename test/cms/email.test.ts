/**
 * "Forgot your password?" end to end: the real CMS sends its reset email through a real SMTP
 * server (smtp-server, standing in for the council's mail relay), the link in it sets a new
 * password, and the new password signs in. Without a relay, development writes the email to the
 * log and production refuses to send it, saying what to set.
 */
import { test, before, after, mock } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { EMAIL_NOT_SET_UP, emailPluginConfig, emailRefused, RESET_LINK_HOURS } from '../../cms/src/security/email.ts';
import { SEND_EDITOR } from '../../cms/src/seed/roles.ts';
import { adminServices } from '../../cms/src/lib/strapi-services.ts';
import { adminToken, cmsDir, startCms, type TestCms } from '../helpers/cms.ts';

const PUBLIC_URL = 'https://send-cms.example.gov.uk';
const SENDER = 'SEND team <send@example.gov.uk>';

type Provider = { send: (options: { to: string; subject: string; text: string }) => Promise<unknown> };
/** Strapi's own nodemailer provider, as the email plugin loads it. */
const nodemailerProvider = createRequire(`${cmsDir}/package.json`)('@strapi/provider-email-nodemailer') as {
  init: (options: unknown, settings: unknown) => Provider;
};

let cms: TestCms;
let relay: SMTPServer;
const received: ParsedMail[] = [];

before(async () => {
  relay = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      simpleParser(stream).then((mail) => (received.push(mail), done()), done);
    },
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port } = relay.server.address() as AddressInfo;
  cms = await startCms({ env: { PUBLIC_URL, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), EMAIL_FROM: SENDER } });
});

after(async () => {
  await cms?.stop();
  await new Promise<void>((resolve) => relay.close(resolve));
});

async function nextMail(count: number): Promise<ParsedMail> {
  for (let waited = 0; received.length < count && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  assert.ok(received.length >= count, 'no email reached the mail relay');
  return received[count - 1];
}

const post = (path: string, body: unknown) =>
  fetch(`${cms.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

test('an editor who forgot their password gets a link by email that sets a new one', async () => {
  const { roles, users } = adminServices(cms.strapi);
  const role = await roles.findOne({ code: SEND_EDITOR.code });
  assert.ok(role);
  const email = `forgetful.${Date.now().toString(36)}@example.org`;
  await users.create({ email, firstname: '<b>Sam</b>', password: 'Old-Passw0rd-1', roles: [role.id], isActive: true, registrationToken: null });

  assert.ok((await post('/admin/forgot-password', { email })).ok);
  const mail = await nextMail(1);
  assert.deepEqual(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : [], [email]);
  assert.equal(mail.from?.text, '"SEND team" <send@example.gov.uk>');
  assert.equal(mail.subject, 'Reset your SEND updates password');
  const link = /(\S+\/admin\/auth\/reset-password\?code=(\w+))/.exec(mail.text ?? '');
  assert.ok(link, `no reset link in:\n${mail.text}`);
  assert.ok(link[1].startsWith(`${PUBLIC_URL}/admin/auth/reset-password?code=`), 'the link is built from PUBLIC_URL');
  assert.match(mail.text ?? '', new RegExp(`within ${RESET_LINK_HOURS} hour`));
  assert.match(mail.html || '', new RegExp(`<a href="${link[1].replace(/[?]/g, '\\?')}">`));
  // Nothing the editor typed (here, a name with markup) goes into the email.
  assert.doesNotMatch(`${mail.text} ${mail.html}`, /Sam/);

  const reset = await post('/admin/reset-password', { resetPasswordToken: link[2], password: 'New-Passw0rd-2' });
  assert.equal(reset.status, 200, await reset.text());
  assert.ok(await adminToken(cms.baseUrl, { email, password: 'New-Passw0rd-2' }));
  const old = await post('/admin/login', { email, password: 'Old-Passw0rd-1' });
  assert.equal(old.status, 400);
  // The link works once.
  assert.equal((await post('/admin/reset-password', { resetPasswordToken: link[2], password: 'Other-Passw0rd-3' })).status, 400);
});

test('an address with no account gets the same answer and no email', async () => {
  const before = received.length;
  const answer = await post('/admin/forgot-password', { email: `nobody.${Date.now().toString(36)}@example.org` });
  assert.ok(answer.ok);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(received.length, before);
});

test('without a mail relay, development writes the email to the log and production refuses, saying what to set', async () => {
  const dev = emailPluginConfig({}, { production: false, publicUrl: 'http://localhost:1337' });
  assert.equal(dev.settings.defaultFrom, 'SEND updates <no-reply@localhost>');
  const info = mock.method(cms.strapi.log, 'info', () => cms.strapi.log);
  try {
    await nodemailerProvider.init(dev.providerOptions, dev.settings).send({ to: 'editor@example.org', subject: 'Reset', text: 'Open http://localhost:1337/x' });
  } finally {
    info.mock.restore();
  }
  const logged = info.mock.calls.map((call) => JSON.stringify(call.arguments[0]));
  assert.equal(logged.length, 1);
  assert.match(logged[0], /editor@example\.org/);
  assert.match(logged[0], /Open http:\/\/localhost:1337\/x/);

  const production = emailPluginConfig({}, { production: true, publicUrl: PUBLIC_URL });
  assert.equal(production.settings.defaultFrom, 'SEND updates <no-reply@send-cms.example.gov.uk>');
  await assert.rejects(
    nodemailerProvider.init(production.providerOptions, production.settings).send({ to: 'editor@example.org', subject: 'Reset', text: 'link' }),
    /not sent.*SMTP_HOST/,
  );
  assert.equal(emailRefused({}, true), true);
  assert.equal(emailRefused({ SMTP_HOST: 'relay.example.gov.uk' }, true), false);
  assert.equal(emailRefused({}, false), false);
  assert.match(EMAIL_NOT_SET_UP, /SMTP_HOST.*Settings → Users/);
});

test('a relay is reached as configured: TLS required in production, implicit TLS on port 465, a port that is not one refused', () => {
  const options = (env: NodeJS.ProcessEnv, production = true) => emailPluginConfig(env, { production, publicUrl: PUBLIC_URL }).providerOptions;
  assert.deepEqual(options({ SMTP_HOST: 'relay.example.gov.uk', SMTP_USER: 'send', SMTP_PASSWORD: 'pw' }), {
    host: 'relay.example.gov.uk',
    port: 587,
    secure: false,
    requireTLS: true,
    auth: { user: 'send', pass: 'pw' },
  });
  assert.deepEqual(options({ SMTP_HOST: 'relay.example.gov.uk', SMTP_PORT: '465' }), {
    host: 'relay.example.gov.uk',
    port: 465,
    secure: true,
    requireTLS: true,
  });
  assert.deepEqual(options({ SMTP_HOST: '127.0.0.1', SMTP_PORT: '2525' }, false), { host: '127.0.0.1', port: 2525, secure: false, requireTLS: false });
  assert.throws(() => options({ SMTP_HOST: 'relay.example.gov.uk', SMTP_PORT: 'smtp' }), /SMTP_PORT must be a port number; got "smtp"/);
  assert.equal(
    emailPluginConfig({ EMAIL_FROM: SENDER, EMAIL_REPLY_TO: 'send@example.gov.uk' }, { production: true, publicUrl: PUBLIC_URL }).settings.defaultReplyTo,
    'send@example.gov.uk',
  );
});

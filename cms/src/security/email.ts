/**
 * Email from the CMS: Strapi's "Forgot your password?" link, the only mail it sends. Through the
 * council's mail relay (SMTP_HOST) by Strapi's nodemailer provider. Without a relay, development
 * writes each message to the log, so the reset link works on a laptop; production refuses to send
 * (a reset link in a log is a key to an account) and says at start what to set.
 */
import type { SentMessageInfo, Transport } from 'nodemailer';
import type MailMessage from 'nodemailer/lib/mailer/mail-message';

type Env = NodeJS.ProcessEnv;

/** Hours a reset link works for: Strapi's setting and the email's words both come from here. */
export const RESET_LINK_HOURS = 1;

/** The service's name, as the sign-in page gives it. */
const SERVICE_NAME = 'SEND updates';

/** The sender when EMAIL_FROM is not set: a no-reply address at the CMS's own host name. */
export function defaultSender(publicUrl: string): string {
  return `${SERVICE_NAME} <no-reply@${new URL(publicUrl).hostname}>`;
}

const HOW_TO_SET_UP = 'Set SMTP_HOST (and SMTP_PORT, SMTP_USER, SMTP_PASSWORD, EMAIL_FROM) to the council’s mail relay (README "Running in production").';
const REFUSED_IN_PRODUCTION = `Email is not set up, so this message was not sent. ${HOW_TO_SET_UP}`;

/** A nodemailer transport that hands each message to `deliver` instead of a mail server. */
function transportTo(name: string, deliver: (mail: MailMessage) => void): Transport<SentMessageInfo> {
  return {
    name,
    version: '1',
    send(mail, done) {
      try {
        deliver(mail);
        done(null, { envelope: mail.message.getEnvelope(), messageId: mail.message.messageId() });
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  };
}

/** Development without a relay: the message, link included, in the log the developer is watching. */
const logTransport = transportTo('log', (mail) => {
  const { subject, text } = mail.data;
  const to = mail.message.getEnvelope().to.join(', ');
  strapi.log.info(`Email not sent (no SMTP_HOST in development); it would have gone to ${to}:\n  ${subject ?? ''}\n\n${typeof text === 'string' ? text : ''}`);
});

const refusingTransport = transportTo('refuse', () => {
  throw new Error(REFUSED_IN_PRODUCTION);
});

/** The mail relay, if one is set. */
const relayHost = (env: Env) => (env.SMTP_HOST ?? '').trim();

/** The email plugin's configuration (config/plugins.ts) from the environment. */
export function emailPluginConfig(env: Env, { production, publicUrl }: { production: boolean; publicUrl: string }) {
  const host = relayHost(env);
  const port = Number(env.SMTP_PORT || 587);
  if (host && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new Error(`SMTP_PORT must be a port number; got "${env.SMTP_PORT}".`);
  const providerOptions = host
    ? {
        host,
        port,
        // Port 465 speaks TLS from the start; others upgrade with STARTTLS, which production requires.
        secure: env.SMTP_SECURE ? env.SMTP_SECURE === 'true' : port === 465,
        requireTLS: production,
        ...(env.SMTP_USER ? { auth: { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } } : {}),
      }
    : production
      ? refusingTransport
      : logTransport;
  const from = (env.EMAIL_FROM ?? '').trim() || defaultSender(publicUrl);
  return {
    provider: 'nodemailer',
    providerOptions,
    settings: { defaultFrom: from, defaultReplyTo: (env.EMAIL_REPLY_TO ?? '').trim() || from },
  };
}

/** Whether production will refuse to send, for a warning at start. */
export const emailRefused = (env: Env, production: boolean) => production && !relayHost(env);

export const EMAIL_NOT_SET_UP = `SMTP_HOST is not set: "Forgot your password?" emails cannot be sent. ${HOW_TO_SET_UP} Until then, a Super Admin can set editors' passwords in Settings → Users.`;

const hours = `${RESET_LINK_HOURS} hour${RESET_LINK_HOURS === 1 ? '' : 's'}`;

/**
 * Strapi's forgot-password email (admin.forgotPassword), in plain words. Strapi fills in `url`, and
 * does not escape what it fills in, so the template names nothing an editor typed.
 */
export const resetPasswordEmail = {
  subject: `Reset your ${SERVICE_NAME} password`,
  text: `Someone asked to reset the password for your ${SERVICE_NAME} account.

To choose a new password, open this link within ${hours}:

<%= url %>

If you did not ask for this, you can ignore this email. Your password has not changed.
`,
  html: `<p>Someone asked to reset the password for your ${SERVICE_NAME} account.</p>
<p>To choose a new password, open this link within ${hours}:</p>
<p><a href="<%= url %>"><%= url %></a></p>
<p>If you did not ask for this, you can ignore this email. Your password has not changed.</p>
`,
};

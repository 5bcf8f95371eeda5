/**
 * Outside production, every start makes sure the local editor account can sign in to the database
 * it started on: a SEND editor (not a Super Admin), with the password kept in
 * .tmp/local-editor.json (never committed; random per machine, or LOCAL_EDITOR_PASSWORD). The
 * account is created, or its role and password put back, on whichever database this is, so the
 * password `npm start` prints always works, after a start on another database too.
 * Production never gets this account.
 */
import type { Core } from '@strapi/strapi';
import fs from 'fs';
import path from 'path';
import { randomBytes } from 'crypto';
import { adminServices, type AdminUser } from '../lib/strapi-services';
import { ensureRoles } from './roles';

export const LOCAL_EDITOR_FILE = '.tmp/local-editor.json';
export const ADMIN_LANGUAGE = 'en-GB';

type Account = { email: string; password: string };

function readAccount(file: string): Account | null {
  try {
    const { email, password } = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Account>;
    return typeof email === 'string' && typeof password === 'string' ? { email, password } : null;
  } catch {
    return null;
  }
}

export async function ensureLocalEditor(strapi: Core.Strapi) {
  if (process.env.NODE_ENV === 'production' || process.env.LOCAL_EDITOR === 'off') return;
  const file = path.resolve(strapi.dirs.app.root, process.env.LOCAL_EDITOR_FILE || LOCAL_EDITOR_FILE);
  const stored = readAccount(file);
  const account: Account = {
    email: (process.env.LOCAL_EDITOR_EMAIL || stored?.email || 'editor@example.org').toLowerCase(),
    password: process.env.LOCAL_EDITOR_PASSWORD || stored?.password || `Send-${randomBytes(9).toString('base64url')}-7a`,
  };
  const { editor } = await ensureRoles(strapi);
  const users = strapi.db.query('admin::user');
  const { auth, users: userService } = adminServices(strapi);
  const existing = (await users.findOne({ where: { email: account.email }, populate: ['roles'] })) as AdminUser | null;

  if (!existing) {
    await userService.create({
      email: account.email,
      // The admin greets by first name ("Hello Local editor") and shows the initials of both ("LD").
      firstname: 'Local editor',
      lastname: 'Development',
      password: account.password,
      roles: [editor],
      isActive: true,
      registrationToken: null,
      preferedLanguage: ADMIN_LANGUAGE,
    });
    strapi.log.info(`Created the local editor account ${account.email} (a SEND editor).`);
  } else {
    const isEditorOnly = existing.roles?.length === 1 && existing.roles[0].id === editor;
    const passwordWorks = existing.password ? await auth.validatePassword(account.password, existing.password) : false;
    if (!isEditorOnly || !passwordWorks || !existing.isActive || existing.blocked) {
      // Straight to the database: the admin user service refuses to demote the last Super Admin.
      await users.update({
        where: { id: existing.id },
        data: { roles: [editor], isActive: true, blocked: false, ...(passwordWorks ? {} : { password: await auth.hashPassword(account.password) }) },
      });
      strapi.log.info(`Set the local editor account ${account.email} back to a SEND editor with the password in ${path.relative(strapi.dirs.app.root, file)}.`);
    }
  }

  if (stored?.email !== account.email || stored?.password !== account.password) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ ...account, note: 'Local development account (SEND editor). Not created in production.' }, null, 2), {
      mode: 0o600,
    });
  }
}

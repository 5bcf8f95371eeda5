/**
 * Outside production, the first start creates a local editor account so a new
 * developer can sign in at once. The password is random per machine (or taken
 * from LOCAL_EDITOR_PASSWORD) and kept in .tmp/local-editor.json, which is
 * never committed. Production never gets this account.
 */
import type { Core } from '@strapi/strapi';
import fs from 'fs';
import path from 'path';
import { randomBytes } from 'crypto';

export const LOCAL_EDITOR_FILE = '.tmp/local-editor.json';

export async function ensureLocalEditor(strapi: Core.Strapi) {
  if (process.env.NODE_ENV === 'production' || process.env.LOCAL_EDITOR === 'off') return;
  const users = strapi.service('admin::user');
  if (await users.exists()) return;

  const email = process.env.LOCAL_EDITOR_EMAIL || 'editor@example.org';
  const password = process.env.LOCAL_EDITOR_PASSWORD || `Send-${randomBytes(9).toString('base64url')}-7a`;
  await users.createFirstAdmin({ email, password, firstname: 'Local', lastname: 'Editor' });

  const file = path.resolve(strapi.dirs.app.root, process.env.LOCAL_EDITOR_FILE || LOCAL_EDITOR_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ email, password, note: 'Local development account. Not created in production.' }, null, 2), { mode: 0o600 });
  strapi.log.info(`Created the local editor account ${email} (password in ${path.relative(strapi.dirs.app.root, file)}).`);
}

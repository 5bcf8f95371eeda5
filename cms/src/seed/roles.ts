/**
 * Two admin roles for the council's people, kept as written here at every start:
 *
 *   SEND editor   create, edit, publish, unpublish and delete news, consultations and service
 *                 updates; keep topics and the search abbreviations; upload files. No settings.
 *   Contributor   write drafts of the three kinds of item (and upload files for them), and no
 *                 more: no publishing, no deleting, and no "Publish at"/"Unpublish at", which
 *                 would publish for them.
 *
 * Field lists come from the content model, so a new field is covered at the next start.
 */
import type { Core, UID } from '@strapi/strapi';
import { adminServices, type Permission } from '../lib/strapi-services';
import { UPDATE_TYPES } from '../lib/update-types';

export const SEND_EDITOR = {
  code: 'send-editor',
  name: 'SEND editor',
  description: 'Writes, publishes and schedules SEND news, consultations and service updates. No settings.',
} as const;
export const CONTRIBUTOR = {
  code: 'send-contributor',
  name: 'Contributor',
  description: 'Writes drafts of SEND news, consultations and service updates for an editor to publish.',
} as const;

/** Fields only a publisher may set: they publish or unpublish on their own. */
export const SCHEDULE_FIELDS = ['publishAt', 'unpublishAt'] as const;

const ITEM_TYPES: UID.ContentType[] = Object.values(UPDATE_TYPES);
const CM = (action: string) => `plugin::content-manager.explorer.${action}`;

function fieldsOf(strapi: Core.Strapi, uid: UID.ContentType): string[] {
  return adminServices(strapi).contentTypes.getNestedFields(strapi.contentTypes[uid], { components: strapi.components });
}

function contentPermissions(strapi: Core.Strapi, uid: UID.ContentType, actions: string[], { exceptFields = [] as readonly string[] } = {}): Permission[] {
  const fields = fieldsOf(strapi, uid).filter((field) => !exceptFields.includes(field));
  return actions.map((action) => ({ action: CM(action), subject: uid, properties: ['create', 'read', 'update'].includes(action) ? { fields } : {} }));
}

const UPLOADS: Permission[] = ['read', 'assets.create', 'assets.update', 'assets.download', 'assets.copy-link'].map((action) => ({
  action: `plugin::upload.${action}`,
}));

export function editorPermissions(strapi: Core.Strapi): Permission[] {
  return [
    ...ITEM_TYPES.flatMap((uid) => contentPermissions(strapi, uid, ['create', 'read', 'update', 'delete', 'publish'])),
    ...contentPermissions(strapi, 'api::topic.topic', ['create', 'read', 'update', 'publish']),
    ...contentPermissions(strapi, 'api::search-abbreviation.search-abbreviation', ['read', 'update']),
    ...contentPermissions(strapi, 'api::audience.audience', ['read']),
    ...UPLOADS,
  ];
}

export function contributorPermissions(strapi: Core.Strapi): Permission[] {
  return [
    ...ITEM_TYPES.flatMap((uid) => contentPermissions(strapi, uid, ['create', 'read', 'update'], { exceptFields: SCHEDULE_FIELDS })),
    ...contentPermissions(strapi, 'api::topic.topic', ['read']),
    ...contentPermissions(strapi, 'api::audience.audience', ['read']),
    ...UPLOADS.filter((p) => p.action !== 'plugin::upload.assets.update'),
  ];
}

/** Creates the roles if missing and sets exactly these permissions; returns their ids. */
export async function ensureRoles(strapi: Core.Strapi): Promise<{ editor: number; contributor: number }> {
  const { roles } = adminServices(strapi);
  const ids = { editor: 0, contributor: 0 };
  for (const [key, role, permissions] of [
    ['editor', SEND_EDITOR, editorPermissions(strapi)],
    ['contributor', CONTRIBUTOR, contributorPermissions(strapi)],
  ] as const) {
    const existing = (await roles.findOne({ code: role.code })) ?? (await roles.findOne({ name: role.name }));
    const saved = existing ?? (await roles.create({ ...role }));
    if (existing && (existing.name !== role.name || existing.description !== role.description))
      await roles.update({ id: existing.id }, { name: role.name, description: role.description });
    await roles.assignPermissions(saved.id, permissions);
    ids[key] = saved.id;
  }
  return ids;
}

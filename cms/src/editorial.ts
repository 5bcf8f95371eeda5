/**
 * What editors get besides the content model: slugs made from titles (and old addresses that keep
 * working), content checks that stop a publish with an error, scheduled publishing, the admin in
 * UK English, the roles and the local editor account, and the moves of old form data.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { checkItem, type Finding } from './content-checks/checks';
import { refuseUnpublishable } from './content-checks/enforce';
import { strapiHook } from './lib/strapi-services';
import { UPDATE_TYPES, type UpdateType, type UpdateUid } from './lib/update-types';
import { checkSchedule, clearPublishedSchedule, startScheduler } from './scheduling/schedule';
import { finishEditorFormMigration, stashOldFields } from './seed/editor-form-migration';
import { ADMIN_LANGUAGE } from './seed/local-editor';
import { ensureRoles } from './seed/roles';
import { fillSlug, publishedSlug, rememberOldSlug } from './slugs/slugs';

const ITEM_UIDS: readonly string[] = Object.values(UPDATE_TYPES);
const isItemUid = (uid: string): uid is UpdateUid => ITEM_UIDS.includes(uid);

export function registerEditorial(strapi: Core.Strapi) {
  // Old form fields are read before Strapi's schema sync drops their columns.
  strapiHook(strapi, 'strapi::content-types.beforeSync').register(() => stashOldFields(strapi));

  strapi.documents.use(async (context, next) => {
    const { uid } = context;
    if (!isItemUid(uid)) return next();
    if (context.action === 'create' || context.action === 'update') {
      await fillSlug(strapi, uid, context);
      await checkSchedule(strapi, uid, context);
      return next();
    }
    if (context.action === 'publish') {
      const documentId = (context.params as { documentId?: string }).documentId;
      if (!documentId) return next();
      await refuseUnpublishable(strapi, uid, documentId);
      const before = await publishedSlug(strapi, uid, documentId);
      const result = await next();
      await rememberOldSlug(strapi, uid, documentId, before);
      await clearPublishedSchedule(strapi, uid, documentId);
      return result;
    }
    return next();
  });

  // New admin accounts start in UK English (dates as DD/MM/YYYY); each person can change it in their profile.
  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    beforeCreate(event) {
      const data = event.params.data as { preferedLanguage?: string | null };
      if (!data.preferedLanguage) data.preferedLanguage = ADMIN_LANGUAGE;
    },
  });

  registerEditorRoutes(strapi);
}

export async function bootstrapEditorial(strapi: Core.Strapi) {
  await finishEditorFormMigration(strapi);
  await ensureRoles(strapi);
  startScheduler(strapi);
}

type Listed = { type: UpdateType; documentId: string; title: string; at: string; findings?: Finding[] };

/**
 * Admin-only lists for the admin's home page: consultations whose outcome is due, and what is
 * scheduled. Signed-in admin users only (Strapi's admin authentication).
 */
function registerEditorRoutes(strapi: Core.Strapi) {
  const outcomesDue = async (ctx: Context) => {
    const now = new Date();
    const closed = await strapi.documents(UPDATE_TYPES.consultation).findMany({
      status: 'published',
      filters: { closesAt: { $lt: now.toISOString() } },
      fields: ['title', 'closesAt', 'outcome', 'outcomeUrl'],
      sort: { closesAt: 'asc' },
      limit: 500,
    });
    const due: Listed[] = closed
      .map((doc) => ({ doc, findings: checkItem({ type: 'consultation', closesAt: doc.closesAt, outcome: doc.outcome, outcomeUrl: doc.outcomeUrl }, now) }))
      .filter(({ findings }) => findings.some((f) => f.check === 'outcome-due'))
      .map(({ doc }) => ({ type: 'consultation', documentId: doc.documentId, title: doc.title ?? '', at: new Date(doc.closesAt as string).toISOString() }));
    ctx.body = { data: due };
  };

  const scheduled = async (ctx: Context) => {
    const rows: (Listed & { action: 'publish' | 'unpublish' })[] = [];
    for (const [type, uid] of Object.entries(UPDATE_TYPES) as [UpdateType, UpdateUid][]) {
      for (const [action, field] of [
        ['publish', 'publishAt'],
        ['unpublish', 'unpublishAt'],
      ] as const) {
        const docs = await strapi.documents(uid).findMany({ status: 'draft', filters: { [field]: { $notNull: true } }, fields: ['title', field], limit: 200 });
        for (const doc of docs as { documentId: string; title?: string | null; publishAt?: string | null; unpublishAt?: string | null }[]) {
          rows.push({ type, documentId: doc.documentId, title: doc.title ?? '', at: new Date(doc[field] as string).toISOString(), action });
        }
      }
    }
    rows.sort((a, b) => a.at.localeCompare(b.at));
    ctx.body = { data: rows };
  };

  const adminOnly = { policies: ['admin::isAuthenticatedAdmin'] };
  const info = { type: 'admin' };
  strapi.server.routes({
    type: 'admin',
    prefix: '/send-editorial',
    routes: [
      { method: 'GET', path: '/outcomes-due', handler: outcomesDue, config: adminOnly, info },
      { method: 'GET', path: '/scheduled', handler: scheduled, config: adminOnly, info },
    ],
  });
}

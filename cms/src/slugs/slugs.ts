/**
 * Web address names (slugs). An item's slug is made from its title when the editor leaves it empty
 * (Strapi's form would otherwise fill in "article", then "article-1"), is unique per type, and can
 * be edited. Once an item has been published, nothing changes its slug but an editor: clearing it
 * brings back the published one. When an editor publishes a new slug, the old address keeps
 * working: it is remembered here and its page redirects to the item's current page.
 */
import type { Core, Modules } from '@strapi/strapi';
import { contentManager } from '../lib/strapi-services';
import { UPDATE_TYPES, type UpdateType, type UpdateUid } from '../lib/update-types';

export const REDIRECTS_UID = 'api::slug-redirect.slug-redirect';

type Context = Modules.Documents.Middleware.Context;
type Fields = Record<string, unknown>;

const typeOf = (uid: UpdateUid): UpdateType => (Object.keys(UPDATE_TYPES) as UpdateType[]).find((type) => UPDATE_TYPES[type] === uid)!;
const blank = (value: unknown) => value === null || (typeof value === 'string' && value.trim() === '');
const documentIdOf = (context: Context): string | undefined =>
  'documentId' in context.params && typeof context.params.documentId === 'string' ? context.params.documentId : undefined;

async function slugFromTitle(strapi: Core.Strapi, uid: UpdateUid, title: unknown): Promise<string | undefined> {
  if (typeof title !== 'string' || title.trim() === '') return undefined; // Strapi's own validation asks for a title
  return await contentManager(strapi)!.uid.generateUIDField({ contentTypeUID: uid, field: 'slug', data: { title } });
}

/** Fills in a missing slug on create and update (call before the write). */
export async function fillSlug(strapi: Core.Strapi, uid: UpdateUid, context: Context) {
  const data = (context.params as { data?: Fields }).data;
  if (!data) return;
  if (context.action === 'create') {
    if (data.slug === undefined || blank(data.slug)) data.slug = await slugFromTitle(strapi, uid, data.title);
    return;
  }
  if (context.action !== 'update' || !blank(data.slug)) return; // left out of a partial update: unchanged
  const documentId = documentIdOf(context);
  const published = documentId ? await strapi.documents(uid).findOne({ documentId, status: 'published', fields: ['slug'] }) : null;
  if (published?.slug) {
    data.slug = published.slug;
    return;
  }
  const saved = documentId ? await strapi.documents(uid).findOne({ documentId, status: 'draft', fields: ['title'] }) : null;
  data.slug = await slugFromTitle(strapi, uid, data.title ?? saved?.title);
}

/** The published slug of a document, if it has a published version. */
export async function publishedSlug(strapi: Core.Strapi, uid: UpdateUid, documentId: string): Promise<string | null> {
  const published = await strapi.documents(uid).findOne({ documentId, status: 'published', fields: ['slug'] });
  return published?.slug ?? null;
}

/** After a publish: remember the address the item had before, if its slug changed. */
export async function rememberOldSlug(strapi: Core.Strapi, uid: UpdateUid, documentId: string, before: string | null) {
  const after = await publishedSlug(strapi, uid, documentId);
  if (!after) return;
  const itemType = typeOf(uid);
  const redirects = strapi.db.query(REDIRECTS_UID);
  // The current address is live again: no redirect may take it away.
  await redirects.deleteMany({ where: { itemType, oldSlug: after } });
  if (before && before !== after && !(await redirects.findOne({ where: { itemType, oldSlug: before } }))) {
    await redirects.create({ data: { itemType, oldSlug: before, itemId: documentId } });
  }
}

/** The document an old address of this type belonged to, if any. */
export async function redirectedItem(strapi: Core.Strapi, itemType: UpdateType, oldSlug: string): Promise<string | null> {
  const found = (await strapi.db.query(REDIRECTS_UID).findOne({ where: { itemType, oldSlug }, select: ['itemId'] })) as { itemId: unknown } | null;
  return typeof found?.itemId === 'string' ? found.itemId : null;
}

/**
 * Strapi's free Preview, from an item's edit view: the admin asks config/admin.ts's handler for a
 * URL and shows it beside the form. The URL is the item's real page for readers,
 * /updates/<type>/<slug>?preview=<token>, which shows that version (usually the draft) with the
 * reader pages' own stylesheet, marked as a preview. Without a genuine, unexpired token nothing
 * but published items is ever shown: a forged, altered or expired token gets the 404 page.
 */
import type { Core, UID } from '@strapi/strapi';
import type { Context } from 'koa';
import type { UpdateDetail } from '../../../contract/api';
import { publicBaseUrl } from '../catalogue/catalogue';
import { itemBuilder, itemPagePath } from '../catalogue/items';
import { UPDATE_TYPES, type UpdateType } from '../lib/update-types';
import { createPreviewToken, readPreviewToken } from './token';

const typeOfUid = (uid: string): UpdateType | undefined => (Object.keys(UPDATE_TYPES) as UpdateType[]).find((type) => UPDATE_TYPES[type] === uid);

/** config/admin.ts `preview.config.handler`: the preview URL of a document, or null (no preview for this type). */
export async function previewUrl(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  { documentId, status }: { documentId?: string; status?: string | null },
): Promise<string | null> {
  const type = typeOfUid(uid);
  if (!type || !documentId) return null;
  const version = status === 'published' ? 'published' : 'draft';
  const doc = await strapi.documents(UPDATE_TYPES[type]).findOne({ documentId, status: version, fields: ['slug'] });
  if (!doc) return null;
  const token = createPreviewToken({ type, documentId, status: version });
  // A draft saved without a slug yet still previews: the token, not the slug, says what to show.
  return `${publicBaseUrl(strapi)}${itemPagePath(type, doc.slug || 'preview')}?preview=${encodeURIComponent(token)}`;
}

/** The item a preview link shows, or null when the token is not genuine, has expired, or names nothing. */
export async function previewItem(strapi: Core.Strapi, type: string, token: unknown): Promise<UpdateDetail | null> {
  const claim = readPreviewToken(token);
  if (!claim || claim.type !== type) return null;
  // What an item's page shows besides its own fields, as the catalogue reads it for published items.
  const doc = await strapi.documents(UPDATE_TYPES[claim.type]).findOne({
    documentId: claim.documentId,
    status: claim.status,
    populate: {
      topics: { fields: ['name', 'slug'] },
      audiences: { fields: ['value'] },
      downloads: { populate: { file: true } },
      easyReadVersion: { populate: { file: true } },
    },
  });
  if (!doc) return null;
  return itemBuilder(() => publicBaseUrl(strapi)).detail(claim.type, doc);
}

/**
 * Headers for a preview answer: never stored by any cache, never listed by search engines, and
 * shown only inside the admin of this CMS (its Preview frame) or on its own.
 */
export function previewHeaders(ctx: Context) {
  ctx.set('Cache-Control', 'no-store, private');
  ctx.set('X-Robots-Tag', 'noindex, nofollow');
  ctx.remove('X-Frame-Options');
  const csp = ctx.response.get('Content-Security-Policy');
  if (csp) ctx.set('Content-Security-Policy', csp.replace(/frame-ancestors [^;]+/, "frame-ancestors 'self'"));
}

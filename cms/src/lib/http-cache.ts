/**
 * Conditional GET for public responses: a strong ETag from the body, a
 * Last-Modified date, and 304 when the client already has this version.
 */
import { createHash } from 'crypto';

export type Cacheable = {
  body: string;
  contentType: string;
  lastModified?: Date;
  /** Seconds a browser or shared cache may reuse the response without asking. */
  maxAge?: number;
  etag?: string;
};

export const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;

export function sendCacheable(ctx: any, { body, contentType, lastModified, maxAge = 60, etag = etagOf(body) }: Cacheable) {
  ctx.set('Cache-Control', `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 5}, stale-if-error=86400`);
  ctx.set('ETag', etag);
  ctx.set('Vary', 'Accept-Encoding');
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
  ctx.set('X-Content-Type-Options', 'nosniff');
  if (lastModified) ctx.set('Last-Modified', lastModified.toUTCString());

  const ifNoneMatch = ctx.get('If-None-Match');
  const ifModifiedSince = ctx.get('If-Modified-Since');
  const notModified = ifNoneMatch
    ? ifNoneMatch.split(',').some((tag: string) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')
    : Boolean(ifModifiedSince && lastModified && Date.parse(ifModifiedSince) >= Math.floor(lastModified.getTime() / 1000) * 1000);

  ctx.type = contentType;
  if (notModified) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.status = 200;
  ctx.body = body;
}

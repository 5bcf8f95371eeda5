/**
 * Conditional GET for public responses: a strong ETag from the body, a
 * Last-Modified date, and 304 when the client already has this version.
 */
import { createHash, type Hash } from 'crypto';
import type { Context } from 'koa';

export type Cacheable = {
  body: string | Buffer;
  contentType: string;
  lastModified?: Date;
  /** Seconds a browser or shared cache may reuse the response without asking. */
  maxAge?: number;
  etag?: string;
};

/**
 * Weak, because the compression middleware may send the same representation
 * gzip-, brotli- or un-encoded under this one tag; a strong ETag promises
 * byte-identical bodies.
 */
export const etagOf = (body: string | Buffer) => etagOfHash(createHash('sha1').update(body));

/** The ETag of a hash fed elsewhere, for a body that is known by parts (feeds: their frame and their items' own digests). */
export const etagOfHash = (hash: Hash) => `W/"${hash.digest('base64url').slice(0, 27)}"`;

/** If-None-Match uses weak comparison (RFC 9110 13.1.2): the W/ prefix is ignored on both sides. */
const weakMatch = (a: string, b: string) => a.replace(/^W\//, '') === b.replace(/^W\//, '');

/**
 * Whether the client already holds this version: If-None-Match when sent
 * (it takes precedence), else If-Modified-Since against Last-Modified (whole seconds). A date later
 * than this server's clock is no date this server gave (a client's clock, or a forged header), so it
 * is ignored, as RFC 2616 14.25 had it and Apache does: otherwise it would hold every later change back.
 */
export function isNotModified(ctx: Context, etag: string | undefined, lastModified: Date | string | undefined): boolean {
  const ifNoneMatch = ctx.get('If-None-Match');
  if (ifNoneMatch) return Boolean(etag) && ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || weakMatch(tag.trim(), etag!));
  const ifModifiedSince = Date.parse(ctx.get('If-Modified-Since'));
  const modified = lastModified === undefined ? NaN : new Date(lastModified).getTime();
  if (Number.isNaN(ifModifiedSince) || ifModifiedSince > Date.now() || Number.isNaN(modified)) return false;
  return ifModifiedSince >= Math.floor(modified / 1000) * 1000;
}

/** A body as the bytes sent: hashing a string, Koa measuring it and a cache storing it would each encode it again. */
export const bytesOf = (body: string | Buffer): Buffer => (typeof body === 'string' ? Buffer.from(body, 'utf8') : body);

/**
 * Texts as one body, each encoded straight into it. Joined into one string first, they would be
 * copied twice in V8's heap (the join, then the flat copy encoding makes of it): about a quarter of
 * what an uncached list request allocated, and so of how often young collections pause the server.
 */
export function bytesOfParts(parts: readonly string[]): Buffer {
  let length = 0;
  for (const part of parts) length += Buffer.byteLength(part);
  const bytes = Buffer.allocUnsafe(length);
  let offset = 0;
  for (const part of parts) offset += bytes.write(part, offset);
  return bytes;
}

export function sendCacheable(ctx: Context, { body, contentType, lastModified, maxAge = 60, etag: knownEtag }: Cacheable) {
  const bytes = bytesOf(body);
  const etag = knownEtag ?? etagOf(bytes);
  ctx.set('Cache-Control', `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 5}, stale-if-error=86400`);
  ctx.set('ETag', etag);
  ctx.set('Vary', 'Accept-Encoding');
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
  ctx.set('X-Content-Type-Options', 'nosniff');
  // Never later than the response's own date (RFC 9110 8.8.2.1): an item saved by an instance whose clock runs ahead would
  // otherwise date the response in the future, which caches may read as always modified.
  const modified = lastModified && new Date(Math.min(lastModified.getTime(), Date.now()));
  if (modified) ctx.set('Last-Modified', modified.toUTCString());

  ctx.type = contentType;
  if (isNotModified(ctx, etag, modified)) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.status = 200;
  ctx.body = bytes;
}

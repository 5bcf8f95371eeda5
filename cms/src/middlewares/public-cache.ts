/**
 * A short-lived cache of finished public responses (the updates API, the feeds and the reader
 * pages), in front of Strapi's whole middleware stack. A hit costs a map lookup and a write: no
 * routing, no query parsing, no re-compression.
 *
 * Correctness rests on two bounds: an entry dies when the catalogue changes (any write bumps its
 * version) and after `TTL_MS`, since a consultation's status changes with the clock. Responses are
 * compressed once, here, per encoding, instead of on every request.
 *
 * Memory is bounded in bytes, and the key holds only the query parameters the routes read, in a
 * canonical order: any other parameter (`?cb=123`) is dropped from the request before it reaches
 * the route, so cache-busting finds the same entry.
 *
 * What is kept must earn its place (`earnsPlace`): a response is kept from the second time its
 * address is asked for, and once the cache is full, only if its address was asked for more often
 * than the entry it would push out. Kept bodies live seconds, long enough to be moved to the old
 * generation, so every one pushed out unread is work for a full collection. At 100,000 items, with
 * each search address asked for twice some seconds apart (one instance, SQLite, 50 connections),
 * keeping every second use made a full collection every 1.4 s and a p99 of 49–55 ms, against none
 * and 16–18 ms keeping nothing; weighing as here, 1–3 in 20 s and 20–26 ms.
 */
import { brotliCompressSync, constants, gzipSync } from 'zlib';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { LRUCache } from 'lru-cache';
import { catalogueOf } from '../catalogue/catalogue';
import { isDocumentNavigation } from '../feeds';
import { isNotModified } from '../lib/http-cache';
import { useCounter } from '../lib/use-counts';
import { QUERY_PARAMETERS } from '../lib/update-query';
import { EMBED_PARAMETERS } from '../pages/embed-query';
import { PREVIEW_PARAMETER } from '../preview/token';
import type { Next } from '../lib/strapi-services';

const TTL_MS = 5_000;
/**
 * A response is kept when its address is asked for again within an entry's lifetime: only then is
 * a third request likely to find it. With a one-minute window, addresses asked twice some seconds
 * apart were kept, to expire unread, and their bodies churned the old generation: at 100,000 items,
 * distinct lists asked again 10 s later had a p99 of 54–74 ms, against 25 ms the first time and
 * 25–26 ms with a 1 MB cache (in pairs with this window: 88–107 ms against 29–39 ms).
 */
const ADMIT_WINDOW_MS = TTL_MS;
/** How often expired entries are cleared (their bytes count against the bound until they are). */
const PURGE_EVERY_MS = 500;
const MIN_COMPRESS_BYTES = 1_024;
/** The public reads' paths: the updates API, the feeds and the reader pages. */
const CACHEABLE = /^\/(api\/updates(\/|$)|feeds\/|updates(\/|$))/;
/** A route pattern (or request path) among the public reads. */
export const isPublicPath = (path: string) => CACHEABLE.test(path);
/** A GET or HEAD of a public read. */
export const isPublicRead = (ctx: Context) => (ctx.method === 'GET' || ctx.method === 'HEAD') && isPublicPath(ctx.path);
const SKIPPED_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);
/** The parameters the routes read: the API's and feeds' (from the contract), the reader pages' asset version, the embed builder's and a preview's token. */
const KEPT_PARAMETERS: ReadonlySet<string> = new Set([...QUERY_PARAMETERS, 'v', ...EMBED_PARAMETERS, PREVIEW_PARAMETER]);

type Encoding = 'br' | 'gzip' | 'identity';
/** `uses`: how often its address was asked for, counting hits, so a newcomer can be weighed against it. */
type Entry = { version: number; uses: number; headers: Record<string, string>; bodies: Partial<Record<Encoding, Buffer>> };

export type PublicCacheConfig = { maxBytes: number };

function encode(body: Buffer, encoding: Encoding): Buffer {
  if (encoding === 'br') return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  if (encoding === 'gzip') return gzipSync(body, { level: 6 });
  return body;
}

/** The encoding to send: the client's preference, unless the body is too small to gain from it. */
const chooseEncoding = (accepted: string | false, size: number): Encoding =>
  size >= MIN_COMPRESS_BYTES && (accepted === 'br' || accepted === 'gzip') ? accepted : 'identity';

/** Bytes an entry holds: its bodies, headers and key. */
const sizeOf = (entry: Entry, key: string) =>
  key.length +
  Object.values(entry.bodies).reduce((sum, body) => sum + body.length, 0) +
  Object.entries(entry.headers).reduce((sum, [n, v]) => sum + n.length + v.length, 0);

/**
 * The query with only the kept parameters, sorted by name (values keep their order), and whether
 * any was dropped; or null when a kept parameter comes in bracket form (`type[0]=…`), which the
 * route parses and answers itself.
 */
export function canonicalQuery(querystring: string): { query: string; dropped: boolean } | null {
  const kept: [string, string][] = [];
  let dropped = false;
  for (const [name, value] of new URLSearchParams(querystring)) {
    if (KEPT_PARAMETERS.has(name)) kept.push([name, value]);
    else if (name.includes('[') && KEPT_PARAMETERS.has(name.slice(0, name.indexOf('[')))) return null;
    else dropped = true;
  }
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { query: new URLSearchParams(kept).toString(), dropped };
}

/** Feeds answer a browser tab with a page (Vary: Sec-Fetch-Dest), so that is part of the key. */
const keyOf = (ctx: Context, query: string) => `${ctx.path}?${query} ${isDocumentNavigation(ctx) ? 'page' : 'data'}`;

export default ((config: PublicCacheConfig, { strapi }) => {
  const entries = new LRUCache<string, Entry>({ maxSize: config.maxBytes, sizeCalculation: sizeOf, ttl: TTL_MS });
  const usesOf = useCounter(ADMIT_WINDOW_MS);
  const catalogueVersion = (): number => catalogueOf(strapi).version;
  let purgedAt = 0;

  /**
   * Whether a response asked for `uses` times, of `size` bytes, is kept: from its second use, while
   * there is room, or when asked for more often than the least recently used entry, which goes first.
   */
  const earnsPlace = (uses: number, size: number): boolean => {
    if (uses < 2) return false;
    if (entries.calculatedSize + size <= config.maxBytes) return true;
    const now = Date.now();
    if (now - purgedAt >= PURGE_EVERY_MS) {
      purgedAt = now;
      entries.purgeStale();
      if (entries.calculatedSize + size <= config.maxBytes) return true;
    }
    // The entry that would go first: an outdated one (an earlier catalogue's) always may.
    const first = entries.rvalues().next().value;
    return !first || first.version !== catalogueVersion() || uses > first.uses;
  };

  /** Sends `identity` (or its compressed form, made once and kept) as the body. */
  const sendBody = (ctx: Context, key: string, entry: Entry, accepted: string | false) => {
    const identity = entry.bodies.identity!;
    const encoding = chooseEncoding(accepted, identity.length);
    let body = entry.bodies[encoding];
    if (!body) {
      body = entry.bodies[encoding] = encode(identity, encoding);
      // Stored again so the bound counts the new body; the entry keeps its expiry. Only if it is this entry
      // that is kept: a response not kept (no headers copied) must not replace an older one under its key.
      if (entries.peek(key) === entry) entries.set(key, entry, { noUpdateTTL: true });
    }
    if (encoding !== 'identity') ctx.set('Content-Encoding', encoding);
    ctx.compress = false;
    // HEAD too: Koa sends the headers of this body (length included) and no body.
    ctx.body = body;
    ctx.length = body.length;
  };

  return async (ctx, next: Next) => {
    if (!isPublicRead(ctx) || ctx.get('Authorization')) return next();
    const canonical = canonicalQuery(ctx.querystring);
    if (canonical === null) return next();
    const { query, dropped } = canonical;
    // The route reads the same parameters in any order; the request is rewritten (Koa formats its URL again) only to drop some.
    if (dropped) ctx.querystring = query;

    const key = keyOf(ctx, query);
    const accepted = ctx.acceptsEncodings('br', 'gzip', 'identity');
    const hit = entries.get(key);
    if (hit && hit.version === catalogueVersion()) {
      hit.uses += 1;
      ctx.set(hit.headers);
      ctx.status = 200;
      if (isNotModified(ctx, hit.headers.etag, hit.headers['last-modified'])) {
        ctx.status = 304;
        ctx.body = null;
        return;
      }
      return sendBody(ctx, key, hit, accepted);
    }

    // Compression happens here, once per cached body, so the compression middleware below stands aside.
    // Below, global::public-routes takes the request straight to its route.
    ctx.compress = false;
    const version = catalogueVersion();
    await next();
    const raw: unknown = ctx.body;
    // Errors, 304s and anything streamed pass through as they are (uncompressed: they are small).
    if (ctx.status !== 200 || !(typeof raw === 'string' || Buffer.isBuffer(raw))) return;
    // A response for one person (a preview of a draft) is never kept.
    // Read from Node's response: Koa's ctx.response.get copies every header first.
    if (/\b(no-store|private)\b/.test(String(ctx.res.getHeader('Cache-Control') ?? ''))) return;
    const identity = Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8');
    const uses = usesOf(key);
    const entry: Entry = { version, uses, headers: {}, bodies: { identity } };
    // Only a response kept has its headers copied.
    if (earnsPlace(uses, identity.length + key.length)) {
      for (const [name, value] of Object.entries(ctx.response.headers as Record<string, unknown>)) {
        if (!SKIPPED_HEADERS.has(name) && typeof value === 'string') entry.headers[name] = value;
      }
      entries.set(key, entry);
    }
    sendBody(ctx, key, entry, accepted);
  };
}) satisfies Core.MiddlewareFactory<PublicCacheConfig>;

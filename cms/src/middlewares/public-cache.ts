/**
 * A short-lived cache of finished public responses (the updates API and the
 * feeds), in front of Strapi's whole middleware stack. A hit costs a map
 * lookup and a write: no routing, no query parsing, no re-compression.
 *
 * Correctness rests on two bounds: an entry dies when the catalogue changes
 * (any write bumps its version) and after `TTL_MS`, since a consultation's
 * status changes with the clock. Responses are compressed once, here, per
 * encoding, instead of on every request.
 */
import { brotliCompressSync, constants, gzipSync } from 'zlib';
import type { Core } from '@strapi/strapi';
import { catalogueOf } from '../catalogue/catalogue';
import { isNotModified } from '../lib/http-cache';

const TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;
const MIN_COMPRESS_BYTES = 1_024;
const CACHEABLE = /^\/(api\/updates(\/|$)|feeds\/|updates(\/|$))/;
const SKIPPED_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);

type Encoding = 'br' | 'gzip' | 'identity';
type Entry = { version: number; expires: number; headers: Record<string, string>; bodies: Partial<Record<Encoding, Buffer>> };

function encode(body: Buffer, encoding: Encoding): Buffer {
  if (encoding === 'br') return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  if (encoding === 'gzip') return gzipSync(body, { level: 6 });
  return body;
}

/** The encoding to send: the client's preference, unless the body is too small to gain from it. */
const chooseEncoding = (accepted: string | false, size: number): Encoding =>
  size >= MIN_COMPRESS_BYTES && (accepted === 'br' || accepted === 'gzip') ? accepted : 'identity';


export default ((_config, { strapi }) => {
  const entries = new Map<string, Entry>();
  const catalogueVersion = (): number => catalogueOf(strapi).version;

  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !CACHEABLE.test(ctx.path) || ctx.get('Authorization')) return next();

    // Feeds answer a browser tab with a page (Vary: Sec-Fetch-Dest), so the destination is part of the key.
    const key = `${ctx.host} ${ctx.url} ${ctx.get('Sec-Fetch-Dest')}`;
    const accepted = ctx.acceptsEncodings('br', 'gzip', 'identity');
    const hit = entries.get(key);
    if (hit && hit.version === catalogueVersion() && hit.expires > Date.now()) {
      ctx.set(hit.headers);
      ctx.status = 200;
      if (isNotModified(ctx, hit.headers.etag, hit.headers['last-modified'])) {
        ctx.status = 304;
        ctx.body = null;
        return;
      }
      const identity = hit.bodies.identity!;
      const encoding = chooseEncoding(accepted, identity.length);
      const body = (hit.bodies[encoding] ??= encode(identity, encoding));
      if (encoding !== 'identity') ctx.set('Content-Encoding', encoding);
      ctx.compress = false;
      ctx.body = ctx.method === 'HEAD' ? null : body;
      ctx.length = body.length;
      return;
    }

    // Compression happens here, once per cached body, so the compression middleware below stands aside.
    ctx.compress = false;
    const version = catalogueVersion();
    await next();
    const raw = ctx.body;
    // Errors, 304s and anything streamed pass through as they are (uncompressed: they are small).
    if (ctx.status !== 200 || !(typeof raw === 'string' || Buffer.isBuffer(raw))) return;
    const identity = Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(ctx.response.headers as Record<string, unknown>)) {
      if (!SKIPPED_HEADERS.has(name) && typeof value === 'string') headers[name] = value;
    }
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    const entry: Entry = { version, expires: Date.now() + TTL_MS, headers, bodies: { identity } };
    entries.set(key, entry);

    const encoding = chooseEncoding(accepted, identity.length);
    if (encoding !== 'identity') {
      const body = (entry.bodies[encoding] = encode(identity, encoding));
      ctx.set('Content-Encoding', encoding);
      ctx.body = body;
      ctx.length = body.length;
    }
  };
}) satisfies Core.MiddlewareFactory;

/**
 * Public reads (the updates API, the feeds and the reader pages) go straight to their handlers
 * (lib/public-reads.ts): the middlewares below this one have nothing to do for a public read (body
 * parsing, uploads, sessions, static files; compression, as the response cache compresses what it
 * keeps), Strapi's router would first try every admin route's pattern, and it would run each
 * handler inside its per-route pipeline, which these routes do not use. Everything else a public
 * response needs runs above this one: host check, rate limit, CORS, the response cache, errors.
 *
 * Security headers come from Strapi's own security middleware (helmet, with this app's config from
 * config/middlewares.ts), recorded once: it merges its defaults into the config and builds helmet
 * anew on every request, though for these paths the result never varies (Strapi changes it only
 * for /documentation, a GraphQL endpoint and, in development, the admin).
 *
 * Any other request, or a path no public read takes (a 404), goes on down the stack.
 */
import { IncomingMessage, ServerResponse } from 'http';
import { Socket } from 'net';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import Router from '@koa/router';
import { publicReadsOf } from '../lib/public-reads';
import type { Next } from '../lib/strapi-services';
import { isPublicRead } from './public-cache';

type Dispatch = (ctx: Context, next: Next) => Promise<void>;
type MiddlewareEntry = string | { name?: string; resolve?: string; config?: unknown };

const SECURITY = 'strapi::security';

/** A router holding the public reads' handlers, in the order they were added. */
function publicReads(strapi: Core.Strapi): Dispatch {
  const router = new Router();
  for (const { path, handler } of publicReadsOf(strapi)) router.get(path, handler);
  const dispatch = router.routes();
  // The router adds its own fields (params, the matched route) to the context as it dispatches.
  return async (ctx, next) => {
    await dispatch(ctx as Parameters<typeof dispatch>[0], next);
  };
}

/** The headers Strapi's security middleware, configured as in config/middlewares.ts, sets on a GET of `path`. */
async function recordedSecurityHeaders(strapi: Core.Strapi, path: string): Promise<Record<string, string>> {
  const entries = strapi.config.get<MiddlewareEntry[]>('middlewares', []);
  const entry = entries.find((candidate) => (typeof candidate === 'string' ? candidate : candidate.name) === SECURITY);
  const security = strapi.middleware(SECURITY)(typeof entry === 'object' ? (entry.config ?? {}) : {}, { strapi });
  if (!security) throw new Error(`${SECURITY} made no middleware`);
  const req = new IncomingMessage(new Socket());
  req.method = 'GET';
  req.url = path;
  const res = new ServerResponse(req);
  await security({ method: 'GET', path, req, res } as unknown as Context, () => Promise.resolve());
  return Object.fromEntries(Object.entries(res.getHeaders()).map(([name, value]) => [name, String(value)]));
}

export default ((_config, { strapi }) => {
  // Made at the first public read, once Strapi has mounted every route.
  let ready: Promise<{ dispatch: Dispatch; headers: Record<string, string> }> | undefined;
  return async (ctx, next: Next) => {
    if (!isPublicRead(ctx)) return next();
    ready ??= recordedSecurityHeaders(strapi, ctx.path).then((headers) => ({ dispatch: publicReads(strapi), headers }));
    const { dispatch, headers } = await ready;
    ctx.set(headers);
    return dispatch(ctx, next);
  };
}) satisfies Core.MiddlewareFactory;

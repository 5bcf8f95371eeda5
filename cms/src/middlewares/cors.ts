/**
 * CORS. Public reads (see security/public-routes.ts) answer any origin with `*` and never with
 * credentials, so partner pages can fetch them. Everything else (the admin, its API, uploads by
 * editors) answers only the CMS's own origin and the origins in CORS_ALLOWED_ORIGINS
 * (comma-separated, e.g. an admin panel served elsewhere); any other origin gets no CORS headers,
 * so a browser will not let that page read the answer.
 */
import cors from '@koa/cors';
import type { Core } from '@strapi/strapi';
import { publicBaseUrl } from '../catalogue/catalogue';
import { isPublicRead } from '../security/public-routes';

export type CorsConfig = { allowedOrigins: string[] };

export default ((config: CorsConfig, { strapi }) => {
  const configured = new Set(config.allowedOrigins.map((origin) => new URL(origin).origin));
  const isAllowed = (origin: string) => configured.has(origin) || origin === new URL(publicBaseUrl(strapi)).origin;
  const isPublic = (ctx: Parameters<Core.MiddlewareHandler>[0]) => isPublicRead(ctx.method, ctx.path, ctx.get('Access-Control-Request-Method'));

  const decide = cors({
    origin: (ctx) => (isPublic(ctx) ? '*' : isAllowed(ctx.get('Origin')) ? ctx.get('Origin') : ''),
    credentials: (ctx) => !isPublic(ctx),
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization', 'Accept', 'If-None-Match', 'If-Modified-Since'],
    exposeHeaders: ['ETag', 'Last-Modified', 'Retry-After'],
    maxAge: 86_400,
    keepHeadersOnError: true,
  });
  return async (ctx, next) => {
    // strapi::cors, ahead of this one, answers a request without an Origin with `*`: the decision is made here alone.
    for (const header of ['Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials', 'Access-Control-Expose-Headers']) ctx.remove(header);
    await decide(ctx, next);
  };
}) satisfies Core.MiddlewareFactory<CorsConfig>;

/**
 * Methods this CMS has no use for anywhere (TRACE, CONNECT, WebDAV's…) get 405 with the Allow
 * header, before any route: the router would otherwise answer 501, a server error for what is the
 * client's mistake.
 */
import type { Core } from '@strapi/strapi';
import type { Next } from '../lib/strapi-services';

const METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'];

export default (() => async (ctx, next: Next) => {
  if (METHODS.includes(ctx.method)) return next();
  ctx.status = 405;
  ctx.set('Allow', METHODS.join(', '));
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'text/plain; charset=utf-8';
  ctx.body = `Method not allowed: ${ctx.method.slice(0, 20)} is not used here. Use ${METHODS.join(', ')}.\n`;
}) satisfies Core.MiddlewareFactory;

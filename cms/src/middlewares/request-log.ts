/**
 * One log line per request, as Strapi's own `strapi::logger` writes it, but only when the `http`
 * level is on: winston formats (timestamps, colours) every line before its transports drop it by
 * level, which cost about 6 % of a busy instance's CPU with LOG_LEVEL=error.
 */
import type { Core } from '@strapi/strapi';
import type { Next } from '../lib/strapi-services';

export default ((_config, { strapi }) =>
  async (ctx, next: Next) => {
    if (!strapi.log.isLevelEnabled('http')) return next();
    const start = Date.now();
    await next();
    strapi.log.http(`${ctx.method} ${ctx.url} (${Math.ceil(Date.now() - start)} ms) ${ctx.status}`);
  }) satisfies Core.MiddlewareFactory;

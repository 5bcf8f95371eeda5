/**
 * A per-client limit on public requests (API, feeds, pages, widgets, demo, uploads), so one client
 * cannot take the server from everyone else. Over the limit: 429 with Retry-After.
 *
 * The client is `ctx.ip`: the connecting address, or, only when IS_PROXIED is set, the address our
 * own proxy put in X-Forwarded-For (config/server.ts), so a client cannot pick its own key.
 *
 * The default, 1,000 requests per 10 seconds (100 a second, sustained), is far above real use: a
 * reader's page view costs about 10 requests, so one address would need 10 page views every second
 * (a whole council's staff behind one proxy does not come close), and a widget on a partner page
 * costs its readers 1 to 3 requests each, cached by their browsers.
 */
import type { Core } from '@strapi/strapi';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { isPublicPath } from '../security/public-routes';
import type { Next } from '../lib/strapi-services';

export type RateLimitConfig = {
  /** Requests allowed per client per window; 0 turns the limit off (benchmarks). */
  requests: number;
  windowSeconds: number;
};

export default ((config: RateLimitConfig) => {
  if (!config.requests) return (_ctx, next: Next) => next();
  const limiter = new RateLimiterMemory({ points: config.requests, duration: config.windowSeconds });

  return async (ctx, next: Next) => {
    if (!isPublicPath(ctx.path)) return next();
    try {
      await limiter.consume(ctx.ip || 'unknown');
    } catch (refused) {
      if (!(refused instanceof RateLimiterRes)) throw refused;
      const retryAfter = Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
      ctx.status = 429;
      ctx.set('Retry-After', String(retryAfter));
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Access-Control-Allow-Origin', '*');
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = `Too many requests from your address: at most ${config.requests} in ${config.windowSeconds} seconds. Try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.\n`;
      return;
    }
    await next();
  };
}) satisfies Core.MiddlewareFactory<RateLimitConfig>;

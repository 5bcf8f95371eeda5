/**
 * A request whose Host header is not a host name, IPv4 or bracketed IPv6 address (with an optional
 * port) gets 400 before anything else reads it. Links never come from this header anyway (see
 * config/server.ts, PUBLIC_URL); this keeps malformed values from reaching code that parses them.
 */
import type { Core } from '@strapi/strapi';

const LABEL = '[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?';
const HOST = new RegExp(`^(?:${LABEL}(?:\\.${LABEL})*\\.?|\\[[0-9a-f:.]{2,45}\\])(?::\\d{1,5})?$`, 'i');

export const isWellFormedHost = (host: string) => host.length <= 260 && HOST.test(host);

export default ((_config, { strapi: _strapi }) =>
  async (ctx, next) => {
    const host = ctx.get('Host');
    // HTTP/1.0 clients may send none; Node itself refuses HTTP/1.1 requests without one.
    if (host !== '' && !isWellFormedHost(host)) {
      ctx.status = 400;
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = 'Bad request: the Host header is not a valid host name.\n';
      return;
    }
    await next();
  }) satisfies Core.MiddlewareFactory;

/**
 * The public lane: a GET or HEAD of a public read (the updates API, the feeds, the reader pages) is
 * answered by the middlewares config/middlewares.ts lists above `global::public-routes`, in that
 * order and with their configuration, then by that one, and by nothing else.
 *
 * What it leaves out is what Strapi puts in front of every request and a public read has no use
 * for: its request context (an AsyncLocalStorage), the admin's session and Strapi's own CORS
 * middleware (global::cors decides every CORS header). The method check is left out too, as the
 * lane takes only GET and HEAD. Any other request goes to Strapi's whole stack.
 *
 * The lane keeps Koa: the context comes from Strapi's app (its query parser, proxy settings and
 * error handling), and Koa sends the response.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import type Koa from 'koa';
import compose from 'koa-compose';
import { isPublicPath } from '../middlewares/public-cache';

type MiddlewareEntry = string | { name?: string; resolve?: string; config?: unknown };
type Lane = (ctx: Koa.Context) => Promise<void>;

/** The last middleware of the lane: it routes the read to its handler. */
export const LANE_END = 'global::public-routes';
/** Configured above the lane's end, but not for a public read (see above). */
const NOT_FOR_PUBLIC_READS: ReadonlySet<string> = new Set(['strapi::cors', 'global::method-check']);

const nameOf = (entry: MiddlewareEntry) => (typeof entry === 'string' ? entry : (entry.name ?? entry.resolve ?? ''));

/** The names of the lane's middlewares, in order, from the configured list. */
export function laneMiddlewareNames(entries: readonly MiddlewareEntry[]): string[] {
  const end = entries.findIndex((entry) => nameOf(entry) === LANE_END);
  if (end < 0) throw new Error(`config/middlewares.ts must list ${LANE_END}: the public lane ends with it.`);
  return entries
    .slice(0, end + 1)
    .map(nameOf)
    .filter((name) => !NOT_FOR_PUBLIC_READS.has(name));
}

/** Koa's own request handling (status, errors, sending) around a composed middleware; public in Koa 2, untyped. */
type KoaApp = Koa & { handleRequest(ctx: Koa.Context, middleware: Lane): Promise<void> };

function isLaneRequest(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = req.url ?? '';
  const query = url.indexOf('?');
  return isPublicPath(query < 0 ? url : url.slice(0, query));
}

/** Puts the lane in front of Strapi's request handler. Call once, before the server listens. */
export function openPublicLane(strapi: Core.Strapi) {
  const entries = strapi.config.get<MiddlewareEntry[]>('middlewares', []);
  const names = new Set(laneMiddlewareNames(entries));
  const middlewares = entries
    .filter((entry) => names.has(nameOf(entry)))
    .map((entry) => {
      const factory = strapi.middleware(nameOf(entry));
      if (!factory) throw new Error(`The public lane found no middleware named ${nameOf(entry)}.`);
      return factory(typeof entry === 'object' ? (entry.config ?? {}) : {}, { strapi });
    })
    .filter((middleware): middleware is Koa.Middleware => typeof middleware === 'function');
  const lane: Lane = compose(middlewares);

  const app = strapi.server.app as KoaApp;
  // As Koa's own callback() does: an error the lane cannot answer is logged, not thrown.
  if (!app.listenerCount('error')) app.on('error', app.onerror);
  const server = strapi.server.httpServer;
  const [stack] = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  if (!stack) throw new Error("The public lane found no request handler on Strapi's server.");
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!isLaneRequest(req)) return stack(req, res);
    void app.handleRequest(app.createContext(req, res), lane);
  });
}

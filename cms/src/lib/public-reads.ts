/**
 * The public reads' routes (the updates API, the feeds, the reader pages): GET routes anyone may
 * read, registered once here for both ways a request can reach them.
 *
 * Strapi's router gets them (so another method on the same path gets 405 with Allow), but a GET or
 * HEAD is answered by global::public-routes, which calls the handler itself: Strapi's router would
 * wrap each handler in its per-route pipeline (route info, authentication, authorization, policies,
 * the returned body), which these routes never use. (No speed-up from this showed beyond the
 * machine's run-to-run spread: README, "Benchmarks".)
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

export type PublicRead = { path: string; handler: (ctx: Context) => void | Promise<void> };

const registered = new WeakMap<Core.Strapi, PublicRead[]>();

/** Adds public GET routes, in order: the first whose path matches answers. */
export function addPublicReads(strapi: Core.Strapi, routes: PublicRead[]) {
  strapi.server.routes(routes.map(({ path, handler }) => ({ method: 'GET', path, handler, config: { auth: false } })));
  registered.set(strapi, [...(registered.get(strapi) ?? []), ...routes]);
}

export const publicReadsOf = (strapi: Core.Strapi): readonly PublicRead[] => registered.get(strapi) ?? [];

/**
 * The query as a public read's parameters: each name's value, or its values in order when given more
 * than once, read as the response cache reads it for its key (URLSearchParams: middlewares/public-cache.ts),
 * so two addresses with one key always get one answer. Strapi's parser (qs, behind `ctx.query`) reads
 * such queries the same, but for a name with no value (null there, empty here) and an escape that does
 * not decode (the whole value left encoded there, the rest decoded here); it took 6 % of an uncached
 * feed's CPU at 100,000 items. A query with a bracketed name (`type[0]=…`) goes to qs, which reads those
 * as arrays and objects (the cache keeps no such answer), so the route can say what is wrong with it.
 * Names are keys of an object with no prototype: `__proto__` is a parameter like any other.
 */
export function queryOf(ctx: Context): Record<string, unknown> {
  const query: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [name, value] of new URLSearchParams(ctx.querystring)) {
    if (name.includes('[')) return ctx.query;
    const known = query[name];
    if (known === undefined) query[name] = value;
    else if (Array.isArray(known)) known.push(value);
    else query[name] = [known, value];
  }
  return query;
}

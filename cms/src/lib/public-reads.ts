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
 * The request's query as Strapi's parser (qs, from strapi::query) gives it for flat names: one
 * value as text, a repeated name as a list. Read here with URLSearchParams: 1.2–1.3 µs a query
 * against qs's 6–7.5 µs (this machine, 100,000 list queries), and a profile of uncached lists at
 * 100,000 items put qs's getter among the larger costs of a request. A bracketed name
 * (`type[0]=…`), which qs nests, is left to qs, so the handlers refuse it as before.
 */
export function queryOf(ctx: Context): Record<string, unknown> {
  // No prototype: a parameter named __proto__ is a parameter like any other.
  const query = Object.create(null) as Record<string, string | string[]>;
  for (const [name, value] of new URLSearchParams(ctx.querystring)) {
    if (name.includes('[')) return ctx.query;
    const known = query[name];
    query[name] = known === undefined ? value : typeof known === 'string' ? [known, value] : [...known, value];
  }
  return query;
}

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

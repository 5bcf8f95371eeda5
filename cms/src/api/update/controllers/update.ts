/**
 * GET /api/updates and GET /api/updates/:type/:slug.
 *
 * Reads only the published catalogue, so no parameter (status=draft,
 * publicationState, filters on internals) can reach a draft.
 */
import type { Core } from '@strapi/strapi';
import { parseUpdateQuery, QueryError } from '../../../lib/update-query';
import { isUpdateType, UPDATE_TYPES, TYPE_LABELS, AUDIENCES } from '../../../lib/update-types';
import { sendCacheable } from '../../../lib/http-cache';
import { live, selectEntries } from '../services/select';

const JSON_TYPE = 'application/json; charset=utf-8';

function badRequest(ctx: any, error: QueryError) {
  ctx.status = 400;
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.body = {
    data: null,
    error: { status: 400, name: 'ValidationError', message: error.message, details: { parameter: error.parameter } },
  };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const catalogue = () => strapi.service('api::update.catalogue') as any;

  return {
    async find(ctx: any) {
      let query;
      try {
        query = parseUpdateQuery(ctx.query);
      } catch (error) {
        if (error instanceof QueryError) return badRequest(ctx, error);
        throw error;
      }
      // Finished responses are cached ahead of Strapi's stack (middlewares/public-cache.ts).
      const current = await catalogue().get();
      const now = Date.now();
      const matches = selectEntries(current.entries, query, now, query.sort);
      const total = matches.length;
      const start = (query.page - 1) * query.pageSize;
      const data = matches.slice(start, start + query.pageSize).map((entry) => live(entry.summary, now));
      const body = JSON.stringify({
        data,
        meta: {
          pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(total / query.pageSize), total },
          facets: facets(current.entries),
        },
      });
      return sendCacheable(ctx, { body, contentType: JSON_TYPE, lastModified: current.lastModified });
    },

    async findOne(ctx: any) {
      const { type, slug } = ctx.params;
      if (!isUpdateType(type)) {
        return badRequest(ctx, new QueryError('type', `Unknown type "${String(type).slice(0, 40)}". Use ${Object.keys(UPDATE_TYPES).join(', ')}.`));
      }
      const current = await catalogue().get();
      const entry = current.bySlug.get(`${type}/${slug}`);
      if (!entry) {
        ctx.status = 404;
        ctx.set('Access-Control-Allow-Origin', '*');
        ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: `No published ${TYPE_LABELS[type].toLowerCase()} has the slug "${String(slug).slice(0, 80)}".` } };
        return;
      }
      const body = JSON.stringify({ data: live(entry.detail, Date.now()) });
      return sendCacheable(ctx, { body, contentType: JSON_TYPE, lastModified: new Date(entry.detail.updatedAt) });
    },
  };
};

/** Counts over all published items, so an archive can offer only filters that find something. */
const facetCache = new WeakMap<object, unknown>();
function facets(entries: any[]) {
  const hit = facetCache.get(entries);
  if (hit) return hit;
  const count = <K extends string>(keys: K[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<K, number>());
  const topicNames = new Map<string, string>();
  const topicCounts = count(entries.flatMap((e) => e.summary.topics.map((t: any) => (topicNames.set(t.slug, t.name), t.slug))));
  const result = {
    types: Object.keys(UPDATE_TYPES).map((type) => ({ value: type, label: TYPE_LABELS[type as keyof typeof TYPE_LABELS], count: entries.filter((e) => e.summary.type === type).length })),
    topics: [...topicCounts].map(([slug, n]) => ({ value: slug, label: topicNames.get(slug), count: n })).sort((a, b) => a.label!.localeCompare(b.label!)),
    audiences: Object.entries(AUDIENCES).map(([value, a]) => ({ value, label: a.label, count: entries.filter((e) => e.summary.audiences.includes(value)).length })),
    years: [...count(entries.map((e) => String(e.year)))].map(([year, n]) => ({ value: Number(year), count: n })).sort((a, b) => b.value - a.value),
  };
  facetCache.set(entries, result);
  return result;
}

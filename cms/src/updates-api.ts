/**
 * GET /api/updates and GET /api/updates/:type/:slug, the public read API the widgets use.
 *
 * Reads only the published catalogue, so no parameter (status=draft,
 * publicationState, filters on internals) can reach a draft.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { ErrorResponse, Facets, ItemResponse, ListResponse } from '../../contract/api';
import { catalogueOf } from './catalogue/catalogue';
import { summaryJson, type Json } from './catalogue/entry';
import { facets, matchingFacets, selectPage } from './catalogue/select';
import { bytesOfParts, sendCacheable } from './lib/http-cache';
import { addPublicReads, queryOf } from './lib/public-reads';
import { parseUpdateQuery, QueryError, type UpdateQuery } from './lib/update-query';
import { isUpdateType, UPDATE_TYPES, TYPE_LABELS } from './lib/update-types';

const JSON_TYPE = 'application/json; charset=utf-8';

function sendError(ctx: Context, body: ErrorResponse) {
  ctx.status = body.error.status;
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.body = body;
}

const badRequest = (ctx: Context, error: QueryError) =>
  sendError(ctx, { data: null, error: { status: 400, name: 'ValidationError', message: error.message, details: { parameter: error.parameter } } });

/** The facets over every item as JSON, written once per catalogue state (the same on every list of that state). */
const facetsJson = new WeakMap<Facets, Json<Facets>>();
function allFacetsJson(counts: Facets): Json<Facets> {
  let written = facetsJson.get(counts);
  if (written === undefined) facetsJson.set(counts, (written = JSON.stringify(counts)));
  return written;
}

/** The list response as JSON bytes, from JSON already written: each item's as the catalogue keeps it (entry.ts), and the facets'. */
function listBytes(data: Json<ListResponse['data'][number]>[], pagination: ListResponse['meta']['pagination'], facets: Json<Facets>): Buffer {
  const parts: string[] = ['{"data":['];
  data.forEach((item, i) => (i ? parts.push(',', item) : parts.push(item)));
  parts.push(`],"meta":{"pagination":${JSON.stringify(pagination)},"facets":`, facets, '}}');
  return bytesOfParts(parts);
}

export function registerUpdatesApi(strapi: Core.Strapi) {
  const catalogue = () => catalogueOf(strapi);

  addPublicReads(strapi, [
    {
      path: '/api/updates',
      async handler(ctx: Context) {
        let query: UpdateQuery;
        try {
          query = parseUpdateQuery(queryOf(ctx));
        } catch (error) {
          if (error instanceof QueryError) return badRequest(ctx, error);
          throw error;
        }
        // Finished responses are cached ahead of Strapi's stack (middlewares/public-cache.ts).
        const current = await catalogue().get();
        const now = Date.now();
        // Only the page is read: the total is counted, not listed.
        const { total, entries } = selectPage(current, query, now, query.sort, (query.page - 1) * query.pageSize, query.pageSize);
        const body = listBytes(
          entries.map((entry) => summaryJson(entry, now)),
          { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(total / query.pageSize), total },
          query.facets === 'matching' ? JSON.stringify(matchingFacets(current, query, now)) : allFacetsJson(facets(current.entries)),
        );
        return sendCacheable(ctx, { body, contentType: JSON_TYPE, lastModified: current.lastModified });
      },
    },
    {
      path: '/api/updates/:type/:slug',
      async handler(ctx: Context) {
        const { type, slug } = ctx.params as { type: string; slug: string };
        if (!isUpdateType(type)) {
          return badRequest(ctx, new QueryError('type', `Unknown type "${type.slice(0, 40)}". Use ${Object.keys(UPDATE_TYPES).join(', ')}.`));
        }
        const current = await catalogue().get();
        const entry = current.bySlug[type].get(slug);
        if (!entry) {
          const message = `No published ${TYPE_LABELS[type].toLowerCase()} has the slug "${slug.slice(0, 80)}".`;
          return sendError(ctx, { data: null, error: { status: 404, name: 'NotFoundError', message } });
        }
        // Written from the item's kept JSON, not read into an object and written again.
        const body: Json<ItemResponse> = `{"data":${catalogue().detailJson(entry, Date.now())}}`;
        return sendCacheable(ctx, { body, contentType: JSON_TYPE, lastModified: entry.updatedAt ? new Date(entry.updatedAt) : undefined });
      },
    },
  ]);
}

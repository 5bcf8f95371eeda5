/**
 * Public feeds, at the server root (not under /api):
 *
 *   /feeds/rss.xml, /feeds/atom.xml, /feeds/feed.json   all published items, with the
 *                                                        same filters as /api/updates
 *   /feeds/consultations.ics                             closing dates of upcoming and open consultations
 *   /feeds/consultations/:slug.ics                       one consultation's closing date
 *   /feeds/icon.png                                      the feeds' image
 *
 * Everything is built from the published catalogue (drafts are unreachable)
 * and cached per catalogue build and canonical query, so a poll costs a map
 * lookup and, usually, a 304.
 *
 * A browser that opens RSS, Atom or JSON Feed itself (a top-level navigation, which feed readers
 * never make) gets a readable page instead (`inBrowser`): the response varies on Sec-Fetch-Dest.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { LRUCache } from 'lru-cache';
import type { ConsultationDetail, UpdateDetail } from '../../../contract/api';
import { catalogueOf, publicBaseUrl, type Catalogue, type CatalogueEntry } from '../catalogue/catalogue';
import { selectPage, statusBoundaries, topicNamer } from '../catalogue/select';
import { bytesOf, etagOf, sendCacheable } from '../lib/http-cache';
import { addPublicReads, queryOf } from '../lib/public-reads';
import { useCounter } from '../lib/use-counts';
import { parseFeedLimit, parseFilters, QueryError, type Sort, type UpdateFilters } from '../lib/update-query';
import { ATOM, ATOM_CONTENT_TYPE, ATOM_PATH } from './atom';
import { describeFilters } from './describe';
import { buildFeed, canonicalQuery, FEED_ICON_PATH, feedBytes, feedItemCache, renderFeedItem, type FeedFormat } from './feed-model';
import { CONSULTATIONS_ICS_PATH, ICS_CONTENT_TYPE, renderCalendar } from './icalendar';
import { feedIconPng } from './icon';
import { JSON_FEED, JSON_FEED_CONTENT_TYPE, JSON_FEED_PATH } from './json-feed';
import { RSS, RSS_CONTENT_TYPE, RSS_PATH } from './rss';
import { itemLink, readFeedSettings, type FeedSettings } from './settings';

/** Seconds readers and caches may reuse a feed without asking; the origin itself is always fresh. */
const FEED_MAX_AGE = 300;
/** Bytes of rendered feeds kept per catalogue build; `q` is free text, so the cache must be bounded. */
const MAX_CACHED_BYTES = 16 * 1024 * 1024;
/** A rendered feed is kept when its address is asked for again within this time (feed readers poll hourly or more often). */
const ADMIT_WINDOW_MS = 60 * 60 * 1000;
/** Bytes of items kept as each feed format writes them, for feeds not yet cached whole (feed-model.ts). */
const ITEM_CACHE_BYTES = 32 * 1024 * 1024;

type Rendered = { body: Buffer; etag: string; lastModified: Date; expiresAt: number };

/**
 * Rendered bodies per catalogue build. A new build (after any write, or the
 * catalogue's periodic refresh) is a new object, so stale bodies are never
 * served and old maps are garbage-collected with their catalogue.
 */
class FeedCache {
  private byCatalogue = new WeakMap<Catalogue, LRUCache<string, Rendered>>();
  private uses = useCounter(ADMIT_WINDOW_MS);

  /** `render` gives the ETag when it knows it without hashing the body. */
  get(catalogue: Catalogue, key: string, now: number, render: () => Omit<Rendered, 'etag' | 'body'> & { body: string | Buffer; etag?: string }): Rendered {
    let rendered = this.byCatalogue.get(catalogue);
    if (!rendered)
      this.byCatalogue.set(
        catalogue,
        (rendered = new LRUCache({ maxSize: MAX_CACHED_BYTES, sizeCalculation: (entry, entryKey) => entry.body.length + entryKey.length * 2 })),
      );
    const hit = rendered.get(key);
    if (hit && hit.expiresAt > now) return hit;
    const fresh = render();
    // Kept encoded, as it is sent.
    const body = bytesOf(fresh.body);
    const entry = { ...fresh, body, etag: fresh.etag ?? etagOf(body) };
    // Kept from the second time its address is asked for (lib/use-counts.ts).
    if (this.uses(key) >= 2) rendered.set(key, entry);
    return entry;
  }
}

function timed(catalogue: Catalogue, now: number, timeDependent: boolean) {
  if (!timeDependent) return { lastModified: catalogue.lastModified, expiresAt: Number.POSITIVE_INFINITY };
  // A consultation opening or closing changes its status, so the feed's content changes with the clock.
  const { last, next } = statusBoundaries(catalogue.entries, now);
  const lastModified = new Date(Math.max(catalogue.lastModified.getTime(), Math.floor(last / 1000) * 1000));
  return { lastModified, expiresAt: next };
}

function sendRendered(ctx: Context, rendered: Rendered, contentType: string) {
  sendCacheable(ctx, { body: rendered.body, etag: rendered.etag, contentType, lastModified: rendered.lastModified, maxAge: FEED_MAX_AGE });
}

/** Whether a person opened this address in a browser tab (Fetch Metadata); feed readers never send these. */
export const isDocumentNavigation = (ctx: Context) => ctx.get('Sec-Fetch-Dest') === 'document' && ctx.get('Sec-Fetch-Mode') === 'navigate';

/** Feeds answer browsers and feed readers differently, so caches must keep the two apart. */
const VARY = 'Accept-Encoding, Sec-Fetch-Dest';

/** How a feed is answered when a person opens it in a browser. */
export type FeedInBrowser = (ctx: Context, feedName: string, filters: UpdateFilters) => Promise<void>;

function sendText(ctx: Context, status: number, message: string) {
  ctx.status = status;
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'text/plain; charset=utf-8';
  ctx.body = `${message}\n`;
}

/** Filters and item limit from the query string, or null after answering 400 with the reason. */
function filtersOrBadRequest(ctx: Context, read: (query: Record<string, unknown>) => UpdateFilters): (UpdateFilters & { limit: number }) | null {
  try {
    const query = queryOf(ctx);
    return { ...read(query), limit: parseFeedLimit(query) };
  } catch (error) {
    if (error instanceof QueryError) {
      sendText(ctx, 400, `Bad request: ${error.message}`);
      return null;
    }
    throw error;
  }
}

/** The calendar lists consultations only, upcoming and open unless `status` says otherwise. */
function calendarFilters(query: Record<string, unknown>): UpdateFilters {
  const filters = parseFilters(query);
  if (filters.types.some((type) => type !== 'consultation')) {
    throw new QueryError('type', 'The calendar lists consultations only; leave out "type" or use type=consultation.');
  }
  return { ...filters, types: ['consultation'], status: filters.status.length ? filters.status : ['upcoming', 'open'] };
}

const CALENDAR_NAME = 'SEND consultation closing dates';
/** What people call each syndication format, for the page a browser gets. */
const FEED_NAMES: Record<string, string> = { [RSS_PATH]: 'RSS feed', [ATOM_PATH]: 'Atom feed', [JSON_FEED_PATH]: 'JSON Feed' };
/** The route that answers FeedPaths['consultationCalendar']. */
const CONSULTATION_ICS_ROUTE = '/feeds/consultations/:slug.ics';

const isConsultation = (detail: UpdateDetail): detail is ConsultationDetail => detail.type === 'consultation';

export function registerFeeds(strapi: Core.Strapi, { inBrowser }: { inBrowser: FeedInBrowser }) {
  const settings: FeedSettings = readFeedSettings();
  const cache = new FeedCache();
  const catalogue = (): Promise<Catalogue> => catalogueOf(strapi).get();
  // Links come from the configured public URL, never from the request's Host header.
  const cmsBaseUrl = (): string => publicBaseUrl(strapi);
  const itemText = feedItemCache({
    render: (format, entry: CatalogueEntry, base) => format.item(renderFeedItem(catalogueOf(strapi).detail(entry), settings, base)),
    maxBytes: ITEM_CACHE_BYTES,
  });

  /** Answers a filtered feed from the cache, rendering it on a miss. */
  const serveFiltered = async (
    ctx: Context,
    path: string,
    filters: UpdateFilters & { limit: number },
    contentType: string,
    { timeDependent, sort }: { timeDependent: boolean; sort: Sort },
    render: (entries: readonly CatalogueEntry[], base: string, lastModified: Date, current: Catalogue) => { body: string | Buffer; etag?: string },
  ) => {
    const current = await catalogue();
    const now = Date.now();
    const base = cmsBaseUrl();
    const rendered = cache.get(current, `${path}${canonicalQuery(filters)} ${filters.limit} ${base}`, now, () => {
      const { lastModified, expiresAt } = timed(current, now, timeDependent);
      const { entries } = selectPage(current, filters, now, sort, 0, filters.limit);
      return { ...render(entries, base, lastModified, current), lastModified, expiresAt };
    });
    sendRendered(ctx, rendered, contentType);
  };

  const syndicationFeed = (path: string, contentType: string, format: FeedFormat) => async (ctx: Context) => {
    const filters = filtersOrBadRequest(ctx, parseFilters);
    if (!filters) return;
    if (isDocumentNavigation(ctx)) {
      await inBrowser(ctx, FEED_NAMES[path], filters);
    } else {
      // Only a status filter makes the selection move with the clock.
      await serveFiltered(
        ctx,
        path,
        filters,
        contentType,
        { timeDependent: filters.status.length > 0, sort: 'newest' },
        (entries, base, lastModified, current) =>
          feedBytes(
            format.frame(buildFeed({ filters, topicName: topicNamer(current.entries), settings, cmsBaseUrl: base, lastModified })),
            entries.map((entry) => itemText(format, entry, base)),
          ),
      );
    }
    ctx.set('Vary', VARY);
  };

  const calendarLinks = (base: string) => (detail: ConsultationDetail) => itemLink(settings, base, detail);

  const consultationsCalendar = async (ctx: Context) => {
    const filters = filtersOrBadRequest(ctx, calendarFilters);
    if (!filters) return;
    await serveFiltered(
      ctx,
      CONSULTATIONS_ICS_PATH,
      filters,
      ICS_CONTENT_TYPE,
      { timeDependent: true, sort: 'closing' },
      (entries, base, _lastModified, current) => {
        // Named for its filters beyond the calendar's own (consultations, upcoming and open), e.g. "…: about short breaks".
        const words = describeFilters({ ...filters, types: [], status: [] }, topicNamer(current.entries));
        const name = words ? `${CALENDAR_NAME}: ${words.replace(/^updates ?,? ?/, '')}` : CALENDAR_NAME;
        const consultations = catalogueOf(strapi).details(entries).filter(isConsultation);
        return { body: renderCalendar(consultations, { name, description: settings.description, linkOf: calendarLinks(base) }) };
      },
    );
  };

  const consultationCalendar = async (ctx: Context) => {
    const { slug = '' } = ctx.params as { slug?: string };
    const current = await catalogue();
    const entry = current.bySlug.consultation.get(slug);
    const detail = entry && catalogueOf(strapi).detail(entry);
    if (!detail || !isConsultation(detail)) return sendText(ctx, 404, `No published consultation has the address "${slug.slice(0, 80)}".`);
    const base = cmsBaseUrl();
    const rendered = cache.get(current, `consultation:${slug} ${base}`, Date.now(), () => ({
      body: renderCalendar([detail], { name: detail.title, description: detail.summary, linkOf: calendarLinks(base) }),
      lastModified: new Date(Math.floor(Date.parse(detail.updatedAt) / 1000) * 1000),
      expiresAt: Number.POSITIVE_INFINITY,
    }));
    ctx.set('Content-Disposition', `inline; filename="${slug.replace(/[^a-z0-9-]/gi, '')}.ics"`);
    sendRendered(ctx, rendered, ICS_CONTENT_TYPE);
  };

  const icon = (ctx: Context) => {
    sendCacheable(ctx, { body: feedIconPng(), contentType: 'image/png', maxAge: 86_400 });
    return Promise.resolve();
  };

  addPublicReads(strapi, [
    { path: RSS_PATH, handler: syndicationFeed(RSS_PATH, RSS_CONTENT_TYPE, RSS) },
    { path: ATOM_PATH, handler: syndicationFeed(ATOM_PATH, ATOM_CONTENT_TYPE, ATOM) },
    { path: JSON_FEED_PATH, handler: syndicationFeed(JSON_FEED_PATH, JSON_FEED_CONTENT_TYPE, JSON_FEED) },
    { path: CONSULTATIONS_ICS_PATH, handler: consultationsCalendar },
    { path: CONSULTATION_ICS_ROUTE, handler: consultationCalendar },
    { path: FEED_ICON_PATH, handler: icon },
  ]);
}

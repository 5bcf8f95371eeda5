/** Addresses of the reader pages and feeds for a selection of items, all absolute on the CMS's public URL. */
import type { FeedPaths, PagePaths, UpdateSummary } from '../../../contract/api';
import { itemPagePath } from '../catalogue/items';
import { ATOM_PATH } from '../feeds/atom';
import { canonicalQuery, INDEX_PATH } from '../feeds/feed-model';
import { CONSULTATIONS_ICS_PATH } from '../feeds/icalendar';
import { JSON_FEED_PATH } from '../feeds/json-feed';
import { RSS_PATH } from '../feeds/rss';
import type { UpdateFilters } from '../lib/update-query';

export const SUBSCRIBE_PATH: PagePaths['subscribe'] = '/updates/subscribe';
export const WIDGETS_PATH: PagePaths['widgets'] = '/updates/for-websites';
export { INDEX_PATH };

/** The calendar takes every filter but type (it lists consultations only). */
export const calendarFilters = (filters: UpdateFilters): UpdateFilters => ({ ...filters, types: [] });

/** Whether the selection can hold consultations, so a calendar of their closing dates makes sense. */
export const mayHoldConsultations = (filters: UpdateFilters) => filters.types.length === 0 || filters.types.includes('consultation');

export function urlsFor(baseUrl: string, filters: UpdateFilters) {
  const query = canonicalQuery(filters);
  const at = (path: string, q = query) => `${baseUrl}${path}${q}`;
  const calendar = at(CONSULTATIONS_ICS_PATH, canonicalQuery(calendarFilters(filters)));
  return {
    index: at(INDEX_PATH),
    subscribe: at(SUBSCRIBE_PATH),
    feeds: { rss: at(RSS_PATH), atom: at(ATOM_PATH), json: at(JSON_FEED_PATH) } satisfies Partial<Record<keyof FeedPaths, string>>,
    calendar,
    /** The same calendar for calendar apps to subscribe to: webcal:// opens the reader's calendar app. */
    webcal: calendar.replace(/^https?:/, 'webcal:'),
  };
}

export const itemPageUrl = (baseUrl: string, item: Pick<UpdateSummary, 'type' | 'slug'>) => `${baseUrl}${itemPagePath(item.type, item.slug)}`;

/** URL helpers: building API requests and deciding which links are safe to render. */
import type { FeedQuery, PagePaths, UpdatesQuery, UpdateType } from './types.js';

/** The CMS's pages for readers (they work without JavaScript), relative to its origin. */
export const INDEX_PATH: PagePaths['index'] = '/updates';
export const SUBSCRIBE_PATH: PagePaths['subscribe'] = '/updates/subscribe';
export const itemPagePath = (type: UpdateType, slug: string): PagePaths['item'] => `/updates/${type}/${encodeURIComponent(slug)}`;

/** The filters the feeds, the index page and the subscribe page share, as query values (lists comma-separated). */
export type FeedFilters = { [Name in keyof FeedQuery]?: QueryValue };
/** A list request's parameters (`satisfies ListParams`: a misspelt name fails to compile). */
export type ListParams = { [Name in keyof UpdatesQuery]?: QueryValue };

const SAFE_PROTOCOL = /^(https?|mailto|tel):$/;

/**
 * Absolute href for a CMS-supplied URL, or null when its scheme is not allowed (javascript:, data:, …)
 * or it is protocol-relative (//host: the host would be anyone's, with the page's scheme).
 */
export function safeHref(url: string | null | undefined, base: string): string | null {
  if (!url || /^\s*[\\/]{2}/.test(url)) return null;
  try {
    const parsed = new URL(url.trim(), base);
    return SAFE_PROTOCOL.test(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

export type QueryValue = string | number | string[] | undefined | null;

/** Appends non-empty params; list values are sent comma-separated (the API accepts both forms). */
export function withQuery(base: string, params: Record<string, QueryValue>): string {
  const url = new URL(base);
  for (const [name, value] of Object.entries(params)) {
    const text = String(value ?? ''); // a list joins with commas
    if (text !== '') url.searchParams.set(name, text);
  }
  return url.href;
}

/** "a, b,,c " → ["a", "b", "c"] for comma-separated attributes. */
export function splitList(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

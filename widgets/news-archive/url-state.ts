import { splitList } from '../core/urls.js';

/** What the archive shows; kept in prefixed query parameters so links, refresh and back/forward restore it. */
export interface ArchiveView {
  q: string;
  type: string[];
  topic: string[];
  audience: string[];
  year: string;
  page: number;
  /** `type/slug` of the item open in the reading view. */
  item: string;
}

export const emptyView: ArchiveView = { q: '', type: [], topic: [], audience: [], year: '', page: 1, item: '' };

const LIST_KEYS = ['type', 'topic', 'audience'] as const;

export function readView(search: string, prefix: string): ArchiveView {
  const params = new URLSearchParams(search);
  const get = (name: string) => params.get(prefix + name) ?? '';
  const page = Number.parseInt(get('page'), 10);
  const matching = (name: string, pattern: RegExp) => (pattern.test(get(name)) ? get(name) : '');
  return {
    q: get('q').slice(0, 200),
    type: splitList(get('type')),
    topic: splitList(get('topic')),
    audience: splitList(get('audience')),
    year: matching('year', /^\d{4}$/),
    page: page > 0 ? page : 1,
    item: matching('item', /^[a-z-]+\/[\w-]+$/i),
  };
}

/** The page URL with this view's parameters; the host's own parameters and hash are kept. */
export function viewHref(view: ArchiveView, prefix: string, base: string = location.href): string {
  const url = new URL(base);
  for (const name of Object.keys(emptyView)) url.searchParams.delete(prefix + name);
  const set = (name: string, value: string) => value && url.searchParams.set(prefix + name, value);
  set('q', view.q);
  for (const name of LIST_KEYS) set(name, view[name].join(','));
  set('year', view.year);
  set('page', view.page > 1 ? String(view.page) : '');
  set('item', view.item);
  return url.href;
}

export const sameView = <T extends Partial<ArchiveView>>(a: T, b: T): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * GOV.UK pagination: first, last, current and its neighbours, with gaps (null) between. A gap of one
 * page (page 2 when on page 4, say) shows that page instead: an ellipsis would take its place and hide it.
 */
export function pageNumbers(current: number, pageCount: number): Array<number | null> {
  const shown: Array<number | null> = [];
  for (let page = 1; page <= pageCount; page++) {
    const distance = Math.abs(page - current);
    if (distance < 2 || page === 1 || page === pageCount || (distance < 3 && (page === 2 || page === pageCount - 1))) shown.push(page);
    else if (shown.at(-1) !== null) shown.push(null);
  }
  return shown;
}

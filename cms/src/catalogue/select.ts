/** Filtering, ordering and the clock-dependent consultation status, over catalogue entries. */
import type { Facets, UpdateSummary } from '../../../contract/api';
import type { Sort, UpdateFilters } from '../lib/update-query';
import { AUDIENCES, TYPE_LABELS, keysOf } from '../lib/update-types';
import type { Catalogue, CatalogueEntry } from './catalogue';
import { consultationStatus } from './items';

/** The item as of `now`: a consultation's status moves with the clock, not with edits. */
export function live<T extends UpdateSummary>(item: T, now: number): T {
  if (item.type !== 'consultation') return item;
  return { ...item, status: consultationStatus(item.opensAt, item.closesAt, now) };
}

/** Entries matching every given filter (values within one filter are alternatives). */
export function selectEntries(
  { entries, search }: Pick<Catalogue, 'entries' | 'search'>,
  filters: UpdateFilters,
  now: number,
  sort: Sort = 'newest',
): readonly CatalogueEntry[] {
  const matchesQuery = search.query(filters.q);
  const unfiltered = matchesQuery === null && !filters.types.length && filters.year === null && !filters.audiences.length && !filters.topics.length && !filters.status.length;
  // Newest first is the catalogue's own order: the commonest request copies nothing.
  if (unfiltered && sort === 'newest') return entries;
  const selected = entries.filter((entry) => {
    const item = entry.summary;
    if (filters.types.length && !filters.types.includes(item.type)) return false;
    if (filters.year !== null && entry.year !== filters.year) return false;
    if (filters.audiences.length && !filters.audiences.some((a) => item.audiences.includes(a))) return false;
    if (filters.topics.length && !item.topics.some((t) => filters.topics.includes(t.slug))) return false;
    if (filters.status.length) {
      if (item.type !== 'consultation') return false;
      const status = consultationStatus(item.opensAt, item.closesAt, now);
      if (!status || !filters.status.includes(status)) return false;
    }
    return matchesQuery === null || matchesQuery(entry.search);
  });
  if (sort === 'oldest') selected.reverse();
  if (sort === 'closing') {
    const closes = ({ summary }: CatalogueEntry) => (summary.type === 'consultation' && Date.parse(summary.closesAt ?? '')) || Number.POSITIVE_INFINITY;
    selected.sort((a, b) => closes(a) - closes(b));
  }
  return selected;
}

/** Counts over all published items, so an archive can offer only filters that find something. */
const facetCache = new WeakMap<readonly CatalogueEntry[], Facets>();
export function facets(entries: readonly CatalogueEntry[]): Facets {
  const hit = facetCache.get(entries);
  if (hit) return hit;
  const count = <K>(keys: K[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<K, number>());
  const topicNames = new Map<string, string>();
  const topicCounts = count(entries.flatMap((e) => e.summary.topics.map((t) => (topicNames.set(t.slug, t.name), t.slug))));
  const result: Facets = {
    types: keysOf(TYPE_LABELS).map((type) => ({ value: type, label: TYPE_LABELS[type], count: entries.filter((e) => e.summary.type === type).length })),
    topics: [...topicCounts].map(([slug, n]) => ({ value: slug, label: topicNames.get(slug) ?? slug, count: n })).sort((a, b) => a.label.localeCompare(b.label)),
    audiences: keysOf(AUDIENCES).map((value) => ({ value, label: AUDIENCES[value].label, count: entries.filter((e) => e.summary.audiences.includes(value)).length })),
    years: [...count(entries.map((e) => e.year))].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.value - a.value),
  };
  facetCache.set(entries, result);
  return result;
}

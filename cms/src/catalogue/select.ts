/** Filtering, ordering and the clock-dependent consultation status, over catalogue entries. */
import { LRUCache } from 'lru-cache';
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

/**
 * Positions (in the catalogue's newest-first order) of the entries with each filter value, made in
 * one pass the first time a catalogue state is filtered: a filtered list then reads only its
 * matches instead of testing every entry.
 */
type Postings = {
  types: Map<string, Uint32Array>;
  years: Map<number, Uint32Array>;
  audiences: Map<string, Uint32Array>;
  topics: Map<string, Uint32Array>;
  /** Every position, consultations closing soonest first, then everything else newest first. */
  closing: Uint32Array;
};
const postingsCache = new WeakMap<readonly CatalogueEntry[], Postings>();
function postingsOf(entries: readonly CatalogueEntry[]): Postings {
  const hit = postingsCache.get(entries);
  if (hit) return hit;
  const lists = {
    types: new Map<string, number[]>(),
    years: new Map<number, number[]>(),
    audiences: new Map<string, number[]>(),
    topics: new Map<string, number[]>(),
  };
  const add = <K>(map: Map<K, number[]>, key: K, position: number) => {
    const list = map.get(key);
    if (list) list.push(position);
    else map.set(key, [position]);
  };
  entries.forEach(({ summary, year }, position) => {
    add(lists.types, summary.type, position);
    add(lists.years, year, position);
    for (const audience of summary.audiences) add(lists.audiences, audience, position);
    for (const topic of summary.topics) add(lists.topics, topic.slug, position);
  });
  const packed = <K>(map: Map<K, number[]>) => new Map([...map].map(([key, list]) => [key, Uint32Array.from(list)] as const));
  const closesAt = Float64Array.from(
    entries,
    ({ summary }) => (summary.type === 'consultation' && Date.parse(summary.closesAt ?? '')) || Number.POSITIVE_INFINITY,
  );
  // A stable sort: equal closing times (and everything without one) keep the newest-first order.
  const closing = Uint32Array.from(entries.keys()).sort((a, b) => closesAt[a] - closesAt[b] || a - b);
  const postings = { types: packed(lists.types), years: packed(lists.years), audiences: packed(lists.audiences), topics: packed(lists.topics), closing };
  postingsCache.set(entries, postings);
  return postings;
}

const NONE = new Uint32Array(0);

/** Positions in any of the lists (one filter's alternatives), ascending. */
function union(lists: Uint32Array[]): Uint32Array {
  if (lists.length === 1) return lists[0];
  return Uint32Array.from(new Set(lists.flatMap((list) => [...list]))).sort();
}

/** Positions in both ascending lists. */
function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i += 1;
      j += 1;
    } else if (a[i] < b[j]) i += 1;
    else j += 1;
  }
  return Uint32Array.from(out);
}

/** Bytes of search results kept per catalogue state. */
const SEARCH_CACHE_BYTES = 8 * 1024 * 1024;
const searchCache = new WeakMap<readonly CatalogueEntry[], LRUCache<string, Uint32Array>>();

/**
 * Positions of the entries a search finds; null when the query has no words. Kept per catalogue
 * state: paging through a search, or filtering it, reads every entry once, not on each request.
 */
function searchPositions(entries: readonly CatalogueEntry[], search: Catalogue['search'], q: string): Uint32Array | null {
  const matches = search.query(q);
  if (!matches) return null;
  let cache = searchCache.get(entries);
  if (!cache) searchCache.set(entries, (cache = new LRUCache({ maxSize: SEARCH_CACHE_BYTES, sizeCalculation: (found) => found.byteLength + 64 })));
  // Queries are read without regard to case or spacing.
  const key = q.trim().toLowerCase().replace(/\s+/g, ' ');
  const hit = cache.get(key);
  if (hit) return hit;
  const found: number[] = [];
  entries.forEach((entry, position) => {
    if (matches(entry.search)) found.push(position);
  });
  const positions = Uint32Array.from(found);
  cache.set(key, positions);
  return positions;
}

/** Entries matching every given filter (values within one filter are alternatives). */
export function selectEntries(
  { entries, search }: Pick<Catalogue, 'entries' | 'search'>,
  filters: UpdateFilters,
  now: number,
  sort: Sort = 'newest',
): readonly CatalogueEntry[] {
  const found = searchPositions(entries, search, filters.q);
  const unfiltered =
    found === null && !filters.types.length && filters.year === null && !filters.audiences.length && !filters.topics.length && !filters.status.length;
  // Newest first is the catalogue's own order: the commonest request copies nothing.
  if (unfiltered && sort === 'newest') return entries;

  const postings = postingsOf(entries);
  let positions: Uint32Array | null = null;
  const narrow = <K>(map: Map<K, Uint32Array>, values: K[]) => {
    if (!values.length) return;
    const matching = union(values.map((value) => map.get(value) ?? NONE));
    positions = positions ? intersect(positions, matching) : matching;
  };
  narrow(postings.types, filters.types);
  narrow(postings.years, filters.year === null ? [] : [filters.year]);
  narrow(postings.audiences, filters.audiences);
  narrow(postings.topics, filters.topics);
  if (found) positions = positions ? intersect(positions, found) : found;
  // Status moves with the clock, so it is read per request, from the candidates only.
  const chosen: number[] = [];
  const consider = (position: number) => {
    if (filters.status.length) {
      const item = entries[position].summary;
      if (item.type !== 'consultation') return;
      const status = consultationStatus(item.opensAt, item.closesAt, now);
      if (!status || !filters.status.includes(status)) return;
    }
    chosen.push(position);
  };
  if (positions === null) for (let position = 0; position < entries.length; position += 1) consider(position);
  else for (const position of positions) consider(position);

  if (sort === 'closing') {
    // The catalogue's closing order (made once per state), kept to the chosen positions.
    const wanted = new Uint8Array(entries.length);
    for (const position of chosen) wanted[position] = 1;
    const ordered: CatalogueEntry[] = [];
    for (const position of postings.closing) if (wanted[position]) ordered.push(entries[position]);
    return ordered;
  }
  const selected = chosen.map((position) => entries[position]);
  return sort === 'oldest' ? selected.reverse() : selected;
}

/** Counts over all published items, so an archive can offer only filters that find something. */
const facetCache = new WeakMap<readonly CatalogueEntry[], Facets>();
export function facets(entries: readonly CatalogueEntry[]): Facets {
  const hit = facetCache.get(entries);
  if (hit) return hit;
  // One pass over the entries: at 100,000 items this runs after every change, on the first list read.
  const types = new Map<string, number>();
  const audiences = new Map<string, number>();
  const years = new Map<number, number>();
  const topicCounts = new Map<string, number>();
  const topicNames = new Map<string, string>();
  const add = <K>(counts: Map<K, number>, key: K) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const { summary, year } of entries) {
    add(types, summary.type);
    add(years, year);
    for (const audience of summary.audiences) add(audiences, audience);
    for (const topic of summary.topics) {
      add(topicCounts, topic.slug);
      topicNames.set(topic.slug, topic.name);
    }
  }
  const result: Facets = {
    types: keysOf(TYPE_LABELS).map((type) => ({ value: type, label: TYPE_LABELS[type], count: types.get(type) ?? 0 })),
    topics: [...topicCounts]
      .map(([slug, n]) => ({ value: slug, label: topicNames.get(slug) ?? slug, count: n }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    audiences: keysOf(AUDIENCES).map((value) => ({ value, label: AUDIENCES[value].label, count: audiences.get(value) ?? 0 })),
    years: [...years].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.value - a.value),
  };
  facetCache.set(entries, result);
  return result;
}

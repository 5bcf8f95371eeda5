import type { UpdateFilters, Sort } from '../../../lib/update-query';
import { consultationStatus, type CatalogueEntry, type UpdateSummary } from './catalogue';

/** The summary as of `now`: a consultation's status moves with the clock, not with edits. */
export function live<T extends UpdateSummary>(item: T, now: number): T {
  if (item.type !== 'consultation') return item;
  return { ...item, status: consultationStatus(item.opensAt, item.closesAt, now) };
}

/** Entries matching every given filter (values within one filter are alternatives). */
export function selectEntries(entries: CatalogueEntry[], filters: UpdateFilters, now: number, sort: Sort = 'newest'): CatalogueEntry[] {
  const words = filters.q.toLocaleLowerCase('en-GB').split(/\s+/).filter(Boolean);
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
    return words.every((word) => entry.searchText.includes(word));
  });
  if (sort === 'oldest') selected.reverse();
  if (sort === 'closing') {
    const closes = (e: CatalogueEntry) => Date.parse(e.summary.closesAt ?? '') || Number.POSITIVE_INFINITY;
    selected.sort((a, b) => closes(a) - closes(b));
  }
  return selected;
}

/** The catalogue's shapes, apart from its service, so the selection can read them without importing the service. */
import type { UpdateType } from '../lib/update-types';
import type { CatalogueEntry } from './entry';
import type { Search, SearchPostings } from './search';

export type { CatalogueEntry } from './entry';

/** One consistent state of the catalogue; a change makes a new one. */
export type Catalogue = {
  version: number;
  /** Newest first. */
  entries: readonly CatalogueEntry[];
  /** Entries by type and slug (each slug string is the entry's own). */
  bySlug: Readonly<Record<UpdateType, ReadonlyMap<string, CatalogueEntry>>>;
  /** Entries by document id; like `bySlug`, updated in place from one state to the next. */
  byId: ReadonlyMap<string, CatalogueEntry>;
  lastModified: Date;
  /** Reads queries the way the entries were indexed (with the abbreviations of this build). */
  search: Search;
  /** The entries' search terms, inverted: shared by every state of one build (each knows its own slots). */
  postings: SearchPostings;
  /** The public origin the absolute links were made with. */
  baseUrl: string;
};

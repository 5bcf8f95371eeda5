/** The catalogue's shapes, apart from its service, so the selection can read them without importing the service. */
import type { UpdateSummary } from '../../../contract/api';
import type { Search, SearchPostings } from './search';

export type CatalogueEntry = {
  summary: UpdateSummary;
  /**
   * What the whole item adds to its summary (body, downloads, Easy Read version, outcome): deflated
   * JSON, a byte a character (a string is kept compactly in the heap; small buffers would each pin a
   * shared 8 KB slab).
   */
  rest: string;
  /** Its number in the catalogue's search postings, which hold the search terms of its title, summary, body, service, what changes and topics. */
  slot: number;
  year: number;
  sortKey: string;
};

/** One consistent state of the catalogue; a change makes a new one. */
export type Catalogue = {
  version: number;
  /** Newest first. */
  entries: readonly CatalogueEntry[];
  bySlug: ReadonlyMap<string, CatalogueEntry>;
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

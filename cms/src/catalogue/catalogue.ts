/**
 * The catalogue: every published item of the three public types, in the
 * contract's shapes, held in memory. Public reads (the updates API and the
 * feeds) filter this list instead of querying the database on each request.
 *
 * It is rebuilt lazily after any write to a watched type (see src/index.ts),
 * and at most `MAX_AGE_MS` after it was built, so a second CMS instance
 * sharing the database also catches up without a message bus.
 */
import type { Core } from '@strapi/strapi';
import type { UpdateDetail, UpdateSummary } from '../../../contract/api';
import { blocksToText } from '../lib/blocks';
import { itemBuilder, publishedDocuments } from './items';
import { createSearch, type Search, type SearchDocument } from './search';
import { loadAbbreviations } from './search-abbreviations';

const MAX_AGE_MS = 60_000;

export type CatalogueEntry = {
  summary: UpdateSummary;
  detail: UpdateDetail;
  /** Search terms of the title, summary, body, service, what changes and topics, for `q`. */
  search: SearchDocument;
  year: number;
  sortKey: string;
};

export type Catalogue = {
  version: number;
  builtAt: number;
  entries: CatalogueEntry[];
  bySlug: Map<string, CatalogueEntry>;
  lastModified: Date;
  /** Reads queries the way the entries were indexed (with the abbreviations of this build). */
  search: Search;
};

export type CatalogueService = ReturnType<typeof createCatalogue>;

/** The catalogue service of this CMS (registered as api::update.catalogue). */
export const catalogueOf = (strapi: Core.Strapi) => strapi.service('api::update.catalogue') as CatalogueService;

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/**
 * The CMS's public origin, for absolute links: the configured PUBLIC_URL (never the Host header a
 * request brings), else this server on localhost.
 */
export function publicBaseUrl(strapi: Core.Strapi): string {
  const configured = str(strapi.config.get('server.url'));
  if (configured) return configured.replace(/\/$/, '');
  return `http://localhost:${strapi.config.get('server.port', 1337)}`;
}

function entryOf(search: Search, [summary, detail]: [UpdateSummary, UpdateDetail]): CatalogueEntry {
  const staffing = summary.type === 'staffing-update' ? [summary.service, summary.whatChanges ?? ''] : [];
  const text = [summary.title, summary.summary, blocksToText(detail.body), ...staffing, summary.topics.map((t) => t.name).join('\n')].join('\n');
  return {
    summary,
    detail,
    search: search.index(text),
    year: Number(summary.date.slice(0, 4)),
    // Newest first by reader-facing date, then by publication time, then type and slug for a stable order.
    sortKey: `${summary.date}|${summary.publishedAt}|${summary.type}|${summary.slug}`,
  };
}

export function createCatalogue({ strapi }: { strapi: Core.Strapi }) {
  let version = 1;
  let current: Catalogue | null = null;
  let building: Promise<Catalogue> | null = null;
  let lastWriteAt = 0;

  const items = itemBuilder(() => publicBaseUrl(strapi));

  const build = async (): Promise<Catalogue> => {
    const startedVersion = version;
    const { articles, consultations, staffingUpdates } = await publishedDocuments(strapi);
    const search = createSearch(await loadAbbreviations(strapi));
    const entries = [...articles.map(items.article), ...consultations.map(items.consultation), ...staffingUpdates.map(items.staffingUpdate)].map((item) =>
      entryOf(search, item),
    );
    entries.sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
    const bySlug = new Map(entries.map((e) => [`${e.summary.type}/${e.summary.slug}`, e]));
    // A deletion or unpublication leaves no updatedAt behind, so the time of the last write counts too.
    const lastModified = new Date(Math.max(lastWriteAt, ...entries.map((e) => Date.parse(e.summary.updatedAt))));
    lastModified.setMilliseconds(0);
    return { version: startedVersion, builtAt: Date.now(), entries, bySlug, lastModified, search };
  };

  return {
    /** The current catalogue, rebuilding it if a write happened since it was built. */
    async get(): Promise<Catalogue> {
      if (current && current.version === version && Date.now() - current.builtAt < MAX_AGE_MS) return current;
      if (!building) {
        building = build()
          .then((built) => {
            // A write during the build leaves `version` ahead, so the next read rebuilds again.
            current = built;
            return built;
          })
          .finally(() => {
            building = null;
          });
      }
      return building;
    },

    /** Marks the catalogue stale; called after every write to a watched type. */
    invalidate() {
      version += 1;
      lastWriteAt = Date.now();
    },

    get version() {
      return version;
    },
  };
}

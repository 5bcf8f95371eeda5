/**
 * The catalogue: every published item of the three public types, normalised
 * into one shape and held in memory. Public reads (the updates API and the
 * feeds) filter this list instead of querying the database on each request.
 *
 * It is rebuilt lazily after any write to a watched type (see src/index.ts),
 * and at most `MAX_AGE_MS` after it was built, so a second CMS instance
 * sharing the database also catches up without a message bus.
 */
import type { Core } from '@strapi/strapi';
import { blocksToText } from '../../../lib/blocks';
import { AUDIENCES, UPDATE_TYPES, type Audience, type UpdateType } from '../../../lib/update-types';

const MAX_AGE_MS = 60_000;

export type Topic = { name: string; slug: string };
export type Download = { title: string; url: string; format: string | null; sizeBytes: number | null };

export type ConsultationStatus = 'upcoming' | 'open' | 'closed';

export type UpdateSummary = {
  type: UpdateType;
  id: string;
  slug: string;
  title: string;
  summary: string;
  date: string;
  topics: Topic[];
  audiences: Audience[];
  easyReadUrl: string | null;
  url: string;
  publishedAt: string;
  updatedAt: string;
  // consultation
  opensAt?: string | null;
  closesAt?: string | null;
  status?: ConsultationStatus | null;
  respondUrl?: string | null;
  outcomeDate?: string | null;
  outcomeUrl?: string | null;
  hasOutcome?: boolean;
  calendarUrl?: string;
  // staffing update
  service?: string;
  from?: { name: string; role: string | null } | null;
  effectiveFrom?: string | null;
};

export type UpdateDetail = UpdateSummary & {
  body: unknown[];
  downloads: Download[];
  easyReadVersion?: Download | null;
  outcome?: unknown[] | null;
};

export type CatalogueEntry = {
  summary: UpdateSummary;
  detail: UpdateDetail;
  /** Lower-cased title, summary and body text, for `q`. */
  searchText: string;
  year: number;
  sortKey: string;
};

export type Catalogue = {
  version: number;
  builtAt: number;
  entries: CatalogueEntry[];
  bySlug: Map<string, CatalogueEntry>;
  lastModified: Date;
};

/** Status of a consultation at `now`; `null` if its dates are missing or unreadable. */
export function consultationStatus(opensAt: unknown, closesAt: unknown, now = Date.now()): ConsultationStatus | null {
  const opens = typeof opensAt === 'string' ? Date.parse(opensAt) : NaN;
  const closes = typeof closesAt === 'string' ? Date.parse(closesAt) : NaN;
  if (Number.isNaN(closes)) return null;
  if (!Number.isNaN(opens) && now < opens) return 'upcoming';
  return now < closes ? 'open' : 'closed';
}

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let version = 1;
  let current: Catalogue | null = null;
  let building: Promise<Catalogue> | null = null;
  let lastWriteAt = 0;

  const baseUrl = () => {
    const configured = str(strapi.config.get('server.url'));
    if (configured) return configured.replace(/\/$/, '');
    return `http://localhost:${strapi.config.get('server.port', 1337)}`;
  };

  const absolute = (url: string | null) => {
    if (!url) return null;
    return url.startsWith('/') ? `${baseUrl()}${url}` : url;
  };

  const formatOf = (file: any, url: string | null): string | null => {
    const ext = (file?.ext ?? (url ? /\.([a-z0-9]{1,5})(?:[?#]|$)/i.exec(url)?.[0] : '') ?? '').replace(/^\./, '');
    return ext ? ext.toUpperCase() : null;
  };

  const toDownload = (raw: any): Download | null => {
    if (!raw) return null;
    const url = absolute(str(raw.file?.url) ?? str(raw.url));
    if (!url) return null;
    const sizeBytes = raw.sizeBytes ?? (typeof raw.file?.size === 'number' ? Math.round(raw.file.size * 1000) : null);
    return { title: str(raw.title) ?? 'Download', url, format: str(raw.format)?.toUpperCase() ?? formatOf(raw.file, url), sizeBytes };
  };

  const normalise = (type: UpdateType, doc: any): CatalogueEntry => {
    const audiences = (Object.keys(AUDIENCES) as Audience[]).filter((a) => doc[AUDIENCES[a].field] === true);
    const summary: UpdateSummary = {
      type,
      id: doc.documentId,
      slug: doc.slug,
      title: doc.title,
      summary: doc.summary ?? '',
      date: doc.date ?? String(doc.publishedAt ?? '').slice(0, 10),
      topics: (doc.topics ?? [])
        .map((t: any) => ({ name: t.name, slug: t.slug }))
        .sort((a: Topic, b: Topic) => a.name.localeCompare(b.name)),
      audiences,
      easyReadUrl: absolute(str(doc.easyReadUrl)),
      url: `/api/updates/${type}/${encodeURIComponent(doc.slug)}`,
      publishedAt: new Date(doc.publishedAt).toISOString(),
      updatedAt: new Date(doc.updatedAt).toISOString(),
    };
    const detail: UpdateDetail = {
      ...summary,
      body: Array.isArray(doc.body) ? doc.body : [],
      downloads: (doc.downloads ?? []).map(toDownload).filter(Boolean),
    };
    if (type === 'consultation') {
      const extra = {
        opensAt: doc.opensAt ? new Date(doc.opensAt).toISOString() : null,
        closesAt: doc.closesAt ? new Date(doc.closesAt).toISOString() : null,
        status: null as ConsultationStatus | null,
        respondUrl: str(doc.respondUrl),
        outcomeDate: doc.outcomeDate ?? null,
        outcomeUrl: absolute(str(doc.outcomeUrl)),
        hasOutcome: (Array.isArray(doc.outcome) && doc.outcome.length > 0) || Boolean(str(doc.outcomeUrl)),
        calendarUrl: `/feeds/consultations/${encodeURIComponent(doc.slug)}.ics`,
      };
      Object.assign(summary, extra);
      Object.assign(detail, extra, {
        easyReadVersion: toDownload(doc.easyReadVersion),
        outcome: Array.isArray(doc.outcome) && doc.outcome.length > 0 ? doc.outcome : null,
      });
    }
    if (type === 'staffing-update') {
      const extra = {
        service: doc.service ?? '',
        from: str(doc.fromName) ? { name: str(doc.fromName)!, role: str(doc.fromRole) } : null,
        effectiveFrom: doc.effectiveFrom ?? null,
      };
      Object.assign(summary, extra);
      Object.assign(detail, extra);
    }
    const searchText = [summary.title, summary.summary, blocksToText(detail.body), summary.service ?? '', summary.topics.map((t) => t.name).join(' ')]
      .join('\n')
      .toLocaleLowerCase('en-GB');
    return {
      summary,
      detail,
      searchText,
      year: Number(summary.date.slice(0, 4)),
      // Newest first by reader-facing date, then by publication time, then type and slug for a stable order.
      sortKey: `${summary.date}|${summary.publishedAt}|${type}|${summary.slug}`,
    };
  };

  const populate = {
    topics: { fields: ['name', 'slug'] },
    downloads: { populate: { file: true } },
  } as const;

  const build = async (): Promise<Catalogue> => {
    const startedVersion = version;
    const entries: CatalogueEntry[] = [];
    for (const [type, uid] of Object.entries(UPDATE_TYPES) as [UpdateType, string][]) {
      const docs = await strapi.documents(uid as any).findMany({
        status: 'published',
        populate: type === 'consultation' ? { ...populate, easyReadVersion: { populate: { file: true } } } : populate,
        limit: 100_000,
      } as any);
      for (const doc of docs as any[]) entries.push(normalise(type, doc));
    }
    entries.sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
    const bySlug = new Map(entries.map((e) => [`${e.summary.type}/${e.summary.slug}`, e]));
    // A deletion or unpublication leaves no updatedAt behind, so the time of the last write counts too.
    const lastModified = new Date(Math.max(lastWriteAt, ...entries.map((e) => Date.parse(e.summary.updatedAt))));
    lastModified.setMilliseconds(0);
    return { version: startedVersion, builtAt: Date.now(), entries, bySlug, lastModified };
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
};

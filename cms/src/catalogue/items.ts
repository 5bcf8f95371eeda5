/**
 * Published documents as the contract's items: one summary (lists) and one
 * detail (an item alone) per document, built once per catalogue build.
 */
import type { Core } from '@strapi/strapi';
import type {
  Block,
  ConsultationFields,
  ConsultationStatus,
  Download,
  FeedPaths,
  PagePaths,
  StaffingUpdateFields,
  SummaryBase,
  Topic,
  UpdateDetail,
  UpdateSummary,
} from '../../../contract/api';
import { AUDIENCES, UPDATE_TYPES, keysOf, type UpdateType } from '../lib/update-types';

const LIMIT = 100_000;

/** Every published document of the three public types, with the relations and components the catalogue reads. */
export async function publishedDocuments(strapi: Core.Strapi) {
  const articles = await strapi.documents(UPDATE_TYPES.article).findMany({
    status: 'published',
    populate: { topics: { fields: ['name', 'slug'] }, downloads: { populate: { file: true } } },
    limit: LIMIT,
  });
  const consultations = await strapi.documents(UPDATE_TYPES.consultation).findMany({
    status: 'published',
    populate: { topics: { fields: ['name', 'slug'] }, downloads: { populate: { file: true } }, easyReadVersion: { populate: { file: true } } },
    limit: LIMIT,
  });
  const staffingUpdates = await strapi.documents(UPDATE_TYPES['staffing-update']).findMany({
    status: 'published',
    populate: { topics: { fields: ['name', 'slug'] }, downloads: { populate: { file: true } } },
    limit: LIMIT,
  });
  return { articles, consultations, staffingUpdates };
}

type Documents = Awaited<ReturnType<typeof publishedDocuments>>;
type ArticleDocument = Documents['articles'][number];
type ConsultationDocument = Documents['consultations'][number];
type StaffingUpdateDocument = Documents['staffingUpdates'][number];
type StoredDownload = NonNullable<ConsultationDocument['easyReadVersion']>;
type DateValue = string | Date | number | null | undefined;

/** Status of a consultation at `now`; `null` if its dates are missing or unreadable. */
export function consultationStatus(opensAt: string | null, closesAt: string | null, now = Date.now()): ConsultationStatus | null {
  const opens = opensAt ? Date.parse(opensAt) : NaN;
  const closes = closesAt ? Date.parse(closesAt) : NaN;
  if (Number.isNaN(closes)) return null;
  if (!Number.isNaN(opens) && now < opens) return 'upcoming';
  return now < closes ? 'open' : 'closed';
}

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const instant = (value: DateValue): string | null => (value || value === 0 ? new Date(value).toISOString() : null);
/** Strapi gives date fields as YYYY-MM-DD strings; a Date would be midnight UTC of that day. */
const calendarDate = (value: DateValue): string | null => (value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value : null);
/** Stored rich text passed Strapi's blocks validator, which the contract's Block follows (Strapi's own type is looser). */
const blocks = (value: unknown): Block[] => (Array.isArray(value) ? (value as Block[]) : []);
const hasContent = (value: unknown) => Array.isArray(value) && value.length > 0;

/** An item's page for readers, relative to the CMS origin. */
export const itemPagePath = (type: UpdateType, slug: string): PagePaths['item'] => `/updates/${type}/${encodeURIComponent(slug)}`;

/** Turns stored documents into items; `baseUrl` is the CMS's public origin, for absolute links (pages, uploads). */
export function itemBuilder(baseUrl: () => string) {
  /** Site-relative URLs (uploads) made absolute. */
  const absolute = (url: string | null): string | null => (url?.startsWith('/') ? `${baseUrl()}${url}` : url);

  const formatOf = (file: { ext?: string | null } | null | undefined, url: string | null): string | null => {
    const ext = (file?.ext ?? (url ? /\.([a-z0-9]{1,5})(?:[?#]|$)/i.exec(url)?.[0] : '') ?? '').replace(/^\./, '');
    return ext ? ext.toUpperCase() : null;
  };

  const toDownload = (raw: StoredDownload | null | undefined): Download | null => {
    if (!raw) return null;
    const file: { url?: string; ext?: string | null; size?: number } | null | undefined = raw.file;
    const url = absolute(str(file?.url) ?? str(raw.url));
    if (!url) return null;
    const sizeBytes = raw.sizeBytes ?? (typeof file?.size === 'number' ? Math.round(file.size * 1000) : null);
    return { title: str(raw.title) ?? 'Download', url, format: str(raw.format)?.toUpperCase() ?? formatOf(file, url), sizeBytes };
  };

  const base = (type: UpdateType, doc: ArticleDocument | ConsultationDocument | StaffingUpdateDocument): Omit<SummaryBase, 'type'> => ({
    id: doc.documentId,
    slug: doc.slug ?? '',
    title: doc.title ?? '',
    summary: doc.summary ?? '',
    date: calendarDate(doc.date) ?? String(doc.publishedAt ?? '').slice(0, 10),
    topics: (doc.topics ?? []).map((t): Topic => ({ name: t.name ?? '', slug: t.slug ?? '' })).sort((a, b) => a.name.localeCompare(b.name)),
    audiences: keysOf(AUDIENCES).filter((audience) => doc[AUDIENCES[audience].field] === true),
    easyReadUrl: absolute(str(doc.easyReadUrl)),
    url: `/api/updates/${type}/${encodeURIComponent(doc.slug ?? '')}`,
    pageUrl: `${baseUrl()}${itemPagePath(type, doc.slug ?? '')}`,
    publishedAt: instant(doc.publishedAt) ?? '',
    updatedAt: instant(doc.updatedAt) ?? '',
  });

  const more = (doc: ArticleDocument | ConsultationDocument | StaffingUpdateDocument) => ({
    body: blocks(doc.body),
    downloads: (doc.downloads ?? []).map(toDownload).filter((d): d is Download => d !== null),
  });

  const consultationFields = (doc: ConsultationDocument): ConsultationFields => ({
    opensAt: instant(doc.opensAt),
    closesAt: instant(doc.closesAt),
    status: null,
    respondUrl: str(doc.respondUrl),
    outcomeDate: calendarDate(doc.outcomeDate),
    outcomeUrl: absolute(str(doc.outcomeUrl)),
    hasOutcome: hasContent(doc.outcome) || Boolean(str(doc.outcomeUrl)),
    calendarUrl: `/feeds/consultations/${encodeURIComponent(doc.slug ?? '')}.ics` satisfies FeedPaths['consultationCalendar'],
  });

  const staffingUpdateFields = (doc: StaffingUpdateDocument): StaffingUpdateFields => {
    const name = str(doc.fromName);
    return {
      service: doc.service ?? '',
      whatChanges: str(doc.whatChanges),
      from: name ? { name, role: str(doc.fromRole) } : null,
      effectiveFrom: calendarDate(doc.effectiveFrom),
    };
  };

  return {
    article(doc: ArticleDocument): [UpdateSummary, UpdateDetail] {
      const summary = { type: 'article' as const, ...base('article', doc) };
      return [summary, { ...summary, ...more(doc) }];
    },
    consultation(doc: ConsultationDocument): [UpdateSummary, UpdateDetail] {
      const summary = { type: 'consultation' as const, ...base('consultation', doc), ...consultationFields(doc) };
      const outcome = hasContent(doc.outcome) ? blocks(doc.outcome) : null;
      return [summary, { ...summary, ...more(doc), easyReadVersion: toDownload(doc.easyReadVersion), outcome }];
    },
    staffingUpdate(doc: StaffingUpdateDocument): [UpdateSummary, UpdateDetail] {
      const summary = { type: 'staffing-update' as const, ...base('staffing-update', doc), ...staffingUpdateFields(doc) };
      return [summary, { ...summary, ...more(doc) }];
    },
  };
}

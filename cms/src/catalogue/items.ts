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
  ImageBlock,
  InlineNode,
  ListBlock,
  PagePaths,
  StaffingUpdateFields,
  SummaryBase,
  Topic,
  UpdateDetail,
  UpdateSummary,
} from '../../../contract/api';
import { lastUpdated } from '../lib/first-published';
import { safeStoredUrl } from '../lib/safe-url';
import { statusAt, time } from './entry';
import { AUDIENCES, UPDATE_TYPES, keysOf, type UpdateType } from '../lib/update-types';

/**
 * Published documents of each public type with the relations and components items show. Every read
 * is bounded: a page of at most `limit` documents, or the given documents, so no query's parameter
 * list grows with the catalogue (relations are loaded with one IN list per page).
 */
const readers = {
  article: (strapi: Core.Strapi, read: Read) => strapi.documents(UPDATE_TYPES.article).findMany(publishedQuery(read)),
  consultation: (strapi: Core.Strapi, read: Read) => strapi.documents(UPDATE_TYPES.consultation).findMany(publishedQuery(read)),
  'staffing-update': (strapi: Core.Strapi, read: Read) => strapi.documents(UPDATE_TYPES['staffing-update']).findMany(publishedQuery(read)),
} satisfies Record<UpdateType, unknown>;

/** The same query for every type; each reader names its type's uid so Strapi types the documents it returns. */
const publishedQuery = (read: Read) => ({
  filters: filtersOf(read),
  sort: sortOf(read),
  limit: limitOf(read),
  status: 'published' as const,
  // Literal types, so Strapi types the documents with what is populated.
  populate: {
    topics: { fields: ['name', 'slug'] as ['name', 'slug'] },
    audiences: { fields: ['value'] as ['value'] },
    downloads: { populate: { file: true as const } },
    easyReadVersion: { populate: { file: true as const } },
  },
});

/** A page of rows after a row id, or the given documents. */
type Read = { afterId: number; limit: number } | { documentIds: string[] };
const filtersOf = (read: Read) => ('documentIds' in read ? { documentId: { $in: read.documentIds } } : { id: { $gt: read.afterId } });
// Given documents are read in document id order: ordered by row id (Strapi's default), PostgreSQL walks the primary key instead of the document index.
const sortOf = (read: Read) => ('documentIds' in read ? ({ documentId: 'asc' } as const) : ({ id: 'asc' } as const));
const limitOf = (read: Read) => ('documentIds' in read ? read.documentIds.length : read.limit);

/** A page of published documents of one type in row order, after the row `afterId`. */
export const readPage = (strapi: Core.Strapi, type: UpdateType, afterId: number, limit: number): Promise<PublishedDocument[]> =>
  readers[type](strapi, { afterId, limit });

/** The published versions of the given documents of one type (those that are published). */
export const readDocuments = (strapi: Core.Strapi, type: UpdateType, documentIds: string[]): Promise<PublishedDocument[]> =>
  readers[type](strapi, { documentIds });

type ArticleDocument = Awaited<ReturnType<(typeof readers)['article']>>[number];
type ConsultationDocument = Awaited<ReturnType<(typeof readers)['consultation']>>[number];
type StaffingUpdateDocument = Awaited<ReturnType<(typeof readers)['staffing-update']>>[number];
export type PublishedDocument = ArticleDocument | ConsultationDocument | StaffingUpdateDocument;
type StoredDownload = NonNullable<ConsultationDocument['easyReadVersion']>;
type DateValue = string | Date | number | null | undefined;

/** Status of a consultation at `now`; `null` if its dates are missing or unreadable. */
export const consultationStatus = (opensAt: string | null, closesAt: string | null, now = Date.now()): ConsultationStatus | null =>
  statusAt(time(opensAt), time(closesAt), now);

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const instant = (value: DateValue): string | null => (value || value === 0 ? new Date(value).toISOString() : null);
/** Strapi gives date fields as YYYY-MM-DD strings; a Date would be midnight UTC of that day. */
const calendarDate = (value: DateValue): string | null => (value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value : null);
const isObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object';

/** Inline nodes with every unsafe link replaced by its words. */
const safeInline = (nodes: InlineNode[]): InlineNode[] =>
  nodes.filter(isObject).flatMap((node) => (node.type === 'link' && !safeStoredUrl(node.url, 'link') ? node.children : [node]));

/**
 * Stored rich text, which passed Strapi's blocks validator (the contract's Block follows it), with
 * every URL held to today's rule (lib/safe-url.ts), since content may predate it or come from an
 * import: an unsafe link keeps its words, an image with an unsafe source is left out, and an image
 * keeps only what readers need of its media record.
 */
function blocks(value: unknown): Block[] {
  if (!Array.isArray(value)) return [];
  return (value as Block[]).filter(isObject).flatMap((block): Block[] => {
    if (block.type === 'image') {
      const url = safeStoredUrl(isObject(block.image) ? block.image.url : null, 'image');
      if (!url) return [];
      const { alternativeText, caption, width, height } = block.image;
      return [{ ...block, image: { url, alternativeText, caption, width, height } } satisfies ImageBlock];
    }
    if (block.type === 'list') return [{ ...block, children: blocks(block.children) as ListBlock['children'] }];
    if (block.type === 'code') return [block];
    return [{ ...block, children: safeInline(Array.isArray(block.children) ? block.children : []) }];
  });
}
const hasContent = (value: unknown) => Array.isArray(value) && value.length > 0;

/** An item's page for readers, relative to the CMS origin. */
export const itemPagePath = (type: UpdateType, slug: string): PagePaths['item'] => `/updates/${type}/${encodeURIComponent(slug)}`;

/** Turns stored documents into items; `baseUrl` is the CMS's public origin, for absolute links (pages, uploads). */
export function itemBuilder(baseUrl: () => string) {
  /** A file stored in this CMS (the upload provider gives site-relative URLs) as an absolute address. */
  const absolute = (url: string | null): string | null => (url?.startsWith('/') && !url.startsWith('//') ? `${baseUrl()}${url}` : url);

  const formatOf = (file: { ext?: string | null } | null | undefined, url: string | null): string | null => {
    const ext = (file?.ext ?? (url ? /\.([a-z0-9]{1,5})(?:[?#]|$)/i.exec(url)?.[0] : '') ?? '').replace(/^\./, '');
    return ext ? ext.toUpperCase() : null;
  };

  const toDownload = (raw: StoredDownload | null | undefined): Download | null => {
    if (!raw) return null;
    const file = raw.file as { url?: string; ext?: string | null; size?: number } | null | undefined;
    // An uploaded file, else the editor's address; either is dropped if unsafe (lib/safe-url.ts).
    const url = safeStoredUrl(absolute(str(file?.url)) ?? raw.url, 'address');
    if (!url) return null;
    const sizeBytes = raw.sizeBytes ?? (typeof file?.size === 'number' ? Math.round(file.size * 1000) : null);
    return { title: str(raw.title) ?? 'Download', url, format: str(raw.format)?.toUpperCase() ?? formatOf(file, url), sizeBytes };
  };

  const base = (type: UpdateType, doc: ArticleDocument | ConsultationDocument | StaffingUpdateDocument): Omit<SummaryBase, 'type'> => {
    const date = calendarDate(doc.date) ?? String(doc.publishedAt ?? '').slice(0, 10);
    return {
      id: doc.documentId,
      slug: doc.slug ?? '',
      title: doc.title ?? '',
      summary: doc.summary ?? '',
      date,
      topics: (doc.topics ?? []).map((t): Topic => ({ name: t.name ?? '', slug: t.slug ?? '' })).sort((a, b) => a.name.localeCompare(b.name)),
      // In the registry's order, whatever order an editor picked them in.
      audiences: keysOf(AUDIENCES).filter((audience) => (doc.audiences ?? []).some((picked) => picked.value === audience)),
      easyReadUrl: toDownload(doc.easyReadVersion)?.url ?? null,
      url: `/api/updates/${type}/${encodeURIComponent(doc.slug ?? '')}`,
      pageUrl: `${baseUrl()}${itemPagePath(type, doc.slug ?? '')}`,
      publishedAt: instant(doc.publishedAt) ?? '',
      updatedAt: instant(doc.updatedAt) ?? '',
      lastUpdated: lastUpdated({ date, updatedAt: doc.updatedAt, firstPublishedAt: doc.firstPublishedAt }),
    };
  };

  const more = (doc: ArticleDocument | ConsultationDocument | StaffingUpdateDocument) => ({
    body: blocks(doc.body),
    downloads: (doc.downloads ?? []).map(toDownload).filter((d): d is Download => d !== null),
  });

  const consultationFields = (doc: ConsultationDocument): ConsultationFields => ({
    opensAt: instant(doc.opensAt),
    closesAt: instant(doc.closesAt),
    status: null,
    respondUrl: safeStoredUrl(doc.respondUrl, 'link'),
    outcomeDate: calendarDate(doc.outcomeDate),
    outcomeUrl: safeStoredUrl(doc.outcomeUrl, 'address'),
    hasOutcome: hasContent(doc.outcome) || Boolean(safeStoredUrl(doc.outcomeUrl, 'address')),
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

  const isConsultation = (type: UpdateType, _doc: PublishedDocument): _doc is ConsultationDocument => type === 'consultation';
  const isStaffingUpdate = (type: UpdateType, _doc: PublishedDocument): _doc is StaffingUpdateDocument => type === 'staffing-update';

  /** What lists show of a document (no body): the catalogue holds these. */
  const summary = (type: UpdateType, doc: PublishedDocument): UpdateSummary => {
    if (isConsultation(type, doc)) return { type: 'consultation', ...base(type, doc), ...consultationFields(doc) };
    if (isStaffingUpdate(type, doc)) return { type: 'staffing-update', ...base(type, doc), ...staffingUpdateFields(doc) };
    return { type: 'article', ...base('article', doc) };
  };

  const consultationExtras = (doc: ConsultationDocument) => ({
    easyReadVersion: toDownload(doc.easyReadVersion),
    outcome: hasContent(doc.outcome) ? blocks(doc.outcome) : null,
  });

  return {
    summary,
    /** What the whole item adds to its summary: body and downloads, and a consultation's Easy Read version and outcome. */
    rest: (type: UpdateType, doc: PublishedDocument) => (isConsultation(type, doc) ? { ...more(doc), ...consultationExtras(doc) } : more(doc)),
    /** The whole item: its summary and the rest. */
    detail(type: UpdateType, doc: PublishedDocument): UpdateDetail {
      const item = summary(type, doc);
      if (item.type === 'consultation' && isConsultation(type, doc)) return { ...item, ...more(doc), ...consultationExtras(doc) };
      if (item.type === 'consultation') throw new Error(`A ${type} document read as a consultation.`);
      return { ...item, ...more(doc) };
    },
  };
}

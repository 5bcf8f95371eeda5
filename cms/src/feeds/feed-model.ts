/**
 * One format-neutral description of a feed, built from the published
 * catalogue. RSS, Atom and JSON Feed are renderings of this, so they always
 * agree on items, links, ids and content.
 */
import { createHash } from 'crypto';
import type { Download, FeedPaths, FeedQuery, UpdateDetail } from '../../../contract/api';
import { blocksToSafeHtml } from './blocks-html';
import { readableLondonDateTime, readerDateInstant } from './dates';
import { itemLink, type FeedSettings } from './settings';
import { cleanLine, escapeMarkup, isWebUrl, safeUrl } from './text';
import { TYPE_LABELS, keysOf } from '../lib/update-types';
import type { UpdateFilters } from '../lib/update-query';

// Fixed namespace for this application's name-based UUIDs. Never change it:
// every guid already in readers' databases is derived from it.
const ID_NAMESPACE = 'b7c0f3a2-5d1e-4c8b-9a6f-2e4d8c1b7a90';

/** RFC 4122 version 5 (SHA-1, name-based) UUID: the same name always gives the same id. */
export function nameBasedUuid(name: string): string {
  const namespace = Buffer.from(ID_NAMESPACE.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * An item's permanent id in every feed. Built from the type and the Strapi
 * documentId, which survive edits, slug changes and re-publishing, and not
 * from any URL, so moving the CMS or the council site duplicates nothing.
 */
export const itemGuid = (type: string, documentId: string) => `urn:uuid:${nameBasedUuid(`${type}:${documentId}`)}`;

export type FeedAttachment = { url: string; title: string; mimeType: string; sizeBytes: number | null };
export type FeedCategory = { term: string; label: string };

export type FeedItem = {
  guid: string;
  link: string;
  title: string;
  /** Plain text, at most 300 characters (the editor's summary). */
  summary: string;
  /** Safe HTML: details, body, outcome and easy read link. */
  contentHtml: string;
  /** Safe HTML list of every download, for formats that allow one enclosure only. */
  downloadsHtml: string;
  published: Date;
  updated: Date;
  categories: FeedCategory[];
  attachments: FeedAttachment[];
  detail: UpdateDetail;
};

export type FeedDocument = {
  /** Permanent id of this feed (its filters), independent of host names. */
  guid: string;
  title: string;
  description: string;
  author: string;
  homePageUrl: string;
  /** Absolute URL of this feed in the given format, with the canonical filter query. */
  selfUrl: (path: string) => string;
  cmsBaseUrl: string;
  imageUrl: string;
  updated: Date;
  items: FeedItem[];
};

const MIME_TYPES: Record<string, string> = {
  PDF: 'application/pdf',
  DOC: 'application/msword',
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  XLS: 'application/vnd.ms-excel',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  PPT: 'application/vnd.ms-powerpoint',
  PPTX: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ODT: 'application/vnd.oasis.opendocument.text',
  ODS: 'application/vnd.oasis.opendocument.spreadsheet',
  RTF: 'application/rtf',
  CSV: 'text/csv',
  TXT: 'text/plain',
  HTML: 'text/html',
  ZIP: 'application/zip',
  JPG: 'image/jpeg',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  GIF: 'image/gif',
  SVG: 'image/svg+xml',
  MP3: 'audio/mpeg',
  MP4: 'video/mp4',
};

export const mimeTypeOf = (format: string | null) => MIME_TYPES[(format ?? '').toUpperCase()] ?? 'application/octet-stream';

/** Each parsed filter's query parameter, in the canonical order (feed ids derive from it: never reorder). */
const FILTER_PARAMS: Record<keyof UpdateFilters, keyof FeedQuery> = {
  types: 'type',
  topics: 'topic',
  audiences: 'audience',
  q: 'q',
  year: 'year',
  status: 'status',
};

/** The filters as a canonical query string (sorted values, fixed order), '' when unfiltered. */
export function canonicalQuery(filters: UpdateFilters): string {
  const params = new URLSearchParams();
  for (const key of keysOf(FILTER_PARAMS)) {
    const name = FILTER_PARAMS[key];
    const value = filters[key];
    if (Array.isArray(value)) {
      if (value.length) params.set(name, [...value].sort().join(','));
    } else if (value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function attachmentOf(download: Download): FeedAttachment | null {
  const url = safeUrl(download.url);
  if (!isWebUrl(url)) return null;
  const sizeBytes = Number.isInteger(download.sizeBytes) && download.sizeBytes! >= 0 ? download.sizeBytes : null;
  return { url, title: cleanLine(download.title) || 'Download', mimeType: mimeTypeOf(download.format), sizeBytes };
}

function downloadsList(attachments: FeedAttachment[], formats: (string | null)[]): string {
  if (!attachments.length) return '';
  const items = attachments.map((a, i) => {
    const facts = [formats[i], a.sizeBytes !== null ? formatSize(a.sizeBytes) : null].filter(Boolean).join(', ');
    return `<li><a href="${escapeMarkup(a.url)}">${escapeMarkup(a.title)}</a>${facts ? ` (${escapeMarkup(facts)})` : ''}</li>`;
  });
  return `<h2>Downloads</h2>\n<ul>${items.join('')}</ul>`;
}

/** What a reader needs before the body: when a consultation runs and how to respond, or who an update is from. */
function detailsHtml(detail: UpdateDetail): string {
  const lines: string[] = [];
  if (detail.type === 'consultation') {
    if (detail.opensAt) lines.push(`<strong>Opens:</strong> ${escapeMarkup(readableLondonDateTime(new Date(detail.opensAt)))}`);
    if (detail.closesAt) lines.push(`<strong>Closes:</strong> ${escapeMarkup(readableLondonDateTime(new Date(detail.closesAt)))}`);
    const respond = safeUrl(detail.respondUrl);
    if (respond) lines.push(`<a href="${escapeMarkup(respond)}">Respond to this consultation</a>`);
  }
  if (detail.type === 'staffing-update') {
    if (detail.service) lines.push(`<strong>Service:</strong> ${escapeMarkup(cleanLine(detail.service))}`);
    if (detail.from) lines.push(`<strong>From:</strong> ${escapeMarkup(cleanLine([detail.from.name, detail.from.role].filter(Boolean).join(', ')))}`);
  }
  return lines.length ? `<p>${lines.join('<br>')}</p>` : '';
}

function contentHtml(detail: UpdateDetail, base: string): string {
  // Every item has content, even one saved without a body: its summary.
  const body = blocksToSafeHtml(detail.body, base) || `<p>${escapeMarkup(cleanLine(detail.summary))}</p>`;
  const parts = [detailsHtml(detail), body];
  const consultation = detail.type === 'consultation' ? detail : null;
  if (consultation?.outcome) parts.push('<h2>Outcome</h2>', blocksToSafeHtml(consultation.outcome, base));
  const easyRead = safeUrl(consultation?.easyReadVersion?.url ?? detail.easyReadUrl, base);
  if (easyRead) parts.push(`<p><a href="${escapeMarkup(easyRead)}">Easy read version</a></p>`);
  return parts.filter(Boolean).join('\n');
}

function feedItem(detail: UpdateDetail, settings: FeedSettings, cmsBaseUrl: string): FeedItem {
  const published = readerDateInstant(detail.date);
  const modified = new Date(detail.updatedAt);
  const downloads = detail.downloads.map((d) => ({ download: d, attachment: attachmentOf(d) })).filter((d) => d.attachment);
  const attachments = downloads.map((d) => d.attachment!);
  return {
    guid: itemGuid(detail.type, detail.id),
    link: itemLink(settings, cmsBaseUrl, detail),
    title: cleanLine(detail.title),
    summary: cleanLine(detail.summary),
    contentHtml: contentHtml(detail, cmsBaseUrl),
    downloadsHtml: downloadsList(attachments, downloads.map((d) => d.download.format)),
    published,
    // Feed formats expect an entry not to be updated before it was published.
    updated: modified > published ? modified : published,
    categories: [
      { term: detail.type, label: TYPE_LABELS[detail.type] },
      ...detail.topics.map((t) => ({ term: t.slug, label: cleanLine(t.name) })),
    ],
    attachments,
    detail,
  };
}

export type FeedInput = {
  /** The selected items as of now (a consultation's status moves with the clock). */
  details: UpdateDetail[];
  filters: UpdateFilters;
  settings: FeedSettings;
  cmsBaseUrl: string;
  lastModified: Date;
};

export function buildFeed({ details, filters, settings, cmsBaseUrl, lastModified }: FeedInput): FeedDocument {
  const query = canonicalQuery(filters);
  const filtered = query !== '';
  return {
    guid: `urn:uuid:${nameBasedUuid(`feed:${query}`)}`,
    title: filtered ? `${settings.title} (filtered)` : settings.title,
    description: settings.description,
    author: settings.author,
    homePageUrl: settings.siteUrl ?? new URL('/api/updates', cmsBaseUrl).href,
    selfUrl: (path) => new URL(`${path}${query}`, cmsBaseUrl).href,
    cmsBaseUrl,
    imageUrl: settings.imageUrl ?? new URL(FEED_ICON_PATH, cmsBaseUrl).href,
    updated: lastModified,
    items: details.map((detail) => feedItem(detail, settings, cmsBaseUrl)),
  };
}

export const FEED_ICON_PATH: FeedPaths['icon'] = '/feeds/icon.png';

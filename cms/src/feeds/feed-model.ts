/**
 * One format-neutral description of a feed, built from the published
 * catalogue. RSS, Atom and JSON Feed are renderings of this, so they always
 * agree on items, links, ids and content.
 */
import { createHash } from 'crypto';
import { LRUCache } from 'lru-cache';
import type { Download, FeedPaths, FeedQuery, PagePaths, UpdateDetail } from '../../../contract/api';
import { readerDateInstant } from './dates';
import { capitalised, describeFilters } from './describe';
import { downloadsHtml, feedContentHtml } from './feed-content';
import { itemLink, type FeedSettings } from './settings';
import { cleanLine, isWebUrl, safeUrl } from './text';
import { TYPE_LABELS, keysOf } from '../lib/update-types';
import { etagOfHash } from '../lib/http-cache';
import type { UpdateFilters } from '../lib/update-query';

// Fixed namespace for this application's name-based UUIDs. Never change it:
// every guid already in readers' databases is derived from it.
const ID_NAMESPACE = 'b7c0f3a2-5d1e-4c8b-9a6f-2e4d8c1b7a90';

const NAMESPACE_BYTES = Buffer.from(ID_NAMESPACE.replace(/-/g, ''), 'hex');

/** RFC 4122 version 5 (SHA-1, name-based) UUID: the same name always gives the same id. */
export function nameBasedUuid(name: string): string {
  const bytes = createHash('sha1').update(NAMESPACE_BYTES).update(name, 'utf8').digest().subarray(0, 16);
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

function attachmentOf(download: Download): FeedAttachment | null {
  const url = safeUrl(download.url);
  if (!isWebUrl(url)) return null;
  const sizeBytes = Number.isInteger(download.sizeBytes) && download.sizeBytes! >= 0 ? download.sizeBytes : null;
  return { url, title: cleanLine(download.title) || 'Download', mimeType: mimeTypeOf(download.format), sizeBytes };
}

export function renderFeedItem(detail: UpdateDetail, settings: FeedSettings, cmsBaseUrl: string): FeedItem {
  const published = readerDateInstant(detail.date);
  // Changed after its first publication, as readers are told (feed readers show such items as updated).
  const modified = detail.lastUpdated ? new Date(detail.lastUpdated) : published;
  const attachments = detail.downloads.map(attachmentOf).filter((a): a is FeedAttachment => a !== null);
  return {
    guid: itemGuid(detail.type, detail.id),
    link: itemLink(settings, cmsBaseUrl, detail),
    title: cleanLine(detail.title),
    summary: cleanLine(detail.summary),
    contentHtml: feedContentHtml(detail, cmsBaseUrl),
    downloadsHtml: downloadsHtml(detail.downloads),
    published,
    // Feed formats expect an entry not to be updated before it was published.
    updated: modified > published ? modified : published,
    categories: [{ term: detail.type, label: TYPE_LABELS[detail.type] }, ...detail.topics.map((t) => ({ term: t.slug, label: cleanLine(t.name) }))],
    attachments,
    detail,
  };
}

/** A feed format: how one item is written, and the document its items are written into. */
export type FeedFormat = {
  /** Names the format's renderings in the item cache. */
  name: 'rss' | 'atom' | 'json';
  item: (item: FeedItem) => string;
  frame: (feed: FeedDocument) => FeedFrame;
};

/** A feed's document around its items: the text before the first item, between two, and after the last. */
export type FeedFrame = { before: string; between: string; after: string };

/**
 * Where the items go in an XML document, for `frameAround`. Every text and attribute the XML writer
 * escapes loses its control characters (text.ts), so no content can hold this one.
 */
export const ITEMS_SLOT = '\u0000';

/** The frame of a document written with ITEMS_SLOT once, where its items belong. */
export function frameAround(document: string, between: string): FeedFrame {
  const [before, after, ...rest] = document.split(ITEMS_SLOT);
  if (after === undefined || rest.length) throw new Error('A feed document must mark the place of its items once.');
  return { before, between, after };
}

/** An item as a format writes it, encoded, with the SHA-1 digest of those bytes. */
export type EncodedItem = { bytes: Buffer; digest: Buffer };

/**
 * A feed's bytes: its frame around items kept encoded (`feedItemCache`), so the items are copied
 * together once rather than joined as text and encoded again (at 60 items, about 60 KB a feed).
 * Its ETag is hashed from the frame and the items' own digests, not from the whole body again
 * (hashing 60 KB took about 7 % of an uncached feed's CPU). The frame's parts cannot hold
 * ITEMS_SLOT, so it separates them; digests are of one length.
 */
export function feedBytes({ before, between, after }: FeedFrame, items: readonly EncodedItem[]): { body: Buffer; etag: string } {
  const separator = Buffer.from(between);
  const parts: Uint8Array[] = [Buffer.from(before)];
  for (const [i, item] of items.entries()) parts.push(...(i ? [separator] : []), item.bytes);
  // With no items, the line they would have filled is left out rather than left blank.
  const emptyLine = items.length === 0 && before.endsWith('\n') && after.startsWith('\n');
  const last = emptyLine ? after.slice(1) : after;
  parts.push(Buffer.from(last));
  // The digests joined first: hashed one by one, each was a call into the hash of its own (5 % of an uncached feed's CPU).
  const digests = Buffer.concat(items.map((item) => item.digest));
  const hash = createHash('sha1').update(`${before}${ITEMS_SLOT}${between}${ITEMS_SLOT}${last}${ITEMS_SLOT}`).update(digests);
  return { body: Buffer.concat(parts), etag: etagOfHash(hash) };
}

/**
 * Text as UTF-8 in memory of its own. Buffer.from puts short texts in a shared 8 KB slab, which any
 * one of them keeps alive: kept items would hold far more than the bytes the cache counts.
 */
function ownBytes(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

/**
 * Each item as each format writes it, encoded as UTF-8 (outside V8's heap, measured in the bytes it
 * takes), kept by catalogue entry (a new version of an item, or of a topic it names, is a new
 * entry), up to `maxBytes`, first written first out. Feeds with different filters list many of the
 * same items, and unpacking and rendering an item (`render`) is most of a feed's cost: a hit skips both. A hit
 * is one WeakMap lookup: moving it to the back of a least-recently-used list as well cost 6–7 % of an
 * uncached feed's CPU at 100,000 items (a feed reads 11–60 items).
 */
export function feedItemCache<Entry extends object>({
  render,
  maxBytes,
}: {
  render: (format: FeedFormat, entry: Entry, cmsBaseUrl: string) => string;
  maxBytes: number;
}) {
  type Kept = { cmsBaseUrl: string; texts: Partial<Record<FeedFormat['name'], EncodedItem>> };
  const kept = new WeakMap<Entry, Kept>();
  // The bound: each kept entry's bytes, in the order they were written; one pushed out is dropped from `kept`.
  const order = new LRUCache<Entry, number>({
    maxSize: maxBytes,
    sizeCalculation: (bytes) => bytes,
    dispose: (_bytes, entry, reason) => reason !== 'set' && kept.delete(entry),
  });
  return (format: FeedFormat, entry: Entry, cmsBaseUrl: string): EncodedItem => {
    const known = kept.get(entry);
    const texts = known?.cmsBaseUrl === cmsBaseUrl ? known.texts : {};
    let text = texts[format.name];
    if (text === undefined) {
      const bytes = ownBytes(render(format, entry, cmsBaseUrl));
      text = { bytes, digest: createHash('sha1').update(bytes).digest() };
      const more = { ...texts, [format.name]: text };
      order.set(
        entry,
        Object.values(more).reduce((sum, { bytes, digest }) => sum + bytes.length + digest.length, 64),
      );
      // Kept only within the bound (an item larger than all of it is not).
      if (order.has(entry)) kept.set(entry, { cmsBaseUrl, texts: more });
      else kept.delete(entry);
    }
    return text;
  };
}

export type FeedInput = {
  filters: UpdateFilters;
  /** A topic's name from its slug, to name the filters in words. */
  topicName: (slug: string) => string | undefined;
  settings: FeedSettings;
  cmsBaseUrl: string;
  lastModified: Date;
};

/** A feed's title: the site's, or the filters in words ("SEND updates: consultations about short breaks"). */
export function feedTitle(settings: FeedSettings, filters: UpdateFilters, topicName: FeedInput['topicName']): string {
  const words = describeFilters(filters, topicName);
  return words ? `${settings.siteName}: ${words}` : settings.title;
}

export function buildFeed({ filters, topicName, settings, cmsBaseUrl, lastModified }: FeedInput): FeedDocument {
  const query = canonicalQuery(filters);
  const words = describeFilters(filters, topicName);
  return {
    guid: `urn:uuid:${nameBasedUuid(`feed:${query}`)}`,
    title: feedTitle(settings, filters, topicName),
    description: words ? `${capitalised(words)}. ${settings.description}` : settings.description,
    author: settings.author,
    // The council's own page when configured, else the CMS's list of these items.
    homePageUrl: settings.siteUrl ?? new URL(`${INDEX_PATH}${query}`, cmsBaseUrl).href,
    selfUrl: (path) => new URL(`${path}${query}`, cmsBaseUrl).href,
    cmsBaseUrl,
    imageUrl: settings.imageUrl ?? new URL(FEED_ICON_PATH, cmsBaseUrl).href,
    updated: lastModified,
  };
}

export const FEED_ICON_PATH: FeedPaths['icon'] = '/feeds/icon.png';
export const INDEX_PATH: PagePaths['index'] = '/updates';

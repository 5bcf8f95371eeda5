/**
 * Imports an existing RSS or Atom feed into the CMS through Strapi's
 * document service. Each feed item is recorded by a source key (its guid or
 * id, else its link) in Strapi's core store, so a re-run creates nothing
 * twice and never touches an item again once it exists: whatever an editor
 * changed, unpublished or deleted stands.
 */
import { createHash } from 'crypto';
import fs from 'fs/promises';
import Parser from 'rss-parser';
import type { Core } from '@strapi/strapi';
import type { Block, Download } from '../../../contract/api';
import { asStrapiBlocks, blocksToText } from '../lib/blocks';
import { UPDATE_TYPES, type UpdateType } from '../lib/update-types';
import { allowedLink, decodeEntities, htmlToBlocks } from './html-to-blocks';

const STORE = { type: 'app', name: 'send-import' } as const;
const TITLE_MAX = 200;
const SUMMARY_MAX = 300;
const SLUG_MAX = 80;
const FETCH_TIMEOUT_MS = 30_000;

/** Reads a feed file or URL as text, honouring the encoding its XML declaration names (old sites use windows-1252). */
export async function readSource(source: string): Promise<string> {
  let bytes: Buffer;
  if (/^https?:\/\//i.test(source)) {
    const response = await fetch(source, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { Accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5' },
    });
    if (!response.ok) throw new Error(`${source} answered ${response.status} ${response.statusText}.`);
    bytes = Buffer.from(await response.arrayBuffer());
  } else {
    bytes = await fs.readFile(source);
  }
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(bytes.subarray(0, 300).toString('latin1'))?.[1]?.toLowerCase();
  if (declared && WINDOWS_1252_LABELS.has(declared)) return decodeWindows1252(bytes);
  const decoder = (() => {
    try {
      return new TextDecoder(declared ?? 'utf-8');
    } catch {
      return new TextDecoder('utf-8'); // a label TextDecoder does not know
    }
  })();
  return decoder.decode(bytes).replace(/^\uFEFF/, '');
}

// Per the WHATWG Encoding standard these labels all mean windows-1252; Node's TextDecoder drops its
// 0x80-0x9F range (curly quotes, dashes, the euro sign), which old Word-pasted feeds are full of.
const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'iso-8859-1', 'iso8859-1', 'latin1', 'us-ascii', 'ascii']);
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/**
 * A feed item as rss-parser gives it. Its own types promise strings, but XML
 * with attributes arrives as objects ({ _: text, $: attributes }), so every
 * field is read as unknown.
 */
export type FeedItem = Record<string, unknown>;
export type Feed = { title?: string; link?: string; items: FeedItem[] };

const parser = new Parser<Record<string, unknown>, FeedItem>({
  customFields: {
    item: [
      ['enclosure', 'enclosures', { keepArray: true }],
      ['link', 'links', { keepArray: true }],
      ['category', 'categoryList', { keepArray: true }],
    ],
  },
});

export async function parseFeed(xml: string): Promise<Feed> {
  return parser.parseString(xml);
}

// The shapes feeds really use. JavaScript's own parser also accepts prose ("sometime in spring 2020"
// becomes 1 January), so a date must look like one of these first.
const RFC_822 = /^(?:[A-Za-z]{3},?\s+)?\d{1,2}\s+[A-Za-z]{3,9}\s+\d{2,4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+(?:[+-]\d{4}|[A-Z]{1,5}))?$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const UK_NUMERIC = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A feed date (RFC 822, ISO 8601, or the UK day/month/year some old systems write) as an instant, or null. */
export function parseFeedDate(raw: unknown): Date | null {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const text = raw.trim().replace(/\s+/g, ' ');
  const uk = UK_NUMERIC.exec(text);
  if (uk) {
    const [day, month, year] = uk.slice(1).map(Number);
    const date = new Date(Date.UTC(year, month - 1, day, 12));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
  }
  if (!RFC_822.test(text) && !ISO_8601.test(text)) return null;
  // JavaScript knows US zone names only; British feeds write BST.
  const parsed = new Date(text.replace(/\bBST$/, '+0100'));
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Europe/London calendar date of an instant, YYYY-MM-DD. */
export const londonCalendarDate = (date: Date) => londonDate.format(date);

/** At most `max` characters, cut at a word boundary with an ellipsis when shortened. */
export function cutAtWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max - 1);
  const cut = room.lastIndexOf(' ') > max / 2 ? room.slice(0, room.lastIndexOf(' ')) : room;
  return `${cut.replace(/[\s,;:.\u2013\u2014-]+$/, '')}\u2026`;
}

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, SLUG_MAX).replace(/-+$/, '') || 'item';
}

type XmlValue = { _?: unknown; $?: Record<string, string | undefined> };
const xml = (value: unknown): XmlValue => (value && typeof value === 'object' ? value : {});
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof xml(value)._ === 'string' ? (xml(value)._ as string) : '');
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function downloadsOf(item: FeedItem): Download[] {
  const enclosures = listOf(item.enclosures)
    .map((e) => xml(e).$ ?? {})
    .map((a) => ({ url: a.url, length: a.length, type: a.type, title: undefined }));
  const atomEnclosures = listOf(item.links)
    .map((l) => xml(l).$ ?? {})
    .filter((a) => a.rel === 'enclosure')
    .map((a) => ({ url: a.href, length: a.length, type: a.type, title: a.title }));
  return [...enclosures, ...atomEnclosures].flatMap(({ url, length, type, title }) => {
    const href = allowedLink(url);
    if (!href || !/^https?:/.test(href)) return [];
    const fileName = decodeURIComponent(new URL(href).pathname.split('/').pop() ?? '');
    const extension = /\.([a-z0-9]{1,8})$/i.exec(fileName)?.[1];
    const size = Number(length);
    return [
      {
        title: (decodeEntities(title ?? '').trim() || fileName || 'Download').slice(0, TITLE_MAX),
        url: href,
        format:
          (
            extension ??
            /\/([a-z0-9.+-]+)$/i
              .exec(type ?? '')?.[1]
              ?.split(/[.+]/)
              .pop() ??
            ''
          )
            .toUpperCase()
            .slice(0, 20) || null,
        sizeBytes: Number.isInteger(size) && size > 0 && size < 2 ** 31 ? size : null,
      },
    ];
  });
}

const categoriesOf = (item: FeedItem) =>
  listOf(item.categoryList)
    .map((c) => decodeEntities(text(c) || xml(c).$?.label || xml(c).$?.term || '').trim())
    .filter(Boolean);

/** What an imported item becomes in the CMS (before its slug and topics are chosen). */
export type ImportedFields = { title: string; summary: string; date: string; body: Block[]; downloads: Download[]; opensAt?: string };

export type MappedItem =
  { sourceKey: string | null; label: string; error: string } | { sourceKey: string; label: string; data: ImportedFields; categories: string[] };

/**
 * One feed item as CMS data, or the reason it cannot be imported.
 * Body: RSS content:encoded, else description; Atom content, else summary.
 * Summary: the separate teaser when the feed has one (RSS description beside
 * content:encoded, Atom summary beside content), else the start of the body.
 */
export function mapItem(item: FeedItem, { type, feedLink }: { type: UpdateType; feedLink?: string }): MappedItem {
  const title = cutAtWord(decodeEntities(text(item.title)), TITLE_MAX);
  const guid = text(item.guid) || text(item.id);
  const link = allowedLink(text(item.link) || undefined);
  // A bare guid such as "1234" is only unique within its feed.
  const sourceKey = guid ? (/^[a-z][a-z0-9+.-]*:/i.test(guid) ? guid : `${feedLink ?? ''}#${guid}`) : link;
  const label = title || guid || link || '(untitled item)';
  if (!title) return { sourceKey, label, error: 'it has no title' };
  if (!sourceKey) return { sourceKey, label, error: 'it has neither a guid/id nor a link to recognise it by on a re-run' };
  const rawDate = text(item.pubDate) || text(item.date) || text(item.isoDate);
  if (!rawDate) return { sourceKey, label, error: 'it has no date' };
  const published = parseFeedDate(rawDate);
  if (!published) return { sourceKey, label, error: `its date "${rawDate.slice(0, 60)}" cannot be read` };

  const fullHtml = item['content:encoded'] ?? item.content ?? item.summary ?? '';
  const teaserHtml = item['content:encoded'] ? item.content : item.content ? item.summary : null;
  const body = htmlToBlocks(fullHtml, { base: link ?? undefined });
  const teaser = teaserHtml ? blocksToText(htmlToBlocks(teaserHtml)) : '';
  const summary = cutAtWord(teaser || blocksToText(body) || title, SUMMARY_MAX);
  const data: ImportedFields = { title, summary, date: londonCalendarDate(published), body, downloads: downloadsOf(item) };
  if (type === 'consultation') data.opensAt = published.toISOString(); // the closing time is not in a feed
  return { sourceKey, label, data, categories: categoriesOf(item) };
}

const storeKey = (sourceKey: string) => `source:${createHash('sha1').update(sourceKey).digest('hex')}`;

export type ImportStatus = 'failed' | 'skipped' | 'would create' | 'created' | 'published' | 'draft';
export type ImportProgress = { index: number; total: number; status: ImportStatus; title: string; reason?: string };
export type ImportOptions = { type?: UpdateType; publish?: boolean; dryRun?: boolean; onProgress?: (event: ImportProgress) => void };
type Line = { title: string; reason?: string; slug?: string; documentId?: string };
export type ImportReport = { total: number; created: Line[]; published: Line[]; keptAsDraft: Line[]; skipped: Line[]; failed: Line[] };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Imports parsed feed items. Returns a report; never throws for one bad item. */
export async function importFeed(
  strapi: Core.Strapi,
  feed: Feed,
  { type = 'article', publish = false, dryRun = false, onProgress = () => {} }: ImportOptions = {},
): Promise<ImportReport> {
  const uid = UPDATE_TYPES[type];
  const documents = strapi.documents(uid);
  const store = strapi.store(STORE);
  const topics = await strapi.documents('api::topic.topic').findMany({ fields: ['name', 'slug'], limit: 10_000 });
  const topicFor = (name: string) => topics.find((t) => t.name?.toLowerCase() === name.toLowerCase() || t.slug === slugify(name));
  const plannedSlugs = new Set<string>();
  const report: ImportReport = { total: feed.items.length, created: [], published: [], keptAsDraft: [], skipped: [], failed: [] };

  const freeSlug = async (title: string, date: string) => {
    const base = slugify(title);
    for (const candidate of [base, `${base}-${date}`, ...Array.from({ length: 50 }, (_, i) => `${base}-${date}-${i + 2}`)]) {
      if (plannedSlugs.has(candidate)) continue;
      if (!(await documents.findFirst({ filters: { slug: candidate }, fields: ['documentId'] }))) return candidate;
    }
    throw new Error('no free address (slug) for it');
  };

  for (const [index, item] of feed.items.entries()) {
    const mapped = mapItem(item, { type, feedLink: feed.link });
    const progress = (status: ImportStatus, reason?: string) => onProgress({ index: index + 1, total: feed.items.length, status, title: mapped.label, reason });
    if ('error' in mapped) {
      report.failed.push({ title: mapped.label, reason: `Not imported: ${mapped.error}.` });
      progress('failed', mapped.error);
      continue;
    }
    try {
      const key = storeKey(mapped.sourceKey);
      if (await store.get({ key })) {
        report.skipped.push({ title: mapped.label, reason: 'imported before' });
        progress('skipped', 'imported before');
        continue;
      }
      // Made by hand or by an import whose record was lost: adopt it rather than duplicate it.
      const existing = await documents.findFirst({ filters: { title: mapped.data.title, date: mapped.data.date }, fields: ['documentId'] });
      if (existing) {
        if (!dryRun) await store.set({ key, value: { uid, documentId: existing.documentId, source: mapped.sourceKey, adopted: true } });
        report.skipped.push({ title: mapped.label, reason: 'already in the CMS with the same title and date' });
        progress('skipped', 'already in the CMS');
        continue;
      }
      const slug = await freeSlug(mapped.data.title, mapped.data.date);
      plannedSlugs.add(slug);
      const topicIds = [...new Set(mapped.categories.map(topicFor).flatMap((t) => (t ? [t.documentId] : [])))];
      if (dryRun) {
        report.created.push({ title: mapped.label, slug });
        progress('would create', slug);
        continue;
      }
      const data = {
        ...mapped.data,
        body: asStrapiBlocks(mapped.data.body),
        // Strapi's input type leaves unknown values out rather than null.
        downloads: mapped.data.downloads.map((d) => ({ ...d, format: d.format ?? undefined, sizeBytes: d.sizeBytes ?? undefined })),
        slug,
        ...(topicIds.length ? { topics: { connect: topicIds.map((documentId) => ({ documentId })) } } : {}),
      };
      const created = await documents.create({ data });
      await store.set({ key, value: { uid, documentId: created.documentId, source: mapped.sourceKey, importedAt: new Date().toISOString() } });
      report.created.push({ title: mapped.label, slug, documentId: created.documentId });
      if (!publish) {
        progress('created', 'draft');
        continue;
      }
      try {
        await documents.publish({ documentId: created.documentId });
        report.published.push({ title: mapped.label, slug });
        progress('published');
      } catch (error) {
        // e.g. a consultation needs a closing date a feed does not have; an editor completes it.
        const reason = `kept as a draft: ${messageOf(error)}`;
        report.keptAsDraft.push({ title: mapped.label, reason });
        progress('draft', reason);
      }
    } catch (error) {
      report.failed.push({ title: mapped.label, reason: `Not imported: ${messageOf(error)}` });
      progress('failed', messageOf(error));
    }
  }
  return report;
}

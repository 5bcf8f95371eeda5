/**
 * Search engines find every item's page for readers from /sitemap.xml (named in /robots.txt): an
 * index of sitemaps of at most SITEMAP_SIZE pages each (the protocol allows 50,000), oldest items
 * first, so a new item goes into the last one and the others keep their content and date.
 */
import type { Catalogue, CatalogueEntry } from '../catalogue/catalogue';
import { itemPagePath } from '../catalogue/items';
import { XML_DECLARATION, parentElement, textElement } from '../feeds/xml';
import { INDEX_PATH } from './urls';

export const SITEMAP_INDEX_PATH = '/sitemap.xml';
export const ROBOTS_PATH = '/robots.txt';
/** Each sitemap's address: /sitemaps/1.xml holds the oldest items. */
export const SITEMAP_PATH = '/sitemaps/:file';
export const SITEMAP_SIZE = 10_000;

const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
/** W3C Datetime, as the protocol asks; an unreadable time is left out. */
const dated = (ms: number) => (ms > 0 ? textElement('lastmod', new Date(ms).toISOString()) : '');

export const sitemapCount = (catalogue: Catalogue) => Math.max(1, Math.ceil(catalogue.entries.length / SITEMAP_SIZE));

/** The entries of sitemap `n` (from 1), newest first as the catalogue holds them: sitemap 1 takes the oldest. */
const entriesOf = ({ entries }: Catalogue, n: number): CatalogueEntry[] =>
  entries.slice(Math.max(0, entries.length - n * SITEMAP_SIZE), entries.length - (n - 1) * SITEMAP_SIZE);

const newestChange = (entries: readonly CatalogueEntry[]) => entries.reduce((latest, entry) => Math.max(latest, entry.updatedAt), 0);

export function sitemapIndex(catalogue: Catalogue, baseUrl: string): string {
  const sitemaps = Array.from({ length: sitemapCount(catalogue) }, (_, i) =>
    parentElement('sitemap', [textElement('loc', `${baseUrl}/sitemaps/${i + 1}.xml`), dated(newestChange(entriesOf(catalogue, i + 1)))]),
  );
  return `${XML_DECLARATION}\n${parentElement('sitemapindex', sitemaps, { xmlns: NAMESPACE })}\n`;
}

/** The sitemap at `/sitemaps/<file>` (`1.xml` and on), or null when there is none. The first also holds the list of all updates. */
export function sitemap(catalogue: Catalogue, baseUrl: string, file: string): string | null {
  const n = /^\d{1,6}\.xml$/.test(file) ? parseInt(file, 10) : 0;
  if (n < 1 || n > sitemapCount(catalogue)) return null;
  // Oldest first, so a new item goes at the end of the last sitemap.
  const pages = entriesOf(catalogue, n)
    .reverse()
    .map((entry) => parentElement('url', [textElement('loc', `${baseUrl}${itemPagePath(entry.type, entry.slug)}`), dated(entry.updatedAt)]));
  if (n === 1) pages.unshift(parentElement('url', [textElement('loc', `${baseUrl}${INDEX_PATH}`), dated(catalogue.lastModified.getTime())]));
  return `${XML_DECLARATION}\n${parentElement('urlset', pages, { xmlns: NAMESPACE })}\n`;
}

/** Robots may read everything but the admin, and are told where the sitemap is. */
export const robotsTxt = (baseUrl: string) => `User-agent: *\nDisallow: /admin\n\nSitemap: ${baseUrl}${SITEMAP_INDEX_PATH}\n`;

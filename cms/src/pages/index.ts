/**
 * Pages for readers, served by the CMS and built from the published catalogue (drafts are
 * unreachable), all working without JavaScript:
 *
 *   /updates                      every item: search, filters (the feeds' query), pages
 *   /updates/:type/:slug          one item (404 page when there is no published item there)
 *   /updates/subscribe            feed reader, email and calendar choices for the same filters
 *   /updates/for-websites         the widget script tags with their integrity hashes
 *   /updates/accessibility        the accessibility statement for these pages
 *   /sitemap.xml, /sitemaps/N.xml every item's page, for search engines (sitemap.ts), named in /robots.txt
 *   /updates/assets/:file         the one stylesheet, and the copy-button script
 *
 * A browser that opens a feed itself is answered with the subscribe page (see feedInBrowser).
 */
import { createHash } from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { catalogueOf, publicBaseUrl, type Catalogue } from '../catalogue/catalogue';
import { summaryOf } from '../catalogue/entry';
import { facets, matchingFacets, selectPage, topicNamer } from '../catalogue/select';
import { feedTitle } from '../feeds/feed-model';
import { readFeedSettings } from '../feeds/settings';
import { sendCacheable } from '../lib/http-cache';
import { addPublicReads, queryOf } from '../lib/public-reads';
import { NO_FILTERS, parseFilters, parseUpdateQuery, QueryError, type UpdateFilters } from '../lib/update-query';
import { isUpdateType } from '../lib/update-types';
import { redirectedItem } from '../slugs/slugs';
import { previewHeaders, previewItem } from '../preview/preview';
import { ACCESSIBILITY_PATH, accessibilityPage } from './accessibility-page';
import { ROBOTS_PATH, robotsTxt, SITEMAP_INDEX_PATH, SITEMAP_PATH, sitemap, sitemapIndex } from './sitemap';
import { embedPage } from './embed-page';
import { EMBED_PATH, readEmbedChoice } from './embed-query';
import { badRequestPage, notFoundPage } from './error-page';
import { INDEX_PAGE_SIZE, indexPage } from './index-page';
import { itemPage } from './item-page';
import type { FeedLink, Site } from './layout';
import { subscribePage } from './subscribe-page';
import { INDEX_PATH, SUBSCRIBE_PATH, urlsFor, WIDGETS_PATH } from './urls';
import { widgetsPage } from './widgets-page';
import type { WidgetScript } from './snippets';

const HTML = 'text/html; charset=utf-8';
const XML = 'application/xml; charset=utf-8';
/** Seconds a page may be reused without asking, as for the API. */
const PAGE_MAX_AGE = 60;
/** The embed builder offers the consultations still to close, soonest first; a council has a handful, a generated catalogue thousands. */
const OPEN_CONSULTATIONS: UpdateFilters = { ...NO_FILTERS, types: ['consultation'], status: ['upcoming', 'open'] };
const EMBED_CONSULTATIONS = 200;

/** Strict headers for pages: no inline script but head.js, nothing framed, nothing loaded from elsewhere but images. */
function securityHeaders(ctx: Context, origin: string, headScriptHash: string) {
  const self = `'self' ${origin}`;
  ctx.set(
    'Content-Security-Policy',
    [
      `default-src 'none'`,
      `style-src ${self}`,
      `script-src ${self} '${headScriptHash}'`,
      `img-src ${self} https: data:`,
      `form-action ${self}`,
      `base-uri 'none'`,
      `frame-ancestors 'none'`,
    ].join('; '),
  );
  ctx.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  ctx.set('X-Frame-Options', 'DENY');
  ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
  ctx.set('X-Content-Type-Options', 'nosniff');
}

type Asset = { body: Buffer; type: string; hash: string };

function readAsset(file: string, type: string): Asset {
  const body = fs.readFileSync(file);
  return { body, type, hash: createHash('sha256').update(body).digest('base64url').slice(0, 12) };
}

/** The built widget scripts at their versioned addresses, with their integrity hashes; empty before a build. */
function widgetScripts(repoRoot: string, baseUrl: string): { version: string | null; scripts: WidgetScript[] } {
  try {
    const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const integrity = JSON.parse(fs.readFileSync(path.join(repoRoot, 'dist', 'widgets', 'integrity.json'), 'utf8')) as Record<string, string>;
    const scripts = Object.entries(integrity)
      .filter(([file]) => fs.existsSync(path.join(repoRoot, 'dist', 'widgets', `v${version}`, file)))
      .map(([file, hash]) => ({ file, integrity: hash, url: `${baseUrl}/widgets/v${version}/${file}` }));
    return { version, scripts };
  } catch {
    return { version: null, scripts: [] };
  }
}

export function registerPages(strapi: Core.Strapi) {
  const settings = readFeedSettings();
  const assetsDir = path.join(strapi.dirs.app.src, 'pages', 'assets');
  const assets: Record<string, Asset> = {
    'site.css': readAsset(path.join(assetsDir, 'site.css'), 'text/css; charset=utf-8'),
    'copy.js': readAsset(path.join(assetsDir, 'copy.js'), 'text/javascript; charset=utf-8'),
    'embed.js': readAsset(path.join(assetsDir, 'embed.js'), 'text/javascript; charset=utf-8'),
  };
  const headScript = fs.readFileSync(path.join(assetsDir, 'head.js'), 'utf8');
  const headScriptHash = `sha256-${createHash('sha256').update(headScript).digest('base64')}`;

  const siteOf = (): Site => {
    const baseUrl = publicBaseUrl(strapi);
    const asset = (file: string) => `${baseUrl}/updates/assets/${file}?v=${assets[file].hash}`;
    return {
      name: settings.siteName,
      publisher: settings.author,
      baseUrl,
      accessibilityHref: settings.accessibilityStatementUrl ?? `${baseUrl}${ACCESSIBILITY_PATH}`,
      assets: { css: asset('site.css'), script: asset('copy.js'), headScript },
    };
  };
  const originOf = (site: Site) => new URL(site.baseUrl).origin;

  const feedLinks = (site: Site, filters: UpdateFilters, title: string): FeedLink[] => {
    const { feeds } = urlsFor(site.baseUrl, filters);
    return [
      { type: 'application/rss+xml', title: `${title} (RSS)`, href: feeds.rss },
      { type: 'application/atom+xml', title: `${title} (Atom)`, href: feeds.atom },
      { type: 'application/feed+json', title: `${title} (JSON Feed)`, href: feeds.json },
    ];
  };

  const send = (ctx: Context, site: Site, status: number, html: string, lastModified?: Date) => {
    securityHeaders(ctx, originOf(site), headScriptHash);
    if (status === 200) return sendCacheable(ctx, { body: html, contentType: HTML, lastModified, maxAge: PAGE_MAX_AGE });
    ctx.status = status;
    ctx.set('Cache-Control', 'no-store');
    ctx.type = HTML;
    ctx.body = html;
  };

  /** Filters from the query, or null after answering 400 with a page saying what is wrong. */
  const readOr400 = <T>(ctx: Context, site: Site, read: () => T): T | null => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof QueryError)) throw error;
      send(ctx, site, 400, badRequestPage(site, error));
      return null;
    }
  };

  const index = async (ctx: Context) => {
    const site = siteOf();
    const query = readOr400(ctx, site, () => parseUpdateQuery(queryOf(ctx)));
    if (!query) return;
    const catalogue = await catalogueOf(strapi).get();
    const now = Date.now();
    const topicName = topicNamer(catalogue.entries);
    // The page works out each shown consultation's status from `now` itself.
    // Only the page shown is read out of the selection (the catalogue may hold 100,000 items).
    const { total, entries } = selectPage(catalogue, query, now, 'newest', (query.page - 1) * INDEX_PAGE_SIZE, INDEX_PAGE_SIZE);
    const html = indexPage({
      site,
      title: settings.title,
      filters: query,
      page: query.page,
      total,
      shown: entries.map(summaryOf),
      // What each choice would find alongside the others: "News (60)" beside "12 updates found" misled.
      facets: matchingFacets(catalogue, query, now),
      topicName,
      feeds: feedLinks(site, query, feedTitle(settings, query, topicName)),
      now,
    });
    send(ctx, site, 200, html, catalogue.lastModified);
  };

  const item = async (ctx: Context) => {
    const site = siteOf();
    const { type, slug } = ctx.params as { type: string; slug: string };
    // A preview link (from the admin's Preview) shows the version its signed token names, drafts included.
    const { preview } = queryOf(ctx);
    if (preview !== undefined) {
      const draft = await previewItem(strapi, type, preview);
      if (!draft) return send(ctx, site, 404, notFoundPage(site));
      send(ctx, site, 200, itemPage({ item: draft, site, feeds: [], now: Date.now(), preview: true }));
      return previewHeaders(ctx);
    }
    const catalogue = await catalogueOf(strapi).get();
    const entry = isUpdateType(type) ? catalogue.bySlug[type].get(slug) : undefined;
    const detail = entry && catalogueOf(strapi).detail(entry);
    if (!detail) {
      // An address an item had before an editor changed its slug leads to its current page.
      const movedTo = isUpdateType(type) ? await redirectedItem(strapi, type, slug) : null;
      const current = movedTo ? catalogue.byId.get(movedTo) : undefined;
      if (current) {
        ctx.status = 301;
        return ctx.redirect(summaryOf(current).pageUrl);
      }
      return send(ctx, site, 404, notFoundPage(site));
    }
    const html = itemPage({ item: detail, site, feeds: feedLinks(site, NO_FILTERS, settings.title), now: Date.now() });
    send(ctx, site, 200, html, new Date(detail.updatedAt));
  };

  /** /updates/news and the like: the list of that type; anything else is not a page. */
  const typeOrNotFound = (ctx: Context) => {
    const site = siteOf();
    const { type } = ctx.params as { type: string };
    if (!isUpdateType(type)) return send(ctx, site, 404, notFoundPage(site));
    ctx.redirect(urlsFor(site.baseUrl, { ...NO_FILTERS, types: [type] }).index);
  };

  const subscribe = async (ctx: Context) => {
    const site = siteOf();
    const filters = readOr400(ctx, site, () => parseFilters(queryOf(ctx)));
    if (!filters) return;
    const catalogue = await catalogueOf(strapi).get();
    const topicName = topicNamer(catalogue.entries);
    send(
      ctx,
      site,
      200,
      subscribePage({ site, filters, topicName, feeds: feedLinks(site, filters, feedTitle(settings, filters, topicName)) }),
      catalogue.lastModified,
    );
  };

  const accessibility = (ctx: Context) => {
    const site = siteOf();
    send(ctx, site, 200, accessibilityPage({ site, contactEmail: settings.contactEmail, councilUrl: settings.siteUrl }));
  };

  const forWebsites = (ctx: Context) => {
    const site = siteOf();
    const { version, scripts } = widgetScripts(path.resolve(strapi.dirs.app.root, '..'), site.baseUrl);
    send(ctx, site, 200, widgetsPage({ site, version, scripts }));
  };

  const embed = async (ctx: Context) => {
    const site = siteOf();
    const catalogue = await catalogueOf(strapi).get();
    const topics = facets(catalogue.entries).topics.filter((t) => t.count > 0);
    const consultations = selectPage(catalogue, OPEN_CONSULTATIONS, Date.now(), 'closing', 0, EMBED_CONSULTATIONS).entries.map(summaryOf);
    const choice = readEmbedChoice(queryOf(ctx), {
      topics: topics.map((t) => t.value),
      consultations: consultations.map((item) => item.slug),
    });
    const { scripts } = widgetScripts(path.resolve(strapi.dirs.app.root, '..'), site.baseUrl);
    send(
      ctx,
      site,
      200,
      embedPage({ site, choice, scripts, topics, consultations, script: `${site.baseUrl}/updates/assets/embed.js?v=${assets['embed.js'].hash}` }),
      catalogue.lastModified,
    );
    // The preview is the widget itself: it reads the public API of this CMS.
    ctx.set('Content-Security-Policy', `${ctx.response.get('Content-Security-Policy')}; connect-src 'self' ${originOf(site)}`);
  };

  const sitemapOf =
    (write: (catalogue: Catalogue, baseUrl: string, file: string) => string | null) =>
    async (ctx: Context): Promise<void> => {
      const catalogue = await catalogueOf(strapi).get();
      const xml = write(catalogue, publicBaseUrl(strapi), (ctx.params as { file?: string }).file ?? '');
      if (xml === null) return send(ctx, siteOf(), 404, notFoundPage(siteOf()));
      sendCacheable(ctx, { body: xml, contentType: XML, lastModified: catalogue.lastModified, maxAge: PAGE_MAX_AGE });
    };

  const robots = (ctx: Context) => {
    sendCacheable(ctx, { body: robotsTxt(publicBaseUrl(strapi)), contentType: 'text/plain; charset=utf-8', maxAge: 3600 });
  };

  const asset = (ctx: Context) => {
    const { file: name } = ctx.params as { file: string };
    const file = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (!file) return send(ctx, siteOf(), 404, notFoundPage(siteOf()));
    // Pages ask for the current content's hash, so that address can be cached for good.
    const immutable = queryOf(ctx).v === file.hash;
    sendCacheable(ctx, { body: file.body, contentType: file.type, etag: `W/"${file.hash}"`, maxAge: immutable ? 31_536_000 : 300 });
    if (immutable) ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
  };

  // First match wins: the fixed addresses before the ones with parameters.
  addPublicReads(strapi, [
    { path: INDEX_PATH, handler: index },
    { path: SUBSCRIBE_PATH, handler: subscribe },
    { path: WIDGETS_PATH, handler: forWebsites },
    { path: ACCESSIBILITY_PATH, handler: accessibility },
    { path: SITEMAP_INDEX_PATH, handler: sitemapOf(sitemapIndex) },
    { path: SITEMAP_PATH, handler: sitemapOf(sitemap) },
    { path: ROBOTS_PATH, handler: robots },
    { path: EMBED_PATH, handler: embed },
    { path: '/updates/assets/:file', handler: asset },
    { path: '/updates/:type', handler: typeOrNotFound },
    { path: '/updates/:type/:slug', handler: item },
  ]);

  return {
    /**
     * A browser opening a feed (a top-level navigation) gets the subscribe page for that feed's
     * filters, with its latest items: a person, not a feed reader, is looking.
     */
    feedInBrowser: async (ctx: Context, feedName: string, filters: UpdateFilters) => {
      const site = siteOf();
      const catalogue = await catalogueOf(strapi).get();
      const now = Date.now();
      const topicName = topicNamer(catalogue.entries);
      const items = selectPage(catalogue, filters, now, 'newest', 0, 10).entries.map(summaryOf);
      const html = subscribePage({
        site,
        filters,
        topicName,
        feeds: feedLinks(site, filters, feedTitle(settings, filters, topicName)),
        opened: { name: feedName, items },
      });
      send(ctx, site, 200, html, catalogue.lastModified);
    },
  };
}

export type Pages = ReturnType<typeof registerPages>;

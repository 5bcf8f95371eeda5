/**
 * RSS 2.0, following the W3C Feed Validator's rules: the atom namespace for
 * the self link, RFC 822 dates, guids that are not permalinks, one enclosure
 * per item (only when its size is known, as the length is required).
 */
import { frameAround, ITEMS_SLOT, type FeedDocument, type FeedFormat, type FeedFrame, type FeedItem } from './feed-model';
import { escapeMarkup, type TextValue } from './text';
import { XML_DECLARATION, emptyElement, parentElement, textElement } from './xml';
import type { FeedPaths } from '../../../contract/api';

export const RSS_PATH: FeedPaths['rss'] = '/feeds/rss.xml';
export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8';
/** Minutes a reader may wait before polling again (HTTP caching does the fine-grained work). */
const TTL_MINUTES = 15;

/**
 * Every element of text a reader shows (titles, descriptions, categories) follows one rule. RSS
 * allows HTML in descriptions and most readers treat titles and categories the same way, so the
 * text is escaped as HTML before the XML writer escapes it: it shows exactly as the editor typed it
 * in those readers, and no text can become markup in any reader.
 */
const readerText = (name: string, text: TextValue) => textElement(name, escapeMarkup(text));

function renderRssItem(item: FeedItem): string {
  const enclosure = item.attachments.find((a) => a.sizeBytes !== null);
  return parentElement('item', [
    readerText('title', item.title),
    textElement('link', item.link),
    readerText('description', item.summary),
    textElement('content:encoded', [item.contentHtml, item.downloadsHtml].filter(Boolean).join('\n')),
    textElement('guid', item.guid, { isPermaLink: 'false' }),
    textElement('pubDate', item.published.toUTCString()),
    ...item.categories.map((c) => readerText('category', c.label)),
    enclosure ? emptyElement('enclosure', { url: enclosure.url, length: enclosure.sizeBytes, type: enclosure.mimeType }) : '',
  ]);
}

function rssFrame(feed: FeedDocument): FeedFrame {
  const channel = parentElement('channel', [
    readerText('title', feed.title),
    textElement('link', feed.homePageUrl),
    readerText('description', feed.description),
    emptyElement('atom:link', { href: feed.selfUrl(RSS_PATH), rel: 'self', type: 'application/rss+xml' }),
    textElement('language', 'en-GB'),
    textElement('lastBuildDate', feed.updated.toUTCString()),
    textElement('generator', 'SEND updates (Strapi)'),
    textElement('docs', 'https://www.rssboard.org/rss-specification'),
    textElement('ttl', TTL_MINUTES),
    parentElement('image', [textElement('url', feed.imageUrl), readerText('title', feed.title), textElement('link', feed.homePageUrl)]),
    ITEMS_SLOT,
  ]);
  const document = `${XML_DECLARATION}\n${parentElement('rss', [channel], {
    version: '2.0',
    'xmlns:atom': 'http://www.w3.org/2005/Atom',
    'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  })}\n`;
  return frameAround(document, '\n');
}

export const RSS: FeedFormat = { name: 'rss', item: renderRssItem, frame: rssFrame };

/** Atom 1.0 (RFC 4287). Downloads are enclosure links; summary and content are both given. */
import { frameAround, ITEMS_SLOT, type FeedDocument, type FeedFormat, type FeedFrame, type FeedItem } from './feed-model';
import { escapeMarkup } from './text';
import { XML_DECLARATION, emptyElement, parentElement, textElement } from './xml';
import type { FeedPaths } from '../../../contract/api';

export const ATOM_PATH: FeedPaths['atom'] = '/feeds/atom.xml';
export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

function renderAtomEntry(item: FeedItem): string {
  return parentElement('entry', [
    textElement('title', item.title, { type: 'text' }),
    emptyElement('link', { rel: 'alternate', type: 'text/html', href: item.link }),
    textElement('id', item.guid),
    textElement('published', item.published.toISOString()),
    textElement('updated', item.updated.toISOString()),
    // HTML-escaped like RSS descriptions, so importers can treat every summary as HTML.
    textElement('summary', escapeMarkup(item.summary), { type: 'html' }),
    textElement('content', item.contentHtml, { type: 'html' }),
    ...item.categories.map((c) => emptyElement('category', { term: c.term, label: c.label })),
    ...item.attachments.map((a) => emptyElement('link', { rel: 'enclosure', href: a.url, type: a.mimeType, title: a.title, length: a.sizeBytes })),
  ]);
}

function atomFrame(feed: FeedDocument): FeedFrame {
  const document = `${XML_DECLARATION}\n${parentElement(
    'feed',
    [
      textElement('title', feed.title, { type: 'text' }),
      textElement('subtitle', feed.description, { type: 'text' }),
      textElement('id', feed.guid),
      emptyElement('link', { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl(ATOM_PATH) }),
      emptyElement('link', { rel: 'alternate', type: 'text/html', href: feed.homePageUrl }),
      textElement('updated', feed.updated.toISOString()),
      parentElement('author', [textElement('name', feed.author)]),
      textElement('generator', 'SEND updates (Strapi)'),
      textElement('icon', feed.imageUrl),
      textElement('logo', feed.imageUrl),
      ITEMS_SLOT,
    ],
    { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'en-GB' },
  )}\n`;
  return frameAround(document, '\n');
}

export const ATOM: FeedFormat = { name: 'atom', item: renderAtomEntry, frame: atomFrame };

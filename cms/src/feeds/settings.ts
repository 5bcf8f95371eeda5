/**
 * What a council configures about its feeds, from the environment (read once
 * at start-up, like the rest of the server configuration).
 *
 * Where an item's link goes, in order of preference:
 *   FEED_ITEM_URL    a reading-page template, e.g. https://www.example.gov.uk/send/{type}/{slug}
 *                    ({type}, {slug} and {id} are replaced);
 *   PUBLIC_SITE_URL  the page that hosts the news archive widget; items open in its
 *                    reading view (?send-item=type/slug);
 *   otherwise        the item's page on the CMS (/updates/:type/:slug), which works everywhere.
 */
import type { UpdateType } from '../../../contract/api';
import { itemPagePath } from '../catalogue/items';
import { cleanLine, isWebUrl, safeUrl } from './text';

export type FeedSettings = {
  /** Short name of the service, in page headers and before a filtered feed's description. */
  siteName: string;
  title: string;
  description: string;
  author: string;
  /** The council's page for these updates, if configured. */
  siteUrl: string | null;
  itemUrlTemplate: string | null;
  /** A logo to use instead of the built-in feed icon. */
  imageUrl: string | null;
  /** Where readers ask for another format or report an accessibility problem (the accessibility statement). */
  contactEmail: string | null;
  /** The council's own accessibility statement, when it covers the reader pages: the footer links there. */
  accessibilityStatementUrl: string | null;
};

// The HTML standard's rule for an email address, less the characters that would start or join a mailto: link's
// query (? & = /), with a dot in the domain.
const EMAIL = /^[a-zA-Z0-9.!#$%'*+^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

const webUrl = (value: string | undefined): string | null => {
  const url = safeUrl(value ?? '');
  return isWebUrl(url) ? url : null;
};

export function readFeedSettings(env: NodeJS.ProcessEnv = process.env): FeedSettings {
  const template = (env.FEED_ITEM_URL ?? '').trim();
  const contactEmail = (env.CONTACT_EMAIL ?? '').trim();
  return {
    siteName: cleanLine(env.SITE_NAME) || 'SEND updates',
    title: cleanLine(env.FEED_TITLE) || 'SEND news, consultations and service updates',
    description:
      cleanLine(env.FEED_DESCRIPTION) ||
      'News, consultations and staffing and service updates about special educational needs and disabilities (SEND), for parents and carers, children and young people, and professionals.',
    author: cleanLine(env.FEED_AUTHOR) || 'SEND team',
    siteUrl: webUrl(env.PUBLIC_SITE_URL),
    // Checked with a sample slug so a malformed template fails here, not per item.
    itemUrlTemplate: template && isWebUrl(safeUrl(template.replace(/\{(type|slug|id)\}/g, 'x'))) ? template : null,
    imageUrl: webUrl(env.FEED_IMAGE_URL),
    contactEmail: EMAIL.test(contactEmail) ? contactEmail : null,
    accessibilityStatementUrl: webUrl(env.ACCESSIBILITY_STATEMENT_URL),
  };
}

/** The link a feed gives for one item (see the module comment). */
export function itemLink(settings: FeedSettings, cmsBaseUrl: string, item: { type: UpdateType; slug: string; id: string }): string {
  if (settings.itemUrlTemplate) {
    return settings.itemUrlTemplate.replace(/\{(type|slug|id)\}/g, (_, name: 'type' | 'slug' | 'id') => encodeURIComponent(item[name]));
  }
  if (settings.siteUrl) {
    const url = new URL(settings.siteUrl);
    url.searchParams.set('send-item', `${item.type}/${item.slug}`);
    return url.href;
  }
  return new URL(itemPagePath(item.type, item.slug), cmsBaseUrl).href;
}

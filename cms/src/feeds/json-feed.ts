/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
import type { FeedDocument, FeedFormat, FeedFrame, FeedItem } from './feed-model';
import type { FeedPaths, JsonFeed, JsonFeedItem } from '../../../contract/api';

export const JSON_FEED_PATH: FeedPaths['json'] = '/feeds/feed.json';
export const JSON_FEED_CONTENT_TYPE = 'application/feed+json; charset=utf-8';

function jsonFeedItem(item: FeedItem): JsonFeedItem {
  const { detail } = item;
  return {
    id: item.guid,
    url: item.link,
    title: item.title,
    summary: item.summary,
    content_html: item.contentHtml,
    date_published: item.published.toISOString(),
    date_modified: item.updated.toISOString(),
    tags: item.categories.map((c) => c.label),
    ...(item.attachments.length
      ? {
          attachments: item.attachments.map((a) => ({
            url: a.url,
            mime_type: a.mimeType,
            title: a.title,
            ...(a.sizeBytes !== null ? { size_in_bytes: a.sizeBytes } : {}),
          })),
        }
      : {}),
    // Extension (JSON Feed allows keys starting with "_"): what a partner site needs to show the item its own way.
    _send: {
      type: detail.type,
      slug: detail.slug,
      date: detail.date,
      topics: detail.topics.map((t) => t.slug),
      audiences: detail.audiences,
      ...(detail.type === 'consultation' ? { opens_at: detail.opensAt, closes_at: detail.closesAt } : {}),
    },
  };
}

/** The feed around its items, each already JSON (the items come last, so they go in before the closing brace). */
function jsonFeedFrame(feed: FeedDocument): FeedFrame {
  const json: JsonFeed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homePageUrl,
    feed_url: feed.selfUrl(JSON_FEED_PATH),
    description: feed.description,
    icon: feed.imageUrl,
    favicon: feed.imageUrl,
    language: 'en-GB',
    authors: [{ name: feed.author }],
    items: [],
  };
  return { before: JSON.stringify(json).slice(0, -']}'.length), between: ',', after: ']}' };
}

export const JSON_FEED: FeedFormat = { name: 'json', item: (item) => JSON.stringify(jsonFeedItem(item)), frame: jsonFeedFrame };

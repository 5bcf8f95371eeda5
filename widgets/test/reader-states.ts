/**
 * Each state of each widget that a reader meets, mounted from the named fixtures onto a parent of the test's
 * choosing: shared by the suites that check every state under a reader's own setting (a dark page, forced
 * colours, reduced motion, wider text spacing).
 */
import './under-test.js';
import type { SendConsultationCountdown, SendNewsArchive, SendNewsFeed } from './under-test.js';
import { fixtureFetcher, fixtures, listAndItem, type FixtureName } from '../fixtures/index.js';
import { mount, shadow, waitFor } from './helpers.js';

const API = 'https://cms.example';

const settled = (element: HTMLElement, what: string) => waitFor(() => !shadow(element).querySelector('.loading'), what);

async function loadedFeed(attributes: Record<string, string>, list: FixtureName, parent: HTMLElement) {
  const feed = await mount<SendNewsFeed>('send-news-feed', { attributes: { api: API, ...attributes }, properties: { fetcher: listAndItem(list) }, parent });
  await settled(feed, 'feed');
  return feed;
}

/** Each state a reader meets, mounted with `attributes` on a page of its own. */
export const READER_STATES: Record<string, (attributes: Record<string, string>, parent: HTMLElement) => Promise<HTMLElement>> = {
  'news feed, list': (attributes, parent) => loadedFeed({ 'archive-href': '/news', ...attributes }, 'withUpcomingConsultation', parent),
  'news feed, cards': (attributes, parent) => loadedFeed({ layout: 'cards', ...attributes }, 'latestNews', parent),
  'news feed, failed': async (attributes, parent) => {
    const feed = await mount<SendNewsFeed>('send-news-feed', {
      attributes: { api: API, 'fallback-href': '/news', ...attributes },
      properties: { fetcher: fixtureFetcher(() => ({ status: 500 })) },
      parent,
    });
    await waitFor(() => Boolean(shadow(feed).querySelector('[part=error] a')), 'error');
    return feed;
  },
  'news archive, results with filters and pages': async (attributes, parent) => {
    const archive = await mount<SendNewsArchive>('send-news-archive', {
      attributes: { api: API, ...attributes },
      properties: { fetcher: listAndItem('archivePage') },
      parent,
    });
    await settled(archive, 'archive');
    return archive;
  },
  ...Object.fromEntries(
    (['consultationOpen', 'articleWithEverything', 'staffingUpdate'] as const).map((item) => [
      `news archive, reading view of ${item}`,
      async (attributes: Record<string, string>, parent: HTMLElement) => {
        const { type, slug } = fixtures[item].data;
        history.replaceState(null, '', `?send-item=${type}/${slug}`);
        const archive = await mount<SendNewsArchive>('send-news-archive', {
          attributes: { api: API, ...attributes },
          properties: { fetcher: listAndItem('archivePage', item) },
          parent,
        });
        await waitFor(() => Boolean(shadow(archive).querySelector('.reading-title')), 'reading view');
        return archive;
      },
    ]),
  ),
  'consultation countdown, open': async (attributes, parent) => {
    const countdown = await mount<SendConsultationCountdown>('send-consultation-countdown', {
      attributes: { api: API, slug: 'short-breaks-consultation', ...attributes },
      properties: { fetcher: fixtureFetcher(() => ({ fixture: 'consultationOpen' })), clock: () => Date.parse('2026-03-28T22:30:00Z') },
      parent,
    });
    await settled(countdown, 'countdown');
    return countdown;
  },
};

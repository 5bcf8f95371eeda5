/**
 * Demo gallery (demo/gallery.html): every widget in every state, served from the
 * named fixtures. Each element says what it shows with data attributes:
 *   data-list / data-item   fixture names for list and single-item requests
 *   data-failure            hang | network-error | not-json | 500 | 404 | stale
 *   data-clock              ISO instant the countdown treats as "now"
 *   data-open-item          type/slug to open in an archive's reading view
 * Properties are set before the elements are defined, so the first request already uses them. Every widget
 * loads at once (`loading="eager"`): the gallery shows all its states without waiting to be scrolled to.
 * A widget that fails asks for an address no other widget asks for (its own `limit`, `page-size`, `topic` or
 * `slug` in demo/gallery.html): on a failure a widget shows the last good answer saved for its address, which a
 * widget that loaded may have saved first (the stale state shows that on purpose).
 */
import { writeCache } from '../core/cache.js';
import { defineElement } from '../core/define.js';
import type { SendElement } from '../core/send-element.js';
import { fixtureFetcher, fixtures, listAndItem, type FixtureName, type FixtureRoute } from '../fixtures/index.js';
import { SendConsultationCountdown } from '../consultation-countdown/consultation-countdown.js';
import { SendNewsArchive } from '../news-archive/news-archive.js';
import { SendNewsFeed } from '../news-feed/news-feed.js';

const THREE_HOURS = 3 * 60 * 60 * 1000;

function failureRoute(failure: string): FixtureRoute {
  if (failure === 'hang' || failure === 'network-error' || failure === 'not-json') return { behaviour: failure };
  return { status: Number(failure) || 500 };
}

/** Cached copy from three hours ago, then an outage: shows the "may be out of date" state. */
function staleFetcher(list: FixtureName) {
  return (url: string) => {
    writeCache(url, fixtures[list], Date.now() - THREE_HOURS);
    return Promise.resolve(Response.json({ data: null }, { status: 503 }));
  };
}

for (const element of document.querySelectorAll<SendElement & Partial<SendConsultationCountdown>>('[data-list], [data-item], [data-failure]')) {
  const { list = 'latestNews', item = 'articleWithEverything', failure, clock, openItem } = element.dataset;
  if (failure === 'stale') element.fetcher = staleFetcher(list as FixtureName);
  else if (failure) element.fetcher = fixtureFetcher(() => failureRoute(failure));
  else element.fetcher = listAndItem(list as FixtureName, item as FixtureName);
  if (clock) element.clock = () => Date.parse(clock);
  element.loading = 'eager';
  if (openItem) {
    const url = new URL(location.href);
    url.searchParams.set(`${element.getAttribute('url-prefix') ?? 'send-'}item`, openItem);
    history.replaceState(history.state, '', url);
  }
}

defineElement('send-news-feed', SendNewsFeed);
defineElement('send-news-archive', SendNewsArchive);
defineElement('send-consultation-countdown', SendConsultationCountdown);

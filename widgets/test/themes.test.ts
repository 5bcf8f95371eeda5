/*
 * On a partner page with a dark background: `theme="dark"` gives every widget, in every state a reader meets, light
 * text and links that pass axe's contrast checks against the page showing through; `theme="auto"` follows the reader's
 * browser; with no theme the widgets keep their light-page colours, and the `--send-*` tokens still win.
 */
import { emulateMedia } from '@web/test-runner-commands';
import './under-test.js';
import type { SendConsultationCountdown, SendNewsArchive, SendNewsFeed } from './under-test.js';
import { fixtureFetcher, fixtures, listAndItem, type FixtureName } from '../fixtures/index.js';
import { assert, assertEqual, guardHostPage, mount, readerProblems, shadow, waitFor } from './helpers.js';

const API = 'https://cms.example';

/** The darkest and the lightest page the dark defaults are made for. */
const DARK_PAGES = ['#000000', '#333333'];

/** A stretch of partner page with its own background, holding the widget. */
function darkPage(background: string): HTMLElement {
  const page = document.createElement('div');
  page.style.cssText = `background: ${background}; color: #ffffff; padding: 16px`;
  document.body.append(page);
  return page;
}

const settled = (element: HTMLElement, what: string) => waitFor(() => !shadow(element).querySelector('.loading'), what);

async function loadedFeed(attributes: Record<string, string>, list: FixtureName, parent: HTMLElement) {
  const feed = await mount<SendNewsFeed>('send-news-feed', { attributes: { api: API, ...attributes }, properties: { fetcher: listAndItem(list) }, parent });
  await settled(feed, 'feed');
  return feed;
}

/** Each state a reader meets, mounted with `attributes` on a page of its own. */
const STATES: Record<string, (attributes: Record<string, string>, parent: HTMLElement) => Promise<HTMLElement>> = {
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

const textColour = (element: HTMLElement) => getComputedStyle(element).color;
const linkColour = (element: HTMLElement) => getComputedStyle(shadow(element).querySelector('a')!).color;

describe('widgets on a dark page', () => {
  guardHostPage();

  for (const background of DARK_PAGES) {
    for (const [state, mountState] of Object.entries(STATES)) {
      it(`${state}: with theme="dark" on ${background}, no axe violations`, async () => {
        const widget = await mountState({ theme: 'dark' }, darkPage(background));
        assertEqual(await readerProblems(widget), [], 'axe');
      });
    }
  }

  it('without a theme, the light-page colours stay: dark text that fails on a dark page (so the checks above can fail)', async () => {
    const feed = await STATES['news feed, list']({}, darkPage('#1b1b1f'));
    assertEqual(textColour(feed), 'rgb(11, 12, 12)', 'the default text colour');
    const problems = await readerProblems(feed);
    assert(
      problems.some((problem) => problem.startsWith('color-contrast')),
      `dark text on a dark page is reported: ${problems.join('; ')}`,
    );
  });

  it('theme="auto" follows the reader\u2019s browser: dark colours where it prefers dark, the light ones otherwise', async () => {
    const page = darkPage('#1b1b1f');
    const dark = await STATES['news feed, list']({ theme: 'dark' }, page);
    const light = await STATES['news feed, list']({}, page);
    const auto = await STATES['news feed, list']({ theme: 'auto' }, page);
    try {
      await emulateMedia({ colorScheme: 'dark' });
      assertEqual([textColour(auto), linkColour(auto)], [textColour(dark), linkColour(dark)], 'auto in a dark browser');
      // Form fields and scroll bars follow (color-scheme).
      assertEqual([getComputedStyle(auto).colorScheme, getComputedStyle(dark).colorScheme], ['dark', 'dark'], 'dark form fields');
      assertEqual(await readerProblems(auto), [], 'axe, auto in a dark browser');
      await emulateMedia({ colorScheme: 'light' });
      assertEqual([textColour(auto), linkColour(auto)], [textColour(light), linkColour(light)], 'auto in a light browser');
      assertEqual(getComputedStyle(auto).colorScheme, 'normal', 'light form fields');
    } finally {
      await emulateMedia({ colorScheme: 'no-preference' });
    }
  });

  it('the --send-* tokens still win over the dark defaults, and the theme set as a property shows as the attribute', async () => {
    const page = darkPage('#000000');
    page.style.setProperty('--send-text-colour', 'rgb(255, 221, 0)');
    const feed = (await STATES['news feed, list']({}, page)) as SendNewsFeed;
    feed.theme = 'dark';
    await feed.updateComplete;
    assertEqual(feed.getAttribute('theme'), 'dark', 'reflected, so the style sheet sees it');
    assertEqual(textColour(feed), 'rgb(255, 221, 0)', 'the token');
  });
});

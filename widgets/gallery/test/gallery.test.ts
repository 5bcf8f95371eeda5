/*
 * The demo gallery as shipped: demo/gallery.html's markup with dist/widgets/gallery.js. Each widget must show the
 * state its data attributes ask for, and the state its section's heading names, with no axe violations and no
 * code identifier as a label.
 */
import { countdownState } from '../../consultation-countdown/countdown-state.js';
import { fixtures, type FixtureName } from '../../fixtures/index.js';
import type { ItemResponse, ListResponse } from '../../core/types.js';
import { buildUrl } from '../../test/build.js';
import { assert, assertEqual, assertIncludes, captureHostErrors, readerProblems, shadow, textOf, waitFor, shownItems } from '../../test/helpers.js';

type Check = (element: HTMLElement) => void;

const root = (element: HTMLElement) => shadow(element);
const countdownTexts = (element: HTMLElement) => [...root(element).querySelectorAll('.countdown')].map((p) => p.textContent?.trim() ?? '');
const everyCountdown =
  (pattern: RegExp): Check =>
  (element) => {
    const texts = countdownTexts(element);
    assert(texts.length > 0 && texts.every((text) => pattern.test(text)), `countdowns ${JSON.stringify(texts)} match ${pattern}`);
  };
const has =
  (selector: string, what: string): Check =>
  (element) =>
    assert(root(element).querySelector(selector), `${what} (${selector})`);
const says =
  (...texts: string[]): Check =>
  (element) => {
    for (const text of texts) assertIncludes(textOf(element), text, 'text');
  };
/** Top of an element in the widget, for reading order. */
const topOf = (element: HTMLElement, selector: string) => {
  const found = root(element).querySelector(selector);
  assert(found, `${selector} shown`);
  return found.getBoundingClientRect().top;
};

/** What each section heading promises, checked on the widget below it. Every heading must make at least one. */
const CLAIMS: Array<[RegExp, Check]> = [
  [
    /^Loading$/,
    (element) => {
      assertEqual(root(element).querySelector('.loading')?.textContent?.trim(), 'Loading updates…', 'loading message');
      assertEqual(shownItems(root(element), '.item, .consultation').length, 0, 'nothing else while loading');
    },
  ],
  [/Error|Broken response/, has('[part=error]', 'error state')],
  [
    /with fallback link/,
    (element) => {
      assertEqual(root(element).querySelector<HTMLAnchorElement>('[part=error] a')?.href, element.getAttribute('fallback-href'), 'fallback link');
    },
  ],
  [/Empty|No results|None open/, has('[part=empty]', 'empty state')],
  [
    /stale/,
    (element) => {
      assertIncludes(textOf(element), 'These updates may be out of date. Last updated', 'stale notice');
      assert(shownItems(root(element), '.item').length > 0, 'cached items shown');
    },
  ],
  [
    /Hostile/,
    (element) => {
      assertIncludes(textOf(element), '<img src=x onerror="window.__pwned=1">Hostile title', 'markup shown as text');
      assertEqual(root(element).querySelectorAll('script, [onerror], a[href^="javascript:"]').length, 0, 'nothing injected');
    },
  ],
  [/^List/, (element) => assert(root(element).querySelectorAll('.item .summary').length > 0, 'items with summaries')],
  [/^Cards/, (element) => assertEqual(getComputedStyle(root(element).querySelector('.items')!).display, 'grid', 'card grid')],
  [
    /^Compact/,
    (element) => {
      assert(shownItems(root(element), '.item').length > 0, 'items');
      assertEqual(root(element).querySelectorAll('.summary').length, 0, 'no summaries in compact layout');
    },
  ],
  [/hidden heading/, has('.widget-heading.visually-hidden', 'heading for screen readers only')],
  [
    /on a dark page/,
    (element) => {
      assertEqual(getComputedStyle(element.closest('section')!).backgroundColor, 'rgb(11, 12, 12)', 'the section is dark');
      assertEqual([getComputedStyle(element).color, getComputedStyle(element).colorScheme], ['rgb(243, 242, 241)', 'dark'], 'light text, dark fields');
    },
  ],
  [/UK dates/, (element) => assertEqual(root(element).querySelector('time')?.textContent, 'Closes 31 March 2026', 'date as in the UK')],
  [
    /heading-level 0/,
    (element) => {
      assertEqual(root(element).querySelector('.widget-heading'), null, 'no heading of its own');
      const titles = [...root(element).querySelectorAll('.item-title')].map((title) => title.localName);
      assert(titles.length > 0 && titles.every((name) => name === 'h4'), `item titles one below the section's h3: ${titles.join()}`);
    },
  ],
  [
    /French page, overridden strings/,
    (element) => {
      assertIncludes(textOf(element), 'Actualités SEND', 'overridden heading');
      assertIncludes(textOf(element), '8 juillet 2019', 'French date');
    },
  ],
  [/^Upcoming/, everyCountdown(/^Opens \d+ \w+ \d{4}$/)],
  [/days left/, everyCountdown(/^Closes in \d+ days$/)],
  [/closes tomorrow/, everyCountdown(/^Closes tomorrow at \d+:\d\d[ap]m$/)],
  [/closes today/, everyCountdown(/^Closes today at \d+:\d\d[ap]m$/)],
  [/last hour/, everyCountdown(/^Closes in \d+ minutes?$/)],
  [/^Closed/, everyCountdown(/^Closed on \d+ \w+ \d{4}$/)],
  [
    /^Outcome published/,
    (element) => {
      assertEqual(root(element).querySelector('.consultation .tag')?.textContent?.trim(), 'Outcome published', 'status');
      assert(
        [...root(element).querySelectorAll('a')].some((a) => a.textContent?.includes('What you said')),
        'outcome link',
      );
    },
  ],
  [/^Missing dates/, everyCountdown(/^Dates to be confirmed$/)],
  [
    /^All open consultations/,
    (element) => {
      const phases = [...root(element).querySelectorAll<HTMLElement>('.consultation')].map((box) => box.dataset.phase);
      assert(phases.length > 0 && phases.every((phase) => phase === 'open'), `all open: ${phases.join()}`);
    },
  ],
  [
    /page (\d+) of (\d+)/,
    (element) => {
      const [, page, pageCount] = /page (\d+) of (\d+)/.exec(element.closest('section')!.querySelector('h3')!.textContent)!;
      const nav = root(element).querySelector('nav[part=pagination]');
      assertEqual(nav?.querySelector('[aria-current=page]')?.textContent?.trim(), page, 'current page');
      const numbers = [...nav!.querySelectorAll('a')].map((a) => a.textContent?.trim()).filter((text) => /^\d+$/.test(text ?? ''));
      assertEqual(numbers.at(-1), pageCount, 'last page');
    },
  ],
  [
    /^Reading view/,
    (element) => {
      has('article .reading-title', 'reading view')(element);
      const backs = [...root(element).querySelectorAll('a.back')].map((link) => link.textContent?.trim());
      assertEqual(backs, ['Back to all updates', 'Back to all updates'], 'back links above and below the article');
    },
  ],
  [
    /shown as "Opens …"/,
    (element) => {
      const dates = [...root(element).querySelectorAll('.item time')].map((time) => time.textContent?.trim());
      assertEqual(dates[0], 'Opens 1 March 2026', 'the upcoming consultation says when it opens');
      assertEqual(dates.slice(1), ['Closes 31 March 2026', '1 March 2022'], 'the open one says when it closes; the service update keeps its date');
    },
  ],
  [
    /without fallback-href/,
    (element) => {
      const link = root(element).querySelector<HTMLAnchorElement>('[part=error] a');
      assertEqual(link?.href, `${location.origin}/updates?type=consultation`, "the CMS's updates page with the widget's filters");
      assertEqual(link?.textContent?.trim(), `See all updates on ${location.host}`, 'link text names the site');
    },
  ],
  [
    /^Reading view: open consultation/,
    (element) => {
      says(
        'Status: Open',
        'Closes at 11:59pm on Tuesday 31 March 2026.',
        'Opened at 9am on Monday 2 February 2026.',
        'Easy Read version (PDF, 1.2 MB)',
      )(element);
      const respond = root(element).querySelector<HTMLAnchorElement>('a.respond');
      assertEqual(respond?.href, 'https://consult.example.gov.uk/short-breaks', 'Respond link');
      assert(topOf(element, '.panel') < topOf(element, '.rich-text'), 'status before the body');
    },
  ],
  [
    /^Reading view: upcoming consultation/,
    (element) => {
      says(
        'Status: Upcoming',
        'Opens at midnight on Sunday 1 March 2026.',
        'Closes at 11:59pm on Thursday 30 April 2026.',
        'You can respond from midnight on Sunday 1 March 2026.',
      )(element);
      assertEqual(root(element).querySelector('a.respond'), null, 'no Respond button before it opens');
    },
  ],
  [
    /with its outcome/,
    (element) => {
      says(
        'Status: Outcome published',
        'Closed at 11:59pm on Friday 4 February 2022.',
        'You said, we did',
        'Outcome published 12 May 2022',
        'we now give 6 weeks',
      )(element);
      assertEqual(
        root(element).querySelector<HTMLAnchorElement>('a[href$="top-up-funding-outcome"]')?.textContent?.trim(),
        'Read the full outcome report',
        'report link',
      );
    },
  ],
  [
    /service update/,
    (element) => {
      const facts = [...root(element).querySelectorAll('.facts > div')].map((row) => [
        row.querySelector('dt')?.textContent,
        row.querySelector('dd')?.textContent,
      ]);
      assertEqual(
        facts.slice(0, 3),
        [
          ['Service', 'Educational Psychology'],
          ['What changes', 'Schools ask for advice through the new request form.'],
          ['Takes effect', '1 March 2022'],
        ],
        'facts',
      );
    },
  ],
  [
    /summary only/,
    (element) => {
      assertEqual(
        root(element).querySelector('.lead')?.textContent,
        'The information day for families planned for 7 May is now on 14 May, at the same place and time.',
        'summary',
      );
      says('Published 22 April 2025, last updated 29 April 2025')(element);
    },
  ],
];

/** What the widget's data attributes ask for (see widgets/gallery/gallery.ts). */
function checkData(element: HTMLElement): void {
  const { list = 'latestNews', item = 'articleWithEverything', failure, clock, openItem } = element.dataset;
  const titles = (selector: string) => [...root(element).querySelectorAll(selector)].map((title) => title.textContent?.trim());
  const listData = fixtures[list as FixtureName] as ListResponse;
  if (failure === 'hang') return assert(root(element).querySelector('.loading'), 'loading');
  if (failure && failure !== 'stale') return assert(root(element).querySelector('[part=error]'), 'error state');
  if (openItem) {
    assertEqual(titles('.reading-title'), [(fixtures[item as FixtureName] as ItemResponse).data.title], 'article opened');
    return;
  }
  if (element.localName === 'send-consultation-countdown' && element.hasAttribute('slug')) {
    const consultation = (fixtures[item as FixtureName] as ItemResponse).data;
    assert(consultation.type === 'consultation', `${item} is a consultation`);
    const expected = countdownState(consultation, Date.parse(clock ?? ''));
    const boxes = [...root(element).querySelectorAll<HTMLElement>('.consultation')];
    assertEqual(
      boxes.map((box) => box.dataset.phase),
      [expected.phase],
      'phase for the fixture at the clock',
    );
    return;
  }
  const expectedTitles = listData.data.map((update) => update.title);
  const shown = element.localName === 'send-consultation-countdown' ? titles('.consultation .item-title') : titles('.item-title');
  assertEqual(shown, expectedTitles, `titles from ${list}`);
  if (!expectedTitles.length) assert(root(element).querySelector('[part=empty]'), 'empty state');
}

describe('demo gallery (gallery.js of the script-tag build)', () => {
  const errors = captureHostErrors();
  let widgets: HTMLElement[] = [];

  before(async () => {
    const page = new DOMParser().parseFromString(await (await fetch('/demo/gallery.html')).text(), 'text/html');
    // Its style sheet too: the dark page's section takes its background from it.
    for (const link of page.querySelectorAll('link[rel=stylesheet]')) {
      const sheet = Object.assign(document.createElement('link'), {
        rel: 'stylesheet',
        href: new URL(link.getAttribute('href')!, new URL('/demo/', location.href)).href,
      });
      const loaded = new Promise((resolve, reject) => Object.assign(sheet, { onload: resolve, onerror: reject }));
      document.head.append(sheet);
      await loaded;
    }
    document.body.append(...page.querySelector('main')!.childNodes);
    await import(/* @vite-ignore */ buildUrl('gallery.js').href);
    widgets = [...document.querySelectorAll<HTMLElement>('send-news-feed, send-news-archive, send-consultation-countdown')];
    const settled = (element: HTMLElement) =>
      element.dataset.failure === 'hang' ||
      (!root(element).querySelector('.loading') && (!element.dataset.openItem || !!root(element).querySelector('.reading-title, [part=error]')));
    await waitFor(() => widgets.every((element) => element.shadowRoot && settled(element)), 'every gallery widget to settle', 8000);
  });

  after(() => errors.stop());

  it('has widgets in every section', () => {
    const sections = [...document.querySelectorAll('section')];
    assert(sections.length >= 25, `sections: ${sections.length}`);
    for (const section of sections)
      assertEqual(
        section.querySelectorAll('send-news-feed, send-news-archive, send-consultation-countdown').length,
        1,
        section.querySelector('h3')!.textContent,
      );
  });

  it('shows, in every widget, the state its data attributes ask for', () => {
    for (const element of widgets) {
      const name = element.closest('section')!.querySelector('h3')!.textContent;
      try {
        checkData(element);
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`, { cause: error });
      }
    }
  });

  it('shows, in every widget, the state its section heading names', () => {
    for (const element of widgets) {
      const name = element.closest('section')!.querySelector('h3')!.textContent;
      const claims = CLAIMS.filter(([pattern]) => pattern.test(name));
      assert(claims.length > 0, `no check for the gallery state "${name}": add one to CLAIMS`);
      for (const [pattern, check] of claims) {
        try {
          check(element);
        } catch (error) {
          throw new Error(`${name} (${pattern}): ${(error as Error).message}`, { cause: error });
        }
      }
    }
  });

  it('has no axe violations and no code identifiers as labels in any state, loading included', async () => {
    const problems: string[] = [];
    for (const element of widgets) {
      const name = element.closest('section')!.querySelector('h3')!.textContent;
      problems.push(...(await readerProblems(element)).map((problem) => `${name}: ${problem}`));
    }
    assertEqual(problems, [], 'problems');
  });

  it('raised no error in the page', () => assertEqual(errors.messages, [], 'host page errors'));
});

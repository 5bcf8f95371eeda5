import '../../test/under-test.js';
import type { SendEventDetails } from '../../core/events.js';
import type { SendNewsFeed } from '../news-feed.js';
import { fixtureFetcher, fixtures, listAndItem } from '../../fixtures/index.js';
import {
  assert,
  assertEqual,
  assertExcludes,
  assertIncludes,
  readerProblems,
  guardHostPage,
  mount,
  nextEvent,
  recording,
  shadow,
  textOf,
  waitFor,
  shownItems,
} from '../../test/helpers.js';

const API = 'https://cms.example';

async function mountFeed(attributes: Record<string, string> = {}, properties: Partial<SendNewsFeed> = {}) {
  const fetcher = properties.fetcher ?? recording(listAndItem('latestNews'));
  const feed = await mount<SendNewsFeed>('send-news-feed', {
    attributes: { api: API, ...attributes },
    properties: { fetcher, ...properties },
  });
  return { feed, fetcher };
}

const loaded = (feed: SendNewsFeed) => waitFor(() => !shadow(feed).querySelector('.loading'), 'feed to settle');

describe('<send-news-feed>', () => {
  guardHostPage();

  it('requests the filtered list and renders date, type, linked title and summary', async () => {
    const fetcher = recording(listAndItem('latestNews'));
    const { feed } = await mountFeed(
      { limit: '3', type: 'article, consultation', topic: 'inspections', audience: 'parents-carers,professionals', 'archive-href': '/news' },
      { fetcher },
    );
    await loaded(feed);
    const requested = fetcher.urls[0];
    assertEqual(requested.origin + requested.pathname, `${API}/api/updates`, 'endpoint');
    assertEqual(requested.searchParams.get('pageSize'), '3', 'pageSize');
    assertEqual(requested.searchParams.get('type'), 'article,consultation', 'type');
    assertEqual(requested.searchParams.get('topic'), 'inspections', 'topic');
    assertEqual(requested.searchParams.get('audience'), 'parents-carers,professionals', 'audience');

    const items = shownItems(shadow(feed), '.item');
    assertEqual(items.length, 3, 'item count');
    const inspection = items[2];
    assertIncludes(inspection.textContent ?? '', '8 July 2019', 'date');
    assertIncludes(inspection.textContent ?? '', 'News', 'type label');
    assertIncludes(items[1].textContent ?? '', 'Service update', 'staffing type label');
    assertIncludes(items[0].textContent ?? '', 'Consultation', 'consultation type label');
    const link = inspection.querySelector('h3 a') as HTMLAnchorElement;
    assertEqual(link.textContent?.trim(), 'Outcome of the local area SEND inspection', 'title link');
    assertEqual(new URL(link.href).search, '?send-item=article%2Flocal-area-send-inspection-outcome', 'link to the archive reading view');
    assertIncludes(inspection.textContent ?? '', 'Ofsted and the Care Quality Commission', 'summary');
  });

  it('offers "View all" and a subscribe link with the same filters', async () => {
    const { feed } = await mountFeed({ 'archive-href': '/news?tab=send', type: 'consultation', audience: 'professionals,parents-carers' });
    await loaded(feed);
    const links = [...shadow(feed).querySelectorAll<HTMLAnchorElement>('.links a')];
    assertEqual(
      links.map((a) => a.textContent?.trim()),
      ['View all updates', 'Subscribe to these updates'],
      'links',
    );
    const viewAll = new URL(links[0].href);
    assertEqual(viewAll.pathname, '/news', 'archive page');
    assertEqual(
      [...viewAll.searchParams],
      [
        ['tab', 'send'],
        ['send-type', 'consultation'],
        ['send-audience', 'professionals,parents-carers'],
      ],
      'archive link keeps the filters under the archive prefix',
    );
    assertEqual(
      links[1].href,
      `${API}/updates/subscribe?type=consultation&audience=professionals%2Cparents-carers`,
      "the CMS's subscribe page, not the raw feed",
    );
    assertEqual(feed.subscribeHref, links[1].href, 'subscribe page exposed as a property');
    assertEqual(feed.rssHref, `${API}/feeds/rss.xml?type=consultation&audience=professionals%2Cparents-carers`, 'the raw RSS feed, for hosts, as a property');
  });

  it("shows each consultation's state, when an upcoming one opens and when an open one closes, never the day it was announced", async () => {
    const { feed } = await mountFeed({}, { fetcher: listAndItem('withUpcomingConsultation') });
    await loaded(feed);
    const times = [...shadow(feed).querySelectorAll('.item time')];
    assertEqual(
      times.map((time) => [time.textContent?.trim(), time.getAttribute('datetime')]),
      [
        ['Opens 1 March 2026', '2026-03-01T00:00:00.000Z'],
        ['Closes 31 March 2026', '2026-03-31T22:59:00.000Z'],
        ['1 March 2022', '2022-03-01'],
      ],
      'dates',
    );
    // As the CMS's own list of updates says it: type, state, then the date that matters.
    const metas = [...shadow(feed).querySelectorAll('.item .meta')].map((meta) => meta.textContent?.replace(/\s+/g, ' ').trim());
    assertEqual(metas, ['Consultation Upcoming Opens 1 March 2026', 'Consultation Open Closes 31 March 2026', 'Service update 1 March 2022'], 'meta lines');
  });

  it('keeps each date in one piece on a 320 px phone ("Closes 31 March 2026" never splits)', async () => {
    const { feed } = await mountFeed({}, { fetcher: listAndItem('withUpcomingConsultation') });
    // A phone's width less the host page's margins.
    feed.style.cssText = 'display: block; width: 288px';
    await loaded(feed);
    const times = [...shadow(feed).querySelectorAll('.item .meta time')];
    assert(times.length === 3, `three dates, got ${times.length}`);
    for (const time of times) assertEqual(time.getClientRects().length, 1, `"${time.textContent}" on one line`);
  });

  it("without fallback-href, the error state links to the CMS's updates page with the feed's filters", async () => {
    const { feed } = await mountFeed({ type: 'consultation', topic: 'funding' }, { fetcher: fixtureFetcher(() => ({ status: 500 })) });
    await loaded(feed);
    const link = shadow(feed).querySelector<HTMLAnchorElement>('[part="error"] a');
    assertEqual([link?.textContent, link?.href], ['See all updates on cms.example', `${API}/updates?type=consultation&topic=funding`], 'link');
  });

  it('refetches when a filter attribute changes and renders the new answer', async () => {
    const fetcher = recording(fixtureFetcher((url) => ({ fixture: url.searchParams.get('topic') === 'none' ? 'emptyList' : 'latestNews' })));
    const { feed } = await mountFeed({}, { fetcher });
    await loaded(feed);
    feed.setAttribute('topic', 'none');
    await waitFor(() => textOf(feed).includes('There are no updates to show.'), 'empty state');
    assertEqual(fetcher.urls.length, 2, 'requests');
    assertEqual(fetcher.urls[1].searchParams.get('topic'), 'none', 'new topic sent');
  });

  it('links items through the item-href template', async () => {
    const { feed } = await mountFeed({ 'item-href': '/send/{type}/{slug}' });
    await loaded(feed);
    const link = shadow(feed).querySelector<HTMLAnchorElement>('.item a');
    assertEqual(link?.getAttribute('href'), '/send/consultation/short-breaks-consultation', 'templated href');
  });

  it("links titles to each item's page on the CMS when the host names no page of its own", async () => {
    const { feed } = await mountFeed();
    await loaded(feed);
    assertEqual(
      [...shadow(feed).querySelectorAll<HTMLAnchorElement>('.item a')].map((a) => a.href),
      fixtures.latestNews.data.map((item) => item.pageUrl),
      'item pages',
    );
  });

  it('leaves a title unlinked when its page URL is unsafe or missing', async () => {
    const [first, second, ...rest] = fixtures.latestNews.data;
    const list = { ...fixtures.latestNews, data: [{ ...first, pageUrl: 'javascript:alert(1)' }, { ...second, pageUrl: '' }, ...rest] };
    const { feed } = await mountFeed({}, { fetcher: () => Promise.resolve(Response.json(list)) });
    await loaded(feed);
    assertEqual(
      [...shadow(feed).querySelectorAll('.item-title')].map((title) => Boolean(title.querySelector('a'))),
      [false, false, true],
      'links',
    );
  });

  it('fits the host outline: heading level, hidden heading and omitted heading', async () => {
    const { feed } = await mountFeed({ heading: 'SEND news', 'heading-level': '3' });
    await loaded(feed);
    assertEqual(shadow(feed).querySelector('h3.widget-heading')?.textContent, 'SEND news', 'heading at level 3');
    assert(shadow(feed).querySelector('.item h4'), 'items one level below');

    feed.hideHeading = true;
    await feed.updateComplete;
    assert(shadow(feed).querySelector('h3.widget-heading.visually-hidden'), 'visually hidden heading kept');

    feed.headingLevel = 0;
    await feed.updateComplete;
    assertEqual(shadow(feed).querySelector('.widget-heading'), null, 'heading omitted');
  });

  for (const [type, expected] of [
    ['consultation', 'Latest SEND consultations'],
    ['staffing-update', 'Latest SEND service updates'],
    ['article', 'Latest SEND news'],
    ['article,consultation', 'Latest SEND news'],
    ['constructor', 'Latest SEND news'],
  ]) {
    it(`with type="${type}" is headed "${expected}" unless the host names a heading`, async () => {
      const { feed } = await mountFeed({ type });
      await loaded(feed);
      assertEqual(shadow(feed).querySelector('.widget-heading')?.textContent, expected, 'default heading');
      feed.heading = 'From the council';
      await feed.updateComplete;
      assertEqual(shadow(feed).querySelector('.widget-heading')?.textContent, 'From the council', 'host heading');
    });
  }

  it('with heading-level="0" follows the host page\'s own heading: items one level below it', async () => {
    const section = document.createElement('section');
    section.innerHTML = '<h2>Our services</h2><h3>SEND news</h3>';
    document.body.append(section);
    const feed = await mount<SendNewsFeed>('send-news-feed', {
      attributes: { api: API, 'heading-level': '0' },
      properties: { fetcher: listAndItem('latestNews') },
      parent: section,
    });
    await loaded(feed);
    assertEqual(shadow(feed).querySelector('.widget-heading'), null, 'no heading of its own');
    assertEqual(
      [...shadow(feed).querySelectorAll('.item-title')].map((title) => title.localName),
      ['h4', 'h4', 'h4'],
      'item titles below the host h3',
    );
  });

  for (const [lang, date] of [
    ['en', '8 July 2019'],
    ['EN', '8 July 2019'],
    ['en-Latn', '8 July 2019'],
    ['en-GB', '8 July 2019'],
    ['en-US', 'July 8, 2019'],
    ['', '8 July 2019'],
    ['not a language', '8 July 2019'],
  ]) {
    it(`dates in lang="${lang}" read "${date}"`, async () => {
      const wrapper = document.createElement('div');
      wrapper.setAttribute('lang', lang);
      document.body.append(wrapper);
      const feed = await mount<SendNewsFeed>('send-news-feed', {
        attributes: { api: API },
        properties: { fetcher: listAndItem('latestNews') },
        parent: wrapper,
      });
      await loaded(feed);
      assertEqual(shadow(feed).querySelectorAll('time')[2]?.textContent, date, 'date');
    });
  }

  it('hides content the host put inside the tag (a link for browsers where the widget never runs)', async () => {
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<send-news-feed api="${API}"><a href="/news">SEND news on our website</a></send-news-feed>`;
    const feed = wrapper.querySelector('send-news-feed')!;
    feed.fetcher = listAndItem('latestNews');
    document.body.append(wrapper);
    try {
      await waitFor(() => shownItems(shadow(feed), '.item').length === 3, 'the widget to show');
      assertEqual(feed.querySelector('a')!.getClientRects().length, 0, 'the link inside the tag does not');
    } finally {
      wrapper.remove();
    }
  });

  it('shows the empty state, replaceable through the empty slot', async () => {
    const { feed } = await mountFeed({}, { fetcher: listAndItem('emptyList') });
    await loaded(feed);
    assertIncludes(textOf(feed), 'There are no updates to show.', 'default empty message');
    const slot = shadow(feed).querySelector<HTMLSlotElement>('slot[name="empty"]');
    assert(slot, 'empty slot present');
  });

  for (const [label, route, kind] of [
    ['a server error', { status: 500 }, 'http'],
    ['an unreachable CMS', { behaviour: 'network-error' }, 'network'],
    ['an HTML error page', { behaviour: 'not-json' }, 'invalid'],
    ['JSON of the wrong shape', { fixture: 'malformed' }, 'invalid'],
  ] as const) {
    it(`shows the error state with the fallback link for ${label}`, async () => {
      const fetcher = fixtureFetcher(() => route);
      const feed = document.createElement('send-news-feed');
      const failed = nextEvent<{ kind: string }>(feed, 'send-error');
      Object.assign(feed, { fetcher });
      feed.setAttribute('api', API);
      feed.setAttribute('fallback-href', 'https://www.example.gov.uk/send-news');
      document.body.append(feed);
      try {
        assertEqual((await failed).detail.kind, kind, 'error kind');
        await feed.updateComplete;
        assertIncludes(textOf(feed), 'Sorry, updates cannot be shown at the moment.', 'error message');
        const fallback = shadow(feed).querySelector<HTMLAnchorElement>('[part="error"] a');
        assertEqual(fallback?.href, 'https://www.example.gov.uk/send-news', 'fallback link');
      } finally {
        feed.remove();
      }
    });
  }

  it('gives up after the timeout', async () => {
    const heard = nextEvent<{ kind: string }>(document, 'send-error');
    await mountFeed({ timeout: '50' }, { fetcher: fixtureFetcher(() => ({ behaviour: 'hang' })) });
    const failed = await heard;
    assertEqual(failed.detail.kind, 'timeout', 'timeout kind');
  });

  it('renders only the latest response when an older one arrives late', async () => {
    let releaseSlow: () => void = () => {};
    const fetcher = (url: string) => {
      const answer = Response.json(new URL(url).searchParams.get('topic') === 'slow' ? fixtures.emptyList : fixtures.latestNews);
      if (new URL(url).searchParams.get('topic') !== 'slow') return Promise.resolve(answer);
      return new Promise<Response>((resolve) => (releaseSlow = () => resolve(answer)));
    };
    const { feed } = await mountFeed({ topic: 'slow' }, { fetcher });
    feed.setAttribute('topic', 'fast');
    await waitFor(() => shownItems(shadow(feed), '.item').length === 3, 'fast answer');
    releaseSlow();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assertEqual(shownItems(shadow(feed), '.item').length, 3, 'items still from the latest answer');
  });

  it('shows the last good response, marked as possibly out of date, when the CMS is down', async () => {
    const { feed: first } = await mountFeed();
    await loaded(first);
    first.remove();

    const heard = nextEvent<SendEventDetails['send-loaded']>(document, 'send-loaded');
    const { feed } = await mountFeed({}, { fetcher: fixtureFetcher(() => ({ status: 503 })) });
    const event = await heard;
    await feed.updateComplete;
    assertEqual(event.detail, { count: 3, total: 3, stale: true }, 'loaded event detail');
    assertEqual(shownItems(shadow(feed), '.item').length, 3, 'cached items');
    assertIncludes(textOf(feed), 'These updates may be out of date. Last updated', 'stale notice');
    assertEqual(await readerProblems(feed), [], 'axe violations in the stale state');
  });

  it('still works when storage throws', async () => {
    const original = Object.getOwnPropertyDescriptor(Storage.prototype, 'setItem')!;
    Storage.prototype.setItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    try {
      const { feed } = await mountFeed();
      await loaded(feed);
      assertEqual(shownItems(shadow(feed), '.item').length, 3, 'items');
    } finally {
      Object.defineProperty(Storage.prototype, 'setItem', original);
    }
  });

  it('renders hostile text as text', async () => {
    const { feed } = await mountFeed({ 'item-href': '/news/{slug}' }, { fetcher: listAndItem('hostileList') });
    await loaded(feed);
    assertIncludes(textOf(feed), '<img src=x onerror="window.__pwned=1">Hostile title', 'title shown literally');
    assertIncludes(textOf(feed), 'Of a type named constructor', 'an item of a type named like an object property shown');
    assertIncludes(textOf(feed), 'Of a status named constructor', 'a consultation of a status named like an object property shown');
    assertEqual(shadow(feed).querySelectorAll('img, script').length, 0, 'no injected elements');
    assertEqual((window as { __pwned?: number }).__pwned, undefined, 'no script ran');
  });

  it('reflows in a 320 px column without sideways scrolling, even with long unbroken words', async () => {
    const [first, ...rest] = fixtures.latestNews.data;
    const longWords = {
      ...fixtures.latestNews,
      data: [
        {
          ...first,
          title: `Read https://www.example.gov.uk/${'send-local-offer-'.repeat(6)}consultation-documents`,
          summary: `Reference ${'EHCPNEEDSASSESSMENT'.repeat(5)}`,
        },
        ...rest,
      ],
    };
    for (const layout of ['list', 'cards', 'compact']) {
      const column = document.createElement('div');
      column.style.width = '320px';
      document.body.append(column);
      const feed = await mount<SendNewsFeed>('send-news-feed', {
        attributes: { api: API, layout, loading: 'eager' }, // three columns one below the other: the last is far down
        properties: { fetcher: () => Promise.resolve(Response.json(longWords)) },
        parent: column,
      });
      await loaded(feed);
      const hostRight = feed.getBoundingClientRect().right;
      const overflowing = [...shadow(feed).querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > hostRight + 0.5);
      assertEqual(
        overflowing.map((el) => el.tagName.toLowerCase()),
        [],
        `${layout}: elements wider than the column`,
      );
    }
  });

  it('uses overridden strings and the closest lang for dates', async () => {
    const wrapper = document.createElement('div');
    wrapper.lang = 'fr';
    document.body.append(wrapper);
    try {
      const feed = await mount<SendNewsFeed>('send-news-feed', {
        attributes: { api: API, strings: JSON.stringify({ feedHeading: 'Newyddion SEND', typeArticle: 'Newyddion' }) },
        properties: { fetcher: listAndItem('latestNews') },
        parent: wrapper,
      });
      await loaded(feed);
      assertIncludes(textOf(feed), 'Newyddion SEND', 'heading string');
      assertIncludes(textOf(feed), '8 juillet 2019', 'date in the language of the closest [lang]');
      assertExcludes(textOf(feed), 'News', 'English type label');
    } finally {
      wrapper.remove();
    }
  });

  it('defaults the API origin to where the script came from', async () => {
    const fetcher = recording(listAndItem('latestNews'));
    const feed = await mount<SendNewsFeed>('send-news-feed', { properties: { fetcher } });
    await loaded(feed);
    assertEqual(fetcher.urls[0].origin, location.origin, 'script origin');
  });

  it('announces load results with a composed send-loaded event', async () => {
    const heard = nextEvent<SendEventDetails['send-loaded']>(document, 'send-loaded');
    await mountFeed();
    const event = await heard;
    assertEqual(event.detail, { count: 3, total: 3, stale: false }, 'detail');
    assert(event.bubbles && event.composed, 'bubbles and composed');
  });

  for (const layout of ['list', 'cards', 'compact']) {
    it(`has no axe violations when loaded in the ${layout} layout`, async () => {
      const { feed } = await mountFeed({ layout, 'archive-href': '/news' });
      await loaded(feed);
      assertEqual(await readerProblems(feed), [], 'axe violations');
    });
  }

  for (const [state, fetcherFor] of [
    ['loading', () => fixtureFetcher(() => ({ behaviour: 'hang' }))],
    ['empty', () => listAndItem('emptyList')],
    ['error', () => fixtureFetcher(() => ({ status: 500 }))],
  ] as const) {
    it(`has no axe violations in the ${state} state`, async () => {
      const { feed } = await mountFeed({ 'fallback-href': '/news' }, { fetcher: fetcherFor() });
      if (state !== 'loading') await loaded(feed);
      else assert(shadow(feed).querySelector('.loading'), 'still loading');
      assertEqual(await readerProblems(feed), [], 'axe violations');
    });
  }
});

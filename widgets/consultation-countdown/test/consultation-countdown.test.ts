import { emulateMedia } from '@web/test-runner-commands';
import '../../test/under-test.js';
import type { SendConsultationCountdown } from '../consultation-countdown.js';
import { consultationOpenItem, fixtureFetcher, fixtures, type FixtureName } from '../../fixtures/index.js';
import {
  assert,
  assertEqual,
  assertExcludes,
  assertIncludes,
  readerProblems,
  guardHostPage,
  mount,
  recording,
  shadow,
  textOf,
  waitFor,
} from '../../test/helpers.js';

const API = 'https://cms.example';
const fixedClock = (iso: string) => () => Date.parse(iso);

async function mountCountdown(fixture: FixtureName, clockAt: string, attributes: Record<string, string> = { slug: 'short-breaks-consultation' }) {
  const fetcher = recording(fixtureFetcher(() => ({ fixture })));
  const countdown = await mount<SendConsultationCountdown>('send-consultation-countdown', {
    attributes: { api: API, ...attributes },
    properties: { fetcher, clock: fixedClock(clockAt) },
  });
  await waitFor(() => !shadow(countdown).querySelector('.loading'), 'countdown to load');
  return { countdown, fetcher };
}

const countdownText = (element: HTMLElement) => shadow(element).querySelector('.countdown')?.textContent?.trim();

describe('<send-consultation-countdown>', () => {
  guardHostPage();

  it('requests one consultation by slug', async () => {
    const { fetcher } = await mountCountdown('consultationOpen', '2026-03-28T22:30:00Z');
    assertEqual(fetcher.urls[0].href, `${API}/api/updates/consultation/short-breaks-consultation`, 'url');
  });

  it('requests every open consultation, soonest closing first', async () => {
    const { countdown, fetcher } = await mountCountdown('consultationsOpen', '2026-03-28T22:30:00Z', { status: 'open' });
    const params = fetcher.urls[0].searchParams;
    assertEqual([params.get('type'), params.get('status'), params.get('sort')], ['consultation', 'open', 'closing'], 'params');
    assertEqual(shadow(countdown).querySelectorAll('.consultation').length, 1, 'one open consultation');
    const links = [...shadow(countdown).querySelectorAll<HTMLAnchorElement>('.links a')].map((a) => [a.textContent?.trim(), a.href]);
    assertEqual(
      links,
      [
        ['Add every consultation closing date to my calendar', `${API}/updates/subscribe?type=consultation#calendar`],
        ['Subscribe in my calendar app', 'webcal://cms.example/feeds/consultations.ics'],
      ],
      "the subscribe page's calendar part, and webcal:// beside it for calendar apps",
    );
    assertEqual(countdown.calendarFeedHref, `${API}/feeds/consultations.ics`, 'feed URL exposed as a property');
  });

  it('shows the open state in London time with respond and calendar links', async () => {
    const { countdown } = await mountCountdown('consultationOpen', '2026-03-28T22:30:00Z');
    assertEqual(countdownText(countdown), 'Closes in 3 days', 'countdown');
    assertIncludes(textOf(countdown), 'Closing date: 31 March 2026 at 11:59pm', 'closing date');
    const respond = shadow(countdown).querySelector<HTMLAnchorElement>('a.respond');
    assertEqual(respond?.href, 'https://consult.example.gov.uk/short-breaks', 'respond link');
    const calendar = shadow(countdown).querySelector<HTMLAnchorElement>('a[type="text/calendar"]');
    assertEqual(calendar?.href, `${API}/feeds/consultations/short-breaks-consultation.ics`, 'calendar link absolute against api');
    assertEqual(shadow(countdown).querySelector('.links'), null, 'one consultation: no subscribe-to-all link');
    assertEqual(shadow(countdown).querySelector('.countdown')?.closest('[aria-live], [role="status"]'), null, 'no live region on ticking text');
  });

  it('prints the Respond link in the text colour, as paper leaves its green background out', async () => {
    const { countdown } = await mountCountdown('consultationOpen', '2026-03-28T22:30:00Z');
    const respond = shadow(countdown).querySelector<HTMLAnchorElement>('a.respond')!;
    assertEqual(getComputedStyle(respond).color, 'rgb(255, 255, 255)', 'white on green on screen');
    await emulateMedia({ media: 'print' });
    try {
      assertEqual(getComputedStyle(respond).color, getComputedStyle(countdown).color, 'the text colour on paper');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  for (const [clockAt, expected] of [
    ['2026-03-30T23:30:00Z', 'Closes today at 11:59pm'],
    ['2026-03-30T22:30:00Z', 'Closes tomorrow at 11:59pm'],
    ['2026-03-31T22:16:30Z', 'Closes in 42 minutes'],
    ['2026-03-31T23:00:00Z', 'Closed on 31 March 2026'],
  ]) {
    it(`says "${expected}" at ${clockAt}`, async () => {
      const { countdown } = await mountCountdown('consultationOpen', clockAt);
      assertEqual(countdownText(countdown), expected, 'countdown');
    });
  }

  it('shows upcoming, closed, outcome and unknown-date states', async () => {
    const upcoming = (await mountCountdown('consultationUpcoming', '2026-02-25T12:00:00Z')).countdown;
    assertEqual(countdownText(upcoming), 'Opens 1 March 2026', 'upcoming');
    assert(shadow(upcoming).querySelector('a[type="text/calendar"]'), 'calendar link before opening');
    assertEqual(shadow(upcoming).querySelector('a.respond'), null, 'no respond link before opening');

    const closed = (await mountCountdown('consultationClosed', '2026-02-25T12:00:00Z')).countdown;
    assertEqual(countdownText(closed), 'Closed on 4 February 2022', 'closed');
    assertEqual(shadow(closed).querySelectorAll('.actions a').length, 0, 'no actions when closed without outcome');
    assertEqual(
      shadow(closed).querySelector<HTMLAnchorElement>('.item-title a')?.href,
      fixtures.consultationClosed.data.pageUrl,
      'title links to the item page',
    );

    const outcome = (await mountCountdown('consultationWithOutcome', '2026-02-25T12:00:00Z')).countdown;
    const outcomeLink = [...shadow(outcome).querySelectorAll('a')].find((a) => a.textContent === 'What you said and what we did');
    assertEqual(outcomeLink?.href, 'https://www.example.gov.uk/send/top-up-funding-outcome', 'outcome link');

    const unknown = (await mountCountdown('consultationMissingDates', '2026-02-25T12:00:00Z')).countdown;
    assertEqual(countdownText(unknown), 'Dates to be confirmed', 'unknown dates');
    assertExcludes(textOf(unknown), 'NaN', 'never NaN');
  });

  it('links the outcome to the archive reading view when there is no outcome page', async () => {
    const fetcher = fixtureFetcher(() => ({
      fixture: 'consultationWithOutcome',
    }));
    const withoutUrl = { data: { ...fixtures.consultationWithOutcome.data, outcomeUrl: null } };
    const countdown = await mount<SendConsultationCountdown>('send-consultation-countdown', {
      attributes: { api: API, slug: 'top-up-funding-consultation', 'archive-href': '/send-news' },
      properties: { fetcher: async (url, init) => (await fetcher(url, init), Response.json(withoutUrl)) },
    });
    await waitFor(() => textOf(countdown).includes('What you said'), 'outcome link');
    const link = shadow(countdown).querySelector<HTMLAnchorElement>('.actions a');
    assertEqual(new URL(link!.href).search, '?send-item=consultation%2Ftop-up-funding-consultation', 'reading view link');
  });

  const mountClosingIn = (ms: number) => {
    const item = { ...consultationOpenItem, closesAt: new Date(Date.now() + ms).toISOString() };
    return mount<SendConsultationCountdown>('send-consultation-countdown', {
      attributes: { api: API, slug: item.slug },
      properties: { fetcher: () => Promise.resolve(Response.json({ data: item })) },
    });
  };

  it('updates itself at the next minute boundary', async () => {
    const countdown = await mountClosingIn(2 * 60_000 + 300);
    await waitFor(() => countdownText(countdown) === 'Closes in 2 minutes', 'initial countdown');
    await waitFor(() => countdownText(countdown) === 'Closes in 1 minute', 'next minute', 2000);
  });

  it('announces the change to closed once, through its status region only', async () => {
    const countdown = await mountClosingIn(300);
    await waitFor(() => countdownText(countdown) === 'Closes in 1 minute', 'last minute');
    const status = shadow(countdown).querySelector('[role="status"]');
    assertEqual(status?.textContent?.trim(), '', 'nothing announced at first');
    await waitFor(() => countdownText(countdown)?.startsWith('Closed on') === true, 'closed', 2000);
    assertEqual(status?.textContent?.trim(), 'Short breaks for disabled children: have your say: Closed', 'announcement');
  });

  it('stops its timer when removed and while the page is hidden', async () => {
    let clockReads = 0;
    const closesAt = Date.now() + 30 * 60_000 + 100;
    const item = { ...consultationOpenItem, closesAt: new Date(closesAt).toISOString() };
    const countdown = await mount<SendConsultationCountdown>('send-consultation-countdown', {
      attributes: { api: API, slug: item.slug },
      properties: { fetcher: () => Promise.resolve(Response.json({ data: item })), clock: () => (clockReads++, Date.now()) },
    });
    await waitFor(() => countdownText(countdown) === 'Closes in 30 minutes', 'countdown');

    const hidden = Object.getOwnPropertyDescriptor(Document.prototype, 'hidden')!;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      const readsWhileHidden = clockReads;
      await new Promise((resolve) => setTimeout(resolve, 250));
      assertEqual(clockReads, readsWhileHidden, 'no updates while hidden');
    } finally {
      Object.defineProperty(document, 'hidden', hidden);
      delete (document as { hidden?: boolean }).hidden;
    }
    document.dispatchEvent(new Event('visibilitychange'));
    await countdown.updateComplete;
    const readsBeforeRemoval = clockReads;
    assert(readsBeforeRemoval > 0, 're-rendered when visible again');
    countdown.remove();
    await new Promise((resolve) => setTimeout(resolve, 250));
    assertEqual(clockReads, readsBeforeRemoval, 'no updates after removal');
  });

  it('shows the empty slot when no consultation is open', async () => {
    const { countdown } = await mountCountdown('emptyList', '2026-03-28T22:30:00Z', { status: 'open' });
    assertIncludes(textOf(countdown), 'There are no open consultations at the moment.', 'empty');
  });

  for (const [fixture, clockAt] of [
    ['consultationOpen', '2026-03-28T22:30:00Z'],
    ['consultationOpen', '2026-03-31T22:16:30Z'],
    ['consultationUpcoming', '2026-02-25T12:00:00Z'],
    ['consultationClosed', '2026-02-25T12:00:00Z'],
    ['consultationWithOutcome', '2026-02-25T12:00:00Z'],
    ['consultationMissingDates', '2026-02-25T12:00:00Z'],
  ] as const) {
    it(`has no axe violations for ${fixture} at ${clockAt}`, async () => {
      const { countdown } = await mountCountdown(fixture, clockAt);
      assertEqual(await readerProblems(countdown), [], 'axe');
    });
  }

  it("without fallback-href, the error state links to the consultation's page on the CMS, or to its consultations", async () => {
    const fetcher = fixtureFetcher(() => ({ behaviour: 'network-error' }));
    const one = await mount<SendConsultationCountdown>('send-consultation-countdown', {
      attributes: { api: API, slug: 'short-breaks-consultation' },
      properties: { fetcher },
    });
    await waitFor(() => Boolean(shadow(one).querySelector('[part=error] a')), 'error');
    const link = shadow(one).querySelector<HTMLAnchorElement>('[part=error] a')!;
    assertEqual([link.textContent, link.href], ['See all updates on cms.example', `${API}/updates/consultation/short-breaks-consultation`], 'item page');
    const all = await mount<SendConsultationCountdown>('send-consultation-countdown', { attributes: { api: API, status: 'open' }, properties: { fetcher } });
    await waitFor(() => Boolean(shadow(all).querySelector('[part=error] a')), 'error');
    assertEqual(shadow(all).querySelector<HTMLAnchorElement>('[part=error] a')?.href, `${API}/updates?type=consultation`, 'consultations');
  });

  it('has no axe violations when loading or failed', async () => {
    const loading = await mount<SendConsultationCountdown>('send-consultation-countdown', {
      attributes: { api: API, slug: 'x' },
      properties: { fetcher: fixtureFetcher(() => ({ behaviour: 'hang' })) },
    });
    assertEqual(await readerProblems(loading), [], 'loading');
    const failed = await mount<SendConsultationCountdown>('send-consultation-countdown', {
      attributes: { api: API, slug: 'x', 'fallback-href': '/consultations' },
      properties: { fetcher: fixtureFetcher(() => ({ status: 404 })) },
    });
    await waitFor(() => textOf(failed).includes('Sorry'), 'error state');
    assertEqual(await readerProblems(failed), [], 'error');
  });
});

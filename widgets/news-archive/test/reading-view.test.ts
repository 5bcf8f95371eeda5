/*
 * The archive's reading view shows what the CMS's item page shows: a consultation's status, its opening
 * and closing times in words, Respond, add to calendar, Easy Read and its outcome; a service update's
 * service, what changes and from when; every item's summary, body and dates; a way back above and below.
 */
import '../../test/under-test.js';
import type { SendNewsArchive } from '../news-archive.js';
import { answering, fixtures, listAndItem, type FixtureName } from '../../fixtures/index.js';
import type { ItemResponse } from '../../core/types.js';
import { assert, assertEqual, assertExcludes, assertIncludes, guardHostPage, mount, readerProblems, shadow, textOf, waitFor } from '../../test/helpers.js';

const API = 'https://cms.example';

/** Opens `item` in the reading view as a shared link would (`send-item` in the URL). */
async function openReadingView(item: FixtureName, { parent, response }: { parent?: HTMLElement; response?: ItemResponse } = {}) {
  const data = (response ?? fixtures[item]) as ItemResponse;
  history.replaceState(null, '', `?send-item=${data.data.type}/${data.data.slug}`);
  const archive = await mount<SendNewsArchive>('send-news-archive', {
    attributes: { api: API },
    properties: {
      fetcher: response ? answering(fixtures.archivePage, response) : listAndItem('archivePage', item),
    },
    parent,
  });
  await waitFor(() => Boolean(shadow(archive).querySelector('.reading-title')), 'reading view');
  await archive.updateComplete;
  return archive;
}

const texts = (archive: HTMLElement, selector: string) =>
  [...shadow(archive).querySelectorAll(selector)].map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim());
const link = (archive: HTMLElement, text: string) =>
  [...shadow(archive).querySelectorAll<HTMLAnchorElement>('a')].find((a) => (a.textContent ?? '').trim() === text);
/** Whether `a` comes before `b` in the reading order (the DOM). */
const before = (a: Element, b: Element) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

describe('<send-news-archive> reading view', () => {
  guardHostPage();

  it('a consultation open now: status, closing and opening times in words, Respond, calendar and Easy Read, before the body', async () => {
    const archive = await openReadingView('consultationOpen');
    const root = shadow(archive);
    assertEqual(texts(archive, '.panel h4'), ['Status: Open'], 'status heading one level below the title (h3)');
    assertEqual(
      texts(archive, '.panel p:not(:has(a))'),
      ['Closes at 11:59pm on Tuesday 31 March 2026.', 'Opened at 9am on Monday 2 February 2026.'],
      'times in UK words, London time',
    );
    assertEqual(getComputedStyle(root.querySelector('.panel .closing')!).fontWeight, '700', 'the closing time stands out');
    const respond = root.querySelector<HTMLAnchorElement>('.panel a.respond');
    assertEqual([respond?.textContent, respond?.href], ['Respond to this consultation', 'https://consult.example.gov.uk/short-breaks'], 'Respond');
    const box = respond!.getBoundingClientRect();
    assert(box.height >= 44 && box.width >= 44, `Respond is a large target: ${box.width} × ${box.height}`);
    assertEqual(link(archive, 'Add the closing date to my calendar')?.href, `${API}/feeds/consultations/short-breaks-consultation.ics`, 'calendar file');
    assertEqual(link(archive, 'Easy Read version')?.href, 'https://www.example.gov.uk/uploads/short-breaks-easy-read.pdf', 'Easy Read');
    assertIncludes(textOf(archive), 'Easy Read version (PDF, 1.2 MB)', 'Easy Read format and size');
    assert(before(root.querySelector('.panel')!, root.querySelector('.rich-text p')!), 'the panel comes before the body');
    assertEqual(
      texts(archive, 'article > .meta'),
      ['Consultation Published 2 February 2026, last updated 10 February 2026'],
      'type, published and updated dates',
    );
    assertEqual(texts(archive, '.lead'), ['We want to hear from families about short breaks before we change the service.'], 'summary');
    assertEqual(texts(archive, '.rich-text h4'), ['Why we are consulting', 'What we propose', 'How to take part'], 'body sections one level below the title');
  });

  it('at 320 px shows the status, closing time and Respond link before the long body', async () => {
    const column = document.createElement('div');
    column.style.width = '320px';
    document.body.append(column);
    const archive = await openReadingView('consultationOpen', { parent: column });
    const root = shadow(archive);
    const top = (selector: string) => root.querySelector(selector)!.getBoundingClientRect().top;
    const order = { status: top('.panel h4'), closes: top('.panel .closing'), respond: top('a.respond'), body: top('.rich-text') };
    assert(order.status < order.closes && order.closes < order.respond && order.respond < order.body, `order at 320 px: ${JSON.stringify(order)}`);
    const overflowing = [...root.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > column.getBoundingClientRect().right + 0.5);
    assertEqual(
      overflowing.map((element) => element.localName),
      [],
      'nothing wider than the column',
    );
  });

  it('an upcoming consultation: when it opens and closes, when responses open, and no Respond button yet', async () => {
    const archive = await openReadingView('consultationUpcoming');
    assertEqual(texts(archive, '.panel h4'), ['Status: Upcoming'], 'status');
    assertEqual(
      texts(archive, '.panel p:not(:has(a))'),
      ['Opens at midnight on Sunday 1 March 2026.', 'Closes at 11:59pm on Thursday 30 April 2026.', 'You can respond from midnight on Sunday 1 March 2026.'],
      'sentences',
    );
    assertEqual(shadow(archive).querySelector('a.respond'), null, 'no Respond before it opens');
    assert(link(archive, 'Add the closing date to my calendar'), 'calendar link');
  });

  it('a closed consultation with its outcome: "You said, we did", its date, its text and the full report', async () => {
    const archive = await openReadingView('consultationWithOutcome');
    assertEqual(texts(archive, '.panel h4'), ['Status: Outcome published'], 'status');
    assertEqual(texts(archive, '.panel p'), ['Closed at 11:59pm on Friday 4 February 2022.'], 'closed time');
    assertEqual(shadow(archive).querySelectorAll('.panel a').length, 0, 'no Respond or calendar once closed');
    const outcome = shadow(archive).querySelector('section:not(.panel)')!;
    assertEqual(outcome.querySelector('h4')?.textContent, 'You said, we did', 'outcome heading one below the title');
    assertIncludes(outcome.textContent ?? '', 'Outcome published 12 May 2022', 'outcome date');
    assertIncludes(outcome.textContent ?? '', 'You said short notice was hard; we now give 6 weeks.', 'outcome text');
    assertEqual(link(archive, 'Read the full outcome report')?.href, 'https://www.example.gov.uk/send/top-up-funding-outcome', 'report');
    assert(before(shadow(archive).querySelector('.rich-text')!, outcome), 'outcome after the consultation text');
  });

  it('a closed consultation without outcome, and one whose dates are not set, say so and never show NaN', async () => {
    const closed = await openReadingView('consultationClosed');
    assertEqual(texts(closed, '.panel h4'), ['Status: Closed'], 'closed');
    assertEqual(texts(closed, '.panel p'), ['Closed at 11:59pm on Friday 4 February 2022.'], 'closed time');
    assertEqual(shadow(closed).querySelector('section:not(.panel)'), null, 'no outcome section');
    closed.remove();
    const unknown = await openReadingView('consultationMissingDates');
    assertEqual(texts(unknown, '.panel h4'), ['Status: Dates to be confirmed'], 'unknown');
    assertEqual(shadow(unknown).querySelectorAll('.panel p, .panel a').length, 0, 'no times, no links');
    assertExcludes(textOf(unknown), 'NaN', 'never NaN');
    assertExcludes(textOf(unknown), 'Invalid', 'never Invalid Date');
  });

  for (const status of ['constructor', 'paused']) {
    it(`a consultation of a status this version does not know ("${status}") reads as dates to be confirmed`, async () => {
      const consultation = fixtures.consultationOpen.data;
      const archive = await openReadingView('consultationOpen', { response: { data: { ...consultation, status } } as unknown as ItemResponse });
      assertEqual(texts(archive, '.panel h4'), ['Status: Dates to be confirmed'], 'status');
      assertIncludes(textOf(archive), consultation.title, 'the rest still shows');
    });
  }

  it('drops Respond, calendar and outcome links whose scheme is not allowed', async () => {
    const consultation = fixtures.consultationOpen.data;
    const hostile = {
      data: {
        ...consultation,
        respondUrl: 'javascript:alert(1)',
        calendarUrl: 'data:text/calendar,x',
        outcomeUrl: 'javascript:alert(2)',
        easyReadVersion: { title: 'x', url: 'vbscript:x', format: null, sizeBytes: null },
      },
    } satisfies ItemResponse;
    const archive = await openReadingView('consultationOpen', { response: hostile });
    const hrefs = [...shadow(archive).querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    assert(
      hrefs.every((href) => !/^\s*(javascript|data|vbscript):/i.test(href)),
      `no unsafe hrefs: ${hrefs.join(' ')}`,
    );
    assertEqual(shadow(archive).querySelector('a.respond'), null, 'no Respond link');
    assertIncludes(textOf(archive), 'Status: Open', 'the rest still shows');
  });

  it('a service update: the service, what changes, from when and from whom, before the letter', async () => {
    const archive = await openReadingView('staffingUpdate');
    const rows = [...shadow(archive).querySelectorAll('dl.facts > div')].map((row) => [
      row.querySelector('dt')?.textContent,
      row.querySelector('dd')?.textContent,
    ]);
    assertEqual(
      rows,
      [
        ['Service', 'Educational Psychology'],
        ['What changes', 'Schools ask for advice through the new request form.'],
        ['Takes effect', '1 March 2022'],
        ['From', 'Sarah Wilkins, Director for Education, Early Years and Children with Disabilities'],
      ],
      'facts',
    );
    assert(before(shadow(archive).querySelector('dl.facts')!, shadow(archive).querySelector('.rich-text p')!), 'facts before the letter');
    assertEqual(texts(archive, 'article > .meta'), ['Service update Published 1 March 2022'], 'no "last updated" when never edited later');
  });

  it('an item with a summary and no body opens with its summary, never blank', async () => {
    const archive = await openReadingView('summaryOnly');
    assertEqual(texts(archive, '.lead'), [fixtures.summaryOnly.data.summary], 'summary shown');
    assertEqual(texts(archive, 'article > .meta'), ['News Published 22 April 2025, last updated 29 April 2025'], 'dates');
  });

  it('says "last updated" only when the CMS does: an item saved later but never changed since its first publication is not', async () => {
    const summaryOnly = fixtures.summaryOnly.data;
    const archive = await openReadingView('summaryOnly', { response: { data: { ...summaryOnly, lastUpdated: null } } });
    assertEqual(texts(archive, 'article > .meta'), ['News Published 22 April 2025'], 'no "last updated" from updatedAt alone');
  });

  it('offers "Back to all updates" above and below the article, and both return to the results', async () => {
    const archive = await openReadingView('articleWithEverything');
    const backs = [...shadow(archive).querySelectorAll<HTMLAnchorElement>('a.back')];
    assertEqual(
      backs.map((back) => back.textContent?.trim()),
      ['Back to all updates', 'Back to all updates'],
      'two back links',
    );
    const article = shadow(archive).querySelector('article')!;
    assert(before(backs[0], article) && before(article, backs[1]), 'one above, one below the article');
    backs[1].click();
    await waitFor(() => Boolean(shadow(archive).querySelector('.items')), 'results again');
    assertEqual(new URLSearchParams(location.search).get('send-item'), null, 'item closed');
  });

  for (const item of [
    'consultationOpen',
    'consultationUpcoming',
    'consultationWithOutcome',
    'consultationMissingDates',
    'staffingUpdate',
    'summaryOnly',
  ] as const) {
    it(`has no axe violations and no code identifiers for ${item}`, async () => {
      const archive = await openReadingView(item);
      assertEqual(await readerProblems(archive), [], 'problems');
    });
  }
});

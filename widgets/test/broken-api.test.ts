/**
 * A broken API, or a later one: each field of the items (lists and one item) replaced, one field at a time, by
 * values of the wrong shape, out of range, or named like an object's own properties. Every widget settles (its
 * items, or its error state) and nothing is thrown into the host page (guardHostPage checks that after each test).
 */
import './under-test.js';
import { answering, fixtures, type FixtureName } from '../fixtures/index.js';
import type { ItemResponse, ListResponse } from '../core/types.js';
import { guardHostPage, mount, shadow, unmountAll, waitFor } from './helpers.js';

const MISSING = Symbol('missing');
const VALUES: unknown[] = [
  MISSING,
  null,
  0,
  -1,
  1e308,
  true,
  '',
  'constructor',
  '__proto__',
  '2026-13-45T99:99:99Z',
  'javascript:alert(1)',
  'x'.repeat(3000),
  [],
  [null, 42, 'constructor', { name: 7 }],
  {},
  { constructor: 'x', toString: 'x' },
];

/** A copy of `record` with `field` set to `value` (or removed). */
function withField<T extends object>(record: T, field: string, value: unknown): T {
  const copy = { ...record } as Record<string, unknown>;
  if (value === MISSING) delete copy[field];
  else copy[field] = value;
  return copy as T;
}

/** The list fixture with one field of every item replaced: every type of item meets the value. */
const listWith = (field: string, value: unknown): ListResponse => {
  const list = fixtures.archivePage;
  return { ...list, data: list.data.map((item) => withField(item, field, value)) };
};

const API = 'https://cms.example';

/**
 * Mounts, side by side, the three widgets and a countdown of one consultation on each list (or, with `item`, an
 * archive opening that item on each of `answers`), and waits until each has settled: none is loading, and an archive asked for an item shows it or its error.
 */
async function settle(lists: unknown[], item?: { fixture: FixtureName; answers: unknown[] }) {
  const tags = item ? ['send-news-archive'] : ['send-news-feed', 'send-news-archive', 'send-consultation-countdown'];
  if (item) {
    const { data } = fixtures[item.fixture] as ItemResponse;
    history.replaceState(null, '', `?send-item=${data.type}/${data.slug}`);
  }
  const fetchers = item ? item.answers.map((answer) => answering(fixtures.archivePage, answer)) : lists.map((list) => answering(list));
  const attributes = { api: API, loading: 'eager' };
  const widgets = await Promise.all([
    ...fetchers.flatMap((fetcher) => tags.map((tag) => mount(tag, { attributes, properties: { fetcher } as never }))),
    // A countdown of one consultation, on the list's first item (a consultation) as its answer.
    ...(item ? [] : lists).map((list) =>
      mount('send-consultation-countdown', {
        attributes: { ...attributes, slug: 'x' },
        properties: { fetcher: answering(list, { data: (list as { data?: unknown[] }).data?.[0] }) } as never,
      }),
    ),
  ]);
  const settled = (widget: HTMLElement) =>
    !shadow(widget).querySelector('.loading') && (!item || Boolean(shadow(widget).querySelector('.reading-title, [part="error"]')));
  await waitFor(() => widgets.every(settled), 'every widget to settle', 30_000);
  await Promise.all(widgets.map((widget) => widget.updateComplete));
  unmountAll();
}

describe('widgets facing a broken API', function () {
  // Each test mounts tens of widgets at once: room for a busy shared machine (the runner's default is 10 s).
  this.timeout(60_000);
  guardHostPage();

  const summaryFields = [...new Set(fixtures.archivePage.data.flatMap((item) => Object.keys(item)))];
  for (const field of summaryFields) {
    it(`settle with any value of an item's "${field}" in a list`, async () => {
      await settle(VALUES.map((value) => listWith(field, value)));
    });
  }

  const details: FixtureName[] = ['consultationWithOutcome', 'staffingUpdate', 'articleWithEverything'];
  const detailFields = [...new Set(details.flatMap((name) => Object.keys((fixtures[name] as ItemResponse).data)))];
  for (const field of detailFields) {
    it(`open an item in the reading view with any value of its "${field}"`, async () => {
      for (const fixture of details) {
        const { data } = fixtures[fixture] as ItemResponse;
        if (field in data) await settle([], { fixture, answers: VALUES.map((value) => ({ data: withField(data, field, value) })) });
      }
    });
  }

  it('open items whose rich text, downloads and other nested objects hold anything', async () => {
    const junk = [null, 42, 'x', [], {}, { type: 'constructor' }, { type: '__proto__' }];
    const text = (value: unknown) => ({ type: 'text', text: value });
    const blocks = [
      ...junk,
      { type: 'paragraph', children: 'x' },
      {
        type: 'paragraph',
        children: [...junk, text({}), text(42), { type: 'link', url: {}, children: 'x' }, { type: 'link', url: 42, children: [text('a')] }],
      },
      { type: 'heading', level: 'constructor', children: [text('h')] },
      { type: 'heading', level: 1e9, children: {} },
      { type: 'list', format: {}, children: [...junk, { type: 'list', children: 'x' }, { type: 'list-item', children: {} }] },
      { type: 'image', image: 'x' },
      { type: 'image', image: { url: 'https://cms.example/a.png', alternativeText: {}, width: 'x', height: {}, caption: 42 } },
      { type: 'image', image: { url: 42 } },
      { type: 'code', children: [text(42), ...junk] },
      { type: 'quote', children: [{ type: 'text', text: 'q', bold: {}, code: 'x', italic: [] }] },
    ];
    const downloads = [
      ...junk,
      { url: {} },
      { url: 'https://cms.example/a.pdf', title: {}, format: 42, sizeBytes: 'x' },
      { url: 'https://cms.example/b.pdf', format: {}, sizeBytes: -1 },
    ];
    const version = (value: unknown) => ({ title: value, url: value, format: value, sizeBytes: value });
    for (const fixture of ['consultationWithOutcome', 'staffingUpdate', 'articleWithEverything'] as const) {
      const { data } = fixtures[fixture] as ItemResponse;
      await settle([], {
        fixture,
        answers: [
          { data: { ...data, body: blocks, outcome: blocks, downloads } },
          ...[42, 'x', {}, [], { name: {}, role: 42 }].map((value) => ({ data: { ...data, easyReadVersion: value, from: value } })),
          { data: { ...data, easyReadVersion: version({}), from: { name: 42, role: {} } } },
          { data: { ...data, easyReadVersion: version('https://cms.example/e.pdf') } },
        ],
      });
    }
  });

  it('take a partner\u2019s `strings` that are not JSON, or not strings, as no override', async () => {
    const fetcher = answering(fixtures.archivePage);
    for (const strings of [
      '{feedHeading: "x"}',
      '"text"',
      'null',
      '42',
      '[]',
      '{"feedHeading": 5, "countdownHeading": {"other": 5}, "archiveHeading": null, "loading": []}',
    ]) {
      const widgets = await Promise.all(
        ['send-news-feed', 'send-news-archive', 'send-consultation-countdown'].map((tag) =>
          mount(tag, { attributes: { api: API, loading: 'eager', strings }, properties: { fetcher } as never }),
        ),
      );
      await waitFor(() => widgets.every((widget) => !shadow(widget).querySelector('.loading')), 'every widget to settle');
      const headings = widgets.map((widget) => shadow(widget).querySelector('.widget-heading')?.textContent);
      if (headings.join('|') !== 'Latest SEND news|SEND news and updates|Consultations') throw new Error(`${strings}: headings ${headings.join(', ')}`);
      unmountAll();
    }
  });

  it('take any value of any attribute a partner may write without an error in the page or an unsafe link', async () => {
    const values = [
      '',
      'constructor',
      '__proto__',
      '-1',
      '0',
      '99999999999',
      'NaN',
      'x'.repeat(2000),
      '{',
      'javascript:alert(1)',
      '//evil.example',
      'en_GB',
      '\u{1F642}',
    ];
    for (const tag of ['send-news-feed', 'send-news-archive', 'send-consultation-countdown']) {
      // Every attribute the element reads, from the element itself.
      const attributes = (customElements.get(tag) as unknown as { observedAttributes: string[] }).observedAttributes;
      for (const name of attributes) {
        const widgets = await Promise.all(
          values.map((value) =>
            mount(tag, { attributes: { api: API, loading: 'eager', [name]: value }, properties: { fetcher: answering(fixtures.archivePage) } as never }),
          ),
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
        await Promise.all(widgets.map((widget) => widget.updateComplete));
        for (const widget of widgets) {
          for (const link of shadow(widget).querySelectorAll('a')) {
            // Resolved as the browser follows it (a relative link is the host's own page).
            if (!/^(https?|mailto|tel|webcal):$/.test(link.protocol)) {
              throw new Error(`${tag} ${name}="${widget.getAttribute(name)?.slice(0, 30)}": link to ${link.getAttribute('href')}`);
            }
          }
        }
        unmountAll();
      }
    }
  });

  it('settle on lists whose frame is broken: items, pagination and facets of the wrong shape', async () => {
    const list = fixtures.archivePage;
    await settle([
      { ...list, data: [null, 42, 'x'] },
      { ...list, meta: { ...list.meta, facets: null } },
      { ...list, meta: { ...list.meta, facets: { types: 'x', topics: [null], audiences: {}, years: [{ value: 'constructor' }] } } },
      { ...list, meta: { ...list.meta, pagination: { page: 1e9, pageSize: -5, pageCount: 1e9, total: -1 } } },
      { ...list, meta: { ...list.meta, pagination: { page: NaN, pageSize: 0, pageCount: Infinity, total: 0 } } },
    ]);
  });
});

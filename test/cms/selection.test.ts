/**
 * The catalogue's selection (bitsets per filter value, a closing order, statuses kept between
 * clock boundaries, search through the inverted index and the topics' names) gives exactly what a plain filter and sort
 * over every entry gives: random catalogues, random filters, sorts and pages, including states in
 * which items were edited (indexed again under new slots) or removed, indexed from scratch or derived
 * from the state before (as the catalogue does after a publish).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Facets, SummaryBase, UpdateSummary } from '../../contract/api';
import type { Catalogue, CatalogueEntry } from '../../cms/src/catalogue/catalogue.ts';
import { entryMaker, mergedEntries, newestFirst, summaryOf } from '../../cms/src/catalogue/entry.ts';
import { consultationStatus } from '../../cms/src/catalogue/items.ts';
import { createPostings, createSearch, DEFAULT_ABBREVIATIONS, type SearchDocument } from '../../cms/src/catalogue/search.ts';
import { copyBits, facets, matchingFacets, prepareIndex, runsOf, selectPage } from '../../cms/src/catalogue/select.ts';
import type { Sort, UpdateFilters } from '../../cms/src/lib/update-query.ts';
import { AUDIENCES, keysOf, type UpdateType } from '../../cms/src/lib/update-types.ts';
import { seededRandom } from '../../scripts/lib/seeded-random.ts';

/** The shared seeded generator (SELECTION_SEED replays a failure), with a helper for subsets. */
function random(seed: number) {
  const rng = seededRandom(seed);
  return {
    ...rng,
    /** A whole number from 0 to n - 1. */
    below: (n: number) => rng.int(0, n - 1),
    some: <T>(list: readonly T[], chance = 0.3) => list.filter(() => rng.next() < chance),
  };
}

const SEED = Number(process.env.SELECTION_SEED || 20261201);
const TYPES: UpdateType[] = ['article', 'consultation', 'staffing-update'];
const TOPICS = ['short-breaks', 'transport', 'ehcp', 'schools', 'health', 'local-offer'];
const WORDS = [
  'inspection',
  'inspections',
  'families',
  'transport',
  'speech',
  'therapy',
  'review',
  'school',
  'support',
  'autism',
  'plan',
  'letter',
  'co-production',
];
const PHRASES = ['EHCP', 'EHC plan', 'SEND', 'send', 'special educational needs', 'SENCo', 'short breaks'];
const DAY = 86_400_000;
/** Topics renamed, one with a new address too (same words, so the plain answer's search texts still hold). */
const RENAMED = [
  { from: 'transport', slug: 'travel', name: 'Transport' },
  { from: 'health', slug: 'health', name: 'Health' },
];
const NOW = Date.UTC(2026, 5, 15, 12);

type Built = { catalogue: Pick<Catalogue, 'entries' | 'search' | 'postings'>; docs: Map<number, SearchDocument> };
type Generated = Built & { make: () => CatalogueEntry; newestFirst: (a: CatalogueEntry, b: CatalogueEntry) => number; maker: ReturnType<typeof entryMaker> };

function generate(rng: ReturnType<typeof random>, size: number): Generated {
  const search = createSearch(DEFAULT_ABBREVIATIONS);
  const postings = createPostings();
  const docs = new Map<number, SearchDocument>();
  const maker = entryMaker();
  let serial = 0;
  const make = (): CatalogueEntry => {
    serial += 1;
    const type = rng.pick(TYPES);
    // Few distinct dates, so ties fall to the publication time, type and slug.
    const date = new Date(NOW - rng.below(900) * DAY).toISOString().slice(0, 10);
    const publishedAt = new Date(NOW - rng.below(5) * 3_600_000).toISOString();
    const slug = `item-${serial}`;
    const base: Omit<SummaryBase, 'type'> = {
      id: `doc${serial}`,
      slug,
      title: `Item ${serial}`,
      summary: '',
      date,
      topics: rng.some(TOPICS).map((t) => ({ slug: t, name: t.replace(/-/g, ' ') })),
      audiences: rng.some(keysOf(AUDIENCES), 0.4),
      easyReadUrl: null,
      url: `/api/updates/${type}/${slug}`,
      pageUrl: `https://example.org/updates/${type}/${slug}`,
      publishedAt,
      updatedAt: publishedAt,
      lastUpdated: null,
    };
    const moment = (spreadDays: number) => (rng.next() < 0.1 ? null : new Date(NOW + (rng.below(spreadDays * 2) - spreadDays) * DAY).toISOString());
    let summary: UpdateSummary;
    if (type === 'consultation') {
      const opensAt = moment(60);
      // Some close on the same day as others, so the closing order has ties.
      const closesAt = rng.next() < 0.2 ? new Date(NOW + 3 * DAY).toISOString() : moment(90);
      summary = {
        ...base,
        type,
        opensAt,
        closesAt,
        status: null,
        respondUrl: null,
        outcomeDate: null,
        outcomeUrl: null,
        hasOutcome: false,
        calendarUrl: `/feeds/consultations/${slug}.ics`,
      };
    } else if (type === 'staffing-update') {
      summary = { ...base, type, service: 'Speech and language therapy', whatChanges: null, from: null, effectiveFrom: null };
    } else {
      summary = { ...base, type: 'article' };
    }
    const text = [...Array.from({ length: 1 + rng.below(6) }, () => rng.pick(WORDS)), ...rng.some(PHRASES, 0.15)].join(' ');
    // The catalogue indexes an item's own text; its topics' names are searched per topic. The plain answer reads them as one text.
    const slot = postings.add(search.index(text));
    docs.set(slot, search.index([text, ...base.topics.map((t) => t.name)].join('\n')));
    // Selection reads no whole item: nothing is packed.
    return maker.entry(summary, '', slot);
  };
  const entries = Array.from({ length: size }, make).sort(newestFirst);
  return { catalogue: { entries, search, postings }, docs, make, newestFirst, maker };
}

/** The plain answer: every entry tested, then sorted. */
function naive({ catalogue, docs }: Built, filters: UpdateFilters, now: number, sort: Sort): CatalogueEntry[] {
  const matches = catalogue.search.query(filters.q);
  // The summaries as the list API sends them: the selection reads the entries' own fields, which must agree.
  const chosen = catalogue.entries.filter((entry) => {
    const { year, slot } = entry;
    const summary = summaryOf(entry);
    if (filters.types.length && !filters.types.includes(summary.type)) return false;
    if (filters.year !== null && year !== filters.year) return false;
    if (filters.audiences.length && !summary.audiences.some((a) => filters.audiences.includes(a))) return false;
    if (filters.topics.length && !summary.topics.some((t) => filters.topics.includes(t.slug))) return false;
    if (filters.status.length) {
      if (summary.type !== 'consultation') return false;
      const status = consultationStatus(summary.opensAt, summary.closesAt, now);
      if (!status || !filters.status.includes(status)) return false;
    }
    return !matches || matches(docs.get(slot)!);
  });
  if (sort === 'oldest') return chosen.reverse();
  if (sort === 'closing') {
    const position = new Map(catalogue.entries.map((entry, i) => [entry, i]));
    const closes = (e: CatalogueEntry) => {
      const summary = summaryOf(e);
      return (summary.type === 'consultation' && Date.parse(summary.closesAt ?? '')) || Number.POSITIVE_INFINITY;
    };
    return chosen
      .map((entry) => ({ entry, at: closes(entry), i: position.get(entry)! }))
      .sort((a, b) => (a.at === b.at ? a.i - b.i : a.at - b.at))
      .map(({ entry }) => entry);
  }
  return chosen;
}

function randomFilters(rng: ReturnType<typeof random>, years: number[]): UpdateFilters {
  const queries = ['', '', '', 'inspection', 'ehcp', 'send', 'SEN', 'short brea', 'transport review', 'sch', 'co-production', 'nothinglikethis', 'spee', 'the'];
  return {
    types: rng.next() < 0.4 ? rng.some(TYPES, 0.5) : [],
    topics: rng.next() < 0.3 ? rng.some([...TOPICS, 'travel', 'no-such-topic'], 0.3) : [],
    audiences: rng.next() < 0.3 ? rng.some(keysOf(AUDIENCES), 0.5) : [],
    q: rng.pick(queries),
    year: rng.next() < 0.25 ? rng.pick([...years, 1999]) : null,
    status: rng.next() < 0.25 ? rng.some(['upcoming', 'open', 'closed'], 0.5) : [],
  };
}

const slugs = (entries: readonly CatalogueEntry[]) => entries.map((e) => summaryOf(e).slug);

describe('selection equals a plain filter and sort', () => {
  for (const [round, size] of [
    [1, 0],
    [2, 1],
    [3, 31],
    [4, 33],
    [5, 700],
    [6, 2_500],
  ] as const) {
    test(`a catalogue of ${size} entries (seed ${SEED + round})`, async () => {
      const rng = random(SEED + round);
      const built = generate(rng, size);
      const states: Built[] = [built];
      // A later state: some items edited (indexed again under new slots), some removed, some added; the first state still answers as before.
      const edited = built.catalogue.entries.filter(() => rng.next() < 0.8).concat(Array.from({ length: rng.below(20) }, built.make));
      states.push({ catalogue: { ...built.catalogue, entries: edited.sort(built.newestFirst) }, docs: built.docs });
      // The same change again, as the catalogue makes it: its index derived from the first state's (only the added entries read).
      const first = built.catalogue.entries;
      // Every item of one year goes, so some filter values are left with no item.
      const goneYear = first.length ? rng.pick(first).year : null;
      const kept = new Set(first.filter((entry) => entry.year !== goneYear && rng.next() < 0.8));
      const added = Array.from({ length: rng.below(20) }, built.make);
      const derived = [...first.filter((entry) => kept.has(entry)), ...added].sort(built.newestFirst);
      // The catalogue makes the new list in one pass: the removed entries skipped by position, the added merged in.
      const removedAt = first.flatMap((entry, position) => (kept.has(entry) ? [] : [position]));
      assert.deepEqual(mergedEntries(first, removedAt, [...added].sort(built.newestFirst)), derived, 'the list a publish makes');
      selectPage(built.catalogue, randomFilters(rng, []), NOW, 'newest', 0, 1);
      await prepareIndex(derived, () => Promise.resolve(), { previous: first, added: new Set(added) });
      states.push({ catalogue: { ...built.catalogue, entries: derived }, docs: built.docs });
      // Topics renamed, as the catalogue applies it: every entry naming one rewritten in place, the index derived.
      const renamed = RENAMED.map(({ from, slug, name }) => ({ from, topic: built.maker.sharedTopic({ slug, name }) }));
      const rewritten = new Map(
        derived
          .filter((entry) => entry.topics.some((t) => renamed.some(({ from }) => t.slug === from)))
          .map((entry) => {
            const topics = entry.topics.map((t) => renamed.find(({ from }) => t.slug === from)?.topic ?? t).sort((a, b) => a.name.localeCompare(b.name));
            const after = built.maker.withTopics(entry, topics);
            // The topics spliced into the stored JSON read back exactly as a summary written whole.
            assert.equal(after.json, built.maker.entry({ ...summaryOf(entry), topics }, '', entry.slot).json, 'a rewritten summary');
            return [entry, after] as const;
          }),
      );
      assert.ok(size < 700 || rewritten.size > 0, 'some entries name a renamed topic');
      const afterRename = derived.map((entry) => rewritten.get(entry) ?? entry);
      await prepareIndex(afterRename, () => Promise.resolve(), { previous: derived, added: new Set(rewritten.values()) });
      states.push({ catalogue: { ...built.catalogue, entries: afterRename }, docs: built.docs });
      // A change that does not line up with the state it names (the rewritten entries not given as added): built in full instead.
      const misnamed = [...afterRename];
      await prepareIndex(misnamed, () => Promise.resolve(), { previous: derived, added: new Set() });
      states.push({ catalogue: { ...built.catalogue, entries: misnamed }, docs: built.docs });
      for (const state of states) {
        const years = [...new Set(state.catalogue.entries.map((e) => e.year))];
        for (let i = 0; i < 150; i += 1) {
          const filters = randomFilters(rng, years);
          const sort = rng.pick<Sort>(['newest', 'oldest', 'closing']);
          // Now moves across consultations' opening and closing moments, so kept statuses must be read again.
          const now = NOW + (rng.below(40) - 20) * DAY;
          const expected = naive(state, filters, now, sort);
          const all = selectPage(state.catalogue, filters, now, sort, 0, state.catalogue.entries.length).entries;
          assert.deepEqual(slugs(all), slugs(expected), `every match, ${JSON.stringify({ filters, sort, now })}`);
          const pageSize = 1 + rng.below(25);
          const start = rng.below(Math.max(1, expected.length + 5));
          const page = selectPage(state.catalogue, filters, now, sort, start, pageSize);
          assert.equal(page.total, expected.length, `total, ${JSON.stringify({ filters, sort })}`);
          assert.deepEqual(
            slugs(page.entries),
            slugs(expected.slice(start, start + pageSize)),
            `page from ${start}, ${JSON.stringify({ filters, sort, now })}`,
          );
          if (i % 5 === 0) {
            // Each value's count is what choosing it alone, with the other filters kept, finds.
            const matched = matchingFacets(state.catalogue, filters, now);
            const found = (changed: Partial<UpdateFilters>) => naive(state, { ...filters, ...changed }, now, 'newest').length;
            const label = JSON.stringify(filters);
            for (const f of matched.types) assert.equal(f.count, found({ types: [f.value] }), `type ${f.value}, ${label}`);
            for (const f of matched.topics) assert.equal(f.count, found({ topics: [f.value] }), `topic ${f.value}, ${label}`);
            for (const f of matched.audiences) assert.equal(f.count, found({ audiences: [f.value] }), `audience ${f.value}, ${label}`);
            for (const f of matched.years) assert.equal(f.count, found({ year: f.value }), `year ${f.value}, ${label}`);
            // The same values, in the same order, as the counts over everything.
            const counts = facets(state.catalogue.entries);
            const values = (f: Facets) => [f.types, f.topics, f.audiences, f.years].map((list) => list.map((v) => v.value));
            assert.deepEqual(values(matched), values(counts), 'the values offered');
          }
        }
        const counts = facets(state.catalogue.entries);
        // Only values some item has are offered.
        const sorted = <T>(values: Iterable<T>) => [...new Set(values)].sort();
        assert.deepEqual(sorted(counts.years.map((y) => y.value)), sorted(state.catalogue.entries.map((e) => e.year)), 'years offered');
        assert.deepEqual(
          sorted(counts.topics.map((t) => t.value)),
          sorted(state.catalogue.entries.flatMap((e) => summaryOf(e).topics.map((t) => t.slug))),
          'topics offered',
        );
        for (const type of counts.types) assert.equal(type.count, state.catalogue.entries.filter((e) => summaryOf(e).type === type.value).length, type.value);
        for (const topic of counts.topics) {
          const naming = state.catalogue.entries.filter((e) => summaryOf(e).topics.some((t) => t.slug === topic.value));
          assert.equal(topic.count, naming.length, topic.value);
          assert.equal(topic.label, summaryOf(naming[0]).topics.find((t) => t.slug === topic.value)!.name, `${topic.value}'s name`);
        }
        for (const year of counts.years) assert.equal(year.count, state.catalogue.entries.filter((e) => e.year === year.value).length, String(year.value));
        for (const audience of counts.audiences)
          assert.equal(audience.count, state.catalogue.entries.filter((e) => summaryOf(e).audiences.includes(audience.value)).length, audience.value);
      }
    });
  }
});

describe('moving an index: bits copied a run at a time equal bits moved one by one', () => {
  test(`random bitsets and moves (seed ${SEED})`, () => {
    const rng = random(SEED);
    for (let round = 0; round < 300; round += 1) {
      const size = rng.below(200);
      const source = new Uint32Array((size + 31) >>> 5);
      for (let position = 0; position < size; position += 1) if (rng.next() < 0.5) source[position >>> 5] |= 1 << (position & 31);
      // A state's moves as a publish makes them: some positions removed (-1), the rest kept in order, others added between.
      const moved = new Int32Array(size).fill(-1);
      let to = 0;
      for (let from = 0; from < size; from += 1) {
        to += rng.next() < 0.1 ? 1 + rng.below(40) : 0;
        if (rng.next() >= 0.1) moved[from] = to++;
      }
      const expected = new Uint32Array((to + 31) >>> 5);
      const copied = new Uint32Array(expected.length);
      for (let from = 0; from < size; from += 1) {
        if (moved[from] >= 0 && source[from >>> 5] & (1 << (from & 31))) expected[moved[from] >>> 5] |= 1 << (moved[from] & 31);
      }
      const runs = runsOf(moved);
      for (let r = 0; r < runs.length; r += 3) {
        const [from, at, length] = runs.slice(r, r + 3);
        for (let k = 0; k < length; k += 1) assert.equal(moved[from + k], at + k, 'a run holds consecutive moves');
        copyBits(source, from, copied, at, length);
      }
      assert.equal(
        runs.filter((_, i) => i % 3 === 2).reduce((a, b) => a + b, 0),
        [...moved].filter((m) => m >= 0).length,
        'every kept position is in a run',
      );
      assert.deepEqual(copied, expected, `round ${round}`);
    }
  });
});

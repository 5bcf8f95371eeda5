/**
 * Filtering, ordering and the clock-dependent consultation status, over catalogue entries.
 *
 * Each catalogue state gets, the first time it is read, one bitset per filter value (a bit per
 * position in its newest-first order), the consultations' closing order and their statuses (kept
 * until the next opening or closing moment). A request then combines its filters' bitsets (a few
 * thousand words each at 100,000 items), counts the matches by popcount, and reads only as far as
 * its page: work in proportion to the page, not to the catalogue. A search reads the inverted
 * index's postings of its own terms (search.ts), never every item.
 */
import { LRUCache } from 'lru-cache';
import { TypedFastBitSet } from 'typedfastbitset';
import type { ConsultationStatus, Facets, UpdateSummary } from '../../../contract/api';
import type { Sort, UpdateFilters } from '../lib/update-query';
import { AUDIENCES, TYPE_LABELS, keysOf } from '../lib/update-types';
import type { Catalogue, CatalogueEntry } from './state';
import { statusAt } from './entry';
import { consultationStatus } from './items';
import { termTest, type SearchDocument } from './search';

/** The item as of `now`: a consultation's status moves with the clock, not with edits. */
export function live<T extends UpdateSummary>(item: T, now: number): T {
  if (item.type !== 'consultation') return item;
  return { ...item, status: consultationStatus(item.opensAt, item.closesAt, now) };
}

/** Bytes of search results kept per catalogue state. */
const SEARCH_CACHE_BYTES = 8 * 1024 * 1024;

type Statuses = { from: number; until: number; sets: Record<ConsultationStatus, TypedFastBitSet> };

/** What one catalogue state is filtered and ordered with, made once per state. */
type Index = {
  size: number;
  /** Each slot's position in this state's newest-first order, or -1 (slots are the search postings'). */
  positionOf: Int32Array;
  types: Map<string, TypedFastBitSet>;
  years: Map<number, TypedFastBitSet>;
  audiences: Map<string, TypedFastBitSet>;
  topics: Map<string, TypedFastBitSet>;
  topicNames: Map<string, string>;
  /** Consultations with a closing time, closing soonest first (ties newest first). */
  closing: Uint32Array;
  /** The same, as a set: everything else follows them, newest first. */
  closes: TypedFastBitSet;
  /** Every consultation's position and its opening and closing times (NaN when missing). */
  consultations: { positions: Uint32Array; opens: Float64Array; closes: Float64Array };
  statuses: Statuses | null;
  searches: LRUCache<string, TypedFastBitSet>;
  /** Each topic's name as search terms (made on the first search): an item is found by its topics' names too. */
  topicTerms: Map<string, SearchDocument> | null;
  facets: Facets | null;
};

const emptySet = (size: number) => TypedFastBitSet.fromWords(new Uint32Array((size + 31) >>> 5));

const indexes = new WeakMap<readonly CatalogueEntry[], Index>();
/** Positions indexed between two pauses while a state is prepared. */
const PREPARE_SLICE = 2_000;

function indexOf(entries: readonly CatalogueEntry[]): Index {
  const hit = indexes.get(entries);
  if (hit) return hit;
  const steps = buildIndex(entries);
  while (!steps.next().done);
  return indexes.get(entries) as Index;
}

/** What a state differs by from the state it follows: its added entries (any other entry of `previous` not in it was removed). */
export type IndexChange = { previous: readonly CatalogueEntry[]; added: ReadonlySet<CatalogueEntry> };

/**
 * Makes a state's index before the state is read, a slice at a time with `pause` between slices:
 * the catalogue awaits this before a new state goes public, so no request waits for it. Given the
 * state it follows, whose index is made, the new index is derived from that one (deriveIndex), which
 * at 100,000 items takes milliseconds where reading every entry again takes a few hundred.
 */
export async function prepareIndex(entries: readonly CatalogueEntry[], pause: () => Promise<unknown>, change?: IndexChange): Promise<void> {
  if (indexes.has(entries)) return;
  const old = change && indexes.get(change.previous);
  const steps = old ? deriveIndex(entries, change, old) : buildIndex(entries);
  while (!steps.next().done) await pause();
}

/** An entry's position in a state whose index is made, or -1. */
export function positionIn(entries: readonly CatalogueEntry[], entry: CatalogueEntry): number {
  const positionOf = indexes.get(entries)?.positionOf;
  const position = positionOf && entry.slot < positionOf.length ? positionOf[entry.slot] : -1;
  return position >= 0 && entries[position] === entry ? position : -1;
}

/** The positions of the entries naming a topic (by its slug), ascending, read from the state's topic index. */
export function positionsNaming(entries: readonly CatalogueEntry[], slug: string): number[] {
  const set = indexOf(entries).topics.get(slug);
  const positions: number[] = [];
  if (set) forEachSet(set.words, (position) => positions.push(position));
  return positions;
}

/** True once a state's index is made (a state goes public only then). */
export const indexReady = (entries: readonly CatalogueEntry[]) => indexes.has(entries);

type Bits = { types: Map<string, Uint32Array>; years: Map<number, Uint32Array>; audiences: Map<string, Uint32Array>; topics: Map<string, Uint32Array> };
type Consultations = Index['consultations'];

/** Sets an entry's bits (type, year, audiences, topics) at `position`, in words of `wordCount`. */
function setBits(bits: Bits, wordCount: number, { type, year, audiences, topics }: CatalogueEntry, position: number) {
  const setIn = <K>(map: Map<K, Uint32Array>, key: K) => {
    let words = map.get(key);
    if (!words) map.set(key, (words = new Uint32Array(wordCount)));
    words[position >>> 5] |= 1 << (position & 31);
  };
  setIn(bits.types, type);
  setIn(bits.years, year);
  for (const audience of audiences) setIn(bits.audiences, audience);
  for (const topic of topics) setIn(bits.topics, topic.slug);
}

/** A consultation's closing time for the closing order: one that does not read (or reads as 0) counts as none (NaN). */
const closingTime = (entry: CatalogueEntry) => entry.closes || Number.NaN;
/** Soonest first, ties newest first (the lower position). */
const closesBefore = (entries: readonly CatalogueEntry[], a: number, b: number) =>
  closingTime(entries[a]) < closingTime(entries[b]) || (closingTime(entries[a]) === closingTime(entries[b]) && a < b);

/**
 * Completes an index from its bits and its consultations (in position order): bitsets, the closing
 * order (sorted here unless given), and the index kept.
 */
function finishIndex(entries: readonly CatalogueEntry[], index: Index, bits: Bits, consultations: Consultations, closingOrder?: Uint32Array) {
  const wrapped = <K>(map: Map<K, Uint32Array>) => new Map([...map].map(([key, words]) => [key, TypedFastBitSet.fromWords(words)] as const));
  index.types = wrapped(bits.types);
  index.years = wrapped(bits.years);
  index.audiences = wrapped(bits.audiences);
  index.topics = wrapped(bits.topics);
  index.consultations = consultations;
  index.closing =
    closingOrder ??
    consultations.positions
      .filter((position) => !Number.isNaN(closingTime(entries[position])))
      .sort((a, b) => (a === b ? 0 : closesBefore(entries, a, b) ? -1 : 1));
  for (const position of index.closing) index.closes.add(position);
  // Made meanwhile by a read that could not wait (indexOf), it is already kept.
  if (!indexes.has(entries)) indexes.set(entries, index);
}

/** An index with nothing in it yet, for `size` positions and the given slot positions. */
const emptyIndex = (size: number, positionOf: Int32Array, topicNames: Map<string, string>): Index => ({
  size,
  positionOf,
  types: new Map(),
  years: new Map(),
  audiences: new Map(),
  topics: new Map(),
  topicNames,
  closing: new Uint32Array(0),
  closes: emptySet(size),
  consultations: { positions: new Uint32Array(0), opens: new Float64Array(0), closes: new Float64Array(0) },
  statuses: null,
  searches: new LRUCache({ maxSize: SEARCH_CACHE_BYTES, sizeCalculation: (found) => found.words.byteLength + 64 }),
  topicTerms: null,
  facets: null,
});

/** Builds a state's index from every entry and keeps it, pausing (yielding) every `PREPARE_SLICE` positions. */
function* buildIndex(entries: readonly CatalogueEntry[]): Generator<void, void> {
  const size = entries.length;
  // Bits are set in plain words (the whole catalogue, once per state), then wrapped as bitsets.
  const wordCount = (size + 31) >>> 5;
  const bits: Bits = { types: new Map(), years: new Map(), audiences: new Map(), topics: new Map() };
  let slots = 0;
  for (const entry of entries) slots = Math.max(slots, entry.slot + 1);
  const positionOf = new Int32Array(slots).fill(-1);
  const index = emptyIndex(size, positionOf, new Map());
  const positions: number[] = [];
  const opens: number[] = [];
  const closes: number[] = [];
  for (let position = 0; position < size; position += 1) {
    if (position % PREPARE_SLICE === PREPARE_SLICE - 1) yield;
    const entry = entries[position];
    positionOf[entry.slot] = position;
    setBits(bits, wordCount, entry, position);
    for (const topic of entry.topics) index.topicNames.set(topic.slug, topic.name);
    if (entry.type === 'consultation') {
      positions.push(position);
      opens.push(entry.opens);
      closes.push(entry.closes);
    }
  }
  finishIndex(entries, index, bits, { positions: Uint32Array.from(positions), opens: Float64Array.from(opens), closes: Float64Array.from(closes) });
}

/**
 * Derives a state's index from the index of the state it follows: kept entries move in runs, and each
 * set's bits are copied a run at a time, a word at a time; only the added entries are read.
 * When the states do not line up (a kept entry out of order), the index is built in full instead.
 * Pauses every `PREPARE_SLICE` positions, as a full build does: a topic renamed at 100,000 items adds
 * thousands of entries at once, and unbroken, this held the event loop for about 80 ms.
 */
function* deriveIndex(entries: readonly CatalogueEntry[], { previous, added }: IndexChange, old: Index): Generator<void, void> {
  // Each old position's new one (-1: removed), walking both newest-first lists together.
  const moved = new Int32Array(previous.length).fill(-1);
  const addedAt: number[] = [];
  for (let i = 0, j = 0, sincePause = 0; i < entries.length;) {
    if (sincePause >= PREPARE_SLICE) {
      sincePause = 0;
      yield;
    }
    // Most entries are kept, and come next in the previous list too: a stretch of them at once.
    const kept = keptRun(entries, i, previous, j, moved, PREPARE_SLICE - sincePause);
    i += kept;
    j += kept;
    sincePause += kept + 1;
    if (i === entries.length) break;
    const entry = entries[i];
    if (added.has(entry)) {
      addedAt.push(i++);
      continue;
    }
    while (j < previous.length && previous[j] !== entry) j += 1;
    if (j === previous.length) {
      yield* buildIndex(entries);
      return;
    }
    moved[j++] = i++;
  }
  const size = entries.length;
  const wordCount = (size + 31) >>> 5;
  let slots = old.positionOf.length;
  for (const position of addedAt) slots = Math.max(slots, entries[position].slot + 1);
  const positionOf = new Int32Array(slots).fill(-1);
  for (let slot = 0; slot < old.positionOf.length; slot += 1) {
    if (slot % PREPARE_SLICE === PREPARE_SLICE - 1) yield;
    const position = old.positionOf[slot];
    if (position >= 0) positionOf[slot] = moved[position];
  }
  for (const position of addedAt) positionOf[entries[position].slot] = position;
  const index = emptyIndex(size, positionOf, new Map(old.topicNames));
  // A publish shifts everything after the new item by one: a few runs, rather than about 600,000 bits
  // moved one by one at 100,000 items (that and reading every consultation again took 12–18 ms a publish).
  const runs = runsOf(moved);
  yield;
  /** A set's bits at their new positions, as words. */
  const move = (set: TypedFastBitSet) => {
    const words = new Uint32Array(wordCount);
    for (let r = 0; r < runs.length; r += 3) copyBits(set.words, runs[r], words, runs[r + 1], runs[r + 2]);
    return words;
  };
  const bits: Bits = { types: new Map(), years: new Map(), audiences: new Map(), topics: new Map() };
  for (const [name, sets] of [
    ['types', old.types],
    ['years', old.years],
    ['audiences', old.audiences],
    ['topics', old.topics],
  ] as const) {
    for (const [key, set] of sets as Map<string | number, TypedFastBitSet>) {
      (bits[name] as Map<string | number, Uint32Array>).set(key, move(set));
      yield;
    }
  }
  for (const [i, position] of addedAt.entries()) {
    if (i % PREPARE_SLICE === PREPARE_SLICE - 1) yield;
    const entry = entries[position];
    setBits(bits, wordCount, entry, position);
    // Topics are shared objects, one per topic: an added entry has its topics' current names (a rename rewrites every entry naming one).
    for (const topic of entry.topics) index.topicNames.set(topic.slug, topic.name);
  }
  yield;
  // A value no entry has any longer is no filter value (as in a full build).
  for (const map of Object.values(bits) as Map<unknown, Uint32Array>[]) for (const [key, words] of map) if (words.every((word) => word === 0)) map.delete(key);
  for (const slug of index.topicNames.keys()) if (!bits.topics.has(slug)) index.topicNames.delete(slug);
  // Consultations: the kept ones moved with their opening and closing times (no entry read again), the
  // added ones read; and their closing order, the kept ones' kept by the move and the few added merged in.
  // Plain loops into typed arrays: there are tens of thousands, and reading each entry again took most of a derive.
  const addedConsultations = addedAt.filter((position) => entries[position].type === 'consultation');
  const was = old.consultations;
  let positions = new Uint32Array(was.positions.length + addedConsultations.length);
  let opens = new Float64Array(positions.length);
  let closes = new Float64Array(positions.length);
  let count = 0;
  for (let i = 0; i < was.positions.length; i += 1) {
    const to = moved[was.positions[i]];
    if (to < 0) continue;
    positions[count] = to;
    opens[count] = was.opens[i];
    closes[count++] = was.closes[i];
  }
  for (const position of addedConsultations) {
    positions[count] = position;
    opens[count] = entries[position].opens;
    closes[count++] = entries[position].closes;
  }
  if (count < positions.length) [positions, opens, closes] = [positions.slice(0, count), opens.slice(0, count), closes.slice(0, count)];
  yield;
  const byClosing = (a: number, b: number) => closesBefore(entries, a, b);
  const addedClosing = addedConsultations
    .filter((position) => !Number.isNaN(closingTime(entries[position])))
    .sort((a, b) => (a === b ? 0 : byClosing(a, b) ? -1 : 1));
  let closing = new Uint32Array(old.closing.length + addedClosing.length);
  count = 0;
  let next = 0;
  for (let i = 0; i < old.closing.length; i += 1) {
    const to = moved[old.closing[i]];
    if (to < 0) continue;
    while (next < addedClosing.length && byClosing(addedClosing[next], to)) closing[count++] = addedClosing[next++];
    closing[count++] = to;
  }
  while (next < addedClosing.length) closing[count++] = addedClosing[next++];
  if (count < closing.length) closing = closing.slice(0, count);
  yield;
  finishIndex(entries, index, bits, { positions, opens, closes }, closing);
}

/**
 * How many entries from `i` on are those of `previous` from `j` on, in order (at most `limit`), each
 * recorded in `moved` (its old position's new one).
 */
function keptRun(entries: readonly CatalogueEntry[], i: number, previous: readonly CatalogueEntry[], j: number, moved: Int32Array, limit: number): number {
  const end = Math.min(limit, entries.length - i, previous.length - j);
  let count = 0;
  while (count < end && entries[i + count] === previous[j + count]) {
    moved[j + count] = i + count;
    count += 1;
  }
  return count;
}

/**
 * Where kept positions went, as runs: [from, to, length] triples, each a stretch of consecutive old
 * positions that moved to consecutive new ones (removed positions, -1, belong to no run).
 */
export function runsOf(moved: Int32Array): number[] {
  const runs: number[] = [];
  for (let from = 0; from < moved.length;) {
    if (moved[from] < 0) {
      from += 1;
      continue;
    }
    let length = 1;
    while (from + length < moved.length && moved[from + length] === moved[from] + length) length += 1;
    runs.push(from, moved[from], length);
    from += length;
  }
  return runs;
}

/** ORs `length` bits of `source` from bit `from` into `target` from bit `to`, up to 32 at a time. */
export function copyBits(source: Uint32Array, from: number, target: Uint32Array, to: number, length: number) {
  while (length > 0) {
    const toBit = to & 31;
    const count = Math.min(32 - toBit, length);
    const word = from >>> 5;
    const fromBit = from & 31;
    // The bits from `fromBit` on, and those of the next word when the stretch crosses into it.
    let bits = source[word] >>> fromBit;
    if (fromBit + count > 32) bits |= source[word + 1] << (32 - fromBit);
    if (count < 32) bits &= (1 << count) - 1;
    target[to >>> 5] |= bits << toBit;
    from += count;
    to += count;
    length -= count;
  }
}

/** Calls `visit` with each position set in `words` (and in `mask`, when given), in ascending order. */
function forEachSet(words: Uint32Array, visit: (position: number) => void, mask?: Uint32Array) {
  for (let w = 0; w < words.length; w += 1) {
    for (let word = mask ? words[w] & mask[w] : words[w]; word !== 0; word &= word - 1) visit(w * 32 + (31 - Math.clz32(word & -word)));
  }
}

/** Consultations by status at `now`, kept until the next moment one opens or closes. */
function statusesAt(index: Index, now: number): Statuses {
  const kept = index.statuses;
  if (kept && kept.from <= now && now < kept.until) return kept;
  const { positions, opens, closes } = index.consultations;
  const sets = { upcoming: emptySet(index.size), open: emptySet(index.size), closed: emptySet(index.size) };
  let from = Number.NEGATIVE_INFINITY;
  let until = Number.POSITIVE_INFINITY;
  for (let i = 0; i < positions.length; i += 1) {
    for (const moment of [opens[i], closes[i]]) {
      if (Number.isNaN(moment)) continue;
      if (moment <= now) from = Math.max(from, moment);
      else until = Math.min(until, moment);
    }
    const status = statusAt(opens[i], closes[i], now);
    if (status) sets[status].add(positions[i]);
  }
  return (index.statuses = { from, until, sets });
}

/**
 * The last moment at or before `now` when a consultation opened or closed, and the next one after
 * it: between them every status stays as it is (from the statuses kept per state, not a pass over every item).
 */
export function statusBoundaries(entries: readonly CatalogueEntry[], now: number): { last: number; next: number } {
  const { from, until } = statusesAt(indexOf(entries), now);
  return { last: from, next: until };
}

/** Items a search finds, as positions; cached per state (paging through or filtering a search reads its postings once). */
function searchSet(index: Index, { search, postings }: Pick<Catalogue, 'search' | 'postings'>, q: string): TypedFastBitSet | null {
  // No search given (most lists): nothing to read.
  if (!q) return null;
  // Queries are read without regard to case or spacing.
  const key = q.trim().toLowerCase().replace(/\s+/g, ' ');
  const hit = index.searches.get(key);
  if (hit) return hit;
  // Topic names are indexed here, per state, not with each item: renaming a topic then changes no item's postings.
  index.topicTerms ??= new Map([...index.topicNames].map(([slug, name]) => [slug, search.index(name)]));
  const terms = search.terms(q);
  if (!terms) return null;
  const { positionOf } = index;
  const add = (set: TypedFastBitSet, slots: Uint32Array) => {
    for (const slot of slots) {
      // Slots added after this state (by a later one) are beyond its positions.
      const position = slot < positionOf.length ? positionOf[slot] : -1;
      if (position >= 0) set.add(position);
    }
  };
  let found: TypedFastBitSet | null = null;
  // Rarest terms first: the intersection only shrinks.
  const sized = terms.map((term) => ({ term, size: postings.term(term.id).length + term.words.reduce((n, id) => n + postings.word(id).length, 0) }));
  sized.sort((a, b) => a.size - b.size);
  for (const { term } of sized) {
    const set = emptySet(index.size);
    add(set, postings.term(term.id));
    for (const id of term.words) add(set, postings.word(id));
    const inName = termTest(term);
    for (const [slug, name] of index.topicTerms) if (inName(name)) set.union(index.topics.get(slug)!);
    found = found ? found.intersection(set) : set;
    if (found.isEmpty()) break;
  }
  const result = found ?? emptySet(index.size);
  index.searches.set(key, result);
  return result;
}

/**
 * Two sets per state for selections to work in: a selection runs start to end without a pause and
 * keeps nothing, so none allocates a bitset (12.5 KB each at 100,000 items, one for each filter of
 * every request, which the profile showed as 7 % of an uncached feed's CPU before collection).
 */
const workspaces = new WeakMap<Index, { result: TypedFastBitSet; alternatives: TypedFastBitSet }>();
function workspaceOf(index: Index) {
  let workspace = workspaces.get(index);
  if (!workspace) workspaces.set(index, (workspace = { result: emptySet(index.size), alternatives: emptySet(index.size) }));
  return workspace;
}

/**
 * The positions matching every given filter, or null when no filter is given (every position). The
 * set is the state's own or its workspace: read it before the next selection, and never change it.
 */
function matching(catalogue: Pick<Catalogue, 'entries' | 'search' | 'postings'>, index: Index, filters: UpdateFilters, now: number): TypedFastBitSet | null {
  const { result, alternatives } = workspaceOf(index);
  let combined: TypedFastBitSet | null = null;
  // Every filter given must match: the first set is read as it is, until a second one narrows a copy of it.
  const require = (set: TypedFastBitSet) => {
    if (combined === null) {
      combined = set;
      return;
    }
    if (combined !== result) result.words.set(combined.words);
    combined = result.intersection(set);
  };
  // Values within one filter are alternatives (a value with no set finds nothing).
  const anyOf = (sets: (TypedFastBitSet | undefined)[]) => {
    const given = sets.filter((set): set is TypedFastBitSet => set !== undefined);
    if (given.length === 1) return require(given[0]);
    alternatives.words.fill(0);
    for (const set of given) alternatives.union(set);
    if (combined !== null) return require(alternatives);
    result.words.set(alternatives.words);
    combined = result;
  };
  if (filters.types.length) anyOf(filters.types.map((type) => index.types.get(type)));
  if (filters.year !== null) anyOf([index.years.get(filters.year)]);
  if (filters.audiences.length) anyOf(filters.audiences.map((audience) => index.audiences.get(audience)));
  if (filters.topics.length) anyOf(filters.topics.map((topic) => index.topics.get(topic)));
  if (filters.status.length) {
    const { sets } = statusesAt(index, now);
    anyOf(filters.status.map((status) => sets[status]));
  }
  const found = searchSet(index, catalogue, filters.q);
  if (found) require(found);
  return combined;
}

/** Set bits in a 32-bit word. */
function bitCount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Positions of a set in ascending (or descending) order, from the `skip`-th on, until `out` holds
 * `count`; positions also in `excluded` are passed over (read word by word: no set is made for the
 * difference). Returns what is left of `skip`.
 */
function readSet(words: Uint32Array, skip: number, count: number, descending: boolean, out: number[], excluded?: Uint32Array): number {
  const step = descending ? -1 : 1;
  for (let w = descending ? words.length - 1 : 0; w >= 0 && w < words.length && out.length < count; w += step) {
    let word = excluded ? (words[w] & ~excluded[w]) >>> 0 : words[w];
    if (word === 0) continue;
    const bits = bitCount(word);
    if (skip >= bits) {
      skip -= bits;
      continue;
    }
    while (word !== 0 && out.length < count) {
      let bit: number;
      if (descending) bit = 31 - Math.clz32(word);
      else bit = 31 - Math.clz32(word & -word);
      word = (word ^ (1 << bit)) >>> 0;
      if (skip > 0) skip -= 1;
      else out.push(w * 32 + bit);
    }
  }
  return skip;
}

/** Each consultation's place in the closing order, by position (-1: none), made on a state's first closing-order read. */
const closingRanks = new WeakMap<Index, { rankOf: Int32Array; ranks: TypedFastBitSet }>();
function closingRanksOf(index: Index) {
  let kept = closingRanks.get(index);
  if (!kept) {
    const rankOf = new Int32Array(index.size).fill(-1);
    index.closing.forEach((position, rank) => (rankOf[position] = rank));
    closingRanks.set(index, (kept = { rankOf, ranks: emptySet(index.closing.length) }));
  }
  return kept;
}

/**
 * The matching consultations in closing order, from the `skip`-th, until `out` holds `count`; `matches`
 * is how many of them match. When at least half of all consultations match, the closing order is
 * walked, testing each: at worst it passes as many that do not match as there are matches. Otherwise
 * each match's place in the order is marked and the places read in order, which costs the catalogue's
 * words plus the matches. Walking a filter that matches few consultations passed nearly all of them,
 * since few matches are often close together in that order (a year's, or the open ones, which close last).
 */
function readClosing(index: Index, combined: TypedFastBitSet, matches: number, skip: number, count: number, out: number[]) {
  const { closing, closes } = index;
  if (matches * 2 >= closing.length) {
    for (const position of closing) {
      if (!combined.has(position)) continue;
      if (skip > 0) skip -= 1;
      else if (out.push(position) === count) return;
    }
    return;
  }
  const { rankOf, ranks } = closingRanksOf(index);
  ranks.words.fill(0);
  forEachSet(combined.words, (position) => ranks.add(rankOf[position]), closes.words);
  const from = out.length;
  readSet(ranks.words, skip, count, false, out);
  for (let i = from; i < out.length; i += 1) out[i] = closing[out[i]];
}

/** One page of a selection (`start` and `count` in matches), and how many match in all. */
export type Selection = { total: number; entries: CatalogueEntry[] };

/** The matches of every given filter, in the given order, from the `start`-th, at most `count` of them. */
export function selectPage(
  catalogue: Pick<Catalogue, 'entries' | 'search' | 'postings'>,
  filters: UpdateFilters,
  now: number,
  sort: Sort,
  start: number,
  count: number,
): Selection {
  const { entries } = catalogue;
  const index = indexOf(entries);
  const combined = matching(catalogue, index, filters, now);
  const total = combined ? combined.size() : entries.length;
  const end = Math.min(total, start + count);
  if (start >= end) return { total, entries: [] };
  const wanted = end - start;
  const positions: number[] = [];
  if (sort === 'closing') {
    // Consultations closing soonest first, then everything else newest first.
    const matches = combined ? combined.intersection_size(index.closes) : index.closing.length;
    if (start < matches) {
      if (combined) readClosing(index, combined, matches, start, wanted, positions);
      else for (let i = start; i < Math.min(matches, start + wanted); i += 1) positions.push(index.closing[i]);
    }
    if (positions.length < wanted) {
      readSet((combined ?? everything(index)).words, Math.max(0, start - matches), wanted, false, positions, index.closes.words);
    }
  } else if (!combined) {
    // Newest first is the catalogue's own order.
    for (let i = start; i < end; i += 1) positions.push(sort === 'oldest' ? entries.length - 1 - i : i);
  } else {
    readSet(combined.words, start, wanted, sort === 'oldest', positions);
  }
  return { total, entries: positions.map((position) => entries[position]) };
}

const everythingSets = new WeakMap<Index, TypedFastBitSet>();
function everything(index: Index): TypedFastBitSet {
  let set = everythingSets.get(index);
  if (!set) {
    set = emptySet(index.size);
    set.addRange(0, index.size);
    everythingSets.set(index, set);
  }
  return set;
}

/** A topic's name from its slug, as the facets have it (counted once per catalogue, not per item on each render). */
export function topicNamer(entries: readonly CatalogueEntry[]) {
  const names = new Map(facets(entries).topics.map((t) => [t.value, t.label]));
  return (slug: string) => names.get(slug);
}

/** Counts over all published items, so an archive can offer only filters that find something. */
export function facets(entries: readonly CatalogueEntry[]): Facets {
  const index = indexOf(entries);
  if (index.facets) return index.facets;
  const count = <K>(sets: Map<K, TypedFastBitSet>, key: K) => sets.get(key)?.size() ?? 0;
  index.facets = {
    types: keysOf(TYPE_LABELS).map((type) => ({ value: type, label: TYPE_LABELS[type], count: count(index.types, type) })),
    topics: [...index.topics]
      .map(([slug, set]) => ({ value: slug, label: index.topicNames.get(slug) ?? slug, count: set.size() }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    audiences: keysOf(AUDIENCES).map((value) => ({ value, label: AUDIENCES[value].label, count: count(index.audiences, value) })),
    years: [...index.years].map(([value, set]) => ({ value, count: set.size() })).sort((a, b) => b.value - a.value),
  };
  return index.facets;
}

/**
 * Counts of what each value would find alongside the other filters given (a filter's own value is
 * left out of its own counts, so its alternatives keep theirs), in the order and with the values of
 * `facets`. Each filter given costs one more selection, and each value an intersection count: about
 * 0.25 ms at 100,000 items, so lists count this way only when asked (`facets=matching`).
 */
export function matchingFacets(catalogue: Pick<Catalogue, 'entries' | 'search' | 'postings'>, filters: UpdateFilters, now: number): Facets {
  const all = facets(catalogue.entries);
  const index = indexOf(catalogue.entries);
  /** The counts of a facet's values among `within` (null: every item, whose counts are made). */
  const countsOf = <K, F extends { value: K; count: number }>(list: readonly F[], sets: Map<K, TypedFastBitSet>, within: TypedFastBitSet | null): F[] =>
    within === null
      ? [...list]
      : list.map((facet) => {
          const set = sets.get(facet.value);
          return { ...facet, count: set ? within.intersection_size(set) : 0 };
        });
  const among = (without: Partial<UpdateFilters>) => matching(catalogue, index, { ...filters, ...without }, now);
  // A facet with no value chosen counts among what every filter matches: one selection for all such facets,
  // read before any other (each selection reuses the same workspace). A facet with a value chosen counts
  // among what the other filters match.
  let every: TypedFastBitSet | null | undefined;
  const amongEvery = () => (every === undefined ? (every = among({})) : every);
  const types = filters.types.length ? null : countsOf(all.types, index.types, amongEvery());
  const topics = filters.topics.length ? null : countsOf(all.topics, index.topics, amongEvery());
  const audiences = filters.audiences.length ? null : countsOf(all.audiences, index.audiences, amongEvery());
  const years = filters.year !== null ? null : countsOf(all.years, index.years, amongEvery());
  return {
    types: types ?? countsOf(all.types, index.types, among({ types: [] })),
    topics: topics ?? countsOf(all.topics, index.topics, among({ topics: [] })),
    audiences: audiences ?? countsOf(all.audiences, index.audiences, among({ audiences: [] })),
    years: years ?? countsOf(all.years, index.years, among({ year: null })),
  };
}

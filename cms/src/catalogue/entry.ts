/**
 * One published item as the catalogue holds it. At 100,000 items, a summary kept as an object (a
 * dozen strings, nested topics and audiences) made some 35 heap objects per item, and every full
 * collection marked all 3.5 million of them on the main thread: pauses of 200–400 ms under load.
 * An entry keeps its summary as the JSON the list API sends (one string) beside the few fields that
 * selection, ordering and lookups read, with topics and audiences shared between entries: about six
 * objects per item.
 */
import type { Audience, ConsultationStatus, Topic, UpdateDetail, UpdateSummary } from '../../../contract/api';
import type { UpdateType } from '../lib/update-types';

/** A value written as JSON, typed by what it holds. */
export type Json<T> = string & { readonly __json?: T };

export type CatalogueEntry = {
  readonly id: string;
  readonly type: UpdateType;
  readonly slug: string;
  /** The summary as JSON, less a consultation's status (it moves with the clock: summaryJson adds it). */
  readonly json: string;
  /**
   * What the whole item adds to its summary (body, downloads, Easy Read version, outcome): deflated
   * JSON, a byte a character (a string is kept compactly in the heap; small buffers would each pin a
   * shared 8 KB slab).
   */
  readonly rest: string;
  /** Its number in the catalogue's search postings, which hold the search terms of its title, summary, body, service, what changes and topics. */
  readonly slot: number;
  readonly year: number;
  /** Newest first is this key descending (newestFirst). */
  readonly sortKey: string;
  /** Last update, in milliseconds (0 if unreadable). */
  readonly updatedAt: number;
  /** Shared with every entry naming the same topics. */
  readonly topics: readonly Topic[];
  /** Shared with every entry for the same audiences. */
  readonly audiences: readonly Audience[];
  /** A consultation's opening and closing times in milliseconds: NaN when missing, unreadable or not a consultation. */
  readonly opens: number;
  readonly closes: number;
};

/** Characters a one-byte string cannot hold: written as JSON escapes, which read back the same. */
const WIDE = /[\u0100-\uffff]/g;
const escape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
/** JSON with every character past U+00FF escaped: one such character would make a string two bytes a character. */
const oneByte = (json: string) => json.replace(WIDE, escape);
/** One flat one-byte string: JSON.stringify and concatenation give ropes of strings. */
const flat = (text: string) => Buffer.from(text, 'latin1').toString('latin1');
const topicKey = (topic: Topic) => `${topic.slug}\n${topic.name}`;

/** Newest first by reader-facing date, then by publication time, then type and slug for a stable order. */
export const newestFirst = (a: CatalogueEntry, b: CatalogueEntry) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0);

/**
 * `from` less the entries at `skipped` (ascending positions), with `added` (newest first) merged in: an
 * entry of `added` goes after equal ones of `from`. Each added entry's place is found by a galloping
 * search and the kept entries between are copied, so a publish compares a few entries rather than
 * every one before its place (an edit of an old item compared tens of thousands at 100,000 items).
 */
export function mergedEntries(from: readonly CatalogueEntry[], skipped: readonly number[], added: readonly CatalogueEntry[]): CatalogueEntry[] {
  if (!skipped.length && !added.length) return from as CatalogueEntry[];
  const result = new Array<CatalogueEntry>(from.length - skipped.length + added.length);
  let x = 0;
  let i = 0;
  let skip = 0;
  const copyUntil = (end: number) => {
    for (; x < end; x += 1) {
      if (skip < skipped.length && x === skipped[skip]) skip += 1;
      else result[i++] = from[x];
    }
  };
  for (const entry of added) {
    // The first position from x on whose entry sorts after this one (from is in newest-first order):
    // probed at growing steps, then searched between, so merging interleaved runs stays near one comparison an entry.
    let low = x;
    let high = x;
    for (let step = 1; high < from.length && newestFirst(from[high], entry) <= 0; step *= 2) {
      low = high + 1;
      high = low + step;
    }
    high = Math.min(high, from.length);
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (newestFirst(from[middle], entry) <= 0) low = middle + 1;
      else high = middle;
    }
    copyUntil(low);
    result[i++] = entry;
  }
  copyUntil(from.length);
  return result;
}

/** An instant as milliseconds; NaN when missing or unreadable. */
export const time = (value: string | null) => (value ? Date.parse(value) : Number.NaN);

/** A consultation's status at `now` from its opening and closing times; null without a readable closing time. */
export function statusAt(opens: number, closes: number, now: number): ConsultationStatus | null {
  if (Number.isNaN(closes)) return null;
  if (!Number.isNaN(opens) && now < opens) return 'upcoming';
  return now < closes ? 'open' : 'closed';
}

/**
 * Makes entries, sharing each topic, each list of topics and each list of audiences between them.
 * One maker per catalogue: what it shares lives as long as the catalogue.
 */
export function entryMaker() {
  const topics = new Map<string, Topic>();
  const topicLists = new Map<string, readonly Topic[]>();
  const audienceLists = new Map<string, readonly Audience[]>();
  const sharedTopic = (topic: Topic): Topic => {
    const key = topicKey(topic);
    const known = topics.get(key);
    if (known) return known;
    topics.set(key, topic);
    return topic;
  };
  const sharedList = <T>(lists: Map<string, readonly T[]>, list: readonly T[], keyOf: (item: T) => string): readonly T[] => {
    const key = list.map(keyOf).join('\t');
    const known = lists.get(key);
    if (known) return known;
    const frozen = Object.freeze([...list]);
    lists.set(key, frozen);
    return frozen;
  };
  /** A shared list of topics as the stored JSON writes it, once per list: a rename splices the same few lists into thousands of entries. */
  const topicsJson = new WeakMap<readonly Topic[], string>();
  const topicsJsonOf = (list: readonly Topic[]): string => {
    let json = topicsJson.get(list);
    if (json === undefined) topicsJson.set(list, (json = oneByte(JSON.stringify(list))));
    return json;
  };

  const entry = (summary: UpdateSummary, rest: string, slot: number): CatalogueEntry => {
    const shownTopics = sharedList(topicLists, summary.topics.map(sharedTopic), topicKey);
    // Written with the shared topics, so a later splice (withTopics) finds them as written.
    // JSON leaves out a field that is undefined: a consultation's status is not stored.
    const written = { ...summary, topics: shownTopics, ...(summary.type === 'consultation' && { status: undefined }) };
    const json = flat(oneByte(JSON.stringify(written)));
    return {
      id: summary.id,
      type: summary.type,
      slug: summary.slug,
      json,
      rest,
      slot,
      year: Number(summary.date.slice(0, 4)),
      // Joined, not concatenated: one flat string rather than a rope of six.
      sortKey: [summary.date, summary.publishedAt, summary.type, summary.slug].join('|'),
      updatedAt: Date.parse(summary.updatedAt) || 0,
      topics: shownTopics,
      audiences: sharedList(audienceLists, summary.audiences, String),
      opens: summary.type === 'consultation' ? time(summary.opensAt) : Number.NaN,
      closes: summary.type === 'consultation' ? time(summary.closesAt) : Number.NaN,
    };
  };

  return {
    entry,
    /** One topic object per topic name and slug. */
    sharedTopic,
    /**
     * The entry with other topics (its whole item and search slot kept). A renamed topic rewrites
     * thousands of entries, so the topics are spliced into the summary's JSON rather than the summary
     * read and written again. `,"topics":` cannot occur inside a JSON string (its quote would be
     * escaped), so the splice finds the field itself; were it ever not there (a summary whose first
     * field is its topics), the summary is written again.
     */
    withTopics: (from: CatalogueEntry, topics: readonly Topic[]): CatalogueEntry => {
      const shown = sharedList(topicLists, topics.map(sharedTopic), topicKey);
      const field = `,"topics":${topicsJsonOf(from.topics)}`;
      const at = from.json.indexOf(field);
      if (at < 0) return entry({ ...summaryOf(from), topics: [...shown] }, from.rest, from.slot);
      const spliced = `${from.json.slice(0, at)},"topics":${topicsJsonOf(shown)}${from.json.slice(at + field.length)}`;
      return { ...from, json: flat(spliced), topics: shown };
    },
  };
}

/** The entry's summary as an object (a consultation's status unset: see select.ts `live`). */
export function summaryOf(entry: CatalogueEntry): UpdateSummary {
  const summary = JSON.parse(entry.json) as UpdateSummary;
  if (summary.type === 'consultation') summary.status = null;
  return summary;
}

/** The summary's JSON as of `now`, status included: what the list API sends, without reading it back into an object. */
export function summaryJson(entry: CatalogueEntry, now: number): Json<UpdateSummary> {
  if (entry.type !== 'consultation') return entry.json;
  // The stored JSON is an object: its last character is the closing brace.
  return `${entry.json.slice(0, -1)},"status":${JSON.stringify(statusAt(entry.opens, entry.closes, now))}}`;
}

/**
 * The whole item's JSON as of `now`: the summary's and the rest's (`restJson`, the entry's rest
 * unpacked) joined, as the item API sends it, without reading either back into an object. The rest
 * holds no field of the summary and always some (body, downloads: items.ts), so the two objects'
 * fields join into one.
 */
export function detailJson(entry: CatalogueEntry, restJson: string, now: number): Json<UpdateDetail> {
  return `${summaryJson(entry, now).slice(0, -1)},${restJson.slice(1)}`;
}

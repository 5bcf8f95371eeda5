/**
 * Search that finds what readers type. One module turns text into search terms, for the
 * catalogue's index and for queries alike, so both sides always agree:
 *
 * - word forms: every word is reduced to its Porter2 stem ("inspections" and "inspection" are
 *   both "inspect"); hyphenated words count as their parts and as one word ("co-production");
 * - abbreviations: each abbreviation and its full forms ("EHCP", "EHC plan", "education, health
 *   and care plan") are one term. Editors keep the list in the "Search abbreviations" single type;
 *   a full form that contains another's ("special educational needs and disabilities" contains
 *   "special educational needs") finds that one's items too (SEND items are found by "SEN").
 *
 * Every query word must match (as before). The last word may also be the start of a word, as
 * readers type into the widgets' search box.
 */
import { LRUCache } from 'lru-cache';
import stem from 'wink-porter2-stemmer';

/** An abbreviation and the words it stands for, as editors enter them. */
export type Abbreviation = { abbreviation: string; meanings: string[] };

/** The list the CMS starts with (editors extend or change it in the admin). */
export const DEFAULT_ABBREVIATIONS: Abbreviation[] = [
  { abbreviation: 'EHCP', meanings: ['EHC plan', 'Education, health and care plan'] },
  { abbreviation: 'EHCNA', meanings: ['EHC needs assessment', 'Education, health and care needs assessment'] },
  { abbreviation: 'SENCo', meanings: ['Special educational needs coordinator', 'Special educational needs co-ordinator'] },
  { abbreviation: 'SEN', meanings: ['Special educational needs'] },
  {
    abbreviation: 'SEND',
    meanings: ['Special educational needs and disabilities', 'Special educational needs and/or disabilities', 'Special educational needs and disability'],
  },
  { abbreviation: 'CAMHS', meanings: ['Child and adolescent mental health services', 'Children and young people\u2019s mental health services'] },
  { abbreviation: 'AP', meanings: ['Alternative provision'] },
  { abbreviation: 'PfA', meanings: ['Preparing for adulthood'] },
  { abbreviation: 'ICB', meanings: ['Integrated care board'] },
  { abbreviation: 'SALT', meanings: ['Speech and language therapy'] },
  { abbreviation: 'OT', meanings: ['Occupational therapy'] },
];

/** A word as read from text: its stem, and whether it was written with two or more capitals ("SEND", "SENCo"). */
type Word = { stem: string; raw: string; capitals: boolean };

const WORD = /[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*/gu;

/** Stems kept at most (a few MB): far more than the words most text uses again and again. */
const STEMS_KEPT = 50_000;
/**
 * Stems of words already seen. Text repeats its words, and stemming each one again was most of the
 * work of reading a large catalogue (about 40 % of a start at 100,000 items). A stem depends on its
 * word alone, so a kept one is always right; past the bound the map starts again.
 */
const stems = new Map<string, string>();
function stemOf(word: string): string {
  let found = stems.get(word);
  if (found === undefined) {
    if (stems.size >= STEMS_KEPT) stems.clear();
    stems.set(word, (found = stem(word)));
  }
  return found;
}

const APOSTROPHE = /['\u2019]/;
/** Anything but printable ASCII and line breaks: text without it is unchanged by NFKD. */
const NOT_PLAIN_ASCII = /[^ -~\t\n\r]/;

/** Words of a text in order, plus the joined form of each hyphenated word ("coproduction"). */
function readWords(text: string): { words: Word[]; joined: string[] } {
  const words: Word[] = [];
  const joined: string[] = [];
  // Decomposed, so accents drop away ("café" is "cafe"); ASCII text is already so.
  const plain = NOT_PLAIN_ASCII.test(text) ? text.normalize('NFKD').replace(/\p{M}/gu, '') : text;
  for (const [match] of plain.matchAll(WORD)) {
    // A possessive "'s" is not part of the word; other apostrophes join ("don't" is "dont").
    const whole = APOSTROPHE.test(match) ? match.replace(/['\u2019]s$/iu, '').replace(/['\u2019]/gu, '') : match;
    const parts = whole.includes('-') ? whole.split('-').filter(Boolean) : [whole];
    for (const part of parts) {
      // English has no special lower case (only Turkish, Azeri and Lithuanian have), so this is en-GB's.
      const raw = part.toLowerCase();
      words.push({ stem: stemOf(raw), raw, capitals: /\p{Lu}.*\p{Lu}/u.test(part) });
    }
    if (parts.length > 1) joined.push(stemOf(parts.join('').toLowerCase()));
  }
  return { words, joined };
}

type Phrase = { stems: string[]; group: number; capitalsOnly: boolean };
/** How a term stands for an abbreviation group in the index: no word can look like it. */
const groupTerm = (group: number) => `#${group}`;

/** Matches the phrases of every abbreviation group in a run of words. */
class PhraseMatcher {
  private byFirstStem = new Map<string, Phrase[]>();

  constructor(abbreviations: readonly Abbreviation[]) {
    abbreviations.forEach(({ abbreviation, meanings }, group) => {
      for (const form of [abbreviation, ...meanings]) {
        const { words } = readWords(form);
        if (!words.length) continue;
        // A one-word abbreviation written with capitals ("SEND") only counts in text when written so there, not as
        // the verb "send"; readers may type it in any case.
        const phrase = { stems: words.map((w) => w.stem), group, capitalsOnly: words.length === 1 && words[0].capitals };
        const list = this.byFirstStem.get(phrase.stems[0]) ?? [];
        list.push(phrase);
        // Longest first, so a query takes the longest phrase that fits.
        list.sort((a, b) => b.stems.length - a.stems.length);
        this.byFirstStem.set(phrase.stems[0], list);
      }
    });
  }

  /** Phrases that start at `at`, longest first; in text (not queries) one-word abbreviations need their capitals. */
  *at(words: Word[], at: number, inText: boolean): Generator<Phrase, void> {
    for (const phrase of this.byFirstStem.get(words[at].stem) ?? []) {
      if (at + phrase.stems.length > words.length) continue;
      if (inText && phrase.capitalsOnly && !words[at].capitals) continue;
      if (phrase.stems.every((s, i) => words[at + i].stem === s)) yield phrase;
    }
  }
}

/**
 * What the index holds for one item, compact so a catalogue of 100,000 items stays small: ids (from
 * one dictionary per search) in ascending order, looked up by binary search.
 */
export type SearchDocument = {
  /** Stems, joined hyphenated words and abbreviation groups. */
  terms: Uint32Array;
  /** Each word as written (lower case), for the last query word to match the start of. */
  words: Uint32Array;
};

/**
 * One query term: all must match. `id` is the term's id, -1 when no item has it; `words` are the ids
 * of the words that start with the unfinished last word (empty for every other term).
 */
export type QueryTerm = { id: number; words: readonly number[] };

/** Whether an ascending array holds `value`. */
function holds(sorted: Uint32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = sorted[middle];
    if (found === value) return true;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Whether a document has a query term (the term itself, or a word the unfinished last word starts). */
export function termTest({ id, words }: QueryTerm): (doc: SearchDocument) => boolean {
  const hasWord: (doc: SearchDocument) => boolean =
    words.length <= FEW_PREFIX_WORDS
      ? (doc) => words.some((word) => holds(doc.words, word))
      : (() => {
          const set = new Set(words);
          return (doc) => doc.words.some((word) => set.has(word));
        })();
  return (doc) => (id !== -1 && holds(doc.terms, id)) || (words.length > 0 && hasWord(doc));
}

/** Strings to small numbers, so each item stores numbers instead of its own copies of words. */
class Dictionary {
  readonly ids = new Map<string, number>();
  readonly strings: string[] = [];
  idOf(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.strings.push(text) - 1;
      this.ids.set(text, id);
    }
    return id;
  }
  sortedIds(texts: Iterable<string>): Uint32Array {
    return Uint32Array.from(texts, (text) => this.idOf(text)).sort();
  }
}

/** Beyond this many words starting with the last query word, each item's words are checked against a set instead. */
const FEW_PREFIX_WORDS = 16;
/** Unfinished words whose completions are kept (the word list only grows, so each is kept with the list's length). */
const PREFIXES_KEPT = 1_000;

export type Search = {
  /** The search terms of an item's text. */
  index(text: string): SearchDocument;
  /** A query as terms, every one of which must match; null when it has no words (everything matches). */
  terms(q: string): QueryTerm[] | null;
  /** A query as a test of documents; null when it has no words (everything matches). */
  query(q: string): ((doc: SearchDocument) => boolean) | null;
};

export function createSearch(abbreviations: readonly Abbreviation[]): Search {
  const matcher = new PhraseMatcher(abbreviations);

  // Groups found inside another group's full forms come with it (SEND brings SEN).
  const implied = abbreviations.map((entry, group) => {
    const inside = new Set<number>();
    for (const form of entry.meanings) {
      const { words } = readWords(form);
      for (let i = 0; i < words.length; i++) for (const phrase of matcher.at(words, i, false)) if (phrase.group !== group) inside.add(phrase.group);
    }
    return [...inside];
  });
  const withImplied = (group: number, into: Set<string>) => {
    into.add(groupTerm(group));
    for (const other of implied[group]) into.add(groupTerm(other));
  };

  const termDictionary = new Dictionary();
  const wordDictionary = new Dictionary();

  const completions = new LRUCache<string, { known: number; ids: readonly number[] }>({ max: PREFIXES_KEPT });
  /** Ids of the words items have that start with `prefix`. */
  const wordsStartingWith = (prefix: string): readonly number[] => {
    const known = wordDictionary.strings.length;
    const hit = completions.get(prefix);
    if (hit && hit.known === known) return hit.ids;
    // Words added since the last look are the only ones to read.
    const ids = hit ? [...hit.ids] : [];
    for (let id = hit?.known ?? 0; id < known; id += 1) if (wordDictionary.strings[id].startsWith(prefix)) ids.push(id);
    completions.set(prefix, { known, ids });
    return ids;
  };

  const terms = (q: string): QueryTerm[] | null => {
    const { words } = readWords(q);
    if (!words.length) return null;
    const found: QueryTerm[] = [];
    const term = (text: string, prefix: string | null): QueryTerm => ({
      id: termDictionary.ids.get(text) ?? -1,
      words: prefix === null ? [] : wordsStartingWith(prefix),
    });
    for (let i = 0; i < words.length;) {
      const phrase = matcher.at(words, i, false).next().value;
      if (phrase) {
        found.push(term(groupTerm(phrase.group), null));
        i += phrase.stems.length;
      } else {
        // Only the last word may be unfinished.
        found.push(term(words[i].stem, i === words.length - 1 ? words[i].raw : null));
        i += 1;
      }
    }
    return found;
  };

  return {
    index(text) {
      const { words, joined } = readWords(text);
      const terms = new Set<string>(joined);
      words.forEach((word, i) => {
        terms.add(word.stem);
        for (const phrase of matcher.at(words, i, true)) withImplied(phrase.group, terms);
      });
      return { terms: termDictionary.sortedIds(terms), words: wordDictionary.sortedIds(new Set(words.map((w) => w.raw))) };
    },

    terms,

    query(q) {
      const found = terms(q);
      if (!found) return null;
      // A word no item has, and no unfinished word to rescue it, finds nothing.
      if (found.some((t) => t.id === -1 && !t.words.length)) return () => false;
      const tests = found.map(termTest);
      return (doc) => tests.every((test) => test(doc));
    },
  };
}

/** An editor's meanings field: one full form per line. */
export const meaningsOf = (text: string | null | undefined): string[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** Lists of numbers by id, each grown in place (doubling), read as views. */
class GrowingLists {
  private lists: Uint32Array[] = [];
  private lengths: number[] = [];

  push(id: number, value: number) {
    let list = this.lists[id];
    const length = this.lengths[id] ?? 0;
    if (!list || length === list.length) {
      const grown = new Uint32Array(Math.max(4, length * 2));
      if (list) grown.set(list);
      this.lists[id] = list = grown;
    }
    list[length] = value;
    this.lengths[id] = length + 1;
  }

  get(id: number): Uint32Array {
    const list = this.lists[id];
    return list ? list.subarray(0, this.lengths[id]) : EMPTY;
  }
}
const EMPTY = new Uint32Array(0);

/**
 * The inverted index of one catalogue build: for each term and each word, the slots of the items
 * that have it, in the order they were added. A slot is an item's number in this index, never given
 * twice: an edited item is added again under a new slot, and the catalogue's states know which slots
 * they hold, so slots they no longer hold are passed over. A query then reads only the postings of
 * its own terms, never every item.
 */
export type SearchPostings = {
  /** Indexes an item's search terms; its slot. */
  add(doc: SearchDocument): number;
  /** Slots of the items having each of the term ids. */
  term(id: number): Uint32Array;
  /** Slots of the items having a word (as written). */
  word(id: number): Uint32Array;
  /** Slots given so far (every slot is below this). */
  readonly slots: number;
};

export function createPostings(): SearchPostings {
  const terms = new GrowingLists();
  const words = new GrowingLists();
  let slots = 0;
  return {
    add(doc) {
      const slot = slots++;
      for (const id of doc.terms) terms.push(id, slot);
      for (const id of doc.words) words.push(id, slot);
      return slot;
    },
    term: (id) => (id < 0 ? EMPTY : terms.get(id)),
    word: (id) => words.get(id),
    get slots() {
      return slots;
    },
  };
}

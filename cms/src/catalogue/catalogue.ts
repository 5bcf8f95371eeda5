/**
 * The catalogue: what lists need of every published item of the three public types (the contract's
 * summary and its search terms), held in memory, so public reads filter a list instead of querying
 * the database. What a whole item adds to its summary (body, downloads) is kept beside it, deflated,
 * so item pages, the item API and feeds never query the database either.
 *
 * - The first build reads the database in pages of `PAGE` documents, so no query's parameter list
 *   grows with the catalogue and memory holds one page of bodies at a time.
 * - After that, a change is applied to the one document it concerns (re-read by type and id), made
 *   on this instance or announced by another one (sync/change-channel.ts). Each applied batch makes
 *   a new snapshot, so a reader always sees one consistent catalogue and never waits for a build;
 *   a snapshot's filter index (select.ts) is made, a slice at a time, before it goes public. A
 *   change that alters nothing readers see (a draft saved) makes no snapshot.
 * - A topic change (a rename, a new slug, an unpublish) is applied to the items that named the topic
 *   and the items linked to it now, re-read as changes to those documents, a slice at a time.
 * - A replaced or deleted upload re-reads the items offering it as a download.
 * - An abbreviation change alters any item's search terms: the catalogue is rebuilt in the
 *   background, and the old one is served until the new one is ready.
 * - While the change channel is down, every `FALLBACK_CHECK_MS` the published rows' ids and update
 *   times are compared with the catalogue, and what differs is applied.
 */
import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Topic, UpdateDetail } from '../../../contract/api';
import { blocksToText } from '../lib/blocks';
import { useCounter } from '../lib/use-counts';
import { FILE_UID, TOPIC_UID, UPDATE_TYPES, keysOf, type UpdateType } from '../lib/update-types';
import { openChangeChannel, type Change, type ChangeChannel } from '../sync/change-channel';
import { proxyPurger } from '../sync/proxy-purge';
import { itemBuilder, readDocuments, readPage, type PublishedDocument } from './items';
import { createPostings, createSearch } from './search';
import { indexReady, positionIn, positionsNaming, prepareIndex } from './select';
import { detailJson, entryMaker, mergedEntries, newestFirst, summaryOf, type Json } from './entry';
import type { Catalogue, CatalogueEntry } from './state';
import { loadAbbreviations, SEARCH_ABBREVIATIONS_UID } from './search-abbreviations';

/** Documents read per query: bounds every parameter list (SQLite allows 32,766). */
const PAGE = 500;
/** Items indexed for search between two turns of the event loop while the catalogue is read. */
const INDEX_SLICE = 20;
/** Summaries written again (a topic renamed) between two turns of the event loop. */
const REWRITE_SLICE = 500;
/**
 * Entries looked at (for a topic they name) between two turns: a topic few items name left the
 * whole catalogue to one or two slices, and the event loop held for 50–110 ms at 100,000 items.
 */
const SCAN_SLICE = 5_000;
/** Bytes of whole items kept unpacked for item pages, the item API and feeds (most read first). */
const UNPACKED_CACHE_BYTES = 16 * 1024 * 1024;
/** An unpacked item is kept when it is read again within this time. */
const UNPACKED_ADMIT_WINDOW_MS = 10 * 60 * 1000;
/** How often an instance without its change channel compares the catalogue with the database. */
export const FALLBACK_CHECK_MS = 5_000;

export type { Catalogue, CatalogueEntry } from './state';

export type CatalogueService = ReturnType<typeof createCatalogue>;

/** The catalogue service of this CMS (registered as api::update.catalogue). */
export const catalogueOf = (strapi: Core.Strapi) => strapi.service('api::update.catalogue') as CatalogueService;

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/**
 * The CMS's public origin, for absolute links: the configured PUBLIC_URL (never the Host header a
 * request brings), else this server on localhost.
 */
export function publicBaseUrl(strapi: Core.Strapi): string {
  const configured = str(strapi.config.get('server.url'));
  if (configured) return configured.replace(/\/$/, '');
  return `http://localhost:${strapi.config.get('server.port', 1337)}`;
}

/** True if the state already has this entry's item exactly as it is (same address, update time, summary and whole item). */
const unchanged = (state: Catalogue, entry: CatalogueEntry) => {
  const known = state.bySlug[entry.type].get(entry.slug);
  return known?.id === entry.id && known.updatedAt === entry.updatedAt && known.rest === entry.rest && known.json === entry.json;
};
/** Entries by type and slug, and by document id. */
function addressesOf(entries: readonly CatalogueEntry[]): Pick<Catalogue, 'bySlug' | 'byId'> {
  const bySlug = Object.fromEntries(keysOf(UPDATE_TYPES).map((type) => [type, new Map<string, CatalogueEntry>()])) as Record<
    UpdateType,
    Map<string, CatalogueEntry>
  >;
  for (const entry of entries) bySlug[entry.type].set(entry.slug, entry);
  return { bySlug, byId: new Map(entries.map((entry) => [entry.id, entry])) };
}
const typeOfUid = new Map<string, UpdateType>(keysOf(UPDATE_TYPES).map((type) => [UPDATE_TYPES[type], type]));

/** What a whole item adds to its summary, as deflated JSON: about 40 % of the JSON's bytes. */
const pack = (rest: object): string => deflateRawSync(JSON.stringify(rest)).toString('latin1');

/** A moment in whole seconds, as HTTP dates carry it. */
const toSecond = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);
/**
 * When a change to a state was made: the moment it is applied (an unpublication leaves no update time
 * behind; an edit's own time may be later, saved by an instance whose clock ran ahead), never before the state's.
 */
const appliedAt = (state: Catalogue) => toSecond(Math.max(state.lastModified.getTime(), Date.now()));

/** Lets requests waiting in the event loop be answered. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Sorted runs merged into one newest-first list, two at a time, letting requests through between merges. */
async function mergeRuns(runs: CatalogueEntry[][]): Promise<CatalogueEntry[]> {
  let level = runs.filter((run) => run.length);
  while (level.length > 1) {
    const next: CatalogueEntry[][] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(mergedEntries(level[i], [], level[i + 1] ?? []));
      await turn();
    }
    level = next;
  }
  return level[0] ?? [];
}

/**
 * A state's entries with those of the given documents taken out and `added` (newest first) merged
 * in, in one pass into one new list. The entries taken out are found by document id and position
 * rather than by reading every entry (at 100,000 items that read took longer than the rest of a
 * publish). `removed` counts the entries taken out.
 */
function replaced(state: Catalogue, documentIds: ReadonlySet<string>, added: readonly CatalogueEntry[]): { entries: CatalogueEntry[]; removed: number } {
  const positions: number[] = [];
  for (const id of documentIds) {
    const entry = state.byId.get(id);
    if (!entry) continue;
    const position = positionIn(state.entries, entry);
    // Not where the index says (a state without its index): read every entry instead.
    if (position < 0) {
      const kept = state.entries.filter((e) => !documentIds.has(e.id));
      return { entries: mergedEntries(kept, [], added), removed: state.entries.length - kept.length };
    }
    positions.push(position);
  }
  positions.sort((a, b) => a - b);
  return { entries: mergedEntries(state.entries, positions, added), removed: positions.length };
}

export function createCatalogue({ strapi }: { strapi: Core.Strapi }) {
  const items = itemBuilder(() => publicBaseUrl(strapi));
  let version = 1;
  let current: Catalogue | null = null;
  let firstBuild: Promise<Catalogue> | null = null;
  /** Changes waiting to be applied, by document (null: the whole type, e.g. a bulk write). */
  const pending = new Map<string, Change>();
  let draining: Promise<void> | null = null;
  let channel: ChangeChannel | null = null;
  let fallbackTimer: NodeJS.Timeout | null = null;
  /** Each topic document's slug as last read, so the items of a renamed or removed topic can be found. */
  const topicSlugs = new Map<string, string>();
  /** Entries share their topics and audiences (entry.ts). */
  const maker = entryMaker();
  /**
   * The rest of items lately asked for, unpacked, as JSON (an entry's object changes with the item):
   * the item API sends it as it is, and the few readers of objects (pages, feeds) parse it.
   */
  const unpacked = new LRUCache<CatalogueEntry, string>({ maxSize: UNPACKED_CACHE_BYTES });
  /** By slot: each version of an item has its own (state.ts), and a number keeps no old entry alive. */
  const unpackings = useCounter<number>(UNPACKED_ADMIT_WINDOW_MS);
  const restJsonOf = (entry: CatalogueEntry): string => {
    const known = unpacked.get(entry);
    if (known !== undefined) return known;
    const json = inflateRawSync(Buffer.from(entry.rest, 'latin1')).toString();
    // Kept from its second reading on (lib/use-counts.ts): a sweep of rarely read items does not push out the popular ones.
    if (unpackings(entry.slot) >= 2) unpacked.set(entry, json, { size: json.length * 2 + 64 });
    return json;
  };
  // The rest was packed from the same item as the summary (entryOf): together they are the contract's whole item.
  const detailOf = (entry: CatalogueEntry): UpdateDetail => ({ ...summaryOf(entry), ...(JSON.parse(restJsonOf(entry)) as object) }) as UpdateDetail;
  /** The items each upload is offered in (as a download or Easy Read version), by the upload's document id. */
  const fileUsers = new Map<string, Map<string, UpdateType>>();
  const noteFiles = (type: UpdateType, doc: PublishedDocument) => {
    for (const download of [...(doc.downloads ?? []), doc.easyReadVersion]) {
      const fileId = (download?.file as { documentId?: string } | null | undefined)?.documentId;
      if (fileId) fileUsers.set(fileId, (fileUsers.get(fileId) ?? new Map<string, UpdateType>()).set(doc.documentId, type));
    }
  };
  const purgeProxies = proxyPurger(strapi);
  /** A new state is public: caching proxies in front of the CMS drop what they stored. */
  const published = (next: Catalogue) => {
    current = next;
    void purgeProxies();
  };

  const entryOf = ({ search, postings }: Pick<Catalogue, 'search' | 'postings'>, type: UpdateType, doc: PublishedDocument): CatalogueEntry => {
    for (const topic of doc.topics ?? []) if (topic.documentId && topic.slug) topicSlugs.set(topic.documentId, topic.slug);
    noteFiles(type, doc);
    const summary = items.summary(type, doc);
    const rest = items.rest(type, doc);
    const staffing = summary.type === 'staffing-update' ? [summary.service, summary.whatChanges ?? ''] : [];
    // Topics' names are searched per topic (select.ts), so renaming one changes no item's terms.
    const text = [summary.title, summary.summary, blocksToText(rest.body), ...staffing].join('\n');
    const slot = postings.add(search.index(text));
    return maker.entry(summary, pack(rest), slot);
  };

  /** Changes to documents made while a build reads: applied again to its result, which may have read them before. */
  let changedDuringBuild: Map<string, Change> | null = null;

  /** Reads every published document, a page at a time. */
  let builds = 0;
  const build = async (): Promise<Catalogue> => {
    builds += 1;
    const startedAt = Date.now();
    const baseUrl = publicBaseUrl(strapi);
    changedDuringBuild = new Map();
    const indexing = { search: createSearch(await loadAbbreviations(strapi)), postings: createPostings() };
    /** Each page sorted on its own, merged at the end. */
    const runs: CatalogueEntry[][] = [];
    for (const type of keysOf(UPDATE_TYPES)) {
      for (let afterId = 0; ;) {
        const page = await readPage(strapi, type, afterId, PAGE);
        const run: CatalogueEntry[] = [];
        runs.push(run);
        for (let i = 0; i < page.length; i += 1) {
          run.push(entryOf(indexing, type, page[i]));
          // Indexing is CPU work: requests are answered between slices, so none waits for the build.
          if (i % INDEX_SLICE === INDEX_SLICE - 1) await turn();
        }
        run.sort(newestFirst);
        if (page.length < PAGE) break;
        afterId = Number(page[page.length - 1].id);
      }
    }
    const all = await mergeRuns(runs);
    let newest = current?.lastModified.getTime() ?? 0;
    for (const entry of all) newest = Math.max(newest, entry.updatedAt);
    // Never later than now: an item saved by an instance whose clock ran ahead would date every feed in the future.
    const lastModified = toSecond(Math.min(newest, Date.now()));
    if (all.length > 1_000) strapi.log.info(`Catalogue: ${all.length} published items read in ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
    return { version: ++version, entries: all, ...addressesOf(all), lastModified, ...indexing, baseUrl };
  };

  /** Makes a finished build current (its index made first), then applies again what changed while it read. */
  const install = async (built: Catalogue) => {
    await prepareIndex(built.entries, turn);
    published(built);
    const missed = changedDuringBuild ?? new Map<string, Change>();
    changedDuringBuild = null;
    for (const [key, change] of missed) {
      if (change.uid === TOPIC_UID && change.documentId) topicQueue.add(change.documentId);
      else pending.set(key, change);
    }
    if (pending.size || topicQueue.size) void drain();
    return built;
  };

  /**
   * Rebuilds in the background; readers keep the current catalogue until the new one is ready. The
   * promise settles once a build that started after this call is current.
   */
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const rebuild = (): Promise<void> => {
    if (running) {
      // One more build after the running one covers every request made meanwhile.
      queued ??= running.then(() => {
        queued = null;
        return rebuild();
      });
      return queued;
    }
    const started = build()
      .then(install)
      .then(() => undefined)
      .catch((error) => void strapi.log.error(`Catalogue rebuild failed; serving the previous one. ${error instanceof Error ? error.stack : String(error)}`))
      .finally(() => {
        running = null;
      });
    running = started;
    return started;
  };

  /** Applies the pending changes to documents of the public types, as one new snapshot. */
  const applyPending = async () => {
    const base = current;
    if (!base) {
      // The first build, when it runs, reads these documents as they are then.
      pending.clear();
      return;
    }
    const batch = [...pending.values()];
    pending.clear();
    const byType = new Map<UpdateType, Set<string>>();
    for (const change of batch) {
      const type = typeOfUid.get(change.uid);
      if (type && change.documentId) byType.set(type, (byType.get(type) ?? new Set()).add(change.documentId));
    }
    const removed = new Set<string>();
    const read: { type: UpdateType; doc: PublishedDocument }[] = [];
    for (const [type, ids] of byType) {
      const idList = [...ids];
      for (const id of idList) removed.add(id);
      for (let i = 0; i < idList.length; i += PAGE) {
        for (const doc of await readDocuments(strapi, type, idList.slice(i, i + PAGE))) read.push({ type, doc });
      }
    }
    // A rebuild that finished meanwhile already read these documents at least as new as this read;
    // they are indexed with the search of the state they join. Many (a topic's items) are indexed a
    // slice at a time, letting requests through, and again if a rebuild finishes meanwhile. The new
    // state's filter index is made before it goes public, so no request waits for it.
    let added: CatalogueEntry[] = [];
    let indexedWith: Catalogue | null = null;
    let latest: Catalogue;
    let entries: CatalogueEntry[];
    for (;;) {
      latest = current ?? base;
      if (latest.postings !== indexedWith?.postings) {
        indexedWith = latest;
        added = [];
        for (let i = 0; i < read.length; i += 1) {
          added.push(entryOf(indexedWith, read[i].type, read[i].doc));
          if (i % INDEX_SLICE === INDEX_SLICE - 1) await turn();
        }
        added.sort(newestFirst);
        continue;
      }
      // Nothing readers see has changed (a draft saved, or an item saved as it was): no new state.
      const next = replaced(latest, removed, added);
      if (next.removed === added.length && added.every((entry) => unchanged(latest, entry))) return;
      entries = next.entries;
      // Derived from the current state's index: only the added entries are read.
      await prepareIndex(entries, turn, { previous: latest.entries, added: new Set(added) });
      if ((current ?? base) === latest) break;
    }
    // The address index is updated in place (copying 100,000 keys per change would cost more than
    // the change): an older state then finds items by address as the newest does, which only helps.
    const bySlug = latest.bySlug as Record<UpdateType, Map<string, CatalogueEntry>>;
    const byId = latest.byId as Map<string, CatalogueEntry>;
    for (const id of removed) {
      const entry = byId.get(id);
      if (!entry) continue;
      byId.delete(id);
      if (bySlug[entry.type].get(entry.slug) === entry) bySlug[entry.type].delete(entry.slug);
    }
    for (const entry of added) {
      bySlug[entry.type].set(entry.slug, entry);
      byId.set(entry.id, entry);
    }
    published({ ...latest, version: ++version, entries, bySlug, byId, lastModified: appliedAt(latest) });
  };

  /** Applies queued changes one batch at a time; changes arriving meanwhile form the next batch. */
  const drain = () => {
    draining ??= (async () => {
      try {
        while (pending.size || topicQueue.size) await (topicQueue.size ? applyTopics() : applyPending());
      } catch (error) {
        strapi.log.error(`Catalogue: a change could not be applied; rebuilding. ${error instanceof Error ? error.stack : String(error)}`);
        void rebuild();
      } finally {
        draining = null;
      }
    })();
    return draining;
  };

  /**
   * Topic changes (a rename, a new slug, an unpublish or a deletion) are applied in memory: each
   * item naming the topic gets the topic as it is published now (or loses it), without reading the
   * item again, since topics' names are searched per topic. Only a topic the catalogue does not know
   * (new, or published again) has its linked items looked up, and those are read as changes to them.
   */
  const topicQueue = new Set<string>();
  const applyTopics = async () => {
    const ids = [...topicQueue];
    topicQueue.clear();
    for (const topicId of ids) {
      const now = await strapi.documents(TOPIC_UID).findOne({ documentId: topicId, status: 'published', fields: ['name', 'slug'] });
      const linked = new Map<string, UpdateType>();
      // A topic this catalogue does not know (new, or published again) may have items linked to it already.
      if (now && !topicSlugs.has(topicId))
        for (const type of keysOf(UPDATE_TYPES)) {
          for (let afterId = 0; ;) {
            const rows = (await strapi.db.query(UPDATE_TYPES[type]).findMany({
              select: ['id', 'documentId'],
              where: { publishedAt: { $notNull: true }, id: { $gt: afterId }, topics: { documentId: topicId } },
              orderBy: { id: 'asc' },
              limit: PAGE * 10,
            })) as { id: number; documentId: string }[];
            for (const row of rows) linked.set(row.documentId, type);
            if (rows.length < PAGE * 10) break;
            afterId = rows[rows.length - 1].id;
          }
        }
      const base = current;
      if (!base) return;
      const oldSlug = topicSlugs.get(topicId);
      const topic: Topic | null = now?.slug ? maker.sharedTopic({ name: now.name ?? '', slug: now.slug }) : null;
      // The items to look at: those naming the topic (from the state's topic index) and those linked to a topic
      // it did not know (by document id), not every entry: at 100,000 items, reading each entry for a topic
      // named by 15,555 was most of a rename's CPU (130–330 ms between readers' requests).
      const candidates = new Set(oldSlug === undefined ? [] : positionsNaming(base.entries, oldSlug));
      /** Positions of the linked items the catalogue holds; the rest are read again below. */
      const linkedAt = new Set<number>();
      for (const documentId of [...linked.keys()]) {
        const held = base.byId.get(documentId);
        const position = held ? positionIn(base.entries, held) : -1;
        if (position < 0) continue;
        candidates.add(position);
        linkedAt.add(position);
        linked.delete(documentId);
      }
      const rewritten = new Map<CatalogueEntry, CatalogueEntry>();
      const rewrittenAt: [number, CatalogueEntry][] = [];
      let looked = 0;
      for (const position of candidates) {
        if (++looked % SCAN_SLICE === 0) await turn();
        const entry = base.entries[position];
        const named = oldSlug !== undefined && entry.topics.some((t) => t.slug === oldSlug);
        // An item linked to a topic published again (or for the first time) gains it as a rename would
        // give it, without being read again: reading 16,000 items back took 15 s of CPU at 100,000 items.
        const gains = !named && topic !== null && linkedAt.has(position) && !entry.topics.some((t) => t.slug === topic.slug);
        if (named || gains) {
          const others = entry.topics.filter((t) => t.slug !== oldSlug);
          const topics = (topic ? [...others, topic] : others).sort((a, b) => a.name.localeCompare(b.name));
          if (topics.length !== entry.topics.length || topics.some((t, j) => t !== entry.topics[j])) {
            const after = maker.withTopics(entry, topics);
            rewritten.set(entry, after);
            rewrittenAt.push([position, after]);
            // Each rewritten summary is written as JSON again: requests are answered between slices.
            if (rewritten.size % REWRITE_SLICE === 0) await turn();
          }
        }
      }
      // Linked items the catalogue does not hold: read again.
      for (const [documentId, type] of linked) pending.set(`${UPDATE_TYPES[type]} ${documentId}`, { uid: UPDATE_TYPES[type], documentId });
      if (rewritten.size) {
        // The same list with the rewritten entries in their places (one copy, no lookup per entry).
        const next = base.entries.slice();
        for (const [position, after] of rewrittenAt) next[position] = after;
        // Readers keep the current state while the new one's index is made, derived from the current
        // one's (the rewritten entries replace the old ones in place).
        await prepareIndex(next, turn, { previous: base.entries, added: new Set(rewritten.values()) });
        if (current !== base) {
          // A rebuild was installed meanwhile: the topic is applied to it instead.
          topicQueue.add(topicId);
          continue;
        }
        const bySlug = base.bySlug as Record<UpdateType, Map<string, CatalogueEntry>>;
        const byId = base.byId as Map<string, CatalogueEntry>;
        for (const [before, after] of rewritten) {
          if (bySlug[before.type].get(before.slug) === before) bySlug[after.type].set(after.slug, after);
          if (byId.get(before.id) === before) byId.set(after.id, after);
        }
        published({ ...base, version: ++version, entries: next, bySlug, lastModified: appliedAt(base) });
      }
      if (topic) topicSlugs.set(topicId, topic.slug);
      else topicSlugs.delete(topicId);
    }
  };

  const topicChanged = (topicId: string) => {
    changedDuringBuild?.set(`${TOPIC_UID} ${topicId}`, { uid: TOPIC_UID, documentId: topicId });
    topicQueue.add(topicId);
    return drain();
  };

  /** Records a change (from this instance or another) and applies it; settles once it is applied. */
  const apply = (change: Change): Promise<void> => {
    if (typeOfUid.has(change.uid) && change.documentId) {
      const key = `${change.uid} ${change.documentId}`;
      changedDuringBuild?.set(key, change);
      pending.set(key, change);
      return drain();
    }
    if (change.uid === TOPIC_UID && change.documentId) return topicChanged(change.documentId);
    if (change.uid === FILE_UID) {
      // Its items are read again (any item with an upload, if the upload is not named).
      const users = change.documentId ? [fileUsers.get(change.documentId)] : [...fileUsers.values()];
      for (const [documentId, type] of users.flatMap((user) => [...(user ?? [])]))
        pending.set(`${UPDATE_TYPES[type]} ${documentId}`, { uid: UPDATE_TYPES[type], documentId });
      return drain();
    }
    if (change.uid === TOPIC_UID || change.uid === SEARCH_ABBREVIATIONS_UID || typeOfUid.has(change.uid)) {
      // Search terms of any item may change: read everything again, serving the current catalogue meanwhile.
      return rebuild();
    }
    return Promise.resolve();
  };

  /**
   * Without the change channel, compares the published rows (ids and update times, a page at a
   * time) with the catalogue, and applies the differences.
   */
  const reconcile = async () => {
    const base = current;
    if (!base) return;
    const seen = new Set<string>();
    for (const type of keysOf(UPDATE_TYPES)) {
      for (let afterId = 0; ;) {
        const rows = (await strapi.db.query(UPDATE_TYPES[type]).findMany({
          select: ['id', 'documentId', 'updatedAt'],
          where: { publishedAt: { $notNull: true }, id: { $gt: afterId } },
          orderBy: { id: 'asc' },
          limit: PAGE * 10,
        })) as { id: number; documentId: string; updatedAt: string | Date }[];
        for (const row of rows) {
          seen.add(row.documentId);
          const entry = base.byId.get(row.documentId);
          if (!entry || entry.updatedAt !== new Date(row.updatedAt).getTime())
            pending.set(`${UPDATE_TYPES[type]} ${row.documentId}`, { uid: UPDATE_TYPES[type], documentId: row.documentId });
        }
        if (rows.length < PAGE * 10) break;
        afterId = rows[rows.length - 1].id;
      }
    }
    for (const entry of base.entries) {
      if (!seen.has(entry.id)) pending.set(`${UPDATE_TYPES[entry.type]} ${entry.id}`, { uid: UPDATE_TYPES[entry.type], documentId: entry.id });
    }
    if (pending.size) await drain();
  };

  const startFallbackChecks = () => {
    fallbackTimer = setInterval(() => {
      if (channel?.healthy === false)
        reconcile().catch((error) => strapi.log.warn(`Catalogue check failed: ${error instanceof Error ? error.message : String(error)}`));
    }, FALLBACK_CHECK_MS);
    fallbackTimer.unref();
  };

  return {
    /** The current catalogue; only the very first read waits, for the first build. */
    async get(): Promise<Catalogue> {
      // Links are absolute: a public URL set after the first build (as tests do once they know their port) means reading again.
      if (current && current.baseUrl !== publicBaseUrl(strapi)) {
        current = null;
        firstBuild = null;
      }
      if (current) return current;
      firstBuild ??= build().then(install);
      try {
        return await firstBuild;
      } catch (error) {
        firstBuild = null;
        throw error;
      }
    },

    /** Starts listening to other instances' changes; called once the CMS has started. */
    listen() {
      channel ??= openChangeChannel(strapi, {
        onChange: (change) => void apply(change),
        onReconnect: () =>
          void reconcile().catch((error) => strapi.log.warn(`Catalogue check failed: ${error instanceof Error ? error.message : String(error)}`)),
      });
      if (!fallbackTimer) startFallbackChecks();
    },

    /** A write on this instance: applied here, and announced to the others. */
    async changed(change: Change) {
      // Announced first: the write is committed, and the others need not wait for this instance.
      await channel?.announce(change);
      await apply(change);
    },

    /** The whole item behind a catalogue entry (a consultation's status unset: see select.ts `live`). */
    detail: detailOf,

    /** The whole item behind a catalogue entry as JSON, as of `now` (its status set): what the item API sends. */
    detailJson: (entry: CatalogueEntry, now: number): Json<UpdateDetail> => detailJson(entry, restJsonOf(entry), now),

    /** Whole items for entries, in their order. */
    details: (entries: readonly CatalogueEntry[]): UpdateDetail[] => entries.map(detailOf),

    /** True once a state's filter index is made (a state goes public only then). */
    indexReady: (state: Catalogue) => indexReady(state.entries),

    /** Bumped by every applied change: caches of finished responses compare it. */
    get version() {
      return version;
    },

    /** Whole reads of the database so far: a change to one item must not add one. */
    get builds() {
      return builds;
    },

    /** False while changes made on other instances may be missed (the channel is down). */
    get live() {
      return channel?.healthy !== false;
    },

    async close() {
      if (fallbackTimer) clearInterval(fallbackTimer);
      await channel?.close();
    },
  };
}

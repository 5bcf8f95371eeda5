/**
 * When each item was first published here, so readers are told "last updated" only for a change
 * made after that: an item imported, seeded or written today about an earlier day is not "updated"
 * by its first publication. Strapi keeps only the latest publication (`publishedAt`), and its own
 * record of the first is an experimental flag, so the update types carry a hidden field of ours.
 */
import type { Core, UID } from '@strapi/strapi';
import { londonWallClock } from './london-time';
import { quoteIdentifier, tableOf } from './sql';
import { MIGRATIONS_STORE } from '../seed/editor-form-migration';

export const FIRST_PUBLISHED_FIELD = 'firstPublishedAt';
const MIGRATION_KEY = 'first-published-at';

type Stamp = string | number | Date | null | undefined;
const instantOf = (value: Stamp): number | null => {
  const ms = value === null || value === undefined || value === '' ? NaN : new Date(value).getTime();
  return Number.isFinite(ms) ? ms : null;
};

/**
 * The instant readers are told an item was last updated: when its published content last changed,
 * if that was on a later London day than both its date and its first publication; otherwise null.
 * An item published before this was recorded (no first publication) is compared with its date alone.
 */
export function lastUpdated({ date, updatedAt, firstPublishedAt }: { date: string; updatedAt: Stamp; firstPublishedAt: Stamp }): string | null {
  const updated = instantOf(updatedAt);
  if (updated === null) return null;
  const first = instantOf(firstPublishedAt);
  // London's days never run backwards: a change no later than the first publication (most items) is no update.
  if (first !== null && updated <= first) return null;
  const day = londonWallClock(updated).date;
  const later = day > date && (first === null || day > londonWallClock(first).date);
  return later ? new Date(updated).toISOString() : null;
}

/**
 * Keeps the field on every version of a document: set at its first publication (to the earliest
 * any version holds, as a republished version is made from the draft), never taken from input,
 * and cleared on a copy, which has not been published.
 */
export function registerFirstPublished(strapi: Core.Strapi, uids: readonly UID.ContentType[]) {
  strapi.documents.use(async (context, next) => {
    if (!uids.includes(context.uid)) return next();
    const params = (context.params ?? {}) as { data?: Record<string, unknown>; documentId?: string; status?: string };
    if (params.data && FIRST_PUBLISHED_FIELD in params.data) delete params.data[FIRST_PUBLISHED_FIELD];
    const result = await next();
    // A creation or an update may publish too (`status: 'published'`), past the document service's own publish.
    const publishes = context.action === 'publish' || ((context.action === 'create' || context.action === 'update') && params.status === 'published');
    if (!publishes && context.action !== 'clone') return result;
    // A copy's id is in the result (its parameters name the original).
    const made = context.action === 'create' || context.action === 'clone';
    const documentId = made ? (result as { documentId?: string } | null | undefined)?.documentId : params.documentId;
    if (!documentId) return result;
    const rows = strapi.db.query(context.uid);
    if (!publishes) {
      await rows.updateMany({ where: { documentId }, data: { [FIRST_PUBLISHED_FIELD]: null } });
      return result;
    }
    const versions = (await rows.findMany({ where: { documentId }, select: ['id', FIRST_PUBLISHED_FIELD] })) as Record<string, Stamp>[];
    const known = versions.map((row) => instantOf(row[FIRST_PUBLISHED_FIELD])).filter((ms): ms is number => ms !== null);
    if (known.length === versions.length) return result;
    const first = new Date(known.length ? Math.min(...known) : Date.now());
    await rows.updateMany({ where: { documentId, [FIRST_PUBLISHED_FIELD]: { $null: true } }, data: { [FIRST_PUBLISHED_FIELD]: first } });
    return result;
  });
}

/**
 * Items published before the first publication was recorded get their latest publication as their
 * first (the best the database knows): their "last updated" then counts changes published from now
 * on. Idempotent: one statement per type.
 */
export async function recordEarlierPublications(strapi: Core.Strapi, uids: readonly UID.ContentType[]) {
  for (const uid of uids) {
    const table = tableOf(strapi, uid);
    const [first, published, document] = [FIRST_PUBLISHED_FIELD, 'publishedAt', 'documentId'].map((name) => quoteIdentifier(table.column(name) ?? name));
    const ofRow = `p.${document} = ${quoteIdentifier(table.name)}.${document} AND p.${published} IS NOT NULL`;
    await strapi.db.connection.raw(
      `UPDATE ${table.qualified} SET ${first} = (SELECT MIN(p.${published}) FROM ${table.qualified} p WHERE ${ofRow})
       WHERE ${first} IS NULL AND EXISTS (SELECT 1 FROM ${table.qualified} p WHERE ${ofRow})`,
    );
  }
}

/**
 * The above, once per database (recorded with the other migrations): afterwards every publication
 * records its own, and the statement would only scan every row at each start (about 0.3 s at 100,000 items on SQLite).
 */
export async function recordEarlierPublicationsOnce(strapi: Core.Strapi, uids: readonly UID.ContentType[]) {
  const store = strapi.store(MIGRATIONS_STORE);
  if (await store.get({ key: MIGRATION_KEY })) return;
  await recordEarlierPublications(strapi, uids);
  await store.set({ key: MIGRATION_KEY, value: { ranAt: new Date().toISOString() } });
}

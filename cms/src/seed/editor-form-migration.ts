/**
 * Moves data from the old editor form to the new one, once, losing nothing:
 *
 *   - the three audience switches (forParentsAndCarers, forChildrenAndYoungPeople,
 *     forProfessionals) become links to the Audience entries;
 *   - the Easy Read link (easyReadUrl) joins the one Easy Read field (easyReadVersion). Where an
 *     item already had an Easy Read document with a different link, the old link is kept as an
 *     extra download named "Easy Read version (link)".
 *
 * Strapi drops a removed field's column when it syncs the schema, so the values are read just
 * before the sync (the beforeSync hook) into the core store, and written just after it
 * (bootstrap). Each database row is moved on its own, so a draft and its published version keep
 * their own values.
 */
import type { Core } from '@strapi/strapi';
import { AUDIENCES, UPDATE_TYPES, keysOf, type Audience, type UpdateUid } from '../lib/update-types';

/** Where one-off data migrations record that they ran. */
export const MIGRATIONS_STORE = { type: 'app', name: 'send-migrations' } as const;
const KEY = 'editor-form-fields';
const DOWNLOAD = 'shared.download';
const OLD_AUDIENCE_COLUMNS: Record<Audience, string> = {
  'parents-carers': 'for_parents_and_carers',
  'children-young-people': 'for_children_and_young_people',
  professionals: 'for_professionals',
};
const OLD_EASY_READ_COLUMN = 'easy_read_url';

export type CapturedRow = { id: number; audiences: Audience[] | null; easyReadUrl: string | null };
export type Captured = Partial<Record<UpdateUid, CapturedRow[]>>;

const truthy = (value: unknown) => value === true || value === 1 || value === '1' || value === 't';

/** Reads the old columns of every row, if the tables still have them. Safe to call on any database. */
export async function captureOldFields(strapi: Core.Strapi): Promise<Captured> {
  const captured: Captured = {};
  // A fresh schema builder per question: knex's builders pile up the calls made on them.
  const schema = {
    hasTable: (table: string) => strapi.db.getSchemaConnection().hasTable(table),
    hasColumn: (table: string, column: string) => strapi.db.getSchemaConnection().hasColumn(table, column),
  };
  for (const uid of Object.values(UPDATE_TYPES)) {
    const table = strapi.db.metadata.get(uid).tableName;
    if (!(await schema.hasTable(table))) continue;
    const audienceColumns = await Promise.all(
      keysOf(OLD_AUDIENCE_COLUMNS).map(async (a) => ((await schema.hasColumn(table, OLD_AUDIENCE_COLUMNS[a])) ? a : null)),
    );
    const oldAudiences = audienceColumns.filter((a): a is Audience => a !== null);
    const hasEasyRead = await schema.hasColumn(table, OLD_EASY_READ_COLUMN);
    if (!oldAudiences.length && !hasEasyRead) continue;
    const columns = ['id', ...oldAudiences.map((a) => OLD_AUDIENCE_COLUMNS[a]), ...(hasEasyRead ? [OLD_EASY_READ_COLUMN] : [])];
    const rows = await strapi.db.getConnection(table).select<Record<string, unknown>[]>(columns);
    captured[uid] = rows.map((row) => ({
      id: Number(row.id),
      audiences: oldAudiences.length ? oldAudiences.filter((a) => truthy(row[OLD_AUDIENCE_COLUMNS[a]])) : null,
      easyReadUrl: typeof row[OLD_EASY_READ_COLUMN] === 'string' && row[OLD_EASY_READ_COLUMN].trim() ? row[OLD_EASY_READ_COLUMN].trim() : null,
    }));
  }
  return captured;
}

/** beforeSync: keep the old values where bootstrap will find them. */
export async function stashOldFields(strapi: Core.Strapi) {
  const captured = await captureOldFields(strapi);
  if (Object.keys(captured).length === 0) return;
  const store = strapi.store(MIGRATIONS_STORE);
  // A stash not yet applied (a start that stopped half way) is kept: it holds the older truth.
  if (await store.get({ key: KEY })) return;
  await store.set({ key: KEY, value: captured });
  strapi.log.info('Keeping the audience switches and Easy Read links to move them into the new fields.');
}

/** The Audience entries, one per audience the public API knows; created or renamed to match. */
export async function ensureAudiences(strapi: Core.Strapi): Promise<Map<Audience, number>> {
  const query = strapi.db.query('api::audience.audience');
  const ids = new Map<Audience, number>();
  for (const value of keysOf(AUDIENCES)) {
    const name = AUDIENCES[value].label;
    const existing = (await query.findOne({ where: { value } })) as { id: number; name: string } | null;
    if (!existing) {
      const created = await strapi.documents('api::audience.audience').create({ data: { value, name } });
      ids.set(value, created.id as number);
    } else {
      if (existing.name !== name) await query.update({ where: { id: existing.id }, data: { name } });
      ids.set(value, existing.id);
    }
  }
  return ids;
}

/** Writes captured values into the new fields, row by row. */
export async function applyOldFields(strapi: Core.Strapi, captured: Captured) {
  const audienceIds = await ensureAudiences(strapi);
  let moved = 0;
  for (const uid of Object.keys(captured) as UpdateUid[]) {
    const query = strapi.db.query(uid);
    for (const row of captured[uid] ?? []) {
      const before = (await query.findOne({ where: { id: row.id }, select: ['id', 'updatedAt'] })) as { id: number; updatedAt: unknown } | null;
      if (!before) continue;
      if (row.audiences) {
        await query.update({ where: { id: row.id }, data: { audiences: row.audiences.map((a) => audienceIds.get(a)!) } });
      }
      if (row.easyReadUrl) await moveEasyReadLink(strapi, uid, row.id, row.easyReadUrl);
      // A move is not an edit: the time of the last edit stays (it tells Strapi whether a draft differs from its published version).
      await query.updateMany({ where: { id: row.id }, data: { updatedAt: before.updatedAt } });
      moved += 1;
    }
  }
  if (moved) strapi.log.info(`Moved the audiences and Easy Read links of ${moved} rows into the new fields.`);
}

const componentLink = (id: number, field: string) => ({ id, __pivot: { field, component_type: DOWNLOAD } });

async function moveEasyReadLink(strapi: Core.Strapi, uid: UpdateUid, rowId: number, url: string) {
  const query = strapi.db.query(uid);
  const components = strapi.db.query(DOWNLOAD);
  const existing = (await query.load({ id: rowId }, 'easyReadVersion', { populate: ['file'] })) as { id: number; url?: string | null; file?: unknown } | null;
  if (!existing) {
    const created = (await components.create({ data: { title: 'Easy Read version', url } })) as { id: number };
    await query.update({ where: { id: rowId }, data: { easyReadVersion: componentLink(created.id, 'easyReadVersion') } });
    return;
  }
  if (existing.url === url) return;
  if (!existing.url) {
    await components.update({ where: { id: existing.id }, data: { url } });
    return;
  }
  // Two different Easy Read links: keep the document, and the old link as a download.
  const downloads = ((await query.load({ id: rowId }, 'downloads')) ?? []) as { id: number; url?: string | null }[];
  if (downloads.some((d) => d.url === url)) return;
  const created = (await components.create({ data: { title: 'Easy Read version (link)', url } })) as { id: number };
  await query.update({ where: { id: rowId }, data: { downloads: [...downloads, created].map((d) => componentLink(d.id, 'downloads')) } });
}

/** bootstrap: the Audience entries, then any stashed values. */
export async function finishEditorFormMigration(strapi: Core.Strapi) {
  await ensureAudiences(strapi);
  const store = strapi.store(MIGRATIONS_STORE);
  const captured = (await store.get({ key: KEY })) as Captured | null;
  if (!captured) return;
  await applyOldFields(strapi, captured);
  await store.delete({ key: KEY });
}

/**
 * Database indexes for every filter and sort the public API offers, on each public type's table:
 * date (newest and oldest first, year), publication (published rows, newest first), slug (an item's
 * address) and a consultation's dates (status, closing soonest). Topics and audiences are relations:
 * their filters use the link tables, which Strapi indexes itself. Also the scheduled publish and
 * unpublish times, which the scheduler asks for every minute (scheduling/schedule.ts): without
 * them, each of its six queries read every draft row, and on SQLite, whose queries run on the
 * event loop, 100,000 items stalled every request for about 0.8 s a minute.
 *
 * The catalogue answers public reads from memory; these serve its reads of the database (each
 * change re-reads one document by id, the fallback check reads published rows in id order) and any
 * direct query on the same filters. Strapi does not declare custom indexes in content types, and
 * may drop ones it does not know while it syncs the schema, so they are made again, if missing, at
 * every start (CREATE INDEX IF NOT EXISTS, on SQLite and PostgreSQL alike).
 */
import type { Core } from '@strapi/strapi';
import { quoteIdentifier, tableOf } from '../lib/sql';
import { UPDATE_TYPES } from '../lib/update-types';

/** Attributes the public API filters or sorts on, and the scheduler's, by the content model's names; a type without one is skipped. */
const INDEXED_ATTRIBUTES = ['date', 'publishedAt', 'slug', 'opensAt', 'closesAt', 'publishAt', 'unpublishAt'];

export async function ensureIndexes(strapi: Core.Strapi) {
  for (const uid of Object.values(UPDATE_TYPES)) {
    const table = tableOf(strapi, uid);
    for (const attribute of INDEXED_ATTRIBUTES) {
      const column = table.column(attribute);
      if (!column) continue;
      // Published rows by this column, as the catalogue and the API read them.
      const columns = attribute === 'publishedAt' ? [column, 'document_id'] : [column, 'published_at'];
      const name = `${table.name}_${column}_send_idx`.slice(0, 63);
      await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS ${quoteIdentifier(name)} ON ${table.qualified} (${columns.map(quoteIdentifier).join(', ')})`);
    }
  }
}

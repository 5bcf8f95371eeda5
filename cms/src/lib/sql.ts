/** Raw SQL for the few statements Strapi's query layer cannot say, on SQLite and PostgreSQL alike. */
import type { Core, UID } from '@strapi/strapi';

/** An identifier in double quotes (both databases), any quote inside doubled. */
export const quoteIdentifier = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

type Metadata = { tableName: string; attributes: Record<string, { columnName?: string; type?: string }> };

/** A content type's table, quoted and qualified by the database schema when one is set, and its columns by attribute. */
export function tableOf(strapi: Core.Strapi, uid: UID.ContentType) {
  const { tableName, attributes } = strapi.db.metadata.get(uid) as unknown as Metadata;
  const schema = strapi.db.getSchemaName();
  return {
    name: tableName,
    qualified: schema ? `${quoteIdentifier(schema)}.${quoteIdentifier(tableName)}` : quoteIdentifier(tableName),
    /** The column of an attribute, unquoted; undefined when the type has no such attribute. */
    column: (attribute: string): string | undefined => attributes[attribute]?.columnName,
  };
}

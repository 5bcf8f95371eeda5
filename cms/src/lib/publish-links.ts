/**
 * Links restored when a topic is published. Strapi links a published item only to targets that are
 * published at that moment: unpublishing a topic deletes every published item's link to it, and an
 * item published while its topic was still a draft gets no link at all. Publishing the topic (again)
 * restores none of them (strapi#24779, #25361), so a topic hidden for a day came back naming no item,
 * and a partner's topic-filtered feed went empty until every item was published again.
 *
 * When a topic gets a new published version, each published item whose draft names the topic is
 * linked to it, as publishing the item again would do. One INSERT … SELECT per relation, whatever the
 * size of the catalogue. A topic published again in place (publish-in-place.ts) keeps its links and
 * never reaches this.
 */
import type { Core } from '@strapi/strapi';
import type { TransactionContext } from './strapi-services';

type Knex = Core.Strapi['db']['connection'];
type Column = { columnName?: string };
type JoinTable = {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
};
type Metadata = {
  tableName: string;
  attributes: Record<string, Column & { type?: string; target?: string; joinTable?: JoinTable; mappedBy?: string }>;
};

const column = (meta: Metadata, attribute: string, fallback: string) => meta.attributes[attribute]?.columnName ?? fallback;

/** Relations (owning side, through a join table) from a model with drafts to `target`. */
function relationsTo(strapi: Core.Strapi, target: string) {
  const found: { meta: Metadata; joinTable: JoinTable }[] = [];
  for (const meta of (strapi.db.metadata as unknown as Map<string, Metadata>).values()) {
    if (!meta.attributes.publishedAt) continue;
    for (const attribute of Object.values(meta.attributes))
      if (attribute.type === 'relation' && attribute.target === target && attribute.joinTable && !attribute.mappedBy)
        found.push({ meta, joinTable: attribute.joinTable });
  }
  return found;
}

/** Links each published item whose draft links to the draft of `documentId` to that document's published version. */
export async function linkPublishedItems(strapi: Core.Strapi, trx: Knex, target: string, documentId: string): Promise<void> {
  const targetMeta = strapi.db.metadata.get(target) as unknown as Metadata;
  const versions: { id: number; publishedAt: unknown; locale: string | null }[] = await trx(targetMeta.tableName)
    .where(column(targetMeta, 'documentId', 'document_id'), documentId)
    .select('id', `${column(targetMeta, 'publishedAt', 'published_at')} as publishedAt`, `${column(targetMeta, 'locale', 'locale')} as locale`);
  const relations = relationsTo(strapi, target);
  for (const published of versions.filter((row) => row.publishedAt !== null)) {
    const draft = versions.find((row) => row.publishedAt === null && row.locale === published.locale);
    if (!draft) continue;
    for (const { meta, joinTable } of relations) {
      const source = joinTable.joinColumn.name;
      const linked = joinTable.inverseJoinColumn.name;
      const orders = [joinTable.orderColumnName, joinTable.inverseOrderColumnName].filter((name): name is string => Boolean(name));
      const docId = column(meta, 'documentId', 'document_id');
      const publishedAt = column(meta, 'publishedAt', 'published_at');
      const locale = meta.attributes.locale ? column(meta, 'locale', 'locale') : null;
      const rows = trx(`${joinTable.name} as j`)
        .join(`${meta.tableName} as d`, 'd.id', `j.${source}`)
        .join(`${meta.tableName} as p`, (on) => {
          on.on(`p.${docId}`, `d.${docId}`).andOnNotNull(`p.${publishedAt}`);
          // Locales are paired as Strapi pairs them (a model without them has only nulls).
          if (locale) on.andOn((same) => same.on(`p.${locale}`, `d.${locale}`).orOn((unset) => unset.onNull(`p.${locale}`).andOnNull(`d.${locale}`)));
        })
        .where(`j.${linked}`, draft.id)
        .whereNull(`d.${publishedAt}`)
        .whereNotExists((already) => {
          already
            .from(`${joinTable.name} as e`)
            .whereRaw('?? = ??', [`e.${source}`, 'p.id'])
            .where(`e.${linked}`, published.id);
        })
        .select('p.id', trx.raw('? as ??', [published.id, linked]), ...orders.map((name) => `j.${name}`));
      await trx.into(trx.raw(`?? (${['??', '??', ...orders.map(() => '??')].join(', ')})`, [joinTable.name, source, linked, ...orders])).insert(rows);
    }
  }
}

/** Publishing any of `uids` (a first publish, or again after an unpublish) links the published items whose drafts name it. */
export function registerPublishLinks(strapi: Core.Strapi, uids: readonly string[]) {
  strapi.documents.use(async (context, next) => {
    const { documentId } = (context.params ?? {}) as { documentId?: string };
    if (context.action !== 'publish' || !uids.includes(context.uid) || !documentId) return next();
    // One transaction: Strapi's publish joins it, and nobody sees the topic published without its items.
    return strapi.db.transaction(async ({ trx }: TransactionContext) => {
      const result = await next();
      await linkPublishedItems(strapi, trx, context.uid, documentId);
      return result;
    });
  });
}

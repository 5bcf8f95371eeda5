/**
 * Publishing a topic again (a rename) in place. Strapi publishes by deleting the published row and
 * creating a new one from the draft, then re-linking every row of every join table that pointed to the
 * old one: renaming a topic that a sixth of a 100,000-item catalogue names read and rewrote some 16,000
 * join rows, 1.3–1.6 s of CPU on the instance and PostgreSQL. A topic is a few text fields, so its
 * published row can take the draft's values instead, keeping its id and every link to it.
 *
 * Only a model whose fields are all plain values (besides the admin's own created-by and updated-by)
 * is published this way, and only when it has a published version; anything else, and a first publish,
 * goes through Strapi's own path.
 */
import type { Core, Schema, UID } from '@strapi/strapi';
import type { TransactionContext } from './strapi-services';

type Attribute = { type: string; target?: string };
type Row = Record<string, unknown> & { id: number; documentId: string; updatedBy?: { id: number } | null };

/** Fields Strapi manages on every row; the rest of a plain model's fields (the editors') are copied from the draft. */
const OWN_FIELDS = new Set(['id', 'documentId', 'locale', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'localizations']);
const AUTHOR_UID = 'admin::user';

/** The fields of a model a published row takes from its draft, or null if it has anything but plain values. */
function plainFields(model: Schema.ContentType): string[] | null {
  const attributes = model.attributes as Record<string, Attribute>;
  const fields: string[] = [];
  for (const [name, attribute] of Object.entries(attributes)) {
    if (OWN_FIELDS.has(name)) {
      // The i18n plugin's link between a row's locales is the only relation Strapi adds besides the authors.
      if (attribute.type === 'relation' && name !== 'localizations' && attribute.target !== AUTHOR_UID) return null;
      continue;
    }
    if (['relation', 'component', 'dynamiczone', 'media'].includes(attribute.type)) return null;
    fields.push(name);
  }
  return fields;
}

/** Publishes the draft of `documentId` onto its published row, as Strapi's publish would leave the data; null when Strapi's own publish must run. */
export async function publishInPlace(strapi: Core.Strapi, uid: string, documentId: string): Promise<{ documentId: string; entries: Row[] } | null> {
  const model = strapi.getModel(uid as UID.ContentType);
  const fields = plainFields(model);
  if (!fields) return null;
  const rows = strapi.db.query(model.uid);
  return strapi.db.transaction(async () => {
    const versions = (await rows.findMany({ where: { documentId }, populate: ['updatedBy'] })) as Row[];
    const draft = versions.find((row) => row.publishedAt === null);
    const published = versions.filter((row) => row.publishedAt !== null);
    // Locales would each need their own pairing: only one version of each kind is handled here.
    if (!draft || published.length !== 1 || versions.length !== 2) return null;
    // Checked as Strapi checks a publish (a draft may lack what a published version needs; unique fields among the published).
    const draftValues = Object.fromEntries(fields.map((name) => [name, draft[name]]));
    const data = (await strapi.entityValidator.validateEntityUpdate(model, draftValues, { isDraft: false }, published[0])) as Record<string, unknown>;
    // As Strapi's publish: the draft's values, published now (the row's updatedAt becomes now, so the admin shows it as published, not modified).
    const entry = (await rows.update({
      where: { id: published[0].id },
      data: { ...data, updatedBy: draft.updatedBy?.id ?? null, publishedAt: new Date() },
    })) as Row;
    // Webhooks and other listeners hear of it as of any publish, once it is committed.
    await strapi.db.transaction(({ onCommit }: TransactionContext) =>
      onCommit(() => void strapi.eventHub.emit('entry.publish', { model: model.modelName, uid, entry })),
    );
    return { documentId, entries: [entry] };
  });
}

/** Topics are published in place (see above); the document service's other callers see no difference. */
export function registerPublishInPlace(strapi: Core.Strapi, uids: readonly string[]) {
  strapi.documents.use(async (context, next) => {
    if (context.action !== 'publish' || !uids.includes(context.uid)) return next();
    // The admin asks for relations to be populated (a plain model has none) and names a locale (a model not
    // translated has none); a publish narrowed by anything else is Strapi's to do.
    const { documentId, locale, ...rest } = context.params as { documentId?: string; locale?: unknown };
    const localized = (strapi.getModel(context.uid).pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized === true;
    const narrowed = Object.entries(rest).some(([key, value]) => key !== 'populate' && value !== undefined);
    if (!documentId || (localized && locale !== undefined) || narrowed) return next();
    return (await publishInPlace(strapi, context.uid, documentId)) ?? next();
  });
}

import { SYSTEM } from '../../seed/admin-labels';

/**
 * Two places where Strapi's admin shows editors a code name.
 *
 * The admin home page's "Last edited entries" and "Last published entries" name each entry by its
 * main field. A single type with no text field (the "Search abbreviations" list) has none, so
 * Strapi shows its id (a number, or the document id's random letters) which an editor cannot place;
 * a single type, one entry of its kind, is named by its content type instead.
 */
type Listed = { documentId: string; title?: unknown; kind?: string; contentTypeDisplayName?: string };
type HomepageService = { queryLastDocuments(...args: unknown[]): Promise<Listed[]> };
type Served = { body?: { data?: { contentType?: { metadatas?: Record<string, { list?: { label?: string } }> } } } };
type Plugin = {
  services: Record<string, (deps: unknown) => HomepageService>;
  controllers: Record<string, Record<string, (ctx: Served) => Promise<unknown>>>;
};

const namedForEditors = (entry: Listed): Listed =>
  entry.kind === 'singleType' && entry.contentTypeDisplayName ? { ...entry, title: entry.contentTypeDisplayName } : entry;

export default (plugin: Plugin) => {
  const createService = plugin.services.homepage;
  plugin.services.homepage = (deps) => {
    const service = createService(deps);
    const queryLastDocuments = service.queryLastDocuments.bind(service);
    // Replaced on the service itself: its other methods call it through `this`.
    service.queryLastDocuments = async (...args) => (await queryLastDocuments(...args)).map(namedForEditors);
    return service;
  };
  // Strapi serves the document id's list label as "documentId" whatever the stored view says, so the
  // list's filter menu offered editors a code name: it is given the label stored for it (seed/admin-labels.ts).
  const contentTypes = plugin.controllers['content-types'];
  const findConfiguration = contentTypes.findContentTypeConfiguration;
  contentTypes.findContentTypeConfiguration = async (ctx) => {
    const result = await findConfiguration(ctx);
    const documentId = ctx.body?.data?.contentType?.metadatas?.documentId;
    if (documentId?.list) documentId.list.label = SYSTEM.documentId[0];
    return result;
  };
  return plugin;
};

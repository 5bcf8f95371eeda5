/**
 * The admin home page's "Last edited entries" and "Last published entries" name each entry by its
 * main field. A single type with no text field (the "Search abbreviations" list) has none, so
 * Strapi shows its document id, a string of random letters an editor cannot place; it is named
 * by its content type instead.
 */
type Listed = { documentId: string; title?: unknown; kind?: string; contentTypeDisplayName?: string };
type HomepageService = { queryLastDocuments(...args: unknown[]): Promise<Listed[]> };
type Plugin = { services: Record<string, (deps: unknown) => HomepageService> };

const namedForEditors = (entry: Listed): Listed =>
  entry.kind === 'singleType' && (!entry.title || entry.title === entry.documentId) && entry.contentTypeDisplayName
    ? { ...entry, title: entry.contentTypeDisplayName }
    : entry;

export default (plugin: Plugin) => {
  const createService = plugin.services.homepage;
  plugin.services.homepage = (deps) => {
    const service = createService(deps);
    const queryLastDocuments = service.queryLastDocuments.bind(service);
    // Replaced on the service itself: its other methods call it through `this`.
    service.queryLastDocuments = async (...args) => (await queryLastDocuments(...args)).map(namedForEditors);
    return service;
  };
  return plugin;
};

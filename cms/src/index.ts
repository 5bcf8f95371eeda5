// First, so the collector is tuned before the CMS serves a request (lib/v8-tuning.ts).
import './lib/v8-tuning';
import type { Core } from '@strapi/strapi';
import { catalogueOf } from './catalogue/catalogue';
import type { Change } from './sync/change-channel';
import { registerFeeds } from './feeds';
import { registerPages } from './pages';
import { registerUpdatesApi } from './updates-api';
import { FILE_UID, TOPIC_UID, UPDATE_TYPES, WATCHED_UIDS } from './lib/update-types';
import { registerPublishInPlace } from './lib/publish-in-place';
import { registerPublishLinks } from './lib/publish-links';
import { recordEarlierPublicationsOnce, registerFirstPublished } from './lib/first-published';
import { checkConsultationDates, checkLinks } from './lib/editor-checks';
import type { TransactionContext } from './lib/strapi-services';
import { seedContent } from './seed';
import { seedAbbreviations } from './catalogue/search-abbreviations';
import { ensureIndexes } from './catalogue/indexes';
import { ensureLocalEditor } from './seed/local-editor';
import { lockDownPublicAccess } from './seed/public-access';
import { labelAdminFields } from './seed/admin-labels';
import { bootstrapEditorial, registerEditorial } from './editorial';
import { answerWhileAiIsOff } from './ai-off';
import { answerUnparsableRequests } from './security/unparsable-requests';
import { EMAIL_NOT_SET_UP, emailRefused } from './security/email';
import { NO_ADMIN_YET, signupClosed } from './middlewares/admin-signup';
import { adminServices } from './lib/strapi-services';
import { isProduction } from '../config/secrets';

const WRITE_ACTIONS = new Set<string>(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

/** The document a write concerned: named in its parameters, or (a creation or a clone) in its result. */
function changedDocumentId(params: unknown, result: unknown): string | null {
  const named = (value: unknown) =>
    value && typeof value === 'object' && 'documentId' in value && typeof value.documentId === 'string' ? value.documentId : null;
  const inResult = result && typeof result === 'object' && 'entries' in result && Array.isArray(result.entries) ? named(result.entries[0]) : named(result);
  return inResult ?? named(params);
}

/** Applies a write to the catalogue and announces it; inside a caller's transaction, once it commits (others, and this catalogue's reads, see it only then). */
async function publicChange(strapi: Core.Strapi, change: Change) {
  if (strapi.db.inTransaction()) await strapi.db.transaction(({ onCommit }: TransactionContext) => onCommit(() => void catalogueOf(strapi).changed(change)));
  else await catalogueOf(strapi).changed(change);
}

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(async (context, next) => {
      if (!WATCHED_UIDS.includes(context.uid)) return next();
      if (context.action === 'create' || context.action === 'update') {
        checkLinks(context.params?.data);
        if (context.uid === 'api::consultation.consultation') await checkConsultationDates(strapi, context);
      }
      const result = await next();
      // Every write that can change what the public sees is applied to the catalogue here and announced to other instances.
      if (WRITE_ACTIONS.has(context.action)) await publicChange(strapi, { uid: context.uid, documentId: changedDocumentId(context.params, result) });
      return result;
    });
    // Inside the one above, so an item's first publication is recorded before the catalogue reads it.
    registerFirstPublished(strapi, Object.values(UPDATE_TYPES));
    // Inside the one above, so a topic published in place is applied to the catalogue like any publish.
    registerPublishInPlace(strapi, [TOPIC_UID]);
    // Inside publishing in place: only a topic given a new published version needs its items linked again.
    registerPublishLinks(strapi, [TOPIC_UID]);
    registerEditorial(strapi);
    answerWhileAiIsOff(strapi);
    registerUpdatesApi(strapi);
    const pages = registerPages(strapi);
    registerFeeds(strapi, { inBrowser: pages.feedInBrowser });
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    answerUnparsableRequests(strapi.server.httpServer);
    if (emailRefused(process.env, isProduction())) strapi.log.warn(EMAIL_NOT_SET_UP);
    if (signupClosed(process.env, isProduction()) && !(await adminServices(strapi).users.exists())) strapi.log.warn(NO_ADMIN_YET);
    await lockDownPublicAccess(strapi);
    await bootstrapEditorial(strapi);
    await labelAdminFields(strapi);
    await recordEarlierPublicationsOnce(strapi, Object.values(UPDATE_TYPES));
    await seedContent(strapi);
    await seedAbbreviations(strapi);
    await ensureLocalEditor(strapi);
    await ensureIndexes(strapi);
    // The media library writes files past the document service: a replaced or deleted file changes the items offering it.
    const fileChanged = ({ result }: { result?: unknown }) => publicChange(strapi, { uid: FILE_UID, documentId: changedDocumentId(null, result) });
    strapi.db.lifecycles.subscribe({ models: [FILE_UID], afterUpdate: fileChanged, afterDelete: fileChanged });
    // The catalogue is read before the server takes requests, then follows changes made on any instance.
    await catalogueOf(strapi).get();
    catalogueOf(strapi).listen();
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await catalogueOf(strapi).close();
  },
};

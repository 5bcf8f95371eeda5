import type { Core } from '@strapi/strapi';
import { catalogueOf } from './catalogue/catalogue';
import { registerFeeds } from './feeds';
import { registerPages } from './pages';
import { WATCHED_UIDS } from './lib/update-types';
import { checkConsultationDates, checkLinks } from './lib/editor-checks';
import { seedContent } from './seed';
import { seedAbbreviations } from './catalogue/search-abbreviations';
import { ensureLocalEditor } from './seed/local-editor';
import { lockDownPublicAccess } from './seed/public-access';
import { labelAdminFields } from './seed/admin-labels';

const WRITE_ACTIONS = new Set<string>(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(async (context, next) => {
      if (!WATCHED_UIDS.includes(context.uid)) return next();
      if (context.action === 'create' || context.action === 'update') {
        await checkLinks(context.params?.data);
        if (context.uid === 'api::consultation.consultation') await checkConsultationDates(strapi, context);
      }
      const result = await next();
      // Every write that can change what the public sees drops the published catalogue.
      if (WRITE_ACTIONS.has(context.action)) catalogueOf(strapi).invalidate();
      return result;
    });
    const pages = registerPages(strapi);
    registerFeeds(strapi, { inBrowser: pages.feedInBrowser });
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await lockDownPublicAccess(strapi);
    await labelAdminFields(strapi);
    await seedContent(strapi);
    await seedAbbreviations(strapi);
    await ensureLocalEditor(strapi);
  },
};

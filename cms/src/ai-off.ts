/**
 * Strapi AI is off here (it needs an Enterprise licence with the AI feature), but Strapi's admin asks
 * about it whatever the content type: the Content Manager's document actions (list and edit views) ask
 * `GET /admin/ai-feature-config`, and the i18n plugin's edit-view header actions ask
 * `GET /i18n/ai-localization-jobs/collection-types/<uid>/<documentId>` (`…/undefined` for a new entry)
 * for a job of AI translation. While AI is off Strapi's controllers answer both with 404, which the
 * browser logs as failed loads (one for a list, three for each edit view); the admin then goes on as
 * if the answers were "nothing configured" and "no job".
 *
 * So, while AI is off, they answer that, as Strapi's own services put it: the feature configuration its
 * AI service gives when AI is off (nothing configured), and no job (`data: null`, what the job
 * controller answers for a document that has none). With AI on, Strapi's controllers answer as before.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

type Action = (ctx: Context) => Promise<unknown>;
type Controllers = { extend<T>(uid: string, extend: (controller: T) => T): unknown };
type AiController = { getAiFeatureConfig: Action };
type JobsController = { getJobForCollectionType: Action; getJobForSingleType: Action };
type AiLocalizations = { isEnabled(): Promise<boolean> };

export function answerWhileAiIsOff(strapi: Core.Strapi) {
  const controllers = strapi.get<Controllers>('controllers');

  controllers.extend<AiController>('admin::ai', (ai) => ({
    ...ai,
    async getAiFeatureConfig(ctx) {
      if (strapi.ai.admin.isEnabled()) return ai.getAiFeatureConfig(ctx);
      ctx.body = { data: await strapi.ai.admin.getAiFeatureConfig() };
    },
  }));

  const aiLocalizationsOn = () => strapi.plugin('i18n').service<AiLocalizations>('ai-localizations').isEnabled();
  controllers.extend<JobsController>('plugin::i18n.ai-localization-jobs', (jobs) => ({
    ...jobs,
    async getJobForCollectionType(ctx) {
      if (await aiLocalizationsOn()) return jobs.getJobForCollectionType(ctx);
      ctx.body = { data: null };
    },
    async getJobForSingleType(ctx) {
      if (await aiLocalizationsOn()) return jobs.getJobForSingleType(ctx);
      ctx.body = { data: null };
    },
  }));
}

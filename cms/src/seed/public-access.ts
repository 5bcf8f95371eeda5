/**
 * The public reads only through /api/updates and /feeds (routes with auth
 * disabled). If the users-permissions plugin is ever added, its Public role
 * must not gain find/findOne on the content types, which would expose drafts
 * via ?status=draft; this strips any such permission at every start.
 */
import type { Core } from '@strapi/strapi';
export async function lockDownPublicAccess(strapi: Core.Strapi) {
  if (!strapi.plugin('users-permissions')) return;
  const publicRole = (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } })) as { id: number } | null;
  if (!publicRole) return;
  const removed = await strapi.db.query('plugin::users-permissions.permission').deleteMany({
    where: { role: publicRole.id, action: { $startsWith: 'api::' } },
  });
  if (removed?.count) strapi.log.warn(`Removed ${removed.count} public content permissions: the public reads through /api/updates only.`);
}

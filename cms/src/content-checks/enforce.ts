/** The content checks on the server: errors stop a publish, with every reason in one message. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UPDATE_TYPES, type UpdateType, type UpdateUid } from '../lib/update-types';
import { checkItem, errorsIn, type CheckedItem, type Finding } from './checks';

const typeOf = (uid: UpdateUid): UpdateType => (Object.keys(UPDATE_TYPES) as UpdateType[]).find((type) => UPDATE_TYPES[type] === uid)!;

/** The checks on a document's draft (the version a publish makes public). */
export async function checkDraft(strapi: Core.Strapi, uid: UpdateUid, documentId: string, now = new Date()): Promise<Finding[]> {
  const draft = await strapi.documents(uid).findOne({ documentId, status: 'draft' });
  if (!draft) return [];
  return checkItem({ ...(draft as Omit<CheckedItem, 'type'>), type: typeOf(uid) }, now);
}

/** Throws a validation error the admin shows, listing every error, when the draft cannot be published. */
export async function refuseUnpublishable(strapi: Core.Strapi, uid: UpdateUid, documentId: string) {
  const problems = errorsIn(await checkDraft(strapi, uid, documentId));
  if (!problems.length) return;
  const message = `This item cannot be published yet. ${problems.map((p) => p.message).join(' ')}`;
  throw new errors.ValidationError(message, { errors: problems.map((p) => ({ path: [p.field], message: p.message, name: 'ValidationError' })) });
}

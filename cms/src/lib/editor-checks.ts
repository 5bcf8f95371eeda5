/** Checks on what editors save, with messages they can act on (shown in the admin). */
import { errors } from '@strapi/utils';

const SAFE_SCHEMES = /^(https?:|mailto:|tel:|\/)/i;
const LINK_FIELDS = ['respondUrl', 'easyReadUrl', 'outcomeUrl'];

function checkUrl(label: string, value: unknown) {
  if (value === null || value === undefined || value === '') return;
  if (typeof value !== 'string' || !SAFE_SCHEMES.test(value.trim())) {
    throw new errors.ValidationError(`${label} must be a web address starting with https:// (or mailto:, tel: or /). "${String(value).slice(0, 60)}" is not allowed.`);
  }
}

/** Only web, email and phone links (or site-relative paths) may be saved. */
export async function checkLinks(_uid: string, data: any) {
  if (!data || typeof data !== 'object') return;
  for (const field of LINK_FIELDS) checkUrl(`The "${field}" link`, data[field]);
  const downloads = [...(Array.isArray(data.downloads) ? data.downloads : []), data.easyReadVersion].filter(Boolean);
  for (const download of downloads) checkUrl(`The link of the download "${download.title ?? ''}"`, download.url);
}

const londonFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });

/** A consultation must close after it opens. Partial updates are checked against the saved draft. */
export async function checkConsultationDates(strapi: any, context: any) {
  const data = context.params?.data;
  if (!data || (data.opensAt === undefined && data.closesAt === undefined)) return;
  let { opensAt, closesAt } = data;
  if ((opensAt === undefined || closesAt === undefined) && context.params.documentId) {
    const saved = await strapi.documents(context.uid).findOne({ documentId: context.params.documentId, status: 'draft', fields: ['opensAt', 'closesAt'] });
    opensAt = opensAt === undefined ? saved?.opensAt : opensAt;
    closesAt = closesAt === undefined ? saved?.closesAt : closesAt;
  }
  if (!opensAt || !closesAt) return;
  const opens = new Date(opensAt);
  const closes = new Date(closesAt);
  if (Number.isNaN(opens.getTime()) || Number.isNaN(closes.getTime())) return; // Strapi's own validation reports bad dates
  if (closes <= opens) {
    throw new errors.ValidationError(
      `The closing date (${londonFormat.format(closes)}) must be after the opening date (${londonFormat.format(opens)}). Please check "Closes at".`,
      { errors: [{ path: ['closesAt'], message: 'Must be after the opening date', name: 'ValidationError' }] }
    );
  }
}

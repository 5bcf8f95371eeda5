/** Checks on what editors save, with messages they can act on (shown in the admin). */
import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type Fields = Record<string, unknown>;
const isFields = (value: unknown): value is Fields => Boolean(value) && typeof value === 'object';

/** A create or update of a consultation, as the document service middleware sees it. */
export type ConsultationWrite = Extract<Modules.Documents.Middleware.Context, { uid: 'api::consultation.consultation'; action: 'create' | 'update' }>;

const SAFE_SCHEMES = /^(https?:|mailto:|tel:|\/)/i;
const LINK_FIELDS = ['respondUrl', 'easyReadUrl', 'outcomeUrl'];

function checkUrl(label: string, value: unknown) {
  if (value === null || value === undefined || value === '') return;
  if (typeof value !== 'string' || !SAFE_SCHEMES.test(value.trim())) {
    throw new errors.ValidationError(`${label} must be a web address starting with https:// (or mailto:, tel: or /). "${String(value).slice(0, 60)}" is not allowed.`);
  }
}

/** Only web, email and phone links (or site-relative paths) may be saved. */
export async function checkLinks(data: unknown) {
  if (!isFields(data)) return;
  for (const field of LINK_FIELDS) checkUrl(`The "${field}" link`, data[field]);
  const downloads = [...(Array.isArray(data.downloads) ? data.downloads : []), data.easyReadVersion].filter(isFields);
  for (const download of downloads) checkUrl(`The link of the download "${download.title ?? ''}"`, download.url);
}

const londonFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });

/** A consultation must close after it opens. Partial updates are checked against the saved draft. */
export async function checkConsultationDates(strapi: Core.Strapi, context: ConsultationWrite) {
  const data = context.params?.data;
  if (!data || (data.opensAt === undefined && data.closesAt === undefined)) return;
  let opensAt: string | number | Date | null | undefined = data.opensAt;
  let closesAt: string | number | Date | null | undefined = data.closesAt;
  const documentId = 'documentId' in context.params ? context.params.documentId : undefined;
  if ((opensAt === undefined || closesAt === undefined) && documentId) {
    const saved = await strapi.documents(context.uid).findOne({ documentId, status: 'draft', fields: ['opensAt', 'closesAt'] });
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

/** Checks on what editors save, with messages they can act on (shown in the admin). */
import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ALLOWED_FORMS, urlProblem, type UrlUse } from './safe-url';

type Fields = Record<string, unknown>;
const isFields = (value: unknown): value is Fields => Boolean(value) && typeof value === 'object';

/** A create or update of a consultation, as the document service middleware sees it. */
export type ConsultationWrite = Extract<Modules.Documents.Middleware.Context, { uid: 'api::consultation.consultation'; action: 'create' | 'update' }>;

type UrlField = { field: string; use: UrlUse; label: string };

/** Every URL field an editor fills in, with what it may hold (lib/safe-url.ts). */
export const URL_FIELDS: readonly UrlField[] = [
  { field: 'respondUrl', use: 'link', label: 'The "Respond" link' },
  { field: 'outcomeUrl', use: 'address', label: 'The outcome link' },
];
/** Rich text fields, whose links and images are checked one by one. */
export const RICH_TEXT_FIELDS = ['body', 'outcome'] as const;

type Problem = { path: (string | number)[]; message: string };

/** A saved value as an editor's message quotes it: text as typed, anything else as JSON (not "[object Object]"). */
const quoted = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function check(problems: Problem[], path: (string | number)[], label: string, value: unknown, use: UrlUse) {
  if (value === null || value === undefined || value === '') return;
  const problem = typeof value === 'string' ? urlProblem(value, use) : 'is not text';
  if (problem) problems.push({ path, message: `${label} must be ${ALLOWED_FORMS[use]}. "${quoted(value).slice(0, 80)}" ${problem}.` });
}

/** Links and images anywhere in a blocks document (lists nest). */
function checkBlocks(problems: Problem[], field: string, nodes: unknown, where: string) {
  if (!Array.isArray(nodes)) return;
  for (const node of nodes.filter(isFields)) {
    if (node.type === 'link') {
      const words = Array.isArray(node.children) ? node.children.map((c: unknown) => (isFields(c) && typeof c.text === 'string' ? c.text : '')).join('') : '';
      check(problems, [field], `The link "${words.slice(0, 40)}" in ${where}`, node.url, 'link');
    } else if (node.type === 'image') {
      check(problems, [field], `An image in ${where}`, isFields(node.image) ? node.image.url : undefined, 'image');
    }
    checkBlocks(problems, field, node.children, where);
  }
}

/**
 * Every URL an editor saves (links, respond, easy read and outcome addresses, downloads, links and
 * images in rich text) must be safe (lib/safe-url.ts); the first problem is the message, each one
 * marks its field in the admin.
 */
export function checkLinks(data: unknown) {
  if (!isFields(data)) return;
  const problems: Problem[] = [];
  for (const { field, use, label } of URL_FIELDS) check(problems, [field], label, data[field], use);
  const downloadLabel = (download: Fields) => `The link of the download "${quoted(download.title ?? '').slice(0, 60)}"`;
  (Array.isArray(data.downloads) ? data.downloads : []).forEach((download: unknown, i) => {
    if (isFields(download)) check(problems, ['downloads', i, 'url'], downloadLabel(download), download.url, 'address');
  });
  if (isFields(data.easyReadVersion)) check(problems, ['easyReadVersion', 'url'], downloadLabel(data.easyReadVersion), data.easyReadVersion.url, 'address');
  for (const field of RICH_TEXT_FIELDS) checkBlocks(problems, field, data[field], field === 'body' ? 'the body text' : 'the outcome');
  if (problems.length) {
    throw new errors.ValidationError(problems[0].message, { errors: problems.map((p) => ({ ...p, name: 'ValidationError' })) });
  }
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
      { errors: [{ path: ['closesAt'], message: 'Must be after the opening date', name: 'ValidationError' }] },
    );
  }
}

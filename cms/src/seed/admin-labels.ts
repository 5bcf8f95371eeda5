/**
 * Plain-English labels and hints for editors in the Strapi admin. Strapi
 * labels fields with their API names by default ("forParentsAndCarers");
 * this replaces only labels still at that default, so an admin's own
 * changes in "Configure the view" are kept.
 */
import type { Core } from '@strapi/strapi';
const COMMON: Record<string, [label: string, description?: string]> = {
  title: ['Title'],
  slug: ['Web address name (slug)', 'Made from the title. Changing it breaks links people have shared.'],
  summary: ['Summary', 'One or two plain sentences, at most 300 characters. Shown in feeds, lists and partner websites.'],
  date: ['Date shown to readers', 'Usually today. For older news, the date it was first published.'],
  body: ['Main text'],
  topics: ['Topics'],
  forParentsAndCarers: ['For parents and carers'],
  forChildrenAndYoungPeople: ['For children and young people'],
  forProfessionals: ['For professionals'],
  downloads: ['Downloads', 'Upload a file, or give a link. Give the format (PDF, DOCX…) if it is a link.'],
  easyReadUrl: ['Easy Read version (link)', 'A web address starting with https://'],
};

const BY_TYPE: Record<string, Record<string, [string, string?]>> = {
  'api::consultation.consultation': {
    opensAt: ['Opens at', 'UK time. Readers see "Opens …" until then.'],
    closesAt: ['Closes at', 'UK time, after the opening time. Readers see a countdown to this moment.'],
    respondUrl: ['How to respond (link)', 'Where people give their views: a survey or email address (mailto:).'],
    easyReadVersion: ['Easy Read version (file or link)'],
    outcome: ['Outcome: what you said and what we did', 'Publish this after the consultation closes.'],
    outcomeDate: ['Outcome published on'],
    outcomeUrl: ['Outcome report (link)', 'Optional: a full report elsewhere.'],
  },
  'api::staffing-update.staffing-update': {
    service: ['Service', 'For example: Educational Psychology, SEND casework.'],
    whatChanges: ['What changes', 'In plain words, what families and professionals will notice, e.g. "New assessments are allocated up to 8 weeks later."'],
    fromName: ['From (name)', 'Who the update or letter is from.'],
    fromRole: ['From (role)'],
    effectiveFrom: ['Takes effect on'],
  },
  'api::topic.topic': { name: ['Name'], slug: ['Web address name (slug)'] },
};

/** Strapi's own first four columns for these types: the id and the first three fields. */
const STRAPI_DEFAULT_LIST = ['id', 'title', 'slug', 'summary'];
const LIST_COLUMNS: Record<string, string[]> = {
  'api::article.article': ['title', 'date', 'slug'],
  'api::consultation.consultation': ['title', 'date', 'closesAt'],
  'api::staffing-update.staffing-update': ['title', 'date', 'service'],
};

export async function labelAdminFields(strapi: Core.Strapi) {
  const contentTypes = strapi.plugin('content-manager')?.service('content-types');
  if (!contentTypes) return;
  for (const uid of ['api::article.article', 'api::consultation.consultation', 'api::staffing-update.staffing-update', 'api::topic.topic']) {
    const contentType = contentTypes.findContentType(uid);
    if (!contentType) continue;
    const configuration = await contentTypes.findConfiguration(contentType);
    const labels = uid === 'api::topic.topic' ? BY_TYPE[uid] : { ...COMMON, ...BY_TYPE[uid] };
    let changed = false;
    for (const [field, [label, description]] of Object.entries(labels)) {
      const edit = configuration.metadatas?.[field]?.edit;
      if (!edit || edit.label !== field) continue;
      edit.label = label;
      if (description && !edit.description) edit.description = description;
      const list = configuration.metadatas[field].list;
      if (list && list.label === field) list.label = label;
      changed = true;
    }
    if (configuration.settings?.mainField === 'id') {
      configuration.settings.mainField = uid === 'api::topic.topic' ? 'name' : 'title';
      changed = true;
    }
    // Lists newest first, with the reader-facing date, unless an admin has arranged the list already.
    const listColumns = LIST_COLUMNS[uid];
    if (listColumns && JSON.stringify(configuration.layouts?.list) === JSON.stringify(STRAPI_DEFAULT_LIST)) {
      configuration.layouts.list = listColumns;
      configuration.settings.defaultSortBy = 'date';
      configuration.settings.defaultSortOrder = 'DESC';
      changed = true;
    }
    if (changed) {
      const { uid: _uid, ...rest } = configuration;
      await contentTypes.updateConfiguration(contentType, rest);
    }
  }
}

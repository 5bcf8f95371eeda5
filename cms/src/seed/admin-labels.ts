/**
 * The editor's form in the Strapi admin: a plain-English label and a help text for every field
 * and component field, fields in the order that matters (a consultation's dates and respond link
 * near the top), and lists that show the reader-facing date and what is scheduled.
 *
 * Strapi keeps this "view configuration" in its store and lets an admin change it ("Configure the
 * view"). It is written here when LAYOUT_VERSION is newer than the one the database last got, so
 * a later change by an admin stays until this file changes the form again.
 */
import type { Core, UID } from '@strapi/strapi';
import { contentManager, type ViewConfiguration } from '../lib/strapi-services';

/** Raise when the labels or layouts below change, to write them again over the stored ones. */
const LAYOUT_VERSION = 7;
const STORE = { type: 'app', name: 'send-admin-form' } as const;

type Label = [label: string, description: string];
type Row = [field: string, size: number][];

const COMMON: Record<string, Label> = {
  title: ['Title', 'A short, plain heading, as readers will see it. Avoid abbreviations they may not know.'],
  slug: [
    'Web address name',
    'The end of the item\u2019s web address. Leave empty to make it from the title. Once published it stays, unless you change it here: the old address then forwards to the new one.',
  ],
  summary: [
    'Summary',
    'One or two plain sentences, at most 300 characters; the first 200 show in feed readers and email updates. Shown in lists, feeds and partner websites.',
  ],
  date: ['Date shown to readers', 'Usually today. For older news, the date it was first published.'],
  body: [
    'Main text',
    'Use headings for sections and lists for steps. Link words must say where the link goes (not "click here"). Images need a text description (alt text).',
  ],
  topics: ['Topics', 'What it is about. Readers filter by topic on partner websites and in feeds.'],
  audiences: ['Who it is for', 'Pick everyone it is for: parents and carers, children and young people, professionals.'],
  downloads: ['Downloads', 'Documents readers can download: upload a file, or give a link.'],
  easyReadVersion: ['Easy Read version', 'An Easy Read document: upload the file, or give a link to it. Leave empty if there is none.'],
  publishAt: ['Publish at (UK time)', 'Optional. Save the draft with a time here and it is published then, automatically. Leave empty to publish yourself.'],
  unpublishAt: ['Unpublish at (UK time)', 'Optional. The item is taken down from the website and feeds at this time. Must be after "Publish at".'],
};

/** Fields Strapi adds to every type: shown in lists (and "Configure the view"), never typed in. */
export const SYSTEM: Record<string, Label> = {
  id: ['Number', 'Strapi\u2019s number for this entry.'],
  documentId: ['Document id', 'Strapi\u2019s permanent id for this entry.'],
  createdAt: ['Created', 'When this entry was first saved.'],
  updatedAt: ['Last changed', 'When this entry was last saved.'],
  publishedAt: ['Published', 'When this version was published.'],
  createdBy: ['Created by', 'Who first saved this entry.'],
  updatedBy: ['Last changed by', 'Who last saved this entry.'],
};

const BY_TYPE: Partial<Record<UID.ContentType, Record<string, Label>>> = {
  'api::consultation.consultation': {
    opensAt: ['Opens at (UK time)', 'When people can start to respond. Readers see "Opens \u2026" until then.'],
    closesAt: ['Closes at (UK time)', 'The last moment to respond, after the opening time. Readers see a countdown to it.'],
    respondUrl: ['How to respond (link)', 'Where people give their views: a survey, or an email address (mailto:).'],
    outcome: ['Outcome: what you said and what we did', 'After it closes, tell people what they said and what changed. Due within 12 weeks of closing.'],
    outcomeDate: ['Outcome published on', 'The date you published the outcome.'],
    outcomeUrl: ['Outcome report (link)', 'Optional: the full report, if it is published elsewhere.'],
  },
  'api::staffing-update.staffing-update': {
    service: ['Service', 'For example: Educational Psychology, SEND casework.'],
    whatChanges: ['What changes', 'In plain words, what families and professionals will notice, e.g. "New assessments are allocated up to 8 weeks later."'],
    fromName: ['From (name)', 'Who the update or letter is from.'],
    fromRole: ['From (role)', 'Their job title, e.g. "Director for Education".'],
    effectiveFrom: ['Takes effect on', 'The date the change starts.'],
  },
  'api::topic.topic': {
    name: ['Name', 'As readers see it in filters, e.g. "Short breaks".'],
    slug: ['Web address name', 'Used in filtered feed and page addresses. Changing it breaks links people have shared.'],
  },
  'api::audience.audience': {
    name: ['Name', 'As readers see it in filters, e.g. "Parents and carers".'],
    value: ['Code', 'Used in filtered feed and page addresses. Fixed: partner websites use it.'],
  },
  'api::search-abbreviation.search-abbreviation': {
    abbreviations: ['Abbreviations', 'Each abbreviation readers may type, and what it stands for.'],
  },
};

const COMPONENTS: Record<string, Record<string, Label>> = {
  'shared.download': {
    title: ['Name shown to readers', 'What the document is, e.g. "Improvement plan 2024".'],
    file: ['File', 'Upload the document (PDF, Word, Excel, an image\u2026). Or give a link instead.'],
    url: ['Or a link', 'A web address starting with https://, when the document is on another website.'],
    format: ['Format', 'For a link: PDF, DOCX, XLSX\u2026 Filled in for you for an uploaded file.'],
    sizeBytes: ['Size in bytes', 'For a link, if known. Filled in for you for an uploaded file.'],
  },
  'search.abbreviation': {
    abbreviation: ['Abbreviation', 'As readers may type it, e.g. EHCP.'],
    meanings: ['What it stands for', 'Each full form on its own line, e.g. "education, health and care plan".'],
  },
};

const SCHEDULE: Row = [
  ['publishAt', 6],
  ['unpublishAt', 6],
];
const EDIT_LAYOUTS: Partial<Record<UID.ContentType, Row[]>> = {
  'api::consultation.consultation': [
    [['title', 12]],
    [
      ['opensAt', 6],
      ['closesAt', 6],
    ],
    [['respondUrl', 12]],
    [['summary', 12]],
    [
      ['date', 6],
      ['slug', 6],
    ],
    [
      ['audiences', 6],
      ['topics', 6],
    ],
    [['easyReadVersion', 12]],
    [['body', 12]],
    [['downloads', 12]],
    [['outcome', 12]],
    [
      ['outcomeDate', 6],
      ['outcomeUrl', 6],
    ],
    SCHEDULE,
  ],
  'api::article.article': [
    [['title', 12]],
    [['summary', 12]],
    [
      ['date', 6],
      ['slug', 6],
    ],
    [
      ['audiences', 6],
      ['topics', 6],
    ],
    [['body', 12]],
    [['easyReadVersion', 12]],
    [['downloads', 12]],
    SCHEDULE,
  ],
  'api::staffing-update.staffing-update': [
    [['title', 12]],
    [
      ['service', 6],
      ['effectiveFrom', 6],
    ],
    [['whatChanges', 12]],
    [['summary', 12]],
    [
      ['fromName', 6],
      ['fromRole', 6],
    ],
    [
      ['date', 6],
      ['slug', 6],
    ],
    [
      ['audiences', 6],
      ['topics', 6],
    ],
    [['body', 12]],
    [['easyReadVersion', 12]],
    [['downloads', 12]],
    SCHEDULE,
  ],
};
const COMPONENT_LAYOUTS: Record<string, Row[]> = {
  'shared.download': [
    [['title', 12]],
    [
      ['file', 6],
      ['url', 6],
    ],
    [
      ['format', 6],
      ['sizeBytes', 6],
    ],
  ],
};

// One schedule column (its cells say what will happen, and when: src/admin/list-columns.tsx), so that Strapi's
// status column still fits beside it on a 1366 px screen.
const LIST_COLUMNS: Partial<Record<UID.ContentType, string[]>> = {
  'api::article.article': ['title', 'date', 'publishAt'],
  'api::consultation.consultation': ['title', 'date', 'closesAt', 'publishAt'],
  'api::staffing-update.staffing-update': ['title', 'date', 'service', 'publishAt'],
  'api::topic.topic': ['name', 'slug', 'updatedAt'],
  'api::audience.audience': ['name', 'value'],
};
/** Column headings that differ from the field's label. */
const LIST_LABELS: Record<string, string> = { date: 'Date', closesAt: 'Closes (UK time)', publishAt: 'Scheduled (UK time)' };
const MAIN_FIELDS: Partial<Record<UID.ContentType, string>> = {
  'api::topic.topic': 'name',
  'api::audience.audience': 'name',
  // A list with no text of its own: its edit view was headed by its document id. With 'id', Strapi heads a single type with its name.
  'api::search-abbreviation.search-abbreviation': 'id',
};
const ITEM_TYPES = ['api::article.article', 'api::consultation.consultation', 'api::staffing-update.staffing-update'] as const;

/** Writes labels, help texts and the layout into one stored view configuration. */
function apply(configuration: ViewConfiguration, labels: Record<string, Label>, edit: Row[] | undefined, list: string[] | undefined) {
  for (const [field, [label, description]] of Object.entries(labels)) {
    const metadata = configuration.metadatas[field];
    if (!metadata) continue;
    if (metadata.edit) Object.assign(metadata.edit, { label, description });
    if (metadata.list) metadata.list.label = LIST_LABELS[field] ?? label;
  }
  if (edit) {
    // Fields this layout does not name (a field added later) stay, after the named ones.
    const named = new Set(edit.flat().map(([field]) => field));
    const rest = (configuration.layouts.edit ?? [])
      .flat()
      .filter((field) => !named.has(field.name))
      .map((field) => [field]);
    configuration.layouts.edit = [
      ...edit.map((row) => row.filter(([field]) => configuration.metadatas[field]).map(([name, size]) => ({ name, size }))),
      ...rest,
    ].filter((row) => row.length > 0);
  }
  if (list) configuration.layouts.list = list.filter((field) => configuration.metadatas[field]);
}

export async function labelAdminFields(strapi: Core.Strapi) {
  const store = strapi.store(STORE);
  if (((await store.get({ key: 'version' })) as number | null) === LAYOUT_VERSION) return;
  const { contentTypes, components } = contentManager(strapi) ?? {};
  if (!contentTypes || !components) return;

  for (const uid of [...ITEM_TYPES, 'api::topic.topic', 'api::search-abbreviation.search-abbreviation', 'api::audience.audience'] as UID.ContentType[]) {
    const contentType = contentTypes.findContentType(uid);
    if (!contentType) continue;
    const configuration = await contentTypes.findConfiguration(contentType);
    const isItem = (ITEM_TYPES as readonly string[]).includes(uid);
    apply(configuration, { ...SYSTEM, ...(isItem ? COMMON : {}), ...BY_TYPE[uid] }, EDIT_LAYOUTS[uid], LIST_COLUMNS[uid]);
    configuration.settings.mainField = MAIN_FIELDS[uid] ?? (configuration.metadatas.title ? 'title' : configuration.settings.mainField);
    if (isItem) Object.assign(configuration.settings, { defaultSortBy: 'date', defaultSortOrder: 'DESC' });
    const { uid: _uid, ...rest } = configuration;
    await contentTypes.updateConfiguration(contentType, rest);
  }
  for (const [uid, labels] of Object.entries(COMPONENTS)) {
    const component = components.findComponent(uid);
    if (!component) continue;
    const configuration = await components.findConfiguration(component);
    apply(configuration, labels, COMPONENT_LAYOUTS[uid], undefined);
    const { uid: _uid, category: _category, ...rest } = configuration as ViewConfiguration & { category?: string };
    await components.updateConfiguration(component, rest);
  }
  await store.set({ key: 'version', value: LAYOUT_VERSION });
}

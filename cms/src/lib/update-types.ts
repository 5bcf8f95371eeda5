/** The three kinds of published item and the audiences, as the contract names them, tied to the content model. */
import type { UID } from '@strapi/strapi';
import type { Audience, UpdateType } from '../../../contract/api';

export type { Audience, UpdateType };

/** The content type behind each public type. */
export const UPDATE_TYPES = {
  article: 'api::article.article',
  consultation: 'api::consultation.consultation',
  'staffing-update': 'api::staffing-update.staffing-update',
} as const satisfies Record<UpdateType, UID.ContentType>;

export type UpdateUid = (typeof UPDATE_TYPES)[UpdateType];

export const TYPE_LABELS: Record<UpdateType, string> = {
  article: 'News',
  consultation: 'Consultation',
  'staffing-update': 'Service update',
};

/** Each audience's label. Editors pick them by these names (the Audience entries, seeded from here). */
export const AUDIENCES = {
  'parents-carers': { label: 'Parents and carers' },
  'children-young-people': { label: 'Children and young people' },
  professionals: { label: 'Professionals' },
} as const satisfies Record<Audience, { label: string }>;

/** Every uid whose changes alter what the public sees. */
/** Uploads: the media library writes them past the document service (index.ts follows them by database lifecycle). */
export const FILE_UID = 'plugin::upload.file';
export const TOPIC_UID = 'api::topic.topic';

export const WATCHED_UIDS: readonly UID.ContentType[] = [
  ...Object.values(UPDATE_TYPES),
  TOPIC_UID,
  FILE_UID,
  // Search reads the editors' abbreviations (catalogue/search-abbreviations.ts).
  'api::search-abbreviation.search-abbreviation',
];

export const isUpdateType = (value: string): value is UpdateType => Object.hasOwn(UPDATE_TYPES, value);
export const isAudience = (value: string): value is Audience => Object.hasOwn(AUDIENCES, value);

/** Object.keys, typed for records whose keys are exactly the given union. */
export const keysOf = <K extends string>(record: Record<K, unknown>) => Object.keys(record) as K[];

/** The three kinds of published item, as they appear in public URLs. */
export const UPDATE_TYPES = {
  article: 'api::article.article',
  consultation: 'api::consultation.consultation',
  'staffing-update': 'api::staffing-update.staffing-update',
} as const;

export type UpdateType = keyof typeof UPDATE_TYPES;
export type UpdateUid = (typeof UPDATE_TYPES)[UpdateType];

export const TYPE_LABELS: Record<UpdateType, string> = {
  article: 'News',
  consultation: 'Consultation',
  'staffing-update': 'Service update',
};

export const AUDIENCES = {
  'parents-carers': { field: 'forParentsAndCarers', label: 'Parents and carers' },
  'children-young-people': { field: 'forChildrenAndYoungPeople', label: 'Children and young people' },
  professionals: { field: 'forProfessionals', label: 'Professionals' },
} as const;

export type Audience = keyof typeof AUDIENCES;

/** Every uid whose changes alter what the public sees. */
export const WATCHED_UIDS: string[] = [...Object.values(UPDATE_TYPES), 'api::topic.topic', 'plugin::upload.file'];

export const isUpdateType = (value: string): value is UpdateType => Object.hasOwn(UPDATE_TYPES, value);
export const isAudience = (value: string): value is Audience => Object.hasOwn(AUDIENCES, value);

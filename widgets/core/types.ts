/** Shapes of the public SEND updates API (see docs-api.md). */

export type UpdateType = 'article' | 'consultation' | 'staffing-update';
export type ConsultationStatus = 'upcoming' | 'open' | 'closed';

export interface Topic {
  name: string;
  slug: string;
}

export interface FileLink {
  title: string;
  url: string;
  format?: string | null;
  sizeBytes?: number | null;
}

export interface UpdateSummary {
  type: UpdateType;
  id: string;
  slug: string;
  title: string;
  summary?: string | null;
  date: string;
  topics?: Topic[];
  audiences?: string[];
  easyReadUrl?: string | null;
  url?: string;
  publishedAt?: string;
  updatedAt?: string;
  opensAt?: string | null;
  closesAt?: string | null;
  status?: ConsultationStatus | null;
  respondUrl?: string | null;
  outcomeDate?: string | null;
  outcomeUrl?: string | null;
  hasOutcome?: boolean;
  calendarUrl?: string | null;
  service?: string | null;
  from?: { name: string; role?: string | null } | null;
  effectiveFrom?: string | null;
}

export interface UpdateDetail extends UpdateSummary {
  body?: Block[] | null;
  downloads?: FileLink[] | null;
  easyReadVersion?: FileLink | null;
  outcome?: Block[] | null;
}

export interface Facet<V = string> {
  value: V;
  label?: string;
  count: number;
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export interface ListResponse {
  data: UpdateSummary[];
  meta: {
    pagination: Pagination;
    facets?: {
      types?: Facet[];
      topics?: Facet[];
      audiences?: Facet[];
      years?: Facet<number>[];
    };
  };
}

export interface ItemResponse {
  data: UpdateDetail;
}

/* Strapi "blocks" rich text. */

export interface TextNode {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
}

export interface LinkNode {
  type: 'link';
  url: string;
  children: TextNode[];
}

export type InlineNode = TextNode | LinkNode;

export interface ListItemBlock {
  type: 'list-item';
  children: InlineNode[];
}

export interface ListBlock {
  type: 'list';
  format: 'ordered' | 'unordered';
  children: Array<ListItemBlock | ListBlock>;
}

export type Block =
  | { type: 'paragraph'; children: InlineNode[] }
  | { type: 'heading'; level: number; children: InlineNode[] }
  | { type: 'quote'; children: InlineNode[] }
  | { type: 'code'; children: InlineNode[]; language?: string }
  | {
      type: 'image';
      image: { url: string; alternativeText?: string | null; width?: number; height?: number; caption?: string | null };
      children?: InlineNode[];
    }
  | ListBlock;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isSummary(value: unknown): value is UpdateSummary {
  return (
    isRecord(value) &&
    typeof value.type === 'string' &&
    typeof value.slug === 'string' &&
    typeof value.title === 'string' &&
    typeof value.date === 'string'
  );
}

/** Rejects anything that is not a list response, so a proxy's HTML page or a changed API shows the error state. */
export function isListResponse(value: unknown): value is ListResponse {
  if (!isRecord(value) || !Array.isArray(value.data) || !isRecord(value.meta)) return false;
  const pagination = value.meta.pagination;
  return (
    value.data.every(isSummary) &&
    isRecord(pagination) &&
    typeof pagination.page === 'number' &&
    typeof pagination.pageCount === 'number' &&
    typeof pagination.total === 'number'
  );
}

/** One update where only its summary fields are used (the countdown). */
export const isSummaryResponse = (value: unknown): value is { data: UpdateSummary } => isRecord(value) && isSummary(value.data);

export function isItemResponse(value: unknown): value is ItemResponse {
  if (!isSummaryResponse(value)) return false;
  const { body, downloads } = value.data as UpdateDetail;
  return (body == null || Array.isArray(body)) && (downloads == null || Array.isArray(downloads));
}

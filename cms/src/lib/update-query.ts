/**
 * Reads and checks the public query parameters shared by /api/updates and the
 * feeds. Anything malformed becomes a QueryError with a message a partner
 * developer can act on (sent as 400), never an exception deeper down.
 */
import type { ConsultationStatus, FacetCounts, Sort, UpdatesQuery } from '../../../contract/api';
import { AUDIENCES, UPDATE_TYPES, isAudience, isUpdateType, keysOf, type Audience, type UpdateType } from './update-types';

export type { Sort };

export class QueryError extends Error {
  constructor(
    public readonly parameter: keyof UpdatesQuery,
    message: string,
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 10;
/** Items in a feed: `limit`, so a feed's size stays bounded however many items are published. */
export const DEFAULT_FEED_LIMIT = 50;
export const MAX_FEED_LIMIT = 200;
const MAX_Q_LENGTH = 200;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Records, so the compiler checks every value of the contract is here.
export const CONSULTATION_STATUSES = keysOf<ConsultationStatus>({ upcoming: true, open: true, closed: true });
const SORTS = keysOf<Sort>({ newest: true, oldest: true, closing: true });
const FACET_COUNTS = keysOf<FacetCounts>({ all: true, matching: true });

/** Every parameter the API and feeds read (the compiler checks the contract's are all here); the response cache keys on these alone. */
export const QUERY_PARAMETERS = keysOf<keyof UpdatesQuery>({
  type: true,
  topic: true,
  audience: true,
  q: true,
  year: true,
  status: true,
  limit: true,
  sort: true,
  page: true,
  pageSize: true,
  facets: true,
});

export type UpdateFilters = {
  types: UpdateType[];
  topics: string[];
  audiences: Audience[];
  q: string;
  year: number | null;
  status: ConsultationStatus[];
};

/** No filter at all: every published item. */
export const NO_FILTERS: UpdateFilters = { types: [], topics: [], audiences: [], q: '', year: null, status: [] };

export type UpdateQuery = UpdateFilters & { page: number; pageSize: number; sort: Sort; facets: FacetCounts };

type Raw = Record<string, unknown>;
type Parameter = keyof UpdatesQuery;

/** A parameter given once, several times, or comma-separated, as a list of strings. */
function listOf(raw: Raw, name: Parameter): string[] {
  const value = raw[name];
  if (value === undefined || value === null || value === '') return [];
  const parts = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const part of parts) {
    if (typeof part !== 'string') throw new QueryError(name, `"${name}" must be text, for example ?${name}=value (given more than one way or nested).`);
    for (const piece of part.split(',')) if (piece.trim() !== '') out.push(piece.trim());
  }
  if (out.length > 20) throw new QueryError(name, `"${name}" accepts at most 20 values.`);
  return [...new Set(out)];
}

function oneOf(raw: Raw, name: Parameter): string | null {
  const value = raw[name];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new QueryError(name, `"${name}" must be given once, as text.`);
  return value.trim();
}

function positiveInt(raw: Raw, name: Parameter, fallback: number, max: number): number {
  const value = oneOf(raw, name);
  if (value === null) return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) {
    throw new QueryError(name, `"${name}" must be a whole number from 1${Number.isFinite(max) ? ` to ${max}` : ''}; got "${value.slice(0, 40)}".`);
  }
  const n = Number(value);
  if (n > max) throw new QueryError(name, `"${name}" must be at most ${max}; got ${n}.`);
  return n;
}

export function parseFilters(raw: Raw): UpdateFilters {
  const types = listOf(raw, 'type');
  for (const t of types) {
    if (!isUpdateType(t)) throw new QueryError('type', `Unknown type "${t.slice(0, 40)}". Use ${Object.keys(UPDATE_TYPES).join(', ')}.`);
  }
  const audiences = listOf(raw, 'audience');
  for (const a of audiences) {
    if (!isAudience(a)) throw new QueryError('audience', `Unknown audience "${a.slice(0, 40)}". Use ${Object.keys(AUDIENCES).join(', ')}.`);
  }
  const topics = listOf(raw, 'topic');
  for (const t of topics) {
    if (!SLUG.test(t) || t.length > 80) throw new QueryError('topic', `"topic" must be a topic slug such as "inspections"; got "${t.slice(0, 40)}".`);
  }
  const q = oneOf(raw, 'q') ?? '';
  if (q.length > MAX_Q_LENGTH) throw new QueryError('q', `"q" must be at most ${MAX_Q_LENGTH} characters.`);
  // A %-escape that is not UTF-8 decodes to U+FFFD, which no item holds: say so rather than find nothing.
  if (q.includes('\uFFFD'))
    throw new QueryError('q', '"q" holds a character that is not valid text (a %-escape that is not UTF-8). Search for words as you would type them.');
  const yearText = oneOf(raw, 'year');
  let year: number | null = null;
  if (yearText !== null) {
    if (!/^\d{4}$/.test(yearText)) throw new QueryError('year', `"year" must be a four-digit year such as 2022; got "${yearText.slice(0, 40)}".`);
    year = Number(yearText);
  }
  const status = listOf(raw, 'status');
  for (const s of status) {
    if (!(CONSULTATION_STATUSES as string[]).includes(s)) {
      throw new QueryError('status', `"status" filters consultations: use ${CONSULTATION_STATUSES.join(', ')}. Only published items are ever public.`);
    }
  }
  return {
    types: types as UpdateType[],
    topics,
    audiences: audiences as Audience[],
    q,
    year,
    status: status as ConsultationStatus[],
  };
}

/** How many items a feed holds. */
export const parseFeedLimit = (raw: Raw): number => positiveInt(raw, 'limit', DEFAULT_FEED_LIMIT, MAX_FEED_LIMIT);

export function parseUpdateQuery(raw: Raw): UpdateQuery {
  const filters = parseFilters(raw);
  const sort = (oneOf(raw, 'sort') ?? 'newest') as Sort;
  if (!SORTS.includes(sort)) throw new QueryError('sort', `"sort" must be one of ${SORTS.join(', ')}.`);
  const facets = (oneOf(raw, 'facets') ?? 'all') as FacetCounts;
  if (!FACET_COUNTS.includes(facets)) throw new QueryError('facets', `"facets" must be one of ${FACET_COUNTS.join(', ')}.`);
  return {
    ...filters,
    sort,
    facets,
    page: positiveInt(raw, 'page', 1, 100_000),
    pageSize: positiveInt(raw, 'pageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
  };
}

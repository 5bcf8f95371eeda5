/**
 * Shapes of the public SEND updates API: the contract (contract/api.d.ts), which the CMS builds its
 * responses from. Only the run-time checks live here: a widget must never trust what arrives.
 */
import type { ItemResponse, ListResponse, UpdateDetail, UpdateSummary } from '../../contract/api.js';

export type * from '../../contract/api.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The objects in `value` if it is a list, else none: from a broken API a list may be anything, and so may its entries. */
export const objectsIn = <T>(value: readonly T[] | null | undefined): T[] =>
  Array.isArray(value) ? value.filter((entry: unknown): entry is T => typeof entry === 'object' && entry !== null) : [];

function isSummary(value: unknown): value is UpdateSummary {
  return (
    isRecord(value) && typeof value.type === 'string' && typeof value.slug === 'string' && typeof value.title === 'string' && typeof value.date === 'string'
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

/**
 * Last good response per URL in localStorage, so a widget can still show
 * something (marked as possibly out of date) while the CMS is down.
 * Storage may be disabled, full or blocked: every access is guarded.
 */
const PREFIX = 'send-widgets:v1:';

export interface CachedResponse<T> {
  savedAt: number;
  data: T;
}

export function readCache<T>(url: string, validate: (value: unknown) => value is T): CachedResponse<T> | null {
  try {
    // A missing entry parses as null; any other non-object has no savedAt.
    const { savedAt, data } = (JSON.parse(localStorage.getItem(PREFIX + url) ?? 'null') ?? {}) as { savedAt?: unknown; data?: unknown };
    return typeof savedAt === 'number' && validate(data) ? { savedAt, data } : null;
  } catch {
    return null;
  }
}

export function writeCache(url: string, data: unknown, savedAt: number): void {
  try {
    localStorage.setItem(PREFIX + url, JSON.stringify({ savedAt, data }));
  } catch {
    // Storage unavailable or full: caching is a nicety, never a failure.
  }
}

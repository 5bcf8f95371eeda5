/** One small JSON client: abort, timeout, shape validation and typed failures. */

export type FailureKind = 'timeout' | 'network' | 'http' | 'not-found' | 'invalid';

export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

export class RequestFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'RequestFailure';
  }
}

export interface FetchJsonOptions<T> {
  validate: (value: unknown) => value is T;
  timeoutMs: number;
  /** Aborting this signal (a newer request superseded this one) rejects with an AbortError. */
  signal: AbortSignal;
  fetcher?: Fetcher;
}

/** Resolves with validated JSON or rejects with a RequestFailure (or AbortError when superseded). */
export async function fetchJson<T>(url: string, options: FetchJsonOptions<T>): Promise<T> {
  const { validate, timeoutMs, signal, fetcher = (input, init) => fetch(input, init) } = options;
  const controller = new AbortController();
  let timedOut = false;
  const abortFromOutside = () => controller.abort();
  signal.addEventListener('abort', abortFromOutside, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);

  try {
    let response: Response;
    try {
      response = await fetcher(url, {
        signal: controller.signal,
        headers: { Accept: 'application/json' },
        credentials: 'omit',
      });
    } catch (error) {
      if (signal.aborted) throw error;
      if (timedOut) throw new RequestFailure('timeout', `No answer within ${timeoutMs} ms`);
      throw new RequestFailure('network', error instanceof Error ? error.message : 'Network error');
    }
    if (!response.ok) {
      const kind = response.status === 404 ? 'not-found' : 'http';
      throw new RequestFailure(kind, `HTTP ${response.status}`, response.status);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      if (signal.aborted) throw error;
      if (timedOut) throw new RequestFailure('timeout', `No answer within ${timeoutMs} ms`);
      throw new RequestFailure('invalid', 'The response was not JSON');
    }
    if (!validate(body)) throw new RequestFailure('invalid', 'The response had an unexpected shape');
    return body;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abortFromOutside);
  }
}

export const isAbortError = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'AbortError';

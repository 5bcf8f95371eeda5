import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readCache, writeCache } from './cache.js';
import { fetchJson, isAbortError, RequestFailure, type Fetcher } from './fetch-client.js';

export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading'; url: string }
  | { status: 'loaded'; url: string; data: T; stale?: { since: number; failure: RequestFailure } }
  | { status: 'error'; url: string; failure: RequestFailure };

export interface LoaderHost extends ReactiveControllerHost {
  readonly fetcher?: Fetcher;
  readonly timeout: number;
}

/**
 * Loads JSON for a host element. Only the latest request may render: starting
 * a new load aborts the previous one, and a superseded result is dropped.
 */
export class JsonLoader<T> implements ReactiveController {
  state: LoadState<T> = { status: 'idle' };
  private inFlight?: AbortController;

  constructor(
    private readonly host: LoaderHost,
    private readonly validate: (value: unknown) => value is T,
    private readonly options: { cache: boolean },
  ) {
    host.addController(this);
  }

  get url(): string | undefined {
    return this.state.status === 'idle' ? undefined : this.state.url;
  }

  /** Resolves with the settled state, or null if a newer load superseded this one. */
  async load(url: string): Promise<LoadState<T> | null> {
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    this.setState({ status: 'loading', url });
    try {
      const data = await fetchJson(url, {
        validate: this.validate,
        timeoutMs: this.host.timeout > 0 ? this.host.timeout : 8000,
        signal: controller.signal,
        fetcher: this.host.fetcher,
      });
      if (controller.signal.aborted) return null;
      if (this.options.cache) writeCache(url, data, Date.now());
      return this.setState({ status: 'loaded', url, data });
    } catch (error) {
      if (controller.signal.aborted || isAbortError(error)) return null;
      const failure =
        error instanceof RequestFailure ? error : new RequestFailure('network', String(error));
      const cached = this.options.cache && failure.kind !== 'not-found' ? readCache(url, this.validate) : null;
      return this.setState(
        cached
          ? { status: 'loaded', url, data: cached.data, stale: { since: cached.savedAt, failure } }
          : { status: 'error', url, failure },
      );
    } finally {
      if (this.inFlight === controller) this.inFlight = undefined;
    }
  }

  hostDisconnected(): void {
    // A request still in flight for a removed element would never render.
    if (this.inFlight) {
      this.inFlight.abort();
      this.state = { status: 'idle' };
    }
  }

  private setState(state: LoadState<T>): LoadState<T> {
    this.state = state;
    this.host.requestUpdate();
    return state;
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readCache, writeCache } from './cache.js';

/**
 * Why a widget shows its error state: no answer in time, no connection, an HTTP error, no such item,
 * a response of the wrong shape, or the widget's own code could not load or run (a removed chunk,
 * a Trusted Types policy that does not allow `lit-html`).
 */
export type FailureKind = 'timeout' | 'network' | 'http' | 'not-found' | 'invalid' | 'script';

/** Why a load failed: the `send-error` event's detail. */
export interface Failure {
  kind: FailureKind;
  message: string;
}

export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading'; url: string }
  | { status: 'loaded'; url: string; data: T; stale?: { since: number; failure: Failure } }
  | { status: 'error'; url: string; failure: Failure };

export interface LoaderHost extends ReactiveControllerHost {
  readonly fetcher?: Fetcher;
  readonly timeout: number;
}

/**
 * Loads JSON for a host element, with a timeout and shape validation. Only the latest request
 * may render: starting a new load aborts the previous one, and a superseded result is dropped.
 * When the CMS cannot answer, the last good response (from localStorage) is shown as stale.
 */
export class JsonLoader<T> implements ReactiveController {
  state: LoadState<T> = { status: 'idle' };
  #inFlight?: AbortController;
  #interrupted = false;
  readonly #host: LoaderHost;
  readonly #validate: (value: unknown) => value is T;

  constructor(host: LoaderHost, validate: (value: unknown) => value is T) {
    this.#host = host;
    this.#validate = validate;
    host.addController(this);
  }

  /** The URL loading or loaded; undefined when idle (never loaded, or aborted on disconnect), so any URL differs. */
  get url(): string | undefined {
    return this.state.status === 'idle' ? undefined : this.state.url;
  }

  /** Resolves with the settled state, or null if a newer load (or disconnection) superseded this one. */
  async load(url: string): Promise<LoadState<T> | null> {
    this.#inFlight?.abort();
    const controller = new AbortController();
    this.#inFlight = controller;
    this.#setState({ status: 'loading', url });
    const timeoutMs = this.#host.timeout > 0 ? this.#host.timeout : 8000;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    // What a failure at the current step means.
    let failure: Failure = { kind: 'network', message: 'Network error' };
    try {
      const response = await (this.#host.fetcher ?? fetch)(url, {
        signal: controller.signal,
        headers: { Accept: 'application/json' },
        credentials: 'omit',
      });
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- only leaves for the catch, which reads `failure`; an Error would add bytes to every bundle
      if (!response.ok) throw (failure = { kind: response.status === 404 ? 'not-found' : 'http', message: `HTTP ${response.status}` });
      failure = { kind: 'invalid', message: 'The response was not JSON' };
      // Without `toString` and `valueOf` keys: an object whose own one is no function throws wherever it is written as text.
      const data: unknown = JSON.parse(await response.text(), (key, value: unknown) => (key === 'toString' || key === 'valueOf' ? undefined : value));
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- as above: the catch reads `failure`
      if (!this.#validate(data)) throw (failure = { kind: 'invalid', message: 'The response had an unexpected shape' });
      if (controller.signal.aborted && !timedOut) return null;
      writeCache(url, data, Date.now());
      return this.#setState({ status: 'loaded', url, data });
    } catch (error) {
      if (controller.signal.aborted && !timedOut) return null;
      if (timedOut) failure = { kind: 'timeout', message: `No answer within ${timeoutMs} ms` };
      else if (failure.kind === 'network' && error instanceof Error) failure.message = error.message;
      const cached = failure.kind !== 'not-found' ? readCache(url, this.#validate) : null;
      return this.#setState(
        cached ? { status: 'loaded', url, data: cached.data, stale: { since: cached.savedAt, failure } } : { status: 'error', url, failure },
      );
    } finally {
      clearTimeout(timer);
      if (this.#inFlight === controller) this.#inFlight = undefined;
    }
  }

  hostConnected(): void {
    // Moved in the page while loading: the request was dropped on the way, so ask again.
    if (this.#interrupted) this.#host.requestUpdate();
    this.#interrupted = false;
  }

  hostDisconnected(): void {
    // A request still in flight for a removed element would never render.
    if (this.#inFlight) {
      this.#inFlight.abort();
      this.#interrupted = true;
      this.state = { status: 'idle' };
    }
  }

  #setState(state: LoadState<T>): LoadState<T> {
    this.state = state;
    this.#host.requestUpdate();
    return state;
  }
}

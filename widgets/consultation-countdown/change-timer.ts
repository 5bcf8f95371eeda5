import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** setTimeout's largest delay; longer waits are split. */
const MAX_TIMER_DELAY = 2_147_483_647;

/**
 * Re-renders its host at the next instant its text changes: one timer, nothing ticking every second,
 * and none while the page is hidden or the host is out of the page (it catches up when either returns).
 */
export class ChangeTimer implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #clock: () => number;
  #timer?: ReturnType<typeof setTimeout>;
  #connected = false;

  constructor(host: ReactiveControllerHost, clock: () => number) {
    this.#host = host;
    this.#clock = clock;
    host.addController(this);
  }

  /** Re-render at `at` (ms since 1970), replacing any earlier request; `null` cancels. */
  schedule(at: number | null): void {
    this.#stop();
    if (at === null || !Number.isFinite(at) || !this.#connected || document.hidden) return;
    this.#timer = setTimeout(() => this.#host.requestUpdate(), Math.min(MAX_TIMER_DELAY, Math.max(0, at - this.#clock())));
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
    this.#host.requestUpdate(); // back in the page: the text may be out of date
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    this.#stop();
  }

  readonly #onVisibilityChange = () => {
    if (document.hidden) this.#stop();
    else this.#host.requestUpdate();
  };

  #stop(): void {
    clearTimeout(this.#timer); // a spent timer's id is never reused, so clearing it twice is harmless
  }
}

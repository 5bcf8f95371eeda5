import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * How far outside the viewport a widget counts as near: its request goes out this far ahead of the
 * reader, so it has usually loaded (and grown to its size, moving nothing the reader sees) before it scrolls in.
 */
export const NEAR_VIEWPORT_MARGIN = '1000px 0px';

export interface NearViewportHost extends ReactiveControllerHost, Element {
  /** `eager` loads at once; `lazy` (default) waits until the widget is near the viewport. */
  readonly loading: 'lazy' | 'eager';
}

/**
 * Whether the host may fetch yet: once it has come near the viewport (IntersectionObserver, which every
 * browser the widgets support has), or at once with `loading="eager"`. A widget far below the fold, or
 * inside something hidden, costs the page no request until then. Stays true once reached.
 */
export class NearViewport implements ReactiveController {
  readonly #host: NearViewportHost;
  #reached = false;
  #observer?: IntersectionObserver;

  constructor(host: NearViewportHost) {
    this.#host = host;
    host.addController(this);
  }

  get near(): boolean {
    return this.#reached || this.#host.loading === 'eager';
  }

  hostConnected(): void {
    if (this.near) return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.#reached = true;
        this.hostDisconnected();
        this.#host.requestUpdate();
      },
      { rootMargin: NEAR_VIEWPORT_MARGIN },
    );
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }
}

import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Moves focus inside the host's shadow root after a render: at once, or as soon as the target is
 * rendered (results may still be loading). Restoring a scroll position goes with it, so returning to a
 * result puts the reader where they were.
 */
export class FocusAfterRender implements ReactiveController {
  readonly #host: ReactiveElement;
  #pending: { selector: string; scrollY?: number } | null = null;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  /** Focus the first element matching `selector` once it is rendered; then scroll to `scrollY` if given. */
  request(selector: string, scrollY?: number): void {
    this.#pending = { selector, scrollY };
    this.#host.requestUpdate();
  }

  cancel(): void {
    this.#pending = null;
  }

  hostUpdated(): void {
    const pending = this.#pending;
    const target = pending && this.#host.renderRoot.querySelector<HTMLElement>(pending.selector);
    if (!pending || !target) return; // nothing asked, or not rendered yet: try after the next render
    this.#pending = null;
    const restoreScroll = pending.scrollY !== undefined;
    target.focus({ preventScroll: restoreScroll });
    if (restoreScroll) window.scrollTo({ top: pending.scrollY });
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emptyView, readView, sameView, viewHref, type ArchiveView } from './url-state.js';

export interface NavigationHost extends ReactiveControllerHost {
  /** Prefix of the archive's query parameters. */
  readonly urlPrefix: string;
}

/**
 * The archive's view, kept in the page's URL (under its prefix) so links, refresh and the Back
 * button restore it: read when the host connects and on back/forward, recorded in history on
 * every move. `onChange` hears each change (with the view before it) before the host renders it.
 */
export class ArchiveNavigation implements ReactiveController {
  view: ArchiveView = emptyView;
  readonly #host: NavigationHost;
  readonly #onChange: (next: ArchiveView, previous: ArchiveView) => void;

  constructor(host: NavigationHost, onChange: (next: ArchiveView, previous: ArchiveView) => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.#onPopState);
    this.view = this.#fromUrl();
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.#onPopState);
  }

  /** The page URL showing this view: for links that also work in a new tab. */
  href(changes: Partial<ArchiveView>): string {
    return viewHref({ ...this.view, ...changes }, this.#host.urlPrefix);
  }

  /** Moves to a new view and records it in history. */
  go(next: ArchiveView): void {
    if (sameView(next, this.view)) return;
    const openingItem = !!next.item && !this.view.item;
    history.pushState(openingItem ? { sendArchiveOpenedItem: this.#host.urlPrefix } : history.state, '', viewHref(next, this.#host.urlPrefix));
    this.#show(next);
  }

  /** Back from the reading view: through history when this archive opened the item, so this link and the Back button agree. */
  back(): void {
    if ((history.state as { sendArchiveOpenedItem?: string } | null)?.sendArchiveOpenedItem === this.#host.urlPrefix) history.back();
    else this.go({ ...this.view, item: '' });
  }

  /** Search, filters and page back to none, as on arrival. */
  clear(): void {
    this.go(emptyView);
  }

  readonly #onPopState = () => this.#show(this.#fromUrl());

  #fromUrl(): ArchiveView {
    return readView(location.search, this.#host.urlPrefix);
  }

  #show(next: ArchiveView): void {
    const previous = this.view;
    this.view = next;
    this.#onChange(next, previous);
    this.#host.requestUpdate();
  }
}

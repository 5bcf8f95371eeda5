/**
 * What a script tag runs first, before any Lit code: it loads the widgets, and when they cannot load or run
 * (a Trusted Types policy that does not allow `lit-html`, a chunk removed by a deploy, no connection), each
 * tag still shows the error message with the host's fallback link and fires `send-error` (kind `script`).
 * Nothing is thrown into the host page.
 */
import type { SendEventDetails } from '../core/events.js';
import type { coreStrings } from '../core/strings.js';
import type { PagePaths } from '../core/types.js';

/**
 * The widgets' own error strings. A copy, because this file must share no module with the widget code it loads
 * (the shared module would become a third file to fetch before first paint); the compiler holds it equal.
 */
const ERROR_STRINGS = {
  errorMessage: 'Sorry, updates cannot be shown at the moment.',
  errorFallbackLink: 'See updates on our website',
  errorIndexLink: 'See all updates on {site}',
} as const satisfies Pick<typeof coreStrings, 'errorMessage' | 'errorFallbackLink' | 'errorIndexLink'>;

export async function loadWidgets<T>(load: () => Promise<T>, tags: string[]): Promise<Partial<T>> {
  try {
    return await load();
  } catch (error) {
    const detail: SendEventDetails['send-error'] = { kind: 'script', message: String((error as Error)?.message ?? error) };
    for (const tag of tags) if (!customElements.get(tag)) customElements.define(tag, fallbackElement(detail));
    return {};
  }
}

/** The CMS's index page for readers (`PagePaths['index']`) on the `api` origin, else on this script's. */
function readerIndex(api: string | null): URL {
  const path = '/updates' satisfies PagePaths['index'];
  try {
    return new URL(path, new URL(api || import.meta.url, location.href));
  } catch {
    return new URL(path, import.meta.url);
  }
}

/** The widgets' error state in plain DOM: `<div part="error"><slot name="error"><p>message <a>link</a></p></slot></div>`. */
function fallbackElement(detail: SendEventDetails['send-error']): CustomElementConstructor {
  return class extends HTMLElement {
    connectedCallback(): void {
      if (this.shadowRoot) return; // moved in the page: already shown and reported
      let strings: Record<string, unknown> = {};
      try {
        strings = Object(JSON.parse(this.getAttribute('strings') ?? '{}')) as Record<string, unknown>;
      } catch {
        // Not JSON: the default strings.
      }
      const text = (key: keyof typeof ERROR_STRINGS) => (typeof strings[key] === 'string' ? strings[key] : ERROR_STRINGS[key]);
      const message = document.createElement('p');
      message.append(text('errorMessage'));
      const link = document.createElement('a');
      const fallbackHref = this.getAttribute('fallback-href');
      if (fallbackHref) link.href = fallbackHref;
      // Only a web, email or phone address: never a script in the host's own page.
      if (fallbackHref && /^(https?|mailto|tel):$/.test(link.protocol)) {
        link.append(text('errorFallbackLink'));
      } else {
        // The CMS's own pages for readers, which need no script (the `api` origin, else where this script came from).
        const index = readerIndex(this.getAttribute('api'));
        link.href = index.href;
        link.append(text('errorIndexLink').replace('{site}', index.host));
      }
      // The browser's own link blue is unreadable on a dark page; the page's text colour is readable on it, and the
      // underline still marks the link. Set through the CSSOM, which a CSP without 'unsafe-inline' allows.
      link.style.color = 'var(--send-link-colour,inherit)';
      message.append(' ', link);
      const slot = document.createElement('slot');
      slot.name = 'error';
      slot.append(message);
      const box = document.createElement('div');
      box.setAttribute('part', 'error');
      box.append(slot);
      this.attachShadow({ mode: 'open' }).append(box);
      this.dispatchEvent(new CustomEvent('send-error', { detail, bubbles: true, composed: true }));
    }
  };
}

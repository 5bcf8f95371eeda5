import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { SendEventDetails, SendEventName } from './events.js';
import type { Fetcher, LoadState } from './loader.js';
import { formatMessage, type Strings, type StringKey } from './strings.js';
import { formatLondonDateTime } from './dates.js';
import { heading } from './heading.js';
import type { UpdateSummary } from './types.js';

/** Where the widget script itself was loaded from: the default CMS origin, so a pasted tag needs no config. */
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

/**
 * What all SEND widgets share: CMS origin, request options, strings,
 * language, events, heading level and the loading/error/stale states.
 *
 * @cssproperty --send-font-family - Font of all widgets.
 * @cssproperty --send-font-size - Base font size.
 * @cssproperty --send-line-height - Base line height.
 * @cssproperty --send-text-colour - Body text colour.
 * @cssproperty --send-secondary-text-colour - Dates, meta lines and other secondary text.
 * @cssproperty --send-heading-font-family - Font of headings.
 * @cssproperty --send-heading-colour - Colour of headings.
 * @cssproperty --send-heading-font-size - Size of the widget heading.
 * @cssproperty --send-link-colour - Link colour.
 * @cssproperty --send-link-visited-colour - Visited link colour.
 * @cssproperty --send-link-hover-colour - Link colour on hover.
 * @cssproperty --send-focus-colour - Focus highlight colour.
 * @cssproperty --send-focus-text-colour - Text and underline colour of focused links and buttons.
 * @cssproperty --send-accent-colour - Accent colour (borders, notices, buttons).
 * @cssproperty --send-accent-text-colour - Text on the accent colour.
 * @cssproperty --send-surface-colour - Background of boxes and fields.
 * @cssproperty --send-border-colour - Border and divider colour.
 * @cssproperty --send-tag-background - Background of type and status labels.
 * @cssproperty --send-tag-text-colour - Text of type and status labels.
 * @cssproperty --send-notice-background - Background of the "may be out of date" notice.
 * @cssproperty --send-space - Base spacing unit.
 * @cssproperty --send-radius - Corner radius.
 */
export abstract class SendElement extends LitElement {
  static override properties: PropertyDeclarations = {
    api: {},
    timeout: { type: Number },
    fallbackHref: { attribute: 'fallback-href' },
    strings: { type: Object },
    heading: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    hideHeading: { type: Boolean, attribute: 'hide-heading' },
    archiveHref: { attribute: 'archive-href' },
    itemHref: { attribute: 'item-href' },
    urlPrefix: { attribute: 'url-prefix' },
    fetcher: { attribute: false },
  };

  /** CMS origin. Defaults to the origin the widget script was served from. */
  api?: string;

  /** Request timeout in milliseconds. */
  timeout = 8000;

  /** A page to offer readers when updates cannot be loaded (e.g. the council's own news page). */
  fallbackHref?: string;

  /** Partial overrides of any visible string (property, or JSON in the `strings` attribute). */
  strings: Partial<Strings> = {};

  /** Visible heading text; each widget has its own default. */
  heading?: string;

  /** Level of the widget heading (1–6) so it fits the host's outline; `0` omits it. */
  headingLevel = 2;

  /** Keep the heading for screen readers but hide it visually. */
  hideHeading = false;

  /** Link to the full archive page (shows "View all" and hosts the reading view). */
  archiveHref?: string;

  /** Template for item links, e.g. `/news/{slug}` or `/{type}/{slug}`. */
  itemHref?: string;

  /** Prefix of the archive's query parameters (must match the archive's `url-prefix`). */
  urlPrefix = 'send-';

  /** Replaces `fetch`, e.g. to serve fixtures in the demo gallery or tests. */
  fetcher?: Fetcher;

  protected abstract readonly defaultHeadingKey: StringKey;
  /** This widget's default strings: the shared ones plus its own. */
  protected abstract readonly defaults: Partial<Strings>;

  /** The CMS origin in use. */
  get apiOrigin(): string {
    try {
      return new URL(this.api || SCRIPT_ORIGIN, location.href).origin;
    } catch {
      return SCRIPT_ORIGIN;
    }
  }

  /**
   * Language for dates and plurals: the element's own `lang`, its closest `[lang]` ancestor,
   * the page's, else en-GB. A language the browser has no data for (Chrome lacks Welsh)
   * falls back to en-GB rather than the browser's default (often en-US).
   */
  get locale(): string {
    const declared = this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
    try {
      // No language: none supported; an empty one throws.
      return Intl.DateTimeFormat.supportedLocalesOf(declared)[0] ?? 'en-GB';
    } catch {
      return 'en-GB';
    }
  }

  /** Level of headings one below the widget heading. */
  protected get childHeadingLevel(): number {
    return Math.max(1, this.headingLevel) + 1; // heading() keeps it within h6
  }

  protected t(key: StringKey, values?: Record<string, string | number>): string {
    return formatMessage(this.strings?.[key] ?? this.defaults[key] ?? key, this.locale, values);
  }

  protected emit<K extends SendEventName>(name: K, detail: SendEventDetails[K]): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /** Announce a settled load to the host page through events. */
  protected reportLoad(state: LoadState<unknown> | null, count: number, total: number): void {
    if (!state) return;
    // An error, or data from the cache because of one: `send-error` first.
    const failure = state.status === 'error' ? state.failure : state.status === 'loaded' ? state.stale?.failure : undefined;
    if (failure) this.emit('send-error', { ...failure });
    if (state.status === 'loaded') this.emit('send-loaded', { count, total, stale: !!state.stale });
  }

  /** Where an item's title links to: the host's template, else the archive's reading view, else nowhere. */
  protected itemLink(item: Pick<UpdateSummary, 'type' | 'slug' | 'id'>): string | undefined {
    if (this.itemHref) {
      return this.itemHref.replace(/\{(slug|type|id)\}/g, (_, name: 'slug' | 'type' | 'id') =>
        encodeURIComponent(item[name] ?? ''),
      );
    }
    if (!this.archiveHref) return undefined;
    try {
      const url = new URL(this.archiveHref, location.href);
      url.searchParams.set(`${this.urlPrefix}item`, `${item.type}/${item.slug}`);
      return url.href;
    } catch {
      return undefined;
    }
  }

  protected renderWidgetHeading(content: unknown): TemplateResult | typeof nothing {
    if (this.headingLevel === 0) return nothing;
    return heading(this.headingLevel, content, `widget-heading${this.hideHeading ? ' visually-hidden' : ''}`, 'heading');
  }

  protected renderLoading(key: StringKey = 'loading'): TemplateResult {
    return html`<p class="loading" part="loading">${this.t(key)}</p>`;
  }

  protected renderError(): TemplateResult {
    return html`<div part="error">
      <slot name="error">
        <p>
          ${this.t('errorMessage')}
          ${this.fallbackHref
            ? html`<a href=${this.fallbackHref}>${this.t('errorFallbackLink')}</a>`
            : nothing}
        </p>
      </slot>
    </div>`;
  }

  protected renderEmpty(key: StringKey = 'emptyMessage'): TemplateResult {
    return html`<div part="empty"><slot name="empty"><p>${this.t(key)}</p></slot></div>`;
  }

  /** Loading, error, or the data (below a "may be out of date" notice when it came from the cache). */
  protected renderLoadState<T>(state: LoadState<T>, renderData: (data: T) => unknown): unknown {
    if (state.status === 'error') return this.renderError();
    if (state.status !== 'loaded') return this.renderLoading();
    return html`${this.renderStaleNotice(state)}${renderData(state.data)}`;
  }

  protected renderStaleNotice(state: LoadState<unknown>): TemplateResult | typeof nothing {
    if (state.status !== 'loaded' || !state.stale) return nothing;
    return html`<p class="notice" part="notice">
      ${this.t('staleNotice', { datetime: formatLondonDateTime(state.stale.since, this.locale) })}
    </p>`;
  }
}

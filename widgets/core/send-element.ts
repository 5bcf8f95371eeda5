import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { SendEventDetails, SendEventName } from './events.js';
import type { Fetcher, LoadState } from './loader.js';
import { formatMessage, isMessage, type CoreKey, type Message } from './strings.js';
import { formatLondonDateTime } from './dates.js';
import { heading } from './heading.js';
import { NearViewport } from './near-viewport.js';
import type { UpdateSummary } from './types.js';
import { INDEX_PATH, safeHref } from './urls.js';

/** Where the widget script itself was loaded from: the default CMS origin, so a pasted tag needs no config. */
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

const HEADINGS = 'h1,h2,h3,h4,h5,h6,[role=heading][aria-level]';

/** Level of the last heading before `element` in its page (or shadow root); 1 when there is none. */
function precedingHeadingLevel(element: Element): number {
  let level = 1;
  for (const candidate of (element.getRootNode() as ParentNode).querySelectorAll(HEADINGS)) {
    if (!(candidate.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    level = Number(candidate.getAttribute('aria-level') ?? candidate.localName.slice(1)) || level;
  }
  return level;
}

/**
 * What all SEND widgets share: CMS origin, request options, strings,
 * language, events, heading level and the loading/error/stale states.
 * `Key` names the strings the widget shows (its defaults).
 *
 * @cssproperty --send-font-family - Font of all widgets.
 * @cssproperty --send-font-size - Base font size, which every size in the widget follows (default: the page's root font size, at least 16px).
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
 * @cssproperty --send-open-background - Background of an open consultation's state label.
 * @cssproperty --send-open-text-colour - Text of an open consultation's state label.
 * @cssproperty --send-upcoming-background - Background of an upcoming consultation's state label.
 * @cssproperty --send-upcoming-text-colour - Text of an upcoming consultation's state label.
 * @cssproperty --send-closed-background - Background of a closed consultation's state label (and of "Dates to be confirmed").
 * @cssproperty --send-closed-text-colour - Text of a closed consultation's state label.
 * @cssproperty --send-outcome-background - Background of the "Outcome published" label.
 * @cssproperty --send-outcome-text-colour - Text of the "Outcome published" label.
 * @cssproperty --send-notice-background - Background of the "may be out of date" notice.
 * @cssproperty --send-space - Base spacing unit (default: the page's root font size, at least 16px).
 * @cssproperty --send-radius - Corner radius.
 */
export abstract class SendElement<Key extends string = CoreKey> extends LitElement {
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
    loading: {},
    theme: { reflect: true },
    fetcher: { attribute: false },
  };

  /** CMS origin. Defaults to the origin the widget script was served from. */
  declare api?: string;

  /** Request timeout in milliseconds. */
  declare timeout: number;

  /** A page to offer readers when updates cannot be loaded (e.g. the council's own news page). */
  declare fallbackHref?: string;

  /** Partial overrides of any visible string (property, or JSON in the `strings` attribute). */
  declare strings: Partial<Record<Key | CoreKey, Message>>;

  /** Visible heading text; each widget has its own default. */
  declare heading?: string;

  /** Level of the widget heading (1–6) so it fits the host's outline; `0` omits it (levels then follow the host's own heading before the widget). */
  declare headingLevel: number;

  /** Keep the heading for screen readers but hide it visually. */
  declare hideHeading: boolean;

  /** Link to the full archive page (shows "View all" and hosts the reading view). */
  declare archiveHref?: string;

  /** Template for item links, e.g. `/news/{slug}` or `/{type}/{slug}`. */
  declare itemHref?: string;

  /** Prefix of the archive's query parameters (must match the archive's `url-prefix`). */
  declare urlPrefix: string;

  /**
   * `lazy` (default): fetch only once the widget comes within 1000 px of the viewport, so a widget far down
   * the page costs nothing until the reader scrolls near it. `eager`: fetch at once.
   */
  declare loading: 'lazy' | 'eager';

  /**
   * `light` (default): dark text for a light page. `dark`: light text and links for a page with a dark background.
   * `auto`: dark where the reader's browser prefers dark colours, for a page that follows that preference itself.
   * The `--send-*` colour tokens override either.
   */
  declare theme?: 'light' | 'dark' | 'auto';

  /** Replaces `fetch`, e.g. to serve fixtures in the demo gallery or tests. */
  declare fetcher?: Fetcher;

  constructor() {
    super();
    this.timeout = 8000;
    this.strings = {};
    this.headingLevel = 2;
    this.hideHeading = false;
    this.urlPrefix = 'send-';
    this.loading = 'lazy';
  }

  readonly #nearViewport = new NearViewport(this);

  /** Whether the widget may fetch yet (see `loading`). */
  protected get mayLoad(): boolean {
    return this.#nearViewport.near;
  }

  /**
   * Stand-ins for what is loading, drawn with the widget's own templates and CSS but never shown (hidden from
   * sight, assistive technology and focus): the loading state takes the space the content will, at any width.
   */
  protected renderPlaceholder(): unknown {
    return nothing;
  }

  /** The CMS's page for readers showing what this widget shows: the error state's link when the host gives no `fallback-href`. */
  protected get readerPageHref(): string {
    return this.apiOrigin + INDEX_PATH;
  }

  /** This widget's default strings. */
  protected abstract defaults: Partial<Record<Key | CoreKey, Message>>;

  /** The CMS origin in use: `api`'s when it is a web address, else where the script came from. */
  get apiOrigin(): string {
    try {
      const { protocol, origin } = new URL(this.api || SCRIPT_ORIGIN, location.href);
      if (/^https?:$/.test(protocol)) return origin;
    } catch {
      // not an address at all
    }
    return SCRIPT_ORIGIN;
  }

  /**
   * Language for dates and plurals: the element's own `lang`, its closest `[lang]` ancestor,
   * the page's, else en-GB. English without a region means UK English (dates as "8 July 2019").
   * A language the browser has no data for (Chrome lacks Welsh) falls back to en-GB rather
   * than the browser's default (often en-US).
   */
  get locale(): string {
    const declared = this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
    try {
      const { language, region, baseName } = new Intl.Locale(declared); // throws when empty or malformed
      return Intl.DateTimeFormat.supportedLocalesOf(language === 'en' && !region ? 'en-GB' : baseName)[0] ?? 'en-GB';
    } catch {
      return 'en-GB';
    }
  }

  /** Level of headings one below the widget heading, or below the host's heading when the widget has none. */
  protected get childHeadingLevel(): number {
    return (this.headingLevel > 0 ? this.headingLevel : precedingHeadingLevel(this)) + 1; // heading() keeps it within h6
  }

  protected t(key: Key | CoreKey, values?: Record<string, string | number>): string {
    const override: unknown = this.strings?.[key];
    return formatMessage(isMessage(override) ? override : (this.defaults[key] ?? key), this.locale, values);
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

  /**
   * Where an item's title links to: the host's template (`item-href`), else the archive's reading view
   * (`archive-href`), else the item's own page on the CMS (`pageUrl`, which works without JavaScript).
   */
  protected itemLink(item: Pick<UpdateSummary, 'type' | 'slug' | 'id' | 'pageUrl'>): string | undefined {
    if (this.itemHref) {
      // The host's addresses, too, keep to web, email and phone links: never a script in the host's own page.
      const href = this.itemHref.replace(/\{(slug|type|id)\}/g, (_, name: 'slug' | 'type' | 'id') => encodeURIComponent(item[name] ?? ''));
      return safeHref(href, location.href) ? href : undefined;
    }
    return this.archiveLink({ item: `${item.type}/${item.slug}` }) ?? safeHref(item.pageUrl, this.apiOrigin) ?? undefined;
  }

  /** The archive page (`archive-href`) showing this view of it (values under the archive's URL prefix); undefined without one. */
  protected archiveLink(view: Record<string, string>): string | undefined {
    if (!this.archiveHref) return undefined;
    try {
      const url = new URL(this.archiveHref, location.href);
      for (const [name, value] of Object.entries(view)) if (value) url.searchParams.set(this.urlPrefix + name, value);
      return safeHref(url.href, location.href) ?? undefined;
    } catch {
      return undefined;
    }
  }

  protected renderWidgetHeading(content: unknown): TemplateResult | typeof nothing {
    if (this.headingLevel === 0) return nothing;
    return heading(this.headingLevel, content, `widget-heading${this.hideHeading ? ' visually-hidden' : ''}`, 'heading');
  }

  protected renderLoading(key: Key | CoreKey = 'loading'): TemplateResult {
    return html`<div class="loading-area">
      <p class="loading" part="loading">${this.t(key)}</p>
      <div class="placeholder" .inert=${true}>${this.renderPlaceholder()}</div>
    </div>`;
  }

  /** The error message with a link: the host's `fallback-href`, else the CMS's own page for readers. */
  protected renderError(): TemplateResult {
    const fallback = safeHref(this.fallbackHref, location.href) && this.fallbackHref;
    return html`<div part="error">
      <slot name="error">
        <p>
          ${this.t('errorMessage')}
          <a href=${fallback || this.readerPageHref}
            >${fallback ? this.t('errorFallbackLink') : this.t('errorIndexLink', { site: new URL(this.apiOrigin).host })}</a
          >
        </p>
      </slot>
    </div>`;
  }

  protected renderEmpty(key: Key | CoreKey): TemplateResult {
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

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { itemTemplate, listStyles, placeholderItems } from '../core/items.js';
import { JsonLoader } from '../core/loader.js';
import { SendElement } from '../core/send-element.js';
import { hasOwnKey, type Message } from '../core/strings.js';
import { baseStyles } from '../core/styles.js';
import { isListResponse, type ListResponse, type UpdateSummary, type UpdateType } from '../core/types.js';
import { INDEX_PATH, splitList, SUBSCRIBE_PATH, withQuery, type FeedFilters, type ListParams } from '../core/urls.js';
import { newsFeedStyles } from './styles.js';
import { feedDefaults } from './strings.js';

export type NewsFeedLayout = 'list' | 'cards' | 'compact';

/** Every string the feed shows. */
export type FeedKey = keyof typeof feedDefaults;

/** Each type's heading when a feed shows it alone: the compiler checks every type of the API has one. */
const HEADING_KEYS = {
  article: 'feedHeading',
  consultation: 'feedHeadingConsultation',
  'staffing-update': 'feedHeadingStaffingUpdate',
} satisfies Record<UpdateType, FeedKey>;

/**
 * Latest SEND news, consultations and service updates for a partner page.
 *
 * @tagname send-news-feed
 * @summary A live feed of SEND updates with a "View all" link and a link to subscribe to the same updates.
 *
 * @slot empty - Shown instead of the default message when there are no updates.
 * @slot error - Shown instead of the default message (and fallback link) when updates cannot load.
 *
 * @csspart heading - The widget heading.
 * @csspart item - Each update.
 * @csspart item-link - The title link of each update.
 * @csspart tag - The type label (News, Consultation, Service update).
 * @csspart meta - The line with type label and date.
 * @csspart links - The "View all" and subscribe links (the CMS's subscribe page: feed reader, email, calendar).
 * @csspart notice - The "may be out of date" notice shown when cached updates are used.
 * @csspart loading - The loading message.
 * @csspart empty - The empty state container.
 * @csspart error - The error state container.
 *
 * The shared `--send-*` tokens (fonts, colours, spacing) are documented on SendElement.
 *
 * @cssproperty --send-news-feed-item-gap - Space between items (defaults to --send-space).
 * @cssproperty --send-news-feed-card-background - Card background in `cards` layout.
 * @cssproperty --send-news-feed-card-border-colour - Card border in `cards` layout.
 *
 * @fires send-loaded - Updates rendered; detail `{ count, total, stale }`.
 * @fires send-error - Loading failed; detail `{ message, kind }`.
 */
export class SendNewsFeed extends SendElement<FeedKey> {
  static override styles = [baseStyles, listStyles, newsFeedStyles];
  static override properties = {
    limit: { type: Number },
    type: {},
    topic: {},
    audience: {},
    layout: { reflect: true },
  };

  /** How many items to show (1–100). */
  declare limit: number;

  /** Comma-separated types: `article`, `consultation`, `staffing-update`. */
  declare type?: string;

  /** Comma-separated topic slugs. */
  declare topic?: string;

  /** Comma-separated audiences: `parents-carers`, `children-young-people`, `professionals`. */
  declare audience?: string;

  /** `list` (default), `cards` or `compact`. */
  declare layout: NewsFeedLayout;

  constructor() {
    super();
    this.limit = 5;
    this.layout = 'list';
  }

  protected readonly defaults: Partial<Record<FeedKey, Message>> = feedDefaults;

  readonly #loader = new JsonLoader<ListResponse>(this, isListResponse);

  get #filterParams() {
    return { type: splitList(this.type), topic: splitList(this.topic), audience: splitList(this.audience) } satisfies FeedFilters;
  }

  /** `limit` within what the API allows. */
  get #pageSize(): number {
    return Math.min(100, Math.max(1, Math.floor(this.limit) || 5));
  }

  get #requestUrl(): string {
    return withQuery(`${this.apiOrigin}/api/updates`, { ...this.#filterParams, pageSize: this.#pageSize } satisfies ListParams);
  }

  /** The archive page (`archive-href`) with this feed's filters, for "View all". */
  get archiveViewHref(): string | undefined {
    return this.archiveLink(Object.fromEntries(Object.entries(this.#filterParams).map(([name, values]) => [name, values.join(',')])));
  }

  /** The RSS feed with the same filters as this widget (for hosts: the widget itself links to `subscribeHref`). */
  get rssHref(): string {
    return withQuery(`${this.apiOrigin}/feeds/rss.xml`, this.#filterParams);
  }

  /** The CMS's subscribe page for these updates: feed reader, email or calendar, in words people follow. */
  get subscribeHref(): string {
    return withQuery(this.apiOrigin + SUBSCRIBE_PATH, this.#filterParams);
  }

  protected override get readerPageHref(): string {
    return withQuery(this.apiOrigin + INDEX_PATH, this.#filterParams);
  }

  protected override renderPlaceholder(): TemplateResult {
    return this.#renderItems(placeholderItems(this.#pageSize), false);
  }

  #renderItems(items: UpdateSummary[], linked = true): TemplateResult {
    return html`<ul class="items plain-list" role="list">
      ${items.map((item) =>
        itemTemplate(item, this.childHeadingLevel, {
          t: (key, values) => this.t(key, values),
          lang: this.locale,
          href: linked ? this.itemLink(item) : undefined,
          summary: this.layout !== 'compact',
        }),
      )}
    </ul>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const url = this.#requestUrl;
    if (this.mayLoad && url !== this.#loader.url) void this.#fetchItems(url);
  }

  async #fetchItems(url: string): Promise<void> {
    const state = await this.#loader.load(url);
    const data = state?.status === 'loaded' ? state.data : undefined;
    this.reportLoad(state, data?.data.length ?? 0, data?.meta.pagination.total ?? 0);
  }

  /** The default heading: one naming the type when the feed shows one type alone. */
  get #defaultHeading(): string {
    const types = this.#filterParams.type;
    return this.t(types.length === 1 && hasOwnKey(HEADING_KEYS, types[0]) ? HEADING_KEYS[types[0] as UpdateType] : 'feedHeading');
  }

  protected override render(): TemplateResult {
    return html`
      ${this.renderWidgetHeading(this.heading ?? this.#defaultHeading)}
      ${this.renderLoadState(this.#loader.state, ({ data: items }) => (items.length ? this.#renderItems(items) : this.renderEmpty('emptyMessage')))}
      <p class="links" part="links">
        ${this.archiveViewHref ? html`<a href=${this.archiveViewHref}>${this.t('viewAll')}</a>` : nothing}
        <a href=${this.subscribeHref}>${this.t('subscribe')}</a>
      </p>
    `;
  }
}

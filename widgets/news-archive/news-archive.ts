import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { formatMonthYear } from '../core/dates.js';
import { FocusAfterRender } from '../core/focus.js';
import { heading } from '../core/heading.js';
import { itemTemplate, listStyles, placeholderItems, typeLabel, typeTag, type ItemContext } from '../core/items.js';
import { JsonLoader } from '../core/loader.js';
import { SendElement } from '../core/send-element.js';
import type { Message } from '../core/strings.js';
import { baseStyles } from '../core/styles.js';
import {
  isItemResponse,
  isListResponse,
  objectsIn,
  type Facet,
  type Facets,
  type ItemResponse,
  type ListResponse,
  type UpdateSummary,
  type UpdateType,
  type YearFacet,
} from '../core/types.js';
import { INDEX_PATH, itemPagePath, splitList, SUBSCRIBE_PATH, withQuery, type FeedFilters, type ListParams } from '../core/urls.js';
import { ArchiveNavigation } from './navigation.js';
import { emptyView, pageNumbers, sameView, type ArchiveView } from './url-state.js';
import { newsArchiveStyles } from './styles.js';
import { archiveDefaults } from './strings.js';

type ReadingView = typeof import('./reading-view.js');

/** Every string the archive shows, its reading view's included. */
export type ArchiveKey = keyof typeof archiveDefaults | keyof ReadingView['readingStrings'];

type FilterName = 'type' | 'topic' | 'audience' | 'year';

/** Each filter's facet is its plural (`types`) and its label string `<name>Filter`. */
const FILTERS: FilterName[] = ['type', 'topic', 'audience', 'year'];

const filtersOf = ({ item: _item, ...filters }: ArchiveView): Omit<ArchiveView, 'item'> => filters;

/** Takes over a plain left click on a link; a modified click (new tab, window, download) stays the browser's. */
const takeClick = (event: MouseEvent): boolean => {
  if (event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  event.preventDefault();
  return true;
};

const RESULTS_COUNT = '.results-count';

/**
 * Every published SEND update with search, filters, pagination and an in-place reading view.
 *
 * @tagname send-news-archive
 * @summary Searchable, filterable archive of SEND updates whose state lives in the page URL.
 *
 * @slot empty - Shown instead of the default message when nothing matches.
 * @slot error - Shown instead of the default message (and fallback link) when updates cannot load.
 *
 * @csspart heading - The widget heading.
 * @csspart search - The search and filter form.
 * @csspart item - Each result.
 * @csspart item-link - The title link of each result.
 * @csspart tag - The type label.
 * @csspart meta - The line with type label and date.
 * @csspart pagination - The pagination navigation.
 * @csspart links - The subscribe link (the CMS's subscribe page for the current search and filters: feed reader, email, calendar).
 * @csspart article - The reading view.
 * @csspart notice - The "may be out of date" notice shown when cached data is used.
 * @csspart loading - The loading message.
 * @csspart empty - The empty state container.
 * @csspart error - The error state container.
 *
 * The shared `--send-*` tokens (fonts, colours, spacing) are documented on SendElement.
 *
 * @cssproperty --send-code-font-family - Font of code in article text.
 * @cssproperty --send-control-border-colour - Border of the search box and selects.
 * @cssproperty --send-news-archive-panel-background - Background of the search and filter panel.
 *
 * @fires send-loaded - Results rendered; detail `{ count, total, stale }`.
 * @fires send-error - Loading failed; detail `{ message, kind }`.
 * @fires send-filter-change - Search, filters or page changed; detail is the new view.
 * @fires send-item-select - An item was opened in the reading view; detail `{ type, slug, title }`.
 */
export class SendNewsArchive extends SendElement<ArchiveKey> {
  static override styles = [baseStyles, listStyles, newsArchiveStyles];

  /**
   * Loads the reading view (a separate chunk beside the script). Replaceable in tests.
   * @internal
   */
  static loadReadingView: () => Promise<ReadingView> = () => import('./reading-view.js');
  static override properties = {
    pageSize: { type: Number, attribute: 'page-size' },
  };

  /** Results per page (1–100). */
  declare pageSize: number;

  constructor() {
    super();
    this.pageSize = 10;
  }

  protected defaults: Partial<Record<ArchiveKey, Message>> = archiveDefaults;

  readonly #navigation = new ArchiveNavigation(this, (next, previous) => this.#onViewChange(next, previous));
  readonly #results = new JsonLoader<ListResponse>(this, isListResponse);
  readonly #article = new JsonLoader<ItemResponse>(this, isItemResponse);
  readonly #focus = new FocusAfterRender(this);
  /** The reading-view chunk once loaded, or `false` if it could not load. */
  #readingView?: ReadingView | false;
  #facets: Partial<Facets> = {};
  /** Result link and scroll position to return to from the reading view. */
  #openedFrom?: { key: string; scrollY: number };
  /** The view the form's fields were last reset to. */
  #formView?: ArchiveView;
  /** On a phone's screen, whether the filters are unfolded (they fold there, so the results start in sight). */
  #filtersOpen = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Keep the last facets while a new page of results loads, so the filters do not flicker.
    if (this.#results.state.status === 'loaded') this.#facets = this.#results.state.data.meta.facets ?? this.#facets;
    const { item } = this.#navigation.view;
    if (!this.mayLoad) return;
    if (item) {
      const url = this.#itemUrl(item);
      if (url !== this.#article.url) void this.#fetchArticle(url);
    } else {
      const url = this.#resultsUrl;
      if (url !== this.#results.url) void this.#fetchResults(url);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The fields' defaults (value and selected attributes) are the shown view: reset to them when it changes,
    // so after back/forward the form never shows a choice that was not applied.
    if (this.#formView === this.#navigation.view) return;
    this.#formView = this.#navigation.view;
    this.renderRoot.querySelector('form')?.reset();
  }

  /** `page-size` within what the API allows. */
  get #pageSize(): number {
    return Math.min(100, Math.max(1, Math.floor(this.pageSize) || 10));
  }

  get #resultsUrl(): string {
    // Filters count what each choice would find with the others, beside the results they describe.
    return withQuery(`${this.apiOrigin}/api/updates`, {
      ...filtersOf(this.#navigation.view),
      pageSize: this.#pageSize,
      facets: 'matching',
    } satisfies ListParams);
  }

  /** The current search and filters, as the feeds and the CMS's pages take them. */
  get #feedFilters(): FeedFilters {
    const { page: _page, ...filters } = filtersOf(this.#navigation.view);
    return filters;
  }

  /** The RSS feed with the same search and filters as the current results (for hosts: the archive itself links to `subscribeHref`). */
  get rssHref(): string {
    return withQuery(`${this.apiOrigin}/feeds/rss.xml`, this.#feedFilters);
  }

  /** The CMS's subscribe page for the current search and filters: feed reader, email or calendar, in words people follow. */
  get subscribeHref(): string {
    return withQuery(this.apiOrigin + SUBSCRIBE_PATH, this.#feedFilters);
  }

  /** The open item's page on the CMS, else its index with the same search and filters. */
  protected override get readerPageHref(): string {
    const [type, slug] = this.#navigation.view.item.split('/');
    return slug ? this.apiOrigin + itemPagePath(type as UpdateType, slug) : withQuery(this.apiOrigin + INDEX_PATH, this.#feedFilters);
  }

  protected override renderPlaceholder(): unknown {
    // An article's opening lines, or a page of results.
    return this.#navigation.view.item ? html`<div class="article-placeholder"></div>` : this.#renderGroups(placeholderItems(this.#pageSize), false);
  }

  #itemUrl(key: string): string {
    const [type, slug] = key.split('/');
    return `${this.apiOrigin}/api/updates/${encodeURIComponent(type)}/${encodeURIComponent(slug)}`;
  }

  async #fetchResults(url: string): Promise<void> {
    const settled = await this.#results.load(url);
    const data = settled?.status === 'loaded' ? settled.data : undefined;
    this.reportLoad(settled, data?.data.length ?? 0, data?.meta.pagination.total ?? 0);
  }

  async #fetchArticle(url: string): Promise<void> {
    const [settled, view] = await Promise.all([this.#article.load(url), this.#ensureReadingView()]);
    if (settled?.status === 'loaded' && !view) {
      this.emit('send-error', { message: 'The reading view could not load', kind: 'script' });
      return;
    }
    const count = settled?.status === 'loaded' ? 1 : 0;
    this.reportLoad(settled, count, count);
  }

  /** The reading-view chunk: its strings join the defaults, its styles the shadow root. Never rejects. */
  async #ensureReadingView(): Promise<ReadingView | false> {
    if (this.#readingView) return this.#readingView;
    this.#readingView = undefined; // a retry after a failure shows "Loading…" again
    try {
      const view = await (this.constructor as typeof SendNewsArchive).loadReadingView();
      if (!this.#readingView) {
        this.defaults = { ...this.defaults, ...view.readingStrings };
        adoptStyles(this.renderRoot as ShadowRoot, [...(this.constructor as typeof SendNewsArchive).elementStyles, ...view.readingStyles]);
      }
      this.#readingView = view;
    } catch {
      // Offline, or a deploy removed the chunk: show the error state (with the fallback link).
      this.#readingView = false;
    }
    this.requestUpdate();
    return this.#readingView;
  }

  /** Focus follows the reader: to an opened item's title, back to the result it came from; filters are announced. */
  #onViewChange(next: ArchiveView, previous: ArchiveView): void {
    if (next.item && next.item !== previous.item) {
      this.#focus.request('.reading-title');
    } else if (!next.item && previous.item && this.#openedFrom) {
      const { key, scrollY } = this.#openedFrom;
      this.#focus.request(`a[data-key="${CSS.escape(key)}"]`, scrollY);
      this.#openedFrom = undefined;
    } else {
      this.#focus.cancel();
    }
    const filters = filtersOf(next);
    if (!sameView(filters, filtersOf(previous))) this.emit('send-filter-change', filters);
  }

  readonly #onResultClick = (event: MouseEvent) => {
    if (!takeClick(event)) return;
    const link = event.currentTarget as HTMLAnchorElement;
    const key = link.dataset.key ?? '';
    this.#openedFrom = { key, scrollY: window.scrollY };
    const [type, slug] = key.split('/');
    this.emit('send-item-select', { type, slug, title: link.textContent?.trim() ?? '' });
    this.#navigation.go({ ...this.#navigation.view, item: key });
  };

  readonly #onBackClick = (event: MouseEvent) => {
    if (takeClick(event)) this.#navigation.back();
  };

  readonly #onPageClick = (event: MouseEvent) => {
    if (!takeClick(event)) return;
    this.#navigation.go({ ...this.#navigation.view, page: Number((event.currentTarget as HTMLAnchorElement).dataset.page) });
    this.#focus.request(RESULTS_COUNT);
  };

  readonly #onClear = (event: MouseEvent) => {
    if (!takeClick(event)) return;
    this.#navigation.clear();
    this.#focus.request(RESULTS_COUNT);
  };

  readonly #onToggleFilters = () => {
    this.#filtersOpen = !this.#filtersOpen;
    this.requestUpdate();
  };

  /** Search and filters apply together, only when the reader asks (a submit button or Enter in the search box). */
  readonly #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    this.#filtersOpen = false;
    const form = new FormData(event.currentTarget as HTMLFormElement);
    // The form has no file inputs: every value is text.
    const value = (name: FilterName | 'q') => ((form.get(this.urlPrefix + name) as string | null) ?? '').trim();
    this.#navigation.go({
      q: value('q').slice(0, 200),
      type: splitList(value('type')),
      topic: splitList(value('topic')),
      audience: splitList(value('audience')),
      year: value('year'),
      page: 1,
      item: '',
    });
    this.#focus.request(RESULTS_COUNT);
  };

  get #itemContext(): ItemContext {
    return { t: (key, values) => this.t(key, values), lang: this.locale };
  }

  protected override render(): TemplateResult {
    return html`
      ${this.renderWidgetHeading(this.heading ?? this.t('archiveHeading'))}
      ${this.#navigation.view.item ? this.#renderReadingView() : this.#renderResultsView()}
    `;
  }

  #renderResultsView(): TemplateResult {
    const current = this.#results.state;
    const data = current.status === 'loaded' ? current.data : undefined;
    return html`
      ${this.#renderSearchForm()}
      <p class="results-count" role="status" tabindex="-1">
        ${data ? this.t('resultCount', { count: data.meta.pagination.total }) : ''}
      </p>
      ${this.renderLoadState(current, (results) =>
        results.data.length ? html`${this.#renderGroups(results.data)}${this.#renderPagination(results)}` : this.renderEmpty('emptyMessage'),
      )}
      <p class="links" part="links"><a href=${this.subscribeHref}>${this.t('subscribeResults')}</a></p>
    `;
  }

  /**
   * A GET form with named fields (as it would work without script), its defaults the shown view; with script,
   * submitting it moves the archive in place. Changing a select does nothing until then, so arrowing through
   * options never re-queries.
   */
  #renderSearchForm(): TemplateResult {
    const { view } = this.#navigation;
    const id = (name: string) => `${this.urlPrefix}${name}`;
    const filtered = !sameView({ ...view, page: 1, item: '' }, emptyView);
    const open = this.#filtersOpen;
    // The class that hides the filters on a phone's screen while folded (styles.ts); the search box always shows.
    const fold = open ? '' : 'folded';
    // Named after the archive, so two archives on one page are two distinct search landmarks.
    return html`<form part="search" role="search" aria-label=${this.heading ?? this.t('archiveHeading')} method="get" @submit=${this.#onSubmit}>
      <div class="search-row">
        <div class="field">
          <label for=${id('q')}>${this.t('searchLabel')}</label>
          <input id=${id('q')} name=${id('q')} type="search" maxlength="200" value=${view.q} />
        </div>
        <button type="submit">${this.t('searchButton')}</button>
      </div>
      <button type="button" class="filter-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls=${id('filters')} @click=${this.#onToggleFilters}>
        ${this.t(open ? 'hideFilters' : 'showFilters')}
      </button>
      <div id=${id('filters')} class="filters ${fold}">${FILTERS.map((name) => this.#renderFilter(name, id(name)))}</div>
      <p class="form-actions ${filtered ? '' : fold}">
        <button type="submit" class=${fold}>${this.t('applyFilters')}</button>
        ${filtered ? html`<a href=${this.#navigation.href(emptyView)} @click=${this.#onClear}>${this.t('clearFilters')}</a>` : nothing}
      </p>
    </form>`;
  }

  #renderFilter(name: FilterName, id: string): TemplateResult {
    const { view } = this.#navigation;
    const facets = objectsIn<Facet | YearFacet>(this.#facets[`${name}s`]);
    const labelOf = (value: string) => {
      const facet = facets.find((candidate) => String(candidate.value) === value);
      if (facet) return 'label' in facet ? facet.label : value;
      return name === 'type' ? typeLabel(value as UpdateType, this.#itemContext) : value;
    };
    // Only choices that find something alongside the other filters (a chosen one that finds nothing is added below).
    const options = facets
      .filter((facet) => facet.count > 0)
      .map((facet) => ({ value: String(facet.value), label: `${labelOf(String(facet.value))} (${facet.count.toLocaleString(this.locale)})` }));
    // The view may hold a value no option offers (several types from a feed's "View all", or facets still loading).
    const selected = name === 'year' ? view.year : view[name].join(',');
    if (selected && !options.some((option) => option.value === selected)) {
      options.push({ value: selected, label: splitList(selected).map(labelOf).join(', ') });
    }
    return html`<div class="field">
      <label for=${id}>${this.t(`${name}Filter`)}</label>
      <select id=${id} name=${id}>
        <option value="" ?selected=${!selected}>${this.t('anyOption')}</option>
        ${options.map((option) => html`<option value=${option.value} ?selected=${option.value === selected}>${option.label}</option>`)}
      </select>
    </div>`;
  }

  /** Results under year and month headings (the API returns them newest first), each level below the last. */
  #renderGroups(items: UpdateSummary[], linked = true): TemplateResult[] {
    const lang = this.locale;
    const yearLevel = this.childHeadingLevel;
    const byYear = new Map<string, Map<string, UpdateSummary[]>>();
    for (const item of items) {
      const year = item.date.slice(0, 4);
      const month = formatMonthYear(item.date, lang);
      const months = byYear.get(year) ?? new Map<string, UpdateSummary[]>();
      months.set(month, [...(months.get(month) ?? []), item]);
      byYear.set(year, months);
    }
    const context = this.#itemContext;
    return [...byYear].map(
      ([year, months]) => html`${heading(yearLevel, year, 'group-year')}
      ${[...months].map(
        ([month, monthItems]) => html`${heading(yearLevel + 1, month, 'group-month')}
          <ul class="items plain-list" role="list">
            ${monthItems.map((item) =>
              itemTemplate(item, yearLevel + 2, {
                ...context,
                // The host's own item pages (`item-href`), else the reading view in place; none for placeholders.
                href: !linked ? undefined : this.itemHref ? this.itemLink(item) : this.#navigation.href({ item: `${item.type}/${item.slug}` }),
                onOpen: this.itemHref || !linked ? undefined : this.#onResultClick,
              }),
            )}
          </ul>`,
      )}`,
    );
  }

  #renderPagination(data: ListResponse): TemplateResult | typeof nothing {
    const { page, pageCount } = data.meta.pagination;
    if (pageCount <= 1) return nothing;
    const pageLink = (target: number) => this.#navigation.href({ page: target });
    /** "Previous page" / "Next page" (the word "page" for screen readers only). */
    const step = (target: number, rel: string, label: 'previousPage' | 'nextPage') =>
      html`<li>
        <a href=${pageLink(target)} rel=${rel} data-page=${target} @click=${this.#onPageClick}
          >${this.t(label)}<span class="visually-hidden"> ${this.t('pageSuffix')}</span></a
        >
      </li>`;
    // Named after the archive, as its search is, so two archives on one page have distinct landmarks.
    return html`<nav part="pagination" aria-label=${this.t('paginationLabel', { name: this.heading ?? this.t('archiveHeading') })}>
      <ul class="plain-list" role="list">
        ${page > 1 ? step(page - 1, 'prev', 'previousPage') : nothing}
        ${pageNumbers(page, pageCount).map((number) =>
          number === null
            ? html`<li class="ellipsis">…</li>`
            : html`<li>
                <a
                  href=${pageLink(number)}
                  data-page=${number}
                  aria-label=${this.t('pageNumber', { page: String(number) })}
                  aria-current=${ifDefined(number === page ? 'page' : undefined)}
                  @click=${this.#onPageClick}
                  >${number}</a
                >
              </li>`,
        )}
        ${page < pageCount ? step(page + 1, 'next', 'nextPage') : nothing}
      </ul>
    </nav>`;
  }

  #renderReadingView(): TemplateResult {
    const current = this.#article.state;
    const view = this.#readingView;
    const back = html`<a class="back" href=${this.#navigation.href({ item: '' })} @click=${this.#onBackClick}
      >${this.t('backToResults')}</a
    >`;
    if (current.status === 'error') {
      return html`${back}${current.failure.kind === 'not-found' ? html`<p>${this.t('itemNotFound')}</p>` : this.renderError()}`;
    }
    if (view === false) return html`${back}${this.renderError()}`;
    if (current.status === 'loaded' && view) {
      const item = current.data.data;
      const article = view.articleTemplate(item, {
        t: (key, values) => this.t(key, values),
        level: this.childHeadingLevel,
        base: this.apiOrigin,
        lang: this.locale,
        tag: typeTag(item.type, this.#itemContext),
      });
      // Back at the top and at the end of the article, as on the CMS's item page.
      return html`${back}${this.renderStaleNotice(current)}${article}${back}`;
    }
    return html`${back}${this.renderLoading('loadingItem')}`;
  }
}

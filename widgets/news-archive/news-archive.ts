import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { formatMonthYear } from '../core/dates.js';
import { heading } from '../core/heading.js';
import { JsonLoader } from '../core/loader.js';
import { listStyles, SendListElement } from '../core/list-element.js';
import { baseStyles } from '../core/styles.js';
import type { StringKey, Strings } from '../core/strings.js';
import {
  isItemResponse,
  isListResponse,
  type Facet,
  type Facets,
  type YearFacet,
  type ItemResponse,
  type ListResponse,
  type UpdateSummary,
} from '../core/types.js';
import { withQuery } from '../core/urls.js';
import { emptyView, pageNumbers, readView, sameView, viewHref, type ArchiveView } from './url-state.js';
import { newsArchiveStyles } from './styles.js';
import { archiveDefaults } from './strings.js';

type ReadingView = typeof import('./reading-view.js');


type FilterName = 'type' | 'topic' | 'audience' | 'year';

/** Each filter's facet is its plural (`types`) and its label string `<name>Filter`. */
const FILTERS: FilterName[] = ['type', 'topic', 'audience', 'year'];

const SEARCH_DELAY_MS = 400;

const filtersOf = ({ item: _item, ...filters }: ArchiveView): Omit<ArchiveView, 'item'> => filters;

/** Takes over a plain left click on a link; a modified click (new tab, window, download) stays the browser's. */
const takeClick = (event: MouseEvent): boolean => {
  if (event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  event.preventDefault();
  return true;
};

/** Where focus goes after the next render (a selector); returning to a result also restores the scroll position. */
type PendingFocus = { selector: string; scrollY?: number };

const READING_TITLE: PendingFocus = { selector: '.reading-title' };
const RESULTS: PendingFocus = { selector: '.results-count' };

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
 * @csspart links - The subscribe link (an RSS feed with the current search and filters).
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
export class SendNewsArchive extends SendListElement {
  static override styles = [baseStyles, listStyles, newsArchiveStyles];

  /**
   * Loads the reading view (a separate chunk beside the script). Replaceable in tests.
   * @internal
   */
  static loadReadingView: () => Promise<ReadingView> = () => import('./reading-view.js');
  static override properties = {
    pageSize: { type: Number, attribute: 'page-size' },
    view: { state: true },
    draftQuery: { state: true },
  };

  /** Results per page (1–100). */
  pageSize = 10;

  private view: ArchiveView = emptyView;
  /** The search box text, which runs ahead of `view.q` while the reader types. */
  private draftQuery = '';

  protected readonly defaultHeadingKey = 'archiveHeading' as const;
  protected defaults: Partial<Strings> = archiveDefaults;

  readonly #results = new JsonLoader<ListResponse>(this, isListResponse);
  readonly #article = new JsonLoader<ItemResponse>(this, isItemResponse);
  /** The reading-view chunk once loaded, or `false` if it could not load. */
  #readingView?: ReadingView | false;
  #facets: Partial<Facets> = {};
  #searchTimer?: ReturnType<typeof setTimeout>;
  #pendingFocus: PendingFocus | null = null;
  /** Result link and scroll position to return to from the reading view. */
  #openedFrom?: { key: string; scrollY: number };

  readonly #onPopState = () => this.#showView(readView(location.search, this.urlPrefix));

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.#onPopState);
    this.view = readView(location.search, this.urlPrefix);
    this.draftQuery = this.view.q;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#onPopState);
    clearTimeout(this.#searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Keep the last facets while a new page of results loads, so the filters do not flicker.
    if (this.#results.state.status === 'loaded') this.#facets = this.#results.state.data.meta.facets ?? this.#facets;
    if (this.view.item) {
      const url = this.#itemUrl(this.view.item);
      if (url !== this.#article.url) void this.#fetchArticle(url);
    } else {
      const url = this.#resultsUrl;
      if (url !== this.#results.url) void this.#fetchResults(url);
    }
  }

  protected override updated(): void {
    const focus = this.#pendingFocus;
    if (!focus) return;
    const target = (this.renderRoot as ShadowRoot).querySelector<HTMLElement>(focus.selector);
    if (!target) return; // not rendered yet (still loading): try after the next render
    this.#pendingFocus = null;
    const restoreScroll = focus.scrollY !== undefined;
    target.focus({ preventScroll: restoreScroll });
    if (restoreScroll) window.scrollTo({ top: focus.scrollY });
  }

  get #resultsUrl(): string {
    const pageSize = Math.min(100, Math.max(1, Math.floor(this.pageSize) || 10));
    return withQuery(`${this.apiOrigin}/api/updates`, { ...filtersOf(this.view), pageSize });
  }

  /** The RSS feed with the same search and filters as the current results. */
  get rssHref(): string {
    const { page: _page, ...filters } = filtersOf(this.view);
    return withQuery(`${this.apiOrigin}/feeds/rss.xml`, filters);
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
      this.emit('send-error', { message: 'The reading view could not load', kind: 'network' });
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

  /** Moves to a new view: records it in history (push for navigation, replace while typing) and renders it. */
  #navigate(next: ArchiveView, focus: PendingFocus | null = null, replace = false): void {
    if (sameView(next, this.view)) return;
    const openingItem = !!next.item && !this.view.item;
    history[replace ? 'replaceState' : 'pushState'](
      openingItem ? { sendArchiveOpenedItem: this.urlPrefix } : history.state,
      '',
      viewHref(next, this.urlPrefix),
    );
    this.#showView(next, focus);
  }

  #showView(next: ArchiveView, focus: PendingFocus | null = null): void {
    const previous = this.view;
    this.view = next;
    this.draftQuery = next.q;
    if (next.item && next.item !== previous.item) {
      this.#pendingFocus = READING_TITLE;
    } else if (!next.item && previous.item && this.#openedFrom) {
      const { key, scrollY } = this.#openedFrom;
      this.#pendingFocus = { selector: `a[data-key="${CSS.escape(key)}"]`, scrollY };
      this.#openedFrom = undefined;
    } else {
      this.#pendingFocus = focus;
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
    this.#navigate({ ...this.view, item: key });
  };

  readonly #onBackClick = (event: MouseEvent) => {
    if (!takeClick(event)) return;
    // Opened from the results: go back in history so the Back button and this link agree.
    if (history.state?.sendArchiveOpenedItem === this.urlPrefix) history.back();
    else this.#navigate({ ...this.view, item: '' });
  };

  readonly #onPageClick = (event: MouseEvent) => {
    if (!takeClick(event)) return;
    const page = Number((event.currentTarget as HTMLAnchorElement).dataset.page);
    this.#navigate({ ...this.view, page }, RESULTS);
  };

  #setFilter(name: FilterName, value: string): void {
    const next = { ...this.view, page: 1, [name]: name === 'year' ? value : value ? [value] : [] };
    this.#navigate(next);
  }

  readonly #onSearchInput = (event: InputEvent) => {
    this.draftQuery = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#applySearch(true), SEARCH_DELAY_MS);
  };

  readonly #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    clearTimeout(this.#searchTimer);
    this.#applySearch();
  };

  #applySearch(replace = false): void {
    const q = this.draftQuery.trim().slice(0, 200);
    if (q !== this.view.q) this.#navigate({ ...this.view, q, page: 1 }, null, replace);
  }

  readonly #clearFilters = () => this.#navigate({ ...emptyView }, RESULTS);

  protected override render() {
    return html`
      ${this.renderWidgetHeading(this.heading ?? this.t(this.defaultHeadingKey))}
      ${this.view.item ? this.#renderReadingView() : this.#renderResultsView()}
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
        results.data.length
          ? html`${this.#renderGroups(results.data)}${this.#renderPagination(results)}`
          : this.renderEmpty(),
      )}
      <p class="links" part="links"><a href=${this.rssHref} type="application/rss+xml">${this.t('subscribeResults')}</a></p>
    `;
  }

  #renderSearchForm(): TemplateResult {
    const id = (name: string) => `${this.urlPrefix}${name}`;
    const hasFilters = !sameView({ ...this.view, page: 1, item: '' }, emptyView);
    return html`<form part="search" role="search" @submit=${this.#onSubmit}>
      <div class="search-row">
        <div class="field">
          <label for=${id('q')}>${this.t('searchLabel')}</label>
          <input id=${id('q')} type="search" maxlength="200" .value=${this.draftQuery} @input=${this.#onSearchInput} />
        </div>
        <button type="submit">${this.t('searchButton')}</button>
      </div>
      <div class="filters">
        ${FILTERS.map((name) => {
          const options: Array<Facet | YearFacet> = this.#facets[`${name}s`] ?? [];
          const selected = name === 'year' ? this.view.year : (this.view[name][0] ?? '');
          return html`<div class="field">
            <label for=${id(name)}>${this.t(`${name}Filter` as StringKey)}</label>
            <select id=${id(name)} @change=${(event: Event) => this.#setFilter(name, (event.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!selected}>${this.t('anyOption')}</option>
              ${options.map(
                (option) =>
                  html`<option value=${option.value} ?selected=${String(option.value) === selected}>
                    ${'label' in option ? option.label : option.value} (${option.count})
                  </option>`,
              )}
            </select>
          </div>`;
        })}
      </div>
      ${hasFilters
        ? html`<p><button type="button" class="secondary" @click=${this.#clearFilters}>${this.t('clearFilters')}</button></p>`
        : nothing}
    </form>`;
  }

  /** Results under year and month headings (the API returns them newest first). */
  #renderGroups(items: UpdateSummary[]): TemplateResult[] {
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
    return [...byYear].map(
      ([year, months]) => html`${heading(yearLevel, year, 'group-year')}
      ${[...months].map(
        ([month, monthItems]) => html`${heading(yearLevel + 1, month, 'group-month')}
          <ul class="items plain-list" role="list">
            ${monthItems.map((item) =>
              this.renderItem(item, yearLevel + 2, {
                href: this.itemLink(item) ?? viewHref({ ...this.view, item: `${item.type}/${item.slug}` }, this.urlPrefix),
                onOpen: this.itemHref ? undefined : this.#onResultClick,
              }),
            )}
          </ul>`,
      )}`,
    );
  }

  /** The reading view links to itself unless the host has its own item pages (`item-href`). */
  protected override itemLink(item: Pick<UpdateSummary, 'type' | 'slug' | 'id'>): string | undefined {
    return this.itemHref ? super.itemLink(item) : undefined;
  }

  #renderPagination(data: ListResponse): TemplateResult | typeof nothing {
    const { page, pageCount } = data.meta.pagination;
    if (pageCount <= 1) return nothing;
    const pageLink = (target: number) => viewHref({ ...this.view, page: target }, this.urlPrefix);
    /** "Previous page" / "Next page" (the word "page" for screen readers only). */
    const step = (target: number, rel: string, label: StringKey) =>
      html`<li>
        <a href=${pageLink(target)} rel=${rel} data-page=${target} @click=${this.#onPageClick}
          >${this.t(label)}<span class="visually-hidden"> ${this.t('pageSuffix')}</span></a
        >
      </li>`;
    return html`<nav part="pagination" aria-label=${this.t('paginationLabel')}>
      <ul class="plain-list" role="list">
        ${page > 1 ? step(page - 1, 'prev', 'previousPage') : nothing}
        ${pageNumbers(page, pageCount).map((number) =>
          number === null
            ? html`<li class="ellipsis">…</li>`
            : html`<li>
                <a
                  href=${pageLink(number)}
                  data-page=${number}
                  aria-label=${this.t('pageNumber', { page: number })}
                  aria-current=${number === page ? 'page' : nothing}
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
    const back = html`<a class="back" href=${viewHref({ ...this.view, item: '' }, this.urlPrefix)} @click=${this.#onBackClick}
      >${this.t('backToResults')}</a
    >`;
    if (current.status === 'error') {
      return html`${back}${current.failure.kind === 'not-found' ? html`<p>${this.t('itemNotFound')}</p>` : this.renderError()}`;
    }
    if (view === false) return html`${back}${this.renderError()}`;
    if (current.status === 'loaded' && view) {
      const item = current.data.data;
      const article = view.articleTemplate(item, {
        t: (key) => this.t(key),
        level: this.childHeadingLevel,
        base: this.apiOrigin,
        lang: this.locale,
        meta: this.renderItemMeta(item),
      });
      return html`${back}${this.renderStaleNotice(current)}${article}`;
    }
    return html`${back}${this.renderLoading('loadingItem')}`;
  }
}

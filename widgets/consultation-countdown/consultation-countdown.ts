import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { formatLondonDate, formatLondonTime } from '../core/dates.js';
import { JsonLoader } from '../core/loader.js';
import { SendElement } from '../core/send-element.js';
import type { Message } from '../core/strings.js';
import { heading } from '../core/heading.js';
import { PLACEHOLDER_ITEM } from '../core/items.js';
import { PHASE_LABEL_KEYS } from '../core/consultation-status.js';
import { respondStyles } from '../core/respond-styles.js';
import { baseStyles } from '../core/styles.js';
import { isListResponse, isSummaryResponse, type ConsultationSummary, type FeedPaths, type ListResponse, type UpdateSummary } from '../core/types.js';
import { INDEX_PATH, itemPagePath, safeHref, SUBSCRIBE_PATH, withQuery } from '../core/urls.js';
import { ChangeTimer } from './change-timer.js';
import { countdownState, type CountdownPhase, type CountdownState } from './countdown-state.js';
import { countdownStyles } from './styles.js';
import { countdownDefaults } from './strings.js';

/** Every string the countdown shows. */
export type CountdownKey = keyof typeof countdownDefaults;

const CALENDAR_PATH: FeedPaths['calendar'] = '/feeds/consultations.ics';
/** The id of the calendar address on the CMS's subscribe page (its "In your calendar" part). */
const SUBSCRIBE_CALENDAR_PART = '#calendar';

/**
 * When a consultation opens or closes, in Europe/London time, with links to respond,
 * add the closing date to a calendar, or read the outcome.
 *
 * @tagname send-consultation-countdown
 * @summary Countdown for one consultation (`slug`) or for every open one (`status="open"`).
 *
 * @slot empty - Shown when `status="open"` finds no open consultations.
 * @slot error - Shown instead of the default message (and fallback link) when the consultation cannot load.
 *
 * @csspart heading - The widget heading.
 * @csspart consultation - Each consultation box.
 * @csspart countdown - The "Closes in 3 days" line.
 * @csspart respond - The "Respond" link, styled as a button.
 * @csspart links - With `status`, the links to follow every consultation's closing date in a calendar: the CMS's subscribe page, and webcal:// for calendar apps.
 * @csspart notice - The "may be out of date" notice shown when cached data is used.
 * @csspart loading - The loading message.
 * @csspart empty - The empty state container.
 * @csspart error - The error state container.
 *
 * The shared `--send-*` tokens (fonts, colours, spacing) are documented on SendElement.
 *
 * @cssproperty --send-countdown-background - Background of each consultation box.
 * @cssproperty --send-countdown-border-colour - Left border of open and upcoming consultations.
 * @cssproperty --send-button-colour - Background of the Respond link.
 * @cssproperty --send-button-hover-colour - Background of the Respond link on hover.
 * @cssproperty --send-button-shadow-colour - Shadow under the Respond link.
 *
 * @fires send-loaded - Consultations rendered; detail `{ count, total, stale }`.
 * @fires send-error - Loading failed; detail `{ message, kind }`.
 */
export class SendConsultationCountdown extends SendElement<CountdownKey> {
  static override styles = [baseStyles, respondStyles, countdownStyles];
  static override properties = {
    slug: {},
    status: {},
    clock: { attribute: false },
    announcement: { state: true },
  };

  /** Slug of one consultation. */
  declare slug?: string;

  /** `open` to list every open consultation, soonest closing first (used when `slug` is not set). */
  declare status?: string;

  /** Clock used for all countdown maths; replace it in tests or to preview another moment. */
  declare clock: () => number;

  /** Phase changes caused by the passing of time, announced once (never the ticking text). */
  declare private announcement: string;

  constructor() {
    super();
    this.clock = () => Date.now();
    this.announcement = '';
  }

  protected readonly defaults: Partial<Record<CountdownKey, Message>> = countdownDefaults;

  readonly #single = new JsonLoader<{ data: UpdateSummary }>(this, isSummaryResponse);
  readonly #list = new JsonLoader<ListResponse>(this, isListResponse);
  readonly #timer = new ChangeTimer(this, () => this.clock());
  #phases = new Map<string, CountdownPhase>();
  #countdowns: Array<{ item: ConsultationSummary; countdown: CountdownState }> = [];

  get #loader(): JsonLoader<{ data: UpdateSummary }> | JsonLoader<ListResponse> {
    return this.slug ? this.#single : this.#list;
  }

  get #requestUrl(): string {
    if (this.slug) return `${this.apiOrigin}/api/updates/consultation/${encodeURIComponent(this.slug)}`;
    const status = encodeURIComponent(this.status || 'open');
    return `${this.apiOrigin}/api/updates?type=consultation&status=${status}&sort=closing&pageSize=20`;
  }

  get #consultations(): ConsultationSummary[] {
    const current = this.#loader.state;
    if (current.status !== 'loaded') return [];
    // A list's items, or the one consultation; anything else the API might send is not counted down.
    return [current.data.data].flat().filter((item): item is ConsultationSummary => item.type === 'consultation');
  }

  protected override get readerPageHref(): string {
    const origin = this.apiOrigin;
    return this.slug ? origin + itemPagePath('consultation', this.slug) : withQuery(origin + INDEX_PATH, { type: 'consultation' });
  }

  /** One open consultation closing in ten days, with its Respond and calendar links: the usual box. */
  protected override renderPlaceholder(): TemplateResult {
    const now = this.clock();
    const item: ConsultationSummary = {
      ...PLACEHOLDER_ITEM,
      type: 'consultation',
      opensAt: null,
      closesAt: new Date(now + 864e6).toISOString(),
      status: 'open',
      respondUrl: '/',
      outcomeDate: null,
      outcomeUrl: null,
      hasOutcome: false,
      calendarUrl: '/',
    };
    return html`<ul class="consultations plain-list" role="list">
      ${this.#renderConsultation(item, countdownState(item, now))}
    </ul>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const url = this.#requestUrl;
    if (this.mayLoad && url !== this.#loader.url) void this.#fetchConsultations(url);
    const now = this.clock();
    this.#countdowns = this.#consultations.map((item) => ({ item, countdown: countdownState(item, now) }));
    this.#announcePhaseChanges();
  }

  async #fetchConsultations(url: string): Promise<void> {
    this.#phases.clear();
    this.announcement = '';
    const settled = await this.#loader.load(url);
    const total = settled?.status === 'loaded' && 'meta' in settled.data ? settled.data.meta.pagination.total : 1;
    this.reportLoad(settled, this.#consultations.length, total);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The next instant any visible message changes.
    this.#timer.schedule(Math.min(...this.#countdowns.map(({ countdown }) => countdown.nextChangeAt ?? Infinity)));
  }

  protected override render(): TemplateResult {
    return html`
      ${this.renderWidgetHeading(this.heading ?? this.t('countdownHeading'))}
      ${this.renderLoadState<unknown>(this.#loader.state, () =>
        this.#countdowns.length
          ? html`<ul class="consultations plain-list" role="list">
              ${this.#countdowns.map(({ item, countdown }) => this.#renderConsultation(item, countdown))}
            </ul>`
          : this.renderEmpty('noOpenConsultations'),
      )}
      ${
        this.status
          ? html`<p class="links" part="links">
            <a href=${this.calendarSubscribeHref}>${this.t('subscribeCalendar')}</a>
            <a href=${this.calendarFeedHref.replace(/^https?:/, 'webcal:')}>${this.t('subscribeCalendarApp')}</a>
          </p>`
          : nothing
      }
      <p class="visually-hidden" role="status">${this.announcement}</p>
    `;
  }

  /** The calendar feed of every upcoming and open consultation's closing time, for calendar apps to subscribe to. */
  get calendarFeedHref(): string {
    return this.apiOrigin + CALENDAR_PATH;
  }

  /** The calendar part of the CMS's subscribe page: the feed's address to copy, and how to add it in Outlook, Google or Apple calendars. */
  get calendarSubscribeHref(): string {
    return `${withQuery(this.apiOrigin + SUBSCRIBE_PATH, { type: 'consultation' })}${SUBSCRIBE_CALENDAR_PART}`;
  }

  #renderConsultation(item: ConsultationSummary, countdown: CountdownState): TemplateResult {
    const lang = this.locale;
    const values = {
      count: countdown.count ?? 0,
      date: countdown.at === undefined ? '' : formatLondonDate(countdown.at, lang),
      time: countdown.at === undefined ? '' : formatLondonTime(countdown.at, lang),
    };
    const href = this.itemLink(item);
    return html`<li class="consultation" part="consultation" data-phase=${countdown.phase}>
      ${heading(this.childHeadingLevel, href ? html`<a href=${href}>${item.title}</a>` : item.title, 'item-title')}
      <p class="meta"><span class="tag" part="tag" data-phase=${countdown.phase}>${this.t(PHASE_LABEL_KEYS[countdown.phase])}</span></p>
      <p class="countdown" part="countdown">${this.t(countdown.message, values)}</p>
      ${countdown.message === 'closesInDays' ? html`<p class="closing-date">${this.t('closingDate', values)}</p>` : nothing}
      ${this.#renderActions(item, countdown.phase)}
    </li>`;
  }

  #renderActions(item: ConsultationSummary, phase: CountdownPhase): TemplateResult | typeof nothing {
    const base = this.apiOrigin;
    const respond = phase === 'open' ? safeHref(item.respondUrl, base) : null;
    const calendar = phase === 'open' || phase === 'upcoming' ? safeHref(item.calendarUrl, base) : null;
    const outcome = phase === 'outcome' ? (safeHref(item.outcomeUrl, base) ?? this.itemLink(item) ?? null) : null;
    if (!respond && !calendar && !outcome) return nothing;
    return html`<p class="actions">
      ${
        respond
          ? html`<a class="respond" part="respond" href=${respond}
            >${this.t('respond')}<span class="visually-hidden">: ${item.title}</span></a
          >`
          : nothing
      }
      ${calendar ? html`<a href=${calendar} type="text/calendar">${this.t('addToCalendar')}</a>` : nothing}
      ${outcome ? html`<a href=${outcome}>${this.t('outcomeLink')}</a>` : nothing}
    </p>`;
  }

  /** A phase change seen while mounted (e.g. open → closed as time passes) is announced once; ticking text never is. */
  #announcePhaseChanges(): void {
    for (const { item, countdown } of this.#countdowns) {
      const previous = this.#phases.get(item.slug);
      this.#phases.set(item.slug, countdown.phase);
      if (previous && previous !== countdown.phase) {
        this.announcement = `${item.title}: ${this.t(PHASE_LABEL_KEYS[countdown.phase])}`;
      }
    }
  }
}

/**
 * The archive's reading view: loaded with a dynamic import only when a reader opens an item, so the
 * rich-text renderer, downloads and their styles stay out of the archive's first paint.
 * Everything it needs from the element comes in `ReadingContext`. It shows what the CMS's item page
 * shows, in the same order: a consultation's status, dates and Respond link come before its body.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { consultationStatusStrings, PHASE_LABEL_KEYS, readerPhase } from '../core/consultation-status.js';
import { formatCalendarDate, formatLondonDate, parseInstant } from '../core/dates.js';
import { describeFile } from '../core/files.js';
import { heading } from '../core/heading.js';
import { londonWhen } from '../core/long-dates.js';
import { respondStyles } from '../core/respond-styles.js';
import { renderBlocks, richTextStyles, type RichTextOptions } from '../core/rich-text.js';
import { css } from '../core/styles.js';
import { objectsIn, type ConsultationDetail, type StaffingUpdateDetail, type UpdateDetail } from '../core/types.js';
import { safeHref } from '../core/urls.js';

/** Default strings only the reading view shows (overridable through `strings` like any other). */
export const readingStrings = {
  externalLink: '(opens external site)',
  topics: 'Topics',
  downloads: 'Downloads',
  easyRead: 'Easy Read version',
  published: 'Published {date}',
  publishedAndUpdated: 'Published {date}, last updated {updated}',
  /** An instant in full: "11:59pm on Tuesday 31 March 2026". */
  timeOnDate: '{time} on {date}',
  status: 'Status:',
  opensAt: 'Opens at {datetime}.',
  closesAt: 'Closes at {datetime}.',
  openedAt: 'Opened at {datetime}.',
  closedAt: 'Closed at {datetime}.',
  respondFrom: 'You can respond from {datetime}.',
  respond: 'Respond to this consultation',
  addToCalendar: 'Add the closing date to my calendar',
  outcomeHeading: 'You said, we did',
  outcomePublished: 'Outcome published {date}',
  outcomeReport: 'Read the full outcome report',
  service: 'Service',
  whatChanges: 'What changes',
  effectiveFrom: 'Takes effect',
  from: 'From',
  ...consultationStatusStrings,
};

export type ReadingKey = keyof typeof readingStrings;

export const readingStyles = [
  richTextStyles,
  respondStyles,
  css`
    .reading-title {
      font-size: 2em;
    }
    .lead {
      font-size: 1.1875em;
    }
    .panel {
      margin: 0 0 var(--_space);
      padding: var(--_space);
      border-left: 5px solid var(--_accent);
      background: var(--_notice);
    }
    .panel > :last-child {
      margin-bottom: 0;
    }
    .panel-heading {
      font-size: 1.25em;
    }
    .closing {
      font-weight: 700;
    }
    .panel li,
    .downloads li {
      margin-bottom: 0.5em;
    }
    .facts {
      margin: 0 0 var(--_space);
    }
    .facts > div {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--_space);
      padding: 0.5em 0;
      border-bottom: 1px solid var(--_border);
    }
    .facts dt {
      flex: 0 0 9em;
      font-weight: 700;
    }
    .facts dd {
      flex: 1 1 15em;
      margin: 0;
    }
    .section-heading {
      font-size: 1.5em;
      margin-top: calc(var(--_space) * 1.5);
    }
    .topics {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }
    @media (forced-colors: active) {
      .panel {
        border: 1px solid CanvasText;
      }
    }
  `,
];

export interface ReadingContext {
  /** The element's `t`: its strings, overrides and language. */
  t: (key: ReadingKey, values?: Record<string, string>) => string;
  /** Level of the article title. */
  level: number;
  /** CMS origin, the base of relative links. */
  base: string;
  lang: string;
  /** The type label, as in the results. */
  tag: unknown;
}

export function articleTemplate(item: UpdateDetail, context: ReadingContext): TemplateResult {
  const { t, level, base, lang } = context;
  const richText: RichTextOptions = { baseHeadingLevel: level, baseUrl: base, externalLabel: t('externalLink') };
  const downloads = objectsIn(item.downloads).flatMap((file) => {
    const href = safeHref(file.url, base);
    return href ? [{ ...file, href }] : [];
  });
  const topics = objectsIn(item.topics);
  const easyRead = item.type === 'consultation' ? nothing : easyReadLink(safeHref(item.easyReadUrl, base), '', context);
  return html`<article part="article">
    ${heading(level, item.title, 'reading-title', undefined, true)}
    <p class="meta" part="meta">${context.tag} ${publishedLine(item, context)}</p>
    ${item.summary ? html`<p class="lead">${item.summary}</p>` : nothing}
    ${easyRead === nothing ? nothing : html`<p>${easyRead}</p>`}
    ${item.type === 'consultation' ? consultationPanel(item, context) : nothing}
    ${item.type === 'staffing-update' ? staffingFacts(item, context) : nothing}
    <div class="rich-text">${renderBlocks(item.body, richText)}</div>
    ${item.type === 'consultation' ? outcomeSection(item, context, richText) : nothing}
    ${
      downloads.length
        ? html`${heading(level + 1, t('downloads'), 'section-heading')}
          <ul class="downloads plain-list" role="list">
            ${downloads.map((file) => html`<li><a href=${file.href}>${file.title}</a> (${describeFile(file.format, file.sizeBytes, lang)})</li>`)}
          </ul>`
        : nothing
    }
    ${
      topics.length
        ? html`<p class="topics"><span class="visually-hidden">${t('topics')}:</span>
          ${topics.map((topic) => html`<span class="tag">${topic.name}</span>`)}</p>`
        : nothing
    }
  </article>`;
}

/** "Published 8 July 2019", with "last updated …" when the CMS says an edit came after it was first published. */
function publishedLine(item: UpdateDetail, { t, lang }: ReadingContext): string {
  const date = formatCalendarDate(item.date, lang);
  const updated = parseInstant(item.lastUpdated);
  return updated === null ? t('published', { date }) : t('publishedAndUpdated', { date, updated: formatLondonDate(updated, lang) });
}

function easyReadLink(href: string | null, facts: string, { t }: ReadingContext): TemplateResult | typeof nothing {
  return href ? html`<a href=${href}>${t('easyRead')}</a>${facts ? ` (${facts})` : ''}` : nothing;
}

/** Status, opening and closing times in words, Respond, add to calendar and Easy Read: before the body. */
function consultationPanel(item: ConsultationDetail, context: ReadingContext): TemplateResult {
  const { t, lang, base, level } = context;
  const phase = readerPhase(item);
  const when = (iso: string | null) => {
    const ms = parseInstant(iso);
    return ms === null ? '' : t('timeOnDate', londonWhen(ms, lang));
  };
  const opens = when(item.opensAt);
  const closes = when(item.closesAt);
  const sentence = (key: 'opensAt' | 'closesAt' | 'openedAt' | 'closedAt', datetime: string, className?: string) =>
    datetime ? html`<p class=${ifDefined(className)}>${t(key, { datetime })}</p>` : nothing;
  const respondHref = safeHref(item.respondUrl, base);
  const calendar = (phase === 'open' || phase === 'upcoming') && closes ? safeHref(item.calendarUrl, base) : null;
  const version = item.easyReadVersion;
  const easyRead = version
    ? easyReadLink(safeHref(version.url, base), describeFile(version.format, version.sizeBytes, lang), context)
    : easyReadLink(safeHref(item.easyReadUrl, base), '', context);
  return html`<section class="panel" part="consultation">
    ${heading(level + 1, html`${t('status')} <strong class="tag" data-phase=${phase}>${t(PHASE_LABEL_KEYS[phase])}</strong>`, 'panel-heading')}
    ${phase === 'upcoming' ? html`${sentence('opensAt', opens)}${sentence('closesAt', closes)}` : nothing}
    ${phase === 'open' ? html`${sentence('closesAt', closes, 'closing')}${sentence('openedAt', opens)}` : nothing}
    ${phase === 'closed' || phase === 'outcome' ? sentence('closedAt', closes) : nothing}
    ${phase === 'open' && respondHref ? html`<p><a class="respond" part="respond" href=${respondHref}>${t('respond')}</a></p>` : nothing}
    ${phase === 'upcoming' && respondHref && opens ? html`<p>${t('respondFrom', { datetime: opens })}</p>` : nothing}
    ${
      calendar || easyRead !== nothing
        ? html`<ul class="plain-list" role="list">
          ${calendar ? html`<li><a href=${calendar} type="text/calendar">${t('addToCalendar')}</a></li>` : nothing}
          ${easyRead === nothing ? nothing : html`<li>${easyRead}</li>`}
        </ul>`
        : nothing
    }
  </section>`;
}

/** A service update's facts: the service, what changes, from when, and who it is from. */
function staffingFacts(item: StaffingUpdateDetail, { t, lang }: ReadingContext): TemplateResult {
  const facts: Array<[ReadingKey, string | null | undefined]> = [
    ['service', item.service],
    ['whatChanges', item.whatChanges],
    ['effectiveFrom', item.effectiveFrom && formatCalendarDate(item.effectiveFrom, lang)],
    ['from', item.from && [item.from.name, item.from.role].filter(Boolean).join(', ')],
  ];
  return html`<dl class="facts">
    ${facts.map(([key, value]) => (value ? html`<div><dt>${t(key)}</dt><dd>${value}</dd></div>` : nothing))}
  </dl>`;
}

/** "You said, we did", once published: its date, its text and the full report. */
function outcomeSection(item: ConsultationDetail, { t, lang, base, level }: ReadingContext, richText: RichTextOptions) {
  const report = safeHref(item.outcomeUrl, base);
  const text = item.outcome?.length ? item.outcome : null;
  if (!text && !report) return nothing;
  return html`<section>
    ${heading(level + 1, t('outcomeHeading'), 'section-heading')}
    ${item.outcomeDate ? html`<p class="meta">${t('outcomePublished', { date: formatCalendarDate(item.outcomeDate, lang) })}</p>` : nothing}
    ${text ? html`<div class="rich-text">${renderBlocks(text, { ...richText, baseHeadingLevel: level + 1 })}</div>` : nothing}
    ${report ? html`<p><a href=${report}>${t('outcomeReport')}</a></p>` : nothing}
  </section>`;
}

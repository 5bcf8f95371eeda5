import { html, nothing, type TemplateResult } from 'lit';
import { css } from './styles.js';
import { formatCalendarDate, formatLondonDate, parseInstant } from './dates.js';
import { heading } from './heading.js';
import { PHASE_LABEL_KEYS, readerPhase } from './consultation-status.js';
import { hasOwnKey, type ItemKey } from './strings.js';
import type { ArticleSummary, UpdateSummary, UpdateType } from './types.js';

/** Lists of updates (feed and archive); `--_gap` is the space between items. */
export const listStyles = css`
  :host {
    --_gap: var(--_space);
  }
  .items {
    display: grid;
    gap: var(--_gap);
    margin-bottom: var(--_space);
  }
  .item {
    padding-bottom: var(--_gap);
    border-bottom: 1px solid var(--_border);
  }
  .summary {
    margin: 0;
  }
  /* "Closes 25 December 2026" wraps as one piece on a phone, never between day and month. */
  .meta time {
    white-space: nowrap;
  }
`;

/** Each type's label string: the compiler checks every type of the API has one. */
const TYPE_LABEL_KEYS = {
  article: 'typeArticle',
  consultation: 'typeConsultation',
  'staffing-update': 'typeStaffingUpdate',
} satisfies Record<UpdateType, ItemKey>;

/** What item templates need from their widget: its strings and language. */
export interface ItemContext {
  t: (key: ItemKey, values?: Record<string, string>) => string;
  lang: string;
}

/** "News" for `article`; a type this version does not know keeps its key. */
export function typeLabel(type: UpdateType, { t }: Pick<ItemContext, 't'>): string {
  // Own keys only: a broken API's type "constructor" is no label key.
  return hasOwnKey(TYPE_LABEL_KEYS, type) ? t(TYPE_LABEL_KEYS[type]) : type;
}

/** The type label as a tag; nothing for a type this version does not know (its key is no word for readers). */
export function typeTag(type: UpdateType, context: Pick<ItemContext, 't'>): TemplateResult | typeof nothing {
  return hasOwnKey(TYPE_LABEL_KEYS, type) ? html`<span class="tag" part="tag">${typeLabel(type, context)}</span>` : nothing;
}

/**
 * "News · 8 July 2019": the type label and reader-facing date shown with every item. A consultation
 * also shows its state, as the CMS's pages do: an upcoming one when it opens and an open one when it
 * closes (its date is only the day it was announced), a closed one its date.
 */
export function itemMeta(item: UpdateSummary, context: ItemContext): TemplateResult {
  const consultation = item.type === 'consultation' ? item : null;
  const phase = consultation ? readerPhase(consultation) : 'unknown';
  const [at, key] =
    phase === 'upcoming'
      ? [parseInstant(consultation?.opensAt), 'opensOn' as const]
      : phase === 'open'
        ? [parseInstant(consultation?.closesAt), 'closesOn' as const]
        : [null];
  return html`<p class="meta" part="meta">
    ${typeTag(item.type, context)}
    ${phase === 'unknown' ? nothing : html`<strong class="tag" part="tag" data-phase=${phase}>${context.t(PHASE_LABEL_KEYS[phase])}</strong>`}
    ${
      at !== null && key
        ? html`<time datetime=${new Date(at).toISOString()}>${context.t(key, { date: formatLondonDate(at, context.lang) })}</time>`
        : html`<time datetime=${item.date}>${formatCalendarDate(item.date, context.lang)}</time>`
    }
  </p>`;
}

/** Text that wraps as words of average length do: placeholders' stand-in for titles and summaries. */
const placeholderText = (words: number) => 'xxxxxxx '.repeat(words);

/**
 * An item of typical length for placeholders (never shown): the council's items have a median title of 49
 * characters and a median summary of 182.
 */
export const PLACEHOLDER_ITEM: ArticleSummary = {
  type: 'article',
  id: '',
  slug: '',
  title: placeholderText(6),
  summary: placeholderText(23),
  date: '2025-01-01',
  topics: [],
  audiences: [],
  easyReadUrl: null,
  url: '',
  pageUrl: '',
  publishedAt: '',
  updatedAt: '',
  lastUpdated: null,
};

/**
 * Placeholders for a list of `count` items: at most ten, which fill a first screen at any width; the items after
 * them land below it, where moving costs the reader nothing, and a long list would only cost the page time.
 */
export const placeholderItems = (count: number): UpdateSummary[] => Array<UpdateSummary>(Math.min(count, 10)).fill(PLACEHOLDER_ITEM);

export interface ItemOptions extends ItemContext {
  href?: string;
  /** Show the summary (default true). */
  summary?: boolean;
  onOpen?: (event: MouseEvent) => void;
}

/** One item as in feeds and result lists: heading with link, meta line, summary. */
export function itemTemplate(item: UpdateSummary, level: number, options: ItemOptions): TemplateResult {
  const title = options.href
    ? html`<a href=${options.href} part="item-link" data-key=${`${item.type}/${item.slug}`} @click=${options.onOpen}
        >${item.title}</a
      >`
    : item.title;
  return html`<li class="item" part="item">
    ${heading(level, title, 'item-title')} ${itemMeta(item, options)}
    ${options.summary !== false && item.summary ? html`<p class="summary">${item.summary}</p>` : nothing}
  </li>`;
}

import { html, nothing, type TemplateResult } from 'lit';
import { css } from './styles.js';
import { formatCalendarDate } from './dates.js';
import { heading } from './heading.js';
import { SendElement } from './send-element.js';
import type { StringKey } from './strings.js';
import type { UpdateSummary, UpdateType } from './types.js';

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
`;

const TYPE_LABEL_KEYS: Record<UpdateType, StringKey> = {
  article: 'typeArticle',
  consultation: 'typeConsultation',
  'staffing-update': 'typeStaffingUpdate',
};

/** Widgets that list updates (feed, archive): item rendering with type labels and dates. */
export abstract class SendListElement extends SendElement {
  protected typeLabel(type: string): string {
    const key = TYPE_LABEL_KEYS[type as UpdateType];
    return key ? this.t(key) : type;
  }

  /** "News · 8 July 2019": the type label and reader-facing date shown with every item. */
  protected renderItemMeta(item: UpdateSummary): TemplateResult {
    return html`<p class="meta" part="meta">
      <span class="tag" part="tag">${this.typeLabel(item.type)}</span>
      <time datetime=${item.date}>${formatCalendarDate(item.date, this.locale)}</time>
    </p>`;
  }

  /** One item as in feeds and result lists: heading with link, meta line, summary. */
  protected renderItem(
    item: UpdateSummary,
    level: number,
    options: { href?: string; summary?: boolean; onOpen?: (event: MouseEvent) => void } = {},
  ): TemplateResult {
    const title = options.href
      ? html`<a href=${options.href} part="item-link" data-key=${`${item.type}/${item.slug}`} @click=${options.onOpen}
          >${item.title}</a
        >`
      : item.title;
    return html`<li class="item" part="item">
      ${heading(level, title, 'item-title')} ${this.renderItemMeta(item)}
      ${options.summary !== false && item.summary ? html`<p class="summary">${item.summary}</p>` : nothing}
    </li>`;
  }
}

/**
 * The archive's reading view: loaded with a dynamic import only when a reader opens an item, so the
 * rich-text renderer, downloads and their styles stay out of the archive's first paint.
 * Everything it needs from the element comes in `ReadingContext`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { css } from '../core/styles.js';
import { describeFile } from '../core/files.js';
import { heading } from '../core/heading.js';
import { renderBlocks, richTextStyles } from '../core/rich-text.js';
import type { UpdateDetail } from '../core/types.js';
import { safeHref } from '../core/urls.js';

/** Default strings only the reading view shows (overridable through `strings` like any other). */
export const readingStrings = {
  externalLink: '(opens external site)',
  topics: 'Topics',
  downloads: 'Downloads',
  easyRead: 'Easy Read version',
  outcomeLink: 'What you said and what we did',
};

export const readingStyles = [
  richTextStyles,
  css`
    .reading-title {
      font-size: 2rem;
    }
    .topics {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }
    .downloads li {
      margin-bottom: 0.5em;
    }
  `,
];

export interface ReadingContext {
  /** The element's `t`: its strings, overrides and language. */
  t: (key: keyof typeof readingStrings) => string;
  /** Level of the article title. */
  level: number;
  /** CMS origin, the base of relative links. */
  base: string;
  lang: string;
  /** The type label and date line, as in the results. */
  meta: unknown;
}

export function articleTemplate(item: UpdateDetail, { t, level, base, lang, meta }: ReadingContext): TemplateResult {
  const consultation = item.type === 'consultation' ? item : undefined;
  const easyRead = safeHref(consultation?.easyReadVersion?.url ?? item.easyReadUrl, base);
  const downloads = (item.downloads ?? []).flatMap((file) => {
    const href = safeHref(file.url, base);
    return href ? [{ ...file, href }] : [];
  });
  const richText = { baseHeadingLevel: level, baseUrl: base, externalLabel: t('externalLink') };
  return html`<article part="article">
    ${heading(level, item.title, 'reading-title', undefined, true)} ${meta}
    ${item.topics?.length
      ? html`<p class="topics"><span class="visually-hidden">${t('topics')}:</span>
          ${item.topics.map((topic) => html`<span class="tag">${topic.name}</span>`)}</p>`
      : nothing}
    ${easyRead ? html`<p><a href=${easyRead}>${t('easyRead')}</a></p>` : nothing}
    <div class="rich-text">${renderBlocks(item.body, richText)}</div>
    ${consultation?.outcome?.length
      ? html`${heading(level + 1, t('outcomeLink'))}<div class="rich-text">${renderBlocks(consultation.outcome, {
            ...richText,
            baseHeadingLevel: level + 1,
          })}</div>`
      : nothing}
    ${downloads.length
      ? html`${heading(level + 1, t('downloads'))}
          <ul class="downloads plain-list" role="list">
            ${downloads.map(
              (file) => html`<li><a href=${file.href}>${file.title}</a> (${describeFile(file.format, file.sizeBytes, lang)})</li>`,
            )}
          </ul>`
      : nothing}
  </article>`;
}

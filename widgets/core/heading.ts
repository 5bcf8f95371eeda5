import { html, nothing, type TemplateResult } from 'lit';

/** Clamps to the HTML heading levels 1–6. */
export const clampLevel = (level: number): number => Math.min(6, Math.max(1, Math.round(Number.isFinite(level) ? level : 2)));

/**
 * The static text of `<hN class=${…} part=${…} tabindex=${…}>${…}</hN>` for each level, as Lit's
 * html tag receives it from a template literal (one array per level, so Lit caches each once).
 * Only these fixed strings are ever used: no text reaches them.
 */
const LEVELS = [1, 2, 3, 4, 5, 6].map((level) => {
  const strings = [`<h${level} class=`, ' part=', ' tabindex=', '>', `</h${level}>`];
  return Object.assign(strings, { raw: strings });
});

/**
 * A native heading at a level chosen at run time, so widgets fit the host page's outline.
 * `focusable` makes it a programmatic focus target (tabindex=-1), e.g. the reading-view title.
 */
export function heading(level: number, content: unknown, className?: string, part?: string, focusable?: boolean): TemplateResult {
  return html(LEVELS[clampLevel(level) - 1], className ?? nothing, part ?? nothing, focusable ? '-1' : nothing, content);
}

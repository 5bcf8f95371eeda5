import { html, nothing, type TemplateResult } from 'lit';

/** Clamps to the HTML heading levels 1–6. */
export const clampLevel = (level: number): number =>
  Math.min(6, Math.max(1, Math.round(Number.isFinite(level) ? level : 2)));

type HeadingTemplate = (className: unknown, part: unknown, tabindex: unknown, content: unknown) => TemplateResult;

// One plain template per level: cheaper than lit/static-html for six fixed tags.
const LEVELS: HeadingTemplate[] = [
  (c, p, t, x) => html`<h1 class=${c} part=${p} tabindex=${t}>${x}</h1>`,
  (c, p, t, x) => html`<h2 class=${c} part=${p} tabindex=${t}>${x}</h2>`,
  (c, p, t, x) => html`<h3 class=${c} part=${p} tabindex=${t}>${x}</h3>`,
  (c, p, t, x) => html`<h4 class=${c} part=${p} tabindex=${t}>${x}</h4>`,
  (c, p, t, x) => html`<h5 class=${c} part=${p} tabindex=${t}>${x}</h5>`,
  (c, p, t, x) => html`<h6 class=${c} part=${p} tabindex=${t}>${x}</h6>`,
];

/**
 * A native heading at a level chosen at run time, so widgets fit the host page's outline.
 * `focusable` makes it a programmatic focus target (tabindex=-1), e.g. the reading-view title.
 */
export function heading(level: number, content: unknown, className?: string, part?: string, focusable?: boolean): TemplateResult {
  return LEVELS[clampLevel(level) - 1](className ?? nothing, part ?? nothing, focusable ? '-1' : nothing, content);
}

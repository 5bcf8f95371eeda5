import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import { nothing, type TemplateResult } from 'lit';

const HEADING_TAGS: StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/** Clamps to the HTML heading levels 1–6. */
export const clampLevel = (level: number): number =>
  Math.min(6, Math.max(1, Math.round(Number.isFinite(level) ? level : 2)));

export interface HeadingOptions {
  className?: string;
  part?: string;
  id?: string;
  /** Programmatic focus target (tabindex=-1), e.g. the reading-view title. */
  focusable?: boolean;
}

/** A native heading at a level chosen at run time, so widgets fit the host page's outline. */
export function heading(level: number, content: unknown, options: HeadingOptions = {}): TemplateResult {
  const tag = HEADING_TAGS[clampLevel(level) - 1];
  return staticHtml`<${tag}
    class=${options.className ?? nothing}
    part=${options.part ?? nothing}
    id=${options.id ?? nothing}
    tabindex=${options.focusable ? '-1' : nothing}
  >${content}</${tag}>`;
}

import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { css } from './styles.js';
import { heading } from './heading.js';
import { objectsIn, type Block, type InlineNode, type ListBlock, type TextNode } from './types.js';
import { safeHref } from './urls.js';

/** Styles for content rendered from CMS rich text. */
export const richTextStyles = css`
  .rich-text :is(h1, h2, h3, h4, h5, h6) {
    font-size: 1.25em;
    margin-top: var(--_space);
  }
  .rich-text img {
    max-width: 100%;
    height: auto;
  }
  .rich-text figure {
    margin: 0 0 var(--_space);
  }
  .rich-text figcaption {
    color: var(--_secondary);
  }
  .rich-text blockquote {
    margin: 0 0 var(--_space);
    padding: calc(var(--_space) / 2) var(--_space);
    border-left: 5px solid var(--_border);
  }
  .rich-text pre {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    padding: calc(var(--_space) / 2);
    background: var(--_notice);
  }
  /* Forced colours drop the background: a border keeps the block apart from the text around it. */
  @media (forced-colors: active) {
    .rich-text pre {
      border: 1px solid CanvasText;
    }
  }
  .rich-text code {
    font-family: var(--send-code-font-family, ui-monospace, monospace);
  }
  .rich-text ul,
  .rich-text ol {
    margin: 0 0 var(--_space);
    padding-left: 1.25em;
  }
  .rich-text li > ul,
  .rich-text li > ol {
    margin: 0;
  }
`;

export interface RichTextOptions {
  /**
   * Level of the heading the content sits under. Editors start their sections at heading 2 (the title is
   * the page's heading 1), so heading 2 (and 1) renders one level below it, heading 3 two below, clamped to 6.
   */
  baseHeadingLevel: number;
  /** Base for relative URLs in the content (the CMS origin). */
  baseUrl: string;
  /** Visually hidden suffix for links leaving the host site, e.g. "(opens external site)". */
  externalLabel: string;
}

/**
 * Strapi blocks → Lit templates. Text always goes through Lit bindings (never
 * parsed as HTML); links keep only http(s)/mailto/tel, anything else is plain text.
 */
export function renderBlocks(blocks: readonly Block[] | null | undefined, options: RichTextOptions): unknown {
  return objectsIn(blocks).map((block) => renderBlock(block, options));
}

function renderBlock(block: Block, options: RichTextOptions): unknown {
  switch (block.type) {
    case 'paragraph':
      return html`<p>${renderInline(block.children, options)}</p>`;
    case 'heading':
      return heading(options.baseHeadingLevel + Math.max(1, (Number(block.level) || 2) - 1), renderInline(block.children, options));
    case 'quote':
      return html`<blockquote>${renderInline(block.children, options)}</blockquote>`;
    case 'code':
      return html`<pre><code>${plainText(block.children)}</code></pre>`;
    case 'list':
      return renderList(block, options);
    case 'image':
      return renderImage(block.image, options);
    default:
      return nothing;
  }
}

/** A nested list goes inside the item before it (Strapi stores it as a sibling), so an ordered list keeps counting. */
function renderList(list: ListBlock, options: RichTextOptions): TemplateResult {
  const items: Array<{ content: unknown; nested: TemplateResult[] }> = [];
  for (const child of objectsIn(list.children)) {
    if (child.type !== 'list') items.push({ content: renderInline(child.children, options), nested: [] });
    else if (items.length) items[items.length - 1].nested.push(renderList(child, options));
    else items.push({ content: nothing, nested: [renderList(child, options)] });
  }
  const children = items.map(({ content, nested }) => html`<li>${content}${nested}</li>`);
  return list.format === 'ordered' ? html`<ol>${children}</ol>` : html`<ul>${children}</ul>`;
}

function renderImage(
  image: { url: string; alternativeText?: string | null; width?: number; height?: number; caption?: string | null } | undefined,
  options: RichTextOptions,
): unknown {
  const src = safeHref(image?.url, options.baseUrl);
  if (!image || !src || !src.startsWith('http')) return nothing;
  // Empty alt marks the image decorative, so screen readers skip it.
  const img = html`<img
    src=${src}
    alt=${image.alternativeText ?? ''}
    width=${ifDefined(image.width)}
    height=${ifDefined(image.height)}
    loading="lazy"
  />`;
  return image.caption ? html`<figure>${img}<figcaption>${image.caption}</figcaption></figure>` : img;
}

/**
 * True when the link leaves the host page's site, so readers can be told. Here rather than in urls.ts, its
 * only user being rich text: the archive's reading view, a lazy chunk, so first paint does not carry it.
 */
function isExternal(href: string): boolean {
  const url = new URL(href);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== location.origin;
}

function renderInline(nodes: readonly InlineNode[] | undefined, options: RichTextOptions): unknown {
  return objectsIn(nodes).map((node) => {
    if (node.type === 'link') {
      const href = safeHref(node.url, options.baseUrl);
      const children = renderInline(node.children, options);
      if (!href) return children;
      return html`<a href=${href}
        >${children}${isExternal(href) ? html`<span class="visually-hidden"> ${options.externalLabel}</span>` : nothing}</a
      >`;
    }
    return node.type === 'text' ? renderText(node) : nothing;
  });
}

function renderText(node: TextNode): unknown {
  let content: unknown = node.text ?? '';
  if (node.code) content = html`<code>${content}</code>`;
  if (node.strikethrough) content = html`<s>${content}</s>`;
  if (node.underline) content = html`<u>${content}</u>`;
  if (node.italic) content = html`<em>${content}</em>`;
  if (node.bold) content = html`<strong>${content}</strong>`;
  return content;
}

function plainText(nodes: readonly InlineNode[] | undefined): string {
  return objectsIn(nodes)
    .map((node) => (node.type === 'link' ? plainText(node.children) : (node.text ?? '')))
    .join('');
}

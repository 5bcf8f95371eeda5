import { html, nothing, type TemplateResult } from 'lit';
import { heading } from './heading.js';
import type { Block, InlineNode, ListBlock, TextNode } from './types.js';
import { isExternal, safeHref } from './urls.js';

export interface RichTextOptions {
  /** Level of the heading the content sits under; a block heading of level n renders at base + n, clamped to 6. */
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
  if (!Array.isArray(blocks)) return nothing;
  return blocks.map((block) => renderBlock(block, options));
}

function renderBlock(block: Block, options: RichTextOptions): unknown {
  switch (block.type) {
    case 'paragraph':
      return html`<p>${renderInline(block.children, options)}</p>`;
    case 'heading':
      return heading(options.baseHeadingLevel + (Number(block.level) || 1), renderInline(block.children, options));
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

function renderList(list: ListBlock, options: RichTextOptions): TemplateResult {
  const items = (list.children ?? []).map((child) =>
    child.type === 'list'
      ? html`<li class="nested">${renderList(child, options)}</li>`
      : html`<li>${renderInline(child.children, options)}</li>`,
  );
  return list.format === 'ordered' ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
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
    width=${image.width ?? nothing}
    height=${image.height ?? nothing}
    loading="lazy"
  />`;
  return image.caption ? html`<figure>${img}<figcaption>${image.caption}</figcaption></figure>` : img;
}

function renderInline(nodes: readonly InlineNode[] | undefined, options: RichTextOptions): unknown {
  return (nodes ?? []).map((node) => {
    if (node.type === 'link') {
      const href = safeHref(node.url, options.baseUrl);
      const children = renderInline(node.children, options);
      if (!href) return children;
      return html`<a href=${href}
        >${children}${isExternal(href)
          ? html`<span class="visually-hidden"> ${options.externalLabel}</span>`
          : nothing}</a
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
  return (nodes ?? []).map((node) => (node.type === 'link' ? plainText(node.children) : node.text ?? '')).join('');
}

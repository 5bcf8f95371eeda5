/**
 * Strapi blocks rich text as a small, safe HTML subset for feed readers and
 * email-from-RSS services: paragraphs, headings, lists, quotes, code, links
 * (http, https, mailto, tel only), strong, em, s and code, and images with
 * only src and alt. Every text and attribute is escaped; nothing an editor
 * types can add an element, attribute or script.
 */
import type { Block, InlineNode, ListBlock, TextNode } from '../../../contract/api';
import { escapeMarkup, isWebUrl, safeUrl } from './text';

// Stored content may predate today's validation (or arrive straight in the database), so every
// node is checked to be an object before it is read.
const isNode = <T>(node: T): node is NonNullable<T> => Boolean(node) && typeof node === 'object';

function renderText(node: TextNode): string {
  let html = escapeMarkup(node.text).replace(/\r?\n/g, '<br>');
  if (html === '') return '';
  if (node.code) html = `<code>${html}</code>`;
  if (node.strikethrough) html = `<s>${html}</s>`;
  if (node.italic) html = `<em>${html}</em>`;
  if (node.bold) html = `<strong>${html}</strong>`;
  return html;
}

function renderInline(nodes: readonly InlineNode[] | undefined, base: string): string {
  if (!Array.isArray(nodes)) return '';
  return nodes
    .filter(isNode)
    .map((node) => {
      if (node.type === 'link') {
        const inner = renderInline(node.children, base);
        const href = safeUrl(node.url, base);
        // An unsafe link keeps its words but loses the link.
        return href ? `<a href="${escapeMarkup(href)}">${inner || escapeMarkup(href)}</a>` : inner;
      }
      if (typeof node.text === 'string') return renderText(node);
      // Neither text nor link: keep whatever text it holds.
      return renderInline((node as { children?: InlineNode[] }).children, base);
    })
    .join('');
}

function renderList(node: ListBlock, base: string): string {
  const tag = node.format === 'ordered' ? 'ol' : 'ul';
  // Children are list items (inline nodes) or, for nesting, lists; HTML wants a nested list inside an <li>.
  const items = (Array.isArray(node.children) ? node.children : []).map((child) =>
    child?.type === 'list' ? `<li>${renderList(child, base)}</li>` : `<li>${renderInline(child?.children, base)}</li>`,
  );
  return items.length ? `<${tag}>${items.join('')}</${tag}>` : '';
}

function renderBlock(node: Block, base: string): string {
  switch (node.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.level) || 2));
      const inner = renderInline(node.children, base);
      return inner ? `<h${level}>${inner}</h${level}>` : '';
    }
    case 'list':
      return renderList(node, base);
    case 'quote': {
      const inner = renderInline(node.children, base);
      return inner ? `<blockquote><p>${inner}</p></blockquote>` : '';
    }
    case 'code': {
      const inner = renderInline(node.children, base);
      return inner ? `<pre><code>${inner}</code></pre>` : '';
    }
    case 'image': {
      const image = isNode(node.image) ? node.image : undefined;
      const src = safeUrl(image?.url, base);
      return isWebUrl(src) ? `<p><img src="${escapeMarkup(src)}" alt="${escapeMarkup(image?.alternativeText ?? '')}"></p>` : '';
    }
    default: {
      // Paragraphs, and any block type this renderer does not know: its text as a paragraph.
      const inner = renderInline((node as { children?: InlineNode[] }).children, base);
      return inner ? `<p>${inner}</p>` : '';
    }
  }
}

/** Safe HTML for a blocks document; relative links resolve against `base`. */
export function blocksToSafeHtml(blocks: readonly Block[] | null | undefined, base: string): string {
  if (!Array.isArray(blocks)) return '';
  return blocks.filter(isNode).map((block) => renderBlock(block, base)).join('\n');
}

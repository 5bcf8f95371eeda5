/** Helpers for Strapi "blocks" rich text, shared by the API, search, feeds, seed and import. */
import type { Schema } from '@strapi/strapi';
import type { Block, HeadingLevel, InlineNode, ListBlock, ParagraphBlock, QuoteBlock, TextNode } from '../../../contract/api';

export type { Block };

/**
 * Blocks as the document service's input type, for writing. Strapi's type asks every link for `rel`
 * and `target`, which its validator (the rule stored content is held to) does not require.
 */
export const asStrapiBlocks = (blocks: Block[]) => blocks as unknown as Schema.Attribute.BlocksValue;

type Node = { type?: unknown; text?: unknown; children?: unknown; image?: { alternativeText?: unknown } };

const nodesOf = (value: unknown): Node[] => (Array.isArray(value) ? value.filter((n): n is Node => Boolean(n) && typeof n === 'object') : []);

/**
 * Plain text of a blocks document, one line per block, for search and summaries.
 * Reads anything: stored content may predate today's validation.
 */
export function blocksToText(blocks: unknown): string {
  const lines: string[] = [];
  const inline = (nodes: unknown): string =>
    nodesOf(nodes)
      .map((n) => (typeof n.text === 'string' ? n.text : inline(n.children)))
      .join('');
  const walk = (nodes: unknown) => {
    for (const node of nodesOf(nodes)) {
      if (node.type === 'list') walk(node.children);
      else if (node.type === 'image') {
        const alt = node.image?.alternativeText;
        if (typeof alt === 'string' && alt) lines.push(alt);
      } else lines.push(inline(node.children));
    }
  };
  walk(blocks);
  return lines.filter(Boolean).join('\n');
}

/** Short helpers to write seed and test content as blocks. */
export const text = (value: string, marks: Omit<TextNode, 'type' | 'text'> = {}): TextNode => ({ type: 'text', text: value, ...marks });
export const paragraph = (...children: (string | InlineNode)[]): ParagraphBlock => ({
  type: 'paragraph',
  children: children.map((c) => (typeof c === 'string' ? text(c) : c)),
});
export const heading = (level: HeadingLevel, value: string): Block => ({ type: 'heading', level, children: [text(value)] });
export const link = (url: string, value: string): InlineNode => ({ type: 'link', url, children: [text(value)] });
export const list = (format: ListBlock['format'], items: string[]): ListBlock => ({
  type: 'list',
  format,
  children: items.map((item) => ({ type: 'list-item', children: [text(item)] })),
});
export const quote = (value: string): QuoteBlock => ({ type: 'quote', children: [text(value)] });

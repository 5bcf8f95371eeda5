/** Helpers for Strapi "blocks" rich text, shared by the API, search and feeds. */

export type Block = {
  type: string;
  children?: Block[];
  text?: string;
  [key: string]: unknown;
};

/** Plain text of a blocks document, one line per block, for search and summaries. */
export function blocksToText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  const lines: string[] = [];
  const inline = (nodes: Block[] | undefined): string =>
    (nodes ?? []).map((n) => (typeof n.text === 'string' ? n.text : inline(n.children))).join('');
  const walk = (nodes: Block[]) => {
    for (const node of nodes) {
      if (!node || typeof node !== 'object') continue;
      if (node.type === 'list') walk((node.children ?? []) as Block[]);
      else if (node.type === 'image') {
        const alt = (node.image as { alternativeText?: string } | undefined)?.alternativeText;
        if (alt) lines.push(alt);
      } else lines.push(inline(node.children));
    }
  };
  walk(blocks as Block[]);
  return lines.filter(Boolean).join('\n');
}

/** Short helpers to write seed and test content as blocks. */
export const text = (value: string, marks: Record<string, boolean> = {}): Block => ({ type: 'text', text: value, ...marks });
export const paragraph = (...children: (string | Block)[]): Block => ({
  type: 'paragraph',
  children: children.map((c) => (typeof c === 'string' ? text(c) : c)),
});
export const heading = (level: number, value: string): Block => ({ type: 'heading', level, children: [text(value)] });
export const link = (url: string, value: string): Block => ({ type: 'link', url, children: [text(value)] });
export const list = (format: 'ordered' | 'unordered', items: string[]): Block => ({
  type: 'list',
  format,
  children: items.map((item) => ({ type: 'list-item', children: [text(item)] })),
});
export const quote = (value: string): Block => ({ type: 'quote', children: [text(value)] });

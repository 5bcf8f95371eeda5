/**
 * HTML from old council feeds as Strapi blocks rich text: paragraphs,
 * headings, lists, quotes, code, links and bold/italic/underline/strike.
 * Scripts, styles and embeds are dropped with their content; links keep only
 * http(s), mailto and tel targets (others keep their words, not the link);
 * everything else keeps its text. The output passes Strapi's blocks validator.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Block, HeadingLevel, InlineNode, ListBlock, ListItemBlock, TextNode } from '../../../contract/api';

type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<ChildNode, { attribs: Record<string, string> }>;
type Mark = 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code';
type Marks = Partial<Record<Mark, true>>;

const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'iframe',
  'object',
  'embed',
  'template',
  'head',
  'svg',
  'math',
  'form',
  'button',
  'select',
  'textarea',
]);
const HEADINGS: Record<string, HeadingLevel> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const MARKS: Record<string, Mark> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  cite: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  code: 'code',
  kbd: 'code',
  tt: 'code',
};
const MARK_NAMES: Mark[] = ['bold', 'italic', 'underline', 'strikethrough', 'code'];
const BLOCK_CONTAINERS = new Set([
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'figure',
  'figcaption',
  'body',
  'html',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'dl',
  'dt',
  'dd',
  'center',
  'details',
  'summary',
  'address',
  'fieldset',
  'caption',
]);
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
// A <br> while whitespace is collapsed; it becomes a newline once source line breaks are spaces.
const BREAK = '\u2028';

/** An absolute, allowed link target, or null. Relative links resolve against `base` (the item's page). */
export function allowedLink(href: unknown, base?: string): string | null {
  if (typeof href !== 'string' || href.trim() === '') return null;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const nameOf = (element: Element) => element.name.toLowerCase();
const isList = (node: ChildNode): node is Element => DomUtils.isTag(node) && ['ul', 'ol'].includes(nameOf(node));

/** Inline runs of text with marks, and links holding such runs. */
function collectInline(nodes: ChildNode[], marks: Marks, base: string | undefined, out: InlineNode[]): InlineNode[] {
  for (const node of nodes) {
    if (DomUtils.isText(node)) {
      out.push({ type: 'text', text: node.data, ...marks });
    } else if (DomUtils.isTag(node)) {
      const name = nameOf(node);
      if (DROPPED.has(name)) continue;
      if (name === 'br') {
        out.push({ type: 'text', text: BREAK, ...marks });
      } else if (name === 'img') {
        // Images cannot be imported without uploading them; their description keeps the meaning.
        const alt = (node.attribs.alt ?? '').trim();
        if (alt) out.push({ type: 'text', text: alt, ...marks });
      } else if (name === 'a') {
        const url = allowedLink(node.attribs.href, base);
        const texts = textsOf(collectInline(node.children, marks, base, []));
        if (url) out.push({ type: 'link', url, children: texts });
        else out.push(...texts);
      } else {
        const mark = Object.hasOwn(MARKS, name) ? MARKS[name] : undefined;
        collectInline(node.children, mark ? { ...marks, [mark]: true } : marks, base, out);
      }
    }
  }
  return out;
}

/** The text runs of inline content, links unwrapped. */
const textsOf = (nodes: InlineNode[]): TextNode[] => nodes.flatMap((node) => (node.type === 'link' ? node.children : [node]));

const sameMarks = (a: TextNode, b: TextNode) => MARK_NAMES.every((m) => Boolean(a[m]) === Boolean(b[m]));

/**
 * HTML whitespace rules for one block: runs of spaces collapse, line breaks
 * from <br> stay, edges are trimmed; adjacent runs with the same marks merge.
 */
function tidyInline(nodes: InlineNode[], { preserveWhitespace = false } = {}): InlineNode[] {
  const merged: InlineNode[] = [];
  for (const node of nodes) {
    if (node.type === 'link') {
      const children = textsOf(tidyInline(node.children, { preserveWhitespace }));
      if (children.length) merged.push({ ...node, children });
      continue;
    }
    const text = preserveWhitespace ? node.text : node.text.replace(/[ \t\r\n\f]+/g, ' ');
    if (text === '') continue;
    const last = merged[merged.length - 1];
    if (last && last.type === 'text' && sameMarks(last, node)) last.text += text;
    else merged.push({ ...node, text });
  }
  const texts = textsOf(merged);
  if (!preserveWhitespace) {
    // Collapse spaces across node boundaries and around line breaks, then trim the block's edges.
    for (let i = 0; i < texts.length; i++) {
      texts[i].text = texts[i].text.replace(/ *\u2028 */g, BREAK);
      if (i > 0 && /[ \u2028]$/.test(texts[i - 1].text)) texts[i].text = texts[i].text.replace(/^ +/, '');
    }
    if (texts.length) {
      texts[0].text = texts[0].text.replace(/^[\s\u2028]+/, '');
      texts[texts.length - 1].text = texts[texts.length - 1].text.replace(/[\s\u2028]+$/, '');
    }
  }
  for (const node of texts) node.text = node.text.replaceAll(BREAK, '\n');
  return merged
    .map((n): InlineNode => (n.type === 'link' ? { ...n, children: n.children.filter((c) => c.text !== '') } : n))
    .filter((n) => (n.type === 'link' ? n.children.length > 0 : n.text !== ''));
}

function listBlock(element: Element, base: string | undefined): ListBlock | null {
  const children: (ListItemBlock | ListBlock)[] = [];
  for (const child of element.children) {
    if (!DomUtils.isTag(child)) continue;
    const name = nameOf(child);
    if (name === 'ul' || name === 'ol') {
      const nested = listBlock(child, base);
      if (nested) children.push(nested);
      continue;
    }
    if (name !== 'li') continue;
    // Strapi list items hold inline content only, so a nested list follows its item.
    const text = tidyInline(
      collectInline(
        child.children.filter((n) => !isList(n)),
        {},
        base,
        [],
      ),
    );
    if (text.length) children.push({ type: 'list-item', children: text });
    for (const nested of child.children.filter(isList)) {
      const block = listBlock(nested, base);
      if (block) children.push(block);
    }
  }
  return children.length ? { type: 'list', format: nameOf(element) === 'ol' ? 'ordered' : 'unordered', children } : null;
}

/** Walks block-level structure; loose inline content between blocks becomes paragraphs. */
function collectBlocks(nodes: ChildNode[], base: string | undefined, blocks: Block[]): Block[] {
  let pending: ChildNode[] = [];
  const flush = () => {
    const children = tidyInline(collectInline(pending, {}, base, []));
    if (children.length) blocks.push({ type: 'paragraph', children });
    pending = [];
  };
  for (const node of nodes) {
    if (!DomUtils.isTag(node)) {
      if (DomUtils.isText(node)) pending.push(node);
      continue;
    }
    const name = nameOf(node);
    if (DROPPED.has(name)) continue;
    if (Object.hasOwn(HEADINGS, name)) {
      flush();
      const children = tidyInline(collectInline(node.children, {}, base, []));
      if (children.length) blocks.push({ type: 'heading', level: HEADINGS[name], children });
    } else if (name === 'p') {
      flush();
      pending = [...node.children];
      flush();
    } else if (name === 'ul' || name === 'ol') {
      flush();
      const list = listBlock(node, base);
      if (list) blocks.push(list);
    } else if (name === 'blockquote') {
      flush();
      const inner = collectBlocks(node.children, base, []);
      // A quote holds inline content only: its paragraphs become lines.
      const lines = inner.flatMap((b, i): InlineNode[] => [...(i ? [lineBreak()] : []), ...inlineOf(b)]);
      const children = tidyInline(lines, { preserveWhitespace: true });
      if (children.length) blocks.push({ type: 'quote', children });
    } else if (name === 'pre') {
      flush();
      const text = textsOf(collectInline(node.children, {}, base, []))
        .map((n) => n.text)
        .join('');
      if (text.trim()) blocks.push({ type: 'code', children: [{ type: 'text', text: text.replace(/^\n|\n$/g, '') }] });
    } else if (name === 'hr') {
      flush();
    } else if (BLOCK_CONTAINERS.has(name)) {
      flush();
      collectBlocks(node.children, base, blocks);
    } else {
      pending.push(node);
    }
  }
  flush();
  return blocks;
}

const lineBreak = (): TextNode => ({ type: 'text', text: '\n' });

/** The inline content of any block, for flattening (lists become lines). */
function inlineOf(block: Block | ListItemBlock): InlineNode[] {
  if (block.type === 'list') return block.children.flatMap((item, i) => [...(i ? [lineBreak()] : []), ...inlineOf(item)]);
  return block.children;
}

/**
 * Strapi blocks for an HTML fragment. Plain text (no tags) is split into
 * paragraphs at blank lines, as old feeds often send it that way.
 */
export function htmlToBlocks(html: unknown, { base }: { base?: string } = {}): Block[] {
  if (typeof html !== 'string' || html.trim() === '') return [];
  if (!/<[a-z!/]/i.test(html)) {
    return html
      .split(/\r?\n\s*\r?\n/)
      .map((chunk) => tidyInline([{ type: 'text', text: decodeEntities(chunk) }]))
      .filter((children) => children.length)
      .map((children): Block => ({ type: 'paragraph', children }));
  }
  return collectBlocks(parseDocument(html, { decodeEntities: true }).children, base, []);
}

/** Decodes character references in text that is not HTML (feed titles): a literal "<" stays. */
export function decodeEntities(text: unknown): string {
  if (typeof text !== 'string') return '';
  const doc = parseDocument(text.replace(/</g, '&lt;'), { decodeEntities: true });
  return doc.children.map((n) => (DomUtils.isText(n) ? n.data : '')).join('');
}

/**
 * HTML from old council feeds as Strapi blocks rich text: paragraphs,
 * headings, lists, quotes, code, links and bold/italic/underline/strike.
 * Scripts, styles and embeds are dropped with their content; links keep only
 * http(s), mailto and tel targets (others keep their words, not the link);
 * everything else keeps its text. The output passes Strapi's blocks validator.
 */
import { parseDocument } from 'htmlparser2';

const DROPPED = new Set(['script', 'style', 'noscript', 'iframe', 'object', 'embed', 'template', 'head', 'svg', 'math', 'form', 'button', 'select', 'textarea']);
const HEADINGS = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const MARKS = { strong: 'bold', b: 'bold', em: 'italic', i: 'italic', cite: 'italic', u: 'underline', ins: 'underline', s: 'strikethrough', strike: 'strikethrough', del: 'strikethrough', code: 'code', kbd: 'code', tt: 'code' };
const BLOCK_CONTAINERS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'figure', 'figcaption', 'body', 'html', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'center', 'details', 'summary', 'address', 'fieldset', 'caption']);
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
// A <br> while whitespace is collapsed; it becomes a newline once source line breaks are spaces.
const BREAK = '\u2028';

/** An absolute, allowed link target, or null. Relative links resolve against `base` (the item's page). */
export function allowedLink(href, base) {
  if (typeof href !== 'string' || href.trim() === '') return null;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const isElement = (node) => node.type === 'tag' || node.type === 'script' || node.type === 'style';

/** Inline runs of text with marks; links are { link, children }. */
function collectInline(nodes, marks, base, out) {
  for (const node of nodes) {
    if (node.type === 'text') {
      out.push({ type: 'text', text: node.data, ...marks });
    } else if (isElement(node)) {
      const name = node.name.toLowerCase();
      if (DROPPED.has(name)) continue;
      if (name === 'br') {
        out.push({ type: 'text', text: BREAK, ...marks });
      } else if (name === 'img') {
        // Images cannot be imported without uploading them; their description keeps the meaning.
        const alt = (node.attribs.alt ?? '').trim();
        if (alt) out.push({ type: 'text', text: alt, ...marks });
      } else if (name === 'a') {
        const url = allowedLink(node.attribs.href, base);
        const children = [];
        collectInline(node.children, marks, base, children);
        const texts = children.flatMap((child) => (child.type === 'link' ? child.children : [child]));
        if (url) out.push({ type: 'link', url, children: texts });
        else out.push(...texts);
      } else {
        collectInline(node.children, MARKS[name] ? { ...marks, [MARKS[name]]: true } : marks, base, out);
      }
    }
  }
  return out;
}

const sameMarks = (a, b) => ['bold', 'italic', 'underline', 'strikethrough', 'code'].every((m) => Boolean(a[m]) === Boolean(b[m]));

/**
 * HTML whitespace rules for one block: runs of spaces collapse, line breaks
 * from <br> stay, edges are trimmed; adjacent runs with the same marks merge.
 */
function tidyInline(nodes, { preserveWhitespace = false } = {}) {
  const merged = [];
  for (const node of nodes) {
    if (node.type === 'link') {
      const children = tidyInline(node.children, { preserveWhitespace });
      if (children.length) merged.push({ ...node, children });
      continue;
    }
    const text = preserveWhitespace ? node.text : node.text.replace(/[ \t\r\n\f]+/g, ' ');
    if (text === '') continue;
    const last = merged[merged.length - 1];
    if (last && last.type === 'text' && sameMarks(last, node)) last.text += text;
    else merged.push({ ...node, text });
  }
  const texts = merged.flatMap((n) => (n.type === 'link' ? n.children : [n]));
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
    .map((n) => (n.type === 'link' ? { ...n, children: n.children.filter((c) => c.text !== '') } : n))
    .filter((n) => (n.type === 'link' ? n.children.length > 0 : n.text !== ''));
}

function listBlock(element, base) {
  const children = [];
  for (const child of element.children) {
    if (!isElement(child)) continue;
    const name = child.name.toLowerCase();
    if (name === 'ul' || name === 'ol') {
      const nested = listBlock(child, base);
      if (nested) children.push(nested);
      continue;
    }
    if (name !== 'li') continue;
    // Strapi list items hold inline content only, so a nested list follows its item.
    const inlineNodes = child.children.filter((n) => !(isElement(n) && ['ul', 'ol'].includes(n.name.toLowerCase())));
    const text = tidyInline(collectInline(inlineNodes, {}, base, []));
    if (text.length) children.push({ type: 'list-item', children: text });
    for (const nested of child.children.filter((n) => isElement(n) && ['ul', 'ol'].includes(n.name.toLowerCase()))) {
      const block = listBlock(nested, base);
      if (block) children.push(block);
    }
  }
  return children.length ? { type: 'list', format: element.name.toLowerCase() === 'ol' ? 'ordered' : 'unordered', children } : null;
}

/** Walks block-level structure; loose inline content between blocks becomes paragraphs. */
function collectBlocks(nodes, base, blocks) {
  let pending = [];
  const flush = () => {
    const children = tidyInline(collectInline(pending, {}, base, []));
    if (children.length) blocks.push({ type: 'paragraph', children });
    pending = [];
  };
  for (const node of nodes) {
    if (!isElement(node)) {
      if (node.type === 'text') pending.push(node);
      continue;
    }
    const name = node.name.toLowerCase();
    if (DROPPED.has(name)) continue;
    if (name in HEADINGS) {
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
      const children = tidyInline(inner.flatMap((b, i) => [...(i ? [{ type: 'text', text: '\n' }] : []), ...inlineOf(b)]), { preserveWhitespace: true });
      if (children.length) blocks.push({ type: 'quote', children });
    } else if (name === 'pre') {
      flush();
      const text = collectInline(node.children, {}, base, []).flatMap((n) => (n.type === 'link' ? n.children : [n])).map((n) => n.text).join('');
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

/** The inline content of any block, for flattening (lists become lines). */
function inlineOf(block) {
  if (block.type === 'list') return block.children.flatMap((item, i) => [...(i ? [{ type: 'text', text: '\n' }] : []), ...inlineOf(item)]);
  return block.children ?? [];
}

/**
 * Strapi blocks for an HTML fragment. Plain text (no tags) is split into
 * paragraphs at blank lines, as old feeds often send it that way.
 */
export function htmlToBlocks(html, { base } = {}) {
  if (typeof html !== 'string' || html.trim() === '') return [];
  if (!/<[a-z!/]/i.test(html)) {
    return html
      .split(/\r?\n\s*\r?\n/)
      .map((chunk) => tidyInline([{ type: 'text', text: decodeEntities(chunk) }]))
      .filter((children) => children.length)
      .map((children) => ({ type: 'paragraph', children }));
  }
  return collectBlocks(parseDocument(html, { decodeEntities: true }).children, base, []);
}

/** Decodes character references in text that is not HTML (feed titles): a literal "<" stays. */
export function decodeEntities(text) {
  if (typeof text !== 'string') return '';
  const doc = parseDocument(text.replace(/</g, '&lt;'), { decodeEntities: true });
  return doc.children.map((n) => n.data ?? '').join('');
}

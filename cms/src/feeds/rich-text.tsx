/**
 * Strapi blocks rich text as a small, safe set of elements, for the feeds and the item pages
 * alike: paragraphs, headings, lists, quotes, code, links (http, https, mailto, tel only),
 * strong, em, s and code, and images with only src and alt. Preact escapes every text and
 * attribute, and no element or attribute comes from the content, so nothing an editor types can
 * add markup or script.
 */
import { Fragment, type ComponentChildren } from 'preact';
import type { Block, ImageBlock, InlineNode, ListBlock, TextNode } from '../../../contract/api';
import { isWebUrl, safeUrl, cleanText } from './text';

type Options = {
  /** Site-relative links and images resolve against this. */
  base: string;
  /** Headings start at this level (a page's own h1 comes first); deeper ones keep their order. */
  minHeadingLevel?: 1 | 2 | 3;
};

// Stored content may predate today's validation (or arrive straight in the database), so every
// node is checked to be an object before it is read.
const isNode = <T,>(node: T): node is NonNullable<T> => Boolean(node) && typeof node === 'object';
const childrenOf = (node: unknown): InlineNode[] | undefined => (node as { children?: InlineNode[] }).children;
// Array.isArray alone narrows a readonly array to any[].
const isList = <T,>(value: readonly T[] | null | undefined): value is readonly T[] => Array.isArray(value);

function Text({ node }: { node: TextNode }) {
  const lines = cleanText(node.text).split(/\r?\n/);
  let content: ComponentChildren = lines.map((line, i) => (
    <Fragment key={i}>
      {i > 0 && <br />}
      {line}
    </Fragment>
  ));
  if (node.code) content = <code>{content}</code>;
  if (node.strikethrough) content = <s>{content}</s>;
  if (node.italic) content = <em>{content}</em>;
  if (node.bold) content = <strong>{content}</strong>;
  return <>{content}</>;
}

const hasText = (nodes: readonly InlineNode[] | undefined): boolean =>
  isList(nodes) && nodes.some((n) => isNode(n) && (typeof (n as TextNode).text === 'string' ? (n as TextNode).text !== '' : hasText(childrenOf(n))));

function Inline({ nodes, options }: { nodes: readonly InlineNode[] | undefined; options: Options }) {
  if (!isList(nodes)) return null;
  return (
    <>
      {nodes.filter(isNode).map((node, i) => {
        if (node.type === 'link') {
          const href = safeUrl(node.url, options.base);
          // An unsafe link keeps its words but loses the link.
          if (!href) return <Inline key={i} nodes={node.children} options={options} />;
          return (
            <a key={i} href={href}>
              {hasText(node.children) ? <Inline nodes={node.children} options={options} /> : href}
            </a>
          );
        }
        if (typeof node.text === 'string') return <Text key={i} node={node} />;
        // Neither text nor link: keep whatever text it holds.
        return <Inline key={i} nodes={childrenOf(node)} options={options} />;
      })}
    </>
  );
}

function List({ node, options }: { node: ListBlock; options: Options }) {
  const Tag = node.format === 'ordered' ? 'ol' : 'ul';
  const children = (Array.isArray(node.children) ? node.children : []).filter(isNode);
  if (!children.length) return null;
  return (
    <Tag>
      {children.map((child, i) =>
        // HTML wants a nested list inside an <li>.
        child.type === 'list' ? (
          <li key={i}>
            <List node={child} options={options} />
          </li>
        ) : (
          <li key={i}>
            <Inline nodes={child.children} options={options} />
          </li>
        ),
      )}
    </Tag>
  );
}

/** An image block's safe source, if it has one. */
const imageSource = (node: ImageBlock, base: string) => {
  const src = safeUrl(isNode(node.image) ? node.image.url : undefined, base);
  return isWebUrl(src) ? src : null;
};

/**
 * Whether a block renders anything (BlockElement renders nothing else), decided without rendering it:
 * a body is asked this before it is rendered, in every feed item and item page.
 */
function blockShows(node: Block, base: string): boolean {
  switch (node.type) {
    case 'list':
      return isList(node.children) && node.children.some(isNode);
    case 'image':
      return imageSource(node, base) !== null;
    default:
      // Headings, quotes, code, paragraphs, and any block type this renderer does not know.
      return hasText(childrenOf(node));
  }
}

function BlockElement({ node, options }: { node: Block; options: Options }) {
  if (!blockShows(node, options.base)) return null;
  switch (node.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(options.minHeadingLevel ?? 1, Number(node.level) || 2));
      const Tag = `h${level}` as 'h2';
      return (
        <Tag>
          <Inline nodes={node.children} options={options} />
        </Tag>
      );
    }
    case 'list':
      return <List node={node} options={options} />;
    case 'quote':
      return (
        <blockquote>
          <p>
            <Inline nodes={node.children} options={options} />
          </p>
        </blockquote>
      );
    case 'code':
      return (
        <pre>
          <code>
            <Inline nodes={node.children} options={options} />
          </code>
        </pre>
      );
    case 'image':
      return (
        <p>
          <img src={imageSource(node, options.base)!} alt={cleanText(isNode(node.image) ? (node.image.alternativeText ?? '') : '')} />
        </p>
      );
    default:
      // Paragraphs, and any block type this renderer does not know: its text as a paragraph.
      return (
        <p>
          <Inline nodes={childrenOf(node)} options={options} />
        </p>
      );
  }
}

/** A blocks document as elements; nothing for an empty or unreadable one. */
export function RichText({ blocks, ...options }: Options & { blocks: readonly Block[] | null | undefined }) {
  if (!isList(blocks)) return null;
  return (
    <>
      {blocks.filter(isNode).map((block, i) => (
        <BlockElement key={i} node={block} options={options} />
      ))}
    </>
  );
}

/** Whether a blocks document shows anything (RichText renders nothing otherwise). */
export const hasRichText = (blocks: readonly Block[] | null | undefined, base: string): boolean =>
  isList(blocks) && blocks.some((block) => isNode(block) && blockShows(block, base));

/**
 * What the XSS suites look for in markup the CMS writes: elements that run or load code, event
 * handler attributes, inline styles, and any address that is not a web, email, phone or calendar
 * link (or a path on the same site). Parsed with htmlparser2 as a browser would tokenise it.
 */
import { Parser } from 'htmlparser2';

const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'style',
  'svg',
  'math',
  'video',
  'audio',
  'source',
  'isindex',
  'xss',
  'xmp',
  'noscript',
  'template',
  'animate',
  'set',
  'bgsound',
  'marquee',
]);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'data',
  'xlink:href',
  'background',
  'poster',
  'srcdoc',
  'srcset',
  'dynsrc',
  'lowsrc',
  'ping',
  'cite',
  'longdesc',
  'manifest',
  'codebase',
  'values',
]);
const SAFE_ADDRESS = /^(https?:\/\/[^/\\]|mailto:|tel:|webcal:\/\/[^/\\]|\/(?![/\\])|#|\?)/i;

export type MarkupRules = {
  /** Script elements a page may have: its own script file, JSON-LD. */
  allowScript?: (attributes: Record<string, string>) => boolean;
  /** The one inline script a page may have, word for word (its hash is in the page's CSP). */
  inlineScript?: string;
  /** Other elements a page may have in its head (meta, link), checked by attribute. */
  allowHead?: boolean;
};

/** Everything unsafe in a piece of HTML, as readable lines (empty when it is safe). */
export function unsafeMarkup(html: string, { allowScript = () => false, allowHead = false, inlineScript }: MarkupRules = {}): string[] {
  const problems: string[] = [];
  let inScript: string | null = null;
  /** Whether the open script element is inline script: no src, no type. Judged by its text once closed. */
  let inline = false;
  let scriptText = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'script') {
          inline = inlineScript !== undefined && !('src' in attributes) && !('type' in attributes);
          if (!inline && !allowScript(attributes)) problems.push(`<script ${JSON.stringify(attributes)}>`);
          inScript = attributes.type ?? 'classic';
          scriptText = '';
        } else if (FORBIDDEN_ELEMENTS.has(name)) problems.push(`<${name}>`);
        if ((name === 'meta' || name === 'link') && !allowHead) problems.push(`<${name}> outside a page head`);
        if (name === 'meta' && attributes['http-equiv']) problems.push(`<meta http-equiv="${attributes['http-equiv']}">`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute.startsWith('on')) problems.push(`<${name} ${attribute}="${value.slice(0, 60)}">`);
          if (attribute === 'style') problems.push(`<${name} style="${value.slice(0, 60)}">`);
          if (URL_ATTRIBUTES.has(attribute) && !(name === 'meta') && !SAFE_ADDRESS.test(value.trim()))
            problems.push(`<${name} ${attribute}="${value.slice(0, 80)}">`);
        }
      },
      ontext(text) {
        if (inScript) scriptText += text;
      },
      onclosetag(name) {
        if (name === 'script' && inScript === 'application/ld+json') {
          try {
            JSON.parse(scriptText);
          } catch {
            problems.push(`JSON-LD that is not JSON: ${scriptText.slice(0, 80)}`);
          }
        }
        if (name === 'script' && inline && scriptText !== inlineScript) problems.push(`inline script: ${scriptText.slice(0, 80)}`);
        if (name === 'script') inScript = null;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return problems;
}

/** Whether a piece of HTML is text only (no element at all), e.g. an RSS title read as HTML. */
export function elementsIn(html: string): string[] {
  const names: string[] = [];
  new Parser({ onopentag: (name) => names.push(name) }, { decodeEntities: true }).end(html);
  return names;
}

/** Plain text of a piece of HTML. */
export function textOf(html: string): string {
  let out = '';
  new Parser({ ontext: (t) => (out += t) }, { decodeEntities: true }).end(html);
  return out;
}

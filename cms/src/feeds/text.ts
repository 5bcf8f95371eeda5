/**
 * Text hygiene for everything the feeds emit. Editors paste from Word, email
 * and old websites, so any field can hold control characters, lone
 * surrogates or markup-like text; feeds must stay well-formed regardless.
 */

// Characters XML 1.0 forbids (everything outside Char), plus lone surrogates.
// Tab, line feed and carriage return are allowed and kept.
// eslint-disable-next-line no-control-regex -- matching these control characters is the point
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A field's value as the feeds and pages write it out: text, a number, or nothing. */
export type TextValue = string | number | null | undefined;

/** The text with characters that cannot appear in XML, iCalendar or JSON feeds removed. */
export function cleanText(value: TextValue): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(XML_ILLEGAL, '');
}

/** One line of text: cleaned, with runs of whitespace (including newlines) collapsed. */
export function cleanLine(value: TextValue): string {
  return cleanText(value).replace(/\s+/g, ' ').trim();
}

const MARKUP_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for XML or HTML content and attribute values. Escaping `>` as
 * well means `]]>` can never end a section early.
 */
export function escapeMarkup(value: TextValue): string {
  return cleanText(value).replace(/[&<>"']/g, (c) => MARKUP_ESCAPES[c]);
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * An absolute http(s), mailto or tel URL, or null. Site-relative paths are
 * resolved against `base`; anything else (javascript:, data:, vbscript:) is
 * refused. The check is on the protocol the WHATWG URL parser finds, which
 * ignores the tabs and newlines browsers ignore ("java\nscript:").
 */
export function safeUrl(raw: unknown, base?: string): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = cleanText(raw).trim();
  if (trimmed === '') return null;
  if (trimmed.startsWith('//')) return null; // protocol-relative: the scheme is the reader's guess
  try {
    const url = trimmed.startsWith('/') ? new URL(trimmed, base) : new URL(trimmed);
    return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** True for absolute http(s) URLs: the only kind that can be a feed link or enclosure. */
export const isWebUrl = (url: string | null): url is string => url !== null && /^https?:\/\//i.test(url);

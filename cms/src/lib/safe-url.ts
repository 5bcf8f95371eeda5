/**
 * Which addresses an editor may save, and which stored ones may leave the CMS: one rule for both,
 * so nothing that would be refused today reaches a reader from older or imported content.
 *
 *   link     a link a reader follows (body text, "respond"): https://, http://, mailto: or tel:
 *   address  a page or file (easy read, outcome, downloads): https:// or http://
 *   image    an image in body text: https://, http://, or a file in this CMS's /uploads/
 *
 * Anything else is refused: other schemes (javascript:, data:, vbscript:, file:…), addresses
 * without a scheme or host, protocol-relative ones (//example.org, whose scheme would be the
 * reader's guess) and control characters (which browsers strip, turning "java\tscript:" into a
 * scheme).
 */
export type UrlUse = 'link' | 'address' | 'image';

const SCHEMES: Record<UrlUse, readonly string[]> = {
  link: ['https:', 'http:', 'mailto:', 'tel:'],
  address: ['https:', 'http:'],
  image: ['https:', 'http:'],
};

/** Any control character (Unicode's Cc: U+0000 to U+001F and U+007F to U+009F). */
const CONTROL = /\p{Cc}/u;
const UPLOADED_FILE = /^\/uploads\/[^/\\]/;

/** Why this value may not be saved as a URL of this use, or null when it may. */
export function urlProblem(value: string, use: UrlUse): string | null {
  const trimmed = value.trim();
  if (CONTROL.test(trimmed)) return 'contains a tab, line break or other control character';
  if (/^[\\/]{2}/.test(trimmed)) return 'starts with // and so has no https:// of its own';
  if (use === 'image' && UPLOADED_FILE.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return trimmed.startsWith('/') ? 'is only the end of an address' : 'is not a complete address';
  }
  if (!SCHEMES[use].includes(url.protocol)) return `starts with "${url.protocol}", which is not allowed here`;
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    // Written out in full: the URL parser would also read "https:example.org" or "https:\\example.org".
    if (!/^https?:\/\/[^/\\]/i.test(trimmed) || !url.hostname) return 'is not a complete web address';
  } else if (url.pathname.trim() === '') {
    return `has nothing after "${url.protocol}"`;
  }
  return null;
}

/** The stored value (trimmed) when it is a safe URL of this use, else null. */
export function safeStoredUrl(value: unknown, use: UrlUse): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  return urlProblem(value, use) === null ? value.trim() : null;
}

/** What an editor may enter, for messages. */
export const ALLOWED_FORMS: Record<UrlUse, string> = {
  link: 'a web address in full, starting with https:// (or http://), an email address starting with mailto: or a phone number starting with tel:',
  address: 'a web address in full, starting with https:// (or http://)',
  image: 'an image from the media library or a web address in full, starting with https://',
};

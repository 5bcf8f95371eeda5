/**
 * The code partners paste: the versioned script tag with its integrity hash, and the element with a
 * plain link inside for readers whose browser never runs the script. Used by the code builder
 * (/updates/embed) and "Add these updates to your website" (/updates/for-websites) alike.
 */
import { NO_FILTERS } from '../lib/update-query';
import type { EmbedChoice, Widget } from './embed-query';
import { INDEX_PATH, itemPageUrl, urlsFor } from './urls';

/** A built widget script: its versioned address and its integrity hash (dist/widgets/integrity.json). */
export type WidgetScript = { file: string; url: string; integrity: string };

/** What a script holds, from its name: send-widgets.js has every widget, send-news-feed.js the news feed. */
export const ALL_WIDGETS = 'send-widgets.js';
export const describeScript = (file: string) => (file === ALL_WIDGETS ? 'Every widget' : `The ${file.replace(/^send-|\.js$/g, '').replace(/-/g, ' ')} only`);

export const scriptTag = (script: WidgetScript) =>
  `<script type="module" src="${script.url}" integrity="${script.integrity}" crossorigin="anonymous"></script>`;

/** Until this page measures the widget (embed.js), the heights its space-keeping rule starts with, narrow and wide. */
const UNMEASURED_HEIGHTS_REM = { narrow: 40, wide: 30 };
/** Seconds the space is kept for a script that has not arrived; after that the page closes the gap around the plain link. */
export const RESERVE_SECONDS = 10;
/** Screens at least this wide take the wide height (the preview's); narrower ones, phones, the narrow one. */
export const WIDE_SCREEN_REM = 40;

/**
 * For the partner's own stylesheet: before the widget's script has run the element is a bare tag with no
 * height, and the page would jump when it appears; this keeps the space, on phones and on wider screens. Once
 * defined the widget keeps its own; if the script never arrives (the CMS is down, a blocker stops it) the space is
 * given back, not left blank.
 */
/**
 * A height that grows as the widget's text does: the widgets' text is `max(1rem, 16px)`, so on a page whose root is
 * set smaller (`font-size: 62.5%`) the height in rem alone would keep too little space.
 */
const minHeight = (rem: number) => `min-height: max(${rem}rem, ${rem * 16}px);`;

export const reserveSpaceCss = (widget: Widget, heightsRem = UNMEASURED_HEIGHTS_REM) =>
  [
    `/* Keeps the widget's space until its script has run, or for ${RESERVE_SECONDS} seconds if it never does. */`,
    `${widget}:not(:defined) {`,
    '  display: block;',
    `  ${minHeight(heightsRem.narrow)}`,
    `  animation: send-widgets-give-back 0s ${RESERVE_SECONDS}s forwards;`,
    '}',
    `@media (min-width: ${WIDE_SCREEN_REM}rem) {`,
    `  ${widget}:not(:defined) {`,
    `    ${minHeight(heightsRem.wide)}`,
    '  }',
    '}',
    '@keyframes send-widgets-give-back {',
    '  to {',
    '    min-height: 0;',
    '  }',
    '}',
  ].join('\n');

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const attribute = (name: string, value: string) => ` ${name}="${escapeAttribute(value)}"`;

/** A plain link inside the element: what readers see where the script never runs, and where it cannot load. */
export type FallbackLink = { href: string; text: string };

function fallbackFor(choice: EmbedChoice, api: string): FallbackLink {
  if (choice.widget === 'send-news-archive') return { href: `${api}${INDEX_PATH}`, text: 'All SEND news and updates' };
  if (choice.widget === 'send-consultation-countdown') {
    return choice.consultation
      ? { href: itemPageUrl(api, { type: 'consultation', slug: choice.consultation }), text: 'About this consultation' }
      : { href: urlsFor(api, { ...NO_FILTERS, types: ['consultation'], status: ['open'] }).index, text: 'Open SEND consultations' };
  }
  const filtered = urlsFor(api, { ...NO_FILTERS, types: choice.types, topics: choice.topic ? [choice.topic] : [], audiences: choice.audiences });
  return { href: filtered.index, text: choice.heading || 'SEND news and updates' };
}

/** The element a partner pastes, attributes in a fixed order; `api` makes it work on any site. */
export function elementFor(choice: EmbedChoice, api: string): { name: Widget; attributes: [string, string][]; fallback: FallbackLink; html: string } {
  const attributes: [string, string][] = [['api', api]];
  if (choice.widget === 'send-news-feed') {
    if (choice.types.length) attributes.push(['type', choice.types.join(',')]);
    if (choice.topic) attributes.push(['topic', choice.topic]);
    if (choice.audiences.length) attributes.push(['audience', choice.audiences.join(',')]);
    attributes.push(['layout', choice.layout], ['limit', String(choice.limit)]);
  }
  if (choice.widget === 'send-consultation-countdown') attributes.push(choice.consultation ? ['slug', choice.consultation] : ['status', 'open']);
  if (choice.heading) attributes.push(['heading', choice.heading]);
  attributes.push(['heading-level', String(choice.headingLevel)]);
  if (choice.theme !== 'light') attributes.push(['theme', choice.theme]);
  const fallback = fallbackFor(choice, api);
  const link = `<a href="${escapeAttribute(fallback.href)}">${fallback.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</a>`;
  const html = `<${choice.widget}${attributes.map(([name, value]) => attribute(name, value)).join('')}>${link}</${choice.widget}>`;
  return { name: choice.widget, attributes, fallback, html };
}

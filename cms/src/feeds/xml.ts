/** A minimal XML writer: every attribute value and text is escaped here, so renderers cannot forget. */
import { escapeMarkup, type TextValue } from './text';

type Attributes = Record<string, TextValue>;

const attributes = (attrs: Attributes) =>
  Object.entries(attrs)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeMarkup(value)}"`)
    .join('');

/** An element holding text (escaped). */
export const textElement = (name: string, text: TextValue, attrs: Attributes = {}) => `<${name}${attributes(attrs)}>${escapeMarkup(text)}</${name}>`;

/** An element holding already-built child elements. */
export const parentElement = (name: string, children: string[], attrs: Attributes = {}) =>
  `<${name}${attributes(attrs)}>\n${children.filter(Boolean).join('\n')}\n</${name}>`;

/** An element with attributes only. */
export const emptyElement = (name: string, attrs: Attributes) => `<${name}${attributes(attrs)}/>`;

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/**
 * What the embed-code builder (/updates/embed) can be asked for, read from its address. Kept apart
 * from the page so the public response cache can keep exactly these parameters in its key.
 */
import { AUDIENCES, TYPE_LABELS, keysOf, type Audience, type UpdateType } from '../lib/update-types';

export const EMBED_PATH = '/updates/embed';

export const WIDGETS = {
  'send-news-feed': { name: 'News feed', hint: 'The latest items, with a link to all of them.', script: 'send-news-feed.js' },
  'send-news-archive': {
    name: 'News archive',
    hint: 'Every item, with search, filters and pages; opens items on the same page.',
    script: 'send-news-archive.js',
  },
  'send-consultation-countdown': {
    name: 'Consultation countdown',
    hint: 'Open consultations, soonest closing first, or one consultation.',
    script: 'send-consultation-countdown.js',
  },
} as const;
export type Widget = keyof typeof WIDGETS;
export const LAYOUTS = { list: 'List', cards: 'Cards', compact: 'Compact (titles and dates)' } as const;
type Layout = keyof typeof LAYOUTS;
/** The partner page's background: the widget's `theme`. */
export const THEMES = {
  light: 'Light (most pages)',
  dark: 'Dark',
  auto: 'Light or dark, as each reader’s device is set (for a page that changes with it)',
} as const;
type Theme = keyof typeof THEMES;

export type EmbedChoice = {
  widget: Widget;
  types: UpdateType[];
  topic: string;
  audiences: Audience[];
  layout: Layout;
  theme: Theme;
  heading: string;
  headingLevel: number;
  limit: number;
  consultation: string;
};

/** Each query parameter and the choice it sets. */
const PARAMETERS = {
  widget: 'widget',
  type: 'types',
  topic: 'topic',
  audience: 'audiences',
  layout: 'layout',
  theme: 'theme',
  heading: 'heading',
  headingLevel: 'headingLevel',
  limit: 'limit',
  consultation: 'consultation',
} as const satisfies Record<string, keyof EmbedChoice>;
export const EMBED_PARAMETERS = keysOf(PARAMETERS);
type Query = Partial<Record<(typeof EMBED_PARAMETERS)[number], unknown>>;

export const DEFAULT_EMBED_CHOICE: EmbedChoice = {
  widget: 'send-news-feed',
  types: [],
  topic: '',
  audiences: [],
  layout: 'list',
  theme: 'light',
  heading: '',
  headingLevel: 2,
  limit: 5,
  consultation: '',
};

const list = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((v) => String(v).split(','));
const one = (value: unknown) => list(value)[0] ?? '';
/** The first value as given, commas and all: text, not a list of keys. */
const firstText = (value: unknown) => String((Array.isArray(value) ? value[0] : value) ?? '');
// Control characters, and the bidirectional overrides and isolates that could make the code shown read otherwise than
// the code copied (the heading sits inside it).
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The value if it names one of `choices`' keys, else the fallback. */
const keyIn = <K extends string>(choices: Record<K, unknown>, value: unknown, fallback: K): K => {
  const key = one(value);
  return Object.hasOwn(choices, key) ? (key as K) : fallback;
};
const within = (value: unknown, min: number, max: number, fallback: number) => {
  const text = one(value).trim();
  const n = text === '' ? NaN : Number(text);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};

/**
 * The builder's choices from the query; anything unknown falls back to the default, so every address gives a working
 * page. A topic or a consultation counts only if the builder offers it (`offered`: their slugs), so the code it gives
 * never names one that does not exist.
 */
export function readEmbedChoice(query: Query, offered: { topics: readonly string[]; consultations: readonly string[] }): EmbedChoice {
  const topic = one(query.topic);
  const consultation = one(query.consultation);
  return {
    widget: keyIn(WIDGETS, query.widget, DEFAULT_EMBED_CHOICE.widget),
    types: keysOf(TYPE_LABELS).filter((type) => list(query.type).includes(type)),
    topic: offered.topics.includes(topic) ? topic : '',
    audiences: keysOf(AUDIENCES).filter((audience) => list(query.audience).includes(audience)),
    layout: keyIn(LAYOUTS, query.layout, DEFAULT_EMBED_CHOICE.layout),
    theme: keyIn(THEMES, query.theme, DEFAULT_EMBED_CHOICE.theme),
    heading: firstText(query.heading).replace(CONTROL_CHARACTERS, '').trim().slice(0, 80),
    headingLevel: within(query.headingLevel, 0, 6, DEFAULT_EMBED_CHOICE.headingLevel),
    limit: within(query.limit, 1, 20, DEFAULT_EMBED_CHOICE.limit),
    consultation: offered.consultations.includes(consultation) ? consultation : '',
  };
}

/**
 * Visible strings. Each widget bundles only its own defaults (below: the shared ones;
 * the rest in `<widget>/strings.ts`, which build on these, never the other way round).
 * Hosts override any subset through the `strings` property or a JSON `strings` attribute
 * (e.g. for Welsh). `{name}` marks a placeholder; a string may be a record of plural forms
 * keyed by Intl.PluralRules category, so languages with more plural forms work.
 */
import { consultationStatusStrings } from './consultation-status.js';

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralForms;

/** Strings every widget uses (literal types: the script-tag loader's copy of the error strings must equal these). */
export const coreStrings = {
  loading: 'Loading updates…',
  errorMessage: 'Sorry, updates cannot be shown at the moment.',
  errorFallbackLink: 'See updates on our website',
  /** The link when the host gives no `fallback-href`: the CMS's own pages for readers. */
  errorIndexLink: 'See all updates on {site}',
  staleNotice: 'These updates may be out of date. Last updated {datetime}.',
} as const;

/** Strings of the widgets that list updates (feed and archive): type labels, the empty list. */
export const itemStrings = {
  emptyMessage: 'There are no updates to show.',
  typeArticle: 'News',
  typeConsultation: 'Consultation',
  typeStaffingUpdate: 'Service update',
  /** An upcoming consultation's date in lists: when it opens, never the day it was announced. */
  opensOn: 'Opens {date}',
  /** An open consultation's date in lists: when it closes. */
  closesOn: 'Closes {date}',
  ...consultationStatusStrings,
};

export type CoreKey = keyof typeof coreStrings;
export type ItemKey = keyof typeof itemStrings;

/**
 * Whether `key` is `record`'s own, never one every object inherits ("constructor"). Not Object.hasOwn, which
 * needs newer browsers than the widgets support (Safari 15.4, Chrome 93, Firefox 92).
 */
export const hasOwnKey = (record: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(record, key);

/** Whether a host's override is a message: text, or plural forms with an `other` in text (anything else is ignored). */
export const isMessage = (value: unknown): value is Message => typeof value === 'string' || typeof (value as PluralForms | null)?.other === 'string';

/** Fills `{name}` placeholders (numbers as the language writes them: 3,132); picks the plural form from `count` when the message has several. */
export function formatMessage(message: Message, lang: string, values: Record<string, string | number> = {}): string {
  let template: string;
  if (typeof message === 'string') {
    template = message;
  } else {
    const form = message[new Intl.PluralRules(lang).select(Number(values.count) || 0)];
    template = typeof form === 'string' ? form : message.other;
  }
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (hasOwnKey(values, name) ? values[name].toLocaleString(lang) : match));
}

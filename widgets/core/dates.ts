/**
 * Dates and times are always shown in Europe/London, whatever the reader's
 * own time zone, using only Intl (no date library).
 */
export const LONDON = 'Europe/London';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Parses an ISO instant; null for missing or invalid values so callers never show NaN. */
export function parseInstant(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** Parses a reader-facing calendar date (YYYY-MM-DD) as UTC midnight of that day. */
export function parseCalendarDate(value: string | null | undefined): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  // Four- and two-digit fields always make a finite time.
  return match && Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${lang}|${timeZone}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(lang, { ...options, timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

const LONG_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/** A YYYY-MM-DD calendar date, formatted with no zone shift (it is already a London date); '' when invalid. */
function formatDay(value: string | null | undefined, lang: string, options: Intl.DateTimeFormatOptions): string {
  const ms = parseCalendarDate(value);
  return ms === null ? '' : formatter(lang, 'UTC', options).format(ms);
}

/** "8 July 2019" for a YYYY-MM-DD calendar date. */
export const formatCalendarDate = (value: string | null | undefined, lang: string): string => formatDay(value, lang, LONG_DATE);

/** "4 February 2022" for an instant, as a London calendar date. */
export function formatLondonDate(ms: number, lang: string): string {
  return formatter(lang, LONDON, LONG_DATE).format(ms);
}

/** "July 2019" heading text for a YYYY-MM-DD date. */
export const formatMonthYear = (value: string, lang: string): string => formatDay(value, lang, { month: 'long', year: 'numeric' });

/** "11:59pm" in English (GOV.UK style), the locale's own style elsewhere. */
export function formatLondonTime(ms: number, lang: string): string {
  const english = lang.toLowerCase().startsWith('en');
  // h12, not hour12: en-GB's 12-hour clock is h11, which says noon as "0:00 pm".
  const options: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', ...(english && { hourCycle: 'h12' }) };
  const text = formatter(lang, LONDON, options).format(ms);
  // "11:59 PM", "11:59 p.m." → "11:59pm"
  return english ? text.replace(/\W*([ap])\W*m\W*$/i, (_, period: string) => `${period.toLowerCase()}m`) : text;
}

/** "22 November 2026 at 10:00am" for stale-cache notices. */
export function formatLondonDateTime(ms: number, lang: string): string {
  return `${formatLondonDate(ms, lang)} ${formatLondonTime(ms, lang)}`;
}

interface CalendarParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function londonParts(ms: number): CalendarParts {
  const parts: Record<string, number> = {};
  const numeric = 'numeric';
  const options: Intl.DateTimeFormatOptions = {
    hourCycle: 'h23',
    year: numeric,
    month: numeric,
    day: numeric,
    hour: numeric,
    minute: numeric,
    second: numeric,
  };
  for (const part of formatter('en-GB', LONDON, options).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts as unknown as CalendarParts;
}

/** Days since 1970-01-01 of the London calendar date at this instant. */
export function londonDayNumber(ms: number): number {
  const { year, month, day } = londonParts(ms);
  return Date.UTC(year, month - 1, day) / DAY;
}

/** London calendar days from `fromMs` to `toMs` (0 = same London day), correct across BST/GMT changes. */
export function londonDaysBetween(fromMs: number, toMs: number): number {
  return londonDayNumber(toMs) - londonDayNumber(fromMs);
}

/** Offset of London wall-clock time from UTC at this instant, in ms (0 in GMT, 3 600 000 in BST). */
function londonOffset(ms: number): number {
  const { year, month, day, hour, minute, second } = londonParts(ms);
  return Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(ms / 1000) * 1000;
}

/** The instant of the next London midnight after `ms`. London never changes clocks at midnight, so it exists. */
export function nextLondonMidnight(ms: number): number {
  const { year, month, day } = londonParts(ms);
  const midnightAsUtc = Date.UTC(year, month - 1, day + 1);
  const guess = midnightAsUtc - londonOffset(midnightAsUtc);
  return midnightAsUtc - londonOffset(guess);
}

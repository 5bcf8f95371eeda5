/** Dates as the feeds show them: readers are in England, feeds speak UTC. */
import { LRUCache } from 'lru-cache';
import { londonTime } from '../lib/london-time';

export const LONDON = 'Europe/London';

/**
 * The instant a feed gives for an item's reader-facing calendar date: midday
 * in London, so the date reads the same in any time zone from UTC-11 to
 * UTC+11, and an importer reading it back in London gets the same day.
 */
export function readerDateInstant(isoDate: string): Date {
  let instant = readerInstants.get(isoDate);
  if (instant === undefined) readerInstants.set(isoDate, (instant = Date.parse(londonTime(isoDate, '12:00'))));
  return new Date(instant);
}

/** Each date's instant, worked out once (two time-zone conversions): feeds write many items of each date. */
const readerInstants = new LRUCache<string, number>({ max: 10_000 });

const wallClockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** London wall-clock time as iCalendar's local DATE-TIME form, e.g. 20220204T235900. */
export function londonIcsDateTime(date: Date): string {
  const part = Object.fromEntries(wallClockFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}${part.month}${part.day}T${part.hour}${part.minute}${part.second}`;
}

/** The London calendar date of an instant, as YYYY-MM-DD. */
export function londonIsoDate(date: Date): string {
  return londonIcsDateTime(date).replace(/^(\d{4})(\d{2})(\d{2}).*/, '$1-$2-$3');
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant in London as GOV.UK style writes it: "11:59pm on Sunday 14 December 2025",
 * "9am on Monday 1 March 2027", "midday on …", "midnight on …" (midnight belongs to the day it starts).
 */
export function ukDateTime(date: Date): string {
  const part = Object.fromEntries(partsFormat.formatToParts(date).map((p) => [p.type, p.value]));
  const hour = Number(part.hour);
  const minute = part.minute === '00' ? '' : `:${part.minute}`;
  const time = hour === 0 && !minute ? 'midnight' : hour === 12 && !minute ? 'midday' : `${hour % 12 || 12}${minute}${hour < 12 ? 'am' : 'pm'}`;
  return `${time} on ${part.weekday} ${part.day} ${part.month} ${part.year}`;
}

const calendarDateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** A calendar date (YYYY-MM-DD) as "14 December 2025". */
export const ukCalendarDate = (isoDate: string): string => calendarDateFormat.format(new Date(`${isoDate}T00:00:00Z`));

/** An instant's London calendar date as "14 December 2025". */
export const ukDate = (date: Date): string => ukCalendarDate(londonIsoDate(date));

/** UTC timestamp in iCalendar form, e.g. 20220204T235900Z. */
export function icsUtcDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

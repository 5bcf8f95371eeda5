import { formatCalendarDate, formatLondonDate, formatLondonTime, londonDaysBetween, nextLondonMidnight, parseInstant } from '../dates.js';
import { assertEqual } from '../../test/helpers.js';

const at = (iso: string) => Date.parse(iso);

describe('London dates', () => {
  it('formats reader-facing calendar dates without shifting the day', () => {
    assertEqual(formatCalendarDate('2019-07-08', 'en-GB'), '8 July 2019', 'calendar date');
    assertEqual(formatCalendarDate('not-a-date', 'en-GB'), '', 'invalid date');
  });

  it('formats instants as London dates and GOV.UK-style times', () => {
    // 23:30 UTC in summer is 00:30 the next day in London.
    assertEqual(formatLondonDate(at('2025-07-01T23:30:00Z'), 'en-GB'), '2 July 2025', 'BST date');
    assertEqual(formatLondonDate(at('2025-12-01T23:30:00Z'), 'en-GB'), '1 December 2025', 'GMT date');
    assertEqual(formatLondonTime(at('2022-02-04T23:59:00Z'), 'en-GB'), '11:59pm', 'GMT time');
    assertEqual(formatLondonTime(at('2026-03-31T22:59:00Z'), 'en-GB'), '11:59pm', 'BST time');
    assertEqual(formatLondonTime(at('2026-03-31T08:05:00Z'), 'en-GB'), '9:05am', 'morning');
  });

  it('rejects missing and invalid instants', () => {
    assertEqual(parseInstant(null), null, 'null');
    assertEqual(parseInstant(''), null, 'empty');
    assertEqual(parseInstant('soon'), null, 'text');
  });

  it('counts London calendar days across the March clock change (29 March 2026, 01:00 UTC)', () => {
    // Saturday 22:30 GMT → Tuesday 23:59 BST is three calendar days although 3 × 24 h have not passed.
    assertEqual(londonDaysBetween(at('2026-03-28T22:30:00Z'), at('2026-03-31T22:59:00Z')), 3, 'days');
    // 00:30 GMT Sunday and 23:30 BST Sunday are the same London day (only 22 hours apart).
    assertEqual(londonDaysBetween(at('2026-03-29T00:30:00Z'), at('2026-03-29T22:30:00Z')), 0, 'same day');
  });

  it('counts London calendar days across the October clock change (25 October 2026, 01:00 UTC)', () => {
    // 23:30 BST Saturday (22:30 UTC) to 00:30 GMT Monday: two days although 26 hours apart.
    assertEqual(londonDaysBetween(at('2026-10-24T22:30:00Z'), at('2026-10-26T00:30:00Z')), 2, 'days');
    // 01:30 BST and 23:30 GMT on Sunday 25 October: the same London day, 23 hours apart.
    assertEqual(londonDaysBetween(at('2026-10-25T00:30:00Z'), at('2026-10-25T23:30:00Z')), 0, 'same day');
  });

  it('finds the next London midnight in summer, in winter and on clock-change days', () => {
    assertEqual(new Date(nextLondonMidnight(at('2026-07-10T12:00:00Z'))).toISOString(), '2026-07-10T23:00:00.000Z', 'BST');
    assertEqual(new Date(nextLondonMidnight(at('2026-01-10T12:00:00Z'))).toISOString(), '2026-01-11T00:00:00.000Z', 'GMT');
    assertEqual(new Date(nextLondonMidnight(at('2026-03-29T00:30:00Z'))).toISOString(), '2026-03-29T23:00:00.000Z', 'spring forward day');
    assertEqual(new Date(nextLondonMidnight(at('2026-10-25T00:30:00Z'))).toISOString(), '2026-10-26T00:00:00.000Z', 'fall back day');
    // 23:30 GMT on Saturday 28 March: the clocks change after this midnight, so it is 00:00 UTC.
    assertEqual(new Date(nextLondonMidnight(at('2026-03-28T23:30:00Z'))).toISOString(), '2026-03-29T00:00:00.000Z', 'eve of change');
  });
});

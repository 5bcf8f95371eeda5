import { countdownState } from '../countdown-state.js';
import {
  consultationClosedItem,
  consultationOpenItem,
  consultationUpcomingItem,
  consultationWithOutcomeItem,
} from '../../fixtures/index.js';
import { assertEqual } from '../../test/helpers.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/* consultationOpenItem closes Tuesday 31 March 2026, 23:59 BST (22:59 UTC); the clocks go forward on Sunday 29 March at 01:00 UTC. */
describe('countdownState', () => {
  it('counts London calendar days across the March clock change', () => {
    const saturdayNight = countdownState(consultationOpenItem, at('2026-03-28T22:30:00Z'));
    assertEqual(saturdayNight.message, 'closesInDays', 'message');
    assertEqual(saturdayNight.count, 3, 'days from Saturday to Tuesday');
    assertEqual(iso(saturdayNight.nextChangeAt), '2026-03-29T00:00:00.000Z', 'next change at GMT midnight');

    const sundayBeforeChange = countdownState(consultationOpenItem, at('2026-03-29T00:30:00Z'));
    assertEqual(sundayBeforeChange.count, 2, 'days from Sunday (GMT) to Tuesday');
    assertEqual(iso(sundayBeforeChange.nextChangeAt), '2026-03-29T23:00:00.000Z', 'next change at BST midnight');
  });

  it('says "tomorrow" and "today" by London calendar day, then counts minutes in the last hour', () => {
    const mondayLate = countdownState(consultationOpenItem, at('2026-03-30T22:30:00Z'));
    assertEqual([mondayLate.message, iso(mondayLate.nextChangeAt)], ['closesTomorrow', '2026-03-30T23:00:00.000Z'], 'tomorrow');

    const tuesdayEarly = countdownState(consultationOpenItem, at('2026-03-30T23:30:00Z'));
    assertEqual([tuesdayEarly.message, iso(tuesdayEarly.nextChangeAt)], ['closesToday', '2026-03-31T21:59:00.000Z'], 'today');

    const lastHour = countdownState(consultationOpenItem, at('2026-03-31T22:16:30Z'));
    assertEqual([lastHour.message, lastHour.count], ['closesInMinutes', 42], '42½ minutes left reads as 42');
    assertEqual(iso(lastHour.nextChangeAt), '2026-03-31T22:17:00.000Z', 'next minute boundary');

    const exactMinute = countdownState(consultationOpenItem, at('2026-03-31T22:17:00Z'));
    assertEqual([exactMinute.count, iso(exactMinute.nextChangeAt)], [41, '2026-03-31T22:18:00.000Z'], 'exactly 42 minutes left: 41 whole minutes');

    const lastSeconds = countdownState(consultationOpenItem, at('2026-03-31T22:58:59Z'));
    assertEqual(lastSeconds.count, 1, 'never 0 minutes');
  });

  it('counts London calendar days across the October clock change', () => {
    const item = { ...consultationOpenItem, closesAt: '2026-10-26T23:59:00.000Z' }; // Monday 23:59 GMT
    const saturdayNight = countdownState(item, at('2026-10-24T22:30:00Z')); // 23:30 BST Saturday
    assertEqual([saturdayNight.message, saturdayNight.count], ['closesInDays', 2], 'Saturday to Monday');
    assertEqual(iso(saturdayNight.nextChangeAt), '2026-10-24T23:00:00.000Z', 'BST midnight');
    const sundayNight = countdownState(item, at('2026-10-25T23:30:00Z')); // 23:30 GMT Sunday
    assertEqual(sundayNight.message, 'closesTomorrow', 'Sunday night');
    assertEqual(iso(sundayNight.nextChangeAt), '2026-10-26T00:00:00.000Z', 'GMT midnight');
  });

  it('is closed from the closing instant on', () => {
    const closed = countdownState(consultationOpenItem, at('2026-03-31T22:59:00Z'));
    assertEqual([closed.phase, closed.message, iso(closed.at ?? null), closed.nextChangeAt], ['closed', 'closedOn', '2026-03-31T22:59:00.000Z', null], 'closed');
    assertEqual(countdownState(consultationClosedItem, at('2026-03-01T00:00:00Z')).phase, 'closed', 'old consultation');
  });

  it('is upcoming until it opens, and changes when it opens', () => {
    const upcoming = countdownState(consultationUpcomingItem, at('2026-02-25T12:00:00Z'));
    assertEqual([upcoming.phase, upcoming.message, iso(upcoming.nextChangeAt)], ['upcoming', 'opensOn', '2026-03-01T00:00:00.000Z'], 'upcoming');
    assertEqual(countdownState(consultationUpcomingItem, at('2026-03-01T00:00:00Z')).phase, 'open', 'opens on time');
  });

  it('shows a published outcome whatever the clock says', () => {
    assertEqual(countdownState(consultationWithOutcomeItem, at('2030-01-01T00:00:00Z')).phase, 'outcome', 'outcome');
  });

  it('never produces NaN or negative counts for missing or invalid dates', () => {
    const noDates = countdownState({ opensAt: null, closesAt: 'garbage', status: null, hasOutcome: false }, at('2026-01-01T00:00:00Z'));
    assertEqual([noDates.phase, noDates.message, noDates.count, noDates.nextChangeAt], ['unknown', 'datesToBeConfirmed', undefined, null], 'no dates');
    const openNoClose = countdownState({ opensAt: '2026-01-01T00:00:00Z', closesAt: null, status: null, hasOutcome: false }, at('2026-02-01T00:00:00Z'));
    assertEqual(openNoClose.message, 'openNoClosingDate', 'open without closing date');
    const apiSaysClosed = countdownState({ opensAt: null, closesAt: null, status: 'closed', hasOutcome: false }, at('2026-02-01T00:00:00Z'));
    assertEqual(apiSaysClosed.phase, 'closed', 'trusts API status without dates');
  });
});

import { countdownState } from '../countdown-state.js';
import { consultationClosedItem, consultationOpenItem, consultationUpcomingItem, consultationWithOutcomeItem } from '../../fixtures/index.js';
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
    assertEqual(iso(lastHour.nextChangeAt), '2026-03-31T22:17:00.001Z', 'changes once less than 42 minutes are left');

    const exactMinute = countdownState(consultationOpenItem, at('2026-03-31T22:17:00Z'));
    assertEqual([exactMinute.count, iso(exactMinute.nextChangeAt)], [42, '2026-03-31T22:17:00.001Z'], 'exactly 42 minutes left reads as 42');
    const justUnder = countdownState(consultationOpenItem, at('2026-03-31T22:17:00.001Z'));
    assertEqual([justUnder.count, iso(justUnder.nextChangeAt)], [41, '2026-03-31T22:18:00.001Z'], 'a moment later, 41');
    const exactHour = countdownState(consultationOpenItem, at('2026-03-31T21:59:00Z'));
    assertEqual([exactHour.message, exactHour.count], ['closesInMinutes', 60], 'exactly an hour left reads as 60 minutes');
    const twoMinutes = countdownState(consultationOpenItem, at('2026-03-31T22:57:00Z'));
    assertEqual([twoMinutes.count, iso(twoMinutes.nextChangeAt)], [2, '2026-03-31T22:57:00.001Z'], 'exactly 2 minutes left reads as 2');
    const oneMinute = countdownState(consultationOpenItem, at('2026-03-31T22:58:00Z'));
    assertEqual([oneMinute.count, iso(oneMinute.nextChangeAt)], [1, '2026-03-31T22:59:00.000Z'], 'the last minute lasts until closing');

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

  /*
   * Every UK clock change from 2025 to 2030: the last Sunday of March and of October at 01:00 UTC
   * (London goes from GMT to BST in March and back in October). Expected values come from that rule
   * and UTC arithmetic alone, not from the time-zone code under test. This file also runs in a
   * browser set to Pacific/Auckland (the auckland-reader group), so a reader far from London gets
   * the same answers.
   */
  const HOUR_MS = 3_600_000;
  const lastSunday = (year: number, month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return last.getUTCDate() - last.getUTCDay();
  };
  const changes = [2025, 2026, 2027, 2028, 2029, 2030].flatMap((year) => [
    { year, month: 2, offsetBefore: 0, offsetAfter: HOUR_MS },
    { year, month: 9, offsetBefore: HOUR_MS, offsetAfter: 0 },
  ]);

  for (const { year, month, offsetBefore, offsetAfter } of changes) {
    const sunday = lastSunday(year, month);
    const label = new Date(Date.UTC(year, month, sunday)).toISOString().slice(0, 10);
    /** A London wall-clock time on a day relative to the change's Sunday, as an instant, given London's offset then. */
    const london = (dayFromSunday: number, hour: number, minute: number, offset: number) =>
      Date.UTC(year, month, sunday + dayFromSunday, hour, minute) - offset;

    it(`counts right across the clock change of ${label}`, () => {
      const change = Date.UTC(year, month, sunday, 1, 0);
      assertEqual(new Date(change).getUTCDay(), 0, `${label} is a Sunday`);
      const closesAt = london(1, 23, 59, offsetAfter); // Monday 23:59 in London
      const item = { ...consultationOpenItem, opensAt: '2020-01-01T00:00:00.000Z', closesAt: new Date(closesAt).toISOString() };
      const state = (now: number) => countdownState(item, now);

      const saturdayNight = state(london(-1, 23, 30, offsetBefore));
      assertEqual(
        [saturdayNight.message, saturdayNight.count, saturdayNight.nextChangeAt],
        ['closesInDays', 2, london(0, 0, 0, offsetBefore)],
        `${label}: Saturday 23:30`,
      );

      const sundayBeforeChange = state(london(0, 0, 30, offsetBefore));
      assertEqual(sundayBeforeChange.message, 'closesTomorrow', `${label}: Sunday 00:30, before the change`);
      assertEqual(sundayBeforeChange.nextChangeAt, london(1, 0, 0, offsetAfter), `${label}: next change at Monday's midnight in London`);

      const sundayAfterChange = state(change + 2 * HOUR_MS);
      assertEqual(
        [sundayAfterChange.message, sundayAfterChange.nextChangeAt],
        ['closesTomorrow', london(1, 0, 0, offsetAfter)],
        `${label}: Sunday, after the change`,
      );

      const mondayEarly = state(london(1, 0, 30, offsetAfter));
      assertEqual([mondayEarly.message, mondayEarly.nextChangeAt], ['closesToday', closesAt - HOUR_MS], `${label}: Monday 00:30`);

      const exact = state(closesAt - 42 * 60_000);
      assertEqual([exact.message, exact.count], ['closesInMinutes', 42], `${label}: exactly 42 minutes left`);
    });

    it(`closes on time when it closes in the hour of the change of ${label}`, () => {
      const change = Date.UTC(year, month, sunday, 1, 0);
      const item = { ...consultationOpenItem, opensAt: '2020-01-01T00:00:00.000Z', closesAt: new Date(change + 30 * 60_000).toISOString() };
      const before = countdownState(item, change - 20 * 60_000);
      assertEqual([before.message, before.count], ['closesInMinutes', 50], `${label}: 50 real minutes, whatever the clocks do`);
      const todayEarly = countdownState({ ...item, closesAt: new Date(london(0, 23, 59, offsetAfter)).toISOString() }, london(0, 0, 10, offsetBefore));
      assertEqual(todayEarly.message, 'closesToday', `${label}: closing late on the Sunday, seen just after midnight`);
      assertEqual(countdownState(item, change + 30 * 60_000).phase, 'closed', `${label}: closed at the closing instant`);
    });
  }

  it('is closed from the closing instant on', () => {
    const closed = countdownState(consultationOpenItem, at('2026-03-31T22:59:00Z'));
    assertEqual(
      [closed.phase, closed.message, iso(closed.at ?? null), closed.nextChangeAt],
      ['closed', 'closedOn', '2026-03-31T22:59:00.000Z', null],
      'closed',
    );
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

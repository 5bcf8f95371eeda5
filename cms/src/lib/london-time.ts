/** Europe/London wall-clock times as UTC instants, right across BST and GMT. */

/** 23:59 on a London calendar day, as UTC (handles BST and GMT). */
export function londonEndOfDay(isoDate: string): string {
  return londonTime(isoDate, '23:59');
}

const wallClockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** London's calendar day (YYYY-MM-DD) and time (HH:MM) at an instant, and whether clocks are on summer time. */
export function londonWallClock(instant: Date | string | number): { date: string; time: string; zone: 'GMT' | 'BST' } {
  const at = new Date(instant);
  const parts = wallClockFormat.formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  const time = `${get('hour')}:${get('minute')}`;
  // The wall clock read as if it were UTC is an hour ahead of the instant in summer.
  const zone = Date.parse(`${date}T${time}:00Z`) - Math.floor(at.getTime() / 60_000) * 60_000 >= 3_600_000 ? 'BST' : 'GMT';
  return { date, time, zone };
}

/**
 * A wall-clock time in Europe/London on a calendar day, as a UTC ISO string. When the clocks go
 * back a time happens twice: the first (BST) is meant. When they go forward a time is skipped: it
 * is read as the hour after (01:30 on that day is 02:30 BST).
 */
export function londonTime(isoDate: string, hhmm: string): string {
  const guess = Date.parse(`${isoDate}T${hhmm}:00Z`);
  // London is UTC+1 or UTC+0: try both offsets, summer first, and keep the one that reads back as the wanted wall time.
  for (const offsetHours of [1, 0]) {
    const candidate = guess - offsetHours * 3_600_000;
    const clock = londonWallClock(candidate);
    if (clock.date === isoDate && clock.time === hhmm) return new Date(candidate).toISOString();
  }
  return new Date(guess).toISOString();
}

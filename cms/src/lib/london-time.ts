/** Europe/London wall-clock times as UTC instants, right across BST and GMT. */

/** 23:59 on a London calendar day, as UTC (handles BST and GMT). */
export function londonEndOfDay(isoDate: string): string {
  return londonTime(isoDate, '23:59');
}

/** A wall-clock time in Europe/London on a calendar day, as a UTC ISO string. */
export function londonTime(isoDate: string, hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  const guess = Date.parse(`${isoDate}T${hhmm}:00Z`);
  // London is UTC+0 or UTC+1: try both offsets and keep the one that reads back as the wanted wall time.
  for (const offsetHours of [0, 1]) {
    const candidate = guess - offsetHours * 3_600_000;
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(candidate);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    if (get('hour') === h && get('minute') === m && `${get('year')}-${String(get('month')).padStart(2, '0')}-${String(get('day')).padStart(2, '0')}` === isoDate) {
      return new Date(candidate).toISOString();
    }
  }
  return new Date(guess).toISOString();
}

/**
 * Lists of items: every date-and-time column in UK time (Strapi would use the computer's time
 * zone), dates short ("5 Dec 2026"), and one schedule column saying what will happen, e.g.
 * "Publishes 12 Feb 2027, 9am" and "Unpublishes 1 Mar 2027, 5pm", so the list shows what is
 * scheduled and still has room for Strapi's status column on a 1366 px screen.
 */
import { Typography } from '@strapi/design-system';
import type { ListFieldLayout } from '@strapi/content-manager/strapi-admin';

type Headers = { displayedHeaders: ListFieldLayout[]; layout: unknown };
type Row = Record<string, unknown>;

/** The schedule column (publishAt's, seed/admin-labels.ts) shows both times, each with what happens then. */
const SCHEDULE = [
  ['publishAt', 'Publishes'],
  ['unpublishAt', 'Unpublishes'],
] as const;

const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hourCycle: 'h12' });

/** "12 Feb 2027, 2:32pm" in UK time: short enough for a table cell. */
export function ukShortDateTime(value: string): string {
  const at = new Date(value);
  const time = timeFormat.format(at).replace(/\s/g, '').replace(':00', '').toLowerCase();
  return `${dateFormat.format(at)}, ${time}`;
}

const calendarDateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

/** A date field (YYYY-MM-DD) as "5 Dec 2026". */
const ukShortDate = (value: string) => calendarDateFormat.format(new Date(`${value}T00:00:00Z`));

const isSet = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** A stored date or date-time as the list shows it; a value Intl cannot read (it would throw and take the list down) as stored. */
function shown(type: string | undefined, value: string): string {
  if (type === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? ukShortDate(value) : value;
  return Number.isNaN(Date.parse(value)) ? value : ukShortDateTime(value);
}

function cellText(header: ListFieldLayout, row: Row): string[] {
  if (header.name === 'publishAt')
    return SCHEDULE.filter(([field]) => isSet(row[field])).map(([field, words]) => `${words} ${shown('datetime', row[field] as string)}`);
  const value = row[header.name];
  return isSet(value) ? [shown(header.attribute?.type, value)] : [];
}

/** A text column other than the title (two lines at most: fit-tables.ts), cut to one line, its whole text on hover: a long service name took the status column off a 1366 px screen. */
const shortText = (header: ListFieldLayout): ListFieldLayout => ({
  ...header,
  cellFormatter: (row: Row) => {
    const value = row[header.name];
    const text = isSet(value) ? value : '-';
    return (
      <Typography textColor="neutral800" ellipsis display="block" maxWidth="14rem" title={text}>
        {text}
      </Typography>
    );
  },
});

/** Dates and times in UK form, the schedule column one line for each time set. */
const ukDates = (header: ListFieldLayout): ListFieldLayout => ({
  ...header,
  cellFormatter: (row: Row) => {
    const lines = cellText(header, row);
    return <Typography textColor="neutral800">{lines.length ? lines.map((line, i) => (i ? [<br key={i} />, line] : line)) : '-'}</Typography>;
  },
});

function formatted(header: ListFieldLayout): ListFieldLayout {
  const type = header.attribute?.type;
  if (type === 'string' && header.name !== 'title') return shortText(header);
  if (type === 'datetime' || type === 'date') return ukDates(header);
  return header;
}

export function londonListColumns({ displayedHeaders, layout }: Headers): Headers {
  return { layout, displayedHeaders: displayedHeaders.map(formatted) };
}

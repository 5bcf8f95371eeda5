/**
 * Lists of items: every date-and-time column in UK time (Strapi would use the computer's time
 * zone), and the scheduling columns saying what will happen, e.g. "Publishes 12 Feb 2027,
 * 9am", so the list shows what is scheduled.
 */
import { Typography } from '@strapi/design-system';
import type { ListFieldLayout } from '@strapi/content-manager/strapi-admin';

type Headers = { displayedHeaders: ListFieldLayout[]; layout: unknown };
type Row = Record<string, unknown>;

const SCHEDULE_WORDS: Record<string, string> = { publishAt: 'Publishes', unpublishAt: 'Unpublishes' };

const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hourCycle: 'h12' });

/** "12 Feb 2027, 2:32pm" in UK time: short enough for a table cell. */
export function ukShortDateTime(value: string): string {
  const at = new Date(value);
  const time = timeFormat.format(at).replace(/\s/g, '').replace(':00', '').toLowerCase();
  return `${dateFormat.format(at)}, ${time}`;
}

export function londonListColumns({ displayedHeaders, layout }: Headers): Headers {
  return {
    layout,
    displayedHeaders: displayedHeaders.map((header) =>
      header.attribute?.type === 'datetime'
        ? {
            ...header,
            cellFormatter: (row: Row) => {
              const value = row[header.name];
              const words = SCHEDULE_WORDS[header.name];
              const text = typeof value === 'string' && value ? `${words ? `${words} ` : ''}${ukShortDateTime(value)}` : '-';
              return <Typography textColor="neutral800">{text}</Typography>;
            },
          }
        : header,
    ),
  };
}

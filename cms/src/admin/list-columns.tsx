/**
 * Lists of items: every date-and-time column in UK time (Strapi would use the computer's time
 * zone), and the scheduling columns saying what will happen, e.g. "Publishes 9am on Monday 1
 * March 2027", so the list shows what is scheduled.
 */
import type { ListFieldLayout } from '@strapi/content-manager/strapi-admin';
import { ukDateTime } from '../feeds/dates';

type Headers = { displayedHeaders: ListFieldLayout[]; layout: unknown };
type Row = Record<string, unknown>;

const SCHEDULE_WORDS: Record<string, string> = { publishAt: 'Publishes', unpublishAt: 'Unpublishes' };

const ukText = (value: unknown) => (typeof value === 'string' && value ? ukDateTime(new Date(value)) : '-');

export function londonListColumns({ displayedHeaders, layout }: Headers): Headers {
  return {
    layout,
    displayedHeaders: displayedHeaders.map((header) =>
      header.attribute?.type === 'datetime'
        ? {
            ...header,
            cellFormatter: (row: Row) => {
              const text = ukText(row[header.name]);
              const words = SCHEDULE_WORDS[header.name];
              return words && text !== '-' ? `${words} ${text}` : text;
            },
          }
        : header,
    ),
  };
}

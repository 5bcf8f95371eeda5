/**
 * iCalendar (RFC 5545) for consultation closing dates. Times are London wall
 * clock with TZID=Europe/London and a VTIMEZONE giving the UK's summer-time
 * rules, so an event reads "23:59" in calendars whether it falls in BST or GMT.
 */
import type { ConsultationDetail, FeedPaths } from '../../../contract/api';
import { LONDON, icsUtcDateTime, londonIcsDateTime, ukDateTime } from './dates';
import { nameBasedUuid } from './feed-model';
import { cleanText, type TextValue } from './text';

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';
export const CONSULTATIONS_ICS_PATH: FeedPaths['calendar'] = '/feeds/consultations.ics';

// The UK rules since 1996: BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
const VTIMEZONE_LONDON = [
  'BEGIN:VTIMEZONE',
  `TZID:${LONDON}`,
  'X-LIC-LOCATION:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZNAME:BST',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZNAME:GMT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT value escaping (RFC 5545 §3.3.11). */
const icsText = (value: TextValue) =>
  cleanText(value)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export type CalendarOptions = {
  name: string;
  description: string;
  /** Link for each consultation (the same as in the other feeds). */
  linkOf: (detail: ConsultationDetail) => string;
};

function closingEvent(detail: ConsultationDetail, link: string): string[] {
  const closes = new Date(detail.closesAt!);
  const description = [
    cleanText(detail.summary),
    detail.opensAt ? `Opens: ${ukDateTime(new Date(detail.opensAt))}` : '',
    `Closes: ${ukDateTime(closes)}`,
    detail.respondUrl ? `Respond: ${detail.respondUrl}` : '',
    `More: ${link}`,
  ].filter(Boolean);
  return [
    'BEGIN:VEVENT',
    // Permanent per consultation: editing the dates updates the event in subscribers' calendars.
    `UID:${nameBasedUuid(`consultation-closes:${detail.id}`)}`,
    `DTSTAMP:${icsUtcDateTime(new Date(detail.updatedAt))}`,
    `LAST-MODIFIED:${icsUtcDateTime(new Date(detail.updatedAt))}`,
    `DTSTART;TZID=${LONDON}:${londonIcsDateTime(closes)}`,
    `SUMMARY:${icsText(`Consultation closes: ${detail.title}`)}`,
    `DESCRIPTION:${icsText(description.join('\n'))}`,
    `URL:${cleanText(link)}`,
    'TRANSP:TRANSPARENT',
    'CLASS:PUBLIC',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${icsText(`Consultation closes tomorrow: ${detail.title}`)}`,
    'TRIGGER:-P1D',
    'END:VALARM',
    'END:VEVENT',
  ];
}

/** A calendar with one closing-time event per consultation (those without a closing time are left out). */
export function renderCalendar(consultations: ConsultationDetail[], { name, description, linkOf }: CalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//SEND updates//Consultation closing dates//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${icsText(name)}`,
    `X-WR-CALNAME:${icsText(name)}`,
    `DESCRIPTION:${icsText(description)}`,
    `X-WR-TIMEZONE:${LONDON}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT6H',
    'X-PUBLISHED-TTL:PT6H',
    ...VTIMEZONE_LONDON,
    ...consultations.filter((c) => c.closesAt).flatMap((c) => closingEvent(c, linkOf(c))),
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

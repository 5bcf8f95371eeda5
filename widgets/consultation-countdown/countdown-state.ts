import type { ConsultationPhase } from '../core/consultation-status.js';
import { londonDaysBetween, nextLondonMidnight, parseInstant } from '../core/dates.js';
import type { countdownStrings } from './strings.js';
import type { ConsultationSummary } from '../core/types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The reader-facing states, worked out here from the dates at each instant as the clock runs. */
export type CountdownPhase = ConsultationPhase;

/** What to say about a consultation at one instant, and when that will next change. */
export interface CountdownState {
  phase: CountdownPhase;
  /** Message key; its `{date}`/`{time}` come from `at` (formatted in Europe/London), `{count}` from `count`. */
  message: keyof typeof countdownStrings;
  at?: number;
  count?: number;
  /** Instant the message next changes (a minute, the last hour, London midnight, opening or closing), or null. */
  nextChangeAt: number | null;
}

type ConsultationDates = Pick<ConsultationSummary, 'opensAt' | 'closesAt' | 'status' | 'hasOutcome'>;

/**
 * Pure countdown logic. Day counts are London calendar days, so "Closes in 3 days"
 * stays right across the BST/GMT changes and in any reader time zone.
 */
export function countdownState(item: ConsultationDates, now: number): CountdownState {
  const opensAt = parseInstant(item.opensAt);
  const closesAt = parseInstant(item.closesAt);

  if (item.hasOutcome) {
    return closesAt !== null
      ? { phase: 'outcome', message: 'closedOn', at: closesAt, nextChangeAt: null }
      : { phase: 'outcome', message: 'statusOutcome', nextChangeAt: null };
  }
  if (opensAt !== null && now < opensAt) {
    return { phase: 'upcoming', message: 'opensOn', at: opensAt, nextChangeAt: opensAt };
  }
  if (closesAt === null) {
    // Without a closing date trust the API's status, else admit we do not know.
    if (opensAt !== null || item.status === 'open') return { phase: 'open', message: 'openNoClosingDate', nextChangeAt: null };
    if (item.status === 'closed') return { phase: 'closed', message: 'statusClosed', nextChangeAt: null };
    return { phase: 'unknown', message: 'datesToBeConfirmed', nextChangeAt: null };
  }
  if (now >= closesAt) return { phase: 'closed', message: 'closedOn', at: closesAt, nextChangeAt: null };

  const remaining = closesAt - now;
  if (remaining <= HOUR) {
    // Whole minutes left, never rounded up: readers must not think they have longer than they do.
    // Exactly 42 minutes left is 42; the count drops the moment less than that is left.
    const minutes = Math.max(1, Math.floor(remaining / MINUTE));
    const nextChangeAt = minutes > 1 ? closesAt - minutes * MINUTE + 1 : closesAt;
    return { phase: 'open', message: 'closesInMinutes', count: minutes, at: closesAt, nextChangeAt };
  }
  const lastHourStarts = closesAt - HOUR;
  const days = londonDaysBetween(now, closesAt);
  if (days === 0) return { phase: 'open', message: 'closesToday', at: closesAt, nextChangeAt: lastHourStarts };
  const nextChangeAt = Math.min(nextLondonMidnight(now), lastHourStarts);
  if (days === 1) return { phase: 'open', message: 'closesTomorrow', at: closesAt, nextChangeAt };
  return { phase: 'open', message: 'closesInDays', count: days, at: closesAt, nextChangeAt };
}

import type { ConsultationSummary } from './types.js';

/** A consultation's state as readers are told it: the API's status, "outcome published" once closed with an outcome, or unknown without dates. */
export type ConsultationPhase = 'unknown' | 'upcoming' | 'open' | 'closed' | 'outcome';

/** The words for each state (overridable through `strings` like any other). */
export const consultationStatusStrings = {
  datesToBeConfirmed: 'Dates to be confirmed',
  statusUpcoming: 'Upcoming',
  statusOpen: 'Open',
  statusClosed: 'Closed',
  statusOutcome: 'Outcome published',
};

/** Each state's label string: the compiler checks every state has one. */
export const PHASE_LABEL_KEYS = {
  unknown: 'datesToBeConfirmed',
  upcoming: 'statusUpcoming',
  open: 'statusOpen',
  closed: 'statusClosed',
  outcome: 'statusOutcome',
} satisfies Record<ConsultationPhase, keyof typeof consultationStatusStrings>;

/**
 * The state as of the API's answer (the CMS works it out from the dates), as the CMS's own item page says it. A
 * status this version does not know (a later CMS's, or a broken API's) is unknown, never a key to look up.
 */
export function readerPhase({ status, hasOutcome }: Pick<ConsultationSummary, 'status' | 'hasOutcome'>): ConsultationPhase {
  if (status === 'closed' && hasOutcome) return 'outcome';
  return status === 'upcoming' || status === 'open' || status === 'closed' ? status : 'unknown';
}

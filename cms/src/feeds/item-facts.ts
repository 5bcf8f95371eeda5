/**
 * What a reader needs to know about an item before its text, as label and value: when a
 * consultation opens and closes; a service update's service, what changes, from when and from
 * whom. The feeds and the item pages both show these, each in its own markup.
 */
import type { UpdateDetail } from '../../../contract/api';
import { ukCalendarDate, ukDateTime } from './dates';
import { cleanLine } from './text';

export type Fact = { label: string; value: string };

export function itemFacts(detail: UpdateDetail): Fact[] {
  const facts: (Fact | null)[] = [];
  const fact = (label: string, value: string | null | undefined) => (value ? { label, value: cleanLine(value) } : null);
  if (detail.type === 'consultation') {
    facts.push(fact('Opens', detail.opensAt && ukDateTime(new Date(detail.opensAt))), fact('Closes', detail.closesAt && ukDateTime(new Date(detail.closesAt))));
  }
  if (detail.type === 'staffing-update') {
    facts.push(
      fact('Service', detail.service),
      fact('What changes', detail.whatChanges),
      fact('Takes effect', detail.effectiveFrom && ukCalendarDate(detail.effectiveFrom)),
      fact('From', detail.from && [detail.from.name, detail.from.role].filter(Boolean).join(', ')),
    );
  }
  return facts.filter((f): f is Fact => f !== null);
}

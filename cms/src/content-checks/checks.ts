/**
 * Checks on an item an editor is writing, with messages that say what to do. Errors stop an item
 * being published (or scheduled); warnings only inform. The same function runs in the admin, on
 * the values being typed (the "Content checks" panel), and on the server when an item is
 * published or scheduled, so the two can never disagree.
 *
 * Pure: no Strapi, no DOM. Dates are instants; `now` is passed in.
 */
import type { InlineNode } from '../../../contract/api';
import { ukDate, ukDateTime } from '../feeds/dates';

export type Finding = {
  level: 'error' | 'warning';
  /** The field the finding is about, as the form names it. */
  field: string;
  message: string;
  /** Short, stable name of the check (tests and the outcome-due list use it). */
  check: 'image-alt' | 'link-text' | 'closes-before-opens' | 'summary-length' | 'outcome-due';
};

/** What the checks read; every field is optional because a form may be half filled. */
export type CheckedItem = {
  type: 'article' | 'consultation' | 'staffing-update';
  summary?: string | null;
  body?: unknown;
  outcome?: unknown;
  opensAt?: string | Date | null;
  closesAt?: string | Date | null;
  outcomeUrl?: string | null;
};

/** Feed readers and email-from-RSS services show about this many characters of a summary. */
export const FEED_SUMMARY_CHARACTERS = 200;
/** Government consultation principles: publish the outcome within 12 weeks of closing. */
export const OUTCOME_DUE_DAYS = 12 * 7;

/** Link words that say nothing about where the link goes (WCAG 2.4.4), compared in lower case without punctuation. */
const VAGUE_LINK_TEXT = new Set([
  'click here',
  'click',
  'here',
  'this',
  'this link',
  'link',
  'this page',
  'page',
  'more',
  'read more',
  'more info',
  'more information',
  'find out more',
  'learn more',
  'see more',
  'go',
  'website',
]);

const FIELD_LABELS: Record<string, string> = { body: 'Main text', outcome: 'Outcome' };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
/** Stored rich text (Strapi blocks), read loosely: a form being typed may hold anything. */
const asBlocks = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isObject) : []);
const timeOf = (value: string | Date | null | undefined) => (value ? new Date(value).getTime() : NaN);

function textOf(nodes: readonly unknown[]): string {
  return nodes
    .map((node) => (isObject(node) && typeof node.text === 'string' ? node.text : isObject(node) && Array.isArray(node.children) ? textOf(node.children) : ''))
    .join('');
}

/** Every block and inline node, depth first. */
function* nodesOf(blocks: readonly unknown[]): Generator<Record<string, unknown>> {
  for (const node of blocks) {
    if (!isObject(node)) continue;
    yield node;
    if (Array.isArray(node.children)) yield* nodesOf(node.children);
  }
}

function richTextFindings(field: 'body' | 'outcome', value: unknown): Finding[] {
  const findings: Finding[] = [];
  const where = FIELD_LABELS[field];
  let images = 0;
  for (const node of nodesOf(asBlocks(value))) {
    if (node.type === 'image') {
      images += 1;
      const image = isObject(node.image) ? node.image : {};
      const alt = typeof image.alternativeText === 'string' ? image.alternativeText.trim() : '';
      const name = typeof image.name === 'string' && image.name ? ` ("${image.name}")` : '';
      if (!alt) {
        findings.push({
          level: 'error',
          check: 'image-alt',
          field,
          message: `Image ${images}${name} in "${where}" has no text description (alt text), so people using screen readers miss it. In the Media Library, open the image and fill in "Alternative text", then insert it again.`,
        });
      }
    }
    if (node.type === 'link') {
      const words = textOf((node as unknown as { children: InlineNode[] }).children ?? []).trim();
      const plain = words
        .toLowerCase()
        .replace(/[^\p{L}\p{N} ]+/gu, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (plain && VAGUE_LINK_TEXT.has(plain)) {
        findings.push({
          level: 'warning',
          check: 'link-text',
          field,
          message: `The link "${words}" in "${where}" does not say where it goes. Screen reader users often list links on their own: use words that name the page or document, such as "the consultation document (PDF)".`,
        });
      }
    }
  }
  return findings;
}

export function checkItem(item: CheckedItem, now: Date = new Date()): Finding[] {
  const findings: Finding[] = [...richTextFindings('body', item.body)];

  const summary = (item.summary ?? '').trim();
  if (summary.length > FEED_SUMMARY_CHARACTERS) {
    findings.push({
      level: 'warning',
      check: 'summary-length',
      field: 'summary',
      message: `The summary has ${summary.length} characters. Feed readers and email updates show about the first ${FEED_SUMMARY_CHARACTERS}, so readers may not see the end: put what matters most first, or shorten it.`,
    });
  }

  if (item.type === 'consultation') {
    findings.push(...richTextFindings('outcome', item.outcome));
    const opens = timeOf(item.opensAt);
    const closes = timeOf(item.closesAt);
    if (!Number.isNaN(opens) && !Number.isNaN(closes) && closes <= opens) {
      findings.push({
        level: 'error',
        check: 'closes-before-opens',
        field: 'closesAt',
        message: `The consultation closes (${ukDateTime(new Date(closes))}) before it opens (${ukDateTime(new Date(opens))}). Check "Closes at" and "Opens at".`,
      });
    }
    const hasOutcome = asBlocks(item.outcome).some((block) => textOf([block]).trim() !== '' || block.type === 'image') || Boolean(item.outcomeUrl?.trim());
    if (!Number.isNaN(closes) && !hasOutcome && now.getTime() - closes > OUTCOME_DUE_DAYS * 86_400_000) {
      findings.push({
        level: 'warning',
        check: 'outcome-due',
        field: 'outcome',
        message: `Outcome due: this consultation closed on ${ukDate(new Date(closes))}, more than 12 weeks ago, and has no outcome. Tell people what they said and what you did ("Outcome"), or link the outcome report.`,
      });
    }
  }
  return findings;
}

export const errorsIn = (findings: Finding[]) => findings.filter((finding) => finding.level === 'error');

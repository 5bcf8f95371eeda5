/**
 * A selection of items described in words, for feed titles, page headings and the subscribe
 * page: "consultations about short breaks, for parents and carers".
 */
import type { UpdateType } from '../../../contract/api';
import type { UpdateFilters } from '../lib/update-query';
import { AUDIENCES } from '../lib/update-types';

/** Each type as readers name several of them. */
export const TYPE_PLURALS: Record<UpdateType, string> = {
  article: 'news',
  consultation: 'consultations',
  'staffing-update': 'service updates',
};

/** "a, b or c" */
function listed(words: string[], conjunction: 'and' | 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** Sentence-case names read in a sentence in lower case ("Short breaks"); others keep their capitals ("Educational Psychology"). */
const inSentence = (name: string) => (/^\p{Lu}[^\p{Lu}]*$/u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name);

/**
 * The filters in words, starting in lower case, or null when nothing is filtered.
 * `topicName` gives a topic's name from its slug.
 */
export function describeFilters(filters: UpdateFilters, topicName: (slug: string) => string | undefined): string | null {
  const statuses = filters.status.length ? `${listed(filters.status, 'or')} ` : '';
  // A status filter keeps consultations only.
  const types = filters.status.length ? ['consultation' as const] : filters.types;
  const what = types.length
    ? listed(
        types.map((t) => TYPE_PLURALS[t]),
        'and',
      )
    : 'updates';
  const parts = [`${statuses}${what}`];
  if (filters.topics.length)
    parts[0] += ` about ${listed(
      filters.topics.map((slug) => inSentence(topicName(slug) ?? slug.replace(/-/g, ' '))),
      'or',
    )}`;
  if (filters.audiences.length)
    parts.push(
      `for ${listed(
        filters.audiences.map((a) => AUDIENCES[a].label.toLowerCase()),
        'or',
      )}`,
    );
  if (filters.year !== null) parts.push(`from ${filters.year}`);
  if (filters.q) parts.push(`matching \u201c${filters.q}\u201d`);
  const filtered = filters.types.length || filters.status.length || filters.topics.length || filters.audiences.length || filters.year !== null || filters.q;
  return filtered ? parts.join(', ') : null;
}

/** The first letter in capitals, for headings. */
export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

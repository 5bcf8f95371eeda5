/**
 * Every visible string. Hosts override any subset through the `strings`
 * property or a JSON `strings` attribute (e.g. for Welsh). `{name}` marks a
 * placeholder; a string may be a record of plural forms keyed by
 * Intl.PluralRules category, so languages with more plural forms work.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralForms;

export const defaultStrings = {
  loading: 'Loading updates…',
  loadingItem: 'Loading…',
  errorMessage: 'Sorry, updates cannot be shown at the moment.',
  errorFallbackLink: 'See updates on our website',
  emptyMessage: 'There are no updates to show.',
  staleNotice: 'These updates may be out of date. Last updated {datetime}.',
  viewAll: 'View all updates',
  subscribe: 'Subscribe to these updates (RSS feed)',
  externalLink: '(opens external site)',
  typeArticle: 'News',
  typeConsultation: 'Consultation',
  typeStaffingUpdate: 'Service update',
  published: 'Published',
  feedHeading: 'Latest SEND news',
  archiveHeading: 'SEND news and updates',
  filtersHeading: 'Filter updates',
  searchLabel: 'Search updates',
  searchButton: 'Search',
  typeFilter: 'Type',
  topicFilter: 'Topic',
  audienceFilter: 'Audience',
  yearFilter: 'Year',
  anyOption: 'All',
  clearFilters: 'Clear filters',
  resultCount: { one: '{count} update found', other: '{count} updates found' } as Message,
  paginationLabel: 'Results pages',
  previousPage: 'Previous',
  nextPage: 'Next',
  pageSuffix: 'page',
  pageNumber: 'Page {page}',
  backToResults: 'Back to results',
  topics: 'Topics',
  downloads: 'Downloads',
  downloadDetails: '{format}, {size}',
  easyRead: 'Easy Read version',
  itemNotFound: 'This update could not be found. It may have been removed.',
  countdownHeading: 'Consultations',
  noOpenConsultations: 'There are no open consultations at the moment.',
  opensOn: 'Opens {date}',
  opensOnAt: 'Opens {date} at {time}',
  closesInDays: { one: 'Closes in {count} day', other: 'Closes in {count} days' } as Message,
  closesTomorrow: 'Closes tomorrow at {time}',
  closesToday: 'Closes today at {time}',
  closesInMinutes: { one: 'Closes in {count} minute', other: 'Closes in {count} minutes' } as Message,
  closingDate: 'Closing date: {date} at {time}',
  closedOn: 'Closed on {date}',
  datesToBeConfirmed: 'Dates to be confirmed',
  openNoClosingDate: 'Open now',
  respond: 'Respond to this consultation',
  addToCalendar: 'Add the closing date to my calendar',
  outcomeLink: 'What you said and what we did',
  outcomePending: 'We are considering the responses.',
  statusUpcoming: 'Upcoming',
  statusOpen: 'Open',
  statusClosed: 'Closed',
  statusOutcome: 'Outcome published',
};

export type Strings = { [K in keyof typeof defaultStrings]: Message };
export type StringKey = keyof Strings;

/** Fills `{name}` placeholders; picks the plural form from `count` when the message has several. */
export function formatMessage(
  message: Message,
  lang: string,
  values: Record<string, string | number> = {},
): string {
  let template: string;
  if (typeof message === 'string') {
    template = message;
  } else {
    const count = typeof values.count === 'number' ? values.count : 0;
    const category = new Intl.PluralRules(lang).select(count);
    template = message[category] ?? message.other;
  }
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

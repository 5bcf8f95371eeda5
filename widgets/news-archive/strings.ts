import { coreStrings, itemStrings, type Message } from '../core/strings.js';

/** The archive's own default strings (overridable through `strings`). */
export const archiveStrings = {
  archiveHeading: 'SEND news and updates',
  loadingItem: 'Loading…',
  searchLabel: 'Search updates',
  searchButton: 'Search',
  typeFilter: 'Type',
  topicFilter: 'Topic',
  audienceFilter: 'Audience',
  yearFilter: 'Year',
  anyOption: 'All',
  showFilters: 'Show filters',
  hideFilters: 'Hide filters',
  applyFilters: 'Apply filters',
  clearFilters: 'Clear filters',
  resultCount: { one: '{count} update found', other: '{count} updates found' } as Message,
  paginationLabel: 'Pages of {name}',
  previousPage: 'Previous',
  nextPage: 'Next',
  pageSuffix: 'page',
  pageNumber: 'Page {page}',
  backToResults: 'Back to all updates',
  itemNotFound: 'This update could not be found. It may have been removed.',
  subscribeResults: 'Subscribe to these results',
};

export const archiveDefaults = { ...coreStrings, ...itemStrings, ...archiveStrings };

import { coreStrings, itemStrings } from '../core/strings.js';

/** The news feed's own default strings (overridable through `strings`). */
export const feedStrings = {
  feedHeading: 'Latest SEND news',
  viewAll: 'View all updates',
  subscribe: 'Subscribe to these updates',
};

export const feedDefaults = { ...coreStrings, ...itemStrings, ...feedStrings };

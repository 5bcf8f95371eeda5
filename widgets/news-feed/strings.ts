import { coreStrings, itemStrings } from '../core/strings.js';

/** The news feed's own default strings (overridable through `strings`). */
export const feedStrings = {
  feedHeading: 'Latest SEND news',
  /** The heading of a feed of one type alone (a feed of news alone keeps `feedHeading`). */
  feedHeadingConsultation: 'Latest SEND consultations',
  feedHeadingStaffingUpdate: 'Latest SEND service updates',
  viewAll: 'View all updates',
  subscribe: 'Subscribe to these updates',
};

export const feedDefaults = { ...coreStrings, ...itemStrings, ...feedStrings };

import { consultationStatusStrings } from '../core/consultation-status.js';
import { coreStrings, type Message } from '../core/strings.js';

/** The countdown's own default strings (overridable through `strings`). */
export const countdownStrings = {
  countdownHeading: 'Consultations',
  noOpenConsultations: 'There are no open consultations at the moment.',
  opensOn: 'Opens {date}',
  closesInDays: { one: 'Closes in {count} day', other: 'Closes in {count} days' } as Message,
  closesTomorrow: 'Closes tomorrow at {time}',
  closesToday: 'Closes today at {time}',
  closesInMinutes: { one: 'Closes in {count} minute', other: 'Closes in {count} minutes' } as Message,
  closingDate: 'Closing date: {date} at {time}',
  closedOn: 'Closed on {date}',
  openNoClosingDate: 'Open now',
  respond: 'Respond to this consultation',
  addToCalendar: 'Add the closing date to my calendar',
  subscribeCalendar: 'Add every consultation closing date to my calendar',
  subscribeCalendarApp: 'Subscribe in my calendar app',
  outcomeLink: 'What you said and what we did',
  ...consultationStatusStrings,
};

export const countdownDefaults = { ...coreStrings, ...countdownStrings };

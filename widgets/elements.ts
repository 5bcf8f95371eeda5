/**
 * The three widget classes, without defining any element: import them to subclass, or to define them
 * yourself. No side effects (the npm package lists only the `send-*.js` entries as having any).
 */
export { SendNewsFeed } from './news-feed/news-feed.js';
export { SendNewsArchive } from './news-archive/news-archive.js';
export { SendConsultationCountdown } from './consultation-countdown/consultation-countdown.js';
export type * from './api.js';

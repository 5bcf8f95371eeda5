/** Defines <send-news-feed> (once: a second copy of a script on the page is harmless). */
import { defineElement } from '../core/define.js';
import { SendNewsFeed } from './news-feed.js';

defineElement('send-news-feed', SendNewsFeed);

export { SendNewsFeed };
export type * from '../api.js';

declare global {
  interface HTMLElementTagNameMap {
    'send-news-feed': SendNewsFeed;
  }
}

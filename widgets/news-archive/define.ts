/** Defines <send-news-archive> (once: a second copy of a script on the page is harmless). */
import { defineElement } from '../core/define.js';
import { SendNewsArchive } from './news-archive.js';

defineElement('send-news-archive', SendNewsArchive);

export { SendNewsArchive };
export type * from '../api.js';

declare global {
  interface HTMLElementTagNameMap {
    'send-news-archive': SendNewsArchive;
  }
}

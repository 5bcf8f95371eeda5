import { defineElement } from '../core/define.js';
import { SendNewsFeed } from './news-feed.js';

defineElement('send-news-feed', SendNewsFeed);

declare global {
  interface HTMLElementTagNameMap {
    'send-news-feed': SendNewsFeed;
  }
}

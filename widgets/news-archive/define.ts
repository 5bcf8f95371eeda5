import { defineElement } from '../core/define.js';
import { SendNewsArchive } from './news-archive.js';

defineElement('send-news-archive', SendNewsArchive);

declare global {
  interface HTMLElementTagNameMap {
    'send-news-archive': SendNewsArchive;
  }
}

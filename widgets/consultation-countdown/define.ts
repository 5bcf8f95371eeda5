/** Defines <send-consultation-countdown> (once: a second copy of a script on the page is harmless). */
import { defineElement } from '../core/define.js';
import { SendConsultationCountdown } from './consultation-countdown.js';

defineElement('send-consultation-countdown', SendConsultationCountdown);

export { SendConsultationCountdown };
export type * from '../api.js';

declare global {
  interface HTMLElementTagNameMap {
    'send-consultation-countdown': SendConsultationCountdown;
  }
}

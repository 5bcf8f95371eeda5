import { defineElement } from '../core/define.js';
import { SendConsultationCountdown } from './consultation-countdown.js';

defineElement('send-consultation-countdown', SendConsultationCountdown);

declare global {
  interface HTMLElementTagNameMap {
    'send-consultation-countdown': SendConsultationCountdown;
  }
}

/** `<script type="module" src="…/widgets/send-consultation-countdown.js">`: the countdown (or its fallback, see load.ts). */
import { loadWidgets } from './load.js';

export const { SendConsultationCountdown } = await loadWidgets(() => import('../consultation-countdown/define.js'), ['send-consultation-countdown']);

/** `<script type="module" src="…/widgets/send-widgets.js">`: all three widgets (or their fallback, see load.ts). */
import { loadWidgets } from './load.js';

export const { SendNewsFeed, SendNewsArchive, SendConsultationCountdown } = await loadWidgets(
  () => import('../send-widgets.js'),
  ['send-news-feed', 'send-news-archive', 'send-consultation-countdown'],
);

/** All three SEND widgets in one script: `<script type="module" src="…/widgets/send-widgets.js">`. */
import './news-feed/define.js';
import './news-archive/define.js';
import './consultation-countdown/define.js';

export { SendNewsFeed } from './news-feed/news-feed.js';
export { SendNewsArchive } from './news-archive/news-archive.js';
export { SendConsultationCountdown } from './consultation-countdown/consultation-countdown.js';
export type { SendEventDetails, SendEventName } from './core/events.js';
export type { Strings } from './core/strings.js';

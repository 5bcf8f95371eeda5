/** `<script type="module" src="…/widgets/send-news-feed.js">`: the news feed (or its fallback, see load.ts). */
import { loadWidgets } from './load.js';

export const { SendNewsFeed } = await loadWidgets(() => import('../news-feed/define.js'), ['send-news-feed']);

/** `<script type="module" src="…/widgets/send-news-archive.js">`: the archive (or its fallback, see load.ts). */
import { loadWidgets } from './load.js';

export const { SendNewsArchive } = await loadWidgets(() => import('../news-archive/define.js'), ['send-news-archive']);

/** All three SEND widgets, defined: `import '@send-updates/widgets'`. The classes and types come with them. */
import './news-feed/define.js';
import './news-archive/define.js';
import './consultation-countdown/define.js';

export * from './elements.js';

/* Loads the all-in-one entry of the build under test twice on one page. */
import { listAndItem } from '../fixtures/index.js';
import { buildUrl } from './build.js';
import { assert, assertEqual, captureHostErrors, shadow, waitFor, shownItems } from './helpers.js';

const bundle = buildUrl('send-widgets.js').href;
/**
 * Lit's own shared markers (version lists, decorator metadata, and in the npm package's tests, where Lit
 * runs in development mode, its record of warnings given); the widgets add none of their own.
 */
const LIT_GLOBALS = ['litPropertyMetadata', 'reactiveElementVersions', 'litHtmlVersions', 'litElementVersions', 'litIssuedWarnings'];

describe('all-in-one entry', () => {
  it('can be loaded twice on one page without errors or globals of its own', async () => {
    const errors = captureHostErrors();
    const globalsBefore = new Set(Object.getOwnPropertyNames(window));
    try {
      await import(/* @vite-ignore */ bundle);
      const firstFeed = customElements.get('send-news-feed');
      await import(/* @vite-ignore */ `${bundle}?second-copy`);
      assertEqual(customElements.get('send-news-feed'), firstFeed, 'first definition kept');
      for (const name of ['send-news-feed', 'send-news-archive', 'send-consultation-countdown']) {
        assert(customElements.get(name), `${name} defined`);
      }
      const added = Object.getOwnPropertyNames(window).filter((name) => !globalsBefore.has(name) && !LIT_GLOBALS.includes(name));
      assertEqual(added, [], 'globals added by the bundle');

      const feed = document.createElement('send-news-feed');
      Object.assign(feed, { fetcher: listAndItem('latestNews') });
      feed.setAttribute('api', 'https://cms.example');
      document.body.append(feed);
      await waitFor(() => shownItems(shadow(feed), '.item').length === 3, 'bundled feed renders');
      feed.remove();
      assertEqual(errors.messages, [], 'host page errors');
    } finally {
      errors.stop();
    }
  });
});

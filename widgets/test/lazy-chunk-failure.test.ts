/*
 * The archive bundle of the build under test, imported from /fail-reading-view/, where the test server answers 404
 * for its reading-view chunk (see web-test-runner.config.mjs): opening an item must show the normal error state
 * with the fallback link, never an uncaught error.
 */
import { listAndItem } from '../fixtures/index.js';
import { buildUrl } from './build.js';
import { assert, assertEqual, guardHostPage, mount, nextEvent, shadow, waitFor, shownItems } from './helpers.js';

const bundle = `/fail-reading-view${buildUrl('send-news-archive.js').pathname}`;

describe('archive bundle: reading view chunk cannot load', () => {
  guardHostPage();

  it('shows the error state with the fallback link and reports send-error', async () => {
    await import(/* @vite-ignore */ bundle);
    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    const archive = await mount('send-news-archive', {
      attributes: { api: 'https://cms.example', 'fallback-href': 'https://www.example.gov.uk/news' },
      properties: { fetcher: listAndItem('archivePage') } as object,
      parent: wrapper,
    });
    await waitFor(() => shownItems(shadow(archive), '.item').length > 0, 'results');
    const error = nextEvent<{ kind: string }>(wrapper, 'send-error');
    shadow(archive).querySelector<HTMLAnchorElement>('a[data-key]')!.click();
    await waitFor(() => Boolean(shadow(archive).querySelector('[part=error]')), 'error state', 5000);
    assertEqual((await error).detail.kind, 'script', 'send-error kind');
    assertEqual(shadow(archive).querySelector<HTMLAnchorElement>('[part=error] a')?.href, 'https://www.example.gov.uk/news', 'fallback link');
    assert(shadow(archive).querySelector('a.back'), 'Back to results still offered');
    const failed = performance
      .getEntriesByType('resource')
      .filter((entry) => /^\/fail-reading-view\/dist\/[^/]+\/chunks\/reading-view-/.test(new URL(entry.name).pathname));
    assertEqual(failed.length, 1, 'the real chunk was requested (and refused)');
  });
});

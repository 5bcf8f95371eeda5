/* Needs the Rollup build (dist/widgets/) first: the real archive bundle loads its reading-view chunk. */
import { listAndItem } from '../fixtures/index.js';
import { assert, assertEqual, assertIncludes, guardHostPage, mount, shadow, textOf, waitFor } from './helpers.js';

const bundle = '/dist/widgets/send-news-archive.js';
const chunkRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith('/dist/widgets/chunks/'));

describe('script-tag bundle: lazy reading view', () => {
  guardHostPage();

  it('shows results without any chunk and loads the reading view chunk beside the bundle when an item opens', async () => {
    await import(/* @vite-ignore */ bundle);
    const archive = await mount('send-news-archive', {
      attributes: { api: 'https://cms.example' },
      properties: { fetcher: listAndItem('archivePage') } as object,
    });
    await waitFor(() => shadow(archive).querySelectorAll('.item').length > 0, 'results');
    assertEqual(chunkRequests(), [], 'first paint needs no chunk');
    shadow(archive).querySelector<HTMLAnchorElement>('a[data-key]')!.click();
    await waitFor(() => Boolean(shadow(archive).querySelector('.reading-title')), 'reading view');
    const [chunk, ...others] = chunkRequests();
    assert(chunk && /^\/dist\/widgets\/chunks\/reading-view-[\w-]+\.js$/.test(chunk), `reading-view chunk requested: ${chunk}`);
    assertEqual(others, [], 'one chunk');
    assertEqual(getComputedStyle(shadow(archive).querySelector('.reading-title')!).fontSize, '32px', 'chunk styles adopted');
    assertIncludes(textOf(archive), 'Back to results', 'back link');
  });
});

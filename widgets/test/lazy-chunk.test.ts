/* The archive bundle of the build under test loads its reading-view chunk, beside itself, only when an item opens. */
import { listAndItem } from '../fixtures/index.js';
import { buildUrl } from './build.js';
import { assert, assertEqual, assertIncludes, guardHostPage, mount, shadow, textOf, waitFor } from './helpers.js';

const bundle = buildUrl('send-news-archive.js');
const chunks = new URL('chunks/', bundle).pathname;
const chunkRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith(chunks));

describe('archive bundle: lazy reading view', () => {
  guardHostPage();

  it('shows results without the reading-view chunk and loads it beside the bundle when an item opens', async () => {
    await import(/* @vite-ignore */ bundle.href);
    const firstPaint = chunkRequests();
    const archive = await mount('send-news-archive', {
      attributes: { api: 'https://cms.example' },
      properties: { fetcher: listAndItem('archivePage') } as object,
    });
    await waitFor(() => shadow(archive).querySelectorAll('.item').length > 0, 'results');
    assertEqual(chunkRequests().filter((path) => path.includes('reading-view')), [], 'first paint needs no reading view');
    shadow(archive).querySelector<HTMLAnchorElement>('a[data-key]')!.click();
    await waitFor(() => Boolean(shadow(archive).querySelector('.reading-title')), 'reading view');
    const [chunk, ...others] = chunkRequests().filter((path) => !firstPaint.includes(path));
    assert(chunk && new RegExp(`^${chunks}reading-view-[\\w-]+\\.js$`).test(chunk), `reading-view chunk requested: ${chunk}`);
    assertEqual(others, [], 'one chunk');
    assertEqual(getComputedStyle(shadow(archive).querySelector('.reading-title')!).fontSize, '32px', 'chunk styles adopted');
    assertIncludes(textOf(archive), 'Back to results', 'back link');
  });
});

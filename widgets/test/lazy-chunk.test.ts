/* The archive bundle of the build under test loads its reading-view chunk, beside itself, only when an item opens. */
import { listAndItem } from '../fixtures/index.js';
import { buildUrl } from './build.js';
import { assert, assertEqual, assertIncludes, guardHostPage, mount, shadow, textOf, waitFor, shownItems } from './helpers.js';

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
    await waitFor(() => shownItems(shadow(archive), '.item').length > 0, 'results');
    assertEqual(
      chunkRequests().filter((path) => path.includes('reading-view')),
      [],
      'first paint needs no reading view',
    );
    shadow(archive).querySelector<HTMLAnchorElement>('a[data-key]')!.click();
    await waitFor(() => Boolean(shadow(archive).querySelector('.reading-title')), 'reading view');
    const [chunk, ...others] = chunkRequests().filter((path) => !firstPaint.includes(path));
    assert(chunk && new RegExp(`^${chunks}reading-view-[\\w-]+\\.js$`).test(chunk), `reading-view chunk requested: ${chunk}`);
    if (bundle.pathname.startsWith('/dist/widgets/')) {
      assertEqual(others, [], 'one chunk');
    } else {
      // The npm package may split off what the reading view shares with another entry (the countdown's status
      // words, the Respond button); only what the reading-view chunk itself imports may come with it.
      const source = await (await fetch(chunk)).text();
      for (const path of others) assertIncludes(source, `./${path.slice(chunks.length)}`, `${path} is imported by the reading view`);
    }
    assertEqual(getComputedStyle(shadow(archive).querySelector('.reading-title')!).fontSize, '32px', 'chunk styles adopted');
    assertIncludes(textOf(archive), 'Back to all updates', 'back link');
  });
});

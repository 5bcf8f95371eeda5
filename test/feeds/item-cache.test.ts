/**
 * The feeds' item cache (feed-model.ts): an item is rendered once per format while it is kept, the
 * cache holds no more than its bound, what was written first goes first, and a new public URL
 * renders again.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { feedItemCache, type FeedFormat } from '../../cms/src/feeds/feed-model.ts';

const BASE = 'https://cms.example.gov.uk';
/** Formats as the cache sees them: a name (writing is `render`'s part). */
const format = (name: FeedFormat['name']) => ({ name }) as FeedFormat;
const RSS = format('rss');
const ATOM = format('atom');

/** A cache over `count` entries, each rendered as `bytes` bytes naming its format, entry and base URL, counting the renders. */
function cacheOf(count: number, maxBytes: number, bytes = 1_000) {
  const entries = Array.from({ length: count }, (_, i) => ({ i }));
  const renders: number[] = [];
  const item = feedItemCache({
    render: (written: FeedFormat, entry: { i: number }, base: string) => {
      renders.push(entry.i);
      return `${written.name} ${entry.i} ${base} `.padEnd(bytes, '.');
    },
    maxBytes,
  });
  return { entries, renders, item };
}

test('an item is rendered once per format, and again for another public URL', () => {
  const { entries, renders, item } = cacheOf(2, 1024 * 1024);
  const first = item(RSS, entries[0], BASE);
  assert.match(first.bytes.toString(), /^rss 0 https:\/\/cms\.example/);
  assert.equal(first.digest.length, 20);
  assert.equal(item(RSS, entries[0], BASE), first);
  assert.deepEqual(renders, [0]);
  assert.match(item(ATOM, entries[0], BASE).bytes.toString(), /^atom 0/);
  assert.equal(item(RSS, entries[0], BASE), first);
  assert.deepEqual(renders, [0, 0]);
  const moved = item(RSS, entries[0], 'https://updates.example.gov.uk');
  assert.match(moved.bytes.toString(), /^rss 0 https:\/\/updates\.example/);
  assert.deepEqual(renders, [0, 0, 0]);
});

test('holds no more than its bound, and lets go of what it wrote first', () => {
  // Room for five items of 1,000 bytes and their digests.
  const { entries, renders, item } = cacheOf(20, 5 * 1_100);
  for (const entry of entries) item(RSS, entry, BASE);
  assert.equal(renders.length, 20);
  renders.length = 0;
  for (const entry of entries.slice(15)) item(RSS, entry, BASE);
  assert.deepEqual(renders, [], 'the last five written are all kept');
  for (const entry of entries.slice(0, 15)) item(RSS, entry, BASE);
  assert.deepEqual(
    renders,
    entries.slice(0, 15).map((entry) => entry.i),
    'the rest were let go',
  );
});

test('an item larger than the whole bound is rendered each time, not kept', () => {
  const { entries, renders, item } = cacheOf(1, 500);
  item(RSS, entries[0], BASE);
  item(RSS, entries[0], BASE);
  assert.deepEqual(renders, [0, 0]);
});

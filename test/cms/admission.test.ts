/**
 * The caches' admission (lib/second-use.ts): a key counts as asked before within its window, is
 * forgotten after it, and a flood of new keys cannot grow what is remembered past the bound.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { secondUse } from '../../cms/src/lib/second-use.ts';

test('a key is admitted when asked again within the window, not the first time', () => {
  let clock = 0;
  const askedBefore = secondUse<string>(60_000, 100, () => clock);
  assert.equal(askedBefore('/api/updates?page=2'), false);
  clock += 10_000;
  assert.equal(askedBefore('/api/updates?page=2'), true);
  assert.equal(askedBefore('/api/updates?page=3'), false);
});

test('a key is forgotten a window after it was last remembered, and kept for at least half a window', () => {
  let clock = 0;
  const askedBefore = secondUse<string>(60_000, 100, () => clock);
  askedBefore('a');
  clock = 29_999;
  assert.equal(askedBefore('a'), true);
  // Each new key after a half window moves the generations on: 'a' is in the previous one, then gone.
  clock = 30_000;
  askedBefore('b');
  assert.equal(askedBefore('a'), true);
  clock = 60_000;
  askedBefore('c');
  assert.equal(askedBefore('a'), false);
});

test('a flood of one-off keys keeps at most the bound, and forgets the oldest first', () => {
  const askedBefore = secondUse<number>(60_000, 1_000, () => 0);
  for (let key = 0; key < 100_000; key += 1) assert.equal(askedBefore(key), false);
  // The last half-bound of keys is remembered; the first ones were dropped.
  assert.equal(askedBefore(99_999), true);
  assert.equal(askedBefore(0), false);
});

/**
 * The caches' admission (lib/use-counts.ts): a key's uses are counted within its window, forgotten
 * a window after it was last asked for, and a flood of new keys cannot grow what is remembered past
 * the bound.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useCounter } from '../../cms/src/lib/use-counts.ts';

test('each use of a key within the window is counted, from one on the first', () => {
  let clock = 0;
  const usesOf = useCounter<string>(60_000, 100, () => clock);
  assert.equal(usesOf('/api/updates?page=2'), 1);
  clock += 10_000;
  assert.equal(usesOf('/api/updates?page=2'), 2);
  assert.equal(usesOf('/api/updates?page=3'), 1);
  assert.equal(usesOf('/api/updates?page=2'), 3);
});

test('a key is forgotten a window after it was last asked for, and kept for at least half a window', () => {
  let clock = 0;
  const usesOf = useCounter<string>(60_000, 100, () => clock);
  usesOf('a');
  clock = 29_999;
  assert.equal(usesOf('a'), 2);
  // After a half window the generations move on: 'a' is carried into the new one when asked for again.
  clock = 30_000;
  assert.equal(usesOf('a'), 3);
  clock = 60_000;
  usesOf('b');
  assert.equal(usesOf('a'), 4);
  // Not asked for in the next whole window: gone.
  clock = 90_000;
  usesOf('c');
  clock = 120_000;
  usesOf('d');
  assert.equal(usesOf('a'), 1);
});

test('a flood of one-off keys keeps at most the bound, and forgets the oldest first', () => {
  const usesOf = useCounter<number>(60_000, 1_000, () => 0);
  for (let key = 0; key < 100_000; key += 1) assert.equal(usesOf(key), 1);
  // The last half-bound of keys is remembered; the first ones were dropped.
  assert.equal(usesOf(99_999), 2);
  assert.equal(usesOf(0), 1);
});

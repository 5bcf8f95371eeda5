/**
 * A feed's body and ETag from its frame and its items (feeds/feed-model.ts `feedBytes`): the tag is
 * hashed from the parts, so it must change whenever the bytes do.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { feedBytes, type EncodedItem } from '../../cms/src/feeds/feed-model.ts';

const item = (text: string): EncodedItem => {
  const bytes = Buffer.from(text);
  return { bytes, digest: createHash('sha1').update(bytes).digest() };
};
const frame = { before: '<rss><channel>\n', between: '\n', after: '\n</channel></rss>' };

test('the body is the frame around the items, and the same parts give the same tag', () => {
  const one = feedBytes(frame, [item('<item>A</item>'), item('<item>B</item>')]);
  assert.equal(one.body.toString(), '<rss><channel>\n<item>A</item>\n<item>B</item>\n</channel></rss>');
  assert.equal(feedBytes(frame, [item('<item>A</item>'), item('<item>B</item>')]).etag, one.etag);
  assert.match(one.etag, /^W\/"[\w-]{27}"$/);
});

test('with no items, the line they would fill is left out', () => {
  assert.equal(feedBytes(frame, []).body.toString(), '<rss><channel>\n</channel></rss>');
});

test('any change to the bytes changes the tag: an item, the order, the frame, or text moved from the frame into an item', () => {
  const tags = [
    feedBytes(frame, [item('<item>A</item>'), item('<item>B</item>')]),
    feedBytes(frame, [item('<item>A</item>'), item('<item>C</item>')]),
    feedBytes(frame, [item('<item>B</item>'), item('<item>A</item>')]),
    feedBytes(frame, [item('<item>A</item>')]),
    feedBytes(frame, []),
    feedBytes({ ...frame, before: '<rss><channel><title>T</title>\n' }, [item('<item>A</item>'), item('<item>B</item>')]),
    feedBytes({ ...frame, between: '\n\n' }, [item('<item>A</item>'), item('<item>B</item>')]),
    feedBytes({ ...frame, after: '</channel></rss>' }, [item('<item>A</item>'), item('<item>B</item>')]),
    // A newline moved from the frame into an item.
    feedBytes({ ...frame, before: '<rss><channel>' }, [item('<item>A</item>\n'), item('<item>B</item>')]),
  ];
  const bodies = new Set(tags.map((t) => t.body.toString()));
  assert.equal(bodies.size, tags.length, 'every case is a different body');
  assert.equal(new Set(tags.map((t) => t.etag)).size, tags.length, 'and has a different tag');
});

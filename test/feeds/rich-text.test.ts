/**
 * `hasRichText` (feeds/rich-text.tsx) decides whether a body shows anything without rendering it, and
 * feeds and item pages choose between the body and the summary by it: it must agree with the renderer
 * on every document, including the malformed ones old content and imports can hold. The module is the
 * compiled CMS's (cms/dist), as the server runs it.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import type { Block } from '../../contract/api.ts';
import { cmsDir, ensureCompiled } from '../helpers/cms.ts';
import { seededRandom } from '../../scripts/lib/seeded-random.ts';

await ensureCompiled();
const { hasRichText, RichText } = createRequire(import.meta.url)(
  path.join(cmsDir, 'dist', 'src', 'feeds', 'rich-text.js'),
) as typeof import('../../cms/src/feeds/rich-text.tsx');

const BASE = 'https://send-cms.example.gov.uk';
const rendersSomething = (blocks: unknown, base = BASE) => render(h(RichText, { blocks: blocks as Block[], base })) !== '';

test('a document shows something exactly when the renderer writes something: hand-picked cases', () => {
  const text = (value: unknown) => ({ type: 'text', text: value });
  const cases: unknown[] = [
    null,
    undefined,
    [],
    [null, 1, 'x'],
    [{ type: 'paragraph', children: [] }],
    [{ type: 'paragraph', children: [text('')] }],
    [{ type: 'paragraph', children: [text('Hello')] }],
    [{ type: 'paragraph', children: [text(42)] }],
    [{ type: 'paragraph' }],
    [{ type: 'heading', level: 2, children: [text('')] }],
    [{ type: 'heading', level: 9, children: [text('Title')] }],
    [{ type: 'quote', children: [{ type: 'link', url: 'https://example.org', children: [text('')] }] }],
    [{ type: 'quote', children: [{ type: 'link', url: 'https://example.org', children: [text('words')] }] }],
    [{ type: 'code', children: [text('x = 1')] }],
    [{ type: 'list', format: 'unordered', children: [] }],
    [{ type: 'list', format: 'unordered', children: [null] }],
    [{ type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [] }] }],
    [{ type: 'list', format: 'ordered', children: [{ type: 'list', format: 'unordered', children: [] }] }],
    [{ type: 'list', format: 'ordered' }],
    [{ type: 'image', image: { url: 'https://example.org/a.png', alternativeText: 'A' } }],
    [{ type: 'image', image: { url: '/uploads/a.png' } }],
    [{ type: 'image', image: { url: 'javascript:alert(1)' } }],
    [{ type: 'image', image: { url: '//evil.example/a.png' } }],
    [{ type: 'image', image: null }],
    [{ type: 'image' }],
    [{ type: 'unknown-block', children: [text('kept as a paragraph')] }],
    [{ type: 'unknown-block', children: [] }],
    [{ children: [text('no type')] }],
    [{ type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [text('')] }] }],
    [
      { type: 'paragraph', children: [] },
      { type: 'paragraph', children: [text('second')] },
    ],
  ];
  for (const blocks of cases) {
    assert.equal(hasRichText(blocks as Block[], BASE), rendersSomething(blocks), JSON.stringify(blocks));
  }
});

test('a document shows something exactly when the renderer writes something: 5,000 generated documents', () => {
  const random = seededRandom(20_261_206);
  const { int, pick } = random;
  const chance = (p: number) => random.next() < p;
  const texts = ['', '', 'Hello', ' ', '\u0000', '<script>alert(1)</script>', 'line\nbreak'];
  const urls = [
    'https://example.org/x',
    '/uploads/a.png',
    'mailto:a@example.org',
    'javascript:alert(1)',
    '//evil.example',
    'data:image/png;base64,AA',
    '',
    null,
  ];
  const inline = (depth: number): unknown => {
    if (chance(0.05)) return pick([null, 3, 'loose text']);
    if (depth < 2 && chance(0.3)) return { type: 'link', url: pick(urls), children: Array.from({ length: int(0, 2) }, () => inline(depth + 1)) };
    return { type: 'text', text: pick(texts), bold: chance(0.2) };
  };
  const children = (depth: number) => (chance(0.05) ? undefined : Array.from({ length: int(0, 3) }, () => inline(depth)));
  const block = (depth: number): unknown => {
    switch (int(0, 7)) {
      case 0:
        return { type: 'heading', level: int(0, 8), children: children(0) };
      case 1:
        return {
          type: 'list',
          format: pick(['ordered', 'unordered']),
          children: chance(0.1)
            ? undefined
            : Array.from({ length: int(0, 2) }, () => (depth < 2 && chance(0.3) ? block(depth + 1) : { type: 'list-item', children: children(0) })),
        };
      case 2:
        return { type: 'image', image: chance(0.1) ? null : { url: pick(urls), alternativeText: pick(texts) } };
      case 3:
        return { type: 'quote', children: children(0) };
      case 4:
        return { type: 'code', children: children(0) };
      case 5:
        return pick([null, 'text', { type: 'mystery', children: children(0) }]);
      default:
        return { type: 'paragraph', children: children(0) };
    }
  };
  let showing = 0;
  for (let i = 0; i < 5_000; i += 1) {
    const blocks = Array.from({ length: int(0, 3) }, () => block(0));
    const shows = rendersSomething(blocks);
    if (shows) showing += 1;
    assert.equal(hasRichText(blocks as Block[], BASE), shows, JSON.stringify(blocks));
  }
  // Both answers occur often, so the comparison is not one-sided.
  assert.ok(showing > 1_000 && showing < 4_000, `${showing} of 5,000 documents show something`);
});

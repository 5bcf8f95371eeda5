/**
 * The widgets' npm package (dist/esm, built by `npm test` before this runs):
 * what `npm pack` would publish, and that every export points at a file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { CustomElement, Declaration, Package } from 'custom-elements-manifest/schema';
import { repoRoot } from '../../scripts/lib/steps.ts';

const packageDir = path.join(repoRoot, 'dist', 'esm');
type Exports = Record<string, string | Record<string, string>>;
const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { exports: Exports; dependencies: Record<string, string> };

test('every export and type declaration exists', () => {
  const targets = Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
  for (const target of targets.filter((t) => !t.includes('*'))) {
    assert.ok(fs.existsSync(path.join(packageDir, target)), `${target} is missing`);
  }
  for (const name of ['send-widgets', 'send-news-feed', 'send-news-archive', 'send-consultation-countdown']) {
    assert.ok(fs.existsSync(path.join(packageDir, 'bundle', `${name}.js`)), `bundle/${name}.js is missing`);
  }
});

test('lit stays a dependency, not bundled into the package entries', () => {
  assert.match(manifest.dependencies.lit, /^\^3\./);
  const entry = fs.readFileSync(path.join(packageDir, 'send-widgets.js'), 'utf8');
  const chunks = fs
    .readdirSync(path.join(packageDir, 'chunks'))
    .map((f) => fs.readFileSync(path.join(packageDir, 'chunks', f), 'utf8'))
    .join('\n');
  assert.match(entry + chunks, /from ['"]lit['"]/);
  assert.doesNotMatch(entry + chunks, /class ReactiveElement|litHtmlVersions\s*\?\?/);
});

test('npm pack publishes code, types, the manifest and the README, but no fixtures or gallery', () => {
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: packageDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  ) as { files: { path: string }[] }[];
  const files = packed.files.map((f) => f.path);
  for (const expected of ['package.json', 'README.md', 'custom-elements.json', 'send-widgets.js', 'send-widgets.d.ts', 'bundle/send-widgets.js']) {
    assert.ok(files.includes(expected), `${expected} would not be published`);
  }
  assert.ok(!files.some((f) => f.startsWith('fixtures/') || f.startsWith('gallery/')), 'fixtures or the gallery would be published');
});

test('custom-elements.json documents the three elements with their attributes, events and parts', () => {
  const cem = JSON.parse(fs.readFileSync(path.join(packageDir, 'custom-elements.json'), 'utf8')) as Package;
  // The schema package's CustomElementDeclaration leaves out CustomElement's fields, so they are asked for by name.
  const isElement = (d: Declaration): d is Declaration & CustomElement => 'customElement' in d && 'tagName' in d && Boolean(d.customElement && d.tagName);
  const elements = cem.modules.flatMap((m) => m.declarations ?? []).filter(isElement);
  const byTag = new Map(elements.map((e) => [e.tagName, e]));
  for (const tag of ['send-news-feed', 'send-news-archive', 'send-consultation-countdown']) {
    const element = byTag.get(tag);
    assert.ok(element, `${tag} is not in the manifest`);
    assert.ok(
      element.attributes?.some((a) => a.name === 'api'),
      `${tag} lacks the api attribute`,
    );
    assert.ok(element.events?.length, `${tag} documents no events`);
    assert.ok(!element.events?.some((e) => e.name === 'name'), `${tag} lists a stray event`);
    assert.ok(element.cssParts?.length, `${tag} documents no parts`);
  }
});

test('every --send-* token the shipped styles read is documented (@cssproperty)', () => {
  const cem = JSON.parse(fs.readFileSync(path.join(packageDir, 'custom-elements.json'), 'utf8')) as Package;
  const isElement = (d: Declaration): d is Declaration & CustomElement => 'customElement' in d && 'tagName' in d && Boolean(d.customElement && d.tagName);
  const elements = cem.modules.flatMap((m) => m.declarations ?? []).filter(isElement);
  const code = fs
    .readdirSync(path.join(packageDir, 'chunks'))
    .map((f) => fs.readFileSync(path.join(packageDir, 'chunks', f), 'utf8'))
    .join('\n');
  const read = new Set([...code.matchAll(/var\((--send-[a-z-]+)/g)].map((m) => m[1]));
  assert.ok(read.size > 20, `only ${read.size} tokens found: the pattern no longer matches the build`);
  const documented = new Set(elements.flatMap((element) => (element.cssProperties ?? []).map((p) => p.name)));
  assert.deepEqual(
    [...read].filter((token) => !documented.has(token)),
    [],
    'tokens the styles read but no element documents (@cssproperty)',
  );
});

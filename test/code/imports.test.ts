/**
 * No import cycles anywhere: the CMS, the widgets, the contract, the scripts,
 * the tests and the build configs, type-only imports included (a cycle of
 * types still ties modules together). dpdm follows imports as TypeScript
 * resolves them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { repoRoot } from '../../scripts/lib/steps.ts';

const SOURCES = ['cms/src/**/*.{ts,tsx}', 'cms/config/**/*.ts', 'contract/*.d.ts', 'widgets/**/*.ts', 'scripts/**/*.{ts,mjs}', 'test/**/*.ts', '*.config.mjs'];

const cyclesIn = async (entries: string[], context: string) => {
  const tree = await parseDependencyTree(entries, {
    cwd: context,
    context,
    transform: false,
    skipDynamicImports: false,
    extensions: ['.ts', '.tsx', '.d.ts', '.mjs', '.js', '.json'],
  });
  // An import the check cannot follow could hide a cycle.
  const unresolved = Object.values(tree).flatMap((deps) =>
    (deps ?? []).filter((d) => d.id === null && d.request.startsWith('.')).map((d) => `${d.issuer} -> ${d.request}`),
  );
  return { files: Object.keys(tree).length, unresolved, cycles: parseCircular(tree) };
};

test('the check finds a cycle when there is one', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-cycle-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = { b?: B };\n");
    fs.writeFileSync(path.join(dir, 'b.ts'), "import { type A } from './a';\nexport type B = { a?: A };\n");
    const { cycles } = await cyclesIn(['*.ts'], dir);
    assert.equal(cycles.length, 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('no module imports itself through others', async () => {
  const { files, unresolved, cycles } = await cyclesIn(SOURCES, repoRoot);
  assert.ok(files > 100, `only ${files} files were read`);
  assert.deepEqual(unresolved, [], 'every relative import is followed');
  assert.deepEqual(
    cycles.map((cycle) => cycle.join(' -> ')),
    [],
  );
});

/**
 * The widgets package's type declarations (dist/esm/*.d.ts, bundled by rollup-plugin-dts) as a partner
 * developer meets them: a strict TypeScript project that installs the package compiles against them,
 * with the API contract, events and strings typed, and wrong uses refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../scripts/lib/steps.ts';

const packageDir = path.join(repoRoot, 'dist', 'esm');
const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
  types: string;
  exports: Record<string, string | { types: string; default: string }>;
  sideEffects: string[];
};
const declarationFiles = fs.readdirSync(packageDir).filter((file) => file.endsWith('.d.ts'));

/** A partner's code: every line must compile, and every `@ts-expect-error` must really be an error. */
const consumer = `
import { SendNewsFeed, type ListResponse, type SendEventDetails, type Strings, type UpdateSummary } from '@send-updates/widgets';
import { SendNewsArchive, type ConsultationSummary, type FailureKind } from '@send-updates/widgets/elements.js';
import '@send-updates/widgets/send-consultation-countdown.js';

const feed = document.createElement('send-news-feed');
const sameClass: SendNewsFeed = feed;
sameClass.layout = 'cards';
feed.strings = { feedHeading: 'Newyddion SEND', typeArticle: 'Newyddion' };
feed.addEventListener('send-loaded', (event) => {
  const total: number = event.detail.total;
  const stale: boolean = event.detail.stale;
  console.log(total, stale);
});
document.addEventListener('send-error', (event) => {
  const kind: FailureKind = event.detail.kind;
  console.log(kind satisfies SendEventDetails['send-error']['kind']);
});
const countdown = document.createElement('send-consultation-countdown');
countdown.clock = () => Date.parse('2026-03-28T22:30:00Z');

const welsh: Partial<Strings> = { archiveHeading: 'Newyddion', closesTomorrow: 'Yn cau yfory am {time}' };
console.log(welsh);

function titles(response: ListResponse): string[] {
  return response.data.map((item: UpdateSummary) => (item.type === 'consultation' ? \`\${item.title} (closes \${item.closesAt})\` : item.title));
}
const consultation: ConsultationSummary['status'] = 'open';
console.log(titles, consultation);

class CouncilArchive extends SendNewsArchive {}
customElements.define('council-archive', CouncilArchive);

// @ts-expect-error: not a layout
feed.layout = 'grid';
// @ts-expect-error: the feed shows no such string
feed.strings = { clearFilters: 'Clear' };
// @ts-expect-error: the contract has no such type of item
const wrongType: UpdateSummary['type'] = 'blog-post';
console.log(wrongType);
// @ts-expect-error: event details are typed
document.addEventListener('send-item-select', (event) => event.detail.url);
`;

test('each entry has one self-contained declaration file: nothing imported but lit and the package itself', () => {
  const entries = Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [] : [target.types]));
  assert.deepEqual(entries.map((file) => path.basename(file)).sort(), declarationFiles.sort(), 'a .d.ts per entry, and only those');
  for (const file of declarationFiles) {
    const text = fs.readFileSync(path.join(packageDir, file), 'utf8');
    const imported = [...text.matchAll(/\bfrom\s+'([^']+)'|\bimport\s+'([^']+)'/g)].map((match) => match[1] ?? match[2]);
    for (const specifier of imported) {
      assert.ok(specifier === 'lit' || /^\.\/[\w-]+\.js$/.test(specifier), `${file} imports ${specifier}`);
      if (specifier.startsWith('./'))
        assert.ok(declarationFiles.includes(path.basename(specifier, '.js') + '.d.ts'), `${file}: ${specifier} has no declarations`);
    }
  }
});

test('the API contract reaches partner developers through the package types', () => {
  const types = fs.readFileSync(path.join(packageDir, 'elements.d.ts'), 'utf8');
  for (const name of [
    'ListResponse',
    'ItemResponse',
    'UpdateSummary',
    'ConsultationSummary',
    'Facets',
    'ErrorResponse',
    'Block',
    'SendEventDetails',
    'Strings',
  ]) {
    assert.match(types, new RegExp(`\\b${name}\\b`), `${name} is not exported`);
  }
});

test('a strict TypeScript project using the package compiles, and its deliberate mistakes are refused', () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'send-widgets-consumer-'));
  try {
    fs.mkdirSync(path.join(project, 'node_modules', '@send-updates'), { recursive: true });
    fs.symlinkSync(packageDir, path.join(project, 'node_modules', '@send-updates', 'widgets'), 'dir');
    fs.writeFileSync(path.join(project, 'consumer.ts'), consumer);
    fs.writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          types: [],
          // The package's own declarations are checked too, not skipped.
          skipLibCheck: false,
        },
        files: ['consumer.ts'],
      }),
    );
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ type: 'module' }));
    const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      assert.fail(`the consumer does not compile:\n${(error as { stdout?: string }).stdout ?? String(error)}`);
    }
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
});

test('sideEffects lists exactly the entries that define elements, so a bundler may drop elements.js and every chunk unused', () => {
  const jsFiles = (dir: string): string[] =>
    fs
      .readdirSync(path.join(packageDir, dir), { withFileTypes: true })
      .flatMap((entry) =>
        entry.isDirectory()
          ? entry.name === 'bundle'
            ? []
            : jsFiles(path.join(dir, entry.name))
          : entry.name.endsWith('.js')
            ? [path.join(dir, entry.name)]
            : [],
      );
  const code = new Map(jsFiles('.').map((file) => [path.normalize(file), fs.readFileSync(path.join(packageDir, file), 'utf8')]));
  // A file has side effects when it defines an element, or imports (for its effect alone) a file that does.
  const defining = new Set([...code].filter(([, text]) => /\bdefineElement\(\s*'send-/.test(text)).map(([file]) => file));
  for (let grew = true; grew;) {
    grew = false;
    for (const [file, text] of code) {
      const imported = [...text.matchAll(/^import\s+'(\.[^']+)';/gm)].map((match) => path.normalize(path.join(path.dirname(file), match[1])));
      if (defining.has(file) || !imported.some((target) => defining.has(target))) continue;
      defining.add(file);
      grew = true;
    }
  }
  assert.deepEqual(
    manifest.sideEffects.filter((pattern) => !pattern.includes('*')).sort(),
    [...defining].map((file) => `./${file}`).sort(),
    'entries with side effects',
  );
  assert.ok(!manifest.sideEffects.includes('./elements.js'), 'elements.js has no side effects');
  assert.ok(fs.readFileSync(path.join(packageDir, 'elements.js'), 'utf8').includes('SendNewsArchive'), 'elements.js exports the classes');
});

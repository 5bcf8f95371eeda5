// Fails (exit 1) when a script-tag bundle is over its gzip budget. Run after the Rollup build.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const budgets = [
  ['dist/widgets/send-widgets.js', 15 * KB],
  ['dist/widgets/send-news-feed.js', 10 * KB],
  ['dist/widgets/send-news-archive.js', 10 * KB],
  ['dist/widgets/send-consultation-countdown.js', 10 * KB],
];

let passed = 0;
let failed = 0;
for (const [file, budget] of budgets) {
  let gzipped;
  try {
    gzipped = gzipSync(readFileSync(file), { level: 9 }).length;
  } catch (error) {
    console.log(`FAIL ${file}: cannot read (${error.code ?? error.message}); run the Rollup build first`);
    failed += 1;
    continue;
  }
  const ok = gzipped <= budget;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${file}: ${(gzipped / KB).toFixed(2)} KB gzip (budget ${budget / KB} KB)`);
  if (ok) passed += 1;
  else failed += 1;
}
console.log(`size: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;

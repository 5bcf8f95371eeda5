/**
 * `npm audit --omit=dev` over what ships (the CMS and its dependencies, the widgets' lit): no high or
 * critical advisory may reach it unless scripts/audit-allowlist.json names it with the reason it
 * does not matter here. Ends with `audit: N passed, N failed` (one check per advisory found, plus
 * the run itself), or `audit: skipped (…)` when the registry offers no advisory service (some
 * mirrors and closed networks do not), which npm test shows as skipped rather than passed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lib/steps.ts';

type Advisory = { source?: number; url?: string; title?: string; severity?: string; range?: string };
type Vulnerability = { name: string; severity: string; via: (string | Advisory)[]; nodes?: string[] };
type Report = { vulnerabilities?: Record<string, Vulnerability>; error?: { summary?: string }; message?: string; statusCode?: number };

const allowListFile = process.env.AUDIT_ALLOWLIST ?? path.join(repoRoot, 'scripts', 'audit-allowlist.json');
const allowList = JSON.parse(fs.readFileSync(allowListFile, 'utf8')) as { advisories: Record<string, string> };

/** npm's JSON report; `--report <file>` reads a saved one instead (how the test of this script feeds it). */
function readReport(): Report {
  const saved = process.argv.indexOf('--report');
  const run =
    saved > 0
      ? { stdout: fs.readFileSync(process.argv[saved + 1], 'utf8'), stderr: '' }
      : spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  try {
    return JSON.parse(run.stdout) as Report;
  } catch {
    return { message: (run.stderr || run.stdout || 'no output').trim().split('\n').pop() };
  }
}
const report = readReport();

if (!report.vulnerabilities) {
  console.log(`The registry gave no audit report: ${report.message ?? report.error?.summary ?? 'unknown error'}.`);
  console.log('audit: skipped (no advisory service reachable from this network)');
  process.exit(0);
}

const serious = Object.values(report.vulnerabilities).filter((v) => v.severity === 'high' || v.severity === 'critical');
/** Each advisory behind a serious finding, by its URL (GitHub advisory address), with the package it sits in. */
const advisories = serious.flatMap((v) =>
  v.via
    .filter((via): via is Advisory => typeof via === 'object' && (via.severity === 'high' || via.severity === 'critical'))
    .map((via) => ({ package: v.name, ...via })),
);
const unexplained = advisories.filter((a) => !(a.url && allowList.advisories[a.url]));

for (const a of advisories) {
  const reason = a.url ? allowList.advisories[a.url] : undefined;
  console.log(
    `${reason ? 'allowed' : 'FAILED '} ${a.severity} ${a.package} ${a.range ?? ''}: ${a.title ?? ''} ${a.url ?? ''}${reason ? `\n        why: ${reason}` : ''}`,
  );
}
const counts = Object.entries(report.vulnerabilities).reduce<Record<string, number>>(
  (sum, [, v]) => ({ ...sum, [v.severity]: (sum[v.severity] ?? 0) + 1 }),
  {},
);
console.log(
  `npm audit --omit=dev: ${JSON.stringify(counts)}; high or critical advisories: ${advisories.length}, of them explained in scripts/audit-allowlist.json: ${advisories.length - unexplained.length}`,
);
console.log(`audit: ${1 + advisories.length - unexplained.length} passed, ${unexplained.length} failed`);
process.exit(unexplained.length ? 1 : 0);

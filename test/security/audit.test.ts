/**
 * The dependency audit step (scripts/audit.ts) fails on a high or critical advisory, passes one
 * that the allow-list explains, and says "skipped", never "passed", when there is no report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../helpers/cms.ts';

const ADVISORY = 'https://github.com/advisories/GHSA-test-0000-0000';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-audit-'));
const write = (name: string, value: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
};
const report = write('report.json', {
  vulnerabilities: {
    'some-lib': { name: 'some-lib', severity: 'high', via: [{ source: 1, url: ADVISORY, title: 'Prototype pollution', severity: 'high', range: '<2.0.0' }] },
    'minor-lib': {
      name: 'minor-lib',
      severity: 'moderate',
      via: [{ source: 2, url: 'https://github.com/advisories/GHSA-mod', title: 'x', severity: 'moderate' }],
    },
  },
});

const audit = (reportFile: string, allowList = path.join(repoRoot, 'scripts', 'audit-allowlist.json')) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit.ts', '--report', reportFile], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, AUDIT_ALLOWLIST: allowList },
  });

test('a high advisory not in the allow-list fails the step, naming it', () => {
  const run = audit(report);
  assert.equal(run.status, 1, run.stdout);
  assert.match(run.stdout, /FAILED {2}high some-lib <2\.0\.0: Prototype pollution/);
  assert.match(run.stdout, /^audit: 1 passed, 1 failed$/m);
});

test('the same advisory, explained in the allow-list, passes and shows why', () => {
  const run = audit(report, write('allow.json', { advisories: { [ADVISORY]: 'only reached by a build tool' } }));
  assert.equal(run.status, 0, run.stdout);
  assert.match(run.stdout, /why: only reached by a build tool/);
  assert.match(run.stdout, /^audit: 2 passed, 0 failed$/m);
});

test('no report (a registry without the advisory service) is "skipped", not "passed"', () => {
  const run = audit(write('error.json', { message: '405 Method Not Allowed', statusCode: 405 }));
  assert.equal(run.status, 0);
  assert.match(run.stdout, /^audit: skipped/m);
  assert.doesNotMatch(run.stdout, /passed/);
});

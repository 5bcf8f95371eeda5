/**
 * `npm run lint` (and the lint suite of `npm test`): three checks, each run to the end so one
 * report shows every problem, then a summary that names what failed and the command that fixes it.
 *
 *   ESLint         eslint.config.mjs over every project, no warnings allowed
 *   lit-analyzer   the widgets' Lit templates: bindings against element and attribute types (strict rules)
 *   Prettier       the format (.prettierrc; .prettierignore leaves out generated files and byte-exact fixtures)
 *
 * Ends with `lint: N passed, N failed`, one count per check.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot, say } from './lib/steps.ts';

type Check = { name: string; bin: string[]; args: string[]; fix: string };

const CHECKS: Check[] = [
  {
    name: 'ESLint',
    bin: ['eslint', 'bin', 'eslint.js'],
    args: ['--max-warnings', '0', '.'],
    fix: 'the rule is named beside each problem above; `npx eslint --fix .` fixes some',
  },
  {
    name: 'lit-analyzer',
    bin: ['lit-analyzer', 'cli.js'],
    args: ['--strict', '--maxWarnings', '0', '--format', 'list', 'widgets'],
    fix: 'each binding above has a type its attribute or property does not accept',
  },
  {
    name: 'Prettier',
    bin: ['prettier', 'bin', 'prettier.cjs'],
    args: ['--check', '--log-level', 'warn', '.'],
    fix: 'run `npx prettier --write <file>` on the files listed above',
  },
];

function runCheck(check: Check) {
  return new Promise<boolean>((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'node_modules', ...check.bin), ...check.args], { cwd: repoRoot, stdio: 'inherit' });
    child.on('error', (error) => (console.error(`${check.name} did not start: ${error.message}`), resolve(false)));
    child.on('exit', (code) => resolve(code === 0));
  });
}

const failed: Check[] = [];
for (const check of CHECKS) {
  say(`${check.name}…`);
  if (!(await runCheck(check))) failed.push(check);
}

for (const check of failed) console.error(`\n✖ ${check.name} found problems: ${check.fix}.`);
if (failed.length === 0) console.log(`\nNo problems: ${CHECKS.map((c) => c.name).join(', ')}.`);
console.log(`lint: ${CHECKS.length - failed.length} passed, ${failed.length} failed`);
process.exitCode = failed.length ? 1 : 0;

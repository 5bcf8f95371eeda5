/**
 * `npm start` (after scripts/run.mjs installed what is missing): builds the widgets and the CMS (only
 * what changed), starts Strapi on SQLite (or PostgreSQL, from DATABASE_* env),
 * seeds on first run, and prints where everything is.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildCms, buildWidgets, CMS_NODE_OPTIONS, cmsDir, portTaken, postgresProblem, say, strapiCli, waitForHttp } from './lib/steps.ts';

const port = Number(process.env.PORT || 1337);
const origin = (process.env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, '');
const production = process.env.NODE_ENV === 'production';

// Checked before anything is built: a second `npm start` would rebuild what the first is serving, then
// find the first one answering and say it had started, just before Strapi failed on the port.
if (await portTaken(port, process.env.HOST || '0.0.0.0')) {
  console.error(
    `\nPort ${port} is in use already. If SEND updates is running in another terminal, use that one: ${origin}/updates.\nIf another program holds the port, stop it, or start on another port: PORT=${port + 1} npm start`,
  );
  process.exit(1);
}

const database = process.env.DATABASE_CLIENT === 'postgres' ? await postgresProblem() : null;
if (database) {
  console.error(`\n${database}\nOr leave DATABASE_CLIENT unset to use SQLite.`);
  process.exit(1);
}

try {
  await buildWidgets();
  await buildCms({ admin: true });
} catch (error) {
  console.error(`\nSet-up failed: ${(error as Error).message}`);
  process.exit(1);
}

say(`Starting the CMS on ${process.env.DATABASE_CLIENT === 'postgres' ? 'PostgreSQL' : 'SQLite'}…`);
const cms = spawn(process.execPath, [...CMS_NODE_OPTIONS, strapiCli(), 'start'], {
  cwd: cmsDir,
  stdio: 'inherit',
  env: { STRAPI_TELEMETRY_DISABLED: 'true', ...process.env, NODE_ENV: process.env.NODE_ENV || 'development', PORT: String(port) },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => cms.kill(signal));
cms.on('exit', (code) => process.exit(code ?? 0));

try {
  await waitForHttp(`http://127.0.0.1:${port}/_health`, { child: cms });
} catch (error) {
  console.error((error as Error).message);
  cms.kill();
  process.exit(1);
}

const lines = [
  'SEND updates is running.',
  '',
  `  Admin (editors):      ${origin}/admin`,
  `  Pages for readers:    ${origin}/updates`,
  `  Demo partner pages:   ${origin}/demo/`,
  `  Code for websites:    ${origin}/updates/embed`,
  `  Public API:           ${origin}/api/updates`,
  `  RSS feed:             ${origin}/feeds/rss.xml`,
];
// Where the CMS keeps the local account (LOCAL_EDITOR_FILE, relative to cms/, as cms/src/seed/local-editor.ts reads it).
const editorFile = path.resolve(cmsDir, process.env.LOCAL_EDITOR_FILE || path.join('.tmp', 'local-editor.json'));
if (!production && fs.existsSync(editorFile)) {
  const { email, password } = JSON.parse(fs.readFileSync(editorFile, 'utf8')) as { email: string; password: string };
  lines.push(
    '',
    '  Sign in to the admin with the local editor account (a SEND editor; development only):',
    `    email:    ${email}`,
    `    password: ${password}`,
  );
}
lines.push('', 'Press Ctrl+C to stop.');
console.log(`\n${lines.join('\n')}\n`);

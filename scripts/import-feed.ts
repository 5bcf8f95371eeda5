/**
 * npm run import -- <file or URL> [--publish] [--type article|consultation|staffing-update] [--dry-run]
 *
 * Brings an old website's RSS or Atom feed into the CMS: drafts by default,
 * published with --publish. Safe to re-run. It starts the CMS in this process
 * against the database the server uses (the same DATABASE_* variables), with
 * no web server; SQLite allows this beside a running server, as each write is short.
 * The import logic is the CMS's own TypeScript (cms/src/import), run from source.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Core } from '@strapi/strapi';
import { importFeed, parseFeed, readSource, type Feed, type ImportReport } from '../cms/src/import/feed-import.ts';
import { isUpdateType, UPDATE_TYPES } from '../cms/src/lib/update-types.ts';
import { buildCms, cmsDir, say, strapiPackage } from './lib/steps.ts';

const USAGE = `Usage: npm run import -- <file or URL> [--publish] [--type ${Object.keys(UPDATE_TYPES).join('|')}] [--dry-run]

  --publish   publish imported items (default: create drafts for editors to check)
  --type      what the items are (default: article)
  --dry-run   read the feed and show what would happen, without writing`;

function fail(message: string, code = 1): never {
  console.error(`\n${message}`);
  process.exit(code);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const options = {
  publish: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  type: { type: 'string', default: 'article' },
  help: { type: 'boolean', short: 'h' },
} as const;

let args: ReturnType<typeof parseArgs<{ allowPositionals: true; options: typeof options }>>;
try {
  args = parseArgs({ allowPositionals: true, options });
} catch (error) {
  fail(`${messageOf(error)}\n\n${USAGE}`, 2);
}
if (args.values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (args.positionals.length !== 1) fail(USAGE, 2);
const { publish, 'dry-run': dryRun, type } = args.values;
if (!isUpdateType(type)) fail(`Unknown --type "${type}".\n\n${USAGE}`, 2);

const [source] = args.positionals;

let feed: Feed;
try {
  feed = await parseFeed(await readSource(source));
} catch (error) {
  fail(`Could not read a feed from ${source}: ${messageOf(error)}`);
}
say(`${feed.title ?? 'Feed'}: ${feed.items.length} items.`);

// An import only writes what it was given: no demo content, no local editor account, quiet logs.
Object.assign(process.env, { SEED_CONTENT: 'off', LOCAL_EDITOR: 'off', SERVE_ADMIN: 'false', ...process.env, LOG_LEVEL: process.env.LOG_LEVEL || 'warn' });

let strapi: Core.Strapi;
try {
  // Strapi boots from its compiled app (cms/dist); the import code above runs from source.
  await buildCms({ admin: false });
  strapi = strapiPackage().createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist') });
  await strapi.load();
} catch (error) {
  fail(`Could not start the CMS: ${messageOf(error)}`);
}

// Strapi announces each write (entry.create, entry.publish, …) after it commits, without waiting:
// it first reads the entry back. The database must stay open until those reads are done.
let lastActivity = Date.now();
strapi.eventHub.subscribe(() => {
  lastActivity = Date.now();
  return Promise.resolve();
});
async function settle(quietMs = 300, maxMs = 10_000) {
  const deadline = Date.now() + maxMs;
  while (Date.now() - lastActivity < quietMs && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, quietMs / 3));
}

const width = String(feed.items.length).length;
const report: ImportReport = await importFeed(strapi, feed, {
  type,
  publish,
  dryRun,
  onProgress: ({ index, total, status, title, reason }) =>
    console.log(`[${String(index).padStart(width)}/${total}] ${status.padEnd(12)} ${title}${reason && status !== 'failed' ? ` (${reason})` : ''}`),
}).finally(async () => {
  lastActivity = Date.now();
  await settle();
  await strapi.destroy();
});

const lines = [
  '',
  dryRun
    ? `Dry run: ${report.created.length} would be created.`
    : `Created ${report.created.length} (${publish ? `${report.published.length} published` : 'as drafts'}).`,
  `Skipped ${report.skipped.length} already in the CMS.`,
];
if (report.keptAsDraft.length)
  lines.push(`Kept as drafts (finish them in the admin, then publish):`, ...report.keptAsDraft.map((i) => `  - ${i.title}: ${i.reason}`));
if (report.failed.length) lines.push(`Could not import ${report.failed.length}:`, ...report.failed.map((i) => `  - ${i.title}: ${i.reason}`));
console.log(lines.join('\n'));

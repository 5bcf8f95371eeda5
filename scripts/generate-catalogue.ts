/**
 * `npm run generate -- --items 100000 [--seed 12]`: adds a realistic catalogue of that many
 * published items to the CMS's database (the one DATABASE_* names, as for `npm start`: SQLite's
 * cms/.tmp/data.db by default). Stop the CMS first, or restart it after: rows are bulk-inserted
 * into Strapi's tables (scripts/lib/catalogue-generator.ts), which a running CMS does not hear of.
 */
import path from 'node:path';
import { generateCatalogue } from './lib/catalogue-generator.ts';
import { buildCms, cmsDir, say, strapiPackage } from './lib/steps.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number; got "${process.argv[i + 1]}".`);
  return value;
};
const items = arg('items', 100_000);
const seed = arg('seed', 12);

await buildCms({ admin: false });
say(`Opening the CMS's database (${process.env.DATABASE_CLIENT === 'postgres' ? 'PostgreSQL' : 'SQLite'})…`);
Object.assign(process.env, { LOG_LEVEL: process.env.LOG_LEVEL || 'error', SERVE_ADMIN: 'false', LOCAL_EDITOR: 'off' });
const strapi = strapiPackage().createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist') });
await strapi.load();
await generateCatalogue(strapi, { items, seed, log: say });
await strapi.destroy();
say('Done. Start (or restart) the CMS to serve them.');
process.exit(0);

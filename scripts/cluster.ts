/**
 * `npm run cluster`: nginx (from Debian, installed when missing) as load balancer and caching
 * proxy in front of two CMS instances on one PostgreSQL database, all on this machine.
 *
 *   DATABASE_URL   the database (default postgres://postgres@127.0.0.1:5432/test)
 *   DATABASE_SCHEMA  its schema (default send_cluster; created when missing, kept between runs)
 *   CLUSTER_PORT   nginx's port (default 8080; the instances take the next ports)
 *   CLUSTER_INSTANCES  how many instances (default 2)
 */
import { startCluster } from './lib/cluster.ts';
import { buildCms, buildWidgets, say } from './lib/steps.ts';

const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const schema = process.env.DATABASE_SCHEMA || 'send_cluster';
const port = Number(process.env.CLUSTER_PORT || 8080);
const instances = Number(process.env.CLUSTER_INSTANCES || 2);

await buildWidgets();
await buildCms({ admin: true });
say(`Starting ${instances} CMS instances on PostgreSQL (schema ${schema}) behind nginx…`);
const cluster = await startCluster({ databaseUrl, schema, instances, port, env: { SERVE_ADMIN: 'true' } });
const stop = async () => {
  await cluster.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

console.log(`
SEND updates is running on ${instances} instances behind nginx.

  Through nginx (readers, partner sites):  ${cluster.url}/api/updates
  Admin (editors), through nginx:          ${cluster.url}/admin
${cluster.instances.map((i) => `  Instance ${i.name}:                              ${i.url}`).join('\n')}

Press Ctrl+C to stop.
`);

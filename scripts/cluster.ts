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
import { buildCms, buildWidgets, portTaken, postgresProblem, say } from './lib/steps.ts';

const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const schema = process.env.DATABASE_SCHEMA || 'send_cluster';
const port = Number(process.env.CLUSTER_PORT || 8080);
const instances = Number(process.env.CLUSTER_INSTANCES || 2);

// nginx takes `port`, the instances the ports after it (scripts/lib/cluster.ts; 0: free ports); checked before anything is built.
const ports = port ? Array.from({ length: instances + 1 }, (_, i) => port + i) : [];
const taken: number[] = [];
for (const candidate of ports) if (await portTaken(candidate, '127.0.0.1')) taken.push(candidate);
if (taken.length) {
  console.error(
    `\n${taken.length > 1 ? `Ports ${taken.join(' and ')} are` : `Port ${taken[0]} is`} in use already: the cluster takes ports ${ports[0]}–${ports.at(-1)} (nginx, then each instance).\nIf \`npm run cluster\` is running in another terminal, use that one: http://127.0.0.1:${port}/updates.\nOtherwise stop what holds the port, or choose others: CLUSTER_PORT=${port + 1000} npm run cluster`,
  );
  process.exit(1);
}
const database = await postgresProblem({ DATABASE_URL: databaseUrl });
if (database) {
  console.error(`\n${database}`);
  process.exit(1);
}

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

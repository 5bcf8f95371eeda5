/**
 * Scheduled publishing with two CMS instances on one PostgreSQL database, as in production: both
 * run the schedule (every 2 seconds here), and each scheduled item is published exactly once, by
 * whichever instance holds the PostgreSQL advisory lock. While something else holds that lock,
 * neither instance publishes anything.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { ListResponse } from '../../contract/api';
import { SCHEDULER_LOCK_KEY } from '../../cms/src/scheduling/schedule.ts';
import { DEFAULT_PG_URL, adminToken, spawnCms, type CmsProcess } from '../helpers/cms.ts';

const PG_URL = process.env.TEST_PG_URL || DEFAULT_PG_URL;
const EDITOR = { email: 'scheduler.editor@example.org', password: 'Scheduler-Passw0rd-1' };
const ITEMS = 6;

let schema: string;
const instances: CmsProcess[] = [];
let reachable = true;

async function sql(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** One CMS on the shared schema, scheduling every 2 seconds; its log lines carry its name. */
const startInstance = (name: string, env: Record<string, string> = {}) =>
  spawnCms(
    {
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: PG_URL,
      DATABASE_SCHEMA: schema,
      SEED_CONTENT: 'false',
      LOCAL_EDITOR: 'off',
      SCHEDULE_CRON: '*/2 * * * * *',
      LOG_LEVEL: 'info',
      ...env,
    },
    { name },
  );

before(async () => {
  try {
    schema = `send_sched_${randomBytes(4).toString('hex')}`;
    await sql(`CREATE SCHEMA "${schema}"`);
  } catch {
    reachable = false;
    return;
  }
  // The first instance makes the tables and the editor account; the second joins the same database.
  instances.push(
    await startInstance('A', {
      LOCAL_EDITOR: 'on',
      LOCAL_EDITOR_EMAIL: EDITOR.email,
      LOCAL_EDITOR_PASSWORD: EDITOR.password,
      LOCAL_EDITOR_FILE: `/tmp/${schema}-editor.json`,
    }),
  );
  instances.push(await startInstance('B'));
});

after(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  if (reachable) await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
});

const signIn = (base: string) => adminToken(base, EDITOR);

async function schedule(base: string, token: string | undefined, title: string, publishAt: Date) {
  const response = await fetch(`${base}/content-manager/collection-types/api::article.article`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ title, summary: `${title}.`, date: '2026-12-01', publishAt: publishAt.toISOString() }),
  });
  const json = (await response.json()) as { data: { documentId: string } };
  assert.equal(response.status, 201, JSON.stringify(json));
  return json.data.documentId;
}

const publishedTitles = async (base: string) => {
  const { data } = (await (await fetch(`${base}/api/updates?type=article&pageSize=100`)).json()) as ListResponse;
  return data.map((item) => item.title);
};
const publishLines = (id: string) =>
  instances.flatMap((i) => i.log().split('\n')).filter((line) => line.includes(`Scheduled publish: api::article.article ${id}.`));

test('two instances on one PostgreSQL database publish each scheduled item exactly once', async (t) => {
  if (!reachable) return t.skip('PostgreSQL is not reachable');
  const token = await signIn(instances[0].base);
  const at = new Date(Date.now() + 5_000);
  const ids: string[] = [];
  for (let i = 0; i < ITEMS; i += 1) ids.push(await schedule(instances[i % 2].base, token, `Scheduled together ${i} ${schema}`, at));

  const expected = ids.map((_, i) => `Scheduled together ${i} ${schema}`);
  const deadline = Date.now() + 40_000;
  let onEach: string[][] = [];
  while (Date.now() < deadline) {
    onEach = await Promise.all(instances.map(({ base }) => publishedTitles(base)));
    if (onEach.every((titles) => expected.every((title) => titles.includes(title)))) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  for (const titles of onEach)
    assert.deepEqual(
      expected.filter((title) => !titles.includes(title)),
      [],
      'not published on every instance',
    );
  // Give a late duplicate every chance to show itself.
  await new Promise((r) => setTimeout(r, 4_000));
  for (const id of ids) assert.equal(publishLines(id).length, 1, `published ${publishLines(id).length} times: ${publishLines(id).join(' | ')}`);
});

test('while another session holds the scheduler lock, no instance publishes; when it is released, one does', async (t) => {
  if (!reachable) return t.skip('PostgreSQL is not reachable');
  const token = await signIn(instances[1].base);
  const holder = new pg.Client({ connectionString: PG_URL });
  await holder.connect();
  try {
    await holder.query('SELECT pg_advisory_lock($1)', [SCHEDULER_LOCK_KEY]);
    const title = `Held back ${schema}`;
    const id = await schedule(instances[1].base, token, title, new Date(Date.now() + 3_000));
    await new Promise((r) => setTimeout(r, 9_000));
    assert.ok(!(await publishedTitles(instances[0].base)).includes(title), 'published while the lock was held');
    assert.equal(publishLines(id).length, 0);

    await holder.query('SELECT pg_advisory_unlock($1)', [SCHEDULER_LOCK_KEY]);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !(await publishedTitles(instances[0].base)).includes(title)) await new Promise((r) => setTimeout(r, 500));
    assert.ok((await publishedTitles(instances[0].base)).includes(title), 'not published after the lock was released');
    await new Promise((r) => setTimeout(r, 3_000));
    assert.equal(publishLines(id).length, 1);
  } finally {
    await holder.end();
  }
});

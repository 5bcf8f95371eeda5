/**
 * A CMS killed with SIGKILL in the middle of editors' writes, then started again on the same
 * database, has lost nothing it had confirmed: every draft it answered "saved" for is there as a
 * draft, every item it answered "published" for is public. On SQLite, and on PostgreSQL when it is
 * reachable (as the CMS suite does).
 *
 * The CMS runs as `strapi start` in a child process, and the writes go through Strapi's admin API
 * as the local editor's, four at a time, until the kill.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { ListResponse } from '../../contract/api';
import { postgresReachable } from '../../scripts/lib/steps.ts';
import { DEFAULT_PG_URL, adminToken, ensureCompiled, spawnCms, type CmsProcess } from '../helpers/cms.ts';

const EDITOR = { email: 'crash.editor@example.org', password: 'Crash-Editor-Passw0rd' };
const UID = 'api::article.article';
const PG_URL = process.env.TEST_PG_URL || DEFAULT_PG_URL;

/** The CMS on this test's database, with nothing seeded and the test's editor account. */
const startCms = (databaseEnv: Record<string, string>, tmp: string) =>
  spawnCms({
    ...databaseEnv,
    SERVE_ADMIN: 'false',
    SEED_CONTENT: 'false',
    RATE_LIMIT_REQUESTS: '0',
    LOCAL_EDITOR: 'on',
    LOCAL_EDITOR_EMAIL: EDITOR.email,
    LOCAL_EDITOR_PASSWORD: EDITOR.password,
    LOCAL_EDITOR_FILE: path.join(tmp, 'local-editor.json'),
  });
const signIn = (base: string) => adminToken(base, EDITOR);

async function adminApi(base: string, token: string, method: string, pathname: string, body?: unknown) {
  const answer = await fetch(`${base}${pathname}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: answer.status,
    json: (await answer.json().catch(() => null)) as { data?: { documentId: string; title?: string; publishedAt?: string | null } } | null,
  };
}

/** Writes until killed: drafts saved, some of them published; returns what the CMS confirmed. */
async function writeUntilKilled(running: CmsProcess, token: string) {
  const confirmed = { drafts: new Map<string, string>(), published: new Map<string, string>() };
  let killed = false;
  let attempts = 0;
  const writer = async (worker: number) => {
    for (let i = 0; !killed; i += 1) {
      const title = `Crash test ${worker}-${i} ${randomBytes(3).toString('hex')}`;
      attempts += 1;
      try {
        const saved = await adminApi(running.base, token, 'POST', `/content-manager/collection-types/${UID}`, {
          title,
          summary: 'Saved just before the power went.',
          date: '2026-03-01',
          body: [{ type: 'paragraph', children: [{ type: 'text', text: `Body of ${title}` }] }],
        });
        if (saved.status !== 201 && saved.status !== 200) continue;
        const documentId = saved.json!.data!.documentId;
        confirmed.drafts.set(documentId, title);
        if (i % 2 === 0) {
          const published = await adminApi(
            running.base,
            token,
            'POST',
            `/content-manager/collection-types/${UID}/${documentId}/actions/publish`,
            saved.json!.data,
          );
          if (published.status === 200 || published.status === 201) confirmed.published.set(documentId, title);
        }
      } catch {
        // The connection died with the process: that write was never confirmed.
      }
    }
  };
  const writers = Array.from({ length: 4 }, (_, i) => writer(i));
  // Kill once a good number of writes are confirmed, while more are in flight.
  for (const deadline = Date.now() + 60_000; confirmed.published.size < 20 && Date.now() < deadline;) await new Promise((resolve) => setTimeout(resolve, 50));
  await running.stop('SIGKILL');
  killed = true;
  await Promise.all(writers);
  return { ...confirmed, attempts };
}

async function checkNothingLost(databaseEnv: Record<string, string>, label: string) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'send-crash-'));
  let running: CmsProcess | undefined;
  try {
    running = await startCms(databaseEnv, tmp);
    const confirmed = await writeUntilKilled(running, await signIn(running.base));
    assert.equal(running.child.signalCode, 'SIGKILL');
    assert.ok(confirmed.published.size >= 20, `${label}: ${confirmed.published.size} publishes confirmed before the kill`);

    running = await startCms(databaseEnv, tmp);
    const token = await signIn(running.base);
    const publicList = JSON.parse(await (await fetch(`${running.base}/api/updates?type=article&pageSize=100`)).text()) as ListResponse;
    const publicTitles = new Set(publicList.data.map((item) => item.title));
    for (const [documentId, title] of confirmed.published) assert.ok(publicTitles.has(title), `${label}: the published "${title}" (${documentId}) was lost`);
    for (const [documentId, title] of confirmed.drafts) {
      const draft = await adminApi(running.base, token, 'GET', `/content-manager/collection-types/${UID}/${documentId}?status=draft`);
      assert.equal(draft.status, 200, `${label}: the saved draft "${title}" is gone`);
      assert.equal(draft.json?.data?.title, title, `${label}: the saved draft "${title}" changed`);
    }
    console.log(
      `crash (${label}): ${confirmed.attempts} writes attempted, ${confirmed.drafts.size} drafts and ${confirmed.published.size} publishes confirmed before SIGKILL; all there after the restart`,
    );
  } finally {
    await running?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

describe('SIGKILL during writes loses nothing confirmed', () => {
  before(ensureCompiled);

  test('on SQLite', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-crash-db-'));
    try {
      await checkNothingLost({ DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') }, 'SQLite');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  const schema = `send_crash_${randomBytes(5).toString('hex')}`;
  let created = false;
  after(async () => {
    if (!created) return;
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  test('on PostgreSQL', async (t) => {
    if (!(await postgresReachable(PG_URL))) return t.skip(`nothing listens at ${PG_URL}`);
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.end();
    created = true;
    await checkNothingLost({ DATABASE_CLIENT: 'postgres', DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema }, 'PostgreSQL');
  });
});

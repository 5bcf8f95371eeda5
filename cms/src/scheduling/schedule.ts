/**
 * Scheduled publishing, free: "Publish at" and "Unpublish at" on each item (entered and shown in
 * UK time by the admin; stored as instants), run by a Strapi cron job every minute.
 *
 * The schedule lives on the draft: saving a draft with "Publish at" publishes that draft then;
 * "Unpublish at" takes the published version down then. Each job is claimed and done in one
 * transaction (the claim clears its time), so it runs once even if two processes see it. When
 * several CMS instances share a PostgreSQL database, only the one holding a session advisory lock
 * (pg_try_advisory_lock) runs jobs on a tick; the others skip it.
 */
import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkItem, errorsIn } from '../content-checks/checks';
import { ukDateTime } from '../feeds/dates';
import { UPDATE_TYPES, type UpdateUid } from '../lib/update-types';

/** Every minute, at second 0; SCHEDULE_CRON changes it (tests run it every few seconds). */
const DEFAULT_RULE = '0 * * * * *';
/** Any 64-bit number of our own, the same in every instance: the advisory lock's name. */
export const SCHEDULER_LOCK_KEY = 5_300_110_011;

type Context = Modules.Documents.Middleware.Context;
type Fields = Record<string, unknown>;
type Instant = string | Date | null | undefined;
export type ScheduleRun = { locked: boolean; published: string[]; unpublished: string[]; failed: string[] };

/** "9am on Monday 1 March 2027 (UK time)", as editors entered it. */
export const ukTime = (instant: Date) => `${ukDateTime(instant)} (UK time)`;

const timeOf = (value: Instant) => (value ? new Date(value).getTime() : NaN);
const sameInstant = (a: Instant, b: Instant) => (a ? timeOf(a) : null) === (b ? timeOf(b) : null);

function refuse(field: 'publishAt' | 'unpublishAt', message: string): never {
  throw new errors.ValidationError(message, { errors: [{ path: [field], message, name: 'ValidationError' }] });
}

/**
 * Refuses a schedule in the past, an "Unpublish at" before the "Publish at", and scheduling an
 * item that could not be published (an error in its content checks). Call before a create or
 * update of one of the three types; times not being changed are not re-checked against the clock.
 */
export async function checkSchedule(strapi: Core.Strapi, uid: UpdateUid, context: Context, now = new Date()) {
  if (context.action !== 'create' && context.action !== 'update') return;
  const data = (context.params as { data?: Fields }).data;
  if (!data || (data.publishAt === undefined && data.unpublishAt === undefined)) return;
  const documentId = 'documentId' in context.params && typeof context.params.documentId === 'string' ? context.params.documentId : undefined;
  const saved: Fields | null = documentId ? await strapi.documents(uid).findOne({ documentId, status: 'draft' }) : null;
  const publishAt = (data.publishAt === undefined ? saved?.publishAt : data.publishAt) as Instant;
  const unpublishAt = (data.unpublishAt === undefined ? saved?.unpublishAt : data.unpublishAt) as Instant;

  for (const [field, value, label] of [
    ['publishAt', publishAt, 'Publish at'],
    ['unpublishAt', unpublishAt, 'Unpublish at'],
  ] as const) {
    if (!value || sameInstant(value, saved?.[field] as Instant)) continue;
    if (Number.isNaN(timeOf(value))) continue; // Strapi's own validation names a malformed date
    if (timeOf(value) <= now.getTime()) {
      refuse(
        field,
        `"${label}" is ${ukTime(new Date(value))}, which has already passed. Choose a later time, or leave it empty${field === 'publishAt' ? ' and publish now' : ''}.`,
      );
    }
  }
  if (publishAt && unpublishAt && timeOf(unpublishAt) <= timeOf(publishAt)) {
    refuse('unpublishAt', `"Unpublish at" (${ukTime(new Date(unpublishAt))}) must be after "Publish at" (${ukTime(new Date(publishAt))}).`);
  }
  if (publishAt && !sameInstant(publishAt, saved?.publishAt as Instant)) {
    const item = { ...saved, ...data, type: typeOfUid(uid) };
    const problems = errorsIn(checkItem(item, now));
    if (problems.length) refuse('publishAt', `This item cannot be scheduled until it could be published: ${problems.map((p) => p.message).join(' ')}`);
  }
}

const typeOfUid = (uid: UpdateUid) => (Object.keys(UPDATE_TYPES) as (keyof typeof UPDATE_TYPES)[]).find((type) => UPDATE_TYPES[type] === uid)!;

/** Runs fn while holding the scheduler's lock; on PostgreSQL, only one instance gets it at a time. */
async function withSchedulerLock<T>(strapi: Core.Strapi, fn: () => Promise<T>): Promise<T | null> {
  if (strapi.db.dialect.client !== 'postgres') return fn(); // SQLite: one server process writes
  const knexClient = strapi.db.connection.client as { acquireConnection(): Promise<PgConnection>; releaseConnection(c: PgConnection): Promise<void> };
  const connection = await knexClient.acquireConnection();
  try {
    const { rows } = await connection.query('SELECT pg_try_advisory_lock($1) AS locked', [SCHEDULER_LOCK_KEY]);
    if (!rows[0]?.locked) return null;
    try {
      return await fn();
    } finally {
      await connection.query('SELECT pg_advisory_unlock($1)', [SCHEDULER_LOCK_KEY]);
    }
  } finally {
    await knexClient.releaseConnection(connection);
  }
}
type PgConnection = { query(sql: string, values: unknown[]): Promise<{ rows: { locked?: boolean }[] }> };

/** Failures already reported, so a job that keeps failing is logged once, not every minute. */
const reported = new Set<string>();

/** Publishes and unpublishes every item whose time has come. Returns what it did. */
export async function runDueSchedules(strapi: Core.Strapi, now = new Date()): Promise<ScheduleRun> {
  const run: ScheduleRun = { locked: false, published: [], unpublished: [], failed: [] };
  const done = await withSchedulerLock(strapi, async () => {
    for (const uid of Object.values(UPDATE_TYPES)) {
      for (const action of ['publish', 'unpublish'] as const) {
        const field = action === 'publish' ? 'publishAt' : 'unpublishAt';
        const due = await strapi.db.query(uid).findMany({
          where: { publishedAt: null, [field]: { $notNull: true, $lte: now } },
          select: ['documentId', field],
        });
        for (const row of due as Fields[]) {
          const documentId = String(row.documentId);
          try {
            const ran = await strapi.db.transaction(async () => {
              // The claim: whoever clears the time does the job.
              const claimed = await strapi.db.query(uid).updateMany({ where: { documentId, publishedAt: null, [field]: row[field] }, data: { [field]: null } });
              if (!claimed.count) return false;
              if (action === 'publish') await strapi.documents(uid).publish({ documentId });
              else await strapi.documents(uid).unpublish({ documentId });
              return true;
            });
            if (ran) {
              (action === 'publish' ? run.published : run.unpublished).push(`${uid}:${documentId}`);
              strapi.log.info(`Scheduled ${action}: ${uid} ${documentId}.`);
            }
          } catch (error) {
            run.failed.push(`${uid}:${documentId}`);
            const key = `${uid}:${documentId}:${action}:${String(row[field])}`;
            if (!reported.has(key)) {
              reported.add(key);
              strapi.log.error(`Scheduled ${action} of ${uid} ${documentId} failed (it will be tried again every minute): ${(error as Error).message}`);
            }
          }
        }
      }
    }
    return true;
  });
  run.locked = done === true;
  return run;
}

/** After a publish, the published copy must not carry the schedule that led to it. */
export async function clearPublishedSchedule(strapi: Core.Strapi, uid: UpdateUid, documentId: string) {
  await strapi.db.query(uid).updateMany({ where: { documentId, publishAt: { $notNull: true } }, data: { publishAt: null } });
}

/** Adds the every-minute job (call in bootstrap). SCHEDULER=off leaves it out, e.g. for a one-off command. */
export function startScheduler(strapi: Core.Strapi) {
  if (process.env.SCHEDULER === 'off') return;
  strapi.cron.add({
    'send-updates-schedule': {
      task: async () => {
        await runDueSchedules(strapi);
      },
      options: { rule: process.env.SCHEDULE_CRON || DEFAULT_RULE },
    },
  });
}

export type { Context as DocumentContext };

/**
 * What changed, told to every CMS instance that shares the database.
 *
 * On PostgreSQL a write is announced with NOTIFY on a channel named after the database schema, and
 * every instance LISTENs on its own connection, so another instance applies it within milliseconds.
 * NOTIFY sent inside a transaction is delivered only when it commits, so no instance reads a write
 * before it is visible. On SQLite there is one process, and the change is applied where it is made.
 *
 * An instance that loses its listening connection says so in the log, reports itself unhealthy
 * (readers of `healthy` fall back to a short maximum age), and reconnects with a growing delay.
 */
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import pg from 'pg';

/** One write: the content type and, when the write was to one document, its id. */
export type Change = { uid: string; documentId: string | null };
type Message = Change & { origin: string };

export type ChangeChannel = {
  /** Announces a change to every other instance (this one applies it itself). */
  announce(change: Change): Promise<void>;
  /** False while a shared database's channel is down: changes made elsewhere may be missed. */
  readonly healthy: boolean;
  close(): Promise<void>;
};

type Handlers = {
  /** A change made on another instance. */
  onChange(change: Change): void;
  /** The channel is back after a loss: changes made meanwhile were missed, so check everything. */
  onReconnect(): void;
};

const RETRY_MS = [250, 500, 1_000, 2_000, 5_000];

type PgConnection = {
  connectionString?: string;
  host?: string;
  port?: number;
  database?: string;
  user?: string;
  password?: string;
  ssl?: pg.ClientConfig['ssl'];
  schema?: string;
};

/** A channel name no other application, or test schema, on the same database shares (identifiers stop at 63 bytes). */
export const channelName = (schema: string) =>
  `send_changes_${schema}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 63);

/** How a listening connection shows in pg_stat_activity (what an operator, or a test, looks for). */
export const listenerName = (schema: string) => `send-cms listener ${schema}`.slice(0, 63);

export function openChangeChannel(strapi: Core.Strapi, handlers: Handlers): ChangeChannel {
  const config = strapi.config.get<{ client: string; connection: PgConnection }>('database.connection');
  if (config.client !== 'postgres') return { announce: async () => {}, healthy: true, close: async () => {} };

  const origin = randomUUID();
  const { schema = 'public', ...connection } = config.connection;
  const channel = channelName(schema);
  let client: pg.Client | null = null;
  let healthy = false;
  let closed = false;
  let attempt = 0;
  let everConnected = false;

  const lost = (reason: string, failed: pg.Client) => {
    failed.removeAllListeners();
    failed.on('error', () => {});
    failed.end().catch(() => {});
    if (client === failed) client = null;
    if (closed) return;
    if (healthy || attempt === 0) {
      strapi.log.warn(`Change channel "${channel}" lost (${reason}): changes made on other instances are checked every few seconds until it is back.`);
    }
    healthy = false;
    setTimeout(() => void connect(), RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]).unref();
    attempt += 1;
  };

  async function connect() {
    if (closed) return;
    const next = new pg.Client({ ...connection, application_name: listenerName(schema) });
    // 'error' and 'end' both follow one failure: reconnect once.
    let failed = false;
    const fail = (reason: string) => {
      if (failed) return;
      failed = true;
      lost(reason, next);
    };
    next.on('error', (error) => fail(error.message));
    next.on('end', () => fail('connection ended'));
    next.on('notification', ({ channel: from, payload }) => {
      if (from !== channel || !payload) return;
      try {
        const message = JSON.parse(payload) as Message;
        if (message.origin !== origin && typeof message.uid === 'string') handlers.onChange({ uid: message.uid, documentId: message.documentId ?? null });
      } catch {
        strapi.log.warn(`Change channel: ignored an unreadable message (${payload.slice(0, 80)}).`);
      }
    });
    try {
      await next.connect();
      await next.query(`LISTEN "${channel}"`);
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
    if (closed) return void next.end().catch(() => {});
    client = next;
    healthy = true;
    attempt = 0;
    if (everConnected) {
      strapi.log.info(`Change channel "${channel}" is back; checking for changes missed meanwhile.`);
      handlers.onReconnect();
    }
    everConnected = true;
  }
  void connect();

  return {
    async announce(change) {
      const message: Message = { ...change, origin };
      try {
        await strapi.db.connection.raw('select pg_notify(?, ?)', [channel, JSON.stringify(message)]);
      } catch (error) {
        // The write itself stands; other instances catch up through their fallback check.
        strapi.log.warn(`Change channel: could not announce a change to ${change.uid} (${error instanceof Error ? error.message : String(error)}).`);
      }
    },
    get healthy() {
      return healthy;
    },
    async close() {
      closed = true;
      healthy = false;
      const current = client;
      client = null;
      current?.removeAllListeners();
      await current?.end().catch(() => {});
    },
  };
}

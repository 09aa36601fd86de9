import { EventEmitter } from 'node:events';
import { and, asc, eq, gt, lt } from 'drizzle-orm';
import pg from 'pg';
import type { Database } from '../db/database.ts';
import { realtimeEvents } from './realtime.tables.ts';

/**
 * Fan-out of real-time events across API processes. An event is stored first (so a client
 * reconnecting with Last-Event-ID can catch up from any process), then announced with
 * PostgreSQL NOTIFY; every process LISTENs and hands it to its local subscribers (SSE
 * streams). On the embedded PGlite there is one process, and PGlite's own LISTEN is used.
 */
export interface BusEvent {
  id: number;
  topic: string;
  type: string;
  data: unknown;
}

export interface RealtimeBus {
  /** Stores and announces an event; resolves with its id once it is durable. */
  publish(topic: string, type: string, data: unknown): Promise<BusEvent>;
  /** Announces a transient event (e.g. live counters) to every process without storing it. */
  broadcast(topic: string, type: string, data: unknown): Promise<void>;
  /**
   * Hands a transient event to this process's subscribers only: for figures that every
   * process reads from the database itself (e.g. live counters), so none is sent twice.
   */
  deliverLocal(topic: string, type: string, data: unknown): void;
  /** How many local subscribers a topic has in this process. */
  localSubscribers(topic: string): number;
  subscribe(topic: string, listener: (event: BusEvent) => void): () => void;
  /** Stored events of a topic after an id, oldest first (for Last-Event-ID). */
  since(topic: string, afterId: number, limit?: number): Promise<BusEvent[]>;
  /** Deletes stored events older than the given date. */
  prune(before: Date): Promise<void>;
  close(): Promise<void>;
}

const CHANNEL = 'gongyou_events';
// NOTIFY payloads are limited to 8000 bytes (UTF-8); larger events are announced by id and read back.
const MAX_INLINE = 7000;

export async function createRealtimeBus(database: Database): Promise<RealtimeBus> {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const { db } = database;

  async function readEvent(id: number): Promise<BusEvent | undefined> {
    const rows = await db.select().from(realtimeEvents).where(eq(realtimeEvents.id, id)).limit(1);
    const row = rows[0];
    return row ? { id: row.id, topic: row.topic, type: row.type, data: row.data } : undefined;
  }

  async function deliver(payload: string): Promise<void> {
    let message: { id: number; topic: string; type?: string; data?: unknown; ref?: boolean };
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    const event = message.ref ? await readEvent(message.id) : (message as BusEvent);
    if (event) {
      local.emit(event.topic, event);
    }
  }

  let unlisten: () => Promise<void>;
  if (database.pglite) {
    const stop = await database.pglite.listen(CHANNEL, (payload) => void deliver(payload));
    unlisten = stop;
  } else {
    if (!database.url) {
      throw new Error('createRealtimeBus needs the server URL to LISTEN');
    }
    const client = new pg.Client({ connectionString: database.url });
    client.on('notification', (msg) => {
      if (msg.channel === CHANNEL && msg.payload) {
        void deliver(msg.payload);
      }
    });
    client.on('error', () => undefined);
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    unlisten = async () => {
      await client.end();
    };
  }

  async function notify(payload: string): Promise<void> {
    if (database.pglite) {
      await database.pglite.query('select pg_notify($1, $2)', [CHANNEL, payload]);
    } else {
      await database.pool!.query('select pg_notify($1, $2)', [CHANNEL, payload]);
    }
  }

  return {
    async publish(topic, type, data) {
      const rows = await db
        .insert(realtimeEvents)
        .values({ topic, type, data })
        .returning({ id: realtimeEvents.id });
      const event: BusEvent = { id: rows[0]!.id, topic, type, data };
      const inline = JSON.stringify(event);
      await notify(
        Buffer.byteLength(inline) <= MAX_INLINE ? inline : JSON.stringify({ id: event.id, topic, ref: true }),
      );
      return event;
    },
    async broadcast(topic, type, data) {
      const payload = JSON.stringify({ id: 0, topic, type, data });
      if (Buffer.byteLength(payload) > MAX_INLINE) {
        throw new Error(`broadcast payload too large for NOTIFY (${Buffer.byteLength(payload)} bytes)`);
      }
      await notify(payload);
    },
    deliverLocal(topic, type, data) {
      local.emit(topic, { id: 0, topic, type, data } satisfies BusEvent);
    },
    localSubscribers(topic) {
      return local.listenerCount(topic);
    },
    subscribe(topic, fn) {
      local.on(topic, fn);
      return () => {
        local.off(topic, fn);
      };
    },
    async since(topic, afterId, limit = 500) {
      const rows = await db
        .select()
        .from(realtimeEvents)
        .where(and(eq(realtimeEvents.topic, topic), gt(realtimeEvents.id, afterId)))
        .orderBy(asc(realtimeEvents.id))
        .limit(limit);
      return rows.map((r) => ({ id: r.id, topic: r.topic, type: r.type, data: r.data }));
    },
    async prune(before) {
      await db.delete(realtimeEvents).where(lt(realtimeEvents.at, before));
    },
    async close() {
      local.removeAllListeners();
      await unlisten();
    },
  };
}

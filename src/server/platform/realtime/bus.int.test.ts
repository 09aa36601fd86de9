import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/support/test-db.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { type BusEvent, createRealtimeBus, type RealtimeBus } from './bus.ts';

/** Two buses stand for two API processes: on PostgreSQL each has its own connections. */
let database: Database;
let second: Database;
let a: RealtimeBus;
let b: RealtimeBus;

beforeAll(async () => {
  database = await createTestDatabase();
  second = database.url ? await openDatabase({ databaseUrl: database.url, poolSize: 2 }) : database;
  a = await createRealtimeBus(database);
  b = second === database ? a : await createRealtimeBus(second);
});
afterAll(async () => {
  await b?.close();
  if (a !== b) {
    await a?.close();
  }
  if (second && second !== database) {
    await second.close();
  }
  await database?.close();
});

function nextEvent(bus: RealtimeBus, topic: string): Promise<BusEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no event within 2 s')), 2000);
    const off = bus.subscribe(topic, (event) => {
      clearTimeout(timer);
      off();
      resolve(event);
    });
  });
}

describe('real-time bus', () => {
  it('delivers an event published by one process to subscribers of another, and stores it', async () => {
    const received = nextEvent(b, 'live:1');
    const published = await a.publish('live:1', 'pin', { jobId: 'j1' });
    const event = await received;
    expect(event).toEqual({ id: published.id, topic: 'live:1', type: 'pin', data: { jobId: 'j1' } });
    expect(await b.since('live:1', published.id - 1)).toEqual([event]);
  });

  it('keeps topics apart and replays only what came after an id', async () => {
    const first = await a.publish('live:2', 'pin', { n: 1 });
    await a.publish('live:3', 'pin', { n: 'other' });
    const second = await a.publish('live:2', 'pin', { n: 2 });
    expect((await b.since('live:2', first.id)).map((e) => e.id)).toEqual([second.id]);
  });

  it('carries large events by reference and transient broadcasts without storing them', async () => {
    const big = { text: '工'.repeat(5000) };
    const received = nextEvent(b, 'live:4');
    const published = await a.publish('live:4', 'notice', big);
    expect((await received).data).toEqual(big);
    expect(published.id).toBeGreaterThan(0);

    const transient = nextEvent(b, 'live:5');
    await a.broadcast('live:5', 'stats', { viewers: 3 });
    expect(await transient).toMatchObject({ id: 0, type: 'stats', data: { viewers: 3 } });
    expect(await b.since('live:5', 0)).toEqual([]);
  });
});

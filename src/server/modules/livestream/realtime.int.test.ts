import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../tests/support/harness.ts';
import { liveFactory } from './livestream.fixtures.ts';
import { openSse, type SseClient } from './sse-client.ts';

/**
 * Real HTTP streams on real ports. On PostgreSQL a second API process is a second app on its
 * own connection pool and its own bus (LISTEN connection) to the same database; on PGlite
 * (one process by nature) the same assertions run against the one app.
 */
let h: Harness;
let f: ReturnType<typeof liveFactory>;
let baseA: string;
let baseB: string;
const clients: SseClient[] = [];

beforeAll(async () => {
  h = await createHarness();
  f = liveFactory(h);
  baseA = await h.app.server.listen({ port: 0, host: '127.0.0.1' });
  const second = await h.secondProcess({ poolSize: 5 });
  baseB = second ? await second.server.listen({ port: 0, host: '127.0.0.1' }) : baseA;
});
afterAll(async () => {
  for (const c of clients) {
    c.close();
  }
  await h?.close();
});

function stream(base: string, sessionId: string, headers: Record<string, string> = {}): SseClient {
  const client = openSse(`${base}/api/v1/live-sessions/${sessionId}/events`, headers);
  clients.push(client);
  return client;
}

async function post(base: string, cookie: string | null, path: string, body: unknown) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

describe('real-time over SSE', () => {
  it('delivers a pin posted to one API process to a viewer streaming from another within a second', async () => {
    const { staff, session, jobs } = await f.session();
    await f.start(staff.cookie, session.id);
    const viewer = stream(baseB, session.id);
    const res = await viewer.ready;
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const snapshot = await viewer.next('snapshot');
    expect(snapshot.data).toMatchObject({ status: 'live', pinnedJob: null });

    const sent = performance.now();
    const pinned = await post(baseA, staff.cookie, `/api/v1/live-sessions/${session.id}/pins`, {
      jobId: jobs[2]!.id,
    });
    expect(pinned.status).toBe(201);
    const pin = await viewer.next('pin', 1000);
    expect(pin.at - sent).toBeLessThan(1000);
    expect(pin.data).toMatchObject({ pinnedJob: { id: jobs[2]!.id } });
    expect(pin.id).toMatch(/^\d+$/);
  });

  it('replays what a reconnecting viewer missed (Last-Event-ID)', async () => {
    const { staff, session, jobs } = await f.session();
    await f.start(staff.cookie, session.id);
    const first = stream(baseB, session.id);
    await first.next('snapshot');
    await post(baseA, staff.cookie, `/api/v1/live-sessions/${session.id}/pins`, { jobId: jobs[0]!.id });
    const seen = await first.next('pin');
    first.close();
    await post(baseA, staff.cookie, `/api/v1/live-sessions/${session.id}/announcements`, {
      text: '断线期间的公告',
    });
    await post(baseA, staff.cookie, `/api/v1/live-sessions/${session.id}/pins`, { jobId: jobs[1]!.id });
    const again = stream(baseA, session.id, { 'last-event-id': String(seen.id) });
    const announcement = await again.next('announcement');
    expect(announcement.data).toMatchObject({ text: '断线期间的公告' });
    const pin = await again.next('pin');
    expect(pin.data).toMatchObject({ pinnedJob: { id: jobs[1]!.id } });
  });

  it('sends stats every second while live, with likes from any process in the next one', async () => {
    const { staff, session } = await f.session();
    await f.start(staff.cookie, session.id);
    const viewer = stream(baseB, session.id, { cookie: staff.cookie });
    await viewer.next('snapshot');
    const before = await viewer.next('stats', 2500);
    expect(before.data).toMatchObject({ status: 'live', likes: 0 });
    expect((before.data as { concurrent: number }).concurrent).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 7; i++) {
      expect(
        (await post(baseA, null, `/api/v1/live-sessions/${session.id}/likes`, { count: 3 })).status,
      ).toBe(202);
    }
    const likedAt = performance.now();
    // Process A flushes within 250 ms; every later stats event of any process reads the sum from the database.
    await new Promise((r) => setTimeout(r, 300));
    const after = await viewer.next('stats', 2500, likedAt + 300);
    expect(after.data).toMatchObject({ likes: 21 });
  });

  it('ends the stream of a host on request, and gives hosts per-job figures', async () => {
    const { staff, session } = await f.session();
    await f.start(staff.cookie, session.id);
    const host = openSse(`${baseA}/api/v1/live-sessions/${session.id}/events?role=host`, {
      cookie: staff.cookie,
    });
    clients.push(host);
    const stats = await host.next('host-stats', 2500);
    expect(stats.data).toMatchObject({ status: 'live', funnel: { applications: 0 } });
    expect((stats.data as { jobs: unknown[] }).jobs).toHaveLength(3);
    const ended = await post(baseA, staff.cookie, `/api/v1/live-sessions/${session.id}/end`, {});
    expect(ended.status).toBe(200);
    expect((await host.next('status')).data).toMatchObject({ status: 'ended' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../tests/support/harness.ts';
import { liveFactory } from './livestream.fixtures.ts';

let h: Harness;
let f: ReturnType<typeof liveFactory>;
beforeAll(async () => {
  h = await createHarness();
  f = liveFactory(h);
});
afterAll(async () => {
  await h?.close();
});

const url = (id: string, rest = '') => `/api/v1/live-sessions/${id}${rest}`;

describe('live session lifecycle', () => {
  it('goes scheduled → live → ended → archived, and refuses any other step', async () => {
    const { staff, session } = await f.session();
    const listed = await h.request(null, { method: 'GET', url: '/api/v1/live-sessions?status=scheduled' });
    expect(listed.json().items.map((s: { id: string }) => s.id)).toContain(session.id);

    expect((await f.post(staff.cookie, url(session.id, '/end'), {})).statusCode).toBe(409);
    const live = await f.ok<{ status: string; startedAt: string; currentSegment: { title: string } }>(
      f.post(staff.cookie, url(session.id, '/start'), {}),
      200,
    );
    expect(live.status).toBe('live');
    expect(live.currentSegment.title).toBe('云端探厂');
    const onAir = await h.request(null, { method: 'GET', url: '/api/v1/live-sessions?status=live' });
    expect(onAir.json().items.map((s: { id: string }) => s.id)).toContain(session.id);
    expect((await f.post(staff.cookie, url(session.id, '/start'), {})).statusCode).toBe(409);
    expect((await f.post(staff.cookie, url(session.id, '/archive'), {})).statusCode).toBe(409);

    const ended = await f.ok<{ status: string; channelOpen: boolean }>(
      f.post(staff.cookie, url(session.id, '/end'), {}),
      200,
    );
    expect(ended).toMatchObject({ status: 'ended', channelOpen: true });
    const archived = await f.ok<{ status: string; channelOpen: boolean }>(
      f.post(staff.cookie, url(session.id, '/archive'), {}),
      200,
    );
    expect(archived).toMatchObject({ status: 'archived', channelOpen: false });
  });

  it('moves through the rundown and answers 409 past its end', async () => {
    const { staff, session } = await f.session();
    await f.start(staff.cookie, session.id);
    const steps: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await f.ok<{ currentSegment: { kindLabel: string } }>(
        f.post(staff.cookie, url(session.id, '/segment'), { move: 'next' }),
        200,
      );
      steps.push(res.currentSegment.kindLabel);
    }
    expect(steps).toEqual(['岗位介绍', '政策解读', '互动问答']);
    expect((await f.post(staff.cookie, url(session.id, '/segment'), { move: 'next' })).statusCode).toBe(409);
    const back = await f.ok<{ currentSegment: { id: string } }>(
      f.post(staff.cookie, url(session.id, '/segment'), { segmentId: session.segments[0]!.id }),
      200,
    );
    expect(back.currentSegment.id).toBe(session.segments[0]!.id);
    const detail = await h.request(null, { method: 'GET', url: url(session.id) });
    expect(detail.json().currentSegment.id).toBe(session.segments[0]!.id);
  });

  it('keeps the session to staff of its organising unions', async () => {
    const { session } = await f.session();
    const other = await h.factory.org({ kind: 'city' });
    const stranger = await h.as('union_staff', other.id);
    expect((await f.post(stranger.cookie, url(session.id, '/start'), {})).statusCode).toBe(404);
    const member = await h.as('member', other.id);
    expect((await f.post(member.cookie, url(session.id, '/start'), {})).statusCode).toBe(403);
  });

  it('lets a second organising union in another province host the session too', async () => {
    const { staff, session } = await f.session();
    const guizhou = await h.factory.org({ kind: 'province', name: `贵州省总工会${Date.now()}` });
    const original = await h.request(staff.cookie, { method: 'GET', url: url(session.id) });
    const hostOrg = original.json().organisers[0].orgId;
    const both = await h.request(staff.cookie, {
      method: 'PATCH',
      url: url(session.id),
      payload: { orgIds: [hostOrg, guizhou.id] },
    });
    expect(both.statusCode).toBe(200);
    expect(both.json().organisers).toHaveLength(2);
    const guizhouStaff = await h.as('union_staff', guizhou.id);
    expect((await f.post(guizhouStaff.cookie, url(session.id, '/start'), {})).statusCode).toBe(200);
  });

  it('rejects a schedule that ends before it starts, naming the field', async () => {
    const { staff, org } = await f.session({ jobs: 1 });
    const res = await f.post(staff.cookie, '/api/v1/live-sessions', {
      title: '时间错误',
      orgIds: [org.id],
      scheduledStart: '2026-06-15T10:00:00Z',
      scheduledEnd: '2026-06-15T09:00:00Z',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('body.scheduledEnd');
  });
});

describe('pins, likes, counters and the job channel', () => {
  it('pins a job of the session (shown to viewers), refuses one that is not in it', async () => {
    const { staff, session, jobs } = await f.session();
    expect((await f.post(staff.cookie, url(session.id, '/pins'), { jobId: jobs[1]!.id })).statusCode).toBe(
      409,
    );
    await f.start(staff.cookie, session.id);
    const pinned = await f.ok<{ pinnedJob: { id: string; title: string } }>(
      f.post(staff.cookie, url(session.id, '/pins'), { jobId: jobs[1]!.id }),
    );
    expect(pinned.pinnedJob).toMatchObject({ id: jobs[1]!.id, title: jobs[1]!.title });
    const seen = await h.request(null, { method: 'GET', url: url(session.id) });
    expect(seen.json().pinnedJob.id).toBe(jobs[1]!.id);
    const other = await f.session();
    expect(
      (await f.post(staff.cookie, url(session.id, '/pins'), { jobId: other.jobs[0]!.id })).statusCode,
    ).toBe(404);
    const unpinned = await h.request(staff.cookie, { method: 'DELETE', url: url(session.id, '/pins') });
    expect(unpinned.json().pinnedJob).toBeNull();
  });

  it('accepts likes at once and counts every one of them after the flush', async () => {
    const { staff, session } = await f.session();
    expect((await f.post(null, url(session.id, '/likes'), {})).statusCode).toBe(409);
    await f.start(staff.cookie, session.id);
    const viewer = await h.as('member', (await h.factory.org()).id);
    const taps = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        f.post(i % 2 ? viewer.cookie : null, url(session.id, '/likes'), i % 4 ? {} : { count: 5 }),
      ),
    );
    expect(taps.every((t) => t.statusCode === 202)).toBe(true);
    // A bare POST, as `curl -X POST` sends it, is one tap.
    expect(
      (await h.request(viewer.cookie, { method: 'POST', url: url(session.id, '/likes') })).statusCode,
    ).toBe(202);
    await h.app.modules.livestream.realtime.flushLikes();
    const detail = await h.request(null, { method: 'GET', url: url(session.id) });
    expect(detail.json().counters.likes).toBe(30 + 10 * 5 + 1);
  });

  it('counts exposures as unique viewers, and the funnel views → job opens → applications', async () => {
    const { staff, session, jobs } = await f.session();
    await f.start(staff.cookie, session.id);
    const a = await h.as('member', (await h.factory.org()).id);
    // Injected SSE requests answer with the snapshot and end, but register presence like a real stream.
    for (const cookie of [a.cookie, a.cookie, null]) {
      const res = await h.request(cookie, {
        method: 'GET',
        url: url(session.id, '/events?viewerId=anon-viewer-1'),
      });
      expect(res.headers['content-type']).toContain('text/event-stream');
      expect(res.body).toContain('event: snapshot');
    }
    await f.post(null, url(session.id, '/job-opens'), { jobId: jobs[0]!.id, viewerId: 'anon-viewer-1' });
    await f.post(a.cookie, url(session.id, '/job-opens'), { jobId: jobs[0]!.id });
    await f.post(a.cookie, url(session.id, '/job-opens'), { jobId: jobs[1]!.id });
    expect(
      (await f.post(a.cookie, url(session.id, '/applications'), { jobId: jobs[0]!.id })).statusCode,
    ).toBe(201);

    const stats = await f.ok<{
      exposures: number;
      concurrent: number;
      applications: number;
      funnel: { views: number; jobOpens: number; applications: number; hires: number };
      jobs: { jobId: string; opens: number; applications: number }[];
    }>(h.request(staff.cookie, { method: 'GET', url: url(session.id, '/stats') }), 200);
    expect(stats.exposures).toBe(2);
    expect(stats.concurrent).toBe(2);
    expect(stats.funnel).toEqual({ views: 2, jobOpens: 2, applications: 1, hires: 0 });
    expect(stats.jobs.find((j) => j.jobId === jobs[0]!.id)).toMatchObject({ opens: 2, applications: 1 });
  });

  it('keeps the job channel open after the end: applying still answers 201, the session is the source', async () => {
    const { staff, session, jobs } = await f.session();
    await f.start(staff.cookie, session.id);
    const viewer = await h.as('member', (await h.factory.org()).id);
    const during = await f.post(viewer.cookie, url(session.id, '/applications'), { jobId: jobs[0]!.id });
    expect(during.statusCode).toBe(201);
    expect(during.json().afterEnd).toBe(false);
    expect(
      (await f.post(viewer.cookie, url(session.id, '/applications'), { jobId: jobs[0]!.id })).statusCode,
    ).toBe(409);

    await f.ok(f.post(staff.cookie, url(session.id, '/end'), {}), 200);
    const after = await f.post(viewer.cookie, url(session.id, '/applications'), { jobId: jobs[1]!.id });
    expect(after.statusCode).toBe(201);
    expect(after.json()).toMatchObject({ sessionId: session.id, jobId: jobs[1]!.id, afterEnd: true });
    // The generic apply route of employment answers 201 too for the session's other job.
    expect((await f.post(viewer.cookie, `/api/v1/jobs/${jobs[2]!.id}/applications`, {})).statusCode).toBe(
      201,
    );

    const channel = await h.request(viewer.cookie, { method: 'GET', url: url(session.id, '/jobs') });
    expect(channel.json().channelOpen).toBe(true);
    expect(channel.json().appliedJobIds.sort()).toEqual([jobs[0]!.id, jobs[1]!.id].sort());
    const counters = (await h.request(null, { method: 'GET', url: url(session.id) })).json().counters;
    expect(counters.applications).toBe(2);

    await f.ok(f.post(staff.cookie, url(session.id, '/archive'), {}), 200);
    expect(
      (await f.post(viewer.cookie, url(session.id, '/applications'), { jobId: jobs[2]!.id })).statusCode,
    ).toBe(409);
  });

  it('answers a burst of channel taps each on its own and records every live application once', async () => {
    const { staff, session, jobs } = await f.session();
    await f.start(staff.cookie, session.id);
    const other = await f.session({ jobs: 1 });
    const viewers = await Promise.all(
      Array.from({ length: 10 }, async () => h.as('member', (await h.factory.org()).id)),
    );
    // At once, so they share a group commit: ten viewers on the session's jobs, one of them
    // twice, one on a job of another session.
    const taps = [
      ...viewers.map((v, i) => ({ v, jobId: jobs[i % jobs.length]!.id })),
      { v: viewers[0]!, jobId: jobs[0]!.id },
      { v: viewers[1]!, jobId: other.jobs[0]!.id },
    ];
    const answers = await Promise.all(
      taps.map((t) => f.post(t.v.cookie, url(session.id, '/applications'), { jobId: t.jobId })),
    );
    // The first viewer's two taps race each other: exactly one is created, the other is a duplicate.
    const twice = [answers[0]!, answers[10]!];
    expect(twice.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(twice.find((r) => r.statusCode === 409)!.json().code).toBe('employment/duplicate-application');
    const created = [twice.find((r) => r.statusCode === 201)!, ...answers.slice(1, 10)];
    expect(created.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    expect(created.map((r) => r.json().jobId)).toEqual(taps.slice(0, 10).map((t) => t.jobId));
    expect(created.every((r) => r.json().afterEnd === false)).toBe(true);
    expect(answers[11]!.statusCode).toBe(404);
    expect(answers[11]!.json()).toMatchObject({ code: 'live/job-not-in-session', field: 'body.jobId' });

    const stats = (await h.request(staff.cookie, { method: 'GET', url: url(session.id, '/stats') })).json();
    expect(stats.funnel.applications).toBe(10);
    const { sql } = await import('drizzle-orm');
    const rows = await h.db.execute(
      sql`select (select count(*)::int from live_applications where session_id = ${session.id}) as live,
                 (select count(*)::int from applications where source_ref = ${session.id}) as sourced,
                 (select count(*)::int from applications where job_id = ${other.jobs[0]!.id}) as elsewhere`,
    );
    expect((rows as unknown as { rows: unknown[] }).rows[0]).toEqual({ live: 10, sourced: 10, elsewhere: 0 });
  });

  it('puts priority-zone jobs first for an eligible viewer only', async () => {
    const { staff, session, jobs } = await f.session({ zone: true });
    const zoneJob = jobs[jobs.length - 1]!.id;
    const guizhou = await h.as('member', (await h.factory.org()).id);
    await h.request(guizhou.cookie, {
      method: 'PATCH',
      url: '/api/v1/me/profile',
      payload: { hometownProvince: '贵州省' },
    });
    const other = await h.as('member', (await h.factory.org()).id);
    const forGuizhou = (
      await h.request(guizhou.cookie, { method: 'GET', url: url(session.id, '/jobs') })
    ).json();
    const forOther = (await h.request(other.cookie, { method: 'GET', url: url(session.id, '/jobs') })).json();
    expect(forGuizhou.eligibleForZone).toBe(true);
    expect(forGuizhou.items[0].id).toBe(zoneJob);
    expect(forOther.eligibleForZone).toBe(false);
    expect(forOther.items[0].id).toBe(jobs[0]!.id);
    expect(forOther.items.find((j: { id: string }) => j.id === zoneJob).priorityZone).toBe(true);
    expect(staff.cookie).toBeTruthy();
  });

  it('posts announcements that the session page shows', async () => {
    const { staff, session } = await f.session({ jobs: 1 });
    const res = await f.post(staff.cookie, url(session.id, '/announcements'), {
      text: '直播结束后岗位通道继续开放',
    });
    expect(res.statusCode).toBe(201);
    const detail = (await h.request(null, { method: 'GET', url: url(session.id) })).json();
    expect(detail.announcements[0].text).toBe('直播结束后岗位通道继续开放');
  });
});

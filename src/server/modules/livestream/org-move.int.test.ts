import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../tests/support/harness.ts';
import { liveFactory } from './livestream.fixtures.ts';
import { liveSessions } from './livestream.tables.ts';

let h: Harness;
let f: ReturnType<typeof liveFactory>;
beforeAll(async () => {
  h = await createHarness();
  f = liveFactory(h);
});
afterAll(async () => {
  await h?.close();
});

describe('moving an organisation (org) carries the live sessions and surveys kept under it', () => {
  it('gives the new parent’s staff the session and its survey, and takes them from the old parent’s', async () => {
    const province = await h.factory.org({ kind: 'province' });
    const oldParent = await h.factory.org({ parentId: province.id });
    const newParent = await h.factory.org({ parentId: province.id });
    const county = await h.factory.org({ parentId: oldParent.id, kind: 'county' });
    const countyStaff = await h.as('union_staff', county.id);
    const start = h.clock.now();
    const session = await f.ok<{ id: string }>(
      f.post(countyStaff.cookie, '/api/v1/live-sessions', {
        title: `搬迁测试直播${Date.now()}`,
        orgIds: [county.id],
        scheduledStart: start.toISOString(),
        scheduledEnd: new Date(start.getTime() + 2 * 3600_000).toISOString(),
      }),
    );
    const survey = await f.ok<{ id: string }>(
      f.post(countyStaff.cookie, '/api/v1/surveys', {
        orgId: county.id,
        title: '直播带岗意向调查',
        target: { type: 'live-session', id: session.id },
        questions: [{ id: 'interest', kind: 'single', title: '是否有意向', options: ['有意向', '暂不考虑'] }],
      }),
    );

    const oldStaff = await h.as('union_staff', oldParent.id);
    const newStaff = await h.as('union_staff', newParent.id);
    const sees = async (cookie: string) => ({
      edit: (
        await h.request(cookie, {
          method: 'PATCH',
          url: `/api/v1/live-sessions/${session.id}`,
          payload: { description: '改一下' },
        })
      ).statusCode,
      stats: (await h.request(cookie, { method: 'GET', url: `/api/v1/live-sessions/${session.id}/stats` }))
        .statusCode,
      mine: (await h.request(cookie, { method: 'GET', url: '/api/v1/live-sessions?mine=true&limit=200' }))
        .json()
        .items.map((s: { id: string }) => s.id)
        .includes(session.id),
      surveys: (
        await h.request(cookie, {
          method: 'GET',
          url: `/api/v1/surveys?targetType=live-session&targetId=${session.id}`,
        })
      )
        .json()
        .items.map((s: { id: string }) => s.id)
        .includes(survey.id),
      results: (await h.request(cookie, { method: 'GET', url: `/api/v1/surveys/${survey.id}/results` }))
        .statusCode,
    });
    const reaches = { edit: 200, stats: 200, mine: true, surveys: true, results: 200 };
    const outside = { edit: 404, stats: 404, mine: false, surveys: false, results: 404 };
    expect(await sees(oldStaff.cookie)).toEqual(reaches);
    expect(await sees(newStaff.cookie)).toEqual(outside);

    const provinceStaff = await h.as('union_staff', province.id);
    const moved = await h.request(provinceStaff.cookie, {
      method: 'POST',
      url: `/api/v1/organisations/${county.id}/move`,
      payload: { parentId: newParent.id },
    });
    expect(moved.statusCode).toBe(200);
    const newCountyPath = moved.json().path as string;
    expect(newCountyPath.startsWith(newParent.path)).toBe(true);

    expect(await sees(newStaff.cookie)).toEqual(reaches);
    expect(await sees(oldStaff.cookie)).toEqual(outside);
    // The county's own staff (their grant's path moved too) keep the session.
    expect(await sees(countyStaff.cookie)).toEqual(reaches);
    // The host path on the session row is no scope check's input today; it moves all the same.
    const [row] = await h.db
      .select({ orgPath: liveSessions.orgPath })
      .from(liveSessions)
      .where(eq(liveSessions.id, session.id));
    expect(row?.orgPath).toBe(newCountyPath);
  });
});

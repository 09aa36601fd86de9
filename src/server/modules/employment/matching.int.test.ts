import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../tests/support/harness.ts';
import { employmentFactory } from './employment.fixtures.ts';

/** The matching engine behind the employment API: kept current, ranked, explained, allocated. */
let h: Harness;
let f: ReturnType<typeof employmentFactory>;
beforeAll(async () => {
  h = await createHarness();
  f = employmentFactory(h);
});
afterAll(async () => {
  await h?.close();
});

type Hit = { id: string; score: number | null; reasons?: string[]; factors?: { factor: string }[] };

async function recommended(cookie: string, headers: Record<string, string> = {}): Promise<Hit[]> {
  const res = await h.request(cookie, {
    method: 'GET',
    url: '/api/v1/me/recommended-jobs?limit=50',
    headers,
  });
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

/** Polls for up to 1 s: the promise is "reflected within 1 second". */
async function within1s(check: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + 1000;
  do {
    if (await check()) {
      return true;
    }
    await new Promise((r) => setTimeout(r, 50));
  } while (Date.now() < deadline);
  return false;
}

async function cncSeeker() {
  const seeker = await f.seeker();
  const res = await h.request(seeker.cookie, {
    method: 'PATCH',
    url: '/api/v1/me/profile',
    payload: {
      name: '杨光明',
      desiredTrades: ['数控车工'],
      skills: ['数控车床', 'CNC编程'],
      city: '宁波',
      lat: 29.87,
      lng: 121.55,
      maxCommuteKm: 30,
      expectedSalary: 7000,
      years: 3,
    },
  });
  expect(res.statusCode).toBe(200);
  return { ...seeker, profileId: res.json().id as string };
}

describe('matching engine in the employment API', () => {
  it('shows a new posting in a worker’s recommendations within 1 s, with reasons, and drops it once closed', async () => {
    const seeker = await cncSeeker();
    await recommended(seeker.cookie); // builds the index before the posting exists
    const { hr } = await f.employerWithHr();
    const job = await f.job(hr.cookie, {
      title: `CNC操作工${randomUUID().slice(0, 4)}`,
      trade: 'CNC操作工',
      skills: ['数控车床', 'CNC编程'],
      lat: 29.88,
      lng: 121.56,
    });
    let hit: Hit | undefined;
    expect(
      await within1s(async () => {
        hit = (await recommended(seeker.cookie)).find((j) => j.id === job.id);
        return hit !== undefined;
      }),
    ).toBe(true);
    expect(hit!.score).toEqual(expect.any(Number));
    expect(hit!.factors!.map((x) => x.factor)).toContain('trade');
    expect(hit!.reasons!.join(' ')).toMatch(/工种匹配/);
    const en = (await recommended(seeker.cookie, { 'accept-language': 'en' })).find((j) => j.id === job.id);
    expect(en!.reasons!.join(' ')).toMatch(/[A-Za-z]/);
    expect(en!.reasons!.join(' ')).not.toMatch(/工种匹配/);

    const closed = await h.request(hr.cookie, {
      method: 'POST',
      url: `/api/v1/jobs/${job.id}/status`,
      payload: { status: 'closed' },
    });
    expect(closed.statusCode).toBe(200);
    expect(await within1s(async () => !(await recommended(seeker.cookie)).some((j) => j.id === job.id))).toBe(
      true,
    );
  });

  it('ranks a CNC posting above an unrelated one for q=数控, with reasons', async () => {
    const { hr } = await f.employerWithHr();
    const tag = `批次${randomUUID().slice(0, 6)}`;
    const unrelated = await f.job(hr.cookie, {
      title: '仓库管理员',
      trade: '仓库管理员',
      description: `负责数控车间的物料收发与盘点。${tag}`,
      skills: ['仓储管理'],
      tags: [],
    });
    const cnc = await f.job(hr.cookie, {
      title: '数控车工',
      trade: '数控车工',
      description: `操作数控车床加工零件。${tag}`,
      skills: ['数控车床', 'CNC编程'],
    });
    const res = await h.request(null, {
      method: 'GET',
      url: `/api/v1/jobs?q=${encodeURIComponent('数控')}&limit=200`,
    });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((j: Hit) => j.id);
    expect(ids).toContain(cnc.id);
    expect(ids).toContain(unrelated.id);
    expect(ids.indexOf(cnc.id)).toBeLessThan(ids.indexOf(unrelated.id));
    const first = res.json().items.find((j: Hit) => j.id === cnc.id);
    expect(first.score).toBeGreaterThan(0);
    expect(first.reasons.length).toBeGreaterThan(0);
  });

  it('recommends visible profiles only for a posting, phones masked, on both paths', async () => {
    const visible = await cncSeeker();
    const hidden = await cncSeeker();
    const hide = await h.request(hidden.cookie, {
      method: 'PATCH',
      url: '/api/v1/me/profile',
      payload: { visible: false },
    });
    expect(hide.json().visible).toBe(false);
    const { hr } = await f.employerWithHr();
    const job = await f.job(hr.cookie, { skills: ['数控车床', 'CNC编程'], lat: 29.88, lng: 121.56 });
    for (const path of ['recommended-workers', 'suggested-candidates']) {
      const res = await h.request(hr.cookie, {
        method: 'GET',
        url: `/api/v1/jobs/${job.id}/${path}?limit=100`,
      });
      expect(res.statusCode).toBe(200);
      const items: { profile: { id: string; phone: string | null }; reasons: string[]; score: number }[] =
        res.json().items;
      const ids = items.map((i) => i.profile.id);
      expect(ids).toContain(visible.profileId);
      expect(ids).not.toContain(hidden.profileId);
      const mine = items.find((i) => i.profile.id === visible.profileId)!;
      expect(mine.profile.phone).toContain('*');
      expect(mine.reasons.length).toBeGreaterThan(0);
    }
  });

  it('allocates a job fair: deferred acceptance is stable and headcounts hold', async () => {
    const { hr, staff } = await f.employerWithHr();
    const small = await f.job(hr.cookie, { title: '数控车工A', headcount: 1 });
    const large = await f.job(hr.cookie, { title: '数控车工B', headcount: 2 });
    const seekers = [];
    for (let i = 0; i < 4; i++) {
      const s = await cncSeeker();
      seekers.push(s);
      for (const jobId of i % 2 === 0 ? [small.id, large.id] : [large.id, small.id]) {
        const applied = await h.request(s.cookie, {
          method: 'POST',
          url: `/api/v1/jobs/${jobId}/applications`,
        });
        expect(applied.statusCode).toBe(201);
      }
    }
    const denied = await h.request(hr.cookie, {
      method: 'POST',
      url: '/api/v1/allocations',
      payload: { jobIds: [small.id, large.id] },
    });
    expect(denied.statusCode).toBe(403);
    const res = await h.request(staff.cookie, {
      method: 'POST',
      url: '/api/v1/allocations',
      payload: { jobIds: [small.id, large.id] },
    });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ jobs: 2, places: 3, applicants: 4, applications: 8 });
    expect(report.deferredAcceptance.blockingPairs).toBe(0);
    for (const method of [report.deferredAcceptance, report.welfare]) {
      expect(method.placed).toBe(3);
      expect(method.unplaced).toHaveLength(1);
      expect(method.unplaced[0].name).toContain('*');
      const perJob = new Map<string, number>();
      for (const p of method.pairs) {
        perJob.set(p.jobId, (perJob.get(p.jobId) ?? 0) + 1);
      }
      expect(perJob.get(small.id) ?? 0).toBeLessThanOrEqual(1);
      expect(perJob.get(large.id) ?? 0).toBeLessThanOrEqual(2);
      expect(method.fill.map((x: { fillRate: number }) => x.fillRate)).toEqual([1, 1]);
    }
    expect(report.welfare.totalScore).toBeGreaterThanOrEqual(report.deferredAcceptance.totalScore - 1e-6);
  });
});

import { randomUUID } from 'node:crypto';
import type { Harness } from '../../../../tests/support/harness.ts';
import { creditCodeCheckChar } from '../../platform/identity.ts';

/** Test data for the livestream API tests: each test makes its own union, employer, jobs and session. */
function creditCode(): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '';
  for (let i = 0; i < 9; i++) {
    body += chars[Math.floor(Math.random() * chars.length)];
  }
  const first17 = `91330206${body}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

export function liveFactory(h: Harness) {
  async function post(cookie: string | null, url: string, payload: unknown) {
    return h.request(cookie, { method: 'POST', url, payload: payload as Record<string, unknown> });
  }

  async function ok<T = Record<string, unknown>>(
    res: Promise<{ statusCode: number; body: string; json: () => unknown }>,
    status = 201,
  ): Promise<T> {
    const r = await res;
    if (r.statusCode !== status) {
      throw new Error(`expected ${status}, got ${r.statusCode}: ${r.body}`);
    }
    return r.json() as T;
  }

  return {
    post,
    ok,

    /** A city union with its staff, a verified employer with jobs, and a scheduled session showing them. */
    async session(options: { jobs?: number; zone?: boolean; headcount?: number } = {}) {
      const org = await h.factory.org({ kind: 'city' });
      const staff = await h.as('union_staff', org.id);
      const employer = await ok<{ id: string; name: string }>(
        post(staff.cookie, '/api/v1/employers', {
          orgId: org.id,
          name: `直播企业${randomUUID().slice(0, 6)}`,
          creditCode: creditCode(),
          industry: '汽车制造',
          city: '宁波市',
        }),
      );
      await post(staff.cookie, `/api/v1/employers/${employer.id}/verification`, { verification: 'verified' });
      const jobs: { id: string; title: string }[] = [];
      for (let i = 0; i < (options.jobs ?? 3); i++) {
        jobs.push(
          await ok(
            post(staff.cookie, '/api/v1/jobs', {
              employerId: employer.id,
              title: `装配工${i + 1}号岗`,
              trade: '装配工',
              city: '宁波市',
              description: '汽车零部件装配，包吃住。',
              salaryMin: 6000,
              salaryMax: 8000,
              headcount: options.headcount ?? 50,
              tags: ['包吃住'],
            }),
          ),
        );
      }
      let zoneId: string | null = null;
      if (options.zone) {
        const zone = await ok<{ id: string }>(
          post(staff.cookie, '/api/v1/zones', {
            orgId: org.id,
            name: '黔籍员工优先岗位专区',
            description: '贵州籍求职者优先',
            provinces: ['贵州省'],
          }),
        );
        zoneId = zone.id;
        await ok(
          h.request(staff.cookie, {
            method: 'PUT',
            url: `/api/v1/zones/${zone.id}/jobs`,
            payload: { jobIds: [jobs[jobs.length - 1]!.id] },
          }),
          200,
        );
      }
      const start = h.clock.now();
      const session = await ok<{ id: string; segments: { id: string }[] }>(
        post(staff.cookie, '/api/v1/live-sessions', {
          title: '甬黔同心·职造未来 测试场',
          orgIds: [org.id],
          scheduledStart: start.toISOString(),
          scheduledEnd: new Date(start.getTime() + 2 * 3600_000).toISOString(),
          zoneId,
          employerIds: [employer.id],
          jobIds: jobs.map((j) => j.id),
          segments: [
            { kind: 'factory-tour', title: '云端探厂', employerId: employer.id },
            { kind: 'job-intro', title: '岗位介绍', jobId: jobs[0]!.id },
            { kind: 'policy', title: '政策解读' },
            { kind: 'qa', title: '互动问答' },
          ],
        }),
      );
      return { org, staff, employer, jobs, session, zoneId };
    },

    async start(cookie: string, sessionId: string) {
      return ok(post(cookie, `/api/v1/live-sessions/${sessionId}/start`, {}), 200);
    },
  };
}

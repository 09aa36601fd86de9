import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../tests/support/harness.ts';
import { employmentFactory } from './employment.fixtures.ts';

let h: Harness;
let f: ReturnType<typeof employmentFactory>;
beforeAll(async () => {
  h = await createHarness();
  f = employmentFactory(h);
});
afterAll(async () => {
  await h?.close();
});

async function apply(cookie: string, jobId: string) {
  return h.request(cookie, { method: 'POST', url: `/api/v1/jobs/${jobId}/applications` });
}
async function move(cookie: string, id: string, status: string) {
  return h.request(cookie, { method: 'PATCH', url: `/api/v1/applications/${id}`, payload: { status } });
}

describe('jobs', () => {
  it('lets HR post a job that search finds by keyword and city (宁波 or 宁波市)', async () => {
    // Another employer's many postings with richer texts outrank a short new one on text alone.
    const other = await f.employerWithHr();
    for (let i = 0; i < 22; i += 1) {
      await f.job(other.hr.cookie, {
        title: `数控车工${i}`,
        description: '数控车床、数控编程、数控系统操作，数控加工中心经验优先，数控车工岗位',
        skills: ['数控车床', '数控编程', '数控系统'],
      });
    }
    const { hr } = await f.employerWithHr();
    const job = await f.job(hr.cookie, { title: `数控车工${Date.now()}` });
    expect(job.city).toBe('宁波');
    expect(job.reviewStatus).toBe('clear');
    expect(job.placesLeft).toBe(3);
    for (const city of ['宁波市', '宁波']) {
      const res = await h.request(hr.cookie, {
        method: 'GET',
        url: `/api/v1/jobs?q=${encodeURIComponent('数控')}&city=${encodeURIComponent(city)}`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((j: { id: string }) => j.id)).toContain(job.id);
    }
    const anonymous = await h.request(null, {
      method: 'GET',
      url: `/api/v1/jobs?q=${encodeURIComponent(job.title)}`,
    });
    // Ranked by the engine: the posting with the exact title first (related ones may follow).
    expect(anonymous.json().items[0].id).toBe(job.id);
  });

  it('holds a flagged posting for staff review, with reasons, and shows it once approved', async () => {
    const { hr, staff } = await f.employerWithHr();
    const job = await f.job(hr.cookie, {
      title: `普工${Date.now()}`,
      trade: '普工',
      description: '入职需交押金300元',
    });
    expect(job.reviewStatus).toBe('pending');
    expect(job.reviewReasons.map((r: { rule: string }) => r.rule)).toEqual(['fees']);
    const hidden = await h.request(null, {
      method: 'GET',
      url: `/api/v1/jobs?q=${encodeURIComponent(job.title)}`,
    });
    expect(hidden.json().items.map((j: { id: string }) => j.id)).not.toContain(job.id);
    const seeker = await f.seeker();
    expect((await apply(seeker.cookie, job.id)).statusCode).toBe(409);
    const queue = await h.request(staff.cookie, { method: 'GET', url: '/api/v1/jobs/review-queue' });
    expect(queue.json().items.map((i: { job: { id: string } }) => i.job.id)).toContain(job.id);
    const reviewed = await h.request(staff.cookie, {
      method: 'POST',
      url: `/api/v1/jobs/${job.id}/review`,
      payload: { decision: 'approve', note: '押金为工牌押金，已核实退还' },
    });
    expect(reviewed.json().reviewStatus).toBe('approved');
    const shown = await h.request(null, {
      method: 'GET',
      url: `/api/v1/jobs?q=${encodeURIComponent(job.title)}`,
    });
    expect(shown.json().items[0].id).toBe(job.id);
  });

  it('flags postings of an unverified employer and lets workers report a posting once', async () => {
    const { hr } = await f.employerWithHr({ verified: false });
    const flagged = await f.job(hr.cookie);
    expect(flagged.reviewReasons.map((r: { rule: string }) => r.rule)).toEqual(['employer-unverified']);
    const other = await f.employerWithHr();
    const job = await f.job(other.hr.cookie);
    const seeker = await f.seeker();
    const report = { reason: 'fees', detail: '面试时要求交培训费' };
    const first = await h.request(seeker.cookie, {
      method: 'POST',
      url: `/api/v1/jobs/${job.id}/reports`,
      payload: report,
    });
    expect(first.statusCode).toBe(201);
    const again = await h.request(seeker.cookie, {
      method: 'POST',
      url: `/api/v1/jobs/${job.id}/reports`,
      payload: report,
    });
    expect(again.statusCode).toBe(409);
  });

  it('validates the credit code and refuses a second employer with the same code', async () => {
    const org = await h.factory.org();
    const staff = await h.as('union_staff', org.id);
    const bad = await h.request(staff.cookie, {
      method: 'POST',
      url: '/api/v1/employers',
      payload: {
        orgId: org.id,
        name: '校验位错误公司',
        creditCode: '91330206MA2AAAAAA0',
        industry: '新材料',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.creditCode');
  });
});

describe('applications', () => {
  it('applies once (201), refuses a duplicate (409), and walks every allowed step with history and notices', async () => {
    const { hr } = await f.employerWithHr();
    const job = await f.job(hr.cookie, { headcount: 2 });
    const seeker = await f.seeker();
    const created = await apply(seeker.cookie, job.id);
    expect(created.statusCode).toBe(201);
    expect(created.json().status).toBe('submitted');
    const dup = await apply(seeker.cookie, job.id);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('employment/duplicate-application');
    const id = created.json().id;

    const board = await h.request(hr.cookie, { method: 'GET', url: `/api/v1/jobs/${job.id}/applications` });
    expect(board.json().items[0].priority).toBe(true);
    expect(board.json().items[0].applicant.phone).toMatch(/\*{4}/);

    expect((await move(hr.cookie, id, 'interview')).statusCode).toBe(409); // skipped
    for (const status of ['viewed', '邀面试', 'hired', 'onboarded']) {
      const res = await move(hr.cookie, id, status);
      expect(res.statusCode).toBe(200);
    }
    const back = await move(hr.cookie, id, 'interview');
    expect(back.statusCode).toBe(409);
    expect(back.headers['content-type']).toContain('application/problem+json');
    expect(back.json().code).toBe('employment/invalid-transition');

    const mine = (await h.request(seeker.cookie, { method: 'GET', url: '/api/v1/me/applications' })).json();
    expect(mine.items[0].history.map((e: { to: string }) => e.to)).toEqual([
      'submitted',
      'viewed',
      'interview',
      'hired',
      'onboarded',
    ]);
    expect(mine.items[0].history[1].by).toMatch(/^HR /);
    const notices = (
      await h.request(seeker.cookie, { method: 'GET', url: '/api/v1/me/notifications' })
    ).json();
    expect(notices.items).toHaveLength(4);
    const jobAfter = (await h.request(hr.cookie, { method: 'GET', url: `/api/v1/jobs/${job.id}` })).json();
    expect(jobAfter.placesLeft).toBe(1);
  });

  it('lets the employer reject and the applicant withdraw, and nothing after', async () => {
    const { hr } = await f.employerWithHr();
    const job = await f.job(hr.cookie);
    const a = await f.seeker();
    const b = await f.seeker();
    const appA = (await apply(a.cookie, job.id)).json().id;
    const appB = (await apply(b.cookie, job.id)).json().id;
    expect((await move(hr.cookie, appA, 'rejected')).statusCode).toBe(200);
    expect((await move(hr.cookie, appA, 'viewed')).statusCode).toBe(409);
    expect((await move(hr.cookie, appB, 'withdrawn')).statusCode).toBe(409); // only the applicant withdraws
    const withdrawn = await h.request(b.cookie, {
      method: 'POST',
      url: '/api/v1/me/applications/withdraw',
      payload: { applicationId: appB },
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
    const other = await h.request(a.cookie, {
      method: 'POST',
      url: '/api/v1/me/applications/withdraw',
      payload: { applicationId: appB },
    });
    expect(other.statusCode).toBe(404);
  });

  it('closes the job when the last place is hired, refuses applications to it, and reopens if the hire withdraws', async () => {
    const { hr } = await f.employerWithHr();
    const job = await f.job(hr.cookie, { headcount: 1 });
    const a = await f.seeker();
    const b = await f.seeker();
    const appA = (await apply(a.cookie, job.id)).json().id;
    const appB = (await apply(b.cookie, job.id)).json().id;
    for (const s of ['viewed', 'interview']) {
      await move(hr.cookie, appA, s);
      await move(hr.cookie, appB, s);
    }
    expect((await move(hr.cookie, appA, 'hired')).statusCode).toBe(200);
    const closed = (await h.request(hr.cookie, { method: 'GET', url: `/api/v1/jobs/${job.id}` })).json();
    expect(closed).toMatchObject({ status: 'closed', closedReason: 'filled', placesLeft: 0 });
    const full = await move(hr.cookie, appB, 'hired');
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('employment/job-full');
    const late = await f.seeker();
    const refused = await apply(late.cookie, job.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('employment/job-closed');

    await h.request(a.cookie, {
      method: 'POST',
      url: '/api/v1/me/applications/withdraw',
      payload: { applicationId: appA },
    });
    const reopened = (await h.request(hr.cookie, { method: 'GET', url: `/api/v1/jobs/${job.id}` })).json();
    expect(reopened).toMatchObject({ status: 'open', placesLeft: 1 });
    expect((await move(hr.cookie, appB, 'hired')).statusCode).toBe(200);
  });

  it('refuses an application to a job with no places left even while it is open', async () => {
    const { hr, employer } = await f.employerWithHr();
    const job = await f.job(hr.cookie, { headcount: 1 });
    await h.db.execute(
      (await import('drizzle-orm')).sql`update jobs set places_left = 0 where id = ${job.id}`,
    );
    const seeker = await f.seeker();
    const res = await apply(seeker.cookie, job.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('employment/job-full');
    expect(employer.id).toBeTruthy();
  });

  it('answers every tap of a burst on its own: created, duplicate, full, unknown — each audited once', async () => {
    const { hr } = await f.employerWithHr();
    const open = await f.job(hr.cookie, { headcount: 5 });
    const full = await f.job(hr.cookie, { headcount: 1 });
    await h.db.execute(
      (await import('drizzle-orm')).sql`update jobs set places_left = 0 where id = ${full.id}`,
    );
    // Members (registering twelve at once would meet the sign-up rate limit).
    const seekers = await Promise.all(
      Array.from({ length: 12 }, async () => h.as('member', (await h.factory.org()).id)),
    );
    const unknownJob = '00000000-0000-4000-8000-000000000001';
    // All at once, so they share the group commit: twelve to the open job, the first seeker
    // twice more, two to the full job, one to a job that does not exist.
    const taps = [
      ...seekers.map((s) => ({ who: s, job: open.id })),
      { who: seekers[0]!, job: open.id },
      { who: seekers[0]!, job: open.id },
      { who: seekers[1]!, job: full.id },
      { who: seekers[2]!, job: full.id },
      { who: seekers[3]!, job: unknownJob },
    ];
    const answers = await Promise.all(taps.map((t) => apply(t.who.cookie, t.job)));
    const codes = answers.map((r) => (r.statusCode === 201 ? 201 : r.json().code));
    // The first seeker's three taps race each other: exactly one is created.
    const firstSeeker = [0, 12, 13];
    expect(firstSeeker.map((i) => codes[i]).sort()).toEqual([
      201,
      'employment/duplicate-application',
      'employment/duplicate-application',
    ]);
    expect(codes.slice(1, 12)).toEqual(Array(11).fill(201));
    expect(codes.slice(14)).toEqual([
      'employment/job-full',
      'employment/job-full',
      'employment/job-not-found',
    ]);
    // Each seeker's created application, in seeker order.
    const created = [answers[firstSeeker.find((i) => codes[i] === 201)!]!, ...answers.slice(1, 12)];
    for (const [i, seeker] of seekers.entries()) {
      const body = created[i]!.json();
      expect(body.job.id).toBe(open.id);
      expect(body.history).toHaveLength(1);
      const mine = (await h.request(seeker.cookie, { method: 'GET', url: '/api/v1/me/applications' })).json();
      expect(mine.items.map((a: { id: string }) => a.id)).toEqual([body.id]);
    }
    const { sql } = await import('drizzle-orm');
    const ids = created.map((r) => r.json().id as string);
    const stored = await h.db.execute(
      sql`select (select count(*)::int from applications where job_id = ${open.id}) as apps,
                 (select count(*)::int from application_events where application_id in ${ids}) as events,
                 (select count(*)::int from audit_log where entity = 'application' and action = 'create'
                    and entity_id in ${ids}) as audits`,
    );
    expect((stored as unknown as { rows: unknown[] }).rows[0]).toEqual({ apps: 12, events: 12, audits: 12 });
  });

  it('keeps HR to its own employer and staff to their own subtree', async () => {
    const province = await h.factory.org({ kind: 'province' });
    const first = await f.employerWithHr({ orgId: province.id });
    const second = await f.employerWithHr({ orgId: province.id }); // same union, another employer
    const job = await f.job(first.hr.cookie);
    const seeker = await f.seeker();
    const appId = (await apply(seeker.cookie, job.id)).json().id;

    const wrongEmployer = await move(second.hr.cookie, appId, 'viewed');
    expect(wrongEmployer.statusCode).toBe(404);
    const board = await h.request(second.hr.cookie, {
      method: 'GET',
      url: `/api/v1/jobs/${job.id}/applications`,
    });
    expect(board.statusCode).toBe(404);
    const edit = await h.request(second.hr.cookie, {
      method: 'PATCH',
      url: `/api/v1/jobs/${job.id}`,
      payload: { headcount: 9 },
    });
    expect(edit.statusCode).toBe(404);
    const postForOther = await h.request(second.hr.cookie, {
      method: 'POST',
      url: '/api/v1/jobs',
      payload: { employerId: first.employer.id, title: '焊工', trade: '焊工', city: '宁波', headcount: 1 },
    });
    expect(postForOther.statusCode).toBe(404);

    const elsewhere = await h.factory.org({ kind: 'province' });
    const outsider = await h.as('union_staff', elsewhere.id);
    expect((await move(outsider.cookie, appId, 'viewed')).statusCode).toBe(404);
    const verify = await h.request(outsider.cookie, {
      method: 'POST',
      url: `/api/v1/employers/${first.employer.id}/verification`,
      payload: { verification: 'rejected' },
    });
    expect(verify.statusCode).toBe(404);

    const secondJob = await f.job(second.hr.cookie);
    const managed = await h.request(second.hr.cookie, {
      method: 'GET',
      url: '/api/v1/jobs?managedOnly=true&limit=100',
    });
    const managedIds = managed.json().items.map((j: { id: string }) => j.id);
    expect(managedIds).toContain(secondJob.id);
    expect(managedIds).not.toContain(job.id);

    const inside = await h.as('union_staff', province.id);
    expect((await move(inside.cookie, appId, 'viewed')).statusCode).toBe(200);
    const seekerTries = await move(seeker.cookie, appId, 'interview');
    expect(seekerTries.statusCode).toBe(403);
  });

  it('changes job status through the allowed steps only', async () => {
    const { hr } = await f.employerWithHr();
    const job = await f.job(hr.cookie, { status: 'draft' });
    const status = (s: string) =>
      h.request(hr.cookie, { method: 'POST', url: `/api/v1/jobs/${job.id}/status`, payload: { status: s } });
    expect((await status('paused')).statusCode).toBe(409);
    expect((await status('open')).statusCode).toBe(200);
    expect((await status('paused')).statusCode).toBe(200);
    expect((await status('closed')).statusCode).toBe(200);
    expect((await status('open')).statusCode).toBe(409);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../tests/support/harness.ts';
import { AppError } from '../../platform/errors.ts';
import { employmentFactory } from './employment.fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

/*
 * 50 simultaneous hires on a posting with 10 places. On PostgreSQL (GONGYOU_TEST_DB=postgres)
 * the 50 transactions really run at once over a pool of 20 connections; PGlite serialises
 * them, and the same invariant must hold there too.
 */
describe(`hiring under concurrency (${process.env.GONGYOU_TEST_DB ?? 'pglite'})`, () => {
  it('ends with exactly 10 hires and the job closed', { timeout: 90_000 }, async () => {
    const f = employmentFactory(h);
    const { hr, org } = await f.employerWithHr();
    const job = await f.job(hr.cookie, { headcount: 10 });
    const services = h.app.modules.employment;
    const orgRow = (await h.app.modules.org.organisations.lookup(org.id))!;
    const staff = f.actorCtx('union_staff', { id: orgRow.id, path: orgRow.path });

    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const seeker = f.actorCtx('job_seeker', { id: orgRow.id, path: orgRow.path });
      const application = await services.applications.apply(seeker, job.id);
      await services.applications.move(staff, application.id, 'viewed', undefined);
      await services.applications.move(staff, application.id, 'interview', undefined);
      ids.push(application.id);
    }

    const results = await Promise.allSettled(
      ids.map((id) => services.applications.move(staff, id, 'hired', undefined)),
    );
    const hired = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(hired).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect((r.reason as AppError).code).toBe('employment/job-full');
    }

    const after = await services.jobs.get(staff, job.id);
    expect(after).toMatchObject({ placesLeft: 0, status: 'closed', closedReason: 'filled' });
    const board = await services.applications.forJob(staff, job.id, 'hired');
    expect(board.items).toHaveLength(10);
  });
});

import { type Scope, scopeIncludes } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import {
  type AllocationReport,
  type Application,
  deferredAcceptance,
  welfareAllocation,
} from '../matching/index.ts';
import * as repo from './employment.repository.ts';
import type { AllocationBody, AllocationReportView } from './employment.schemas.ts';
import type { MatchIndex } from './match-index.service.ts';

/** 张三丰 → 张**: enough for staff to tell proposals apart, not to identify a person off the screen. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) {
    return '*';
  }
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Job-fair allocation, a proposal only (nothing is sent): the pending applications to a set of
 * postings are allocated (a) by worker-proposing deferred acceptance — workers rank their
 * applications by the time they applied, employers rank applicants by the engine's score — and
 * (b) by the welfare-maximising assignment (maximum total score within the places, HiGHS).
 */
export function createAllocationService({ db, matching }: { db: Db; matching: MatchIndex }) {
  return {
    async allocate(_ctx: ServiceContext, scope: Scope, body: AllocationBody): Promise<AllocationReportView> {
      const ids = [...new Set(body.jobIds)];
      if (body.zoneId) {
        const zone = await repo.findZone(db, body.zoneId);
        if (!zone || !scopeIncludes(scope, zone.orgPath)) {
          throw new AppError('employment/zone-not-found', { field: 'body.zoneId' });
        }
        for (const id of await repo.jobIdsOfZone(db, zone.id)) {
          if (!ids.includes(id)) {
            ids.push(id);
          }
        }
      }
      const rows = await repo.jobsByIds(db, ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const explicit = new Set(body.jobIds);
      const jobs: repo.JobRow[] = [];
      for (const id of ids) {
        const row = byId.get(id);
        const visible = row !== undefined && scopeIncludes(scope, row.orgPath);
        if (visible) {
          jobs.push(row);
        } else if (explicit.has(id)) {
          throw new AppError('employment/job-not-found', { field: 'body.jobIds' });
        }
        // A zone may hold postings of other subtrees: those are left out.
      }

      const applicationRows = await repo.pendingApplicationsOfJobs(
        db,
        jobs.map((j) => j.id),
      );
      const names = new Map<string, string>();
      const perWorker = new Map<string, string[]>();
      for (const a of applicationRows) {
        names.set(a.profileId, a.name);
        const list = perWorker.get(a.profileId) ?? [];
        list.push(a.jobId);
        perWorker.set(a.profileId, list);
      }
      const applications: Application[] = [...perWorker].map(([workerId, jobIds]) => ({ workerId, jobIds }));
      // Places still open; a posting not taking applicants now (paused, closed) has none.
      const capacities = new Map(
        jobs.map((j) => [j.id, j.status === 'open' ? Math.max(0, j.placesLeft) : 0]),
      );

      const engine = await matching.engine();
      const cache = new Map<string, number>();
      const score = (jobId: string, workerId: string): number => {
        const key = `${jobId}|${workerId}`;
        let s = cache.get(key);
        if (s === undefined) {
          s = engine.scorePair(jobId, workerId)?.score ?? 0;
          cache.set(key, s);
        }
        return s;
      };
      const input = { applications, capacities, score };
      const da = deferredAcceptance(input);
      const lp = await welfareAllocation(input);

      const view = (r: AllocationReport) => ({
        method: r.method,
        placed: r.placed,
        unplaced: r.unplaced.map((id) => ({ profileId: id, name: maskName(names.get(id) ?? '') })),
        totalScore: round2(r.totalScore),
        blockingPairs: r.blockingPairs,
        millis: round2(r.millis),
        integral: r.integral ?? null,
        fill: r.fill.map((f) => {
          const job = byId.get(f.jobId);
          return {
            jobId: f.jobId,
            title: job?.title ?? '',
            employerName: job?.employerName ?? '',
            capacity: f.capacity,
            filled: f.filled,
            fillRate: round2(f.fillRate),
          };
        }),
        pairs: [...r.assignment].map(([profileId, jobId]) => ({
          jobId,
          profileId,
          name: maskName(names.get(profileId) ?? ''),
          score: round2(score(jobId, profileId)),
        })),
      });
      return {
        jobs: jobs.length,
        places: [...capacities.values()].reduce((a, b) => a + b, 0),
        applicants: applications.length,
        applications: applicationRows.length,
        deferredAcceptance: view(da),
        welfare: view(lp),
      };
    },
  };
}

export type AllocationService = ReturnType<typeof createAllocationService>;

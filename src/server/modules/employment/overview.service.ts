import { type Scope, scopeIncludes } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import type { OrgModule } from '../org/index.ts';
import { employerAccess } from './employment.policies.ts';
import * as repo from './employment.repository.ts';
import type { Overview } from './employment.schemas.ts';

type Figures = Omit<Overview['byOrganisation'][number], 'orgId' | 'orgName'>;

function empty(): Figures {
  return { positions: 0, openPositions: 0, places: 0, placesLeft: 0, applications: 0, hires: 0 };
}

function add(f: Figures, row: Awaited<ReturnType<typeof repo.jobFigures>>[number]) {
  f.positions += 1;
  f.openPositions += row.status === 'open' ? 1 : 0;
  f.places += row.headcount;
  f.placesLeft += row.placesLeft;
  f.applications += row.applications;
  f.hires += row.hires;
}

/** Figures for dashboards: positions, places, applications and hires per organisation, employer and zone. */
export function createOverviewService({ db, org }: { db: Db; org: OrgModule }) {
  return {
    async overview(ctx: ServiceContext, scope: Scope, orgId: string | undefined): Promise<Overview> {
      let prefix: string | null = null;
      if (orgId) {
        const target = await org.organisations.lookup(orgId);
        if (!target || !scopeIncludes(scope, target.path)) {
          throw new AppError('org/organisation-not-found', { field: 'query.orgId' });
        }
        prefix = target.path;
      }
      const access = employerAccess(ctx.actor, 'employment:stats', []);
      const rows = await repo.jobFigures(db, access, prefix);
      const zones = await repo.zoneMemberships(db);
      const orgs = await org.organisations.list(scope, { includeClosed: true });
      const orgName = new Map(orgs.map((o) => [o.id, o.name]));

      const totals = {
        ...empty(),
        employers: await repo.countEmployers(db, access, prefix),
        priorityApplicants: 0,
      };
      const byOrg = new Map<string, Figures>();
      const byEmployer = new Map<string, Figures & { name: string }>();
      const byZone = new Map<string, Figures & { name: string }>();
      const zonesOfJob = new Map<string, { zoneId: string; zoneName: string }[]>();
      for (const z of zones) {
        zonesOfJob.set(z.jobId, [...(zonesOfJob.get(z.jobId) ?? []), z]);
      }
      for (const row of rows) {
        add(totals, row);
        totals.priorityApplicants += row.priority;
        const o = byOrg.get(row.orgId) ?? empty();
        add(o, row);
        byOrg.set(row.orgId, o);
        const e = byEmployer.get(row.employerId) ?? { ...empty(), name: row.employerName };
        add(e, row);
        byEmployer.set(row.employerId, e);
        for (const z of zonesOfJob.get(row.jobId) ?? []) {
          const zf = byZone.get(z.zoneId) ?? { ...empty(), name: z.zoneName };
          add(zf, row);
          byZone.set(z.zoneId, zf);
        }
      }
      const byPlaces = <T extends Figures>(a: T, b: T) => b.places - a.places;
      return {
        totals,
        byOrganisation: [...byOrg.entries()]
          .map(([id, f]) => ({ orgId: id, orgName: orgName.get(id) ?? '', ...f }))
          .sort(byPlaces),
        byEmployer: [...byEmployer.entries()]
          .map(([id, { name, ...f }]) => ({ employerId: id, employerName: name, ...f }))
          .sort(byPlaces),
        byZone: [...byZone.entries()]
          .map(([id, { name, ...f }]) => ({ zoneId: id, zoneName: name, ...f }))
          .sort(byPlaces),
      };
    },
  };
}

export type OverviewService = ReturnType<typeof createOverviewService>;

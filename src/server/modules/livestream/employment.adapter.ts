import { AppError } from '../../platform/errors.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import type { EmploymentModule, JobView } from '../employment/index.ts';
import type { OrgModule } from '../org/index.ts';
import type { EmployerSummary, EmploymentPort, JobSummary, ZoneSummary } from './livestream.ports.ts';

/** Job cards change rarely during a stream and thousands of viewers open the same channel. */
const CACHE_MS = 5_000;

interface Cached<T> {
  at: number;
  value: T;
}

function summaryOf(job: JobView): JobSummary {
  return {
    id: job.id,
    employerId: job.employerId,
    employerName: job.employerName,
    title: job.title,
    trade: job.trade,
    city: job.city,
    district: job.district,
    salaryMin: job.salaryMin,
    salaryMax: job.salaryMax,
    headcount: job.headcount,
    placesLeft: job.placesLeft,
    tags: job.tags,
    status: job.status,
    orgId: job.orgId,
  };
}

/**
 * The livestream module's view of employment, through employment's public index only.
 * One thing employment does not offer is done here, and named in the README:
 *  - there is no "statuses of these applications" query: figures (hires) are read through the
 *    applications board of each job with a system context reaching the whole federation. Only
 *    counts leave this adapter.
 */
export function createEmploymentAdapter(employment: EmploymentModule, org: OrgModule): EmploymentPort {
  const jobCache = new Map<string, Cached<JobSummary | null>>();
  const zoneCache = new Map<string, Cached<ZoneSummary | null>>();
  const employerCache = new Map<string, Cached<EmployerSummary | null>>();
  let system: ServiceContext | null = null;

  async function systemReach(): Promise<ServiceContext> {
    if (system) {
      return system;
    }
    const root = await org.organisations.root();
    if (!root) {
      throw new AppError('org/organisation-not-found');
    }
    system = {
      actor: {
        accountId: '00000000-0000-0000-0000-000000000000',
        username: 'livestream',
        displayName: 'livestream',
        sessionId: '',
        memberId: null,
        grants: [{ role: 'union_staff', orgId: root.id, orgPath: root.path, orgName: root.name }],
      },
      locale: 'zh-CN',
      audit: { accountId: null, username: 'livestream', requestId: null, ip: null },
    };
    return system;
  }

  function fresh<T>(cache: Map<string, Cached<T>>, key: string): Cached<T> | undefined {
    const hit = cache.get(key);
    return hit && Date.now() - hit.at < CACHE_MS ? hit : undefined;
  }

  async function oneJob(ctx: ServiceContext, id: string): Promise<JobSummary | null> {
    const hit = fresh(jobCache, id);
    if (hit) {
      return hit.value;
    }
    let value: JobSummary | null = null;
    try {
      value = summaryOf(await employment.jobs.get({ ...ctx, actor: null }, id));
    } catch (error) {
      if (!(error instanceof AppError)) {
        throw error;
      }
    }
    jobCache.set(id, { at: Date.now(), value });
    return value;
  }

  return {
    async jobSummaries(ctx, ids) {
      const out: JobSummary[] = [];
      // A few at a time: PGlite answers one query at a time anyway, a pool gains from some overlap.
      for (let i = 0; i < ids.length; i += 8) {
        const batch = await Promise.all(ids.slice(i, i + 8).map((id) => oneJob(ctx, id)));
        for (const job of batch) {
          if (job) {
            out.push(job);
          }
        }
      }
      return out;
    },

    async employerNames(_ctx, ids) {
      const out: EmployerSummary[] = [];
      for (const id of ids) {
        let hit = fresh(employerCache, id);
        if (!hit) {
          let value: EmployerSummary | null = null;
          try {
            const view = await employment.employers.get(await systemReach(), id);
            value = { id: view.id, name: view.name };
          } catch (error) {
            if (!(error instanceof AppError)) {
              throw error;
            }
          }
          hit = { at: Date.now(), value };
          employerCache.set(id, hit);
        }
        if (hit.value) {
          out.push(hit.value);
        }
      }
      return out;
    },

    async zone(ctx, id) {
      const hit = fresh(zoneCache, id);
      if (hit) {
        return hit.value;
      }
      let value: ZoneSummary | null = null;
      try {
        const zone = await employment.zones.get(id, ctx.locale);
        value = {
          id: zone.id,
          name: zone.name,
          provinces: zone.provinces,
          jobIds: zone.jobs.map((j) => j.id),
        };
      } catch (error) {
        if (!(error instanceof AppError)) {
          throw error;
        }
      }
      zoneCache.set(id, { at: Date.now(), value });
      return value;
    },

    async viewerProvince(ctx) {
      if (!ctx.actor) {
        return null;
      }
      return (await employment.profiles.mine(ctx)).hometownProvince;
    },

    async apply(ctx, jobId, options) {
      // Applying takes no place (hiring does): the cached job card stays right.
      const { view, checked } = await employment.applications.applyWith(ctx, jobId, options);
      return { id: view.id, jobId: view.job.id, status: view.status, createdAt: view.createdAt, checked };
    },

    async applicationStatuses(jobIds, applicationIds) {
      const wanted = new Set(applicationIds);
      const ctx = await systemReach();
      const statuses = new Map<string, string>();
      for (const jobId of jobIds) {
        try {
          const board = await employment.applications.forJob(ctx, jobId, undefined);
          for (const a of board.items) {
            if (wanted.has(a.id)) {
              statuses.set(a.id, a.status);
            }
          }
        } catch (error) {
          if (!(error instanceof AppError)) {
            throw error;
          }
        }
      }
      return statuses;
    },
  };
}

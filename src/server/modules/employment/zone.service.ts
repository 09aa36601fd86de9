import { recordAudit } from '../../platform/audit/audit.ts';
import { type Scope, scopeIncludes } from '../../platform/auth/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import type { OrgModule } from '../org/index.ts';
import { assertInScope } from './employment.policies.ts';
import * as repo from './employment.repository.ts';
import type { ZoneView } from './employment.schemas.ts';
import { normalizeProvince } from './employment.text.ts';
import { isPubliclyVisible } from './job.lifecycle.ts';
import { jobViews } from './job.service.ts';

type ZoneRow = NonNullable<Awaited<ReturnType<typeof repo.findZone>>>;

function toView(row: ZoneRow): ZoneView {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    description: row.description,
    provinces: row.provinces,
    jobCount: row.jobCount,
    openPlaces: row.openPlaces,
  };
}

/** Priority zones (e.g. 黔籍员工优先岗位专区): named lists of postings curated by union staff. */
export function createZoneService({ db, org }: { db: Db; clock: Clock; org: OrgModule }) {
  async function load(id: string) {
    const row = await repo.findZone(db, id);
    if (!row) {
      throw new AppError('employment/zone-not-found');
    }
    return row;
  }

  return {
    async list(): Promise<{ items: ZoneView[] }> {
      return { items: (await repo.listZones(db)).map(toView) };
    },

    /** A zone and its public postings, in the curated order. */
    async get(id: string, locale: Locale) {
      const zone = await load(id);
      const memberships = (await repo.zoneMemberships(db)).filter((m) => m.zoneId === id);
      const rows = await repo.jobsByIds(
        db,
        memberships.map((m) => m.jobId),
      );
      const order = new Map(memberships.map((m, i) => [m.jobId, i]));
      const visible = rows
        .filter(isPubliclyVisible)
        .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      return { ...toView(zone), jobs: await jobViews(db, visible, locale) };
    },

    async create(
      ctx: ServiceContext,
      scope: Scope,
      body: { orgId: string; name: string; description: string; provinces: string[] },
    ): Promise<ZoneView> {
      const home = await org.organisations.lookup(body.orgId);
      if (!home || !scopeIncludes(scope, home.path)) {
        throw new AppError('org/organisation-not-found', { field: 'body.orgId' });
      }
      const id = await db.transaction(async (tx) => {
        const zoneId = await repo.insertZone(tx, {
          orgId: home.id,
          orgPath: home.path,
          name: body.name,
          description: body.description,
          provinces: body.provinces.map(normalizeProvince),
        });
        await recordAudit(tx, ctx.audit, {
          action: 'create',
          entity: 'priority_zone',
          entityId: zoneId,
          orgId: home.id,
          orgPath: home.path,
          after: body,
        });
        return zoneId;
      });
      return toView(await load(id));
    },

    async update(
      ctx: ServiceContext,
      scope: Scope,
      id: string,
      body: { name?: string | undefined; description?: string | undefined; provinces?: string[] | undefined },
    ): Promise<ZoneView> {
      const zone = await repo.findZone(db, id);
      assertInScope(scope, zone, 'employment/zone-not-found');
      const patch = {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.provinces !== undefined ? { provinces: body.provinces.map(normalizeProvince) } : {}),
      };
      if (Object.keys(patch).length === 0) {
        return toView(zone);
      }
      await db.transaction(async (tx) => {
        await repo.updateZone(tx, id, patch);
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'priority_zone',
          entityId: id,
          orgId: zone.orgId,
          orgPath: zone.orgPath,
          after: body,
        });
      });
      return toView(await load(id));
    },

    /** Replaces the zone's postings; each must be in the caller's subtree. */
    async setJobs(ctx: ServiceContext, scope: Scope, id: string, jobIds: string[]): Promise<ZoneView> {
      const zone = await repo.findZone(db, id);
      assertInScope(scope, zone, 'employment/zone-not-found');
      const unique = [...new Set(jobIds)];
      const rows = await repo.jobsByIds(db, unique);
      for (const jobId of unique) {
        const job = rows.find((r) => r.id === jobId);
        if (!job || !scopeIncludes(scope, job.orgPath)) {
          throw new AppError('employment/job-not-found', { field: 'body.jobIds', params: { id: jobId } });
        }
      }
      await db.transaction(async (tx) => {
        await repo.setZoneJobs(tx, id, unique);
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'priority_zone',
          entityId: id,
          orgId: zone.orgId,
          orgPath: zone.orgPath,
          detail: `${unique.length} jobs`,
        });
      });
      return toView(await load(id));
    },
  };
}

export type ZoneService = ReturnType<typeof createZoneService>;

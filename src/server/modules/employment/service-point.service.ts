import { recordAudit } from '../../platform/audit/audit.ts';
import { type Scope, scopeIncludes } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import type { OrgModule } from '../org/index.ts';
import { assertInScope } from './employment.policies.ts';
import * as repo from './employment.repository.ts';
import type { ServicePointView } from './employment.schemas.ts';
import {
  boundingBox,
  minutesFor,
  reachMetres,
  SPEED_KMH,
  type TravelMode,
  withinReach,
} from './service-point.geo.ts';

function toView(row: repo.ServicePointRow): ServicePointView {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    kind: row.kind as ServicePointView['kind'],
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    hours: row.hours,
    phone: row.phone,
    services: row.services,
    languages: row.languages,
  };
}

type PointInput = {
  name: string;
  kind: ServicePointView['kind'];
  address: string;
  lat: number;
  lng: number;
  hours: string;
  phone?: string | undefined;
  services: string[];
  languages: string[];
};

/** Employment service points and the 15-minute service circle. */
export function createServicePointService({ db, org }: { db: Db; org: OrgModule }) {
  return {
    async list(filter: { kind?: string | undefined; q?: string | undefined }) {
      return { items: (await repo.listServicePoints(db, filter)).map(toView) };
    },

    /** Points reachable within N minutes (straight line at the mode's speed), nearest first. */
    async nearby(query: {
      lat: number;
      lng: number;
      minutes: number;
      mode: TravelMode;
      kind?: string | undefined;
    }) {
      const radius = reachMetres(query.minutes, query.mode);
      const centre = { lat: query.lat, lng: query.lng };
      const candidates = await repo.servicePointsInBox(db, boundingBox(centre, radius), query.kind);
      const items = withinReach(candidates, centre, radius).map((p) => ({
        ...toView(p),
        distanceMetres: p.distanceMetres,
        travelMinutes: Math.round(minutesFor(p.distanceMetres, query.mode) * 10) / 10,
      }));
      return {
        mode: query.mode,
        minutes: query.minutes,
        speedKmh: SPEED_KMH[query.mode],
        radiusMetres: Math.round(radius),
        items,
      };
    },

    async create(
      ctx: ServiceContext,
      scope: Scope,
      body: PointInput & { orgId: string },
    ): Promise<ServicePointView> {
      const home = await org.organisations.lookup(body.orgId);
      if (!home || !scopeIncludes(scope, home.path)) {
        throw new AppError('org/organisation-not-found', { field: 'body.orgId' });
      }
      const id = await db.transaction(async (tx) => {
        const [pointId] = await repo.insertServicePoints(tx, [
          { ...body, phone: body.phone ?? null, orgId: home.id, orgPath: home.path },
        ]);
        await recordAudit(tx, ctx.audit, {
          action: 'create',
          entity: 'service_point',
          entityId: pointId!,
          orgId: home.id,
          orgPath: home.path,
          after: { name: body.name, kind: body.kind, lat: body.lat, lng: body.lng },
        });
        return pointId!;
      });
      return toView((await repo.findServicePoint(db, id))!);
    },

    async update(
      ctx: ServiceContext,
      scope: Scope,
      id: string,
      body: { [K in keyof PointInput]?: PointInput[K] | undefined },
    ): Promise<ServicePointView> {
      const point = await repo.findServicePoint(db, id);
      assertInScope(scope, point, 'employment/service-point-not-found');
      const patch = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
      if (Object.keys(patch).length === 0) {
        return toView(point);
      }
      await db.transaction(async (tx) => {
        await repo.updateServicePoint(tx, id, patch);
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'service_point',
          entityId: id,
          orgId: point.orgId,
          orgPath: point.orgPath,
          after: patch,
        });
      });
      return toView((await repo.findServicePoint(db, id))!);
    },
  };
}

export type ServicePointService = ReturnType<typeof createServicePointService>;

import { randomBytes, randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.ts';
import {
  type Actor,
  hasPermission,
  resolveScope,
  type Scope,
  scopeIncludes,
} from '../../platform/auth/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { sortKey } from '../../platform/sort-key.ts';
import type { Directory } from './benefits.directory.ts';
import { chinaDate, evaluateEligibility, wholeYearsBetween } from './benefits.eligibility.ts';
import { assertInScope, maskName } from './benefits.policies.ts';
import * as repo from './benefits.repository.ts';
import type {
  ApplicationView,
  CreateRouteBody,
  DepartureInput,
  LotteryResultView,
  RouteListQuery,
  RouteView,
} from './benefits.schemas.ts';
import { resolveEligibility, type StoredEligibility } from './campaign.service.ts';
import { drawLottery, type PriorityRule, tierOf } from './recuperation.lottery.ts';

export interface RecuperationServiceDeps {
  db: Db;
  clock: Clock;
  directory: Directory;
}

export const LOTTERY_ALGORITHM =
  'Sort applications by priority tier (0 first), then by SHA-256(seed + "\\u0000" + applicationId) as hex, then by id; the first `places` win, the rest form the waitlist in that order.';

export function createRecuperationService({ db, clock, directory }: RecuperationServiceDeps) {
  function departureView(d: Awaited<ReturnType<typeof repo.departuresOf>>[number]) {
    return {
      id: d.departure.id,
      routeId: d.departure.routeId,
      departDate: d.departure.departDate,
      places: d.departure.places,
      applyStartsAt: d.departure.applyStartsAt.toISOString(),
      applyEndsAt: d.departure.applyEndsAt.toISOString(),
      status: d.departure.status as 'open',
      applicants: d.applicants,
      placesTaken: d.placesTaken,
      seed: d.departure.seed,
    };
  }

  async function toViews(rows: repo.RouteRow[], withDepartures: boolean): Promise<RouteView[]> {
    const departures = withDepartures
      ? await repo.departuresOf(
          db,
          rows.map((r) => r.id),
        )
      : [];
    return rows.map((r) => {
      const e = r.eligibility as StoredEligibility;
      const view: RouteView = {
        id: r.id,
        orgId: r.orgId,
        name: r.name,
        region: r.region,
        summary: r.summary,
        itinerary: r.itinerary as RouteView['itinerary'],
        days: r.days,
        costFen: r.costFen,
        featured: r.featured,
        eligibility: {
          orgIds: e.orgIds,
          tagsAny: e.tagsAny,
          tagsAll: e.tagsAll,
          minMembershipYears: e.minMembershipYears,
        },
        priorities: r.priorities as PriorityRule[],
        status: r.status,
      };
      if (withDepartures) {
        view.departures = departures.filter((d) => d.departure.routeId === r.id).map(departureView);
      }
      return view;
    });
  }

  function applicationView(a: repo.ApplicationRow, routeName: string, departDate: string): ApplicationView {
    return {
      id: a.id,
      departureId: a.departureId,
      routeId: a.routeId,
      routeName,
      departDate,
      memberId: a.memberId,
      memberName: a.memberName,
      tier: a.tier,
      membershipYears: a.membershipYears,
      status: a.status as ApplicationView['status'],
      drawOrder: a.drawOrder,
      waitlistRank: a.waitlistRank,
      createdAt: a.createdAt.toISOString(),
    };
  }

  async function routeVisibleTo(actor: Actor, id: string): Promise<repo.RouteRow> {
    const route = await repo.findRoute(db, id);
    if (route && hasPermission(actor, 'benefit:read', route.orgPath)) {
      return route;
    }
    const member = await directory.memberByAccount(actor.accountId);
    if (!route || !member || route.status !== 'published' || !member.orgPath.startsWith(route.orgPath)) {
      throw new AppError('benefits/route-not-found');
    }
    return route;
  }

  return {
    async list(actor: Actor, query: RouteListQuery) {
      const scope = resolveScope(actor.grants, 'benefit:read');
      const view = query.view ?? (scope.roots.length > 0 ? 'staff' : 'member');
      let where: { scope?: Scope; memberOrgPath?: string };
      if (view === 'staff') {
        where = { scope };
      } else {
        const member = await directory.memberByAccount(actor.accountId);
        if (!member) {
          return { items: [], nextCursor: null };
        }
        where = { memberOrgPath: member.orgPath };
      }
      const rows = await repo.listRoutes(
        db,
        where,
        { featured: query.featured === undefined ? undefined : query.featured === 'true', q: query.q },
        { after: decodeCursor(query.cursor), limit: query.limit + 1 },
      );
      const page = pageOf(rows, query.limit, (r) => ({ key: r.key, id: r.route.id }));
      return {
        items: await toViews(
          page.items.map((r) => r.route),
          true,
        ),
        nextCursor: page.nextCursor,
      };
    },

    async get(actor: Actor, id: string): Promise<RouteView> {
      return (await toViews([await routeVisibleTo(actor, id)], true))[0]!;
    },

    async create(ctx: ServiceContext, scope: Scope, body: CreateRouteBody): Promise<RouteView> {
      const org = await directory.organisation(body.orgId);
      if (!org || !scopeIncludes(scope, org.path)) {
        throw new AppError('benefits/route-not-found', { field: 'body.orgId' });
      }
      const eligibility = await resolveEligibility(directory, org, body.eligibility);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const [created] = await repo.insertRoutes(tx, [
          {
            id: randomUUID(),
            orgId: org.id,
            orgPath: org.path,
            name: body.name,
            nameKey: sortKey(body.name),
            region: body.region,
            summary: body.summary ?? null,
            itinerary: body.itinerary,
            days: body.days,
            costFen: body.costFen,
            featured: body.featured,
            eligibility,
            priorities: body.priorities,
            status: 'published',
            createdBy: ctx.actor?.accountId ?? null,
            createdAt: now,
            updatedAt: now,
          },
        ]);
        await recordAudit(tx, ctx.audit, {
          action: 'create',
          entity: 'recuperation_route',
          entityId: created!.id,
          orgId: org.id,
          orgPath: org.path,
          after: { name: body.name, days: body.days, featured: body.featured },
        });
        return created!;
      });
      return (await toViews([row], true))[0]!;
    },

    async addDeparture(ctx: ServiceContext, scope: Scope, routeId: string, input: DepartureInput) {
      const route = await repo.findRoute(db, routeId);
      assertInScope(scope, route, 'benefits/route-not-found');
      const starts = new Date(input.applyStartsAt);
      const ends = new Date(input.applyEndsAt);
      if (ends <= starts || input.departDate < chinaDate(ends)) {
        throw new AppError('benefits/campaign-invalid', {
          field: 'body.applyEndsAt',
          params: { reason: 'applyEndsAt / departDate' },
        });
      }
      await db.transaction(async (tx) => {
        const [departure] = await repo.insertDepartures(tx, [
          {
            id: randomUUID(),
            routeId,
            departDate: input.departDate,
            places: input.places,
            applyStartsAt: starts,
            applyEndsAt: ends,
            status: 'open',
            createdAt: clock.now(),
          },
        ]);
        await recordAudit(tx, ctx.audit, {
          action: 'create',
          entity: 'recuperation_departure',
          entityId: departure!.id,
          orgId: route.orgId,
          orgPath: route.orgPath,
          after: input,
        });
      });
      return (await toViews([route], true))[0]!;
    },

    /** A member applies for a departure, or an enterprise union (benefit:manage over the member) for one of its members. */
    async apply(ctx: ServiceContext, actor: Actor, departureId: string, memberId: string | undefined) {
      const found = await repo.findDeparture(db, departureId);
      if (!found) {
        throw new AppError('benefits/departure-not-found');
      }
      const { departure, route } = found;
      const member = memberId
        ? await directory.member(memberId)
        : await directory.memberByAccount(actor.accountId);
      if (!member) {
        throw new AppError(memberId ? 'benefits/application-not-found' : 'benefits/not-a-member', {
          ...(memberId ? { field: 'body.memberId' } : {}),
        });
      }
      if (memberId && !hasPermission(actor, 'benefit:manage', member.orgPath)) {
        throw new AppError('auth/out-of-scope', { field: 'body.memberId' });
      }
      const now = clock.now();
      if (route.status !== 'published' || !member.orgPath.startsWith(route.orgPath)) {
        throw new AppError('benefits/departure-not-found');
      }
      if (departure.status !== 'open' || now < departure.applyStartsAt || now >= departure.applyEndsAt) {
        throw new AppError('benefits/application-window', {
          params: { start: departure.applyStartsAt.toISOString(), end: departure.applyEndsAt.toISOString() },
        });
      }
      if (!evaluateEligibility(route.eligibility as StoredEligibility, member, now).eligible) {
        throw new AppError('benefits/not-eligible');
      }
      const years = wholeYearsBetween(member.joinDate, chinaDate(now));
      const tier = tierOf(route.priorities as PriorityRule[], { tags: member.tags, years });
      const row = await db.transaction(async (tx) => {
        const inserted = await repo.insertApplication(tx, {
          id: randomUUID(),
          departureId,
          routeId: route.id,
          memberId: member.memberId,
          memberName: member.name,
          accountId: member.accountId,
          appliedBy: actor.accountId,
          memberOrgPath: member.orgPath,
          tier,
          membershipYears: years,
          status: 'applied',
          createdAt: now,
          updatedAt: now,
        });
        if (!inserted) {
          throw new AppError('benefits/already-applied');
        }
        await recordAudit(tx, ctx.audit, {
          action: 'create',
          entity: 'recuperation_application',
          entityId: inserted.id,
          orgId: member.orgId,
          orgPath: member.orgPath,
          after: { departureId, memberId: member.memberId, tier },
        });
        return inserted;
      });
      return applicationView(row, route.name, departure.departDate);
    },

    /**
     * Cancels an application (its member, or staff over the member). A winner's place goes
     * to the first on the waitlist, under the departure's row lock.
     */
    async cancel(ctx: ServiceContext, actor: Actor, applicationId: string) {
      const app = await repo.findApplication(db, applicationId);
      const mayAct =
        app && (app.memberId === actor.memberId || hasPermission(actor, 'benefit:manage', app.memberOrgPath));
      if (!app || !mayAct) {
        throw new AppError('benefits/application-not-found');
      }
      const now = clock.now();
      const promoted = await db.transaction(async (tx) => {
        const found = (await repo.findDeparture(tx, app.departureId, true))!;
        const current = (await repo.findApplication(tx, applicationId))!;
        if (current.status === 'cancelled') {
          return null;
        }
        await repo.updateApplication(tx, applicationId, {
          status: 'cancelled',
          updatedAt: now,
          waitlistRank: null,
        });
        let next: repo.ApplicationRow | undefined;
        if (current.status === 'won') {
          next = await repo.nextWaitlisted(tx, app.departureId);
          if (next) {
            await repo.updateApplication(tx, next.id, { status: 'won', waitlistRank: null, updatedAt: now });
          }
        }
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'recuperation_application',
          entityId: applicationId,
          orgPath: found.route.orgPath,
          orgId: found.route.orgId,
          before: { status: current.status },
          after: { status: 'cancelled', promoted: next?.id ?? null },
        });
        return next?.id ?? null;
      });
      return { cancelled: applicationId, promoted };
    },

    /** Draws the places once applications close: seeded, reproducible, published with the seed. */
    async draw(ctx: ServiceContext, scope: Scope, departureId: string, seed: string | undefined) {
      const now = clock.now();
      const result = await db.transaction(async (tx) => {
        const found = await repo.findDeparture(tx, departureId, true);
        if (!found || !scopeIncludes(scope, found.route.orgPath)) {
          throw new AppError('benefits/departure-not-found');
        }
        const { departure, route } = found;
        if (departure.status !== 'open' || now < departure.applyEndsAt) {
          throw new AppError('benefits/draw-not-allowed');
        }
        const usedSeed = seed ?? randomBytes(16).toString('hex');
        const apps = (await repo.applicationsOfDeparture(tx, departureId)).filter(
          (a) => a.status === 'applied',
        );
        const outcome = drawLottery(
          usedSeed,
          departure.places,
          apps.map((a) => ({ id: a.id, tier: a.tier })),
        );
        let rank = 0;
        for (const entry of outcome.order) {
          await repo.updateApplication(tx, entry.id, {
            status: entry.won ? 'won' : 'waitlisted',
            drawOrder: entry.position,
            waitlistRank: entry.won ? null : ++rank,
            updatedAt: now,
          });
        }
        const published = {
          algorithm: LOTTERY_ALGORITHM,
          seed: usedSeed,
          places: departure.places,
          priorities: route.priorities,
          order: outcome.order.map((e) => ({
            applicationId: e.id,
            tier: e.tier,
            ticket: e.ticket,
            position: e.position,
            won: e.won,
          })),
        };
        await repo.updateDeparture(tx, departureId, {
          status: 'drawn',
          seed: usedSeed,
          drawnAt: now,
          drawnBy: ctx.actor?.accountId ?? null,
          result: published,
        });
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'recuperation_departure',
          entityId: departureId,
          orgId: route.orgId,
          orgPath: route.orgPath,
          detail: `lottery drawn with seed ${usedSeed}: ${outcome.winners.length} places, ${outcome.waitlist.length} waitlisted`,
        });
        return published;
      });
      return { departureId, winners: result.order.filter((o) => o.won).length, seed: result.seed };
    },

    /** The published draw of a departure, names masked: anyone who may see the route may check it. */
    async lottery(actor: Actor, departureId: string): Promise<LotteryResultView> {
      const found = await repo.findDeparture(db, departureId);
      if (!found) {
        throw new AppError('benefits/departure-not-found');
      }
      await routeVisibleTo(actor, found.route.id);
      const result = found.departure.result as
        | (Omit<LotteryResultView, 'departureId' | 'drawnAt' | 'order'> & {
            order: Omit<LotteryResultView['order'][number], 'memberName'>[];
          })
        | null;
      if (!result || !found.departure.drawnAt) {
        throw new AppError('benefits/draw-not-allowed');
      }
      const names = new Map(
        (await repo.applicationsOfDeparture(db, departureId)).map((a) => [a.id, maskName(a.memberName)]),
      );
      return {
        departureId,
        seed: result.seed,
        algorithm: result.algorithm,
        places: result.places,
        priorities: result.priorities,
        drawnAt: found.departure.drawnAt.toISOString(),
        order: result.order.map((o) => ({ ...o, memberName: names.get(o.applicationId) ?? '*' })),
      };
    },

    async applications(scope: Scope, departureId: string) {
      const found = await repo.findDeparture(db, departureId);
      if (!found || !scopeIncludes(scope, found.route.orgPath)) {
        throw new AppError('benefits/departure-not-found');
      }
      const rows = await repo.applicationsOfDeparture(db, departureId);
      return { items: rows.map((a) => applicationView(a, found.route.name, found.departure.departDate)) };
    },

    async mine(actor: Actor) {
      if (!actor.memberId) {
        return { items: [] };
      }
      const rows = await repo.applicationsOfMember(db, actor.memberId);
      return { items: rows.map((r) => applicationView(r.application, r.routeName, r.departDate)) };
    },
  };
}

export type RecuperationService = ReturnType<typeof createRecuperationService>;

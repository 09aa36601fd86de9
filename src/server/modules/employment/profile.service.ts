import { recordAudit } from '../../platform/audit/audit.ts';
import type { Actor, Scope } from '../../platform/auth/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { maskPhone } from '../../platform/identity.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import type { OrgModule } from '../org/index.ts';
import { nextCursorOf, offsetOf } from './employer.service.ts';
import * as repo from './employment.repository.ts';
import type { ProfileView, UpdateProfileBody } from './employment.schemas.ts';
import { normalizeCity, searchTextOf } from './employment.text.ts';
import { jobViews } from './job.service.ts';
import type { MatchIndex } from './match-index.service.ts';
import { recommendJobsForWorker } from './recommendation.seam.ts';

export function profileView(row: repo.ProfileRow, unmasked: boolean): ProfileView {
  return {
    id: row.id,
    accountId: row.accountId,
    memberId: row.memberId,
    orgId: row.orgId,
    externalId: row.externalId,
    name: row.name,
    phone: row.phone && !unmasked ? maskPhone(row.phone) : row.phone,
    desiredTrades: row.desiredTrades,
    summary: row.summary,
    skills: row.skills,
    certificates: row.certificates,
    education: row.education,
    school: row.school,
    years: row.years,
    hometownProvince: row.hometownProvince,
    city: row.city,
    lat: row.lat,
    lng: row.lng,
    maxCommuteKm: row.maxCommuteKm,
    willingToRelocate: row.willingToRelocate,
    expectedSalary: row.expectedSalary,
    languages: row.languages,
    visible: row.visible,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function profileSearchText(p: {
  name: string;
  desiredTrades: readonly string[];
  skills: readonly string[];
  certificates: readonly string[];
  summary: string;
  school?: string | null | undefined;
  city?: string | null | undefined;
  hometownProvince?: string | null | undefined;
}): string {
  return searchTextOf([
    p.name,
    p.desiredTrades,
    p.skills,
    p.certificates,
    p.school,
    p.city,
    p.hometownProvince,
    p.summary,
  ]);
}

export function createProfileService({
  db,
  clock,
  org,
  matching,
}: {
  db: Db;
  clock: Clock;
  org: OrgModule;
  matching: MatchIndex;
}) {
  /** Where a person's profile is kept: their member organisation, else where their first role is held, else the root. */
  async function homeOf(actor: Actor): Promise<{ id: string; path: string }> {
    const grant = actor.grants.find((g) => g.role === 'member' || g.role === 'job_seeker') ?? actor.grants[0];
    if (grant) {
      return { id: grant.orgId, path: grant.orgPath };
    }
    const root = await org.organisations.root();
    if (!root) {
      throw new AppError('org/organisation-not-found');
    }
    return { id: root.id, path: root.path };
  }

  /** The caller's profile, created empty on first use (one-tap apply needs one). */
  async function ensure(executor: Executor, actor: Actor): Promise<repo.ProfileRow> {
    const existing = await repo.findProfileByAccount(executor, actor.accountId);
    if (existing) {
      return existing;
    }
    const home = await homeOf(actor);
    const member = actor.memberId ? await org.members.ofAccount(actor.accountId) : null;
    const name = member?.name ?? actor.displayName;
    const inserted = await repo.insertProfiles(executor, [
      {
        accountId: actor.accountId,
        memberId: actor.memberId,
        orgId: home.id,
        orgPath: home.path,
        name,
        phone: member?.phone ?? null,
        desiredTrades: member?.trade ? [member.trade] : [],
        searchText: profileSearchText({
          name,
          desiredTrades: member?.trade ? [member.trade] : [],
          skills: [],
          certificates: [],
          summary: '',
        }),
        createdAt: clock.now(),
        updatedAt: clock.now(),
      },
    ]);
    // `ensure` runs outside any transaction (on `db`), so the row is committed here.
    await matching.profilesChanged(inserted);
    return (await repo.findProfileByAccount(executor, actor.accountId))!;
  }

  return {
    ensure,

    async mine(ctx: ServiceContext): Promise<ProfileView> {
      const actor = ctx.actor;
      if (!actor) {
        throw new AppError('auth/unauthenticated');
      }
      return profileView(await ensure(db, actor), true);
    },

    async update(ctx: ServiceContext, body: UpdateProfileBody): Promise<ProfileView> {
      const actor = ctx.actor;
      if (!actor) {
        throw new AppError('auth/unauthenticated');
      }
      const before = await ensure(db, actor);
      const merged = {
        name: body.name ?? before.name,
        desiredTrades: body.desiredTrades ?? before.desiredTrades,
        summary: body.summary ?? before.summary,
        skills: body.skills ?? before.skills,
        certificates: body.certificates ?? before.certificates,
        education: body.education === undefined ? before.education : body.education,
        school: body.school === undefined ? before.school : body.school,
        years: body.years === undefined ? before.years : body.years,
        hometownProvince:
          body.hometownProvince === undefined ? before.hometownProvince : body.hometownProvince,
        city: body.city === undefined ? before.city : body.city === null ? null : normalizeCity(body.city),
        lat: body.lat === undefined ? before.lat : body.lat,
        lng: body.lng === undefined ? before.lng : body.lng,
        maxCommuteKm: body.maxCommuteKm === undefined ? before.maxCommuteKm : body.maxCommuteKm,
        willingToRelocate: body.willingToRelocate ?? before.willingToRelocate,
        expectedSalary: body.expectedSalary === undefined ? before.expectedSalary : body.expectedSalary,
        languages: body.languages ?? before.languages,
        visible: body.visible ?? before.visible,
      };
      await db.transaction(async (tx) => {
        await repo.updateProfile(tx, before.id, {
          ...merged,
          memberId: actor.memberId ?? before.memberId,
          searchText: profileSearchText(merged),
          updatedAt: clock.now(),
        });
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'profile',
          entityId: before.id,
          orgId: before.orgId,
          orgPath: before.orgPath,
          after: { fields: Object.keys(body), visible: merged.visible },
        });
      });
      await matching.profilesChanged([before.id]);
      return profileView((await repo.findProfile(db, before.id))!, true);
    },

    /** Union staff: profiles kept in their subtree, phones masked. */
    async list(
      _ctx: ServiceContext,
      scope: Scope,
      query: {
        q?: string | undefined;
        hometownProvince?: string | undefined;
        city?: string | undefined;
        limit: number;
        cursor?: string | undefined;
      },
    ) {
      const offset = offsetOf(query.cursor);
      const rows = await repo.listProfiles(
        db,
        scope,
        {
          q: query.q,
          hometownProvince: query.hometownProvince,
          city: query.city ? normalizeCity(query.city) : undefined,
        },
        { offset, limit: query.limit },
      );
      const total = rows[0]?.total ?? 0;
      return {
        items: rows.map((r) => profileView(r.profile, false)),
        nextCursor: nextCursorOf(offset, query.limit, total),
        total,
      };
    },

    /** "Recommended for you", through the matching seam. */
    async recommended(ctx: ServiceContext, limit: number) {
      const actor = ctx.actor;
      if (!actor) {
        throw new AppError('auth/unauthenticated');
      }
      const profile = await ensure(db, actor);
      const rows = await recommendJobsForWorker(db, matching, profile, limit, ctx.locale);
      return { items: await jobViews(db, rows, ctx.locale) };
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;

import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.ts';
import { type Actor, resolveScope, type Scope, scopeIncludes } from '../../platform/auth/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import type { Directory } from './benefits.directory.ts';
import { type EligibilityRule, evaluateEligibility } from './benefits.eligibility.ts';
import {
  assertCampaignStatus,
  assertInScope,
  assertNotMaker,
  campaignPhase,
  voucherLabel,
} from './benefits.policies.ts';
import * as repo from './benefits.repository.ts';
import type {
  CampaignListQuery,
  CampaignView,
  CreateCampaignBody,
  UpdateCampaignBody,
} from './benefits.schemas.ts';
import { VOUCHER_STATUSES, type VoucherStatus } from './voucher.state.ts';

export interface CampaignServiceDeps {
  db: Db;
  clock: Clock;
  directory: Directory;
}

/** Eligibility as stored: the rule plus the organisation ids it was written with. */
export type StoredEligibility = EligibilityRule & { orgIds: string[] };

export function eligibilityOf(campaign: { eligibility: unknown }): StoredEligibility {
  return campaign.eligibility as StoredEligibility;
}

type EligibilityInput = CreateCampaignBody['eligibility'];

/** Resolves the organisations of an eligibility rule; each must lie inside the owner's subtree. */
export async function resolveEligibility(
  directory: Directory,
  owner: { id: string; path: string },
  input: EligibilityInput,
): Promise<StoredEligibility> {
  const orgIds = input.orgIds.length > 0 ? [...new Set(input.orgIds)] : [owner.id];
  const orgPaths: string[] = [];
  for (const id of orgIds) {
    const org = await directory.organisation(id);
    if (!org?.path.startsWith(owner.path)) {
      throw new AppError('benefits/campaign-invalid', {
        field: 'body.eligibility.orgIds',
        params: { reason: 'eligibility.orgIds' },
      });
    }
    orgPaths.push(org.path);
  }
  return {
    orgIds,
    orgPaths,
    tagsAny: input.tagsAny,
    tagsAll: input.tagsAll,
    minMembershipYears: input.minMembershipYears,
  };
}

function invalid(field: string): AppError {
  return new AppError('benefits/campaign-invalid', { field: `body.${field}`, params: { reason: field } });
}

export function createCampaignService({ db, clock, directory }: CampaignServiceDeps) {
  async function toViews(rows: repo.CampaignRow[], myClaims?: Map<string, number>): Promise<CampaignView[]> {
    const names = await directory.organisationNames([...new Set(rows.map((r) => r.orgId))]);
    const now = clock.now();
    return rows.map((r) => {
      const e = eligibilityOf(r);
      const view: CampaignView = {
        id: r.id,
        orgId: r.orgId,
        orgName: names.get(r.orgId) ?? '',
        name: r.name,
        description: r.description,
        label: voucherLabel(r.faceValueFen, r.thresholdFen),
        faceValueFen: r.faceValueFen,
        thresholdFen: r.thresholdFen,
        totalCount: r.totalCount,
        budgetFen: r.totalCount * r.faceValueFen,
        remaining: r.remaining,
        claimed: r.totalCount - r.remaining,
        perMemberLimit: r.perMemberLimit,
        claimStartsAt: r.claimStartsAt.toISOString(),
        claimEndsAt: r.claimEndsAt.toISOString(),
        validFrom: r.validFrom.toISOString(),
        validUntil: r.validUntil.toISOString(),
        eligibility: {
          orgIds: e.orgIds,
          tagsAny: e.tagsAny,
          tagsAll: e.tagsAll,
          minMembershipYears: e.minMembershipYears,
        },
        acceptMerchantIds: r.acceptMerchantIds,
        acceptCategories: r.acceptCategories,
        reversalWindowMinutes: r.reversalWindowMinutes,
        status: r.status as CampaignView['status'],
        phase: campaignPhase(r, now),
        createdBy: r.createdBy,
        approvedBy: r.approvedBy,
        approvedAt: r.approvedAt?.toISOString() ?? null,
        rejectedReason: r.rejectedReason,
        returnedCount: r.returnedCount,
      };
      if (myClaims) {
        view.myClaimed = myClaims.get(r.id) ?? 0;
      }
      return view;
    });
  }

  async function one(row: repo.CampaignRow): Promise<CampaignView> {
    return (await toViews([row]))[0]!;
  }

  async function loadInScope(executor: Executor, scope: Scope, id: string) {
    const row = await repo.findCampaign(executor, id);
    assertInScope(scope, row, 'benefits/campaign-not-found');
    return row;
  }

  function checkDates(c: {
    claimStartsAt: Date;
    claimEndsAt: Date;
    validFrom: Date;
    validUntil: Date;
    faceValueFen: number;
    thresholdFen: number;
  }) {
    if (c.claimEndsAt <= c.claimStartsAt) {
      throw invalid('claimEndsAt');
    }
    if (c.validUntil <= c.validFrom || c.validUntil <= c.claimStartsAt) {
      throw invalid('validUntil');
    }
    if (c.thresholdFen > 0 && c.thresholdFen <= c.faceValueFen) {
      throw invalid('thresholdFen');
    }
  }

  async function checkMerchants(ids: readonly string[]) {
    for (const id of ids) {
      if (!(await repo.findMerchant(db, id))) {
        throw invalid('acceptMerchantIds');
      }
    }
  }

  /** Members see approved campaigns funded on their organisation path that they are eligible for. */
  async function listForMember(actor: Actor) {
    const member = await directory.memberByAccount(actor.accountId);
    if (!member) {
      return { items: [], nextCursor: null };
    }
    const now = clock.now();
    const rows = (await repo.campaignsForMember(db, member.orgPath, now)).filter(
      (r) => evaluateEligibility(eligibilityOf(r), member, now).eligible,
    );
    const mine = await repo.claimCountsOf(
      db,
      member.memberId,
      rows.map((r) => r.id),
    );
    return { items: await toViews(rows, mine), nextCursor: null };
  }

  return {
    toViews,

    async list(actor: Actor, query: CampaignListQuery) {
      const scope = resolveScope(actor.grants, 'benefit:read');
      const view = query.view ?? (scope.roots.length > 0 ? 'staff' : 'member');
      if (view === 'member') {
        return listForMember(actor);
      }
      let orgPath: string | undefined;
      if (query.orgId) {
        const org = await directory.organisation(query.orgId);
        if (!org || !scopeIncludes(scope, org.path)) {
          throw new AppError('benefits/campaign-not-found', { field: 'query.orgId' });
        }
        orgPath = org.path;
      }
      const rows = await repo.listCampaignsInScope(
        db,
        scope,
        { status: query.status, orgPath },
        { after: decodeCursor(query.cursor), limit: query.limit + 1 },
      );
      const page = pageOf(rows, query.limit, (r) => ({
        key: r.claimStartsAt.toISOString().replace('Z', '').padEnd(26, '0'),
        id: r.id,
      }));
      return { items: await toViews(page.items), nextCursor: page.nextCursor };
    },

    /** Staff see campaigns in scope; members see a campaign they are eligible for. */
    async get(actor: Actor, id: string): Promise<CampaignView> {
      const row = await repo.findCampaign(db, id);
      const scope = resolveScope(actor.grants, 'benefit:read');
      if (row && scopeIncludes(scope, row.orgPath)) {
        return one(row);
      }
      const member = await directory.memberByAccount(actor.accountId);
      if (
        !row ||
        !member ||
        !['approved', 'closed'].includes(row.status) ||
        !evaluateEligibility(eligibilityOf(row), member, clock.now()).eligible
      ) {
        throw new AppError('benefits/campaign-not-found');
      }
      const mine = await repo.claimCountsOf(db, member.memberId, [row.id]);
      return (await toViews([row], mine))[0]!;
    },

    async create(ctx: ServiceContext, scope: Scope, body: CreateCampaignBody): Promise<CampaignView> {
      const org = await directory.organisation(body.orgId);
      if (!org || !scopeIncludes(scope, org.path)) {
        throw new AppError('benefits/campaign-not-found', { field: 'body.orgId' });
      }
      const dates = {
        claimStartsAt: new Date(body.claimStartsAt),
        claimEndsAt: new Date(body.claimEndsAt),
        validFrom: new Date(body.validFrom),
        validUntil: new Date(body.validUntil),
      };
      checkDates({ ...dates, faceValueFen: body.faceValueFen, thresholdFen: body.thresholdFen });
      await checkMerchants(body.acceptMerchantIds);
      const eligibility = await resolveEligibility(directory, org, body.eligibility);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertCampaign(tx, {
          id: randomUUID(),
          orgId: org.id,
          orgPath: org.path,
          name: body.name,
          description: body.description ?? null,
          faceValueFen: body.faceValueFen,
          thresholdFen: body.thresholdFen,
          totalCount: body.totalCount,
          remaining: body.totalCount,
          perMemberLimit: body.perMemberLimit,
          ...dates,
          eligibility,
          acceptMerchantIds: body.acceptMerchantIds,
          acceptCategories: body.acceptCategories,
          reversalWindowMinutes: body.reversalWindowMinutes,
          status: 'draft',
          createdBy: ctx.actor?.accountId ?? ctx.audit.accountId,
          createdAt: now,
          updatedAt: now,
        });
        await recordAudit(tx, ctx.audit, {
          action: 'create',
          entity: 'voucher_campaign',
          entityId: created.id,
          orgId: org.id,
          orgPath: org.path,
          after: { name: body.name, faceValueFen: body.faceValueFen, totalCount: body.totalCount },
        });
        return created;
      });
      return one(row);
    },

    async update(
      ctx: ServiceContext,
      scope: Scope,
      id: string,
      body: UpdateCampaignBody,
    ): Promise<CampaignView> {
      const row = await db.transaction(async (tx) => {
        const before = await loadInScope(tx, scope, id);
        await repo.lockCampaign(tx, id);
        assertCampaignStatus(before, ['draft', 'rejected']);
        const merged = {
          claimStartsAt: body.claimStartsAt ? new Date(body.claimStartsAt) : before.claimStartsAt,
          claimEndsAt: body.claimEndsAt ? new Date(body.claimEndsAt) : before.claimEndsAt,
          validFrom: body.validFrom ? new Date(body.validFrom) : before.validFrom,
          validUntil: body.validUntil ? new Date(body.validUntil) : before.validUntil,
          faceValueFen: body.faceValueFen ?? before.faceValueFen,
          thresholdFen: body.thresholdFen ?? before.thresholdFen,
        };
        checkDates(merged);
        await checkMerchants(body.acceptMerchantIds ?? []);
        const patch: Partial<repo.NewCampaign> = { ...merged, updatedAt: clock.now() };
        if (body.name !== undefined) {
          patch.name = body.name;
        }
        if (body.description !== undefined) {
          patch.description = body.description;
        }
        if (body.totalCount !== undefined) {
          patch.totalCount = body.totalCount;
          patch.remaining = body.totalCount;
        }
        if (body.perMemberLimit !== undefined) {
          patch.perMemberLimit = body.perMemberLimit;
        }
        if (body.eligibility !== undefined) {
          patch.eligibility = await resolveEligibility(
            directory,
            { id: before.orgId, path: before.orgPath },
            body.eligibility,
          );
        }
        if (body.acceptMerchantIds !== undefined) {
          patch.acceptMerchantIds = body.acceptMerchantIds;
        }
        if (body.acceptCategories !== undefined) {
          patch.acceptCategories = body.acceptCategories;
        }
        if (body.reversalWindowMinutes !== undefined) {
          patch.reversalWindowMinutes = body.reversalWindowMinutes;
        }
        await repo.updateCampaign(tx, id, patch);
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'voucher_campaign',
          entityId: id,
          orgId: before.orgId,
          orgPath: before.orgPath,
          before: { name: before.name, totalCount: before.totalCount, faceValueFen: before.faceValueFen },
          after: body,
        });
        return (await repo.findCampaign(tx, id))!;
      });
      return one(row);
    },

    /** Maker: sends a draft for approval. */
    async submit(ctx: ServiceContext, scope: Scope, id: string): Promise<CampaignView> {
      return transition(ctx, scope, id, ['draft', 'rejected'], 'pending', 'submitted for approval', () => ({
        submittedAt: clock.now(),
        rejectedReason: null,
      }));
    },

    /** Checker: approves a pending campaign; the creator never can. */
    async approve(ctx: ServiceContext, scope: Scope, id: string): Promise<CampaignView> {
      return transition(ctx, scope, id, ['pending'], 'approved', 'approved', (row) => {
        assertNotMaker(row, ctx.actor?.accountId ?? null);
        return { approvedBy: ctx.actor?.accountId ?? null, approvedAt: clock.now() };
      });
    },

    async reject(ctx: ServiceContext, scope: Scope, id: string, reason: string): Promise<CampaignView> {
      return transition(ctx, scope, id, ['pending'], 'rejected', `rejected: ${reason}`, (row) => {
        assertNotMaker(row, ctx.actor?.accountId ?? null);
        return { rejectedReason: reason };
      });
    },

    async progress(scope: Scope, id: string) {
      const row = await loadInScope(db, scope, id);
      const counts = await repo.campaignStatusCounts(db, [id]);
      const by = (s: VoucherStatus) => counts.filter((c) => c.status === s).reduce((n, c) => n + c.n, 0);
      const claimants = await repo.claimCountTotals(db, id);
      return {
        campaignId: id,
        totalCount: row.totalCount,
        remaining: row.remaining,
        claimed: row.totalCount - row.remaining,
        redeemed: by('redeemed'),
        reversed: by('reversed'),
        expired: by('expired'),
        claimants: claimants.members,
        phase: campaignPhase(row, clock.now()),
        at: clock.now().toISOString(),
      };
    },

    /** Campaign totals must equal the sum of voucher states, redemptions and history. */
    async reconciliation(scope: Scope, id: string) {
      return reconcile(await loadInScope(db, scope, id));
    },

    /**
     * After the validity period: expires every unused voucher and returns the budget of the
     * unclaimed and expired ones to the funder. Idempotent in effect: a closed campaign stays closed.
     */
    async close(ctx: ServiceContext, scope: Scope, id: string) {
      const now = clock.now();
      return db.transaction(async (tx) => {
        const before = await loadInScope(tx, scope, id);
        const row = (await repo.lockCampaign(tx, id))!;
        assertCampaignStatus(row, ['approved']);
        if (now < row.validUntil || now < row.claimEndsAt) {
          throw new AppError('benefits/campaign-wrong-status', { params: { status: 'valid' } });
        }
        const expired = await expireIn(tx, now, id, ctx.actor?.accountId ?? null);
        const expiredHere = expired.filter((e) => e.campaignId === id).length;
        const alreadyExpired = (await repo.campaignStatusCounts(tx, [id]))
          .filter((c) => c.status === 'expired')
          .reduce((n, c) => n + c.n, 0);
        const returnedCount = row.remaining + alreadyExpired;
        await repo.updateCampaign(tx, id, { status: 'closed', closedAt: now, returnedCount, updatedAt: now });
        await recordAudit(tx, ctx.audit, {
          action: 'close',
          entity: 'voucher_campaign',
          entityId: id,
          orgId: before.orgId,
          orgPath: before.orgPath,
          detail: `expired ${expiredHere}, unclaimed ${row.remaining}, returned ${returnedCount} × ${row.faceValueFen} fen`,
        });
        return {
          campaignId: id,
          expired: alreadyExpired,
          unclaimed: row.remaining,
          returnedCount,
          returnedFen: returnedCount * row.faceValueFen,
        };
      });
    },

    /** Expires every voucher past its validity, across campaigns (for a periodic job or the CLI). */
    async expireDue(): Promise<number> {
      return db.transaction(async (tx) => (await expireIn(tx, clock.now(), undefined, null)).length);
    },

    async overview(scope: Scope, orgId: string | undefined) {
      let orgPath: string | undefined;
      if (orgId) {
        const org = await directory.organisation(orgId);
        if (!org || !scopeIncludes(scope, org.path)) {
          throw new AppError('benefits/campaign-not-found', { field: 'query.orgId' });
        }
        orgPath = org.path;
      }
      const rows = await repo.overviewByOrganisation(db, scope, orgPath);
      const names = await directory.organisationNames(rows.map((r) => r.orgId));
      const byOrganisation = rows
        .map((r) => ({ ...r, orgName: names.get(r.orgId) ?? '' }))
        .sort((a, b) => b.budgetFen - a.budgetFen || a.orgId.localeCompare(b.orgId));
      const sum = (
        k:
          | 'campaigns'
          | 'budgetFen'
          | 'claimedFen'
          | 'redeemedFen'
          | 'orderAmountFen'
          | 'claimedCount'
          | 'redeemedCount',
      ) => rows.reduce((n, r) => n + r[k], 0);
      return {
        totals: {
          campaigns: sum('campaigns'),
          budgetFen: sum('budgetFen'),
          claimedFen: sum('claimedFen'),
          redeemedFen: sum('redeemedFen'),
          orderAmountFen: sum('orderAmountFen'),
          claimedCount: sum('claimedCount'),
          redeemedCount: sum('redeemedCount'),
        },
        byOrganisation,
      };
    },
  };

  async function transition(
    ctx: ServiceContext,
    scope: Scope,
    id: string,
    from: CampaignView['status'][],
    to: CampaignView['status'],
    detail: string,
    extra: (row: repo.CampaignRow) => Partial<repo.NewCampaign>,
  ): Promise<CampaignView> {
    const row = await db.transaction(async (tx) => {
      await loadInScope(tx, scope, id);
      const locked = (await repo.lockCampaign(tx, id))!;
      assertCampaignStatus(locked, from);
      const patch = extra(locked);
      await repo.updateCampaign(tx, id, { ...patch, status: to, updatedAt: clock.now() });
      await recordAudit(tx, ctx.audit, {
        action: 'update',
        entity: 'voucher_campaign',
        entityId: id,
        orgId: locked.orgId,
        orgPath: locked.orgPath,
        before: { status: locked.status },
        after: { status: to },
        detail,
      });
      return (await repo.findCampaign(tx, id))!;
    });
    return one(row);
  }

  async function expireIn(tx: Executor, now: Date, campaignId: string | undefined, actor: string | null) {
    const expired: { id: string; campaignId: string }[] = [];
    for (const from of ['issued', 'reversed'] as const) {
      const rows = await repo.expireVouchers(tx, from, now, campaignId);
      await repo.insertVoucherEvents(
        tx,
        rows.map((r) => ({
          voucherId: r.id,
          campaignId: r.campaignId,
          fromStatus: from,
          toStatus: 'expired',
          at: now,
          actorAccountId: actor,
        })),
      );
      expired.push(...rows);
    }
    return expired;
  }

  async function reconcile(row: repo.CampaignRow) {
    const id = row.id;
    const counts = await repo.campaignStatusCounts(db, [id]);
    const byStatus: Record<string, number> = Object.fromEntries(VOUCHER_STATUSES.map((s) => [s, 0]));
    for (const c of counts) {
      byStatus[c.status] = (byStatus[c.status] ?? 0) + c.n;
    }
    const vouchersTotal = Object.values(byStatus).reduce((a, b) => a + b, 0);
    const redemptions = await repo.campaignRedemptionTotals(db, id);
    const claims = await repo.claimCountTotals(db, id);
    const mismatches = await repo.historyMismatches(db, id);
    const claimed = row.totalCount - row.remaining;
    const face = row.faceValueFen;
    const checks = [
      { name: 'claimed = vouchers issued', expected: claimed, actual: vouchersTotal },
      { name: 'vouchers = member claim counters', expected: vouchersTotal, actual: claims.total },
      {
        name: 'redeemed vouchers = standing redemptions',
        expected: byStatus.redeemed ?? 0,
        actual: redemptions.count,
      },
      {
        name: 'redeemed face value = redemption discounts (fen)',
        expected: (byStatus.redeemed ?? 0) * face,
        actual: redemptions.discountFen,
      },
      { name: 'members over the per-member limit', expected: 0, actual: claims.overLimit },
      { name: 'vouchers whose status disagrees with their history', expected: 0, actual: mismatches },
      {
        name: 'budget = redeemed + outstanding + expired + unclaimed (fen)',
        expected: row.totalCount * face,
        actual:
          ((byStatus.redeemed ?? 0) +
            (byStatus.issued ?? 0) +
            (byStatus.reversed ?? 0) +
            (byStatus.expired ?? 0)) *
            face +
          row.remaining * face,
      },
    ];
    if (row.status === 'closed') {
      checks.push({
        name: 'returned = unclaimed + expired',
        expected: row.remaining + (byStatus.expired ?? 0),
        actual: row.returnedCount,
      });
    }
    const withOk = checks.map((c) => ({ ...c, ok: c.expected === c.actual }));
    return {
      campaignId: id,
      balanced: withOk.every((c) => c.ok),
      checks: withOk,
      byStatus,
      budgetFen: row.totalCount * face,
      redeemedFen: redemptions.discountFen,
      returnedFen: row.returnedCount * face,
      outstandingFen: ((byStatus.issued ?? 0) + (byStatus.reversed ?? 0)) * face,
    };
  }
}

export type CampaignService = ReturnType<typeof createCampaignService>;

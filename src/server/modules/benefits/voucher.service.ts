import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { type SheetColumn, writeXlsx } from '../../platform/files/tables.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import type { Directory } from './benefits.directory.ts';
import { chinaDate, evaluateEligibility, type MemberProfile } from './benefits.eligibility.ts';
import { merchantAccepts, merchantInContract, voucherLabel } from './benefits.policies.ts';
import * as repo from './benefits.repository.ts';
import type { RedeemBody, RedemptionView, StatementView, VoucherView } from './benefits.schemas.ts';
import { eligibilityOf } from './campaign.service.ts';
import type { MerchantService } from './merchant.service.ts';
import { codeIsFresh, currentCode, formatVoucherNo, type KeyedHash, parseCode } from './voucher.code.ts';
import { nextStatus, type VoucherStatus } from './voucher.state.ts';

export interface VoucherServiceDeps {
  db: Db;
  clock: Clock;
  directory: Directory;
  merchants: MerchantService;
  /** Keyed HMAC for the rotating codes (the platform's field-crypto lookup hash). */
  codeHash: KeyedHash;
}

/** An outcome to return to the client, possibly the replay of an earlier request with the same key. */
export interface Outcome<T> {
  statusCode: number;
  body: T;
  replayed: boolean;
}

/** Refusals stored under an Idempotency-Key: final for this request, so a retry sees the same. */
const STORED_REFUSALS = new Set(['benefits/sold-out', 'benefits/limit-reached', 'benefits/already-redeemed']);

interface StoredRefusal {
  error: { code: string; params: Record<string, string | number> };
}

function replay<T>(stored: repo.StoredOutcome, scope: string): Outcome<T> {
  if (stored.scope !== scope) {
    throw new AppError('benefits/idempotency-key-reused', { field: 'header.idempotency-key' });
  }
  const response = stored.response as T | StoredRefusal;
  if (stored.statusCode >= 400 && typeof response === 'object' && response !== null && 'error' in response) {
    throw new AppError(response.error.code, { params: response.error.params });
  }
  return { statusCode: stored.statusCode, body: response as T, replayed: true };
}

const CHINA_OFFSET = '+08:00';

function chinaDayStart(day: string): Date {
  return new Date(`${day}T00:00:00${CHINA_OFFSET}`);
}

function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

export function createVoucherService({ db, clock, directory, merchants, codeHash }: VoucherServiceDeps) {
  function effectiveStatus(v: repo.VoucherRow, now: Date): VoucherStatus {
    const status = v.status as VoucherStatus;
    return (status === 'issued' || status === 'reversed') && v.validUntil <= now ? 'expired' : status;
  }

  function toView(v: repo.VoucherRow, campaignName: string, now: Date): VoucherView {
    const status = effectiveStatus(v, now);
    return {
      id: v.id,
      no: formatVoucherNo(v.no),
      campaignId: v.campaignId,
      campaignName,
      label: voucherLabel(v.faceValueFen, v.thresholdFen),
      faceValueFen: v.faceValueFen,
      thresholdFen: v.thresholdFen,
      status,
      usable: (status === 'issued' || status === 'reversed') && v.validFrom <= now,
      validFrom: v.validFrom.toISOString(),
      validUntil: v.validUntil.toISOString(),
      issuedAt: v.issuedAt.toISOString(),
      redeemedAt: v.redeemedAt?.toISOString() ?? null,
    };
  }

  function redemptionView(
    r: repo.RedemptionRow,
    voucherNo: number,
    campaignName: string,
    windowMinutes: number | null,
  ): RedemptionView {
    return {
      id: r.id,
      voucherId: r.voucherId,
      voucherNo: formatVoucherNo(voucherNo),
      campaignId: r.campaignId,
      campaignName,
      merchantId: r.merchantId,
      outletId: r.outletId,
      orderAmountFen: r.orderAmountFen,
      discountFen: r.discountFen,
      payableFen: r.orderAmountFen - r.discountFen,
      redeemedAt: r.redeemedAt.toISOString(),
      status: r.status as RedemptionView['status'],
      reversibleUntil:
        r.status === 'completed' && windowMinutes !== null
          ? new Date(r.redeemedAt.getTime() + windowMinutes * 60_000).toISOString()
          : null,
      reversedAt: r.reversedAt?.toISOString() ?? null,
      reverseReason: r.reverseReason,
    };
  }

  async function memberOf(actor: Actor): Promise<MemberProfile> {
    const member = await directory.memberByAccount(actor.accountId);
    if (!member) {
      throw new AppError('benefits/not-a-member');
    }
    return member;
  }

  async function ownVoucher(actor: Actor, id: string) {
    const found = await repo.findVoucher(db, id);
    if (!found || !actor.memberId || found.voucher.memberId !== actor.memberId) {
      throw new AppError('benefits/voucher-not-found');
    }
    return found;
  }

  /**
   * Claims one voucher. Exactly the budgeted number is ever issued: the stock is taken by a
   * conditional UPDATE and the per-member limit by a guarded upsert, in one transaction
   * that commits before the response. With an Idempotency-Key the outcome is stored in the
   * same transaction, so a retry — on any API process — returns it instead of claiming again.
   */
  async function claim(
    ctx: ServiceContext,
    actor: Actor,
    campaignId: string,
    idempotencyKey: string | undefined,
  ): Promise<Outcome<VoucherView>> {
    const keyScope = `claim:${campaignId}`;
    if (idempotencyKey) {
      const stored = await repo.findIdempotencyKey(db, actor.accountId, idempotencyKey);
      if (stored) {
        return replay(stored, keyScope);
      }
    }
    const member = await memberOf(actor);
    const campaign = await repo.findCampaign(db, campaignId);
    if (!campaign || !['approved', 'closed'].includes(campaign.status)) {
      throw new AppError('benefits/campaign-not-found');
    }
    const now = clock.now();
    if (!evaluateEligibility(eligibilityOf(campaign), member, now).eligible) {
      throw new AppError('benefits/not-eligible');
    }
    if (campaign.status !== 'approved' || now < campaign.claimStartsAt || now >= campaign.claimEndsAt) {
      throw new AppError('benefits/claim-not-open', {
        params: { start: campaign.claimStartsAt.toISOString(), end: campaign.claimEndsAt.toISOString() },
      });
    }
    try {
      // Early refusals from a plain read; the grant itself is decided only by the guarded writes below.
      if (campaign.remaining <= 0) {
        throw new AppError('benefits/sold-out');
      }
      const held = (await repo.claimCountsOf(db, member.memberId, [campaignId])).get(campaignId) ?? 0;
      if (held >= campaign.perMemberLimit) {
        throw new AppError('benefits/limit-reached', { params: { limit: campaign.perMemberLimit } });
      }
      return await db.transaction(async (tx) => {
        if (idempotencyKey) {
          const stored = await repo.reserveIdempotencyKey(tx, actor.accountId, idempotencyKey, keyScope, now);
          if (stored) {
            return replay<VoucherView>(stored, keyScope);
          }
        }
        const seq = await repo.bumpClaimCount(tx, campaignId, member.memberId, campaign.perMemberLimit);
        if (seq === null) {
          throw new AppError('benefits/limit-reached', { params: { limit: campaign.perMemberLimit } });
        }
        const voucher = await repo.insertVoucher(tx, {
          id: randomUUID(),
          campaignId,
          memberId: member.memberId,
          accountId: actor.accountId,
          memberOrgId: member.orgId,
          memberOrgPath: member.orgPath,
          seq,
          faceValueFen: campaign.faceValueFen,
          thresholdFen: campaign.thresholdFen,
          status: 'issued',
          validFrom: campaign.validFrom,
          validUntil: campaign.validUntil,
          issuedAt: now,
          updatedAt: now,
        });
        await repo.insertVoucherEvents(tx, [
          {
            voucherId: voucher.id,
            campaignId,
            fromStatus: null,
            toStatus: 'issued',
            at: now,
            actorAccountId: actor.accountId,
          },
        ]);
        await recordAudit(tx, ctx.audit, {
          action: 'create',
          entity: 'voucher',
          entityId: voucher.id,
          orgId: member.orgId,
          orgPath: member.orgPath,
          detail: `claimed from campaign ${campaignId}`,
        });
        const view = toView(voucher, campaign.name, now);
        if (idempotencyKey) {
          await repo.saveIdempotentOutcome(tx, actor.accountId, idempotencyKey, {
            statusCode: 201,
            response: view,
          });
        }
        // Last, so the one hot row is locked only for this statement and the commit.
        if (!(await repo.takeFromStock(tx, campaignId, now))) {
          throw new AppError('benefits/sold-out');
        }
        return { statusCode: 201, body: view, replayed: false };
      });
    } catch (error) {
      if (idempotencyKey && error instanceof AppError && STORED_REFUSALS.has(error.code)) {
        const status =
          error.code === 'benefits/sold-out' || error.code === 'benefits/limit-reached' ? 409 : 409;
        await repo.storeIdempotentRefusal(
          db,
          actor.accountId,
          idempotencyKey,
          keyScope,
          { statusCode: status, response: { error: { code: error.code, params: error.params } } },
          now,
        );
      }
      throw error;
    }
  }

  /**
   * Redeems the voucher behind a rotating code at the cashier's merchant. The voucher row is
   * locked and moved by a conditional UPDATE, so of two outlets at the same moment exactly
   * one succeeds and the other gets `benefits/already-redeemed` (409).
   */
  async function redeem(
    ctx: ServiceContext,
    actor: Actor,
    body: RedeemBody,
    idempotencyKey: string | undefined,
  ): Promise<Outcome<RedemptionView>> {
    const link = await merchants.merchantOf(actor);
    const merchant = link.merchant;
    const now = clock.now();
    const keyScope = `redeem:${body.code}`;
    if (idempotencyKey) {
      const stored = await repo.findIdempotencyKey(db, actor.accountId, idempotencyKey);
      if (stored) {
        return replay(stored, keyScope);
      }
    }
    if (!merchantInContract(merchant, chinaDate(now))) {
      throw new AppError('benefits/merchant-inactive');
    }
    const outletId = body.outletId ?? link.outletId;
    if (body.outletId) {
      const outlets = await repo.outletsOf(db, [merchant.id]);
      if (!outlets.some((o) => o.id === body.outletId)) {
        throw new AppError('benefits/outlet-not-found', { field: 'body.outletId' });
      }
    }
    const parsed = parseCode(body.code);
    const voucher = parsed ? await repo.findVoucherByNo(db, parsed.no) : undefined;
    if (!parsed || !voucher || !codeIsFresh(codeHash, voucher.id, parsed.otp, now)) {
      throw new AppError('benefits/code-invalid', { field: 'body.code' });
    }
    const campaign = (await repo.findCampaign(db, voucher.campaignId))!;
    if (!merchantAccepts(campaign, merchant)) {
      throw new AppError('benefits/merchant-not-accepted');
    }
    if (body.orderAmountFen < voucher.thresholdFen) {
      throw new AppError('benefits/below-threshold', {
        field: 'body.orderAmountFen',
        params: { threshold: yuan(voucher.thresholdFen) },
      });
    }
    try {
      return await db.transaction(async (tx) => {
        if (idempotencyKey) {
          const stored = await repo.reserveIdempotencyKey(tx, actor.accountId, idempotencyKey, keyScope, now);
          if (stored) {
            return replay<RedemptionView>(stored, keyScope);
          }
        }
        const locked = (await repo.lockVoucher(tx, voucher.id))!;
        const from = locked.status as VoucherStatus;
        if (from === 'redeemed') {
          throw new AppError('benefits/already-redeemed', {
            params: { at: locked.redeemedAt ? locked.redeemedAt.toISOString() : '' },
          });
        }
        if (nextStatus(from, 'redeem') === null || now >= locked.validUntil) {
          throw new AppError('benefits/voucher-expired');
        }
        if (now < locked.validFrom) {
          throw new AppError('benefits/voucher-not-yet-valid', {
            params: { from: locked.validFrom.toISOString() },
          });
        }
        if (!(await repo.setVoucherStatus(tx, voucher.id, from, 'redeemed', now, { redeemedAt: now }))) {
          throw new AppError('benefits/already-redeemed', { params: { at: now.toISOString() } });
        }
        const redemption = await repo.insertRedemption(tx, {
          id: randomUUID(),
          voucherId: voucher.id,
          campaignId: campaign.id,
          merchantId: merchant.id,
          outletId,
          cashierAccountId: actor.accountId,
          orderAmountFen: body.orderAmountFen,
          discountFen: voucher.faceValueFen,
          redeemedAt: now,
          status: 'completed',
        });
        await repo.insertVoucherEvents(tx, [
          {
            voucherId: voucher.id,
            campaignId: campaign.id,
            fromStatus: from,
            toStatus: 'redeemed',
            at: now,
            actorAccountId: actor.accountId,
            merchantId: merchant.id,
            outletId,
            redemptionId: redemption.id,
          },
        ]);
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'voucher',
          entityId: voucher.id,
          orgId: merchant.orgId,
          orgPath: merchant.orgPath,
          before: { status: from },
          after: { status: 'redeemed', redemptionId: redemption.id, orderAmountFen: body.orderAmountFen },
          detail: `redeemed at ${merchant.name}`,
        });
        const view = redemptionView(redemption, voucher.no, campaign.name, campaign.reversalWindowMinutes);
        if (idempotencyKey) {
          await repo.saveIdempotentOutcome(tx, actor.accountId, idempotencyKey, {
            statusCode: 201,
            response: view,
          });
        }
        return { statusCode: 201, body: view, replayed: false };
      });
    } catch (error) {
      if (idempotencyKey && error instanceof AppError && STORED_REFUSALS.has(error.code)) {
        await repo.storeIdempotentRefusal(
          db,
          actor.accountId,
          idempotencyKey,
          keyScope,
          { statusCode: 409, response: { error: { code: error.code, params: error.params } } },
          now,
        );
      }
      throw error;
    }
  }

  /** Reverses a redemption of this merchant within the campaign's window; the member gets the voucher back. */
  async function reverse(ctx: ServiceContext, actor: Actor, redemptionId: string, reason: string) {
    const link = await merchants.merchantOf(actor);
    const found = await repo.findRedemption(db, redemptionId);
    if (!found || found.redemption.merchantId !== link.merchant.id) {
      throw new AppError('benefits/redemption-not-found');
    }
    const campaign = (await repo.findCampaign(db, found.redemption.campaignId))!;
    const now = clock.now();
    const notBefore = new Date(now.getTime() - campaign.reversalWindowMinutes * 60_000);
    await db.transaction(async (tx) => {
      await repo.lockVoucher(tx, found.redemption.voucherId);
      const reversed = await repo.reverseRedemption(tx, redemptionId, {
        now,
        by: actor.accountId,
        reason,
        notBefore,
      });
      if (
        !reversed ||
        !(await repo.setVoucherStatus(tx, found.redemption.voucherId, 'redeemed', 'reversed', now))
      ) {
        throw new AppError('benefits/reversal-not-allowed', {
          params: { minutes: campaign.reversalWindowMinutes },
        });
      }
      await repo.insertVoucherEvents(tx, [
        {
          voucherId: found.redemption.voucherId,
          campaignId: campaign.id,
          fromStatus: 'redeemed',
          toStatus: 'reversed',
          at: now,
          actorAccountId: actor.accountId,
          merchantId: link.merchant.id,
          redemptionId,
          reason,
        },
      ]);
      await recordAudit(tx, ctx.audit, {
        action: 'update',
        entity: 'voucher',
        entityId: found.redemption.voucherId,
        orgId: link.merchant.orgId,
        orgPath: link.merchant.orgPath,
        before: { status: 'redeemed' },
        after: { status: 'reversed', redemptionId },
        detail: `reversed: ${reason}`,
      });
    });
    const after = (await repo.findRedemption(db, redemptionId))!;
    return redemptionView(
      after.redemption,
      after.voucherNo,
      after.campaignName,
      campaign.reversalWindowMinutes,
    );
  }

  async function statementOf(merchant: repo.MerchantRow, from: string, to: string): Promise<StatementView> {
    const end = new Date(chinaDayStart(to).getTime() + 86_400_000);
    const rows = await repo.redemptionsOfMerchant(db, merchant.id, chinaDayStart(from), end);
    const standing = rows.filter((r) => r.redemption.status === 'completed');
    const byCampaign = new Map<string, StatementView['byCampaign'][number]>();
    for (const r of standing) {
      const entry = byCampaign.get(r.redemption.campaignId) ?? {
        campaignId: r.redemption.campaignId,
        campaignName: r.campaignName,
        count: 0,
        owedFen: 0,
        orderAmountFen: 0,
      };
      entry.count += 1;
      entry.owedFen += r.redemption.discountFen;
      entry.orderAmountFen += r.redemption.orderAmountFen;
      byCampaign.set(entry.campaignId, entry);
    }
    return {
      merchantId: merchant.id,
      merchantName: merchant.name,
      creditCode: merchant.creditCode,
      from,
      to,
      count: standing.length,
      orderAmountFen: standing.reduce((n, r) => n + r.redemption.orderAmountFen, 0),
      owedFen: standing.reduce((n, r) => n + r.redemption.discountFen, 0),
      byCampaign: [...byCampaign.values()],
      lines: rows.map((r) => redemptionView(r.redemption, r.voucherNo, r.campaignName, null)),
    };
  }

  async function statementXlsx(statement: StatementView): Promise<Buffer> {
    const columns: SheetColumn<RedemptionView>[] = [
      { header: '核销时间', width: 22, value: (r) => r.redeemedAt },
      { header: '券号', width: 12, value: (r) => r.voucherNo },
      { header: '活动', width: 28, value: (r) => r.campaignName },
      { header: '订单金额（元）', value: (r) => r.orderAmountFen / 100 },
      { header: '券面额（元）', value: (r) => r.discountFen / 100 },
      { header: '实付（元）', value: (r) => r.payableFen / 100 },
      { header: '状态', width: 10, value: (r) => (r.status === 'completed' ? '已核销' : '已撤销') },
      { header: '撤销原因', width: 24, value: (r) => r.reverseReason },
    ];
    const summary: RedemptionView = {
      id: '',
      voucherId: '',
      voucherNo: '',
      campaignId: '',
      campaignName: `合计：${statement.count} 笔，应结算 ${yuan(statement.owedFen)} 元`,
      merchantId: statement.merchantId,
      outletId: null,
      orderAmountFen: statement.orderAmountFen,
      discountFen: statement.owedFen,
      payableFen: statement.orderAmountFen - statement.owedFen,
      redeemedAt: `${statement.merchantName} ${statement.from}~${statement.to}`,
      status: 'completed',
      reversibleUntil: null,
      reversedAt: null,
      reverseReason: null,
    };
    return writeXlsx('结算单', columns, [...statement.lines, summary]);
  }

  return {
    claim,
    redeem,
    reverse,

    async myVouchers(actor: Actor) {
      if (!actor.memberId) {
        return { items: [] };
      }
      const now = clock.now();
      const rows = await repo.vouchersOfMember(db, actor.memberId);
      return { items: rows.map((r) => toView(r.voucher, r.campaignName, now)) };
    },

    async myVoucher(actor: Actor, id: string): Promise<VoucherView> {
      const found = await ownVoucher(actor, id);
      const events = await repo.eventsOf(db, id);
      return {
        ...toView(found.voucher, found.campaignName, clock.now()),
        history: events.map((e) => ({
          from: e.fromStatus,
          to: e.toStatus as VoucherStatus,
          at: e.at.toISOString(),
          merchantId: e.merchantId,
          reason: e.reason,
        })),
      };
    },

    /** The current rotating code of one's own usable voucher. */
    async code(actor: Actor, id: string) {
      const found = await ownVoucher(actor, id);
      const now = clock.now();
      const view = toView(found.voucher, found.campaignName, now);
      if (!view.usable) {
        throw new AppError(
          view.status === 'redeemed'
            ? 'benefits/already-redeemed'
            : view.status === 'expired'
              ? 'benefits/voucher-expired'
              : 'benefits/voucher-not-yet-valid',
          { params: { at: view.redeemedAt ?? '', from: view.validFrom } },
        );
      }
      const code = currentCode(codeHash, found.voucher, now);
      return {
        voucherId: id,
        code: code.code,
        qrPayload: code.qrPayload,
        refreshAt: code.refreshAt.toISOString(),
        expiresAt: code.expiresAt.toISOString(),
      };
    },

    /** A cashier's redemptions of one China day (default today). */
    async merchantRedemptions(actor: Actor, date: string | undefined) {
      const link = await merchants.merchantOf(actor);
      const day = date ?? chinaDate(clock.now());
      const start = chinaDayStart(day);
      const rows = await repo.redemptionsOfMerchant(
        db,
        link.merchant.id,
        start,
        new Date(start.getTime() + 86_400_000),
      );
      const windows = new Map<string, number>();
      for (const r of rows) {
        if (!windows.has(r.redemption.campaignId)) {
          windows.set(
            r.redemption.campaignId,
            (await repo.findCampaign(db, r.redemption.campaignId))!.reversalWindowMinutes,
          );
        }
      }
      return {
        items: rows.map((r) =>
          redemptionView(
            r.redemption,
            r.voucherNo,
            r.campaignName,
            windows.get(r.redemption.campaignId) ?? null,
          ),
        ),
      };
    },

    async myStatement(actor: Actor, from: string, to: string) {
      const link = await merchants.merchantOf(actor);
      return statementOf(link.merchant, from, to);
    },

    /** Staff: a merchant's statement (the scope check is the merchant service's). */
    async statement(merchant: repo.MerchantRow, from: string, to: string) {
      return statementOf(merchant, from, to);
    },

    statementXlsx,
  };
}

export type VoucherService = ReturnType<typeof createVoucherService>;

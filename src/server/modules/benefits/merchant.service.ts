import { randomBytes, randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.ts';
import { type Actor, type Scope, scopeIncludes } from '../../platform/auth/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import { maskPhone } from '../../platform/identity.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { sortKey } from '../../platform/sort-key.ts';
import type { Directory } from './benefits.directory.ts';
import { chinaDate } from './benefits.eligibility.ts';
import { assertInScope, distanceKm, merchantAccepts, merchantInContract } from './benefits.policies.ts';
import * as repo from './benefits.repository.ts';
import type {
  CreateMerchantAccountBody,
  CreateMerchantBody,
  MerchantListQuery,
  MerchantView,
  OutletInput,
  UpdateMerchantBody,
} from './benefits.schemas.ts';

export interface MerchantServiceDeps {
  db: Db;
  clock: Clock;
  directory: Directory;
}

const PLAQUE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function plaqueNo(year: number): string {
  const bytes = randomBytes(6);
  const tail = [...bytes].map((b) => PLAQUE_CHARS[b % PLAQUE_CHARS.length]).join('');
  return `GYHZ-${year}-${tail}`;
}

export function createMerchantService({ db, clock, directory }: MerchantServiceDeps) {
  function toView(row: repo.MerchantRow, outlets: repo.OutletRow[], unmaskContact: boolean): MerchantView {
    return {
      id: row.id,
      orgId: row.orgId,
      name: row.name,
      creditCode: row.creditCode,
      category: row.category as MerchantView['category'],
      contactName: row.contactName,
      contactPhone: row.contactPhone && !unmaskContact ? maskPhone(row.contactPhone) : row.contactPhone,
      contractStart: row.contractStart,
      contractEnd: row.contractEnd,
      status: row.status as MerchantView['status'],
      inContract: merchantInContract(row, chinaDate(clock.now())),
      plaqueNo: row.plaqueNo,
      outlets: outlets
        .filter((o) => o.merchantId === row.id)
        .map((o) => ({
          id: o.id,
          name: o.name,
          address: o.address,
          lat: o.lat,
          lng: o.lng,
          status: o.status,
        })),
    };
  }

  async function loadInScope(scope: Scope, id: string) {
    const row = await repo.findMerchant(db, id);
    assertInScope(scope, row, 'benefits/merchant-not-found');
    return row;
  }

  async function viewOf(row: repo.MerchantRow, unmask: boolean) {
    return toView(row, await repo.outletsOf(db, [row.id]), unmask);
  }

  /** The merchant an account cashes for; refused for accounts without one. */
  async function merchantOf(actor: Actor) {
    const link = await repo.merchantOfAccount(db, actor.accountId);
    if (!link) {
      throw new AppError('benefits/not-a-merchant-account');
    }
    return link;
  }

  return {
    merchantOf,
    /** The merchant row, refused outside the scope (for statements). */
    row: loadInScope,

    async list(scope: Scope, query: MerchantListQuery) {
      const rows = await repo.listMerchants(
        db,
        scope,
        { q: query.q, category: query.category, status: query.status },
        { after: decodeCursor(query.cursor), limit: query.limit + 1 },
      );
      const page = pageOf(rows, query.limit, (r) => ({ key: r.nameKey, id: r.id }));
      const outlets = await repo.outletsOf(
        db,
        page.items.map((r) => r.id),
      );
      return { items: page.items.map((r) => toView(r, outlets, true)), nextCursor: page.nextCursor };
    },

    async get(scope: Scope, id: string) {
      return viewOf(await loadInScope(scope, id), true);
    },

    async create(ctx: ServiceContext, scope: Scope, body: CreateMerchantBody): Promise<MerchantView> {
      const org = await directory.organisation(body.orgId);
      if (!org || !scopeIncludes(scope, org.path)) {
        throw new AppError('benefits/merchant-not-found', { field: 'body.orgId' });
      }
      if (body.contractEnd < body.contractStart) {
        throw new AppError('benefits/contract-period', { field: 'body.contractEnd' });
      }
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        if (await repo.creditCodeTaken(tx, body.creditCode)) {
          throw new AppError('benefits/credit-code-taken', { field: 'body.creditCode' });
        }
        const merchant = await repo.insertMerchant(tx, {
          id: randomUUID(),
          orgId: org.id,
          orgPath: org.path,
          name: body.name,
          nameKey: sortKey(body.name),
          creditCode: body.creditCode,
          category: body.category,
          contactName: body.contactName ?? null,
          contactPhone: body.contactPhone ?? null,
          contractStart: body.contractStart,
          contractEnd: body.contractEnd,
          plaqueNo: plaqueNo(Number(chinaDate(now).slice(0, 4))),
          verifyToken: randomBytes(16).toString('base64url'),
          createdBy: ctx.actor?.accountId ?? null,
          createdAt: now,
          updatedAt: now,
        });
        await repo.insertOutlets(
          tx,
          body.outlets.map((o) => ({ ...o, merchantId: merchant.id, createdAt: now })),
        );
        await recordAudit(tx, ctx.audit, {
          action: 'create',
          entity: 'merchant',
          entityId: merchant.id,
          orgId: org.id,
          orgPath: org.path,
          after: {
            name: body.name,
            creditCode: body.creditCode,
            category: body.category,
            outlets: body.outlets.length,
          },
        });
        return merchant.id;
      });
      return viewOf((await repo.findMerchant(db, id))!, true);
    },

    async update(
      ctx: ServiceContext,
      scope: Scope,
      id: string,
      body: UpdateMerchantBody,
    ): Promise<MerchantView> {
      const before = await loadInScope(scope, id);
      const start = body.contractStart ?? before.contractStart;
      const end = body.contractEnd ?? before.contractEnd;
      if (end < start) {
        throw new AppError('benefits/contract-period', { field: 'body.contractEnd' });
      }
      const patch: Partial<repo.NewMerchant> = {
        updatedAt: clock.now(),
        contractStart: start,
        contractEnd: end,
      };
      if (body.name !== undefined) {
        patch.name = body.name;
        patch.nameKey = sortKey(body.name);
      }
      if (body.category !== undefined) {
        patch.category = body.category;
      }
      if (body.contactName !== undefined) {
        patch.contactName = body.contactName;
      }
      if (body.contactPhone !== undefined) {
        patch.contactPhone = body.contactPhone;
      }
      if (body.status !== undefined) {
        patch.status = body.status;
      }
      await db.transaction(async (tx) => {
        await repo.updateMerchant(tx, id, patch);
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'merchant',
          entityId: id,
          orgId: before.orgId,
          orgPath: before.orgPath,
          before: { name: before.name, status: before.status, contractEnd: before.contractEnd },
          after: body,
        });
      });
      return viewOf((await repo.findMerchant(db, id))!, true);
    },

    async addOutlet(
      ctx: ServiceContext,
      scope: Scope,
      id: string,
      outlet: OutletInput,
    ): Promise<MerchantView> {
      const merchant = await loadInScope(scope, id);
      await db.transaction(async (tx) => {
        await repo.insertOutlets(tx, [{ ...outlet, merchantId: id, createdAt: clock.now() }]);
        await recordAudit(tx, ctx.audit, {
          action: 'create',
          entity: 'merchant_outlet',
          entityId: id,
          orgId: merchant.orgId,
          orgPath: merchant.orgPath,
          after: outlet,
        });
      });
      return viewOf(merchant, true);
    },

    /** A cashier account: role `merchant` at the serving organisation, linked to this merchant. */
    async createAccount(ctx: ServiceContext, scope: Scope, id: string, body: CreateMerchantAccountBody) {
      const merchant = await loadInScope(scope, id);
      if (body.outletId) {
        const outlets = await repo.outletsOf(db, [id]);
        if (!outlets.some((o) => o.id === body.outletId)) {
          throw new AppError('benefits/outlet-not-found', { field: 'body.outletId' });
        }
      }
      const accountId = await directory.createAccount(ctx, {
        username: body.username,
        displayName: body.displayName,
        password: body.password,
        role: 'merchant',
        orgId: merchant.orgId,
      });
      await db.transaction(async (tx) => {
        await repo.insertMerchantAccount(tx, { accountId, merchantId: id, outletId: body.outletId ?? null });
        await recordAudit(tx, ctx.audit, {
          action: 'create',
          entity: 'merchant_account',
          entityId: accountId,
          orgId: merchant.orgId,
          orgPath: merchant.orgPath,
          after: { merchantId: id, username: body.username, outletId: body.outletId ?? null },
        });
      });
      return { accountId, merchantId: id, username: body.username };
    },

    /** The printable 友好合作商家 certificate with the QR payload of its public verification link. */
    async plaque(scope: Scope, id: string) {
      const merchant = await loadInScope(scope, id);
      const org = await directory.organisation(merchant.orgId);
      const verifyUrl = `/api/v1/plaques/${encodeURIComponent(merchant.plaqueNo)}/verification?t=${merchant.verifyToken}`;
      return {
        plaqueNo: merchant.plaqueNo,
        title: '友好合作商家',
        merchantName: merchant.name,
        creditCode: merchant.creditCode,
        orgName: org?.name ?? '',
        contractStart: merchant.contractStart,
        contractEnd: merchant.contractEnd,
        verifyUrl,
        qrPayload: verifyUrl,
      };
    },

    /** Public: anyone scanning a plaque learns whether it is genuine and current. */
    async verifyPlaque(plaque: string, token: string | undefined) {
      const merchant = await repo.findMerchantByPlaque(db, plaque);
      if (!merchant || merchant.verifyToken !== token) {
        return {
          valid: false,
          plaqueNo: plaque,
          merchantName: null,
          orgName: null,
          contractStart: null,
          contractEnd: null,
          status: null,
        };
      }
      const org = await directory.organisation(merchant.orgId);
      return {
        valid: merchantInContract(merchant, chinaDate(clock.now())),
        plaqueNo: merchant.plaqueNo,
        merchantName: merchant.name,
        orgName: org?.name ?? null,
        contractStart: merchant.contractStart,
        contractEnd: merchant.contractEnd,
        status: merchant.status,
      };
    },

    /** The merchant of a cashier account, with its outlets. */
    async mine(actor: Actor): Promise<MerchantView & { outletId: string | null }> {
      const link = await merchantOf(actor);
      return { ...(await viewOf(link.merchant, false)), outletId: link.outletId };
    },

    /** Outlets near a point that serve the member's organisation (and accept a campaign, if given). */
    async nearby(
      actor: Actor,
      query: { lat: number; lng: number; radiusKm: number; campaignId?: string | undefined; limit: number },
    ) {
      const member = await directory.memberByAccount(actor.accountId);
      if (!member) {
        return { items: [] };
      }
      const dLat = query.radiusKm / 111;
      const dLng = query.radiusKm / (111 * Math.max(0.1, Math.cos((query.lat * Math.PI) / 180)));
      const rows = await repo.outletsNear(
        db,
        {
          minLat: query.lat - dLat,
          maxLat: query.lat + dLat,
          minLng: query.lng - dLng,
          maxLng: query.lng + dLng,
        },
        member.orgPath,
        chinaDate(clock.now()),
      );
      const campaign = query.campaignId ? await repo.findCampaign(db, query.campaignId) : undefined;
      const items = rows
        .filter((r) => !campaign || merchantAccepts(campaign, r.merchant))
        .map((r) => ({
          merchantId: r.merchant.id,
          merchantName: r.merchant.name,
          category: r.merchant.category,
          outletId: r.outlet.id,
          outletName: r.outlet.name,
          address: r.outlet.address,
          lat: r.outlet.lat,
          lng: r.outlet.lng,
          distanceKm: Math.round(distanceKm(query, r.outlet) * 100) / 100,
        }))
        .filter((r) => r.distanceKm <= query.radiusKm)
        .sort((a, b) => a.distanceKm - b.distanceKm)
        .slice(0, query.limit);
      return { items };
    },
  };
}

export type MerchantService = ReturnType<typeof createMerchantService>;

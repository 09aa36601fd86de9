import { recordAudit } from '../../platform/audit/audit.ts';
import { type Scope, scopeIncludes } from '../../platform/auth/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { maskPhone } from '../../platform/identity.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { sortKey } from '../../platform/sort-key.ts';
import type { OrgModule } from '../org/index.ts';
import { accessOf } from './employment.access.ts';
import { assertMayActFor } from './employment.policies.ts';
import * as repo from './employment.repository.ts';
import type {
  CreateEmployerBody,
  EmployerView,
  HrAccountView,
  UpdateEmployerBody,
} from './employment.schemas.ts';
import { normalizeCity } from './employment.text.ts';

export interface EmploymentServiceDeps {
  db: Db;
  clock: Clock;
  org: OrgModule;
}

function toView(row: repo.EmployerListRow, unmasked: boolean): EmployerView {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    creditCode: row.creditCode,
    industry: row.industry,
    address: row.address,
    city: row.city,
    district: row.district,
    lat: row.lat,
    lng: row.lng,
    contactName: row.contactName,
    contactPhone: row.contactPhone && !unmasked ? maskPhone(row.contactPhone) : row.contactPhone,
    verification: row.verification as EmployerView['verification'],
    verificationNote: row.verificationNote,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    positions: row.positions,
    openPlaces: row.openPlaces,
  };
}

/** Offset paging behind the platform's opaque cursor (lists sorted by something other than a key). */
export function offsetOf(cursor: string | undefined): number {
  const decoded = decodeCursor(cursor);
  const offset = decoded ? Number(decoded.key) : 0;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new AppError('platform/validation', { field: 'query.cursor' });
  }
  return offset;
}

export function nextCursorOf(offset: number, limit: number, total: number): string | null {
  return offset + limit < total ? encodeCursor({ key: String(offset + limit), id: '' }) : null;
}

export function createEmployerService({ db, clock, org }: EmploymentServiceDeps) {
  async function loadFor(
    ctx: ServiceContext,
    id: string,
    permission: 'employer:read' | 'employer:write' | 'job:write',
  ) {
    const access = await accessOf(db, ctx.actor, permission);
    const employer = await repo.findEmployerView(db, id);
    assertMayActFor(access, employer, 'employment/employer-not-found');
    return employer;
  }

  async function orgInScope(scope: Scope, orgId: string, field: string) {
    const found = await org.organisations.lookup(orgId);
    if (found?.status !== 'active' || !scopeIncludes(scope, found.path)) {
      throw new AppError('org/organisation-not-found', { field });
    }
    return found;
  }

  return {
    async list(
      ctx: ServiceContext,
      query: {
        q?: string | undefined;
        industry?: string | undefined;
        verification?: string | undefined;
        limit: number;
        cursor?: string | undefined;
      },
    ) {
      const access = await accessOf(db, ctx.actor, 'employer:read');
      const offset = offsetOf(query.cursor);
      const rows = await repo.listEmployers(db, access, query, { offset, limit: query.limit });
      const total = rows[0]?.total ?? 0;
      return {
        items: rows.map((r) => toView(r, false)),
        nextCursor: nextCursorOf(offset, query.limit, total),
        total,
      };
    },

    async get(ctx: ServiceContext, id: string): Promise<EmployerView> {
      return toView(await loadFor(ctx, id, 'employer:read'), true);
    },

    async create(ctx: ServiceContext, scope: Scope, body: CreateEmployerBody): Promise<EmployerView> {
      const home = await orgInScope(scope, body.orgId, 'body.orgId');
      const id = await db.transaction(async (tx) => {
        if (await repo.creditCodeTaken(tx, body.creditCode)) {
          throw new AppError('employment/credit-code-taken', { field: 'body.creditCode' });
        }
        const [row] = await repo.insertEmployers(tx, [
          {
            orgId: home.id,
            orgPath: home.path,
            name: body.name,
            nameKey: sortKey(body.name),
            creditCode: body.creditCode,
            industry: body.industry,
            address: body.address ?? null,
            city: body.city ? normalizeCity(body.city) : null,
            district: body.district ?? null,
            lat: body.lat ?? null,
            lng: body.lng ?? null,
            contactName: body.contactName ?? null,
            contactPhone: body.contactPhone ?? null,
          },
        ]);
        await recordAudit(tx, ctx.audit, {
          action: 'create',
          entity: 'employer',
          entityId: row!.id,
          orgId: home.id,
          orgPath: home.path,
          after: { name: body.name, creditCode: body.creditCode, industry: body.industry },
        });
        return row!.id;
      });
      return toView((await repo.findEmployerView(db, id))!, true);
    },

    async update(ctx: ServiceContext, id: string, body: UpdateEmployerBody): Promise<EmployerView> {
      const before = await loadFor(ctx, id, 'employer:write');
      await db.transaction(async (tx) => {
        const patch: Partial<repo.NewEmployer> = { updatedAt: clock.now() };
        if (body.name !== undefined) {
          patch.name = body.name;
          patch.nameKey = sortKey(body.name);
        }
        if (body.industry !== undefined) {
          patch.industry = body.industry;
        }
        if (body.address !== undefined) {
          patch.address = body.address;
        }
        if (body.city !== undefined) {
          patch.city = normalizeCity(body.city);
        }
        if (body.district !== undefined) {
          patch.district = body.district;
        }
        if (body.lat !== undefined) {
          patch.lat = body.lat;
        }
        if (body.lng !== undefined) {
          patch.lng = body.lng;
        }
        if (body.contactName !== undefined) {
          patch.contactName = body.contactName;
        }
        if (body.contactPhone !== undefined) {
          patch.contactPhone = body.contactPhone;
        }
        await repo.updateEmployer(tx, id, patch);
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'employer',
          entityId: id,
          orgId: before.orgId,
          orgPath: before.orgPath,
          before: { name: before.name, industry: before.industry },
          after: body,
        });
      });
      return this.get(ctx, id);
    },

    /** Union staff vouch for an employer (or refuse to); postings of unverified employers wait for review. */
    async verify(
      ctx: ServiceContext,
      scope: Scope,
      id: string,
      body: { verification: 'verified' | 'rejected'; note?: string | undefined },
    ): Promise<EmployerView> {
      const employer = await repo.findEmployer(db, id);
      if (!employer || !scopeIncludes(scope, employer.orgPath)) {
        throw new AppError('employment/employer-not-found');
      }
      if (body.verification === 'verified' && !employer.creditCode) {
        throw new AppError('employment/employer-needs-credit-code', { field: 'body.verification' });
      }
      await db.transaction(async (tx) => {
        await repo.updateEmployer(tx, id, {
          verification: body.verification,
          verificationNote: body.note ?? null,
          verifiedBy: ctx.audit.accountId,
          verifiedAt: clock.now(),
          updatedAt: clock.now(),
        });
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'employer',
          entityId: id,
          orgId: employer.orgId,
          orgPath: employer.orgPath,
          before: { verification: employer.verification },
          after: { verification: body.verification, note: body.note ?? null },
        });
      });
      return toView((await repo.findEmployerView(db, id))!, true);
    },

    /**
     * Creates an HR account for the employer: the employer_hr role at the employer's
     * organisation (org module) and the link to this employer (ours).
     */
    async createHrAccount(
      ctx: ServiceContext,
      id: string,
      body: { username: string; displayName: string; phone?: string | undefined; password: string },
    ): Promise<HrAccountView> {
      const employer = await loadFor(ctx, id, 'employer:write');
      const accountId = await org.accounts.create(ctx, {
        username: body.username,
        displayName: body.displayName,
        phone: body.phone,
        password: body.password,
        grants: [{ role: 'employer_hr', orgId: employer.orgId }],
      });
      await this.linkHr(ctx, employer.id, {
        id: accountId,
        username: body.username,
        displayName: body.displayName,
      });
      return {
        accountId,
        username: body.username,
        displayName: body.displayName,
        since: clock.now().toISOString(),
      };
    },

    /** Links an existing account to an employer as its HR (used by the seed and by createHrAccount). */
    async linkHr(
      ctx: ServiceContext,
      employerId: string,
      account: { id: string; username: string; displayName: string },
    ): Promise<void> {
      const employer = await repo.findEmployer(db, employerId);
      if (!employer) {
        throw new AppError('employment/employer-not-found');
      }
      await db.transaction(async (tx) => {
        await repo.linkHrAccount(tx, employerId, account);
        await recordAudit(tx, ctx.audit, {
          action: 'grant',
          entity: 'employer',
          entityId: employerId,
          orgId: employer.orgId,
          orgPath: employer.orgPath,
          after: { hrAccountId: account.id, username: account.username },
        });
      });
    },

    async hrAccounts(ctx: ServiceContext, id: string): Promise<HrAccountView[]> {
      await loadFor(ctx, id, 'employer:write');
      return (await repo.hrAccountsOf(db, id)).map((r) => ({
        accountId: r.accountId,
        username: r.username,
        displayName: r.displayName,
        since: r.since.toISOString(),
      }));
    },
  };
}

export type EmployerService = ReturnType<typeof createEmployerService>;

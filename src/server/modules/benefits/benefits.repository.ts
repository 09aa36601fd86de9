import { and, asc, desc, eq, gt, gte, ilike, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Scope } from '../../platform/auth/scope.ts';
import type { Executor } from '../../platform/db/database.ts';
import { escapeLike, inScope, qualified } from '../../platform/db/scope-sql.ts';
import type { Cursor } from '../../platform/http/pagination.ts';
import {
  benefitIdempotencyKeys,
  benefitMerchantAccounts,
  benefitMerchants,
  benefitOutlets,
  recuperationApplications,
  recuperationDepartures,
  recuperationRoutes,
  voucherCampaigns,
  voucherClaimCounts,
  voucherEvents,
  voucherRedemptions,
  vouchers,
} from './benefits.tables.ts';
import type { VoucherStatus } from './voucher.state.ts';

export type MerchantRow = typeof benefitMerchants.$inferSelect;
export type NewMerchant = typeof benefitMerchants.$inferInsert;
export type OutletRow = typeof benefitOutlets.$inferSelect;
export type CampaignRow = typeof voucherCampaigns.$inferSelect;
export type NewCampaign = typeof voucherCampaigns.$inferInsert;
export type VoucherRow = typeof vouchers.$inferSelect;
export type NewVoucherEvent = typeof voucherEvents.$inferInsert;
export type RedemptionRow = typeof voucherRedemptions.$inferSelect;
export type RouteRow = typeof recuperationRoutes.$inferSelect;
export type DepartureRow = typeof recuperationDepartures.$inferSelect;
export type ApplicationRow = typeof recuperationApplications.$inferSelect;

function after(keyColumn: SQL, idColumn: SQL, cursor: Cursor | null) {
  if (!cursor) {
    return undefined;
  }
  return sql`(${keyColumn} > ${cursor.key} or (${keyColumn} = ${cursor.key} and ${idColumn} > ${cursor.id}))`;
}

// ── merchants ────────────────────────────────────────────────────────────────

export async function insertMerchant(executor: Executor, values: NewMerchant): Promise<MerchantRow> {
  const rows = await executor.insert(benefitMerchants).values(values).returning();
  return rows[0]!;
}

export async function insertOutlets(executor: Executor, rows: (typeof benefitOutlets.$inferInsert)[]) {
  if (rows.length === 0) {
    return [];
  }
  return executor.insert(benefitOutlets).values(rows).returning();
}

export async function findMerchant(executor: Executor, id: string): Promise<MerchantRow | undefined> {
  const rows = await executor.select().from(benefitMerchants).where(eq(benefitMerchants.id, id)).limit(1);
  return rows[0];
}

export async function findMerchantByPlaque(
  executor: Executor,
  plaqueNo: string,
): Promise<MerchantRow | undefined> {
  const rows = await executor
    .select()
    .from(benefitMerchants)
    .where(eq(benefitMerchants.plaqueNo, plaqueNo))
    .limit(1);
  return rows[0];
}

export async function creditCodeTaken(executor: Executor, creditCode: string): Promise<boolean> {
  const rows = await executor
    .select({ id: benefitMerchants.id })
    .from(benefitMerchants)
    .where(eq(benefitMerchants.creditCode, creditCode))
    .limit(1);
  return rows.length > 0;
}

export function listMerchants(
  executor: Executor,
  scope: Scope,
  filter: { q?: string | undefined; category?: string | undefined; status?: string | undefined },
  page: { after: Cursor | null; limit: number },
) {
  return executor
    .select()
    .from(benefitMerchants)
    .where(
      and(
        inScope(benefitMerchants.orgPath, scope),
        filter.q ? ilike(benefitMerchants.name, `%${escapeLike(filter.q)}%`) : undefined,
        filter.category ? eq(benefitMerchants.category, filter.category) : undefined,
        filter.status ? eq(benefitMerchants.status, filter.status) : undefined,
        after(sql`${benefitMerchants.nameKey}`, sql`${benefitMerchants.id}`, page.after),
      ),
    )
    .orderBy(asc(benefitMerchants.nameKey), asc(benefitMerchants.id))
    .limit(page.limit);
}

export async function updateMerchant(executor: Executor, id: string, patch: Partial<NewMerchant>) {
  await executor.update(benefitMerchants).set(patch).where(eq(benefitMerchants.id, id));
}

export function outletsOf(executor: Executor, merchantIds: readonly string[]) {
  if (merchantIds.length === 0) {
    return Promise.resolve([] as OutletRow[]);
  }
  return executor
    .select()
    .from(benefitOutlets)
    .where(inArray(benefitOutlets.merchantId, [...merchantIds]))
    .orderBy(asc(benefitOutlets.createdAt), asc(benefitOutlets.id));
}

export async function insertMerchantAccount(
  executor: Executor,
  values: { accountId: string; merchantId: string; outletId: string | null },
) {
  await executor.insert(benefitMerchantAccounts).values(values);
}

export async function merchantOfAccount(executor: Executor, accountId: string) {
  const rows = await executor
    .select({ merchant: benefitMerchants, outletId: benefitMerchantAccounts.outletId })
    .from(benefitMerchantAccounts)
    .innerJoin(benefitMerchants, eq(benefitMerchants.id, benefitMerchantAccounts.merchantId))
    .where(eq(benefitMerchantAccounts.accountId, accountId))
    .limit(1);
  return rows[0];
}

/** Active outlets of active merchants serving an organisation on the member's path, within a box. */
export function outletsNear(
  executor: Executor,
  box: { minLat: number; maxLat: number; minLng: number; maxLng: number },
  memberOrgPath: string,
  today: string,
) {
  return executor
    .select({ outlet: benefitOutlets, merchant: benefitMerchants })
    .from(benefitOutlets)
    .innerJoin(benefitMerchants, eq(benefitMerchants.id, benefitOutlets.merchantId))
    .where(
      and(
        eq(benefitOutlets.status, 'active'),
        eq(benefitMerchants.status, 'active'),
        lte(benefitMerchants.contractStart, today),
        gte(benefitMerchants.contractEnd, today),
        sql`${memberOrgPath} like ${benefitMerchants.orgPath} || '%'`,
        gte(benefitOutlets.lat, box.minLat),
        lte(benefitOutlets.lat, box.maxLat),
        gte(benefitOutlets.lng, box.minLng),
        lte(benefitOutlets.lng, box.maxLng),
      ),
    )
    .limit(2000);
}

// ── campaigns ────────────────────────────────────────────────────────────────

export async function insertCampaign(executor: Executor, values: NewCampaign): Promise<CampaignRow> {
  const rows = await executor.insert(voucherCampaigns).values(values).returning();
  return rows[0]!;
}

export async function findCampaign(executor: Executor, id: string): Promise<CampaignRow | undefined> {
  const rows = await executor.select().from(voucherCampaigns).where(eq(voucherCampaigns.id, id)).limit(1);
  return rows[0];
}

export async function lockCampaign(executor: Executor, id: string): Promise<CampaignRow | undefined> {
  const rows = await executor
    .select()
    .from(voucherCampaigns)
    .where(eq(voucherCampaigns.id, id))
    .for('update')
    .limit(1);
  return rows[0];
}

export async function updateCampaign(executor: Executor, id: string, patch: Partial<NewCampaign>) {
  await executor.update(voucherCampaigns).set(patch).where(eq(voucherCampaigns.id, id));
}

const campaignOrder = sql`${voucherCampaigns.claimStartsAt}`;

export function listCampaignsInScope(
  executor: Executor,
  scope: Scope,
  filter: { status?: string | undefined; orgPath?: string | undefined },
  page: { after: Cursor | null; limit: number },
) {
  const key = sql`to_char(${campaignOrder} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
  return executor
    .select()
    .from(voucherCampaigns)
    .where(
      and(
        inScope(voucherCampaigns.orgPath, scope),
        filter.status ? eq(voucherCampaigns.status, filter.status) : undefined,
        filter.orgPath
          ? sql`${voucherCampaigns.orgPath} like ${`${escapeLike(filter.orgPath)}%`}`
          : undefined,
        page.after
          ? or(lt(key, page.after.key), and(eq(key, page.after.key), gt(voucherCampaigns.id, page.after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(key), asc(voucherCampaigns.id))
    .limit(page.limit);
}

/** Approved campaigns funded on the member's organisation path whose claim window has not ended. */
export function campaignsForMember(executor: Executor, memberOrgPath: string, now: Date) {
  return executor
    .select()
    .from(voucherCampaigns)
    .where(
      and(
        eq(voucherCampaigns.status, 'approved'),
        gt(voucherCampaigns.claimEndsAt, now),
        sql`${memberOrgPath} like ${voucherCampaigns.orgPath} || '%'`,
      ),
    )
    .orderBy(asc(voucherCampaigns.claimStartsAt), asc(voucherCampaigns.id))
    .limit(200);
}

export async function claimCountsOf(executor: Executor, memberId: string, campaignIds: readonly string[]) {
  if (campaignIds.length === 0) {
    return new Map<string, number>();
  }
  const rows = await executor
    .select({ campaignId: voucherClaimCounts.campaignId, claimed: voucherClaimCounts.claimed })
    .from(voucherClaimCounts)
    .where(
      and(
        eq(voucherClaimCounts.memberId, memberId),
        inArray(voucherClaimCounts.campaignId, [...campaignIds]),
      ),
    );
  return new Map(rows.map((r) => [r.campaignId, r.claimed]));
}

/**
 * Takes one voucher from the stock: a conditional UPDATE, so under any concurrency the
 * stock never goes below zero and never outside the window. Null when nothing was taken.
 */
export async function takeFromStock(executor: Executor, campaignId: string, now: Date) {
  const rows = await executor
    .update(voucherCampaigns)
    .set({ remaining: sql`${voucherCampaigns.remaining} - 1` })
    .where(
      and(
        eq(voucherCampaigns.id, campaignId),
        eq(voucherCampaigns.status, 'approved'),
        gt(voucherCampaigns.remaining, 0),
        lte(voucherCampaigns.claimStartsAt, now),
        gt(voucherCampaigns.claimEndsAt, now),
      ),
    )
    .returning({ remaining: voucherCampaigns.remaining });
  return rows[0] ?? null;
}

/**
 * Counts one more claim for a member, refusing past the limit: an upsert that only updates
 * below the limit, so two simultaneous claims by one member serialise on the row.
 * Returns the member's new count (the voucher's seq), or null at the limit.
 */
export async function bumpClaimCount(
  executor: Executor,
  campaignId: string,
  memberId: string,
  limit: number,
) {
  const rows = await executor
    .insert(voucherClaimCounts)
    .values({ campaignId, memberId, claimed: 1 })
    .onConflictDoUpdate({
      target: [voucherClaimCounts.campaignId, voucherClaimCounts.memberId],
      set: { claimed: sql`${voucherClaimCounts.claimed} + 1` },
      setWhere: sql`${voucherClaimCounts.claimed} < ${limit}`,
    })
    .returning({ claimed: voucherClaimCounts.claimed });
  return rows[0]?.claimed ?? null;
}

export async function insertVoucher(
  executor: Executor,
  values: typeof vouchers.$inferInsert,
): Promise<VoucherRow> {
  const rows = await executor.insert(vouchers).values(values).returning();
  return rows[0]!;
}

export async function insertVoucherEvents(executor: Executor, rows: NewVoucherEvent[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await executor.insert(voucherEvents).values(rows.slice(i, i + 1000));
  }
}

export async function campaignStatusCounts(executor: Executor, campaignIds: readonly string[]) {
  if (campaignIds.length === 0) {
    return [];
  }
  return executor
    .select({
      campaignId: vouchers.campaignId,
      status: vouchers.status,
      n: sql<number>`count(*)::int`,
      members: sql<number>`count(distinct ${vouchers.memberId})::int`,
    })
    .from(vouchers)
    .where(inArray(vouchers.campaignId, [...campaignIds]))
    .groupBy(vouchers.campaignId, vouchers.status);
}

export async function campaignRedemptionTotals(executor: Executor, campaignId: string) {
  const rows = await executor
    .select({
      n: sql<number>`count(*)::int`,
      discount: sql<number>`coalesce(sum(${voucherRedemptions.discountFen}), 0)::bigint`,
    })
    .from(voucherRedemptions)
    .where(and(eq(voucherRedemptions.campaignId, campaignId), eq(voucherRedemptions.status, 'completed')));
  return { count: rows[0]?.n ?? 0, discountFen: Number(rows[0]?.discount ?? 0) };
}

export async function claimCountTotals(executor: Executor, campaignId: string) {
  const rows = await executor
    .select({
      total: sql<number>`coalesce(sum(${voucherClaimCounts.claimed}), 0)::int`,
      members: sql<number>`count(*)::int`,
      over: sql<number>`count(*) filter (where ${voucherClaimCounts.claimed} > (select per_member_limit from voucher_campaigns where id = ${campaignId}))::int`,
    })
    .from(voucherClaimCounts)
    .where(eq(voucherClaimCounts.campaignId, campaignId));
  return { total: rows[0]?.total ?? 0, members: rows[0]?.members ?? 0, overLimit: rows[0]?.over ?? 0 };
}

/** Vouchers whose current status disagrees with the last event in their history. */
export async function historyMismatches(executor: Executor, campaignId: string): Promise<number> {
  const result = (await executor.execute(sql`
    select count(*)::int as n from ${vouchers} v
    where v.campaign_id = ${campaignId}
      and v.status is distinct from (
        select e.to_status from ${voucherEvents} e where e.voucher_id = v.id order by e.id desc limit 1
      )`)) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n ?? 0);
}

/** Moves every voucher in `from` past its validity to expired; returns them for the history. */
export async function expireVouchers(
  executor: Executor,
  from: VoucherStatus,
  now: Date,
  campaignId?: string,
) {
  return executor
    .update(vouchers)
    .set({ status: 'expired', updatedAt: now })
    .where(
      and(
        campaignId ? eq(vouchers.campaignId, campaignId) : undefined,
        eq(vouchers.status, from),
        lte(vouchers.validUntil, now),
      ),
    )
    .returning({ id: vouchers.id, campaignId: vouchers.campaignId });
}

// ── vouchers ─────────────────────────────────────────────────────────────────

const voucherWithCampaign = {
  voucher: vouchers,
  campaignName: voucherCampaigns.name,
  campaignOrgPath: voucherCampaigns.orgPath,
};

export function vouchersOfMember(executor: Executor, memberId: string) {
  return executor
    .select(voucherWithCampaign)
    .from(vouchers)
    .innerJoin(voucherCampaigns, eq(voucherCampaigns.id, vouchers.campaignId))
    .where(eq(vouchers.memberId, memberId))
    .orderBy(desc(vouchers.issuedAt), desc(vouchers.no))
    .limit(500);
}

export async function findVoucher(executor: Executor, id: string) {
  const rows = await executor
    .select(voucherWithCampaign)
    .from(vouchers)
    .innerJoin(voucherCampaigns, eq(voucherCampaigns.id, vouchers.campaignId))
    .where(eq(vouchers.id, id))
    .limit(1);
  return rows[0];
}

export async function findVoucherByNo(executor: Executor, no: number) {
  const rows = await executor.select().from(vouchers).where(eq(vouchers.no, no)).limit(1);
  return rows[0];
}

export function eventsOf(executor: Executor, voucherId: string) {
  return executor
    .select()
    .from(voucherEvents)
    .where(eq(voucherEvents.voucherId, voucherId))
    .orderBy(asc(voucherEvents.id));
}

/** Locks one voucher row for the rest of the transaction (redemption and reversal). */
export async function lockVoucher(executor: Executor, id: string): Promise<VoucherRow | undefined> {
  const rows = await executor.select().from(vouchers).where(eq(vouchers.id, id)).for('update').limit(1);
  return rows[0];
}

/**
 * Moves a voucher from one status to another: a conditional UPDATE, so of two outlets
 * redeeming at the same moment the second updates nothing. False when nothing changed.
 */
export async function setVoucherStatus(
  executor: Executor,
  id: string,
  from: VoucherStatus,
  to: VoucherStatus,
  now: Date,
  extra: { redeemedAt?: Date | null } = {},
) {
  const rows = await executor
    .update(vouchers)
    .set({ status: to, updatedAt: now, ...extra })
    .where(and(eq(vouchers.id, id), eq(vouchers.status, from)))
    .returning({ id: vouchers.id });
  return rows.length > 0;
}

export async function insertRedemption(
  executor: Executor,
  values: typeof voucherRedemptions.$inferInsert,
): Promise<RedemptionRow> {
  const rows = await executor.insert(voucherRedemptions).values(values).returning();
  return rows[0]!;
}

export async function findRedemption(executor: Executor, id: string) {
  const rows = await executor
    .select({ redemption: voucherRedemptions, voucherNo: vouchers.no, campaignName: voucherCampaigns.name })
    .from(voucherRedemptions)
    .innerJoin(vouchers, eq(vouchers.id, voucherRedemptions.voucherId))
    .innerJoin(voucherCampaigns, eq(voucherCampaigns.id, voucherRedemptions.campaignId))
    .where(eq(voucherRedemptions.id, id))
    .limit(1);
  return rows[0];
}

/** Reverses a standing redemption made no earlier than `notBefore`; false when it was not. */
export async function reverseRedemption(
  executor: Executor,
  id: string,
  values: { now: Date; by: string; reason: string; notBefore: Date },
) {
  const rows = await executor
    .update(voucherRedemptions)
    .set({ status: 'reversed', reversedAt: values.now, reversedBy: values.by, reverseReason: values.reason })
    .where(
      and(
        eq(voucherRedemptions.id, id),
        eq(voucherRedemptions.status, 'completed'),
        gte(voucherRedemptions.redeemedAt, values.notBefore),
      ),
    )
    .returning({ id: voucherRedemptions.id });
  return rows.length > 0;
}

export function redemptionsOfMerchant(executor: Executor, merchantId: string, from: Date, to: Date) {
  return executor
    .select({ redemption: voucherRedemptions, voucherNo: vouchers.no, campaignName: voucherCampaigns.name })
    .from(voucherRedemptions)
    .innerJoin(vouchers, eq(vouchers.id, voucherRedemptions.voucherId))
    .innerJoin(voucherCampaigns, eq(voucherCampaigns.id, voucherRedemptions.campaignId))
    .where(
      and(
        eq(voucherRedemptions.merchantId, merchantId),
        gte(voucherRedemptions.redeemedAt, from),
        lt(voucherRedemptions.redeemedAt, to),
      ),
    )
    .orderBy(asc(voucherRedemptions.redeemedAt), asc(voucherRedemptions.id))
    .limit(100_000);
}

/** Per funding organisation: budgets, claims, redemptions and the orders they drove. */
export async function overviewByOrganisation(executor: Executor, scope: Scope, orgPath: string | undefined) {
  const rows = await executor
    .select({
      orgId: voucherCampaigns.orgId,
      campaigns: sql<number>`count(*)::int`,
      budgetFen: sql<string>`coalesce(sum(${voucherCampaigns.totalCount}::bigint * ${voucherCampaigns.faceValueFen}), 0)`,
      claimedCount: sql<string>`coalesce(sum(${voucherCampaigns.totalCount} - ${voucherCampaigns.remaining}), 0)`,
      claimedFen: sql<string>`coalesce(sum((${voucherCampaigns.totalCount} - ${voucherCampaigns.remaining})::bigint * ${voucherCampaigns.faceValueFen}), 0)`,
      redeemedCount: sql<string>`coalesce(sum((select count(*) from ${voucherRedemptions} r where r.campaign_id = ${qualified('voucher_campaigns', 'id')} and r.status = 'completed')), 0)`,
      redeemedFen: sql<string>`coalesce(sum((select coalesce(sum(r.discount_fen), 0) from ${voucherRedemptions} r where r.campaign_id = ${qualified('voucher_campaigns', 'id')} and r.status = 'completed')), 0)`,
      orderAmountFen: sql<string>`coalesce(sum((select coalesce(sum(r.order_amount_fen), 0) from ${voucherRedemptions} r where r.campaign_id = ${qualified('voucher_campaigns', 'id')} and r.status = 'completed')), 0)`,
    })
    .from(voucherCampaigns)
    .where(
      and(
        inScope(voucherCampaigns.orgPath, scope),
        inArray(voucherCampaigns.status, ['approved', 'closed']),
        orgPath ? sql`${voucherCampaigns.orgPath} like ${`${escapeLike(orgPath)}%`}` : undefined,
      ),
    )
    .groupBy(voucherCampaigns.orgId);
  return rows.map((r) => ({
    orgId: r.orgId,
    campaigns: r.campaigns,
    budgetFen: Number(r.budgetFen),
    claimedCount: Number(r.claimedCount),
    claimedFen: Number(r.claimedFen),
    redeemedCount: Number(r.redeemedCount),
    redeemedFen: Number(r.redeemedFen),
    orderAmountFen: Number(r.orderAmountFen),
  }));
}

// ── idempotency ──────────────────────────────────────────────────────────────

export interface StoredOutcome {
  scope: string;
  statusCode: number;
  response: unknown;
}

/**
 * Reserves (account, key) inside the caller's transaction. A concurrent request with the
 * same key waits on the unique index until this transaction ends, then sees its outcome.
 * Returns null when reserved, or the stored outcome of an earlier request.
 */
export async function reserveIdempotencyKey(
  executor: Executor,
  accountId: string,
  key: string,
  scope: string,
  now: Date,
): Promise<StoredOutcome | null> {
  const inserted = await executor
    .insert(benefitIdempotencyKeys)
    .values({ accountId, key, scope, statusCode: 0, response: {}, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: benefitIdempotencyKeys.key });
  if (inserted.length > 0) {
    return null;
  }
  return findIdempotencyKey(executor, accountId, key);
}

export async function findIdempotencyKey(executor: Executor, accountId: string, key: string) {
  const rows = await executor
    .select({
      scope: benefitIdempotencyKeys.scope,
      statusCode: benefitIdempotencyKeys.statusCode,
      response: benefitIdempotencyKeys.response,
    })
    .from(benefitIdempotencyKeys)
    .where(and(eq(benefitIdempotencyKeys.accountId, accountId), eq(benefitIdempotencyKeys.key, key)))
    .limit(1);
  return rows[0] ?? null;
}

export async function saveIdempotentOutcome(
  executor: Executor,
  accountId: string,
  key: string,
  outcome: { statusCode: number; response: unknown },
) {
  await executor
    .update(benefitIdempotencyKeys)
    .set({ statusCode: outcome.statusCode, response: outcome.response })
    .where(and(eq(benefitIdempotencyKeys.accountId, accountId), eq(benefitIdempotencyKeys.key, key)));
}

/** Stores a refusal under the key when no outcome is stored yet (used after the claim rolled back). */
export async function storeIdempotentRefusal(
  executor: Executor,
  accountId: string,
  key: string,
  scope: string,
  outcome: { statusCode: number; response: unknown },
  now: Date,
) {
  await executor
    .insert(benefitIdempotencyKeys)
    .values({
      accountId,
      key,
      scope,
      statusCode: outcome.statusCode,
      response: outcome.response,
      createdAt: now,
    })
    .onConflictDoNothing();
}

// ── recuperation ─────────────────────────────────────────────────────────────

export async function insertRoutes(executor: Executor, rows: (typeof recuperationRoutes.$inferInsert)[]) {
  const out: RouteRow[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    out.push(
      ...(await executor
        .insert(recuperationRoutes)
        .values(rows.slice(i, i + 500))
        .returning()),
    );
  }
  return out;
}

export async function findRoute(executor: Executor, id: string): Promise<RouteRow | undefined> {
  const rows = await executor.select().from(recuperationRoutes).where(eq(recuperationRoutes.id, id)).limit(1);
  return rows[0];
}

const routeKey = sql<string>`(case when ${recuperationRoutes.featured} then '0' else '1' end) || ${recuperationRoutes.nameKey}`;

export function listRoutes(
  executor: Executor,
  where: { scope?: Scope; memberOrgPath?: string },
  filter: { featured?: boolean | undefined; q?: string | undefined },
  page: { after: Cursor | null; limit: number },
) {
  return executor
    .select({ route: recuperationRoutes, key: routeKey })
    .from(recuperationRoutes)
    .where(
      and(
        where.scope ? inScope(recuperationRoutes.orgPath, where.scope) : undefined,
        where.memberOrgPath
          ? and(
              sql`${where.memberOrgPath} like ${recuperationRoutes.orgPath} || '%'`,
              eq(recuperationRoutes.status, 'published'),
            )
          : undefined,
        filter.featured === undefined ? undefined : eq(recuperationRoutes.featured, filter.featured),
        filter.q
          ? or(
              ilike(recuperationRoutes.name, `%${escapeLike(filter.q)}%`),
              ilike(recuperationRoutes.region, `%${escapeLike(filter.q)}%`),
            )
          : undefined,
        after(routeKey, sql`${recuperationRoutes.id}`, page.after),
      ),
    )
    .orderBy(asc(routeKey), asc(recuperationRoutes.id))
    .limit(page.limit);
}

export async function insertDepartures(
  executor: Executor,
  rows: (typeof recuperationDepartures.$inferInsert)[],
) {
  const out: DepartureRow[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    out.push(
      ...(await executor
        .insert(recuperationDepartures)
        .values(rows.slice(i, i + 500))
        .returning()),
    );
  }
  return out;
}

export function departuresOf(executor: Executor, routeIds: readonly string[]) {
  if (routeIds.length === 0) {
    return Promise.resolve([]);
  }
  return executor
    .select({
      departure: recuperationDepartures,
      applicants: sql<number>`(select count(*)::int from ${recuperationApplications} a where a.departure_id = ${qualified('recuperation_departures', 'id')} and a.status <> 'cancelled')`,
      placesTaken: sql<number>`(select count(*)::int from ${recuperationApplications} a where a.departure_id = ${qualified('recuperation_departures', 'id')} and a.status = 'won')`,
    })
    .from(recuperationDepartures)
    .where(inArray(recuperationDepartures.routeId, [...routeIds]))
    .orderBy(asc(recuperationDepartures.departDate), asc(recuperationDepartures.id));
}

export async function findDeparture(executor: Executor, id: string, lock = false) {
  const query = executor
    .select({ departure: recuperationDepartures, route: recuperationRoutes })
    .from(recuperationDepartures)
    .innerJoin(recuperationRoutes, eq(recuperationRoutes.id, recuperationDepartures.routeId))
    .where(eq(recuperationDepartures.id, id))
    .limit(1);
  const rows = lock ? await query.for('update', { of: recuperationDepartures }) : await query;
  return rows[0];
}

export async function updateDeparture(
  executor: Executor,
  id: string,
  patch: Partial<typeof recuperationDepartures.$inferInsert>,
) {
  await executor.update(recuperationDepartures).set(patch).where(eq(recuperationDepartures.id, id));
}

export async function insertApplication(
  executor: Executor,
  values: typeof recuperationApplications.$inferInsert,
): Promise<ApplicationRow | null> {
  const rows = await executor
    .insert(recuperationApplications)
    .values(values)
    .onConflictDoNothing()
    .returning();
  return rows[0] ?? null;
}

export function applicationsOfDeparture(executor: Executor, departureId: string) {
  return executor
    .select()
    .from(recuperationApplications)
    .where(eq(recuperationApplications.departureId, departureId))
    .orderBy(asc(recuperationApplications.createdAt), asc(recuperationApplications.id));
}

export async function findApplication(executor: Executor, id: string) {
  const rows = await executor
    .select()
    .from(recuperationApplications)
    .where(eq(recuperationApplications.id, id))
    .limit(1);
  return rows[0];
}

export async function updateApplication(
  executor: Executor,
  id: string,
  patch: Partial<typeof recuperationApplications.$inferInsert>,
) {
  await executor.update(recuperationApplications).set(patch).where(eq(recuperationApplications.id, id));
}

/** The first on the waitlist, locked, to promote into a freed place. */
export async function nextWaitlisted(executor: Executor, departureId: string) {
  const rows = await executor
    .select()
    .from(recuperationApplications)
    .where(
      and(
        eq(recuperationApplications.departureId, departureId),
        eq(recuperationApplications.status, 'waitlisted'),
      ),
    )
    .orderBy(asc(recuperationApplications.waitlistRank))
    .for('update')
    .limit(1);
  return rows[0];
}

export function applicationsOfMember(executor: Executor, memberId: string) {
  return executor
    .select({
      application: recuperationApplications,
      routeName: recuperationRoutes.name,
      departDate: recuperationDepartures.departDate,
    })
    .from(recuperationApplications)
    .innerJoin(recuperationDepartures, eq(recuperationDepartures.id, recuperationApplications.departureId))
    .innerJoin(recuperationRoutes, eq(recuperationRoutes.id, recuperationApplications.routeId))
    .where(eq(recuperationApplications.memberId, memberId))
    .orderBy(desc(recuperationApplications.createdAt))
    .limit(200);
}

/**
 * When an organisation's subtree moves, our copies of its paths move with it: the owners of
 * merchants, campaigns and routes, the members' paths kept on vouchers and applications, and the
 * organisation paths written into the campaigns' and routes' eligibility rules (JSON).
 */
export async function rewriteOrgPaths(executor: Executor, oldPrefix: string, newPrefix: string) {
  const like = `${escapeLike(oldPrefix)}%`;
  const from = oldPrefix.length + 1;
  for (const table of [benefitMerchants, voucherCampaigns, recuperationRoutes]) {
    await executor.execute(
      sql`update ${table} set org_path = ${newPrefix} || substr(org_path, ${from}) where org_path like ${like}`,
    );
  }
  for (const table of [vouchers, recuperationApplications]) {
    await executor.execute(
      sql`update ${table} set member_org_path = ${newPrefix} || substr(member_org_path, ${from}) where member_org_path like ${like}`,
    );
  }
  // The rule's `orgPaths` array, element by element and in order; other keys stay as they are.
  const paths = sql`case when jsonb_typeof(eligibility -> 'orgPaths') = 'array' then eligibility -> 'orgPaths' else '[]'::jsonb end`;
  const rewritten = sql`(select coalesce(jsonb_agg(case when e.p like ${like}
      then to_jsonb(${newPrefix}::text || substr(e.p, ${from}::int)) else to_jsonb(e.p) end order by e.n), '[]'::jsonb)
    from jsonb_array_elements_text(${paths}) with ordinality as e(p, n))`;
  for (const table of [voucherCampaigns, recuperationRoutes]) {
    await executor.execute(
      sql`update ${table} set eligibility = jsonb_set(eligibility, '{orgPaths}', ${rewritten})
        where exists (select 1 from jsonb_array_elements_text(${paths}) as q(p) where q.p like ${like})`,
    );
  }
}

import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The benefits module's tables. Organisation, member and account ids are kept (with the
 * organisation path for subtree scoping) but never joined: those tables belong to `org`.
 * Money is integer fen (分) throughout.
 */

export const benefitMerchants = pgTable(
  'benefit_merchants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The organisation whose members the merchant serves. */
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    creditCode: text('credit_code').notNull(),
    category: text('category').notNull(),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contractStart: date('contract_start').notNull(),
    contractEnd: date('contract_end').notNull(),
    status: text('status').notNull().default('active'),
    /** 友好合作商家 plaque number, printed on the certificate. */
    plaqueNo: text('plaque_no').notNull(),
    /** Random token in the plaque's QR code: the public verification link needs it. */
    verifyToken: text('verify_token').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('benefit_merchants_credit_code_idx').on(t.creditCode),
    uniqueIndex('benefit_merchants_plaque_idx').on(t.plaqueNo),
    index('benefit_merchants_org_path_idx').on(t.orgPath),
    index('benefit_merchants_name_key_idx').on(t.nameKey, t.id),
  ],
);

export const benefitOutlets = pgTable(
  'benefit_outlets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => benefitMerchants.id),
    name: text('name').notNull(),
    address: text('address').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('benefit_outlets_merchant_idx').on(t.merchantId),
    index('benefit_outlets_geo_idx').on(t.lat, t.lng),
  ],
);

/** A merchant account (role `merchant` at the serving organisation) belongs to exactly one merchant. */
export const benefitMerchantAccounts = pgTable(
  'benefit_merchant_accounts',
  {
    accountId: uuid('account_id').primaryKey(),
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => benefitMerchants.id),
    outletId: uuid('outlet_id').references(() => benefitOutlets.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('benefit_merchant_accounts_merchant_idx').on(t.merchantId)],
);

export const voucherCampaigns = pgTable(
  'voucher_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The funding organisation. */
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    faceValueFen: integer('face_value_fen').notNull(),
    /** Minimum order amount (满 X 减 Y); 0 means no threshold. */
    thresholdFen: integer('threshold_fen').notNull().default(0),
    totalCount: integer('total_count').notNull(),
    /** Vouchers not yet claimed: claims decrement it with a conditional UPDATE. */
    remaining: integer('remaining').notNull(),
    perMemberLimit: integer('per_member_limit').notNull().default(1),
    claimStartsAt: timestamp('claim_starts_at', { withTimezone: true }).notNull(),
    claimEndsAt: timestamp('claim_ends_at', { withTimezone: true }).notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
    eligibility: jsonb('eligibility').notNull(),
    acceptMerchantIds: uuid('accept_merchant_ids').array().notNull().default(sql`'{}'::uuid[]`),
    acceptCategories: text('accept_categories').array().notNull().default(sql`'{}'::text[]`),
    reversalWindowMinutes: integer('reversal_window_minutes').notNull().default(1440),
    status: text('status').notNull().default('draft'),
    createdBy: uuid('created_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    rejectedReason: text('rejected_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Vouchers whose budget went back to the funder at closing: never claimed plus expired. */
    returnedCount: integer('returned_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('voucher_campaigns_org_path_idx').on(t.orgPath),
    index('voucher_campaigns_status_idx').on(t.status, t.claimStartsAt),
    check(
      'voucher_campaigns_remaining_check',
      sql`${t.remaining} >= 0 and ${t.remaining} <= ${t.totalCount}`,
    ),
    check(
      'voucher_campaigns_values_check',
      sql`${t.faceValueFen} > 0 and ${t.thresholdFen} >= 0 and ${t.perMemberLimit} >= 1`,
    ),
  ],
);

/** Claims per member and campaign, bumped with an upsert that refuses to pass the limit. */
export const voucherClaimCounts = pgTable(
  'voucher_claim_counts',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => voucherCampaigns.id),
    memberId: uuid('member_id').notNull(),
    claimed: integer('claimed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.memberId] })],
);

export const vouchers = pgTable(
  'vouchers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Public voucher number, the first part of the code a cashier types. */
    no: bigserial('no', { mode: 'number' }).notNull(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => voucherCampaigns.id),
    memberId: uuid('member_id').notNull(),
    accountId: uuid('account_id'),
    memberOrgId: uuid('member_org_id').notNull(),
    memberOrgPath: text('member_org_path').notNull(),
    /** 1..per-member limit: with the unique index below, no member can hold more than the limit. */
    seq: integer('seq').notNull(),
    faceValueFen: integer('face_value_fen').notNull(),
    thresholdFen: integer('threshold_fen').notNull(),
    status: text('status').notNull().default('issued'),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('vouchers_no_idx').on(t.no),
    uniqueIndex('vouchers_member_seq_idx').on(t.campaignId, t.memberId, t.seq),
    index('vouchers_account_idx').on(t.accountId, t.issuedAt),
    index('vouchers_member_idx').on(t.memberId),
    index('vouchers_campaign_status_idx').on(t.campaignId, t.status),
    check('vouchers_seq_check', sql`${t.seq} >= 1`),
  ],
);

/** Every state change of every voucher: issued → redeemed → reversed / expired. Append-only by convention. */
export const voucherEvents = pgTable(
  'voucher_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    voucherId: uuid('voucher_id')
      .notNull()
      .references(() => vouchers.id),
    campaignId: uuid('campaign_id').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorAccountId: uuid('actor_account_id'),
    merchantId: uuid('merchant_id'),
    outletId: uuid('outlet_id'),
    redemptionId: uuid('redemption_id'),
    reason: text('reason'),
  },
  (t) => [index('voucher_events_voucher_idx').on(t.voucherId, t.id)],
);

export const voucherRedemptions = pgTable(
  'voucher_redemptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    voucherId: uuid('voucher_id')
      .notNull()
      .references(() => vouchers.id),
    campaignId: uuid('campaign_id').notNull(),
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => benefitMerchants.id),
    outletId: uuid('outlet_id'),
    cashierAccountId: uuid('cashier_account_id').notNull(),
    orderAmountFen: integer('order_amount_fen').notNull(),
    discountFen: integer('discount_fen').notNull(),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('completed'),
    reversedAt: timestamp('reversed_at', { withTimezone: true }),
    reversedBy: uuid('reversed_by'),
    reverseReason: text('reverse_reason'),
  },
  (t) => [
    // A voucher has at most one standing redemption, whatever the code path.
    uniqueIndex('voucher_redemptions_one_completed_idx')
      .on(t.voucherId)
      .where(sql`${t.status} = 'completed'`),
    index('voucher_redemptions_merchant_idx').on(t.merchantId, t.redeemedAt),
    index('voucher_redemptions_campaign_idx').on(t.campaignId),
  ],
);

/** Outcomes of money-like requests by (account, Idempotency-Key), written in the request's transaction. */
export const benefitIdempotencyKeys = pgTable(
  'benefit_idempotency_keys',
  {
    accountId: uuid('account_id').notNull(),
    key: text('key').notNull(),
    /** What the key was used for, e.g. `claim:<campaign id>`: reuse for anything else is refused. */
    scope: text('scope').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.key] }),
    index('benefit_idempotency_created_idx').on(t.createdAt),
  ],
);

export const recuperationRoutes = pgTable(
  'recuperation_routes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    region: text('region').notNull(),
    summary: text('summary'),
    /** [{ day, title, description }] */
    itinerary: jsonb('itinerary').notNull(),
    days: integer('days').notNull(),
    costFen: integer('cost_fen').notNull(),
    featured: boolean('featured').notNull().default(false),
    eligibility: jsonb('eligibility').notNull(),
    /** Ordered priority rules for the lottery, stated with every draw. */
    priorities: jsonb('priorities').notNull(),
    status: text('status').notNull().default('published'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('recuperation_routes_org_path_idx').on(t.orgPath),
    index('recuperation_routes_order_idx').on(t.featured, t.nameKey),
  ],
);

export const recuperationDepartures = pgTable(
  'recuperation_departures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    routeId: uuid('route_id')
      .notNull()
      .references(() => recuperationRoutes.id),
    departDate: date('depart_date').notNull(),
    places: integer('places').notNull(),
    applyStartsAt: timestamp('apply_starts_at', { withTimezone: true }).notNull(),
    applyEndsAt: timestamp('apply_ends_at', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('open'),
    seed: text('seed'),
    drawnAt: timestamp('drawn_at', { withTimezone: true }),
    drawnBy: uuid('drawn_by'),
    /** The published draw: seed, priorities and the full order, so anyone can recompute it. */
    result: jsonb('result'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('recuperation_departures_route_idx').on(t.routeId, t.departDate),
    check('recuperation_departures_places_check', sql`${t.places} >= 1`),
  ],
);

export const recuperationApplications = pgTable(
  'recuperation_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    departureId: uuid('departure_id')
      .notNull()
      .references(() => recuperationDepartures.id),
    routeId: uuid('route_id').notNull(),
    memberId: uuid('member_id').notNull(),
    memberName: text('member_name').notNull(),
    accountId: uuid('account_id'),
    appliedBy: uuid('applied_by'),
    memberOrgPath: text('member_org_path').notNull(),
    /** 0 = first priority rule matched, …; rules.length = no priority. */
    tier: integer('tier').notNull(),
    membershipYears: integer('membership_years').notNull(),
    status: text('status').notNull().default('applied'),
    drawOrder: integer('draw_order'),
    waitlistRank: integer('waitlist_rank'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('recuperation_applications_member_idx')
      .on(t.departureId, t.memberId)
      .where(sql`${t.status} <> 'cancelled'`),
    index('recuperation_applications_departure_idx').on(t.departureId, t.status),
    index('recuperation_applications_member_lookup_idx').on(t.memberId),
  ],
);

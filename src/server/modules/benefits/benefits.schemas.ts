import { z } from 'zod';
import { CreditCodeSchema, IsoDateSchema, MobileSchema, plainText } from '../../platform/http/fields.ts';
import { PageQuerySchema, pageSchema } from '../../platform/http/pagination.ts';
import { VOUCHER_STATUSES } from './voucher.state.ts';

export const MERCHANT_CATEGORIES = [
  'appliances',
  'supermarket',
  'e-commerce',
  'catering',
  'culture-tourism',
  'payment',
  'department-store',
  'health',
  'other',
] as const;
export const MERCHANT_STATUSES = ['active', 'suspended', 'terminated'] as const;
export const CAMPAIGN_STATUSES = ['draft', 'pending', 'approved', 'rejected', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

const Fen = z.number().int().min(0).max(100_000_000_00);
const Instant = z.iso.datetime({ offset: true }).describe('ISO 8601 instant, e.g. 2026-12-01T10:00:00+08:00');

// ── merchants ────────────────────────────────────────────────────────────────

export const OutletInputSchema = z.strictObject({
  name: plainText(60, 2),
  address: plainText(120, 2),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type OutletInput = z.infer<typeof OutletInputSchema>;

export const OutletSchema = OutletInputSchema.extend({ id: z.uuid(), status: z.string() });

export const CreateMerchantBodySchema = z.strictObject({
  orgId: z.uuid().describe('The organisation whose members the merchant serves'),
  name: plainText(80, 2),
  creditCode: CreditCodeSchema,
  category: z.enum(MERCHANT_CATEGORIES),
  contactName: plainText(40).optional(),
  contactPhone: MobileSchema.optional(),
  contractStart: IsoDateSchema,
  contractEnd: IsoDateSchema,
  outlets: z.array(OutletInputSchema).max(200).default([]),
});
export type CreateMerchantBody = z.infer<typeof CreateMerchantBodySchema>;

export const UpdateMerchantBodySchema = z.strictObject({
  name: plainText(80, 2).optional(),
  category: z.enum(MERCHANT_CATEGORIES).optional(),
  contactName: plainText(40).nullable().optional(),
  contactPhone: MobileSchema.nullable().optional(),
  contractStart: IsoDateSchema.optional(),
  contractEnd: IsoDateSchema.optional(),
  status: z.enum(MERCHANT_STATUSES).optional(),
});
export type UpdateMerchantBody = z.infer<typeof UpdateMerchantBodySchema>;

export const MerchantSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  name: z.string(),
  creditCode: z.string(),
  category: z.enum(MERCHANT_CATEGORIES),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable().describe('Masked for members and merchants'),
  contractStart: z.string(),
  contractEnd: z.string(),
  status: z.enum(MERCHANT_STATUSES),
  inContract: z.boolean().describe('Active and today within the contract period'),
  plaqueNo: z.string(),
  outlets: z.array(OutletSchema),
});
export type MerchantView = z.infer<typeof MerchantSchema>;
export const MerchantPageSchema = pageSchema(MerchantSchema);

export const MerchantListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(50).optional().describe('Name contains'),
  category: z.enum(MERCHANT_CATEGORIES).optional(),
  status: z.enum(MERCHANT_STATUSES).optional(),
}).strict();
export type MerchantListQuery = z.infer<typeof MerchantListQuerySchema>;

export const CreateMerchantAccountBodySchema = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { message: 'invalid_format' }),
  displayName: plainText(40, 2),
  password: z.string().min(10).max(128),
  outletId: z.uuid().optional(),
});
export type CreateMerchantAccountBody = z.infer<typeof CreateMerchantAccountBodySchema>;

export const PlaqueSchema = z.object({
  plaqueNo: z.string(),
  title: z.string().describe('友好合作商家'),
  merchantName: z.string(),
  creditCode: z.string(),
  orgName: z.string().describe('The union that awards the plaque'),
  contractStart: z.string(),
  contractEnd: z.string(),
  verifyUrl: z.string().describe('Path of the public verification page; encode it in the QR code'),
  qrPayload: z.string(),
});

export const PlaqueVerificationSchema = z.object({
  valid: z.boolean().describe('The plaque exists, the merchant is active and within its contract'),
  plaqueNo: z.string(),
  merchantName: z.string().nullable(),
  orgName: z.string().nullable(),
  contractStart: z.string().nullable(),
  contractEnd: z.string().nullable(),
  status: z.string().nullable(),
});

export const NearbyQuerySchema = z.strictObject({
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
  radiusKm: z.coerce.number().min(0.1).max(100).default(5),
  campaignId: z.uuid().optional().describe('Only merchants that accept this campaign'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const NearbyOutletSchema = z.object({
  merchantId: z.uuid(),
  merchantName: z.string(),
  category: z.string(),
  outletId: z.uuid(),
  outletName: z.string(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  distanceKm: z.number(),
});

// ── campaigns ────────────────────────────────────────────────────────────────

export const EligibilityInputSchema = z.strictObject({
  orgIds: z
    .array(z.uuid())
    .max(50)
    .default([])
    .describe('Organisations whose subtrees qualify; empty = the whole funding organisation'),
  tagsAny: z.array(plainText(20)).max(20).default([]).describe('Member carries at least one'),
  tagsAll: z.array(plainText(20)).max(20).default([]).describe('Member carries all'),
  minMembershipYears: z.number().int().min(0).max(60).default(0),
});

const CampaignFields = {
  orgId: z.uuid().describe('The funding organisation'),
  name: plainText(80, 2),
  description: plainText(2000).optional(),
  faceValueFen: Fen.min(1).describe('Face value in fen (分): 2000 = 20 yuan'),
  thresholdFen: Fen.default(0).describe('Minimum order in fen (满 X 减 Y); 0 = no threshold'),
  totalCount: z.number().int().min(1).max(10_000_000).describe('Vouchers in the budget'),
  perMemberLimit: z.number().int().min(1).max(100).default(1),
  claimStartsAt: Instant,
  claimEndsAt: Instant,
  validFrom: Instant,
  validUntil: Instant,
  eligibility: EligibilityInputSchema.default({
    orgIds: [],
    tagsAny: [],
    tagsAll: [],
    minMembershipYears: 0,
  }),
  acceptMerchantIds: z.array(z.uuid()).max(500).default([]),
  acceptCategories: z.array(z.enum(MERCHANT_CATEGORIES)).max(20).default([]),
  reversalWindowMinutes: z
    .number()
    .int()
    .min(0)
    .max(30 * 1440)
    .default(1440),
};

export const CreateCampaignBodySchema = z.strictObject(CampaignFields);
export type CreateCampaignBody = z.infer<typeof CreateCampaignBodySchema>;

export const UpdateCampaignBodySchema = z.strictObject({
  name: CampaignFields.name.optional(),
  description: CampaignFields.description,
  faceValueFen: Fen.min(1).optional(),
  thresholdFen: Fen.optional(),
  totalCount: CampaignFields.totalCount.optional(),
  perMemberLimit: z.number().int().min(1).max(100).optional(),
  claimStartsAt: Instant.optional(),
  claimEndsAt: Instant.optional(),
  validFrom: Instant.optional(),
  validUntil: Instant.optional(),
  eligibility: EligibilityInputSchema.optional(),
  acceptMerchantIds: z.array(z.uuid()).max(500).optional(),
  acceptCategories: z.array(z.enum(MERCHANT_CATEGORIES)).max(20).optional(),
  reversalWindowMinutes: z
    .number()
    .int()
    .min(0)
    .max(30 * 1440)
    .optional(),
});
export type UpdateCampaignBody = z.infer<typeof UpdateCampaignBodySchema>;

export const RejectBodySchema = z.strictObject({ reason: plainText(500, 2) });

export const CampaignSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  label: z.string().describe('满100减20 / 50元无门槛'),
  faceValueFen: z.number().int(),
  thresholdFen: z.number().int(),
  totalCount: z.number().int(),
  budgetFen: z.number().int().describe('totalCount × faceValueFen'),
  remaining: z.number().int(),
  claimed: z.number().int(),
  perMemberLimit: z.number().int(),
  claimStartsAt: z.string(),
  claimEndsAt: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  eligibility: z.object({
    orgIds: z.array(z.uuid()),
    tagsAny: z.array(z.string()),
    tagsAll: z.array(z.string()),
    minMembershipYears: z.number().int(),
  }),
  acceptMerchantIds: z.array(z.uuid()),
  acceptCategories: z.array(z.string()),
  reversalWindowMinutes: z.number().int(),
  status: z.enum(CAMPAIGN_STATUSES),
  phase: z
    .enum(['draft', 'pending', 'rejected', 'upcoming', 'open', 'sold-out', 'ended', 'closed'])
    .describe('What a person sees: the status combined with the clock and the stock'),
  createdBy: z.uuid().nullable(),
  approvedBy: z.uuid().nullable(),
  approvedAt: z.string().nullable(),
  rejectedReason: z.string().nullable(),
  returnedCount: z.number().int(),
  /** For members: how many they already hold. */
  myClaimed: z.number().int().optional(),
});
export type CampaignView = z.infer<typeof CampaignSchema>;
export const CampaignPageSchema = pageSchema(CampaignSchema);

export const CampaignListQuerySchema = PageQuerySchema.extend({
  view: z
    .enum(['staff', 'member'])
    .optional()
    .describe('Default: staff when the caller holds benefit:read, member otherwise'),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  orgId: z.uuid().optional().describe('Staff: only this funding organisation’s subtree'),
}).strict();
export type CampaignListQuery = z.infer<typeof CampaignListQuerySchema>;

export const CampaignProgressSchema = z.object({
  campaignId: z.uuid(),
  totalCount: z.number().int(),
  remaining: z.number().int(),
  claimed: z.number().int(),
  redeemed: z.number().int(),
  reversed: z.number().int(),
  expired: z.number().int(),
  claimants: z.number().int(),
  phase: CampaignSchema.shape.phase,
  at: z.string(),
});

export const ReconciliationSchema = z.object({
  campaignId: z.uuid(),
  balanced: z.boolean(),
  checks: z.array(z.object({ name: z.string(), expected: z.number(), actual: z.number(), ok: z.boolean() })),
  byStatus: z.record(z.string(), z.number().int()),
  budgetFen: z.number().int(),
  redeemedFen: z.number().int(),
  returnedFen: z.number().int(),
  outstandingFen: z.number().int().describe('Claimed vouchers still usable'),
});

export const CloseCampaignResultSchema = z.object({
  campaignId: z.uuid(),
  expired: z.number().int(),
  unclaimed: z.number().int(),
  returnedCount: z.number().int(),
  returnedFen: z.number().int(),
});

// ── vouchers ─────────────────────────────────────────────────────────────────

export const VoucherEventSchema = z.object({
  from: z.string().nullable(),
  to: z.enum(VOUCHER_STATUSES),
  at: z.string(),
  merchantId: z.uuid().nullable(),
  reason: z.string().nullable(),
});

export const VoucherSchema = z.object({
  id: z.uuid(),
  no: z.string().describe('Voucher number, the first part of the redemption code'),
  campaignId: z.uuid(),
  campaignName: z.string(),
  label: z.string(),
  faceValueFen: z.number().int(),
  thresholdFen: z.number().int(),
  status: z.enum(VOUCHER_STATUSES),
  usable: z.boolean().describe('Can be shown to a merchant now'),
  validFrom: z.string(),
  validUntil: z.string(),
  issuedAt: z.string(),
  redeemedAt: z.string().nullable(),
  history: z.array(VoucherEventSchema).optional(),
});
export type VoucherView = z.infer<typeof VoucherSchema>;
export const VoucherListSchema = z.object({ items: z.array(VoucherSchema) });

export const IdempotencyHeadersSchema = z.looseObject({
  'idempotency-key': z
    .string()
    .trim()
    .min(8)
    .max(100)
    .regex(/^[\w.:-]+$/, { message: 'invalid_format' })
    .optional()
    .describe('Retries with the same key return the first outcome'),
});

export const VoucherCodeSchema = z.object({
  voucherId: z.uuid(),
  code: z.string().describe('Voucher number + 6-digit one-time code; type or scan'),
  qrPayload: z.string(),
  refreshAt: z.string().describe('Fetch a new code at this time (every 30 s)'),
  expiresAt: z.string().describe('This code is refused after this time'),
});

export const RedeemBodySchema = z.strictObject({
  code: z.string().trim().min(7).max(40).describe('Scanned or typed code'),
  orderAmountFen: Fen.min(1).describe('The order amount before the voucher, in fen'),
  outletId: z.uuid().optional(),
});
export type RedeemBody = z.infer<typeof RedeemBodySchema>;

export const RedemptionSchema = z.object({
  id: z.uuid(),
  voucherId: z.uuid(),
  voucherNo: z.string(),
  campaignId: z.uuid(),
  campaignName: z.string(),
  merchantId: z.uuid(),
  outletId: z.uuid().nullable(),
  orderAmountFen: z.number().int(),
  discountFen: z.number().int(),
  payableFen: z.number().int().describe('What the member pays: order − discount'),
  redeemedAt: z.string(),
  status: z.enum(['completed', 'reversed']),
  reversibleUntil: z.string().nullable(),
  reversedAt: z.string().nullable(),
  reverseReason: z.string().nullable(),
});
export type RedemptionView = z.infer<typeof RedemptionSchema>;

export const ReverseBodySchema = z.strictObject({ reason: plainText(200, 2) });

export const RedemptionListQuerySchema = z.strictObject({
  date: IsoDateSchema.optional().describe('China date; default today'),
});

export const StatementQuerySchema = z.strictObject({
  from: IsoDateSchema.describe('First day (China time)'),
  to: IsoDateSchema.describe('Last day, inclusive'),
});

export const StatementSchema = z.object({
  merchantId: z.uuid(),
  merchantName: z.string(),
  creditCode: z.string(),
  from: z.string(),
  to: z.string(),
  count: z.number().int(),
  orderAmountFen: z.number().int(),
  owedFen: z.number().int().describe('What the union owes the merchant: the face values redeemed'),
  byCampaign: z.array(
    z.object({
      campaignId: z.uuid(),
      campaignName: z.string(),
      count: z.number().int(),
      owedFen: z.number().int(),
      orderAmountFen: z.number().int(),
    }),
  ),
  lines: z.array(RedemptionSchema),
});
export type StatementView = z.infer<typeof StatementSchema>;

export const OverviewQuerySchema = z.strictObject({
  orgId: z.uuid().optional().describe('Only campaigns funded within this subtree'),
});

export const OverviewSchema = z.object({
  totals: z.object({
    campaigns: z.number().int(),
    budgetFen: z.number().int(),
    claimedFen: z.number().int(),
    redeemedFen: z.number().int(),
    orderAmountFen: z.number().int(),
    claimedCount: z.number().int(),
    redeemedCount: z.number().int(),
  }),
  byOrganisation: z.array(
    z.object({
      orgId: z.uuid(),
      orgName: z.string(),
      campaigns: z.number().int(),
      budgetFen: z.number().int().describe('Issued: the budgets of approved campaigns'),
      claimedFen: z.number().int(),
      redeemedFen: z.number().int(),
      orderAmountFen: z.number().int().describe('Order amounts the redeemed vouchers drove'),
      claimedCount: z.number().int(),
      redeemedCount: z.number().int(),
    }),
  ),
});

// ── recuperation ─────────────────────────────────────────────────────────────

export const PriorityRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('tag'), tag: plainText(20) }),
  z.strictObject({ kind: z.literal('membership-years'), min: z.number().int().min(1).max(60) }),
]);

export const ItineraryDaySchema = z.strictObject({
  day: z.number().int().min(1).max(60),
  title: plainText(60),
  description: plainText(500).optional(),
});

export const CreateRouteBodySchema = z.strictObject({
  orgId: z.uuid(),
  name: plainText(60, 2),
  region: plainText(40, 2),
  summary: plainText(500).optional(),
  itinerary: z.array(ItineraryDaySchema).min(1).max(60),
  days: z.number().int().min(1).max(60),
  costFen: Fen,
  featured: z.boolean().default(false),
  eligibility: EligibilityInputSchema.default({
    orgIds: [],
    tagsAny: [],
    tagsAll: [],
    minMembershipYears: 0,
  }),
  priorities: z.array(PriorityRuleSchema).max(10).default([]).describe('In order: first rule = first tier'),
});
export type CreateRouteBody = z.infer<typeof CreateRouteBodySchema>;

export const DepartureInputSchema = z.strictObject({
  departDate: IsoDateSchema,
  places: z.number().int().min(1).max(10_000),
  applyStartsAt: Instant,
  applyEndsAt: Instant,
});
export type DepartureInput = z.infer<typeof DepartureInputSchema>;

export const DepartureSchema = z.object({
  id: z.uuid(),
  routeId: z.uuid(),
  departDate: z.string(),
  places: z.number().int(),
  applyStartsAt: z.string(),
  applyEndsAt: z.string(),
  status: z.enum(['open', 'drawn', 'cancelled']),
  applicants: z.number().int(),
  placesTaken: z.number().int(),
  seed: z.string().nullable(),
});

export const RouteSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  name: z.string(),
  region: z.string(),
  summary: z.string().nullable(),
  itinerary: z.array(
    z.object({ day: z.number().int(), title: z.string(), description: z.string().optional() }),
  ),
  days: z.number().int(),
  costFen: z.number().int(),
  featured: z.boolean(),
  eligibility: CampaignSchema.shape.eligibility,
  priorities: z.array(PriorityRuleSchema),
  status: z.string(),
  departures: z.array(DepartureSchema).optional(),
});
export type RouteView = z.infer<typeof RouteSchema>;
export const RoutePageSchema = pageSchema(RouteSchema);

export const RouteListQuerySchema = PageQuerySchema.extend({
  featured: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(50).optional(),
  view: z.enum(['staff', 'member']).optional(),
}).strict();
export type RouteListQuery = z.infer<typeof RouteListQuerySchema>;

export const ApplyBodySchema = z.strictObject({
  memberId: z
    .uuid()
    .optional()
    .describe('An enterprise union applying for one of its members; omit to apply for oneself'),
});

export const APPLICATION_STATUSES = ['applied', 'won', 'waitlisted', 'cancelled'] as const;

export const ApplicationSchema = z.object({
  id: z.uuid(),
  departureId: z.uuid(),
  routeId: z.uuid(),
  routeName: z.string(),
  departDate: z.string(),
  memberId: z.uuid(),
  memberName: z.string(),
  tier: z.number().int(),
  membershipYears: z.number().int(),
  status: z.enum(APPLICATION_STATUSES),
  drawOrder: z.number().int().nullable(),
  waitlistRank: z.number().int().nullable(),
  createdAt: z.string(),
});
export type ApplicationView = z.infer<typeof ApplicationSchema>;

export const DrawBodySchema = z.strictObject({
  seed: z
    .string()
    .trim()
    .regex(/^[\w.:-]{8,128}$/, { message: 'invalid_format' })
    .optional()
    .describe('A seed announced in advance (e.g. a lottery number); a random one when omitted'),
});

export const LotteryResultSchema = z.object({
  departureId: z.uuid(),
  seed: z.string(),
  algorithm: z.string(),
  places: z.number().int(),
  priorities: z.array(PriorityRuleSchema),
  drawnAt: z.string(),
  order: z.array(
    z.object({
      applicationId: z.uuid(),
      memberName: z.string().describe('Masked: 李*'),
      tier: z.number().int(),
      ticket: z.string(),
      position: z.number().int(),
      won: z.boolean(),
    }),
  ),
});
export type LotteryResultView = z.infer<typeof LotteryResultSchema>;

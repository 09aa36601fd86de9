import i18next from 'i18next';
import { ApiError, apiDownload, apiGet, apiSend, type Problem, withQuery } from '../shared/api-client.ts';
import { currentLanguage } from '../shared/i18n.ts';

/**
 * Typed calls for the benefits module (vouchers, merchants, settlement, recuperation).
 * Shapes mirror `src/server/modules/benefits/benefits.schemas.ts`; money is whole fen.
 */

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
export type MerchantCategory = (typeof MERCHANT_CATEGORIES)[number];
export const MERCHANT_STATUSES = ['active', 'suspended', 'terminated'] as const;
export type MerchantStatus = (typeof MERCHANT_STATUSES)[number];
export const CAMPAIGN_STATUSES = ['draft', 'pending', 'approved', 'rejected', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export type CampaignPhase =
  | 'draft'
  | 'pending'
  | 'rejected'
  | 'upcoming'
  | 'open'
  | 'sold-out'
  | 'ended'
  | 'closed';
export type VoucherStatus = 'issued' | 'redeemed' | 'reversed' | 'expired';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

export interface Outlet {
  id: string;
  name: string;
  address: string;
  lat: number;
  lng: number;
  status: string;
}
export type OutletInput = Omit<Outlet, 'id' | 'status'>;

export interface Merchant {
  id: string;
  orgId: string;
  name: string;
  creditCode: string;
  category: MerchantCategory;
  contactName: string | null;
  contactPhone: string | null;
  contractStart: string;
  contractEnd: string;
  status: MerchantStatus;
  inContract: boolean;
  plaqueNo: string;
  outlets: Outlet[];
}

export interface MerchantInput {
  orgId: string;
  name: string;
  creditCode: string;
  category: MerchantCategory;
  contactName?: string;
  contactPhone?: string;
  contractStart: string;
  contractEnd: string;
  outlets: OutletInput[];
}

export interface Plaque {
  plaqueNo: string;
  title: string;
  merchantName: string;
  creditCode: string;
  orgName: string;
  contractStart: string;
  contractEnd: string;
  verifyUrl: string;
  qrPayload: string;
}

export interface NearbyOutlet {
  merchantId: string;
  merchantName: string;
  category: MerchantCategory;
  outletId: string;
  outletName: string;
  address: string;
  lat: number;
  lng: number;
  distanceKm: number;
}

export interface Eligibility {
  orgIds: string[];
  tagsAny: string[];
  tagsAll: string[];
  minMembershipYears: number;
}

export interface Campaign {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  description: string | null;
  label: string;
  faceValueFen: number;
  thresholdFen: number;
  totalCount: number;
  budgetFen: number;
  remaining: number;
  claimed: number;
  perMemberLimit: number;
  claimStartsAt: string;
  claimEndsAt: string;
  validFrom: string;
  validUntil: string;
  eligibility: Eligibility;
  acceptMerchantIds: string[];
  acceptCategories: MerchantCategory[];
  reversalWindowMinutes: number;
  status: CampaignStatus;
  phase: CampaignPhase;
  createdBy: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  rejectedReason: string | null;
  returnedCount: number;
  myClaimed?: number;
}

export interface CampaignInput {
  orgId: string;
  name: string;
  description?: string;
  faceValueFen: number;
  thresholdFen: number;
  totalCount: number;
  perMemberLimit: number;
  claimStartsAt: string;
  claimEndsAt: string;
  validFrom: string;
  validUntil: string;
  eligibility: Eligibility;
  acceptMerchantIds: string[];
  acceptCategories: MerchantCategory[];
  reversalWindowMinutes: number;
}

export interface CampaignProgress {
  campaignId: string;
  totalCount: number;
  remaining: number;
  claimed: number;
  redeemed: number;
  reversed: number;
  expired: number;
  claimants: number;
  phase: CampaignPhase;
  at: string;
}

export interface Reconciliation {
  campaignId: string;
  balanced: boolean;
  checks: { name: string; expected: number; actual: number; ok: boolean }[];
  byStatus: Record<string, number>;
  budgetFen: number;
  redeemedFen: number;
  returnedFen: number;
  outstandingFen: number;
}

export interface CloseResult {
  campaignId: string;
  expired: number;
  unclaimed: number;
  returnedCount: number;
  returnedFen: number;
}

export interface VoucherEvent {
  from: string | null;
  to: VoucherStatus;
  at: string;
  merchantId: string | null;
  reason: string | null;
}

export interface Voucher {
  id: string;
  no: string;
  campaignId: string;
  campaignName: string;
  label: string;
  faceValueFen: number;
  thresholdFen: number;
  status: VoucherStatus;
  usable: boolean;
  validFrom: string;
  validUntil: string;
  issuedAt: string;
  redeemedAt: string | null;
  history?: VoucherEvent[];
}

export interface VoucherCode {
  voucherId: string;
  code: string;
  qrPayload: string;
  refreshAt: string;
  expiresAt: string;
}

export interface Redemption {
  id: string;
  voucherId: string;
  voucherNo: string;
  campaignId: string;
  campaignName: string;
  merchantId: string;
  outletId: string | null;
  orderAmountFen: number;
  discountFen: number;
  payableFen: number;
  redeemedAt: string;
  status: 'completed' | 'reversed';
  reversibleUntil: string | null;
  reversedAt: string | null;
  reverseReason: string | null;
}

export interface Statement {
  merchantId: string;
  merchantName: string;
  creditCode: string;
  from: string;
  to: string;
  count: number;
  orderAmountFen: number;
  owedFen: number;
  byCampaign: {
    campaignId: string;
    campaignName: string;
    count: number;
    owedFen: number;
    orderAmountFen: number;
  }[];
  lines: Redemption[];
}

export interface OverviewRow {
  orgId: string;
  orgName: string;
  campaigns: number;
  budgetFen: number;
  claimedFen: number;
  redeemedFen: number;
  orderAmountFen: number;
  claimedCount: number;
  redeemedCount: number;
}

export interface Overview {
  totals: Omit<OverviewRow, 'orgId' | 'orgName'>;
  byOrganisation: OverviewRow[];
}

export type PriorityRule = { kind: 'tag'; tag: string } | { kind: 'membership-years'; min: number };

export interface Departure {
  id: string;
  routeId: string;
  departDate: string;
  places: number;
  applyStartsAt: string;
  applyEndsAt: string;
  status: 'open' | 'drawn' | 'cancelled';
  applicants: number;
  placesTaken: number;
  seed: string | null;
}

export interface Route {
  id: string;
  orgId: string;
  name: string;
  region: string;
  summary: string | null;
  itinerary: { day: number; title: string; description?: string }[];
  days: number;
  costFen: number;
  featured: boolean;
  eligibility: Eligibility;
  priorities: PriorityRule[];
  status: string;
  departures?: Departure[];
}

export interface RouteInput {
  orgId: string;
  name: string;
  region: string;
  summary?: string;
  itinerary: { day: number; title: string; description?: string }[];
  days: number;
  costFen: number;
  featured: boolean;
  priorities: PriorityRule[];
}

export interface DepartureInput {
  departDate: string;
  places: number;
  applyStartsAt: string;
  applyEndsAt: string;
}

export type ApplicationStatus = 'applied' | 'won' | 'waitlisted' | 'cancelled';

export interface Application {
  id: string;
  departureId: string;
  routeId: string;
  routeName: string;
  departDate: string;
  memberId: string;
  memberName: string;
  tier: number;
  membershipYears: number;
  status: ApplicationStatus;
  drawOrder: number | null;
  waitlistRank: number | null;
  createdAt: string;
}

export interface Lottery {
  departureId: string;
  seed: string;
  algorithm: string;
  places: number;
  priorities: PriorityRule[];
  drawnAt: string;
  order: {
    applicationId: string;
    memberName: string;
    tier: number;
    ticket: string;
    position: number;
    won: boolean;
  }[];
}

/** A fresh key per tap; the caller keeps it for retries of the same tap. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * POST with an `Idempotency-Key` header (the shared client sends none). Errors come back
 * as the same `ApiError` the rest of the app uses.
 */
async function postWithKey<T>(path: string, key: string, json: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json, application/problem+json',
        'Accept-Language': currentLanguage(),
        'Content-Type': 'application/json',
        'Idempotency-Key': key,
      },
      body: JSON.stringify(json ?? {}),
    });
  } catch {
    throw new ApiError({
      type: 'about:blank',
      title: 'network',
      status: 0,
      detail: i18next.t('shared:error.network'),
      code: 'web/network',
    });
  }
  if (!response.ok) {
    let problem: Problem = {
      type: 'about:blank',
      title: response.statusText,
      status: response.status,
      detail: response.statusText || `HTTP ${response.status}`,
      code: `http/${response.status}`,
    };
    try {
      const body = (await response.json()) as Partial<Problem>;
      if (typeof body.code === 'string' && typeof body.status === 'number') {
        problem = { ...problem, ...body, detail: body.detail || body.title || problem.detail } as Problem;
      }
    } catch {
      // not JSON
    }
    throw new ApiError(problem);
  }
  return (await response.json()) as T;
}

const V1 = '/api/v1';

export const campaignApi = {
  list: (query: {
    cursor?: string | undefined;
    limit?: number;
    status?: CampaignStatus;
    view?: 'staff' | 'member';
  }) => apiGet<Page<Campaign>>(withQuery(`${V1}/voucher-campaigns`, query)),
  get: (id: string) => apiGet<Campaign>(`${V1}/voucher-campaigns/${id}`),
  create: (input: CampaignInput) => apiSend<Campaign>('POST', `${V1}/voucher-campaigns`, input),
  update: (id: string, input: Partial<CampaignInput>) =>
    apiSend<Campaign>('PATCH', `${V1}/voucher-campaigns/${id}`, input),
  submit: (id: string) => apiSend<Campaign>('POST', `${V1}/voucher-campaigns/${id}/submit`, {}),
  approve: (id: string) => apiSend<Campaign>('POST', `${V1}/voucher-campaigns/${id}/approve`, {}),
  reject: (id: string, reason: string) =>
    apiSend<Campaign>('POST', `${V1}/voucher-campaigns/${id}/reject`, { reason }),
  close: (id: string) => apiSend<CloseResult>('POST', `${V1}/voucher-campaigns/${id}/close`, {}),
  progress: (id: string) => apiGet<CampaignProgress>(`${V1}/voucher-campaigns/${id}/progress`),
  reconciliation: (id: string) => apiGet<Reconciliation>(`${V1}/voucher-campaigns/${id}/reconciliation`),
  overview: (orgId?: string) => apiGet<Overview>(`${V1}/benefits/overview`, { orgId }),
  claim: (id: string, key: string) => postWithKey<Voucher>(`${V1}/voucher-campaigns/${id}/claims`, key, {}),
};

export const voucherApi = {
  mine: () => apiGet<{ items: Voucher[] }>(`${V1}/me/vouchers`),
  get: (id: string) => apiGet<Voucher>(`${V1}/me/vouchers/${id}`),
  code: (id: string) => apiGet<VoucherCode>(`${V1}/me/vouchers/${id}/code`),
  nearby: (query: { lat: number; lng: number; radiusKm?: number; campaignId?: string; limit?: number }) =>
    apiGet<{ items: NearbyOutlet[] }>(`${V1}/me/nearby-merchants`, query),
};

export const merchantApi = {
  list: (query: {
    cursor?: string | undefined;
    limit?: number;
    q?: string;
    category?: MerchantCategory;
    status?: MerchantStatus;
  }) => apiGet<Page<Merchant>>(`${V1}/merchants`, query),
  get: (id: string) => apiGet<Merchant>(`${V1}/merchants/${id}`),
  create: (input: MerchantInput) => apiSend<Merchant>('POST', `${V1}/merchants`, input),
  update: (
    id: string,
    patch: Partial<Omit<MerchantInput, 'outlets' | 'orgId' | 'creditCode'>> & { status?: MerchantStatus },
  ) => apiSend<Merchant>('PATCH', `${V1}/merchants/${id}`, patch),
  addOutlet: (id: string, outlet: OutletInput) =>
    apiSend<Merchant>('POST', `${V1}/merchants/${id}/outlets`, outlet),
  addAccount: (
    id: string,
    input: { username: string; displayName: string; password: string; outletId?: string },
  ) => apiSend<unknown>('POST', `${V1}/merchants/${id}/accounts`, input),
  plaque: (id: string) => apiGet<Plaque>(`${V1}/merchants/${id}/plaque`),
  statement: (id: string, from: string, to: string) =>
    apiGet<Statement>(`${V1}/merchants/${id}/statement`, { from, to }),
  statementXlsx: (id: string, from: string, to: string) =>
    apiDownload(`${V1}/merchants/${id}/statement.xlsx`, { from, to }, `statement-${from}-${to}.xlsx`),
  verifyPlaque: (plaqueNo: string) => apiGet<{ valid: boolean }>(`${V1}/plaques/${plaqueNo}/verification`),
};

export const cashierApi = {
  me: () => apiGet<Merchant & { outletId: string | null }>(`${V1}/merchant/me`),
  redeem: (input: { code: string; orderAmountFen: number; outletId?: string }, key: string) =>
    postWithKey<Redemption>(`${V1}/redemptions`, key, input),
  reverse: (id: string, reason: string) =>
    apiSend<Redemption>('POST', `${V1}/redemptions/${id}/reversal`, { reason }),
  today: (date?: string) => apiGet<{ items: Redemption[] }>(`${V1}/merchant/redemptions`, { date }),
  statement: (from: string, to: string) => apiGet<Statement>(`${V1}/merchant/statement`, { from, to }),
  statementXlsx: (from: string, to: string) =>
    apiDownload(`${V1}/merchant/statement.xlsx`, { from, to }, `statement-${from}-${to}.xlsx`),
};

export const recuperationApi = {
  routes: (query: {
    cursor?: string | undefined;
    limit?: number;
    featured?: 'true' | 'false';
    q?: string;
    view?: 'staff' | 'member';
  }) => apiGet<Page<Route>>(`${V1}/recuperation/routes`, query),
  route: (id: string) => apiGet<Route>(`${V1}/recuperation/routes/${id}`),
  createRoute: (input: RouteInput) => apiSend<Route>('POST', `${V1}/recuperation/routes`, input),
  addDeparture: (routeId: string, input: DepartureInput) =>
    apiSend<Route>('POST', `${V1}/recuperation/routes/${routeId}/departures`, input),
  apply: (departureId: string) =>
    apiSend<Application>('POST', `${V1}/recuperation/departures/${departureId}/applications`, {}),
  applications: (departureId: string) =>
    apiGet<{ items: Application[] }>(`${V1}/recuperation/departures/${departureId}/applications`),
  draw: (departureId: string, seed?: string) =>
    apiSend<{ departureId: string; winners: number; seed: string }>(
      'POST',
      `${V1}/recuperation/departures/${departureId}/draw`,
      seed ? { seed } : {},
    ),
  lottery: (departureId: string) => apiGet<Lottery>(`${V1}/recuperation/departures/${departureId}/lottery`),
  cancel: (applicationId: string) =>
    apiSend<{ cancelled: string; promoted: string | null }>(
      'POST',
      `${V1}/recuperation/applications/${applicationId}/cancel`,
      {},
    ),
  mine: () => apiGet<{ items: Application[] }>(`${V1}/me/recuperation-applications`),
};

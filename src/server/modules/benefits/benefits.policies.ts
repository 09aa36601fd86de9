import { type Scope, scopeIncludes } from '../../platform/auth/scope.ts';
import { AppError } from '../../platform/errors.ts';
import type { BenefitsErrorCode } from './benefits.errors.ts';
import type { CampaignStatus } from './benefits.schemas.ts';

/** Pure record-level rules of the benefits module (the route guard has checked the permission). */
export function assertInScope<T extends { orgPath: string }>(
  scope: Scope,
  record: T | undefined,
  notFound: BenefitsErrorCode,
): asserts record is T {
  if (!record || !scopeIncludes(scope, record.orgPath)) {
    throw new AppError(notFound);
  }
}

/** Maker-checker: whoever created a campaign cannot approve (or reject) it. */
export function assertNotMaker(
  campaign: { createdBy: string | null },
  approverAccountId: string | null,
): void {
  if (!approverAccountId || campaign.createdBy === approverAccountId) {
    throw new AppError('benefits/maker-checker');
  }
}

export function assertCampaignStatus(campaign: { status: string }, allowed: readonly CampaignStatus[]): void {
  if (!allowed.includes(campaign.status as CampaignStatus)) {
    throw new AppError('benefits/campaign-wrong-status', { params: { status: campaign.status } });
  }
}

/**
 * Whether a merchant accepts a campaign's vouchers: it serves an organisation inside the
 * funding organisation's subtree, and it is listed by id or by category (no list = any).
 */
export function merchantAccepts(
  campaign: { orgPath: string; acceptMerchantIds: readonly string[]; acceptCategories: readonly string[] },
  merchant: { id: string; orgPath: string; category: string },
): boolean {
  if (!merchant.orgPath.startsWith(campaign.orgPath) && !campaign.orgPath.startsWith(merchant.orgPath)) {
    return false;
  }
  if (campaign.acceptMerchantIds.length === 0 && campaign.acceptCategories.length === 0) {
    return true;
  }
  return (
    campaign.acceptMerchantIds.includes(merchant.id) || campaign.acceptCategories.includes(merchant.category)
  );
}

/** A merchant may redeem when active and today (China date) is within its contract. */
export function merchantInContract(
  merchant: { status: string; contractStart: string; contractEnd: string },
  today: string,
): boolean {
  return merchant.status === 'active' && merchant.contractStart <= today && today <= merchant.contractEnd;
}

export type CampaignPhase =
  | 'draft'
  | 'pending'
  | 'rejected'
  | 'upcoming'
  | 'open'
  | 'sold-out'
  | 'ended'
  | 'closed';

export function campaignPhase(
  c: { status: string; remaining: number; claimStartsAt: Date; claimEndsAt: Date },
  now: Date,
): CampaignPhase {
  switch (c.status as CampaignStatus) {
    case 'draft':
      return 'draft';
    case 'pending':
      return 'pending';
    case 'rejected':
      return 'rejected';
    case 'closed':
      return 'closed';
    case 'approved':
      if (now < c.claimStartsAt) {
        return 'upcoming';
      }
      if (now >= c.claimEndsAt) {
        return 'ended';
      }
      return c.remaining > 0 ? 'open' : 'sold-out';
    default: {
      const unreachable: never = c.status as never;
      return unreachable;
    }
  }
}

/** 满100减20 / 50元无门槛 */
export function voucherLabel(faceValueFen: number, thresholdFen: number): string {
  const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));
  return thresholdFen > 0
    ? `满${yuan(thresholdFen)}减${yuan(faceValueFen)}`
    : `${yuan(faceValueFen)}元无门槛`;
}

/** 李云 → 李* : names in published lottery results. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 2))}`;
}

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Who may claim a voucher or apply for a trip, as data plus one pure function. The rule is
 * plain JSON so it can later move to the platform's shared rule language unchanged.
 */
export interface EligibilityRule {
  /** Organisation subtrees (materialised paths) whose members qualify; empty = nobody. */
  orgPaths: string[];
  /** The member must carry at least one of these tags (empty = no tag needed). */
  tagsAny: string[];
  /** The member must carry all of these tags. */
  tagsAll: string[];
  /** Whole years since joining the union, at least. */
  minMembershipYears: number;
}

export interface MemberProfile {
  memberId: string;
  accountId: string | null;
  name: string;
  orgId: string;
  orgPath: string;
  tags: string[];
  /** YYYY-MM-DD */
  joinDate: string;
  status: string;
}

export type IneligibleReason = 'status' | 'organisation' | 'tags' | 'membership-years';

export interface EligibilityVerdict {
  eligible: boolean;
  reasons: IneligibleReason[];
}

/** Whole years between two calendar dates (YYYY-MM-DD), birthday-style. */
export function wholeYearsBetween(from: string, to: string): number {
  const [fy = 0, fm = 0, fd = 0] = from.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = to.split('-').map(Number);
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) {
    years -= 1;
  }
  return Math.max(0, years);
}

/** The calendar date in China (UTC+8, no daylight saving) of an instant. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function evaluateEligibility(
  rule: EligibilityRule,
  member: MemberProfile,
  now: Date,
): EligibilityVerdict {
  const reasons: IneligibleReason[] = [];
  if (member.status !== 'active') {
    reasons.push('status');
  }
  if (!rule.orgPaths.some((root) => member.orgPath.startsWith(root))) {
    reasons.push('organisation');
  }
  const tags = new Set(member.tags);
  if (
    (rule.tagsAny.length > 0 && !rule.tagsAny.some((t) => tags.has(t))) ||
    !rule.tagsAll.every((t) => tags.has(t))
  ) {
    reasons.push('tags');
  }
  if (wholeYearsBetween(member.joinDate, chinaDate(now)) < rule.minMembershipYears) {
    reasons.push('membership-years');
  }
  return { eligible: reasons.length === 0, reasons };
}

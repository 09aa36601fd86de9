import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateEligibility, wholeYearsBetween } from './benefits.eligibility.ts';
import { voucherLabel } from './benefits.policies.ts';
import { CODE_WINDOW_MS, codeIsFresh, currentCode, parseCode } from './voucher.code.ts';

const hash = (text: string) => createHmac('sha256', 'k').update(text).digest('base64url');

describe('rotating voucher code', () => {
  it('is accepted in its window and the next, and refused a minute later', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 1.7e12, max: 1.9e12 }),
        (id, no, t) => {
          const shown = currentCode(hash, { id, no }, new Date(t));
          const parsed = parseCode(shown.code)!;
          expect(parsed.no).toBe(no);
          expect(codeIsFresh(hash, id, parsed.otp, new Date(t))).toBe(true);
          expect(codeIsFresh(hash, id, parsed.otp, new Date(t + CODE_WINDOW_MS))).toBe(true);
          expect(codeIsFresh(hash, id, parsed.otp, new Date(t + 2 * CODE_WINDOW_MS))).toBe(false);
          expect(parseCode(shown.qrPayload)).toEqual(parsed);
        },
      ),
    );
  });

  it('rejects malformed input', () => {
    expect(parseCode('abc')).toBeNull();
    expect(parseCode('123')).toBeNull();
    expect(parseCode('0000 0012-345678')).toEqual({ no: 12, otp: '345678' });
  });
});

describe('eligibility rule', () => {
  const member = {
    memberId: 'm',
    accountId: null,
    name: '李云',
    orgId: 'o',
    orgPath: '/a/b/c/',
    tags: ['劳模'],
    joinDate: '2016-06-15',
    status: 'active',
  };
  const rule = { orgPaths: ['/a/b/'], tagsAny: [], tagsAll: [], minMembershipYears: 0 };
  it('checks subtree, tags, years and status', () => {
    const now = new Date('2026-06-15T02:00:00Z');
    expect(evaluateEligibility(rule, member, now).eligible).toBe(true);
    expect(evaluateEligibility({ ...rule, orgPaths: ['/a/x/'] }, member, now).reasons).toEqual([
      'organisation',
    ]);
    expect(evaluateEligibility({ ...rule, tagsAny: ['工匠'] }, member, now).reasons).toEqual(['tags']);
    expect(evaluateEligibility({ ...rule, minMembershipYears: 11 }, member, now).reasons).toEqual([
      'membership-years',
    ]);
    expect(evaluateEligibility(rule, { ...member, status: 'retired' }, now).reasons).toEqual(['status']);
    expect(wholeYearsBetween('2016-06-16', '2026-06-15')).toBe(9);
  });

  it('labels face values', () => {
    expect(voucherLabel(2000, 10000)).toBe('满100减20');
    expect(voucherLabel(5000, 0)).toBe('50元无门槛');
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../tests/support/harness.ts';
import { AppError } from '../../platform/errors.ts';
import { memberAccount, openCampaign, staffCtx } from './benefits.int-fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('claiming vouchers', () => {
  it('returns the same voucher once for a retried Idempotency-Key, and refuses a second claim', async () => {
    const org = await h.factory.org();
    const campaign = await openCampaign(h, org.id);
    const worker = await memberAccount(h, org.id, { login: true });
    const url = `/api/v1/voucher-campaigns/${campaign.id}/claims`;
    const key = `claim-${randomUUID()}`;
    const first = await h.request(worker.cookie, {
      method: 'POST',
      url,
      headers: { 'idempotency-key': key },
    });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBe('false');
    const again = await h.request(worker.cookie, {
      method: 'POST',
      url,
      headers: { 'idempotency-key': key },
    });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);

    const mine = await h.request(worker.cookie, { method: 'GET', url: '/api/v1/me/vouchers' });
    expect(mine.json().items.map((v: { id: string }) => v.id)).toEqual([first.json().id]);

    const other = await h.request(worker.cookie, {
      method: 'POST',
      url,
      headers: { 'idempotency-key': `k-${randomUUID()}` },
    });
    expect(other.statusCode).toBe(409);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.json().code).toBe('benefits/limit-reached');

    const progress = await h.app.modules.benefits.campaigns.progress(
      h.rootScope('benefit:read'),
      campaign.id,
    );
    expect(progress.claimed).toBe(1);
  });

  it('refuses a key reused for another campaign', async () => {
    const org = await h.factory.org();
    const a = await openCampaign(h, org.id);
    const b = await openCampaign(h, org.id);
    const worker = await memberAccount(h, org.id);
    const { vouchers } = h.app.modules.benefits;
    await vouchers.claim(h.ctx, worker.actor, a.id, 'shared-key-1');
    await expect(vouchers.claim(h.ctx, worker.actor, b.id, 'shared-key-1')).rejects.toMatchObject({
      code: 'benefits/idempotency-key-reused',
    });
  });

  it('issues exactly the budget under 300 concurrent claims by distinct members', async () => {
    const org = await h.factory.org();
    const campaign = await openCampaign(h, org.id, { totalCount: 100 });
    const workers = [];
    for (let i = 0; i < 300; i += 50) {
      workers.push(...(await Promise.all(Array.from({ length: 50 }, () => memberAccount(h, org.id)))));
    }
    const { vouchers, campaigns } = h.app.modules.benefits;
    const results = await Promise.allSettled(
      workers.map((w) => vouchers.claim(h.ctx, w.actor, campaign.id, `rush-${w.member.id}`)),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(100);
    for (const r of lost) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
      expect(((r as PromiseRejectedResult).reason as AppError).code).toBe('benefits/sold-out');
    }
    const check = await campaigns.reconciliation(h.rootScope('benefit:read'), campaign.id);
    expect(check.balanced).toBe(true);
    expect(check.byStatus.issued).toBe(100);
    const progress = await campaigns.progress(h.rootScope('benefit:read'), campaign.id);
    expect(progress).toMatchObject({ remaining: 0, claimed: 100, claimants: 100 });
  }, 120_000);

  it('never lets one member pass the limit, even with simultaneous claims', async () => {
    const org = await h.factory.org();
    const campaign = await openCampaign(h, org.id, { perMemberLimit: 2, totalCount: 50 });
    const worker = await memberAccount(h, org.id);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        h.app.modules.benefits.vouchers.claim(h.ctx, worker.actor, campaign.id, `same-${i}`),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const check = await h.app.modules.benefits.campaigns.reconciliation(
      h.rootScope('benefit:read'),
      campaign.id,
    );
    expect(check.balanced).toBe(true);
  });

  it('shows members only campaigns they are eligible for, and refuses the others', async () => {
    const org = await h.factory.org();
    const other = await h.factory.org();
    const mine = await openCampaign(h, org.id);
    const tagged = await openCampaign(h, org.id, {
      eligibility: { orgIds: [], tagsAny: ['劳模'], tagsAll: [], minMembershipYears: 0 },
    });
    const elsewhere = await openCampaign(h, other.id);
    const worker = await memberAccount(h, org.id);
    const list = await h.app.modules.benefits.campaigns.list(worker.actor, { limit: 20 });
    const ids = list.items.map((c) => c.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(tagged.id);
    expect(ids).not.toContain(elsewhere.id);
    await expect(
      h.app.modules.benefits.vouchers.claim(h.ctx, worker.actor, tagged.id, undefined),
    ).rejects.toMatchObject({
      code: 'benefits/not-eligible',
    });
  });
});

describe('maker-checker', () => {
  it('refuses approval by the creator and accepts another staff member', async () => {
    const org = await h.factory.org();
    const maker = await h.as('union_staff', org.id);
    const checker = await h.as('union_staff', org.id);
    const now = h.clock.now().getTime();
    const created = await h.request(maker.cookie, {
      method: 'POST',
      url: '/api/v1/voucher-campaigns',
      payload: {
        orgId: org.id,
        name: '审批测试券',
        faceValueFen: 5000,
        totalCount: 10,
        claimStartsAt: new Date(now).toISOString(),
        claimEndsAt: new Date(now + 86_400_000).toISOString(),
        validFrom: new Date(now).toISOString(),
        validUntil: new Date(now + 2 * 86_400_000).toISOString(),
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'draft', label: '50元无门槛', budgetFen: 50_000 });
    const id = created.json().id;
    const early = await h.request(checker.cookie, {
      method: 'POST',
      url: `/api/v1/voucher-campaigns/${id}/approve`,
    });
    expect(early.statusCode).toBe(409);
    expect(
      (await h.request(maker.cookie, { method: 'POST', url: `/api/v1/voucher-campaigns/${id}/submit` }))
        .statusCode,
    ).toBe(200);
    const self = await h.request(maker.cookie, {
      method: 'POST',
      url: `/api/v1/voucher-campaigns/${id}/approve`,
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('benefits/maker-checker');
    const ok = await h.request(checker.cookie, {
      method: 'POST',
      url: `/api/v1/voucher-campaigns/${id}/approve`,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', approvedBy: checker.accountId, phase: 'open' });
  });

  it('names the field of an invalid campaign', async () => {
    const org = await h.factory.org();
    const now = h.clock.now().getTime();
    await expect(
      h.app.modules.benefits.campaigns.create(staffCtx(h), h.rootScope('benefit:manage'), {
        orgId: org.id,
        name: '坏券',
        faceValueFen: 2000,
        thresholdFen: 1000,
        totalCount: 1,
        perMemberLimit: 1,
        claimStartsAt: new Date(now).toISOString(),
        claimEndsAt: new Date(now + 1000).toISOString(),
        validFrom: new Date(now).toISOString(),
        validUntil: new Date(now + 2000).toISOString(),
        eligibility: { orgIds: [], tagsAny: [], tagsAll: [], minMembershipYears: 0 },
        acceptMerchantIds: [],
        acceptCategories: [],
        reversalWindowMinutes: 0,
      }),
    ).rejects.toMatchObject({ code: 'benefits/campaign-invalid', field: 'body.thresholdFen' });
  });
});

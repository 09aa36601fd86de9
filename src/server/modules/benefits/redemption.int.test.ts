import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../tests/support/harness.ts';
import { memberAccount, merchantWithCashiers, openCampaign } from './benefits.int-fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

async function claimedVoucher(orgId: string, campaignId: string, login = false) {
  const worker = await memberAccount(h, orgId, { login });
  const claim = await h.app.modules.benefits.vouchers.claim(h.ctx, worker.actor, campaignId, undefined);
  return { worker, voucherId: claim.body.id };
}

describe('redemption', () => {
  it('redeems a valid code once (201), refuses the same code again (409 problem+json), and rotates codes', async () => {
    const org = await h.factory.org();
    const campaign = await openCampaign(h, org.id);
    const { cashiers } = await merchantWithCashiers(h, org.id);
    const { worker, voucherId } = await claimedVoucher(org.id, campaign.id, true);

    const shown = await h.request(worker.cookie, {
      method: 'GET',
      url: `/api/v1/me/vouchers/${voucherId}/code`,
    });
    expect(shown.statusCode).toBe(200);
    const { code } = shown.json();

    const low = await h.request(cashiers[0]!.cookie, {
      method: 'POST',
      url: '/api/v1/redemptions',
      payload: { code, orderAmountFen: 5000 },
    });
    expect(low.statusCode).toBe(422);
    expect(low.json()).toMatchObject({ code: 'benefits/below-threshold', field: 'body.orderAmountFen' });

    const ok = await h.request(cashiers[0]!.cookie, {
      method: 'POST',
      url: '/api/v1/redemptions',
      payload: { code, orderAmountFen: 15_800 },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ discountFen: 2000, payableFen: 13_800, status: 'completed' });

    const twice = await h.request(cashiers[1]!.cookie, {
      method: 'POST',
      url: '/api/v1/redemptions',
      payload: { code, orderAmountFen: 15_800 },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.headers['content-type']).toContain('application/problem+json');
    expect(twice.json().code).toBe('benefits/already-redeemed');
    expect(twice.json().detail).toContain('不能重复使用');

    const history = await h.request(worker.cookie, {
      method: 'GET',
      url: `/api/v1/me/vouchers/${voucherId}`,
    });
    expect(history.json().history.map((e: { to: string }) => e.to)).toEqual(['issued', 'redeemed']);
  });

  it('refuses a code older than a minute (a screenshot)', async () => {
    const org = await h.factory.org();
    const campaign = await openCampaign(h, org.id);
    const { cashiers } = await merchantWithCashiers(h, org.id);
    const { worker, voucherId } = await claimedVoucher(org.id, campaign.id);
    const { code } = await h.app.modules.benefits.vouchers.code(worker.actor, voucherId);
    h.clock.advance(61_000);
    const stale = await h.request(cashiers[0]!.cookie, {
      method: 'POST',
      url: '/api/v1/redemptions',
      payload: { code, orderAmountFen: 20_000 },
    });
    expect(stale.statusCode).toBe(422);
    expect(stale.json().code).toBe('benefits/code-invalid');
  });

  it('redeems exactly once when two outlets try at the same moment', async () => {
    const org = await h.factory.org();
    const campaign = await openCampaign(h, org.id);
    const { cashiers } = await merchantWithCashiers(h, org.id);
    for (let round = 0; round < 5; round++) {
      const { worker, voucherId } = await claimedVoucher(org.id, campaign.id);
      const { code } = await h.app.modules.benefits.vouchers.code(worker.actor, voucherId);
      const replies = await Promise.all(
        cashiers.map((c) =>
          h.request(c.cookie, {
            method: 'POST',
            url: '/api/v1/redemptions',
            payload: { code, orderAmountFen: 12_000 },
          }),
        ),
      );
      expect(replies.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const refused = replies.find((r) => r.statusCode === 409)!;
      expect(refused.json().code).toBe('benefits/already-redeemed');
    }
    const check = await h.app.modules.benefits.campaigns.reconciliation(
      h.rootScope('benefit:read'),
      campaign.id,
    );
    expect(check.balanced).toBe(true);
    expect(check.byStatus.redeemed).toBe(5);
  });

  it('reverses within the window with a reason, gives the voucher back, and settles the rest', async () => {
    const org = await h.factory.org();
    const campaign = await openCampaign(h, org.id);
    const { merchant, cashiers } = await merchantWithCashiers(h, org.id);
    const cashier = cashiers[0]!;
    const { worker, voucherId } = await claimedVoucher(org.id, campaign.id);
    const redeem = async () => {
      const { code } = await h.app.modules.benefits.vouchers.code(worker.actor, voucherId);
      return h.request(cashier.cookie, {
        method: 'POST',
        url: '/api/v1/redemptions',
        payload: { code, orderAmountFen: 30_000 },
      });
    };
    const first = await redeem();
    expect(first.statusCode).toBe(201);
    const reversal = await h.request(cashier.cookie, {
      method: 'POST',
      url: `/api/v1/redemptions/${first.json().id}/reversal`,
      payload: { reason: '顾客退货' },
    });
    expect(reversal.statusCode).toBe(200);
    expect(reversal.json()).toMatchObject({ status: 'reversed', reverseReason: '顾客退货' });
    const second = await redeem();
    expect(second.statusCode).toBe(201);
    h.clock.advance(61 * 60_000);
    const late = await h.request(cashier.cookie, {
      method: 'POST',
      url: `/api/v1/redemptions/${second.json().id}/reversal`,
      payload: { reason: '太晚了' },
    });
    expect(late.statusCode).toBe(409);

    const day = new Date(h.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const statement = await h.request(cashier.cookie, {
      method: 'GET',
      url: `/api/v1/merchant/statement?from=2026-01-01&to=${day}`,
    });
    expect(statement.statusCode).toBe(200);
    expect(statement.json()).toMatchObject({
      merchantId: merchant.id,
      count: 1,
      owedFen: 2000,
      orderAmountFen: 30_000,
    });
    expect(statement.json().lines).toHaveLength(2);

    const xlsx = await h.request(cashier.cookie, {
      method: 'GET',
      url: `/api/v1/merchant/statement.xlsx?from=2026-01-01&to=${day}`,
    });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(4);

    const history = await h.app.modules.benefits.vouchers.myVoucher(worker.actor, voucherId);
    expect(history.history!.map((e) => e.to)).toEqual(['issued', 'redeemed', 'reversed', 'redeemed']);
    const check = await h.app.modules.benefits.campaigns.reconciliation(
      h.rootScope('benefit:read'),
      campaign.id,
    );
    expect(check.balanced).toBe(true);
  });

  it('lets staff close a campaign after validity: unused vouchers expire and the budget returns', async () => {
    const org = await h.factory.org();
    const campaign = await openCampaign(h, org.id, { totalCount: 10 });
    await claimedVoucher(org.id, campaign.id);
    await claimedVoucher(org.id, campaign.id);
    const staff = await h.as('union_staff', org.id);
    const early = await h.request(staff.cookie, {
      method: 'POST',
      url: `/api/v1/voucher-campaigns/${campaign.id}/close`,
    });
    expect(early.statusCode).toBe(409);
    h.clock.advance(31 * 86_400_000);
    staff.cookie = await h.login(staff.username);
    const closed = await h.request(staff.cookie, {
      method: 'POST',
      url: `/api/v1/voucher-campaigns/${campaign.id}/close`,
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ expired: 2, unclaimed: 8, returnedCount: 10, returnedFen: 20_000 });
    const check = await h.request(staff.cookie, {
      method: 'GET',
      url: `/api/v1/voucher-campaigns/${campaign.id}/reconciliation`,
    });
    expect(check.json().balanced).toBe(true);
    const overview = await h.request(staff.cookie, { method: 'GET', url: '/api/v1/benefits/overview' });
    expect(overview.statusCode).toBe(200);
    expect(overview.json().byOrganisation[0]).toMatchObject({
      orgId: org.id,
      claimedCount: 2,
      budgetFen: 20_000,
    });
  });
});

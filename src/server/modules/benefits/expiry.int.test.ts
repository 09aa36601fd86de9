import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../tests/support/harness.ts';
import { memberAccount, openCampaign } from './benefits.int-fixtures.ts';
import { voucherEvents, vouchers } from './benefits.tables.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('voucher expiry (the periodic job)', () => {
  it('expires issued vouchers past their validity once, with history, and leaves valid ones', async () => {
    const org = await h.factory.org();
    const now = h.clock.now().getTime();
    const short = await openCampaign(h, org.id, {
      validUntil: new Date(now + 2 * 86_400_000).toISOString(),
    });
    const long = await openCampaign(h, org.id);
    const worker = await memberAccount(h, org.id, { login: true });
    const claim = async (campaignId: string) => {
      const res = await h.request(worker.cookie!, {
        method: 'POST',
        url: `/api/v1/voucher-campaigns/${campaignId}/claims`,
        headers: { 'idempotency-key': `claim-${randomUUID()}` },
      });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    const soon = await claim(short.id);
    const later = await claim(long.id);
    const { campaigns } = h.app.modules.benefits;
    const statuses = async () =>
      Object.fromEntries(
        (
          await h.db
            .select({ id: vouchers.id, status: vouchers.status })
            .from(vouchers)
            .where(inArray(vouchers.id, [soon, later]))
        ).map((r) => [r.id, r.status]),
      );

    // Nothing is due yet.
    await campaigns.expireDue();
    expect(await statuses()).toEqual({ [soon]: 'issued', [later]: 'issued' });

    h.clock.advance(3 * 86_400_000);
    expect(await campaigns.expireDue()).toBeGreaterThanOrEqual(1);
    expect(await statuses()).toEqual({ [soon]: 'expired', [later]: 'issued' });
    const history = await h.db
      .select({ from: voucherEvents.fromStatus, to: voucherEvents.toStatus })
      .from(voucherEvents)
      .where(eq(voucherEvents.voucherId, soon));
    expect(history).toContainEqual({ from: 'issued', to: 'expired' });

    // A second run (or another process's) finds nothing left to do.
    expect(await campaigns.expireDue()).toBe(0);
    const events = await h.db.select().from(voucherEvents).where(eq(voucherEvents.voucherId, soon));
    expect(events.filter((e) => e.toStatus === 'expired')).toHaveLength(1);
  });
});

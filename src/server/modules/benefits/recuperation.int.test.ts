import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../tests/support/harness.ts';
import { memberAccount, staffCtx } from './benefits.int-fixtures.ts';
import { drawLottery } from './recuperation.lottery.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('recuperation routes', () => {
  it('takes applications in the window, draws places with priorities and a published seed, and promotes the waitlist', async () => {
    const org = await h.factory.org();
    const { recuperation } = h.app.modules.benefits;
    const ctx = staffCtx(h);
    const now = h.clock.now().getTime();
    const route = await recuperation.create(ctx, h.rootScope('benefit:manage'), {
      orgId: org.id,
      name: '四山两江·西樵山生态休养线',
      region: '佛山南海',
      itinerary: [
        { day: 1, title: '出发' },
        { day: 2, title: '返程' },
      ],
      days: 2,
      costFen: 98_000,
      featured: true,
      eligibility: { orgIds: [], tagsAny: [], tagsAll: [], minMembershipYears: 1 },
      priorities: [{ kind: 'tag', tag: '劳模' }],
    });
    const withDeparture = await recuperation.addDeparture(ctx, h.rootScope('benefit:manage'), route.id, {
      departDate: '2026-08-01',
      places: 3,
      applyStartsAt: new Date(now - 3_600_000).toISOString(),
      applyEndsAt: new Date(now + 86_400_000).toISOString(),
    });
    const departureId = withDeparture.departures![0]!.id;
    const model = await memberAccount(h, org.id, { tags: ['劳模'] });
    const others = await Promise.all(Array.from({ length: 6 }, () => memberAccount(h, org.id)));
    const apps = [];
    for (const w of [...others, model]) {
      apps.push(await recuperation.apply(h.ctx, w.actor, departureId, undefined));
    }
    await expect(recuperation.apply(h.ctx, model.actor, departureId, undefined)).rejects.toMatchObject({
      code: 'benefits/already-applied',
    });
    await expect(
      recuperation.draw(ctx, h.rootScope('benefit:manage'), departureId, 'too-early-seed'),
    ).rejects.toMatchObject({
      code: 'benefits/draw-not-allowed',
    });
    h.clock.advance(2 * 86_400_000);
    const drawn = await recuperation.draw(
      ctx,
      h.rootScope('benefit:manage'),
      departureId,
      'published-seed-2026',
    );
    expect(drawn).toMatchObject({ winners: 3, seed: 'published-seed-2026' });

    const result = await recuperation.lottery(model.actor, departureId);
    expect(result.seed).toBe('published-seed-2026');
    expect(result.order[0]!.applicationId).toBe(apps.at(-1)!.id);
    const recomputed = drawLottery(
      result.seed,
      result.places,
      result.order.map((o) => ({ id: o.applicationId, tier: o.tier })),
    );
    expect(recomputed.winners).toEqual(result.order.filter((o) => o.won).map((o) => o.applicationId));

    const listed = await recuperation.applications(h.rootScope('benefit:read'), departureId);
    const winner = listed.items.find((a) => a.status === 'won' && a.memberId !== model.member.id)!;
    const firstWaiting = listed.items
      .filter((a) => a.status === 'waitlisted')
      .sort((a, b) => a.waitlistRank! - b.waitlistRank!)[0]!;
    const winnerActor = [...others, model].find((w) => w.member.id === winner.memberId)!.actor;
    const cancelled = await recuperation.cancel(h.ctx, winnerActor, winner.id);
    expect(cancelled.promoted).toBe(firstWaiting.id);
    const after = await recuperation.applications(h.rootScope('benefit:read'), departureId);
    expect(after.items.filter((a) => a.status === 'won')).toHaveLength(3);
  });

  it('lists routes for members of the subtree, featured first', async () => {
    const org = await h.factory.org();
    const staff = await h.as('union_staff', org.id);
    for (const [name, featured] of [
      ['普通线路甲', false],
      ['精选线路乙', true],
    ] as const) {
      const res = await h.request(staff.cookie, {
        method: 'POST',
        url: '/api/v1/recuperation/routes',
        payload: {
          orgId: org.id,
          name,
          region: '佛山',
          itinerary: [{ day: 1, title: '一日游' }],
          days: 1,
          costFen: 10_000,
          featured,
        },
      });
      expect(res.statusCode).toBe(201);
    }
    const worker = await memberAccount(h, org.id);
    const list = await h.app.modules.benefits.recuperation.list(worker.actor, { limit: 10 });
    expect(list.items.map((r) => r.name)).toEqual(['精选线路乙', '普通线路甲']);
  });
});

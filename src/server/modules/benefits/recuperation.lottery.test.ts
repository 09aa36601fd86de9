import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawLottery, tierOf } from './recuperation.lottery.ts';

const entries = fc.uniqueArray(fc.record({ id: fc.uuid(), tier: fc.integer({ min: 0, max: 3 }) }), {
  selector: (e) => e.id,
  maxLength: 80,
});
const seed = fc.string({ minLength: 1, maxLength: 40 });
const places = fc.integer({ min: 0, max: 100 });

describe('recuperation lottery', () => {
  it('is reproducible from its seed, whatever the order of applications', () => {
    fc.assert(
      fc.property(seed, places, entries, (s, p, list) => {
        const a = drawLottery(s, p, list);
        const b = drawLottery(s, p, [...list].reverse());
        expect(b.winners).toEqual(a.winners);
        expect(b.waitlist).toEqual(a.waitlist);
      }),
    );
  });

  it('never has more winners than places, and everyone is either a winner or waitlisted once', () => {
    fc.assert(
      fc.property(seed, places, entries, (s, p, list) => {
        const out = drawLottery(s, p, list);
        expect(out.winners.length).toBe(Math.min(p, list.length));
        expect(new Set([...out.winners, ...out.waitlist]).size).toBe(list.length);
        expect(out.winners.length + out.waitlist.length).toBe(list.length);
      }),
    );
  });

  it('respects priorities: no winner has a lower priority than anyone waitlisted', () => {
    fc.assert(
      fc.property(seed, places, entries, (s, p, list) => {
        const out = drawLottery(s, p, list);
        const tier = new Map(list.map((e) => [e.id, e.tier]));
        const worstWinner = Math.max(-1, ...out.winners.map((id) => tier.get(id)!));
        const bestWaiting = Math.min(99, ...out.waitlist.map((id) => tier.get(id)!));
        expect(worstWinner).toBeLessThanOrEqual(bestWaiting);
        const order = out.order.map((o) => o.tier);
        expect(order).toEqual([...order].sort((x, y) => x - y));
      }),
    );
  });

  it('a different seed gives (usually) a different order within a tier', () => {
    const list = Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, tier: 0 }));
    expect(drawLottery('one', 5, list).winners).not.toEqual(drawLottery('two', 5, list).winners);
  });

  it('computes tiers from the stated priority rules', () => {
    const rules = [
      { kind: 'tag', tag: '劳模' },
      { kind: 'membership-years', min: 10 },
    ] as const;
    expect(tierOf(rules, { tags: ['劳模'], years: 1 })).toBe(0);
    expect(tierOf(rules, { tags: [], years: 12 })).toBe(1);
    expect(tierOf(rules, { tags: [], years: 3 })).toBe(2);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isTerminal,
  nextStatus,
  replay,
  statusesAllowing,
  VOUCHER_EVENTS,
  VOUCHER_STATUSES,
} from './voucher.state.ts';

const events = fc.array(fc.constantFrom(...VOUCHER_EVENTS), { maxLength: 60 });

describe('voucher state machine', () => {
  it('always starts issued and only takes allowed steps', () => {
    fc.assert(
      fc.property(events, (seq) => {
        const path = replay(seq);
        expect(path[0]).toBe('issued');
        for (let i = 1; i < path.length; i++) {
          const step = VOUCHER_EVENTS.some((e) => nextStatus(path[i - 1]!, e) === path[i]);
          expect(step).toBe(true);
        }
      }),
    );
  });

  it('never leaves expired, and a standing redemption never expires', () => {
    fc.assert(
      fc.property(events, (seq) => {
        const path = replay(seq);
        const firstExpired = path.indexOf('expired');
        if (firstExpired !== -1) {
          expect(path.slice(firstExpired).every((s) => s === 'expired')).toBe(true);
          expect(path[firstExpired - 1]).not.toBe('redeemed');
        }
        expect(isTerminal('expired')).toBe(true);
      }),
    );
  });

  it('alternates redeemed and reversed: a voucher is never redeemed twice without a reversal between', () => {
    fc.assert(
      fc.property(events, (seq) => {
        const path = replay(seq);
        let standing = 0;
        for (const s of path) {
          if (s === 'redeemed') {
            standing += 1;
          }
          if (s === 'reversed') {
            standing -= 1;
          }
          expect(standing === 0 || standing === 1).toBe(true);
        }
        const redeems = path.filter((s) => s === 'redeemed').length;
        const reversals = path.filter((s) => s === 'reversed').length;
        expect(redeems - reversals).toBe(path.at(-1) === 'redeemed' ? 1 : 0);
      }),
    );
  });

  it('refuses each event from exactly the states that do not allow it', () => {
    for (const event of VOUCHER_EVENTS) {
      for (const status of VOUCHER_STATUSES) {
        expect(nextStatus(status, event) !== null).toBe(statusesAllowing(event).includes(status));
      }
    }
    expect(statusesAllowing('redeem')).toEqual(['issued', 'reversed']);
    expect(nextStatus('redeemed', 'redeem')).toBeNull();
  });
});

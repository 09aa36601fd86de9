/**
 * The voucher state machine, pure. A redemption that is reversed (a refunded order) gives
 * the member the voucher back: `reversed` may be redeemed again while valid, and expires
 * like an unused one. A standing redemption never expires.
 *
 *   issued ──redeem──▶ redeemed ──reverse──▶ reversed ──redeem──▶ redeemed …
 *     └──expire──▶ expired ◀──expire── reversed
 */
export const VOUCHER_STATUSES = ['issued', 'redeemed', 'reversed', 'expired'] as const;
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];

export type VoucherEvent = 'redeem' | 'reverse' | 'expire';
export const VOUCHER_EVENTS: readonly VoucherEvent[] = ['redeem', 'reverse', 'expire'];

const TRANSITIONS: Record<VoucherStatus, Partial<Record<VoucherEvent, VoucherStatus>>> = {
  issued: { redeem: 'redeemed', expire: 'expired' },
  redeemed: { reverse: 'reversed' },
  reversed: { redeem: 'redeemed', expire: 'expired' },
  expired: {},
};

/** The next state, or null when the event is not allowed in this state. */
export function nextStatus(status: VoucherStatus, event: VoucherEvent): VoucherStatus | null {
  return TRANSITIONS[status][event] ?? null;
}

/** States from which the event may fire: used to build the conditional UPDATE's WHERE. */
export function statusesAllowing(event: VoucherEvent): VoucherStatus[] {
  return VOUCHER_STATUSES.filter((s) => TRANSITIONS[s][event] !== undefined);
}

export function isTerminal(status: VoucherStatus): boolean {
  return Object.keys(TRANSITIONS[status]).length === 0;
}

/** Applies a sequence of events, skipping refused ones; returns the path actually taken. */
export function replay(events: readonly VoucherEvent[]): VoucherStatus[] {
  const path: VoucherStatus[] = ['issued'];
  let current: VoucherStatus = 'issued';
  for (const event of events) {
    const next = nextStatus(current, event);
    if (next) {
      current = next;
      path.push(next);
    }
  }
  return path;
}

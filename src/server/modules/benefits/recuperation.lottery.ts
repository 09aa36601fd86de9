import { createHash } from 'node:crypto';

/**
 * The recuperation lottery, pure and reproducible: given the published seed, the stated
 * priority tiers and the list of applications, anyone gets the same order. Applicants are
 * sorted by tier (0 = first priority rule), then by SHA-256(seed ‖ application id), so the
 * order cannot depend on when or in what order people applied.
 */
export interface LotteryEntry {
  id: string;
  /** 0 = highest priority. */
  tier: number;
}

export interface LotteryOutcome {
  seed: string;
  places: number;
  /** Every entry in draw order, with its ticket (the hash) for verification. */
  order: { id: string; tier: number; ticket: string; position: number; won: boolean }[];
  winners: string[];
  waitlist: string[];
}

export function ticketOf(seed: string, id: string): string {
  return createHash('sha256').update(`${seed}\u0000${id}`, 'utf8').digest('hex');
}

export function drawLottery(seed: string, places: number, entries: readonly LotteryEntry[]): LotteryOutcome {
  if (!Number.isInteger(places) || places < 0) {
    throw new RangeError('places must be a non-negative integer');
  }
  const ranked = entries
    .map((e) => ({ id: e.id, tier: e.tier, ticket: ticketOf(seed, e.id) }))
    .sort((a, b) => a.tier - b.tier || cmp(a.ticket, b.ticket) || cmp(a.id, b.id));
  const order = ranked.map((e, i) => ({ ...e, position: i + 1, won: i < places }));
  return {
    seed,
    places,
    order,
    winners: order.filter((e) => e.won).map((e) => e.id),
    waitlist: order.filter((e) => !e.won).map((e) => e.id),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A priority rule for recuperation trips, stated with the draw (e.g. 劳模 first, then 10+ years). */
export type PriorityRule = { kind: 'tag'; tag: string } | { kind: 'membership-years'; min: number };

/** The tier of a member: the index of the first rule matched, or rules.length. */
export function tierOf(
  rules: readonly PriorityRule[],
  member: { tags: readonly string[]; years: number },
): number {
  const index = rules.findIndex((rule) =>
    rule.kind === 'tag' ? member.tags.includes(rule.tag) : member.years >= rule.min,
  );
  return index === -1 ? rules.length : index;
}

import { describe, expect, it } from 'vitest';
import { createGroupCommit, type Outcome } from './group-commit.ts';

/** A run that records its batches and answers each item from `answer` after a turn of the loop. */
function recorder(answer: (item: number) => Outcome<string> | 'throw-batch') {
  const batches: number[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const run = async (items: number[]): Promise<Outcome<string>[]> => {
    batches.push(items);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 5));
    inFlight--;
    const outcomes = items.map(answer);
    if (outcomes.includes('throw-batch') && items.length > 1) {
      throw new Error('batch failed');
    }
    return outcomes.map((o) =>
      o === 'throw-batch' ? { ok: false, error: new Error(`bad ${items[0]}`) } : o,
    );
  };
  return { run, batches, maxInFlight: () => maxInFlight };
}

describe('group commit', () => {
  it('writes the submissions of one turn as one batch and gives each its own outcome', async () => {
    const r = recorder((n) =>
      n % 3 === 0 ? { ok: false, error: new Error(`no ${n}`) } : { ok: true, value: `ok ${n}` },
    );
    const gc = createGroupCommit<number, string>({ run: r.run });
    const settled = await Promise.allSettled([1, 2, 3, 4, 5, 6].map((n) => gc.submit(n)));
    expect(r.batches).toEqual([[1, 2, 3, 4, 5, 6]]);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([
      'ok 1',
      'ok 2',
      'no 3',
      'ok 4',
      'ok 5',
      'no 6',
    ]);
  });

  it('gathers what arrives while batches are written into the next, at most `concurrency` at once', async () => {
    const r = recorder((n) => ({ ok: true, value: String(n) }));
    const gc = createGroupCommit<number, string>({ run: r.run, concurrency: 2, maxBatch: 4 });
    const all: Promise<string>[] = [];
    for (let wave = 0; wave < 5; wave++) {
      for (let i = 0; i < 6; i++) {
        all.push(gc.submit(wave * 10 + i));
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    const values = await Promise.all(all);
    expect(values).toHaveLength(30);
    expect(new Set(values).size).toBe(30);
    expect(r.maxInFlight()).toBe(2);
    expect(Math.max(...r.batches.map((b) => b.length))).toBe(4);
    // Every item was written exactly once.
    expect(r.batches.flat().sort((a, b) => a - b)).toEqual(values.map(Number).sort((a, b) => a - b));
    expect(r.batches.length).toBeLessThan(30);
  });

  it('retries the items of a failed batch alone, so only the one that cannot be written fails', async () => {
    const r = recorder((n) => (n === 13 ? 'throw-batch' : { ok: true, value: `ok ${n}` }));
    const gc = createGroupCommit<number, string>({ run: r.run });
    const settled = await Promise.allSettled([11, 12, 13, 14].map((n) => gc.submit(n)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((settled[2] as PromiseRejectedResult).reason.message).toBe('bad 13');
    expect(r.batches).toEqual([[11, 12, 13, 14], [11], [12], [13], [14]]);
  });

  it('rejects a lone item with the error its run threw, and drains once everything has settled', async () => {
    const gc = createGroupCommit<number, string>({
      run: async () => {
        throw new Error('database down');
      },
    });
    const lone = gc.submit(1);
    await expect(lone).rejects.toThrow('database down');
    await expect(gc.drain()).resolves.toBeUndefined();
  });
});

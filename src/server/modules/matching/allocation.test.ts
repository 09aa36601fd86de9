import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AllocationInput } from './allocation.ts';
import { deferredAcceptance, welfareAllocation } from './allocation.ts';

interface Instance {
  nJobs: number;
  caps: number[];
  prefs: number[][];
  scores: number[][];
}

const instance = fc
  .record({ nWorkers: fc.integer({ min: 1, max: 6 }), nJobs: fc.integer({ min: 1, max: 4 }) })
  .chain(({ nWorkers, nJobs }) =>
    fc.record({
      nJobs: fc.constant(nJobs),
      caps: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: nJobs, maxLength: nJobs }),
      prefs: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: nJobs - 1 }), { maxLength: nJobs }), {
        minLength: nWorkers,
        maxLength: nWorkers,
      }),
      scores: fc.array(fc.array(fc.integer({ min: -5, max: 50 }), { minLength: nJobs, maxLength: nJobs }), {
        minLength: nWorkers,
        maxLength: nWorkers,
      }),
    }),
  );

function toInput(x: Instance): AllocationInput {
  return {
    applications: x.prefs.map((p, w) => ({ workerId: `W${w}`, jobIds: p.map((j) => `J${j}`) })),
    capacities: new Map(x.caps.map((c, j) => [`J${j}`, c])),
    score: (job, worker) => x.scores[Number(worker.slice(1))]?.[Number(job.slice(1))] ?? 0,
  };
}

/** Independent brute-force stability check: employers rank by score, then by worker id. */
function blockingPairs(x: Instance, assignment: Map<string, string>): number {
  let count = 0;
  x.prefs.forEach((prefs, w) => {
    const mine = assignment.get(`W${w}`);
    for (const j of prefs) {
      if (`J${j}` === mine) {
        break;
      }
      const holders = [...assignment]
        .filter(([, job]) => job === `J${j}`)
        .map(([wid]) => Number(wid.slice(1)));
      if (holders.length < (x.caps[j] ?? 0)) {
        count++;
        continue;
      }
      const s = (v: number): number => x.scores[v]?.[j] ?? 0;
      const better = (a: number, b: number): boolean => s(a) > s(b) || (s(a) === s(b) && `W${a}` < `W${b}`);
      if (holders.some((h) => better(w, h))) {
        count++;
      }
    }
  });
  return count;
}

function feasible(x: Instance, assignment: Map<string, string>): boolean {
  const load = new Map<string, number>();
  for (const [w, j] of assignment) {
    if (!x.prefs[Number(w.slice(1))]?.includes(Number(j.slice(1)))) {
      return false;
    }
    load.set(j, (load.get(j) ?? 0) + 1);
  }
  return [...load].every(([j, n]) => n <= (x.caps[Number(j.slice(1))] ?? 0));
}

/** Best total score by enumerating every assignment of workers to their applied jobs (or none). */
function bruteForceBest(x: Instance): number {
  let best = 0;
  const load = x.caps.map(() => 0);
  const walk = (w: number, total: number): void => {
    if (w === x.prefs.length) {
      best = Math.max(best, total);
      return;
    }
    walk(w + 1, total);
    for (const j of x.prefs[w] ?? []) {
      if ((load[j] ?? 0) < (x.caps[j] ?? 0)) {
        load[j] = (load[j] ?? 0) + 1;
        walk(w + 1, total + (x.scores[w]?.[j] ?? 0));
        load[j] = (load[j] ?? 0) - 1;
      }
    }
  };
  walk(0, 0);
  return best;
}

describe('deferred acceptance', () => {
  it('is feasible and stable on random instances (brute-force check)', () => {
    fc.assert(
      fc.property(instance, (x) => {
        const r = deferredAcceptance(toInput(x));
        expect(feasible(x, r.assignment)).toBe(true);
        expect(blockingPairs(x, r.assignment)).toBe(0);
        expect(r.blockingPairs).toBe(0);
        expect(r.placed + r.unplaced.length).toBe(x.prefs.length);
      }),
      { numRuns: 300 },
    );
  });

  it('reports fill rates per employer', () => {
    const r = deferredAcceptance({
      applications: [
        { workerId: 'a', jobIds: ['x'] },
        { workerId: 'b', jobIds: ['x', 'y'] },
      ],
      capacities: new Map([
        ['x', 1],
        ['y', 2],
      ]),
      score: (j, w) => (j === 'x' && w === 'b' ? 10 : 5),
    });
    expect(r.assignment.get('b')).toBe('x');
    expect(r.unplaced).toEqual(['a']);
    expect(r.fill).toEqual([
      { jobId: 'x', capacity: 1, filled: 1, fillRate: 1 },
      { jobId: 'y', capacity: 2, filled: 0, fillRate: 0 },
    ]);
  });
});

describe('welfare allocation (HiGHS)', () => {
  it('matches the brute-force optimum on tiny instances and is integral', async () => {
    await fc.assert(
      fc.asyncProperty(instance, async (x) => {
        const r = await welfareAllocation(toInput(x));
        expect(feasible(x, r.assignment)).toBe(true);
        expect(r.integral).toBe(true);
        expect(r.totalScore).toBeCloseTo(bruteForceBest(x), 6);
      }),
      { numRuns: 60 },
    );
  });

  it('never scores below deferred acceptance', async () => {
    await fc.assert(
      fc.asyncProperty(instance, async (x) => {
        const input = toInput(x);
        const lp = await welfareAllocation(input);
        const da = deferredAcceptance(input);
        const positive = [...da.assignment].reduce((s, [w, j]) => s + Math.max(0, input.score(j, w)), 0);
        expect(lp.totalScore).toBeGreaterThanOrEqual(positive - 1e-6);
      }),
      { numRuns: 40 },
    );
  });
});

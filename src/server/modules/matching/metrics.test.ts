import { describe, expect, it } from 'vitest';
import { averagePrecision, dcgAt, ndcgAt, recallAt, summarise } from './metrics.ts';

describe('metrics', () => {
  const judged = new Map([
    ['a', 3],
    ['b', 0],
    ['c', 1],
    ['d', 2],
  ]);

  it('DCG with exponential gains', () => {
    // (2^3-1)/log2(2) + (2^0-1)/log2(3) + (2^1-1)/log2(4) = 7 + 0 + 0.5
    expect(dcgAt([3, 0, 1], 10)).toBeCloseTo(7.5, 10);
  });

  it('NDCG@k against the ideal ordering of all judged items', () => {
    const ranking = ['a', 'b', 'c', 'd'];
    const dcg = 7 + 0 + 1 / 2 + 3 / Math.log2(5);
    const idcg = 7 + 3 / Math.log2(3) + 1 / 2;
    expect(ndcgAt(ranking, judged, 10)).toBeCloseTo(dcg / idcg, 10);
    expect(ndcgAt(['a', 'd', 'c'], judged, 10)).toBeCloseTo(1, 10);
    expect(ndcgAt(['x', 'y'], judged, 10)).toBe(0);
  });

  it('average precision treats grade ≥ 1 as relevant and unretrieved as misses', () => {
    // relevant: a, c, d (3). ranking a(1) x c(3) d(4): (1/1 + 2/3 + 3/4) / 3
    expect(averagePrecision(['a', 'x', 'c', 'd'], judged)).toBeCloseTo((1 + 2 / 3 + 3 / 4) / 3, 10);
    // only a retrieved: 1/3
    expect(averagePrecision(['a'], judged)).toBeCloseTo(1 / 3, 10);
  });

  it('recall@k', () => {
    expect(recallAt(['a', 'b', 'c', 'd'], judged, 2)).toBeCloseTo(1 / 3, 10);
    expect(recallAt(['a', 'b', 'c', 'd'], judged, 20)).toBe(1);
  });

  it('summarises queries and the top-1 grade-3 share', () => {
    const qrels = new Map([
      ['q1', new Map([['a', 3]])],
      [
        'q2',
        new Map([
          ['b', 3],
          ['c', 1],
        ]),
      ],
    ]);
    const s = summarise(
      new Map([
        ['q1', ['a']],
        ['q2', ['c', 'b']],
      ]),
      qrels,
    );
    expect(s.queries).toBe(2);
    expect(s.top1Grade3).toBe(0.5);
    expect(s.recall20).toBe(1);
  });
});

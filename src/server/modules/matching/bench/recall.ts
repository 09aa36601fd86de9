/**
 * How much the first stage (candidate recruiting, prior, pool) loses against an exhaustive re-rank.
 * Builds the seeded synthetic corpus twice: the engine as configured, and an "oracle" engine that
 * re-ranks every document any query term touches (no recruiting budget, unbounded pool). For each query
 * it compares the top 20: share of the oracle's ids returned, score sum ratio, share at least as good
 * as the oracle's 20th, and whether the top result is as good as the oracle's.
 *
 * Usage: npx tsx src/server/modules/matching/bench/recall.ts [jobs,workers,queries] [recruitBudget]
 * (a smaller budget on a smaller corpus emulates the default budget at 1M profiles: 800 at 50k ≈ 16,000
 * at 1M). Prints one JSON line per direction. Not a test: it takes minutes.
 */
import { createMatchEngine } from '../engine.ts';
import type { MatchHit } from '../match.types.ts';
import { loadThesaurus } from '../thesaurus.ts';
import { SyntheticCorpus } from './corpus.ts';

const [nj = 5000, nw = 50000, nq = 200] = (process.argv[2] ?? '5000,50000,200').split(',').map(Number);
const budget = process.argv[3] ? Number(process.argv[3]) : undefined;
const corpus = new SyntheticCorpus({ jobs: nj, workers: nw, seed: 7 }, loadThesaurus());
const now = (): number => Date.UTC(2025, 6, 1);
const engine = createMatchEngine({ retainWorkers: false, now, ...(budget ? { recruitBudget: budget } : {}) });
const oracle = createMatchEngine({
  retainWorkers: false,
  now,
  candidatePool: 10_000_000,
  recruitBudget: Number.POSITIVE_INFINITY,
});
for (let i = 0; i < nj; i++) {
  const j = corpus.job(i);
  engine.upsertJob(j);
  oracle.upsertJob(j);
}
for (let i = 0; i < nw; i++) {
  const w = corpus.worker(i);
  engine.upsertWorker(w);
  oracle.upsertWorker(w);
}

function compare(got: MatchHit[], best: MatchHit[]) {
  const ids = new Set(best.map((h) => h.id));
  const sum = (hs: MatchHit[]): number => hs.reduce((s, h) => s + h.score, 0);
  const kth = best[best.length - 1]?.score ?? Number.NEGATIVE_INFINITY;
  return {
    recall: got.filter((h) => ids.has(h.id)).length / Math.max(1, best.length),
    ratio: sum(best) === 0 ? 1 : sum(got) / sum(best),
    good: got.filter((h) => h.score >= kth).length / Math.max(1, best.length),
    top1: (got[0]?.score ?? 0) >= (best[0]?.score ?? 0) - 1e-9 ? 1 : 0,
  };
}

for (const dir of ['jobsForWorker', 'workersForJob'] as const) {
  const qs = corpus.queries(dir === 'jobsForWorker' ? 'workers' : 'jobs', nq);
  const t = { recall: 0, ratio: 0, good: 0, top1: 0, minRatio: 1 };
  for (const q of qs) {
    const got =
      dir === 'jobsForWorker'
        ? engine.jobsForWorker(`W${q % nw}`, { limit: 20 })
        : engine.workersForJob(`J${q % nj}`, { limit: 20 });
    const best =
      dir === 'jobsForWorker'
        ? oracle.jobsForWorker(`W${q % nw}`, { limit: 20 })
        : oracle.workersForJob(`J${q % nj}`, { limit: 20 });
    const c = compare(got, best);
    t.recall += c.recall;
    t.ratio += c.ratio;
    t.good += c.good;
    t.top1 += c.top1;
    t.minRatio = Math.min(t.minRatio, c.ratio);
  }
  const r = (v: number): number => Math.round((v / nq) * 1000) / 1000;
  process.stdout.write(
    `${JSON.stringify({
      direction: dir,
      idRecall20: r(t.recall),
      scoreSumRatio: r(t.ratio),
      minScoreSumRatio: Math.round(t.minRatio * 1000) / 1000,
      atLeastOracle20th: r(t.good),
      top1AsGood: r(t.top1),
    })}\n`,
  );
}

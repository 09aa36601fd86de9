/**
 * Ranking metrics over graded judgments. Unjudged items count as grade 0.
 * NDCG uses exponential gains (2^grade − 1) and log2 discounts; MAP and recall treat grade ≥ 1 as
 * relevant, the trec_eval convention.
 */
export type Judgments = ReadonlyMap<string, number>;

export function dcgAt(grades: readonly number[], k: number): number {
  let dcg = 0;
  for (let i = 0; i < Math.min(k, grades.length); i++) {
    const g = grades[i] ?? 0;
    dcg += (2 ** g - 1) / Math.log2(i + 2);
  }
  return dcg;
}

export function ndcgAt(ranking: readonly string[], judged: Judgments, k: number): number {
  const gains = ranking.map((id) => judged.get(id) ?? 0);
  const ideal = [...judged.values()].sort((a, b) => b - a);
  const idcg = dcgAt(ideal, k);
  return idcg === 0 ? 0 : dcgAt(gains, k) / idcg;
}

export function averagePrecision(ranking: readonly string[], judged: Judgments, minGrade = 1): number {
  let relevant = 0;
  for (const g of judged.values()) {
    if (g >= minGrade) {
      relevant++;
    }
  }
  if (relevant === 0) {
    return 0;
  }
  let hits = 0;
  let sum = 0;
  ranking.forEach((id, i) => {
    if ((judged.get(id) ?? 0) >= minGrade) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return sum / relevant;
}

export function recallAt(ranking: readonly string[], judged: Judgments, k: number, minGrade = 1): number {
  let relevant = 0;
  for (const g of judged.values()) {
    if (g >= minGrade) {
      relevant++;
    }
  }
  if (relevant === 0) {
    return 0;
  }
  let hits = 0;
  for (let i = 0; i < Math.min(k, ranking.length); i++) {
    if ((judged.get(ranking[i] ?? '') ?? 0) >= minGrade) {
      hits++;
    }
  }
  return hits / relevant;
}

export interface MetricSummary {
  ndcg10: number;
  map: number;
  recall20: number;
  /** Queries with a grade-3 item whose top result is grade 3, as a share of such queries. */
  top1Grade3: number;
  queries: number;
}

/** Averages the metrics over queries; `rankings` maps each query to its ranked item ids. */
export function summarise(
  rankings: ReadonlyMap<string, readonly string[]>,
  qrels: ReadonlyMap<string, Judgments>,
): MetricSummary {
  let ndcg = 0;
  let ap = 0;
  let rec = 0;
  let n = 0;
  let withTop = 0;
  let topHit = 0;
  for (const [q, judged] of qrels) {
    const ranking = rankings.get(q) ?? [];
    ndcg += ndcgAt(ranking, judged, 10);
    ap += averagePrecision(ranking, judged);
    rec += recallAt(ranking, judged, 20);
    n++;
    if ([...judged.values()].some((g) => g === 3)) {
      withTop++;
      if (judged.get(ranking[0] ?? '') === 3) {
        topHit++;
      }
    }
  }
  const r = (v: number): number => Math.round(v * 10000) / 10000;
  return {
    ndcg10: r(n > 0 ? ndcg / n : 0),
    map: r(n > 0 ? ap / n : 0),
    recall20: r(n > 0 ? rec / n : 0),
    top1Grade3: r(withTop > 0 ? topHit / withTop : 0),
    queries: n,
  };
}

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bm25Baseline, jobText, workerText } from './bm25.baseline.ts';
import type { MatchEngine, MatchEngineOptions } from './engine.ts';
import { createMatchEngine } from './engine.ts';
import type { MatchJob, MatchWorker } from './match.types.ts';
import type { Judgments, MetricSummary } from './metrics.ts';
import { summarise } from './metrics.ts';

export interface DirectionMetrics {
  ndcg10: number;
  map: number;
  recall20: number;
}

export interface MatchEvalResult {
  engine: { jobsForWorker: DirectionMetrics; workersForJob: DirectionMetrics };
  bm25: { jobsForWorker: DirectionMetrics; workersForJob: DirectionMetrics };
  top1Grade3: {
    engine: { jobsForWorker: number; workersForJob: number };
    bm25: { jobsForWorker: number; workersForJob: number };
  };
}

export interface MatchEvalOptions {
  runFile?: string;
  engineOptions?: MatchEngineOptions;
  log?: (line: string) => void;
}

const RUN_DEPTH = 100;

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

export interface Qrels {
  byWorker: Map<string, Map<string, number>>;
  byJob: Map<string, Map<string, number>>;
}

export function readQrels(path: string): Qrels {
  const byWorker = new Map<string, Map<string, number>>();
  const byJob = new Map<string, Map<string, number>>();
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const [w, j, g] = line.trim().split(/\t/);
    if (!w || !j || g === undefined || !/^\d+$/.test(g)) {
      continue;
    }
    const grade = Number(g);
    let a = byWorker.get(w);
    if (!a) {
      a = new Map();
      byWorker.set(w, a);
    }
    a.set(j, grade);
    let b = byJob.get(j);
    if (!b) {
      b = new Map();
      byJob.set(j, b);
    }
    b.set(w, grade);
  }
  return { byWorker, byJob };
}

function pick(m: MetricSummary): DirectionMetrics {
  return { ndcg10: m.ndcg10, map: m.map, recall20: m.recall20 };
}

/** Ranks every judged query in both directions with the engine. */
export function engineRuns(
  engine: MatchEngine,
  qrels: Qrels,
): {
  j4w: Map<string, Array<{ id: string; score: number }>>;
  w4j: Map<string, Array<{ id: string; score: number }>>;
} {
  const j4w = new Map<string, Array<{ id: string; score: number }>>();
  for (const w of qrels.byWorker.keys()) {
    j4w.set(
      w,
      engine
        .jobsForWorker(w, { limit: RUN_DEPTH, filters: { includeHidden: true } })
        .map((h) => ({ id: h.id, score: h.score })),
    );
  }
  const w4j = new Map<string, Array<{ id: string; score: number }>>();
  for (const j of qrels.byJob.keys()) {
    w4j.set(
      j,
      engine
        .workersForJob(j, { limit: RUN_DEPTH, onlyVisible: false })
        .map((h) => ({ id: h.id, score: h.score })),
    );
  }
  return { j4w, w4j };
}

const ids = (m: Map<string, Array<{ id: string }>>): Map<string, string[]> =>
  new Map([...m].map(([k, v]) => [k, v.map((x) => x.id)]));

/**
 * Offline evaluation on a folder with jobs.jsonl, workers.jsonl and qrels.tsv: NDCG@10, MAP and
 * Recall@20 in both directions for the engine and a plain BM25 baseline. Prints a table, then one
 * JSON line. The candidate pool in each direction is every record in the files.
 */
export function runMatchEval(dir: string, options: MatchEvalOptions = {}): MatchEvalResult {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const jobs = readJsonl<MatchJob>(join(dir, 'jobs.jsonl'));
  const workers = readJsonl<MatchWorker>(join(dir, 'workers.jsonl'));
  const qrels = readQrels(join(dir, 'qrels.tsv'));

  const t0 = performance.now();
  const engine = createMatchEngine(options.engineOptions);
  for (const j of jobs) {
    engine.upsertJob(j);
  }
  for (const w of workers) {
    engine.upsertWorker(w);
  }
  const built = performance.now() - t0;
  const t1 = performance.now();
  const { j4w, w4j } = engineRuns(engine, qrels);
  const ranked = performance.now() - t1;

  const jobIndex = new Bm25Baseline();
  for (const j of jobs) {
    jobIndex.add(j.id, jobText(j));
  }
  const workerIndex = new Bm25Baseline();
  for (const w of workers) {
    workerIndex.add(w.id, workerText(w));
  }
  const byIdW = new Map(workers.map((w) => [w.id, w]));
  const byIdJ = new Map(jobs.map((j) => [j.id, j]));
  const bj4w = new Map<string, Array<{ id: string; score: number }>>();
  for (const w of qrels.byWorker.keys()) {
    const rec = byIdW.get(w);
    bj4w.set(w, rec ? jobIndex.search(workerText(rec), RUN_DEPTH) : []);
  }
  const bw4j = new Map<string, Array<{ id: string; score: number }>>();
  for (const j of qrels.byJob.keys()) {
    const rec = byIdJ.get(j);
    bw4j.set(j, rec ? workerIndex.search(jobText(rec), RUN_DEPTH) : []);
  }

  const qW: Map<string, Judgments> = qrels.byWorker;
  const qJ: Map<string, Judgments> = qrels.byJob;
  const eJ = summarise(ids(j4w), qW);
  const eW = summarise(ids(w4j), qJ);
  const bJ = summarise(ids(bj4w), qW);
  const bW = summarise(ids(bw4j), qJ);

  const f = (v: number): string => v.toFixed(4);
  log(
    `match eval ${dir}: ${jobs.length} jobs, ${workers.length} workers, ${qW.size} worker queries, ${qJ.size} job queries`,
  );
  log(
    `engine built in ${built.toFixed(0)} ms, ranked ${qW.size + qJ.size} queries in ${ranked.toFixed(0)} ms`,
  );
  log('system   direction       NDCG@10  MAP     R@20    top1=3');
  log(`engine   jobsForWorker   ${f(eJ.ndcg10)}  ${f(eJ.map)}  ${f(eJ.recall20)}  ${f(eJ.top1Grade3)}`);
  log(`engine   workersForJob   ${f(eW.ndcg10)}  ${f(eW.map)}  ${f(eW.recall20)}  ${f(eW.top1Grade3)}`);
  log(`bm25     jobsForWorker   ${f(bJ.ndcg10)}  ${f(bJ.map)}  ${f(bJ.recall20)}  ${f(bJ.top1Grade3)}`);
  log(`bm25     workersForJob   ${f(bW.ndcg10)}  ${f(bW.map)}  ${f(bW.recall20)}  ${f(bW.top1Grade3)}`);
  const ratio = (e: MetricSummary, b: MetricSummary): string =>
    ((1 - e.ndcg10) / Math.max(1e-9, 1 - b.ndcg10)).toFixed(3);
  log(
    `error ratio (1−NDCG@10 engine ÷ bm25): jobsForWorker ${ratio(eJ, bJ)}, workersForJob ${ratio(eW, bW)} (target ≤ 0.5)`,
  );
  log(
    `top result is grade 3 (queries having a grade-3 item): jobsForWorker ${(eJ.top1Grade3 * 100).toFixed(1)}%, workersForJob ${(eW.top1Grade3 * 100).toFixed(1)}% (target ≥ 90%)`,
  );

  if (options.runFile) {
    const lines: string[] = [];
    const emit = (runs: Map<string, Array<{ id: string; score: number }>>): void => {
      for (const [q, list] of runs) {
        list.slice(0, RUN_DEPTH).forEach((h, i) => {
          lines.push(`${q} Q0 ${h.id} ${i + 1} ${h.score.toFixed(2)} gongyou`);
        });
      }
    };
    emit(j4w);
    emit(w4j);
    writeFileSync(options.runFile, `${lines.join('\n')}\n`);
    log(`wrote ${lines.length} run lines to ${options.runFile}`);
  }

  const result: MatchEvalResult = {
    engine: { jobsForWorker: pick(eJ), workersForJob: pick(eW) },
    bm25: { jobsForWorker: pick(bJ), workersForJob: pick(bW) },
    top1Grade3: {
      engine: { jobsForWorker: eJ.top1Grade3, workersForJob: eW.top1Grade3 },
      bm25: { jobsForWorker: bJ.top1Grade3, workersForJob: bW.top1Grade3 },
    },
  };
  log(JSON.stringify({ engine: result.engine, bm25: result.bm25 }));
  return result;
}

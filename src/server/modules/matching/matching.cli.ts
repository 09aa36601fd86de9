import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AllocationReport, Application } from './allocation.ts';
import { deferredAcceptance, welfareAllocation } from './allocation.ts';
import { runMatchBench } from './bench/bench.ts';
import type { PeerName } from './bench/peer.ts';
import { createMatchEngine } from './engine.ts';
import { readJsonl, runMatchEval } from './eval.ts';
import type { MatchJob, MatchWorker } from './match.types.ts';

const USAGE = `usage:
  match eval DIR [--run FILE]
  match allocate DIR
  bench match [--jobs N] [--workers N] [--seed S] [--queries N] [--peer-queries N] [--database-url URL]
`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function intFlag(args: string[], name: string, fallback: number): number {
  const v = flag(args, name);
  const n = v === undefined ? Number.NaN : Number(v.replace(/_/g, ''));
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export interface MatchAllocateResult {
  deferredAcceptance: AllocationReport;
  welfare: AllocationReport;
  synthesisedApplications: boolean;
}

/**
 * Allocates a job fair held in DIR (jobs.jsonl, workers.jsonl, applications.jsonl). Without an
 * applications file each worker is taken to apply to the engine's top five jobs, in that order.
 * Places per job are placesLeft, else headcount, else 1.
 */
export async function runMatchAllocate(
  dir: string,
  log: (line: string) => void,
): Promise<MatchAllocateResult> {
  const jobs = readJsonl<MatchJob>(join(dir, 'jobs.jsonl'));
  const workers = readJsonl<MatchWorker>(join(dir, 'workers.jsonl'));
  const engine = createMatchEngine();
  for (const j of jobs) {
    engine.upsertJob(j);
  }
  for (const w of workers) {
    engine.upsertWorker(w);
  }
  const appsFile = join(dir, 'applications.jsonl');
  const synthesised = !existsSync(appsFile);
  const applications: Application[] = synthesised
    ? workers.map((w) => ({
        workerId: w.id,
        jobIds: engine.jobsForWorker(w.id, { limit: 5 }).map((h) => h.id),
      }))
    : readJsonl<Application>(appsFile);
  const capacities = new Map(jobs.map((j) => [j.id, j.placesLeft ?? j.headcount ?? 1]));
  const cache = new Map<string, number>();
  const score = (jobId: string, workerId: string): number => {
    const key = `${jobId}\u0000${workerId}`;
    let s = cache.get(key);
    if (s === undefined) {
      s = engine.scorePair(jobId, workerId)?.score ?? 0;
      cache.set(key, s);
    }
    return s;
  };
  const input = { applications, capacities, score };
  const da = deferredAcceptance(input);
  const lp = await welfareAllocation(input);
  const places = [...capacities.values()].reduce((a, b) => a + b, 0);
  log(
    `match allocate ${dir}: ${applications.length} applicants, ${jobs.length} jobs, ${places} places${synthesised ? ' (applications synthesised from the engine top 5 per worker)' : ''}`,
  );
  for (const r of [da, lp]) {
    const avgFill = r.fill.length > 0 ? r.fill.reduce((a, f) => a + f.fillRate, 0) / r.fill.length : 0;
    log(
      `${r.method.padEnd(20)} placed ${r.placed}, unplaced ${r.unplaced.length}, total score ${r.totalScore}, blocking pairs ${r.blockingPairs}, mean fill ${(avgFill * 100).toFixed(1)}%, ${r.millis} ms${r.integral === undefined ? '' : `, LP integral: ${r.integral}`}`,
    );
  }
  const summary = (r: AllocationReport) => ({
    placed: r.placed,
    unplaced: r.unplaced.length,
    totalScore: r.totalScore,
    blockingPairs: r.blockingPairs,
    ms: r.millis,
    fill: Object.fromEntries(r.fill.map((f) => [f.jobId, f.fillRate])),
  });
  log(
    JSON.stringify({ deferredAcceptance: summary(da), welfare: { ...summary(lp), integral: lp.integral } }),
  );
  return { deferredAcceptance: da, welfare: lp, synthesisedApplications: synthesised };
}

/**
 * Entry point for `gongyou match …` and `gongyou bench match …`. Returns the process exit code.
 */
const PEERS: readonly PeerName[] = ['orama', 'minisearch', 'flexsearch', 'postgres'];

function parseEngines(list: string): PeerName[] {
  const names = list
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !PEERS.includes(n as PeerName) && n !== 'gongyou');
  if (unknown.length > 0) {
    throw new Error(`--engines: unknown engine ${unknown.join(', ')} (choose from ${PEERS.join(', ')})`);
  }
  return names.filter((n): n is PeerName => PEERS.includes(n as PeerName));
}

export async function runMatchingCli(args: string[]): Promise<number> {
  const log = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  const [a, b, c] = args;
  try {
    if (a === 'match' && b === 'eval' && c) {
      const runFile = flag(args, '--run');
      runMatchEval(c, runFile ? { runFile, log } : { log });
      return 0;
    }
    if (a === 'match' && b === 'allocate' && c) {
      await runMatchAllocate(c, log);
      return 0;
    }
    if (a === 'bench' && b === 'match') {
      const databaseUrl = flag(args, '--database-url');
      const peerQueries = flag(args, '--peer-queries');
      const engines = flag(args, '--engines');
      await runMatchBench({
        jobs: intFlag(args, '--jobs', 100_000),
        workers: intFlag(args, '--workers', 1_000_000),
        seed: intFlag(args, '--seed', 42),
        queries: intFlag(args, '--queries', 1000),
        ...(peerQueries ? { peerQueries: intFlag(args, '--peer-queries', 200) } : {}),
        ...(engines ? { engines: parseEngines(engines) } : {}),
        ...(databaseUrl ? { databaseUrl } : {}),
        log,
      });
      return 0;
    }
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 1;
  }
  process.stderr.write(USAGE);
  return 2;
}

import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PeerArgs, PeerName, PeerResult, Percentiles } from './peer.ts';

export interface MatchBenchOptions {
  jobs: number;
  workers: number;
  seed: number;
  /** PostgreSQL server to create (and drop) a scratch database on; skipped when absent. */
  databaseUrl?: string;
  /** Queries per direction (default 1,000). */
  queries?: number;
  /**
   * Queries per direction for the peers: the first ones of the same list. At a million profiles the
   * slow peers need seconds per workers-for-job query, so the default there is 200 (printed).
   */
  peerQueries?: number;
  /**
   * Workers indexed by the in-process JavaScript peers (default: all, the same scale as ours; a cap
   * is printed).
   */
  peerWorkerCap?: number;
  /** Engines to run (default: all; `postgres` also needs `databaseUrl`). `gongyou` always runs. */
  engines?: readonly PeerName[];
  log?: (line: string) => void;
}

export interface EngineFigures {
  buildMs: number;
  rssMB: number;
  jobsForWorker: Percentiles;
  workersForJob: Percentiles;
  /** Queries measured per direction. */
  queries: number;
}

export interface MatchBenchResult {
  corpus: { jobs: number; workers: number; seed: number };
  engines: Partial<Record<PeerName, EngineFigures>>;
}

const PEER_FILE = join(dirname(fileURLToPath(import.meta.url)), 'peer.ts');

function runChild(args: PeerArgs): Promise<PeerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=6144', '--import', 'tsx', PEER_FILE, JSON.stringify(args)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new Error(`${args.engine} benchmark exited with ${code}`));
        return;
      }
      resolve(JSON.parse(last) as PeerResult);
    });
  });
}

/**
 * Builds the same seeded synthetic corpus in one child process per engine and measures index build
 * time, resident memory growth and latency percentiles of jobs-for-worker and workers-for-job queries.
 * Prints a table and a final JSON line.
 */
export async function runMatchBench(options: MatchBenchOptions): Promise<MatchBenchResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const queries = options.queries ?? 1000;
  const peerQueries = Math.min(queries, options.peerQueries ?? (options.workers > 200_000 ? 200 : queries));
  const cap = options.peerWorkerCap ?? options.workers;
  const wanted = new Set<PeerName>(options.engines ?? ['orama', 'minisearch', 'flexsearch', 'postgres']);
  const engines: PeerName[] = [
    'gongyou',
    ...(['orama', 'minisearch', 'flexsearch'] as const).filter((e) => wanted.has(e)),
  ];
  if (options.databaseUrl && wanted.has('postgres')) {
    engines.push('postgres');
  }
  log(
    `bench match: ${options.jobs} jobs, ${options.workers} workers, seed ${options.seed}, ${queries} queries per direction` +
      (peerQueries < queries ? ` (peers: the first ${peerQueries})` : ''),
  );
  const results: PeerResult[] = [];
  for (const engine of engines) {
    const workerCap =
      engine === 'gongyou' || engine === 'postgres' ? options.workers : Math.min(cap, options.workers);
    const args: PeerArgs = {
      engine,
      jobs: options.jobs,
      workers: options.workers,
      seed: options.seed,
      queries: engine === 'gongyou' ? queries : peerQueries,
      workerCap,
    };
    if (engine === 'gongyou' && peerQueries < queries) {
      args.firstQueries = peerQueries;
    }
    if (engine === 'postgres' && options.databaseUrl) {
      args.databaseUrl = options.databaseUrl;
    }
    try {
      const r = await runChild(args);
      results.push(r);
      log(`  ${engine}: done (${r.buildMs} ms build)`);
    } catch (err) {
      log(`  ${engine}: failed — ${(err as Error).message}`);
    }
  }
  const pad = (s: string | number, n: number): string => String(s).padStart(n);
  log('');
  log('engine       workers  build ms   rss MB | j4w p50   p95    p99  | w4j p50   p95    p99');
  for (const r of results) {
    log(
      `${r.engine.padEnd(11)} ${pad(r.workersIndexed, 8)} ${pad(r.buildMs, 9)} ${pad(r.rssMB, 8)} | ${pad(r.jobsForWorker.p50.toFixed(2), 7)} ${pad(r.jobsForWorker.p95.toFixed(2), 6)} ${pad(r.jobsForWorker.p99.toFixed(2), 6)} | ${pad(r.workersForJob.p50.toFixed(2), 7)} ${pad(r.workersForJob.p95.toFixed(2), 6)} ${pad(r.workersForJob.p99.toFixed(2), 6)}`,
    );
  }
  for (const r of results) {
    if (r.workersIndexed < options.workers) {
      log(
        `note: ${r.engine} indexed ${r.workersIndexed} of ${options.workers} workers (cap); all ${options.jobs} jobs.`,
      );
    }
    if (r.note) {
      log(`note: ${r.engine}: ${r.note}`);
    }
  }
  if (peerQueries < queries) {
    log(
      `note: peers ran the first ${peerQueries} of the ${queries} queries per direction; the speed-up below compares our p95 over the same ${peerQueries}.`,
    );
  }
  const ours = results.find((r) => r.engine === 'gongyou');
  const peers = results.filter((r) => r.engine !== 'gongyou');
  if (ours && peers.length > 0) {
    const best = (k: 'jobsForWorker' | 'workersForJob'): PeerResult =>
      peers.reduce((a, b) => (b[k].p95 < a[k].p95 ? b : a));
    const bj = best('jobsForWorker');
    const bw = best('workersForJob');
    const same = ours.first ?? ours;
    log(
      `p95 speed-up vs fastest peer: jobsForWorker ${(bj.jobsForWorker.p95 / Math.max(1e-6, same.jobsForWorker.p95)).toFixed(1)}× (${bj.engine}), workersForJob ${(bw.workersForJob.p95 / Math.max(1e-6, same.workersForJob.p95)).toFixed(1)}× (${bw.engine})`,
    );
    log(`gongyou total RSS after build: ${ours.totalRssMB} MB`);
  }
  const result: MatchBenchResult = {
    corpus: { jobs: options.jobs, workers: options.workers, seed: options.seed },
    engines: Object.fromEntries(
      results.map((r) => [
        r.engine,
        {
          buildMs: r.buildMs,
          rssMB: r.rssMB,
          jobsForWorker: r.jobsForWorker,
          workersForJob: r.workersForJob,
          queries: r.queries,
        },
      ]),
    ),
  };
  log(JSON.stringify(result));
  return result;
}

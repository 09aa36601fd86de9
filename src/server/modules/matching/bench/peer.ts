/**
 * One benchmark run in its own process, so resident memory is measured for one engine alone.
 * Usage (spawned by runMatchBench): node --expose-gc --import tsx peer.ts '<json PeerArgs>'
 * Prints one JSON line with PeerResult.
 */
import { create, insertMultiple, search } from '@orama/orama';
import { Index } from 'flexsearch';
import MiniSearch from 'minisearch';
import pg from 'pg';
import { createMatchEngine } from '../engine.ts';
import type { MatchJob, MatchWorker } from '../match.types.ts';
import { createSegmenter, normalizeText } from '../text.ts';
import { loadThesaurus, thesaurusWords } from '../thesaurus.ts';
import { SyntheticCorpus } from './corpus.ts';

export type PeerName = 'gongyou' | 'orama' | 'minisearch' | 'flexsearch' | 'postgres';

export interface PeerArgs {
  engine: PeerName;
  jobs: number;
  workers: number;
  seed: number;
  queries: number;
  /** Workers indexed by this engine (peers may be capped). */
  workerCap: number;
  /** Also report percentiles over the first this many queries (to compare with peers that ran fewer). */
  firstQueries?: number;
  databaseUrl?: string;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface PeerResult {
  engine: PeerName;
  buildMs: number;
  rssMB: number;
  totalRssMB: number;
  jobsIndexed: number;
  workersIndexed: number;
  jobsForWorker: Percentiles;
  workersForJob: Percentiles;
  queries: number;
  /** Percentiles over the first `firstQueries` queries, when asked. */
  first?: { queries: number; jobsForWorker: Percentiles; workersForJob: Percentiles };
  note?: string;
}

export function percentiles(samples: number[]): Percentiles {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => {
    if (s.length === 0) {
      return 0;
    }
    const v = s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0;
    return Math.round(v * 1000) / 1000;
  };
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

const mb = (b: number): number => Math.round((b / 1048576) * 10) / 10;

interface Adapter {
  build(): Promise<void>;
  jobsFor(w: MatchWorker, wid: number): Promise<unknown>;
  workersFor(j: MatchJob, jid: number): Promise<unknown>;
  close?(): Promise<number | undefined>;
}

export async function runPeer(args: PeerArgs): Promise<PeerResult> {
  const th = loadThesaurus();
  const corpus = new SyntheticCorpus({ jobs: args.jobs, workers: args.workers, seed: args.seed }, th);
  const nWorkers = Math.min(args.workers, args.workerCap);
  const jobQ = corpus.queries('jobs', args.queries);
  const workerQ = corpus.queries('workers', args.queries).map((i) => i % nWorkers);
  // Query records are generated before measuring so that generation cost is not counted.
  const qWorkers = workerQ.map((i) => corpus.worker(i));
  const qJobs = jobQ.map((i) => corpus.job(i));

  const seg = createSegmenter(thesaurusWords(th));
  const textTokens = (s: string): string =>
    [...new Set(seg.terms(normalizeText(s)).map((t) => t.replace(/[\s'|&!():*\\]/g, '')))]
      .filter((t) => t !== '')
      .join(' ');
  const jobDoc = (j: MatchJob): string =>
    textTokens(`${j.title} ${j.trade} ${j.skills.join(' ')} ${j.description} ${j.city}`);
  const workerDoc = (w: MatchWorker): string =>
    textTokens(`${w.desiredTrades.join(' ')} ${w.skills.join(' ')} ${w.summary}`);
  const queryOf = (s: string): string => s.split(' ').slice(0, 12).join(' ');
  const workerQuery = (w: MatchWorker): string =>
    queryOf(
      textTokens(
        w.desiredTrades.length > 0 ? `${w.desiredTrades.join(' ')} ${w.skills.join(' ')}` : w.summary,
      ),
    );
  const jobQuery = (j: MatchJob): string =>
    queryOf(textTokens(`${j.title} ${j.trade} ${j.skills.join(' ')}`));

  let adapter: Adapter;
  let note: string | undefined;
  switch (args.engine) {
    case 'gongyou': {
      const engine = createMatchEngine({ retainWorkers: false });
      adapter = {
        async build() {
          // As the service's start-up build does: one call with the jobs and the profiles (extraction
          // on a worker thread and this one), then the postings are written, so the first query finds
          // a complete index.
          engine.load({
            jobs: (function* () {
              for (let i = 0; i < args.jobs; i++) {
                yield corpus.job(i);
              }
            })(),
            workers: (function* () {
              for (let i = 0; i < nWorkers; i++) {
                yield corpus.worker(i);
              }
            })(),
          });
          engine.flush();
        },
        async jobsFor(w) {
          return engine.jobsForWorker(w.id, { limit: 20 });
        },
        async workersFor(j) {
          return engine.workersForJob(j.id, { limit: 20 });
        },
      };
      break;
    }
    case 'orama': {
      const schema = { body: 'string' } as const;
      const tokenizer = {
        language: 'english',
        normalizationCache: new Map<string, string>(),
        tokenize: (s: string) => s.split(' '),
      };
      const jobsDb = create({ schema, components: { tokenizer } });
      const workersDb = create({ schema, components: { tokenizer } });
      adapter = {
        async build() {
          const batch = async (
            db: typeof jobsDb,
            n: number,
            doc: (i: number) => { id: string; body: string },
          ) => {
            for (let s = 0; s < n; s += 5000) {
              const docs: Array<{ id: string; body: string }> = [];
              for (let i = s; i < Math.min(n, s + 5000); i++) {
                docs.push(doc(i));
              }
              await insertMultiple(db, docs);
            }
          };
          await batch(jobsDb, args.jobs, (i) => ({ id: `J${i}`, body: jobDoc(corpus.job(i)) }));
          await batch(workersDb, nWorkers, (i) => ({ id: `W${i}`, body: workerDoc(corpus.worker(i)) }));
        },
        async jobsFor(w) {
          return search(jobsDb, { term: workerQuery(w), limit: 20 });
        },
        async workersFor(j) {
          return search(workersDb, { term: jobQuery(j), limit: 20 });
        },
      };
      break;
    }
    case 'minisearch': {
      const opts = { fields: ['body'], tokenize: (s: string) => s.split(' ') };
      const jobsIx = new MiniSearch<{ id: number; body: string }>(opts);
      const workersIx = new MiniSearch<{ id: number; body: string }>(opts);
      adapter = {
        async build() {
          for (let i = 0; i < args.jobs; i++) {
            jobsIx.add({ id: i, body: jobDoc(corpus.job(i)) });
          }
          for (let i = 0; i < nWorkers; i++) {
            workersIx.add({ id: i, body: workerDoc(corpus.worker(i)) });
          }
        },
        async jobsFor(w) {
          return jobsIx.search(workerQuery(w), { combineWith: 'OR' }).slice(0, 20);
        },
        async workersFor(j) {
          return workersIx.search(jobQuery(j), { combineWith: 'OR' }).slice(0, 20);
        },
      };
      break;
    }
    case 'flexsearch': {
      const opts = { tokenize: 'strict' as const, encode: (s: string) => s.split(' ') };
      const jobsIx = new Index(opts);
      const workersIx = new Index(opts);
      adapter = {
        async build() {
          for (let i = 0; i < args.jobs; i++) {
            jobsIx.add(i, jobDoc(corpus.job(i)));
          }
          for (let i = 0; i < nWorkers; i++) {
            workersIx.add(i, workerDoc(corpus.worker(i)));
          }
        },
        async jobsFor(w) {
          return jobsIx.search(workerQuery(w), { limit: 20, suggest: true });
        },
        async workersFor(j) {
          return workersIx.search(jobQuery(j), { limit: 20, suggest: true });
        },
      };
      break;
    }
    case 'postgres': {
      if (!args.databaseUrl) {
        throw new Error('postgres needs a databaseUrl');
      }
      const scratch = `gongyou_bench_${process.pid}`;
      const admin = new pg.Client({ connectionString: args.databaseUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${scratch}`);
      const url = new URL(args.databaseUrl);
      url.pathname = `/${scratch}`;
      const db = new pg.Client({ connectionString: url.toString() });
      await db.connect();
      const tsq = (q: string): string =>
        q
          .split(' ')
          .filter((t) => t !== '')
          .map((t) => `'${t}'`)
          .join(' | ');
      note = 'rssMB is the on-disk size of tables + GIN indexes (server memory is not per-query measurable)';
      adapter = {
        async build() {
          for (const table of ['jobs', 'workers']) {
            await db.query(
              `CREATE TABLE ${table} (id int PRIMARY KEY, body text, tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED)`,
            );
          }
          const load = async (table: string, n: number, doc: (i: number) => string) => {
            for (let s = 0; s < n; s += 5000) {
              const ids: number[] = [];
              const bodies: string[] = [];
              for (let i = s; i < Math.min(n, s + 5000); i++) {
                ids.push(i);
                bodies.push(doc(i));
              }
              await db.query(`INSERT INTO ${table} (id, body) SELECT * FROM unnest($1::int[], $2::text[])`, [
                ids,
                bodies,
              ]);
            }
            await db.query(`CREATE INDEX ${table}_tsv ON ${table} USING gin (tsv)`);
            await db.query(`ANALYZE ${table}`);
          };
          await load('jobs', args.jobs, (i) => jobDoc(corpus.job(i)));
          await load('workers', nWorkers, (i) => workerDoc(corpus.worker(i)));
        },
        async jobsFor(w) {
          const q = tsq(workerQuery(w));
          return db.query(
            `SELECT id FROM jobs WHERE tsv @@ to_tsquery('simple', $1) ORDER BY ts_rank(tsv, to_tsquery('simple', $1)) DESC LIMIT 20`,
            [q],
          );
        },
        async workersFor(j) {
          const q = tsq(jobQuery(j));
          return db.query(
            `SELECT id FROM workers WHERE tsv @@ to_tsquery('simple', $1) ORDER BY ts_rank(tsv, to_tsquery('simple', $1)) DESC LIMIT 20`,
            [q],
          );
        },
        async close() {
          const size = await db.query<{ b: string }>(
            `SELECT (pg_total_relation_size('jobs') + pg_total_relation_size('workers'))::text AS b`,
          );
          await db.end();
          await admin.query(`DROP DATABASE ${scratch}`);
          await admin.end();
          return Number(size.rows[0]?.b ?? 0);
        },
      };
      break;
    }
  }

  gc();
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  await adapter.build();
  const buildMs = Math.round(performance.now() - t0);
  gc();
  const rss1 = process.memoryUsage().rss;
  // Warm-up so JIT compilation is not charged to the first measured queries.
  for (let k = 0; k < Math.min(20, qWorkers.length); k++) {
    await adapter.jobsFor(qWorkers[k] as MatchWorker, workerQ[k] ?? 0);
  }
  const j4w: number[] = [];
  for (let k = 0; k < qWorkers.length; k++) {
    const t = performance.now();
    await adapter.jobsFor(qWorkers[k] as MatchWorker, workerQ[k] ?? 0);
    j4w.push(performance.now() - t);
  }
  const w4j: number[] = [];
  for (let k = 0; k < qJobs.length; k++) {
    const t = performance.now();
    await adapter.workersFor(qJobs[k] as MatchJob, jobQ[k] ?? 0);
    w4j.push(performance.now() - t);
  }
  const diskBytes = adapter.close ? await adapter.close() : undefined;
  const result: PeerResult = {
    engine: args.engine,
    buildMs,
    rssMB: diskBytes !== undefined ? mb(diskBytes) : mb(rss1 - rss0),
    totalRssMB: mb(rss1),
    jobsIndexed: args.jobs,
    workersIndexed: nWorkers,
    jobsForWorker: percentiles(j4w),
    workersForJob: percentiles(w4j),
    queries: args.queries,
  };
  if (args.firstQueries !== undefined) {
    result.first = {
      queries: args.firstQueries,
      jobsForWorker: percentiles(j4w.slice(0, args.firstQueries)),
      workersForJob: percentiles(w4j.slice(0, args.firstQueries)),
    };
  }
  if (note) {
    result.note = note;
  }
  return result;
}

const argv = process.argv[2];
if (argv && import.meta.url === new URL(process.argv[1] ?? '', 'file://').href) {
  const result = await runPeer(JSON.parse(argv) as PeerArgs);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

import { BULK_MIN_RECORDS, bulkExtract } from './bulk.ts';
import { explain, formatReason } from './explain.ts';
import type { ExtractContext, JobFeatures, WorkerFeatures } from './features.ts';
import { certTerm, extractJob, extractWorker, skillTerm, TermDictionary, tradeTerm } from './features.ts';
import type {
  JobFilters,
  JobsForWorkerOptions,
  MatchHit,
  MatchJob,
  MatchLocale,
  MatchWorker,
  SearchJobsOptions,
  WorkersForJobOptions,
} from './match.types.ts';
import type { MatchWeights, ScoreContext, ScoreDetail } from './scoring.ts';
import { MATCH_WEIGHTS, scorePair, scoreTotal } from './scoring.ts';
import type { IndexedField, QueryTerm } from './search.index.ts';
import { SearchIndex, TopK } from './search.index.ts';
import type { Segmenter } from './text.ts';
import { createSegmenter, normalizeText } from './text.ts';
import type { Thesaurus } from './thesaurus.ts';
import {
  DEFAULT_THESAURUS_DIR,
  loadThesaurus,
  lookup,
  scanMentions,
  thesaurusWords,
  tradeLevel,
} from './thesaurus.ts';
import { chord2OfKm, JobColumns, unitVector, WorkerStore } from './worker.store.ts';

export interface MatchEngineOptions {
  thesaurusDir?: string;
  /** Overrides of MATCH_WEIGHTS (for experiments; production uses the defaults). */
  weights?: Partial<MatchWeights>;
  /** Injected clock (epoch ms) for freshness. */
  now?: () => number;
  /**
   * Keep worker records so reloadThesaurus can re-read them (default true). Turn off for very large
   * corpora and pass the records to reloadThesaurus instead.
   */
  retainWorkers?: boolean;
  /** How many first-stage candidates reach the full re-ranker (default 300). */
  candidatePool?: number;
  /**
   * First-stage recruiting budget (default 16,000): query terms, strongest first, bring in new
   * candidates until this many have been touched; later terms only refine their scores. Bounds the work
   * of a query on a big corpus (a popular trade alone matches thousands of profiles).
   */
  recruitBudget?: number;
  /** upsertWorkers extracts on the calling thread alone below this many profiles (default 20,000). */
  bulkMinRecords?: number;
}

export interface MatchEngineStats {
  jobs: number;
  workers: number;
  terms: number;
  /** Approximate bytes of the indexes and packed worker features. */
  indexBytes: number;
}

export interface PairScore {
  score: number;
  detail: ScoreDetail;
}

export interface MatchEngine {
  upsertJob(job: MatchJob): void;
  removeJob(id: string): boolean;
  upsertWorker(worker: MatchWorker): void;
  /**
   * Adds or replaces many profiles (start-up): the same result as upsertWorker on each in order, with
   * the text work spread over a worker thread and the calling thread. Synchronous.
   */
  upsertWorkers(workers: Iterable<MatchWorker>): void;
  /**
   * Start-up in one call: the same result as upsertJob on each job, then upsertWorker on each profile;
   * profile extraction runs on a worker thread as in upsertWorkers and starts while the jobs are
   * indexed. Synchronous.
   */
  load(records: { jobs?: Iterable<MatchJob>; workers?: Iterable<MatchWorker> }): void;
  removeWorker(id: string): boolean;
  /** Jobs ranked for a worker (an indexed id or a profile that need not be indexed). */
  jobsForWorker(worker: string | MatchWorker, options?: JobsForWorkerOptions): MatchHit[];
  /** Workers ranked for an indexed job (or a job record that need not be indexed). */
  workersForJob(job: string | MatchJob, options?: WorkersForJobOptions): MatchHit[];
  /** Free-text job search with structured filters. */
  searchJobs(query: string, filters?: JobFilters, options?: SearchJobsOptions): MatchHit[];
  /** Score of one indexed pair, or undefined if either id is unknown. */
  scorePair(jobId: string, workerId: string): PairScore | undefined;
  /**
   * Writes index postings of records added since the last query. Queries do it first anyway; a bulk
   * load (start-up) calls it at the end so the first query does not pay for it.
   */
  flush(): void;
  /** Re-reads the thesaurus files and re-indexes every record. */
  reloadThesaurus(dir?: string, workers?: Iterable<MatchWorker>): void;
  hasJob(id: string): boolean;
  hasWorker(id: string): boolean;
  stats(): MatchEngineStats;
  readonly weights: Readonly<MatchWeights>;
}

export class MatchEngineError extends Error {
  constructor(
    readonly code: 'matching/unknown-job' | 'matching/unknown-worker' | 'matching/workers-not-retained',
    message: string,
  ) {
    super(message);
  }
}

/** A re-ranked candidate before its explanation is built. */
interface Ranked<T> {
  key: T;
  id: string;
  total: number;
  /** BM25F relative to the best candidate (tie-break and the text factor). */
  text: number;
}

interface JobEntry {
  job: MatchJob;
  feat: JobFeatures;
  /** Normalised tags, employer, district for filters. */
  tags: string[];
  employer: string;
  district: string;
  cityName: string;
}

const FIELD = {
  jobTradeStrong: 3,
  jobTradeWeak: 1.5,
  jobSkillConcepts: 2,
  jobSkillWords: 1.5,
  jobTitleWords: 2,
  jobCerts: 1.5,
  jobDescription: 0.5,
  workerTradeStrong: 3,
  workerTradeWeak: 1.5,
  workerConcepts: 2,
  workerWords: 1,
  workerCerts: 1.5,
} as const;

/**
 * First-stage commute points: the re-ranker's commute factor (scoring.ts) on the squared chord
 * distance, without the region details (those only matter for movers and cost a lookup).
 */
function commutePrior(d2: number, lim2: number, mover: boolean, W: MatchWeights): number {
  if (d2 <= lim2) {
    return W.commuteWithin * 0.75;
  }
  if (mover) {
    return W.relocate;
  }
  // 1.25 × the limit, squared (the chord is proportional to the distance at commuting scale).
  return d2 <= lim2 * 1.5625 ? W.commuteSlightlyBeyond : W.commuteBeyond;
}

/** First-stage salary points: the re-ranker's salary factor. NaN-safe (unknown → 0). */
function salaryPrior(expected: number, salaryMax: number, W: MatchWeights): number {
  if (Number.isNaN(expected) || !(salaryMax > 0)) {
    return 0;
  }
  const ratio = expected / salaryMax;
  return ratio <= 1 ? W.salaryFit : ratio <= 1.12 ? W.salarySlightlyLow : W.salaryLow;
}

function jobVisible(job: MatchJob): boolean {
  return job.visible !== false && (job.status === undefined || job.status === 'open');
}

export function createMatchEngine(options: MatchEngineOptions = {}): MatchEngine {
  const weights: MatchWeights = { ...MATCH_WEIGHTS, ...options.weights };
  const now = options.now ?? (() => Date.now());
  const retainWorkers = options.retainWorkers ?? true;
  const pool = options.candidatePool ?? 300;
  /** Plain query words recruit candidates only until concepts and words have touched this many. */
  const wordBudget = pool * 4;
  const recruitBudget = options.recruitBudget ?? 16_000;
  const bulkMinRecords = options.bulkMinRecords ?? BULK_MIN_RECORDS;

  let th: Thesaurus = loadThesaurus(options.thesaurusDir ?? DEFAULT_THESAURUS_DIR);
  let seg: Segmenter = createSegmenter(thesaurusWords(th));
  let dict = new TermDictionary();
  let ctx: ExtractContext = { th, seg, dict };

  let jobIndex = new SearchIndex();
  let workerIndex = new SearchIndex();
  let workerStore = new WorkerStore();
  let jobs: Array<JobEntry | undefined> = [];
  const jobSlot = new Map<string, number>();
  let workerIds: Array<string | undefined> = [];
  const workerSlot = new Map<string, number>();
  let workerRecords = new Map<string, MatchWorker>();
  let nextJobSlot = 0;
  let nextWorkerSlot = 0;
  /** Job columns read by the first stage for every touched job: unit vector, max salary, visibility. */
  let jobCols = new JobColumns();

  const scoreCtx = (): ScoreContext => ({ th, dict, weights, now: now() });

  const tradeFields = (trades: number[], tw: number[], strong: number, weak: number): IndexedField[] => {
    const hi: number[] = [];
    const lo: number[] = [];
    trades.forEach((t, i) => {
      ((tw[i] ?? 0) >= 0.85 ? hi : lo).push(dict.tradeConcept(t));
    });
    return [
      { terms: hi, weight: strong },
      { terms: lo, weight: weak },
    ];
  };

  const indexJob = (slot: number, e: JobEntry): void => {
    const f = e.feat;
    const skillConcepts = f.skills.flatMap((g) => g.concepts);
    const skillWords = f.skills.flatMap((g) => g.tokens);
    const title = seg.terms(f.rawTitle).map((t) => dict.intern(t));
    const trade = seg.terms(f.rawTrade).map((t) => dict.intern(t));
    const desc = seg.terms(normalizeText(e.job.description)).map((t) => dict.intern(t));
    const certs = f.certs.flatMap((c) => c.alternatives.map((a) => a.family));
    jobIndex.add(slot, [
      ...tradeFields(f.trades, f.tradeWeights, FIELD.jobTradeStrong, FIELD.jobTradeWeak),
      { terms: skillConcepts, weight: FIELD.jobSkillConcepts },
      { terms: skillWords, weight: FIELD.jobSkillWords },
      { terms: [...title, ...trade], weight: FIELD.jobTitleWords },
      { terms: certs, weight: FIELD.jobCerts },
      { terms: desc, weight: FIELD.jobDescription },
    ]);
  };

  // Reused for every indexed profile (a million at start-up): no arrays or field objects per profile.
  const wHi: number[] = [];
  const wLo: number[] = [];
  const wConcepts: number[] = [];
  const wWords: number[] = [];
  const wCerts = { terms: [] as readonly number[], weight: FIELD.workerCerts };
  const workerFields: IndexedField[] = [
    { terms: wHi, weight: FIELD.workerTradeStrong },
    { terms: wLo, weight: FIELD.workerTradeWeak },
    { terms: wConcepts, weight: FIELD.workerConcepts },
    { terms: wWords, weight: FIELD.workerWords },
    wCerts,
  ];

  const indexWorker = (slot: number, f: WorkerFeatures): void => {
    wHi.length = 0;
    wLo.length = 0;
    wConcepts.length = 0;
    wWords.length = 0;
    for (let i = 0; i < f.trades.length; i++) {
      ((f.tradeWeights[i] ?? 0) >= 0.85 ? wHi : wLo).push(dict.tradeConcept(f.trades[i] as number));
    }
    const bag = f.bag;
    for (let i = 0; i < bag.length; i++) {
      const t = bag[i] as number;
      (dict.isConcept(t) ? wConcepts : wWords).push(t);
    }
    wCerts.terms = f.certFamilies;
    workerIndex.add(slot, workerFields);
  };

  const makeJobEntry = (job: MatchJob): JobEntry => ({
    job,
    feat: extractJob(ctx, job),
    tags: job.tags.map((t) => normalizeText(t)),
    employer: normalizeText(job.employer),
    district: normalizeText(job.district ?? ''),
    cityName: normalizeText(job.city),
  });

  const upsertJob = (job: MatchJob): void => {
    const old = jobSlot.get(job.id);
    if (old !== undefined) {
      jobIndex.remove(old);
      jobs[old] = undefined;
      jobCols.hide(old);
    }
    // A fresh slot per version keeps postings of the old version from resurrecting.
    const slot = nextJobSlot++;
    const e = makeJobEntry(job);
    jobs[slot] = e;
    jobSlot.set(job.id, slot);
    jobCols.put(slot, e.feat.lat, e.feat.lng, e.feat.salaryMax, jobVisible(job));
    indexJob(slot, e);
  };

  const removeJob = (id: string): boolean => {
    const slot = jobSlot.get(id);
    if (slot === undefined) {
      return false;
    }
    jobIndex.remove(slot);
    jobs[slot] = undefined;
    jobCols.hide(slot);
    jobSlot.delete(id);
    return true;
  };

  const upsertWorker = (w: MatchWorker): void => {
    putWorker(w, extractWorker(ctx, w));
  };

  /**
   * Jobs, then many profiles (start-up): the same result as upsertJob on each job and then upsertWorker
   * on each profile, with profile extraction on a worker thread too (it starts while the jobs are
   * indexed here).
   */
  const load = (js: Iterable<MatchJob>, ws: Iterable<MatchWorker>): void => {
    const upsertAllJobs = (tick?: () => void): void => {
      let n = 0;
      for (const j of js) {
        upsertJob(j);
        if (tick && ++n % 256 === 0) {
          tick();
        }
      }
    };
    // A thread costs more to start than it saves on a few thousand profiles.
    const it = ws[Symbol.iterator]();
    const head: MatchWorker[] = [];
    for (let r = it.next(); ; r = it.next()) {
      if (r.done) {
        upsertAllJobs();
        for (const w of head) {
          upsertWorker(w);
        }
        return;
      }
      head.push(r.value);
      if (head.length >= bulkMinRecords) {
        break;
      }
    }
    bulkExtract(
      ctx,
      (function* () {
        yield* head;
        for (let r = it.next(); !r.done; r = it.next()) {
          yield r.value;
        }
      })(),
      putWorker,
      upsertAllJobs,
    );
  };

  const putWorker = (w: MatchWorker, f: WorkerFeatures): void => {
    const old = workerSlot.get(w.id);
    if (old !== undefined) {
      workerIndex.remove(old);
      workerStore.drop(old, workerSlot.values());
      workerIds[old] = undefined;
    }
    const slot = nextWorkerSlot++;
    workerStore.put(slot, f, w.visible !== false);
    workerIds[slot] = w.id;
    workerSlot.set(w.id, slot);
    indexWorker(slot, f);
    if (retainWorkers) {
      workerRecords.set(w.id, w);
    }
  };

  const removeWorker = (id: string): boolean => {
    const slot = workerSlot.get(id);
    if (slot === undefined) {
      return false;
    }
    workerIndex.remove(slot);
    workerStore.drop(slot, workerSlot.values());
    workerIds[slot] = undefined;
    workerSlot.delete(id);
    workerRecords.delete(id);
    return true;
  };

  /** Query terms: the trades and their thesaurus neighbours, then skills, certificates and words. */
  const buildQuery = (
    trades: readonly number[],
    tradeWeights: readonly number[],
    concepts: readonly number[],
    words: readonly number[],
    certs: readonly number[],
    wordBoost: number,
    index: SearchIndex,
  ): { terms: QueryTerm[]; concepts: number } => {
    const boosts = new Map<number, number>();
    const put = (term: number, boost: number): void => {
      if (boost > (boosts.get(term) ?? 0)) {
        boosts.set(term, boost);
      }
    };
    trades.forEach((t, i) => {
      for (const n of th.tradeNeighbours[t] ?? []) {
        const term = dict.get(tradeTerm(n.id));
        if (term !== undefined) {
          put(term, 2 * (tradeWeights[i] ?? 0) * n.level);
        }
      }
    });
    for (const c of concepts) {
      put(c, 1);
    }
    for (const c of certs) {
      put(c, 0.5);
    }
    // Plain words only refine the ranking; the most common ones (in > 5 % of the documents searched)
    // would touch most of the index for little information, so they are skipped.
    const maxDf = Math.max(50, index.size * 0.05);
    const kept = [...new Set(words)].filter((w) => !boosts.has(w) && index.df(w) <= maxDf);
    kept.sort((a, b) => index.df(a) - index.df(b));
    // Strongest concepts first: they recruit candidates while the budget lasts (SearchIndex.collect).
    const terms = [...boosts]
      .map(([term, boost]) => ({ term, boost }))
      .sort((a, b) => b.boost - a.boost || index.df(a.term) - index.df(b.term));
    const conceptTerms = terms.length;
    for (const w of kept.slice(0, 24)) {
      terms.push({ term: w, boost: wordBoost });
    }
    return { terms, concepts: conceptTerms };
  };

  const jobAllowed = (filters: JobFilters | undefined): ((slot: number) => boolean) => {
    const city = filters?.city ? normalizeText(filters.city) : undefined;
    const cityEntry = city ? lookup(th, city, 'city') : undefined;
    const district = filters?.district ? normalizeText(filters.district) : undefined;
    const tradeEntry = filters?.trade ? lookup(th, filters.trade, 'trade') : undefined;
    const tradeText = filters?.trade ? normalizeText(filters.trade) : undefined;
    const tags = filters?.tags?.map((t) => normalizeText(t));
    const employer = filters?.employer ? normalizeText(filters.employer) : undefined;
    const ids = filters?.ids ? new Set(filters.ids) : undefined;
    const includeHidden = filters?.includeHidden === true;
    return (slot: number): boolean => {
      const e = jobs[slot];
      if (!e) {
        return false;
      }
      if (!includeHidden && !jobVisible(e.job)) {
        return false;
      }
      if (ids && !ids.has(e.job.id)) {
        return false;
      }
      if (city && e.cityName !== city && !(cityEntry && e.feat.city === cityEntry.id)) {
        return false;
      }
      if (district && !e.district.includes(district)) {
        return false;
      }
      if (tradeText) {
        const ok = tradeEntry
          ? e.feat.trades.some(
              (t, i) => (e.feat.tradeWeights[i] ?? 0) >= 0.85 && tradeLevel(th, tradeEntry.id, t) >= 0.5,
            )
          : e.feat.rawTrade.includes(tradeText) || e.feat.rawTitle.includes(tradeText);
        if (!ok) {
          return false;
        }
      }
      if (filters?.salaryMin !== undefined) {
        const top = Number.isFinite(e.feat.salaryMax) ? e.feat.salaryMax : e.feat.salaryMin;
        if (!(top >= filters.salaryMin)) {
          return false;
        }
      }
      if (tags && !tags.every((t) => e.tags.includes(t))) {
        return false;
      }
      if (employer && !e.employer.includes(employer)) {
        return false;
      }
      return true;
    };
  };

  const toHit = (
    id: string,
    detail: ScoreDetail,
    job: JobEntry,
    w: WorkerFeatures,
    locale: MatchLocale,
  ): MatchHit => ({
    id,
    score: detail.total,
    factors: detail.factors,
    reasons: explain(
      {
        th,
        detail,
        job: job.feat,
        jobTrade: job.job.trade,
        jobSkills: job.job.skills,
        jobCerts: job.job.certificates,
        expectedSalary: w.expectedSalary,
        maxCommuteKm: Number.isFinite(w.maxCommuteKm) ? w.maxCommuteKm : weights.defaultCommuteKm,
      },
      locale,
    ),
  });

  /** Best first: total score, then text similarity, then id; the first `limit`. */
  const rankScored = <T>(items: Array<Ranked<T>>, limit: number): Array<Ranked<T>> =>
    items
      .sort((a, b) => b.total - a.total || b.text - a.text || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit);

  const jobsForWorker = (worker: string | MatchWorker, opts: JobsForWorkerOptions = {}): MatchHit[] => {
    const limit = opts.limit ?? 20;
    const locale = opts.locale ?? 'zh-CN';
    let f: WorkerFeatures;
    if (typeof worker === 'string') {
      const slot = workerSlot.get(worker);
      if (slot === undefined) {
        throw new MatchEngineError('matching/unknown-worker', `unknown worker ${worker}`);
      }
      f = workerStore.get(slot);
    } else {
      f = extractWorker(ctx, worker);
    }
    const concepts: number[] = [];
    const words: number[] = [];
    for (const t of f.bag) {
      (dict.isConcept(t) ? concepts : words).push(t);
    }
    const query = buildQuery(f.trades, f.tradeWeights, concepts, words, f.certFamilies, 0.3, jobIndex);
    const refineFrom = query.concepts;
    const limitKm = Number.isFinite(f.maxCommuteKm) ? f.maxCommuteKm : weights.defaultCommuteKm;
    const top = new TopK(Math.max(pool, limit * 5));
    const filters = opts.filters;
    const hasFilters =
      filters !== undefined &&
      Object.entries(filters).some(([k, v]) => v !== undefined && !(k === 'includeHidden' && v === false));
    const allowed = hasFilters ? jobAllowed(filters) : undefined;
    // Plain words refine the BM25F of jobs a concept found; they recruit jobs of their own only while
    // the concepts have found few (a job that shares only words has no trade points to rank with),
    // or when filters narrow the jobs anyway.
    const n = jobIndex.collect(
      query.terms,
      allowed ? undefined : jobCols.visible,
      allowed,
      refineFrom,
      allowed ? Number.POSITIVE_INFINITY : wordBudget,
      allowed ? Number.POSITIVE_INFINITY : recruitBudget,
    );
    const acc = jobIndex.scores;
    const hits = jobIndex.hits;
    // Structured prior with the re-ranker's own commute and salary points, so that reachable,
    // fairly paid jobs survive the cut on big corpora. Distance is compared as a squared chord
    // between unit vectors (monotone in the great-circle distance).
    const geo = Number.isFinite(f.lat) && Number.isFinite(f.lng);
    const wv = unitVector(f.lat, f.lng);
    const wx0 = wv[0];
    const wy0 = wv[1];
    const wz0 = wv[2];
    const lim2 = chord2OfKm(limitKm);
    const mover = f.willingToRelocate;
    const expected = f.expectedSalary;
    const cols = jobCols.cells;
    let maxText = 0;
    for (let i = 0; i < n; i++) {
      const slot = hits[i] as number;
      let key = acc[slot << 1] as number;
      const c = slot << 2;
      const jx = cols[c] as number;
      if (geo && !Number.isNaN(jx)) {
        const dx = jx - wx0;
        const dy = (cols[c + 1] as number) - wy0;
        const dz = (cols[c + 2] as number) - wz0;
        key += commutePrior(dx * dx + dy * dy + dz * dz, lim2, mover, weights);
      }
      key += salaryPrior(expected, cols[c + 3] as number, weights);
      if (top.size < top.k || key > (top.scores[0] as number)) {
        top.push(slot, key);
      }
    }
    const cands = top.sorted();
    const bm25 = new Float64Array(cands.length);
    cands.forEach((c, i) => {
      bm25[i] = acc[c.slot << 1] as number;
      maxText = Math.max(maxText, bm25[i] as number);
    });
    jobIndex.release(n);
    const sc = scoreCtx();
    // The whole pool is ranked by total score; the detail (factors, reasons) is built for the page only.
    const scored: Array<Ranked<JobEntry>> = [];
    for (let i = 0; i < cands.length; i++) {
      const e = jobs[cands[i]?.slot ?? -1];
      if (!e) {
        continue;
      }
      const text = maxText > 0 ? (bm25[i] ?? 0) / maxText : 0;
      scored.push({ key: e, id: e.job.id, total: scoreTotal(sc, e.feat, f, text), text });
    }
    return rankScored(scored, limit).map((s) =>
      toHit(s.id, scorePair(sc, s.key.feat, f, s.text), s.key, f, locale),
    );
  };

  const workersForJob = (job: string | MatchJob, opts: WorkersForJobOptions = {}): MatchHit[] => {
    const limit = opts.limit ?? 20;
    const locale = opts.locale ?? 'zh-CN';
    const onlyVisible = opts.onlyVisible ?? true;
    let e: JobEntry;
    if (typeof job === 'string') {
      const slot = jobSlot.get(job);
      const found = slot === undefined ? undefined : jobs[slot];
      if (!found) {
        throw new MatchEngineError('matching/unknown-job', `unknown job ${job}`);
      }
      e = found;
    } else {
      e = makeJobEntry(job);
    }
    const f = e.feat;
    const concepts = f.skills.flatMap((g) => g.concepts);
    const words = [
      ...f.skills.flatMap((g) => g.tokens),
      ...seg.terms(f.rawTitle).flatMap((t) => {
        const id = dict.get(t);
        return id === undefined ? [] : [id];
      }),
    ];
    const certs = f.certs.flatMap((c) => c.alternatives.map((a) => a.family));
    const query = buildQuery(f.trades, f.tradeWeights, concepts, words, certs, 0.5, workerIndex);
    const refineFrom = query.concepts;
    const top = new TopK(Math.max(pool, limit * 5));
    const ws = workerStore;
    const n = workerIndex.collect(
      query.terms,
      onlyVisible ? ws.visible : undefined,
      undefined,
      refineFrom,
      wordBudget,
      recruitBudget,
    );
    const acc = workerIndex.scores;
    const hits = workerIndex.hits;
    const geo = Number.isFinite(f.lat) && Number.isFinite(f.lng);
    const jv = unitVector(f.lat, f.lng);
    const jx0 = jv[0];
    const jy0 = jv[1];
    const jz0 = jv[2];
    const defaultLim2 = chord2OfKm(weights.defaultCommuteKm);
    const payCap = f.salaryMax;
    const cols = ws.cells;
    for (let i = 0; i < n; i++) {
      const slot = hits[i] as number;
      let key = acc[slot << 1] as number;
      const c = slot << 3;
      const wx = cols[c] as number;
      if (geo && !Number.isNaN(wx)) {
        const dx = wx - jx0;
        const dy = (cols[c + 1] as number) - jy0;
        const dz = (cols[c + 2] as number) - jz0;
        const lim = cols[c + 3] as number;
        key += commutePrior(
          dx * dx + dy * dy + dz * dz,
          Number.isNaN(lim) ? defaultLim2 : lim,
          cols[c + 4] === 1,
          weights,
        );
      }
      key += salaryPrior(cols[c + 5] as number, payCap, weights);
      if (top.size < top.k || key > (top.scores[0] as number)) {
        top.push(slot, key);
      }
    }
    const cands = top.sorted();
    const bm25 = new Float64Array(cands.length);
    let maxText = 0;
    cands.forEach((c, i) => {
      bm25[i] = acc[c.slot << 1] as number;
      maxText = Math.max(maxText, bm25[i] as number);
    });
    workerIndex.release(n);
    const sc = scoreCtx();
    const scored: Array<Ranked<number>> = [];
    for (let i = 0; i < cands.length; i++) {
      const slot = cands[i]?.slot ?? -1;
      const id = workerIds[slot];
      if (id === undefined) {
        continue;
      }
      const text = maxText > 0 ? (bm25[i] ?? 0) / maxText : 0;
      scored.push({ key: slot, id, total: scoreTotal(sc, f, ws.get(slot), text), text });
    }
    return rankScored(scored, limit).map((s) => {
      const wf = ws.get(s.key);
      return toHit(s.id, scorePair(sc, f, wf, s.text), e, wf, locale);
    });
  };

  const searchJobs = (q: string, filters?: JobFilters, opts: SearchJobsOptions = {}): MatchHit[] => {
    const limit = opts.limit ?? 20;
    const locale = opts.locale ?? 'zh-CN';
    const norm = normalizeText(q);
    const allowed = jobAllowed(filters);
    const trades: number[] = [];
    const concepts: number[] = [];
    for (const m of scanMentions(th, norm)) {
      if (m.kind === 'trade') {
        trades.push(m.id);
      } else if (m.kind === 'skill') {
        const t = dict.get(skillTerm(m.id));
        if (t !== undefined) {
          concepts.push(t);
        }
      } else if (m.kind === 'cert') {
        const t = dict.get(certTerm(th.certs[m.id]?.family ?? ''));
        if (t !== undefined) {
          concepts.push(t);
        }
      }
    }
    const wordsText = seg.terms(norm);
    const words = wordsText.flatMap((t) => {
      const id = dict.get(t);
      return id === undefined ? [] : [id];
    });
    const top = new TopK(limit);
    const sc = now();
    const bonus = (e: JobEntry): number => {
      let b = 0;
      if (Number.isFinite(e.feat.postedAt)) {
        b += 0.5 * Math.exp(-Math.max(0, sc - e.feat.postedAt) / 86_400_000 / weights.freshnessDays);
      }
      if (Number.isFinite(e.feat.placesLeft) && e.feat.placesLeft <= 0) {
        b -= 5;
      }
      return b;
    };
    if (norm === '') {
      jobs.forEach((e, slot) => {
        if (e && allowed(slot)) {
          top.push(slot, bonus(e));
        }
      });
    } else {
      const query = buildQuery(
        trades,
        trades.map(() => 1),
        concepts,
        words,
        [],
        1,
        jobIndex,
      );
      jobIndex.search(
        query.terms,
        (slot, score) => {
          const e = jobs[slot];
          if (e) {
            top.push(slot, score + bonus(e));
          }
        },
        allowed,
      );
    }
    return top.sorted().flatMap(({ slot, score }) => {
      const e = jobs[slot];
      if (!e) {
        return [];
      }
      const hay = `${e.feat.rawTitle} ${e.feat.rawTrade} ${e.job.skills.join(' ')}`.toLowerCase();
      const hits = [...new Set(wordsText.filter((w) => hay.includes(w)))];
      const reasons =
        hits.length > 0
          ? [formatReason(locale, 'keywords', { list: hits.join(locale === 'zh-CN' ? '、' : ', ') })]
          : [];
      return [
        {
          id: e.job.id,
          score: Math.round(score * 100) / 100,
          factors: [{ factor: 'text' as const, points: Math.round(score * 100) / 100 }],
          reasons,
        },
      ];
    });
  };

  const scoreOne = (jobId: string, workerId: string): PairScore | undefined => {
    const js = jobSlot.get(jobId);
    const ws = workerSlot.get(workerId);
    const e = js === undefined ? undefined : jobs[js];
    if (!e || ws === undefined) {
      return undefined;
    }
    const detail = scorePair(scoreCtx(), e.feat, workerStore.get(ws), 0);
    return { score: detail.total, detail };
  };

  const reloadThesaurus = (dir?: string, workers?: Iterable<MatchWorker>): void => {
    const source = workers ?? (retainWorkers ? [...workerRecords.values()] : undefined);
    if (!source && workerSlot.size > 0) {
      throw new MatchEngineError(
        'matching/workers-not-retained',
        'worker records were not retained; pass them to reloadThesaurus',
      );
    }
    const keptJobs = jobs.filter((e): e is JobEntry => e !== undefined).map((e) => e.job);
    th = loadThesaurus(dir ?? th.dir);
    seg = createSegmenter(thesaurusWords(th));
    dict = new TermDictionary();
    ctx = { th, seg, dict };
    jobIndex = new SearchIndex();
    workerIndex = new SearchIndex();
    workerStore = new WorkerStore();
    jobCols = new JobColumns();
    jobs = [];
    jobSlot.clear();
    workerIds = [];
    workerSlot.clear();
    workerRecords = new Map();
    nextJobSlot = 0;
    nextWorkerSlot = 0;
    for (const j of keptJobs) {
      upsertJob(j);
    }
    load([], source ?? []);
  };

  return {
    upsertJob,
    removeJob,
    upsertWorker,
    upsertWorkers: (ws) => load([], ws),
    load: ({ jobs: js = [], workers: ws = [] }) => load(js, ws),
    removeWorker,
    jobsForWorker,
    workersForJob,
    searchJobs,
    scorePair: scoreOne,
    flush: () => {
      jobIndex.flush();
      workerIndex.flush();
    },
    reloadThesaurus,
    hasJob: (id) => jobSlot.has(id),
    hasWorker: (id) => workerSlot.has(id),
    stats: () => ({
      jobs: jobSlot.size,
      workers: workerSlot.size,
      terms: dict.size,
      indexBytes: jobIndex.byteSize() + workerIndex.byteSize() + workerStore.byteSize(),
    }),
    weights,
  };
}

import type { Highs } from 'highs';
import highsImport from 'highs';

type HighsLoader = typeof highsImport.default;
// The package is CommonJS with an ESM build: at run time the default import is the loader itself,
// while TypeScript (NodeNext) types it as the CommonJS module object.
const loadHighs: HighsLoader =
  (highsImport as unknown as { default?: HighsLoader }).default ?? (highsImport as unknown as HighsLoader);

/** One applicant's applications, most wanted first. */
export interface Application {
  workerId: string;
  jobIds: readonly string[];
}

export interface AllocationInput {
  applications: readonly Application[];
  /** Places per job; jobs missing here have no places. */
  capacities: ReadonlyMap<string, number>;
  /** Engine score of a pair: employers rank applicants by it and the optimiser maximises its sum. */
  score: (jobId: string, workerId: string) => number;
}

export interface EmployerFill {
  jobId: string;
  capacity: number;
  filled: number;
  fillRate: number;
}

export interface AllocationReport {
  method: 'deferred-acceptance' | 'welfare-lp';
  /** workerId → jobId. */
  assignment: Map<string, string>;
  placed: number;
  unplaced: string[];
  totalScore: number;
  /** Pairs (worker, job) that would both rather be together than with their assignment. */
  blockingPairs: number;
  fill: EmployerFill[];
  millis: number;
  /** welfare-lp only: the LP optimum was integral (checked, not assumed). */
  integral?: boolean;
  /** welfare-lp only: solver status text. */
  solverStatus?: string;
}

interface Prepared {
  workers: string[];
  /** Per worker, acceptable job indexes in preference order (duplicates and unknown jobs dropped). */
  prefs: number[][];
  jobs: string[];
  caps: number[];
  /** score of (worker w, k-th preference). */
  scores: number[][];
}

function prepare(input: AllocationInput): Prepared {
  const jobIndex = new Map<string, number>();
  const jobs: string[] = [];
  const caps: number[] = [];
  for (const [id, cap] of input.capacities) {
    jobIndex.set(id, jobs.length);
    jobs.push(id);
    caps.push(Math.max(0, Math.floor(cap)));
  }
  const seen = new Set<string>();
  const workers: string[] = [];
  const prefs: number[][] = [];
  const scores: number[][] = [];
  for (const a of input.applications) {
    if (seen.has(a.workerId)) {
      continue;
    }
    seen.add(a.workerId);
    const list: number[] = [];
    const sc: number[] = [];
    for (const j of a.jobIds) {
      const idx = jobIndex.get(j);
      if (idx !== undefined && !list.includes(idx)) {
        list.push(idx);
        sc.push(input.score(j, a.workerId));
      }
    }
    workers.push(a.workerId);
    prefs.push(list);
    scores.push(sc);
  }
  return { workers, prefs, jobs, caps, scores };
}

/** Employer j prefers a over b: higher score, then the smaller id (a fixed, total order). */
function employerPrefers(p: Prepared, a: number, sa: number, b: number, sb: number): boolean {
  if (sa !== sb) {
    return sa > sb;
  }
  return (p.workers[a] ?? '') < (p.workers[b] ?? '');
}

function scoreOf(p: Prepared, w: number, j: number): number {
  const k = p.prefs[w]?.indexOf(j) ?? -1;
  return k >= 0 ? (p.scores[w]?.[k] ?? 0) : Number.NEGATIVE_INFINITY;
}

/** Counts pairs that block an assignment (worker index → job index or -1). */
function countBlocking(p: Prepared, match: Int32Array): number {
  const held: number[][] = p.jobs.map(() => []);
  match.forEach((j, w) => {
    if (j >= 0) {
      held[j]?.push(w);
    }
  });
  let blocking = 0;
  for (let w = 0; w < p.workers.length; w++) {
    const list = p.prefs[w] ?? [];
    const current = match[w] ?? -1;
    for (const j of list) {
      if (j === current) {
        break; // every later job is worse for w than its assignment
      }
      const h = held[j] ?? [];
      if (h.length < (p.caps[j] ?? 0)) {
        blocking++;
        continue;
      }
      const sw = scoreOf(p, w, j);
      if (h.some((o) => employerPrefers(p, w, sw, o, scoreOf(p, o, j)))) {
        blocking++;
      }
    }
  }
  return blocking;
}

function report(
  p: Prepared,
  method: AllocationReport['method'],
  match: Int32Array,
  started: number,
): AllocationReport {
  const assignment = new Map<string, string>();
  const unplaced: string[] = [];
  const filled = new Array<number>(p.jobs.length).fill(0);
  let total = 0;
  match.forEach((j, w) => {
    const wid = p.workers[w] ?? '';
    if (j >= 0) {
      assignment.set(wid, p.jobs[j] ?? '');
      filled[j] = (filled[j] ?? 0) + 1;
      total += scoreOf(p, w, j);
    } else {
      unplaced.push(wid);
    }
  });
  return {
    method,
    assignment,
    placed: assignment.size,
    unplaced,
    totalScore: Math.round(total * 100) / 100,
    blockingPairs: countBlocking(p, match),
    fill: p.jobs.map((jobId, j) => ({
      jobId,
      capacity: p.caps[j] ?? 0,
      filled: filled[j] ?? 0,
      fillRate: (p.caps[j] ?? 0) > 0 ? Math.round(((filled[j] ?? 0) / (p.caps[j] ?? 1)) * 1000) / 1000 : 0,
    })),
    millis: Math.round(performance.now() - started),
  };
}

/**
 * Worker-proposing deferred acceptance (Gale–Shapley with capacities). Workers propose down their own
 * ranked applications; each job keeps its best applicants up to its places by engine score. The
 * result is stable (no blocking pairs) and the best stable outcome for every worker.
 */
export function deferredAcceptance(input: AllocationInput): AllocationReport {
  const started = performance.now();
  const p = prepare(input);
  const next = new Int32Array(p.workers.length);
  const match = new Int32Array(p.workers.length).fill(-1);
  // Held applicants per job as a min-heap by employer preference would be faster; capacities are small.
  const held: number[][] = p.jobs.map(() => []);
  const free: number[] = [];
  for (let w = p.workers.length - 1; w >= 0; w--) {
    free.push(w);
  }
  while (free.length > 0) {
    const w = free.pop() ?? 0;
    const list = p.prefs[w] ?? [];
    const k = next[w] ?? 0;
    if (k >= list.length) {
      continue; // exhausted: stays unplaced
    }
    next[w] = k + 1;
    const j = list[k] ?? 0;
    const cap = p.caps[j] ?? 0;
    const h = held[j] ?? [];
    const sw = p.scores[w]?.[k] ?? 0;
    if (h.length < cap) {
      h.push(w);
      match[w] = j;
      continue;
    }
    // Find the job's least preferred held applicant.
    let worst = -1;
    let worstScore = 0;
    for (const o of h) {
      const so = scoreOf(p, o, j);
      if (worst < 0 || employerPrefers(p, worst, worstScore, o, so)) {
        worst = o;
        worstScore = so;
      }
    }
    if (worst >= 0 && employerPrefers(p, w, sw, worst, worstScore)) {
      h[h.indexOf(worst)] = w;
      match[w] = j;
      match[worst] = -1;
      free.push(worst);
    } else {
      free.push(w);
    }
  }
  return report(p, 'deferred-acceptance', match, started);
}

let highsPromise: Promise<Highs> | undefined;

/** Loads the HiGHS WebAssembly solver once per process. */
export function getHighs(): Promise<Highs> {
  if (!highsPromise) {
    highsPromise = loadHighs();
  }
  return highsPromise;
}

/**
 * Welfare-maximising assignment: maximise the total score over applied pairs, each worker at most one
 * job, each job at most its places. The constraint matrix is the incidence matrix of a bipartite graph,
 * which is totally unimodular, so HiGHS's simplex returns a 0/1 vertex for the LP relaxation; we check
 * integrality and fall back to the MIP if a solution is ever fractional.
 * Pairs with a non-positive score are left out: they would never raise the total.
 */
export async function welfareAllocation(input: AllocationInput): Promise<AllocationReport> {
  const started = performance.now();
  const p = prepare(input);
  const highs = await getHighs();
  const colW: number[] = [];
  const colJ: number[] = [];
  const cost: number[] = [];
  p.prefs.forEach((list, w) => {
    list.forEach((j, k) => {
      const s = p.scores[w]?.[k] ?? 0;
      if (s > 0 && (p.caps[j] ?? 0) > 0) {
        colW.push(w);
        colJ.push(j);
        cost.push(s);
      }
    });
  });
  const nCols = cost.length;
  const nW = p.workers.length;
  const nRows = nW + p.jobs.length;
  const match = new Int32Array(nW).fill(-1);
  if (nCols === 0) {
    return { ...report(p, 'welfare-lp', match, started), integral: true, solverStatus: 'empty' };
  }
  // CSC: each pair column has a 1 in its worker row and in its job row.
  const starts = new Int32Array(nCols + 1);
  const indices = new Int32Array(nCols * 2);
  const values = new Float64Array(nCols * 2).fill(1);
  for (let c = 0; c < nCols; c++) {
    starts[c] = 2 * c;
    indices[2 * c] = colW[c] ?? 0;
    indices[2 * c + 1] = nW + (colJ[c] ?? 0);
  }
  starts[nCols] = 2 * nCols;
  const rowUpper = new Float64Array(nRows);
  rowUpper.fill(1, 0, nW);
  p.caps.forEach((c, j) => {
    rowUpper[nW + j] = c;
  });
  const solve = (integer: boolean): { x: Float64Array; status: number } => {
    const model = highs.createModel({
      numCols: nCols,
      numRows: nRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: Float64Array.from(cost),
      colLower: new Float64Array(nCols),
      colUpper: new Float64Array(nCols).fill(1),
      rowLower: new Float64Array(nRows),
      rowUpper,
      matrix: { format: 'csc', numRows: nRows, numCols: nCols, starts, indices, values },
      ...(integer ? { integrality: new Int32Array(nCols).fill(highs.constants.variableType.integer) } : {}),
    });
    try {
      model.options.set({ output_flag: false, ...(integer ? {} : { solver: 'simplex' as const }) });
      const run = model.run();
      return { x: model.getSolution().colValue, status: run.modelStatus };
    } finally {
      model.dispose();
    }
  };
  let { x, status } = solve(false);
  let integral = true;
  for (let c = 0; c < nCols; c++) {
    const v = x[c] ?? 0;
    if (Math.abs(v - Math.round(v)) > 1e-6) {
      integral = false;
      break;
    }
  }
  if (!integral) {
    ({ x, status } = solve(true));
  }
  for (let c = 0; c < nCols; c++) {
    if ((x[c] ?? 0) > 0.5) {
      match[colW[c] ?? 0] = colJ[c] ?? 0;
    }
  }
  return {
    ...report(p, 'welfare-lp', match, started),
    integral,
    solverStatus: status === highs.constants.modelStatus.optimal ? 'optimal' : `status ${status}`,
  };
}

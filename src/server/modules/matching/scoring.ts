import type { JobFeatures, TermDictionary, WorkerFeatures } from './features.ts';
import type { FactorContribution, FactorName } from './match.types.ts';
import type { Thesaurus } from './thesaurus.ts';
import { haversineKm, tradeLevel } from './thesaurus.ts';

/**
 * Every weight of the re-ranker in one place. Points are added per factor; the dataset grades map to
 * bands: a trade match with nothing missing (grade 3) ≈ 45–60, one soft gap (grade 2) ≈ 35–45,
 * a hard gap or only a related trade (grade 1) ≈ 15–30, unrelated (0) < 10. How the values were
 * chosen is in docs/adr/0002-matching-engine.md.
 */
export const MATCH_WEIGHTS = {
  /** × trade level (1 same/synonym, 0.9 family, sibling value, 0.35 related). */
  trade: 40,
  /** × share of the job's skills the worker covers. */
  skills: 14,
  /** × BM25F similarity normalised to the best candidate (catches words the thesaurus lacks). */
  text: 3,
  /** Per required certificate missing (hard gap), at most two counted. */
  certMissing: -16,
  /** Holds the certificate but at a lower level than required (soft gap). */
  certLowLevel: -6,
  /** Per preferred certificate held, at most two counted. */
  certPreferred: 2,
  /** Within commute: up to this many points, fewer the farther. */
  commuteWithin: 4,
  /** Has to move but is willing to. */
  relocate: -1,
  /** Beyond the commute limit of a worker who will not move (hard gap). */
  commuteBeyond: -18,
  /** Just beyond the limit (≤ 25 % over): soft gap. */
  commuteSlightlyBeyond: -7,
  /** Outside the provinces the worker limits themself to ("四川省内"). */
  regionLimit: -18,
  /** In a region the worker rules out ("东北太冷不去"). */
  regionAvoid: -12,
  /** Worker named the places they want and this is none of them (soft gap). */
  regionNotPreferred: -4,
  /** In or near a place the worker named. */
  regionPreferred: 1,
  /** Expected salary within the range. */
  salaryFit: 3,
  /** Expected salary up to 12 % above the maximum (soft gap). */
  salarySlightlyLow: -7,
  /** Expected salary more than 12 % above the maximum (hard gap). */
  salaryLow: -16,
  /** The job's maximum is below a floor the worker states ("低于1.8万不考虑"). */
  salaryBelowFloor: -4,
  /** One year short of the minimum experience (soft gap). */
  yearsShortOne: -6,
  /** More than a year short. */
  yearsShortMore: -12,
  /** Experience at or above the minimum when one is asked. */
  yearsFit: 1,
  /** One education level below the requirement (soft gap). */
  educationShortOne: -6,
  educationShortMore: -12,
  /** Per required language missing (hard gap). */
  languageMissing: -16,
  /** Per preferred language spoken, at most two counted. */
  languagePreferred: 3,
  /** Worker needs a dormitory/meals/social insurance the job does not offer (soft gap), each. */
  benefitMissing: -6,
  /** Worker's home province is a priority origin of the job: a small plus, never a filter. */
  origin: 2.5,
  /** Fresh postings, decaying with a 30-day time constant. */
  freshness: 2,
  freshnessDays: 30,
  /** Places left: a little for open places, a large penalty when the job is full. */
  placesOpen: 0.5,
  placesFull: -30,
  /** Default commute limit when a worker does not state one. */
  defaultCommuteKm: 30,
  /** A preferred place counts if the job is within this distance of it ("成都周边"). */
  nearPreferredKm: 100,
} as const;

export type MatchWeights = { -readonly [K in keyof typeof MATCH_WEIGHTS]: number };

export type TradeMatchKind = 'exact' | 'synonym' | 'family' | 'related' | 'text' | 'none';

export interface ScoreDetail {
  total: number;
  factors: FactorContribution[];
  trade: { kind: TradeMatchKind; level: number; jobTrade: number; workerTrade: number };
  skills: { covered: number[]; total: number; coverage: number };
  certs: { missing: number[]; lowLevel: number[]; preferredHeld: number[] };
  distanceKm: number;
  commute: 'within' | 'relocate' | 'beyond' | 'slightlyBeyond' | 'unknown';
  region: 'limit' | 'avoid' | 'notPreferred' | 'preferred' | null;
  salary: 'fit' | 'slightlyLow' | 'low' | 'unknown';
  belowFloor: boolean;
  yearsShort: number;
  educationShort: number;
  languages: { missing: number[]; preferredHeld: number[] };
  benefitsMissing: number[];
  origin: boolean;
  placesLeft: number;
}

export interface ScoreContext {
  th: Thesaurus;
  dict: TermDictionary;
  weights: MatchWeights;
  now: number;
}

function hasTerm(sorted: readonly number[], term: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] ?? 0;
    if (v === term) {
      return true;
    }
    if (v < term) {
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return false;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const t = s.replace(/[\s()（）/、,，]/g, '');
  for (let i = 0; i + 1 < t.length; i++) {
    out.add(t.slice(i, i + 2));
  }
  return out;
}

/** Similarity of two trade strings the thesaurus does not know (containment or bigram Dice). */
export function stringTradeSimilarity(a: string, b: string): number {
  if (a === '' || b === '') {
    return 0;
  }
  if (a === b) {
    return 1;
  }
  if ((a.length >= 2 && b.includes(a)) || (b.length >= 2 && a.includes(b))) {
    return 0.85;
  }
  const ba = bigrams(a);
  const bb = bigrams(b);
  if (ba.size === 0 || bb.size === 0) {
    return 0;
  }
  let inter = 0;
  for (const x of ba) {
    if (bb.has(x)) {
      inter++;
    }
  }
  const dice = (2 * inter) / (ba.size + bb.size);
  return dice >= 0.4 ? dice * 0.8 : 0;
}

function tradeMatch(
  ctx: ScoreContext,
  job: JobFeatures,
  w: WorkerFeatures,
): { kind: TradeMatchKind; level: number; jobTrade: number; workerTrade: number } {
  let best = 0;
  let bestRaw = 0;
  let jt = -1;
  let wt = -1;
  for (let i = 0; i < w.trades.length; i++) {
    const a = w.trades[i] ?? 0;
    const aw = w.tradeWeights[i] ?? 0;
    for (let j = 0; j < job.trades.length; j++) {
      const b = job.trades[j] ?? 0;
      const raw = tradeLevel(ctx.th, a, b);
      const v = raw * aw * (job.tradeWeights[j] ?? 0);
      if (v > best) {
        best = v;
        bestRaw = raw;
        jt = b;
        wt = a;
      }
    }
  }
  let kind: TradeMatchKind = 'none';
  if (best > 0) {
    if (jt === wt) {
      const name = ctx.th.trades[jt]?.name ?? '';
      kind = job.rawTrade === name || job.rawTitle.includes(name) ? 'exact' : 'synonym';
    } else {
      kind = bestRaw >= 0.5 ? 'family' : 'related';
    }
  }
  // Trades the thesaurus does not know still match on their words.
  if (best < 0.6 && w.rawTrades.length > 0) {
    for (const r of w.rawTrades) {
      const s = ctx.dict.terms[r] ?? '';
      const v = Math.max(
        stringTradeSimilarity(s, job.rawTrade),
        stringTradeSimilarity(s, job.rawTitle) * 0.9,
      );
      if (v > best) {
        best = v;
        kind = 'text';
        jt = -1;
        wt = -1;
      }
    }
  }
  return { kind, level: best, jobTrade: jt, workerTrade: wt };
}

/** Factor names by index (the lean scorer accumulates points in a typed array). */
const FACTORS: readonly FactorName[] = [
  'trade',
  'skills',
  'text',
  'certificates',
  'distance',
  'salary',
  'experience',
  'education',
  'languages',
  'benefits',
  'origin',
  'freshness',
  'places',
];
const F_TRADE = 0;
const F_SKILLS = 1;
const F_TEXT = 2;
const F_CERTS = 3;
const F_DISTANCE = 4;
const F_SALARY = 5;
const F_EXPERIENCE = 6;
const F_EDUCATION = 7;
const F_LANGUAGES = 8;
const F_BENEFITS = 9;
const F_ORIGIN = 10;
const F_FRESHNESS = 11;
const F_PLACES = 12;

/**
 * Points per factor of the pair being scored, and the order in which factors first fired (the
 * reported factor list keeps that order among equal magnitudes, and the total is summed in it).
 */
const points = new Float64Array(FACTORS.length);
const fired = new Int8Array(FACTORS.length);
const order = new Int8Array(FACTORS.length);
let nFired = 0;

function add(factor: number, pts: number): void {
  if (pts !== 0) {
    if (fired[factor] === 0) {
      fired[factor] = 1;
      order[nFired++] = factor;
      points[factor] = pts;
    } else {
      points[factor] = (points[factor] as number) + pts;
    }
  }
}

/** Sum of the rounded factor points, in firing order; clears the accumulator. */
function total(out: FactorContribution[] | null): number {
  let sum = 0;
  for (let i = 0; i < nFired; i++) {
    const f = order[i] as number;
    const p = Math.round((points[f] as number) * 100) / 100;
    sum += p;
    out?.push({ factor: FACTORS[f] as FactorName, points: p });
    fired[f] = 0;
  }
  nFired = 0;
  return Math.round(sum * 100) / 100;
}

/**
 * Scores one (job, worker) pair. Pure: the same inputs always give the same score and reasons.
 * `textSimilarity` is the candidate's BM25F score relative to the best candidate (0–1).
 */
export function scorePair(
  ctx: ScoreContext,
  job: JobFeatures,
  w: WorkerFeatures,
  textSimilarity: number,
): ScoreDetail {
  return score(ctx, job, w, textSimilarity, true) as ScoreDetail;
}

/**
 * The total of scorePair without the explanation detail (no allocation beyond the trade match): the
 * re-ranker ranks its whole pool with this and builds the detail for the returned page only.
 */
export function scoreTotal(
  ctx: ScoreContext,
  job: JobFeatures,
  w: WorkerFeatures,
  textSimilarity: number,
): number {
  return score(ctx, job, w, textSimilarity, false) as number;
}

function score(
  ctx: ScoreContext,
  job: JobFeatures,
  w: WorkerFeatures,
  textSimilarity: number,
  full: boolean,
): ScoreDetail | number {
  const W = ctx.weights;

  const trade = tradeMatch(ctx, job, w);
  add(F_TRADE, W.trade * trade.level);

  // Skills: a job skill is covered by the same concept, or partly by shared words.
  const covered: number[] | null = full ? [] : null;
  let coverage = 0;
  for (let i = 0; i < job.skills.length; i++) {
    const g = job.skills[i];
    if (!g) {
      continue;
    }
    let c = 0;
    for (const t of g.concepts) {
      if (hasTerm(w.bag, t)) {
        c = 1;
        break;
      }
    }
    if (c === 0 && g.tokens.length > 0) {
      let hit = 0;
      for (const t of g.tokens) {
        if (hasTerm(w.bag, t)) {
          hit++;
        }
      }
      c = (0.8 * hit) / g.tokens.length;
    }
    if (c >= 0.5) {
      covered?.push(i);
    }
    coverage += c;
  }
  const skillShare = job.skills.length > 0 ? coverage / job.skills.length : 0.5;
  add(F_SKILLS, W.skills * skillShare);
  add(F_TEXT, W.text * Math.max(0, Math.min(1, textSimilarity)));

  // Certificates.
  const missing: number[] | null = full ? [] : null;
  const lowLevel: number[] | null = full ? [] : null;
  const preferredHeld: number[] | null = full ? [] : null;
  let nMissing = 0;
  let nLow = 0;
  let nPreferred = 0;
  for (let i = 0; i < job.certs.length; i++) {
    const req = job.certs[i] as (typeof job.certs)[number];
    let held = false;
    let low = false;
    for (const alt of req.alternatives) {
      const k = w.certFamilies.indexOf(alt.family);
      if (k >= 0) {
        if ((w.certRanks[k] ?? 0) >= alt.rank || (w.certRanks[k] ?? 0) === 0) {
          held = true;
        } else {
          low = true;
        }
      }
    }
    if (req.preferred) {
      if (held) {
        preferredHeld?.push(i);
        nPreferred++;
      }
    } else if (!held && low) {
      lowLevel?.push(i);
      nLow++;
    } else if (!held) {
      missing?.push(i);
      nMissing++;
    }
  }
  add(
    F_CERTS,
    W.certMissing * Math.min(2, nMissing) + W.certLowLevel * nLow + W.certPreferred * Math.min(2, nPreferred),
  );

  // Distance against the worker's commute limit, or the places they are willing to move to.
  let distanceKm = Number.NaN;
  if (Number.isFinite(job.lat) && Number.isFinite(w.lat)) {
    distanceKm = haversineKm(w.lat, w.lng, job.lat, job.lng);
  } else if (job.city >= 0 && job.city === w.city) {
    distanceKm = 0;
  }
  const limit = Number.isFinite(w.maxCommuteKm) ? w.maxCommuteKm : W.defaultCommuteKm;
  let commute: ScoreDetail['commute'] = 'unknown';
  let region: ScoreDetail['region'] = null;
  if (Number.isFinite(distanceKm)) {
    if (distanceKm <= limit) {
      commute = 'within';
      add(F_DISTANCE, W.commuteWithin * (1 - (0.5 * distanceKm) / Math.max(limit, 1)));
    } else if (w.willingToRelocate) {
      commute = 'relocate';
      add(F_DISTANCE, W.relocate);
      region = regionFit(ctx, job, w);
      if (region === 'limit') {
        add(F_DISTANCE, W.regionLimit);
      } else if (region === 'avoid') {
        add(F_DISTANCE, W.regionAvoid);
      } else if (region === 'notPreferred') {
        add(F_DISTANCE, W.regionNotPreferred);
      } else if (region === 'preferred') {
        add(F_DISTANCE, W.regionPreferred);
      }
    } else if (distanceKm <= limit * 1.25) {
      commute = 'slightlyBeyond';
      add(F_DISTANCE, W.commuteSlightlyBeyond);
    } else {
      commute = 'beyond';
      add(F_DISTANCE, W.commuteBeyond);
    }
  }

  // Salary: the worker's expectation against the range.
  let salary: ScoreDetail['salary'] = 'unknown';
  let belowFloor = false;
  if (Number.isFinite(w.expectedSalary) && Number.isFinite(job.salaryMax) && job.salaryMax > 0) {
    const ratio = w.expectedSalary / job.salaryMax;
    if (ratio <= 1) {
      salary = 'fit';
      add(F_SALARY, W.salaryFit);
    } else if (ratio <= 1.12) {
      salary = 'slightlyLow';
      add(F_SALARY, W.salarySlightlyLow);
    } else {
      salary = 'low';
      add(F_SALARY, W.salaryLow);
    }
    if (w.salaryFloor > 0 && job.salaryMax < w.salaryFloor) {
      belowFloor = true;
      add(F_SALARY, W.salaryBelowFloor);
    }
  }

  // Experience and education.
  let yearsShort = 0;
  if (Number.isFinite(job.minYears) && job.minYears > 0 && Number.isFinite(w.years)) {
    yearsShort = Math.max(0, job.minYears - w.years);
    if (yearsShort === 0) {
      add(F_EXPERIENCE, W.yearsFit);
    } else if (yearsShort <= 1) {
      add(F_EXPERIENCE, W.yearsShortOne);
    } else {
      add(F_EXPERIENCE, W.yearsShortMore);
    }
  }
  let educationShort = 0;
  if (job.education > 0 && w.education > 0 && w.education < job.education) {
    educationShort = job.education - w.education;
    const pts = educationShort === 1 || job.educationSoft ? W.educationShortOne : W.educationShortMore;
    add(F_EDUCATION, pts);
  }

  // Languages.
  const langMissing: number[] | null = full ? [] : null;
  const langPreferred: number[] | null = full ? [] : null;
  let nLangMissing = 0;
  let nLangPreferred = 0;
  for (let i = 0; i < job.languages.length; i++) {
    const req = job.languages[i] as (typeof job.languages)[number];
    const has = w.languages.includes(req.language);
    if (req.preferred && has) {
      langPreferred?.push(i);
      nLangPreferred++;
    } else if (!req.preferred && !has) {
      langMissing?.push(i);
      nLangMissing++;
    }
  }
  add(
    F_LANGUAGES,
    W.languageMissing * Math.min(2, nLangMissing) + W.languagePreferred * Math.min(2, nLangPreferred),
  );

  // Needs the worker states (dormitory, social insurance) against what the job offers.
  const benefitsMissing: number[] = [];
  const unmet = w.needs & ~job.offers;
  if (unmet !== 0) {
    for (let b = 0; b < ctx.th.benefits.length && b < 31; b++) {
      // Only the most specific unmet need counts (包吃住 implies 包住: report 包住 once).
      if ((unmet & (1 << b)) !== 0) {
        const implied = ctx.th.benefits.some(
          (other, o) => o !== b && (unmet & (1 << o)) !== 0 && other.implies.includes(b),
        );
        if (!implied) {
          benefitsMissing.push(b);
        }
      }
    }
    add(F_BENEFITS, W.benefitMissing * Math.min(2, benefitsMissing.length));
  }

  const origin = w.homeProvince >= 0 && job.origins.includes(w.homeProvince);
  if (origin) {
    add(F_ORIGIN, W.origin);
  }
  if (Number.isFinite(job.postedAt)) {
    const ageDays = Math.max(0, (ctx.now - job.postedAt) / 86_400_000);
    add(F_FRESHNESS, W.freshness * Math.exp(-ageDays / W.freshnessDays));
  }
  if (Number.isFinite(job.placesLeft)) {
    add(F_PLACES, job.placesLeft <= 0 ? W.placesFull : W.placesOpen * Math.min(1, job.placesLeft / 5));
  }

  if (!full) {
    return total(null);
  }
  const factors: FactorContribution[] = [];
  const sum = total(factors);
  factors.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return {
    total: sum,
    factors,
    trade,
    skills: { covered: covered as number[], total: job.skills.length, coverage: skillShare },
    certs: {
      missing: missing as number[],
      lowLevel: lowLevel as number[],
      preferredHeld: preferredHeld as number[],
    },
    distanceKm,
    commute,
    region,
    salary,
    belowFloor,
    yearsShort,
    educationShort,
    languages: { missing: langMissing as number[], preferredHeld: langPreferred as number[] },
    benefitsMissing,
    origin,
    placesLeft: job.placesLeft,
  };
}

function regionFit(ctx: ScoreContext, job: JobFeatures, w: WorkerFeatures): ScoreDetail['region'] {
  const W = ctx.weights;
  const province = job.province;
  const regions = province >= 0 ? (ctx.th.provinces[province]?.regions ?? []) : [];
  if (w.limitProvinces.length > 0 && province >= 0 && !w.limitProvinces.includes(province)) {
    return 'limit';
  }
  if (
    (province >= 0 && w.avoidProvinces.includes(province)) ||
    regions.some((r) => w.avoidRegions.includes(r))
  ) {
    return 'avoid';
  }
  const near = w.prefCities.some((c) => {
    const city = ctx.th.cities[c];
    return (
      city !== undefined &&
      (c === job.city || haversineKm(city.lat, city.lng, job.lat, job.lng) <= W.nearPreferredKm)
    );
  });
  if (near) {
    return 'preferred';
  }
  const named = w.prefCities.length + w.prefProvinces.length + w.prefRegions.length > 0;
  const inNamed =
    (province >= 0 && (w.prefProvinces.includes(province) || w.homeProvince === province)) ||
    regions.some((r) => w.prefRegions.includes(r));
  if (inNamed) {
    return w.prefProvinces.includes(province) || regions.some((r) => w.prefRegions.includes(r))
      ? 'preferred'
      : null;
  }
  if (named && !w.openAnywhere) {
    return 'notPreferred';
  }
  return null;
}

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
  const W = ctx.weights;
  const factors: FactorContribution[] = [];
  const add = (factor: FactorName, points: number): void => {
    if (points !== 0) {
      const f = factors.find((x) => x.factor === factor);
      if (f) {
        f.points += points;
      } else {
        factors.push({ factor, points });
      }
    }
  };

  const trade = tradeMatch(ctx, job, w);
  add('trade', W.trade * trade.level);

  // Skills: a job skill is covered by the same concept, or partly by shared words.
  const covered: number[] = [];
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
      covered.push(i);
    }
    coverage += c;
  }
  const skillShare = job.skills.length > 0 ? coverage / job.skills.length : 0.5;
  add('skills', W.skills * skillShare);
  add('text', W.text * Math.max(0, Math.min(1, textSimilarity)));

  // Certificates.
  const missing: number[] = [];
  const lowLevel: number[] = [];
  const preferredHeld: number[] = [];
  job.certs.forEach((req, i) => {
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
        preferredHeld.push(i);
      }
    } else if (!held && low) {
      lowLevel.push(i);
    } else if (!held) {
      missing.push(i);
    }
  });
  add(
    'certificates',
    W.certMissing * Math.min(2, missing.length) +
      W.certLowLevel * lowLevel.length +
      W.certPreferred * Math.min(2, preferredHeld.length),
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
      add('distance', W.commuteWithin * (1 - (0.5 * distanceKm) / Math.max(limit, 1)));
    } else if (w.willingToRelocate) {
      commute = 'relocate';
      add('distance', W.relocate);
      region = regionFit(ctx, job, w);
      if (region === 'limit') {
        add('distance', W.regionLimit);
      } else if (region === 'avoid') {
        add('distance', W.regionAvoid);
      } else if (region === 'notPreferred') {
        add('distance', W.regionNotPreferred);
      } else if (region === 'preferred') {
        add('distance', W.regionPreferred);
      }
    } else if (distanceKm <= limit * 1.25) {
      commute = 'slightlyBeyond';
      add('distance', W.commuteSlightlyBeyond);
    } else {
      commute = 'beyond';
      add('distance', W.commuteBeyond);
    }
  }

  // Salary: the worker's expectation against the range.
  let salary: ScoreDetail['salary'] = 'unknown';
  let belowFloor = false;
  if (Number.isFinite(w.expectedSalary) && Number.isFinite(job.salaryMax) && job.salaryMax > 0) {
    const ratio = w.expectedSalary / job.salaryMax;
    if (ratio <= 1) {
      salary = 'fit';
      add('salary', W.salaryFit);
    } else if (ratio <= 1.12) {
      salary = 'slightlyLow';
      add('salary', W.salarySlightlyLow);
    } else {
      salary = 'low';
      add('salary', W.salaryLow);
    }
    if (w.salaryFloor > 0 && job.salaryMax < w.salaryFloor) {
      belowFloor = true;
      add('salary', W.salaryBelowFloor);
    }
  }

  // Experience and education.
  let yearsShort = 0;
  if (Number.isFinite(job.minYears) && job.minYears > 0 && Number.isFinite(w.years)) {
    yearsShort = Math.max(0, job.minYears - w.years);
    if (yearsShort === 0) {
      add('experience', W.yearsFit);
    } else if (yearsShort <= 1) {
      add('experience', W.yearsShortOne);
    } else {
      add('experience', W.yearsShortMore);
    }
  }
  let educationShort = 0;
  if (job.education > 0 && w.education > 0 && w.education < job.education) {
    educationShort = job.education - w.education;
    const pts = educationShort === 1 || job.educationSoft ? W.educationShortOne : W.educationShortMore;
    add('education', pts);
  }

  // Languages.
  const langMissing: number[] = [];
  const langPreferred: number[] = [];
  job.languages.forEach((req, i) => {
    const has = w.languages.includes(req.language);
    if (req.preferred && has) {
      langPreferred.push(i);
    } else if (!req.preferred && !has) {
      langMissing.push(i);
    }
  });
  add(
    'languages',
    W.languageMissing * Math.min(2, langMissing.length) +
      W.languagePreferred * Math.min(2, langPreferred.length),
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
    add('benefits', W.benefitMissing * Math.min(2, benefitsMissing.length));
  }

  const origin = w.homeProvince >= 0 && job.origins.includes(w.homeProvince);
  if (origin) {
    add('origin', W.origin);
  }
  if (Number.isFinite(job.postedAt)) {
    const ageDays = Math.max(0, (ctx.now - job.postedAt) / 86_400_000);
    add('freshness', W.freshness * Math.exp(-ageDays / W.freshnessDays));
  }
  if (Number.isFinite(job.placesLeft)) {
    add('places', job.placesLeft <= 0 ? W.placesFull : W.placesOpen * Math.min(1, job.placesLeft / 5));
  }

  let total = 0;
  for (const f of factors) {
    f.points = Math.round(f.points * 100) / 100;
    total += f.points;
  }
  factors.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return {
    total: Math.round(total * 100) / 100,
    factors,
    trade,
    skills: { covered, total: job.skills.length, coverage: skillShare },
    certs: { missing, lowLevel, preferredHeld },
    distanceKm,
    commute,
    region,
    salary,
    belowFloor,
    yearsShort,
    educationShort,
    languages: { missing: langMissing, preferredHeld: langPreferred },
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

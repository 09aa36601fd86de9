// Public record and result types of the matching library. Field names follow the match-dev dataset
// (see README.md) so services can feed rows straight from their tables.

export type MatchLocale = 'zh-CN' | 'en' | 'lo';

export type MatchJobStatus = 'open' | 'paused' | 'closed';

export interface MatchJob {
  id: string;
  title: string;
  trade: string;
  employer: string;
  description: string;
  skills: readonly string[];
  /** A certificate ending in （优先） is preferred; any other entry is required. */
  certificates: readonly string[];
  education: string | null;
  minYears: number | null;
  city: string;
  district: string | null;
  lat: number | null;
  lng: number | null;
  salaryMin: number | null;
  salaryMax: number | null;
  headcount: number | null;
  tags: readonly string[];
  /** Provinces whose natives get priority (a small plus, never a filter). */
  priorityOrigins: readonly string[];
  /** A language ending in （优先） is preferred; any other entry is required. */
  languages: readonly string[];
  shift: string | null;
  visible?: boolean;
  /** ISO date or epoch milliseconds. */
  postedAt?: string | number;
  placesLeft?: number;
  status?: MatchJobStatus;
}

export interface MatchWorker {
  id: string;
  name: string;
  desiredTrades: readonly string[];
  /** Free text; some workers leave the lists empty and describe themselves only here. */
  summary: string;
  skills: readonly string[];
  certificates: readonly string[];
  education: string | null;
  years: number | null;
  hometownProvince: string | null;
  city: string | null;
  lat: number | null;
  lng: number | null;
  /** Straight-line kilometres; null = not stated. */
  maxCommuteKm: number | null;
  willingToRelocate: boolean;
  /** Yuan per month. */
  expectedSalary: number | null;
  languages: readonly string[];
  /** Workers who hide their profile are skipped by workersForJob({ onlyVisible: true }). */
  visible?: boolean;
}

/** Names of the scoring factors; each result reports the contribution of every factor that fired. */
export type FactorName =
  | 'trade'
  | 'skills'
  | 'text'
  | 'certificates'
  | 'distance'
  | 'salary'
  | 'experience'
  | 'education'
  | 'languages'
  | 'benefits'
  | 'origin'
  | 'freshness'
  | 'places';

export interface FactorContribution {
  factor: FactorName;
  /** Points added to (or taken from) the score. */
  points: number;
}

export interface MatchHit {
  /** Job id for jobsForWorker/searchJobs, worker id for workersForJob. */
  id: string;
  score: number;
  factors: FactorContribution[];
  /** Short human-readable reasons in the requested locale, most important first. */
  reasons: string[];
}

export interface JobFilters {
  city?: string;
  district?: string;
  /** A trade name; synonyms and members of the family match too. */
  trade?: string;
  /** Jobs whose salaryMax (or salaryMin) reaches this amount. */
  salaryMin?: number;
  /** Every tag must be present. */
  tags?: readonly string[];
  employer?: string;
  /** Restrict to these job ids. */
  ids?: readonly string[];
  /** Include jobs that are not visible, paused or closed (default false). */
  includeHidden?: boolean;
}

export interface JobsForWorkerOptions {
  limit?: number;
  locale?: MatchLocale;
  filters?: JobFilters;
}

export interface WorkersForJobOptions {
  limit?: number;
  locale?: MatchLocale;
  /** Skip workers whose profile is hidden (default true). */
  onlyVisible?: boolean;
}

export interface SearchJobsOptions {
  limit?: number;
  locale?: MatchLocale;
}

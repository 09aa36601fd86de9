// Public API of the matching module (the only barrel; other modules import from here only).

export type { AllocationInput, AllocationReport, Application, EmployerFill } from './allocation.ts';
export { deferredAcceptance, welfareAllocation } from './allocation.ts';
export type { MatchBenchOptions, MatchBenchResult } from './bench/bench.ts';
export { runMatchBench } from './bench/bench.ts';
export type { MatchEngine, MatchEngineOptions, MatchEngineStats, PairScore } from './engine.ts';
export { createMatchEngine, MatchEngineError } from './engine.ts';
export type { MatchEvalOptions, MatchEvalResult } from './eval.ts';
export { runMatchEval } from './eval.ts';
export type { ReasonKey } from './explain.ts';
export { REASONS } from './explain.ts';
export type {
  FactorContribution,
  FactorName,
  JobFilters,
  JobsForWorkerOptions,
  MatchHit,
  MatchJob,
  MatchJobStatus,
  MatchLocale,
  MatchWorker,
  SearchJobsOptions,
  WorkersForJobOptions,
} from './match.types.ts';
export type { MatchAllocateResult } from './matching.cli.ts';
export { runMatchAllocate, runMatchingCli } from './matching.cli.ts';
export { averagePrecision, ndcgAt, recallAt } from './metrics.ts';
export type { MatchWeights, ScoreDetail, TradeMatchKind } from './scoring.ts';
export { MATCH_WEIGHTS } from './scoring.ts';
export type { Segmenter } from './text.ts';
export { createSegmenter, extractAmounts, normalizeText, parseAmount } from './text.ts';
export type { Thesaurus } from './thesaurus.ts';
export { DEFAULT_THESAURUS_DIR, loadThesaurus, ThesaurusError } from './thesaurus.ts';

import type { Executor } from '../../platform/db/database.ts';
import type { AppError } from '../../platform/errors.ts';
import type { ServiceContext } from '../../platform/service-context.ts';

/**
 * What the livestream module needs from employment, narrowed to what it uses. The adapter
 * (employment.adapter.ts) implements it on top of employment's public index; tests and the
 * bench could substitute a fake.
 */
export interface JobSummary {
  id: string;
  employerId: string;
  employerName: string;
  title: string;
  trade: string;
  city: string;
  district: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  headcount: number;
  placesLeft: number;
  tags: string[];
  status: string;
  orgId: string;
}

export interface ZoneSummary {
  id: string;
  name: string;
  provinces: string[];
  jobIds: string[];
}

export interface EmployerSummary {
  id: string;
  name: string;
}

export interface AppliedApplication {
  id: string;
  jobId: string;
  status: string;
  createdAt: string;
}

export interface ApplyHookItem {
  jobId: string;
  accountId: string;
  source: { kind: string; ref: string } | null;
}

/** Livestream's part in a batch of applications (see `EmploymentPort.apply`). */
export interface ApplyHook<C> {
  check(tx: Executor, items: readonly ApplyHookItem[]): Promise<Array<AppError | C>>;
  record(
    tx: Executor,
    items: readonly (ApplyHookItem & {
      applicationId: string;
      employerId: string;
      createdAt: Date;
      checked: C;
    })[],
  ): Promise<void>;
}

export interface EmploymentPort {
  /** Public summaries of the given jobs (unknown or hidden ones are left out), in any order. */
  jobSummaries(ctx: ServiceContext, ids: readonly string[]): Promise<JobSummary[]>;
  employerNames(ctx: ServiceContext, ids: readonly string[]): Promise<EmployerSummary[]>;
  zone(ctx: ServiceContext, id: string): Promise<ZoneSummary | null>;
  /** The caller's home province from their job-seeker profile (for the priority zone). */
  viewerProvince(ctx: ServiceContext): Promise<string | null>;
  /**
   * One-tap apply with the caller's profile, the session recorded as the source on the
   * application. Applications are group-committed: `hook.check` runs once per batch inside
   * employment's transaction before anything is written (an error refuses that application
   * alone), and `hook.record` after they are written (livestream's own record commits with them,
   * or all roll back and each is retried alone).
   */
  apply<C>(
    ctx: ServiceContext,
    jobId: string,
    options: { source: { kind: string; ref: string }; hook: ApplyHook<C> },
  ): Promise<AppliedApplication & { checked: C }>;
  /** The pipeline status of the given applications (for hires), whoever manages them. */
  applicationStatuses(
    jobIds: readonly string[],
    applicationIds: readonly string[],
  ): Promise<Map<string, string>>;
}

/** Statuses that count as a hire (the place is taken), as in employment's pipeline. */
export function isHire(status: string | undefined): boolean {
  return status === 'hired' || status === 'onboarded';
}

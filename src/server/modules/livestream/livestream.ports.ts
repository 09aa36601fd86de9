import type { Executor } from '../../platform/db/database.ts';
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

export interface EmploymentPort {
  /** Public summaries of the given jobs (unknown or hidden ones are left out), in any order. */
  jobSummaries(ctx: ServiceContext, ids: readonly string[]): Promise<JobSummary[]>;
  employerNames(ctx: ServiceContext, ids: readonly string[]): Promise<EmployerSummary[]>;
  zone(ctx: ServiceContext, id: string): Promise<ZoneSummary | null>;
  /** The caller's home province from their job-seeker profile (for the priority zone). */
  viewerProvince(ctx: ServiceContext): Promise<string | null>;
  /**
   * One-tap apply with the caller's profile, the session recorded as the source on the
   * application; `within` runs in employment's transaction once the application is written
   * (livestream's own record commits with it, or both roll back).
   */
  apply(
    ctx: ServiceContext,
    jobId: string,
    options: {
      source: { kind: string; ref: string };
      within: (tx: Executor, application: { id: string; jobId: string; employerId: string }) => Promise<void>;
    },
  ): Promise<AppliedApplication>;
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

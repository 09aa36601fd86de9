import { and, arrayContains, asc, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { escapeLike } from '../../platform/db/scope-sql.ts';
import type { FactorContribution, MatchLocale } from '../matching/index.ts';
import type { EmployerAccess } from './employment.policies.ts';
import * as repo from './employment.repository.ts';
import { jobColumns, manageCondition, PUBLIC_JOB } from './employment.repository.ts';
import { employers, jobs, zoneJobs } from './employment.tables.ts';
import { isPriorityOrigin, keywordsOf, normalizeCity } from './employment.text.ts';
import { type MatchIndex, toMatchJob, toMatchWorker } from './match-index.service.ts';

/**
 * ── THE MATCHING SEAM ───────────────────────────────────────────────────────────
 * Search, "recommended for you" and "recommended workers" go through the three functions
 * below. The matching engine (src/server/modules/matching/, fed by match-index.service.ts)
 * ranks; the visibility rules (what a caller may see) stay here in SQL whatever ranks the
 * rows: the engine proposes ids, SQL re-checks them, so a stale index can never show a
 * record the caller may not see.
 */

export interface JobSearchParams {
  q?: string | undefined;
  city?: string | undefined;
  district?: string | undefined;
  trade?: string | undefined;
  salaryMin?: number | undefined;
  salaryMax?: number | undefined;
  tags?: string[] | undefined;
  zoneId?: string | undefined;
  employerId?: string | undefined;
  featured?: boolean | undefined;
  status?: string | undefined;
  reviewStatus?: string | undefined;
  sort: 'relevance' | 'newest';
  offset: number;
  limit: number;
}

/** Who is looking: anyone sees public postings; a manager also sees its own in any state. */
export interface JobVisibility {
  manage: EmployerAccess | null;
  /** Leave out public postings the caller does not manage. */
  managedOnly?: boolean;
}

function filterConditions(params: JobSearchParams, visibility: JobVisibility): SQL[] {
  const managed = visibility.manage
    ? manageCondition(visibility.manage, jobs.orgPath, jobs.employerId)
    : null;
  const visible = managed ? (visibility.managedOnly ? managed : or(PUBLIC_JOB, managed)!) : PUBLIC_JOB;
  const conditions: SQL[] = [visible];
  if (params.city) {
    conditions.push(eq(jobs.city, normalizeCity(params.city)));
  }
  if (params.district) {
    conditions.push(sql`${jobs.district} ilike ${`%${escapeLike(params.district)}%`}`);
  }
  if (params.trade) {
    conditions.push(sql`${jobs.trade} ilike ${`%${escapeLike(params.trade)}%`}`);
  }
  if (params.salaryMin !== undefined) {
    conditions.push(sql`coalesce(${jobs.salaryMax}, ${jobs.salaryMin}) >= ${params.salaryMin}`);
  }
  if (params.salaryMax !== undefined) {
    conditions.push(sql`coalesce(${jobs.salaryMin}, ${jobs.salaryMax}) <= ${params.salaryMax}`);
  }
  if (params.tags && params.tags.length > 0) {
    conditions.push(arrayContains(jobs.tags, params.tags));
  }
  if (params.zoneId) {
    conditions.push(
      sql`exists (select 1 from ${zoneJobs} zj where zj.zone_id = ${params.zoneId} and zj.job_id = ${jobs.id})`,
    );
  }
  if (params.employerId) {
    conditions.push(eq(jobs.employerId, params.employerId));
  }
  if (params.featured !== undefined) {
    conditions.push(eq(jobs.featured, params.featured));
  }
  if (params.status) {
    conditions.push(eq(jobs.status, params.status));
  }
  if (params.reviewStatus) {
    conditions.push(eq(jobs.reviewStatus, params.reviewStatus));
  }
  return conditions;
}

function allKeywords(keywords: string[]): SQL {
  if (keywords.length === 0) {
    return sql`false`;
  }
  return sql.join(
    keywords.map((kw) => sql`${jobs.searchText} like ${`%${escapeLike(kw)}%`}`),
    sql` and `,
  );
}

/** The most postings a ranked search considers (after the filters). */
const MAX_RANKED = 50_000;

export interface RankedFields {
  score: number | null;
  factors?: FactorContribution[];
  reasons?: string[];
}

/**
 * Jobs by keyword and filters. With a query sorted by relevance the engine retrieves and ranks
 * among the postings the filters allow, so synonyms and families count (数控操作员 finds
 * CNC操作工). Postings containing every keyword literally come first (an exact title or an
 * employer's name still finds that posting on top), then the engine's other finds. Postings
 * the engine does not hold (closed ones, seen by their managers) are found by the keywords.
 * Without a query, or sorted by date, it is plain SQL as before.
 */
export async function searchJobs(
  executor: Executor,
  index: MatchIndex,
  params: JobSearchParams,
  visibility: JobVisibility,
  locale: MatchLocale,
): Promise<{ rows: (repo.JobRow & RankedFields)[]; total: number; scored: boolean }> {
  const keywords = keywordsOf(params.q);
  const conditions = filterConditions(params, visibility);
  if (params.q && params.q.trim() !== '' && params.sort === 'relevance') {
    const allowed = await executor
      .select({
        id: jobs.id,
        employerId: jobs.employerId,
        keywordMatch: sql<boolean>`(${allKeywords(keywords)})`,
      })
      .from(jobs)
      .innerJoin(employers, eq(employers.id, jobs.employerId))
      .where(and(...conditions))
      .orderBy(desc(jobs.publishedAt), asc(jobs.id))
      .limit(MAX_RANKED);
    const engine = await index.engine();
    const hits = engine.searchJobs(
      params.q,
      { ids: allowed.map((a) => a.id), includeHidden: true },
      { limit: Math.max(1, allowed.length), locale },
    );
    const byId = new Map(hits.map((h) => [h.id, h]));
    const literal = new Set(allowed.filter((a) => a.keywordMatch).map((a) => a.id));
    // Postings containing every keyword first (engine order), then those the engine does not
    // score (newest first), then the engine's other finds (synonyms, same family, related skills).
    const ordered = [
      ...hits.filter((h) => literal.has(h.id)).map((h) => h.id),
      ...allowed.filter((a) => a.keywordMatch && !byId.has(a.id)).map((a) => a.id),
      ...hits.filter((h) => !literal.has(h.id)).map((h) => h.id),
    ];
    // An HR account searching sees its own employer's matching postings first (in the same
    // order), so a posting it just published is on the first page, not behind others' richer texts.
    const ownEmployers = new Set(visibility.manage?.hrEmployerIds ?? []);
    const own = new Set(allowed.filter((a) => ownEmployers.has(a.employerId)).map((a) => a.id));
    const ranked =
      own.size === 0
        ? ordered
        : [...ordered.filter((id) => own.has(id)), ...ordered.filter((id) => !own.has(id))];
    const pageIds = ranked.slice(params.offset, params.offset + params.limit);
    const rows = new Map((await repo.jobsByIds(executor, pageIds)).map((r) => [r.id, r]));
    return {
      rows: pageIds.flatMap((id) => {
        const row = rows.get(id);
        if (!row) {
          return [];
        }
        const hit = byId.get(id);
        return [
          hit
            ? { ...row, score: hit.score, factors: hit.factors, reasons: hit.reasons }
            : { ...row, score: null },
        ];
      }),
      total: ranked.length,
      scored: true,
    };
  }
  for (const kw of keywords) {
    conditions.push(sql`${jobs.searchText} like ${`%${escapeLike(kw)}%`}`);
  }
  const rows = await executor
    .select({ ...jobColumns, total: sql<number>`count(*) over ()::int` })
    .from(jobs)
    .innerJoin(employers, eq(employers.id, jobs.employerId))
    .where(and(...conditions))
    .orderBy(
      ...(params.sort === 'relevance'
        ? [desc(jobs.featured), desc(jobs.publishedAt), asc(jobs.id)]
        : [desc(jobs.publishedAt), asc(jobs.id)]),
    )
    .limit(params.limit)
    .offset(params.offset);
  return {
    rows: rows.map(({ total: _total, ...r }) => ({ ...r, score: null })),
    total: rows[0]?.total ?? 0,
    scored: false,
  };
}

/** "Recommended for you": the engine's jobs for the worker's profile, re-checked as public with places left. */
export async function recommendJobsForWorker(
  executor: Executor,
  index: MatchIndex,
  profile: repo.ProfileRow,
  limit: number,
  locale: MatchLocale,
): Promise<(repo.JobRow & RankedFields)[]> {
  const engine = await index.engine();
  // The profile as stored now (not the indexed copy), so an edit counts even before it is indexed.
  const hits = engine.jobsForWorker(toMatchWorker(profile), { limit: limit + 10, locale });
  const rows = new Map(
    (
      await repo.publicJobsByIds(
        executor,
        hits.map((h) => h.id),
      )
    ).map((r) => [r.id, r]),
  );
  return hits
    .flatMap((h) => {
      const row = rows.get(h.id);
      return row ? [{ ...row, score: h.score, factors: h.factors, reasons: h.reasons }] : [];
    })
    .slice(0, limit);
}

export interface CandidateHit {
  profile: repo.ProfileRow;
  score: number;
  factors: FactorContribution[];
  reasons: string[];
  priority: boolean;
}

/** "Recommended workers" for a posting: visible profiles only (re-checked in SQL), best first. */
export async function suggestCandidatesForJob(
  executor: Executor,
  index: MatchIndex,
  job: repo.JobRow,
  limit: number,
  locale: MatchLocale,
): Promise<CandidateHit[]> {
  const engine = await index.engine();
  const hits = engine.workersForJob(toMatchJob(job), { limit: limit + 10, locale, onlyVisible: true });
  const rows = new Map(
    (
      await repo.visibleProfilesByIds(
        executor,
        hits.map((h) => h.id),
      )
    ).map((r) => [r.id, r]),
  );
  return hits
    .flatMap((h) => {
      const profile = rows.get(h.id);
      return profile
        ? [
            {
              profile,
              score: h.score,
              factors: h.factors,
              reasons: h.reasons,
              priority: isPriorityOrigin(profile.hometownProvince, job.priorityOrigins),
            },
          ]
        : [];
    })
    .slice(0, limit);
}

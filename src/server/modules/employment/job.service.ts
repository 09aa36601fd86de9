import { recordAudit } from '../../platform/audit/audit.ts';
import type { Scope } from '../../platform/auth/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { AppError, localizeError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import type { FactorContribution } from '../matching/index.ts';
import { nextCursorOf, offsetOf } from './employer.service.ts';
import { accessOf } from './employment.access.ts';
import { assertInScope, assertMayActFor, hasAnyReach, mayActFor } from './employment.policies.ts';
import * as repo from './employment.repository.ts';
import type { CreateJobBody, JobSearchQuery, JobView, UpdateJobBody } from './employment.schemas.ts';
import { normalizeCity, searchTextOf } from './employment.text.ts';
import { canChangeJobStatus, isPubliclyVisible, JOB_STATUS_LABELS, type JobStatus } from './job.lifecycle.ts';
import type { MatchIndex } from './match-index.service.ts';
import { searchJobs } from './recommendation.seam.ts';
import { checkPosting, describeFinding, type TrustFinding } from './trust.check.ts';

/** Open reports that take a posting down until staff have looked at it. */
export const REPORTS_BEFORE_TAKEDOWN = 3;

type JobLike = repo.JobRow & {
  score?: number | null;
  factors?: FactorContribution[] | undefined;
  reasons?: string[] | undefined;
};

export async function jobViews(executor: Executor, rows: JobLike[], locale: Locale): Promise<JobView[]> {
  const zones = await repo.zonesOfJobs(
    executor,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    employerId: r.employerId,
    employerName: r.employerName,
    employerVerified: r.employerVerification === 'verified',
    orgId: r.orgId,
    externalId: r.externalId,
    title: r.title,
    trade: r.trade,
    description: r.description,
    skills: r.skills,
    certificates: r.certificates,
    education: r.education,
    minYears: r.minYears,
    city: r.city,
    district: r.district,
    lat: r.lat,
    lng: r.lng,
    salaryMin: r.salaryMin,
    salaryMax: r.salaryMax,
    headcount: r.headcount,
    placesLeft: r.placesLeft,
    tags: r.tags,
    priorityOrigins: r.priorityOrigins,
    languages: r.languages,
    shift: r.shift,
    status: r.status as JobStatus,
    closedReason: r.closedReason,
    opensOn: r.opensOn,
    closesOn: r.closesOn,
    featured: r.featured,
    reviewStatus: r.reviewStatus as JobView['reviewStatus'],
    reviewReasons: r.reviewReasons.map((f) => ({ rule: f.rule, message: describeFinding(f, locale, r) })),
    openReports: r.openReports,
    zones: zones.filter((z) => z.jobId === r.id).map((z) => ({ id: z.zoneId, name: z.name })),
    publishedAt: r.publishedAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    score: r.score ?? null,
    ...(r.factors ? { factors: r.factors } : {}),
    ...(r.reasons ? { reasons: r.reasons } : {}),
  }));
}

/** The fields a posting is searched and trust-checked by. */
export function derivedFields(job: {
  title: string;
  trade: string;
  description: string;
  skills: readonly string[];
  tags: readonly string[];
  city: string;
  district?: string | null | undefined;
}) {
  return {
    searchText: searchTextOf([
      job.title,
      job.trade,
      job.skills,
      job.tags,
      job.city,
      job.district,
      job.description,
    ]),
  };
}

export function trustFindings(
  job: {
    title: string;
    trade: string;
    description: string;
    tags: readonly string[];
    skills: readonly string[];
    salaryMin?: number | null | undefined;
    salaryMax?: number | null | undefined;
  },
  employerVerified: boolean,
): TrustFinding[] {
  return checkPosting({
    title: job.title,
    trade: job.trade,
    description: job.description,
    tags: job.tags,
    skills: job.skills,
    salaryMin: job.salaryMin ?? null,
    salaryMax: job.salaryMax ?? null,
    employerVerified,
  });
}

export function createJobService({ db, clock, matching }: { db: Db; clock: Clock; matching: MatchIndex }) {
  async function loadManaged(ctx: ServiceContext, executor: Executor, id: string, lock: boolean) {
    // The same executor throughout: PGlite has one connection, so a query on `db` inside a transaction would wait forever.
    const access = await accessOf(executor, ctx.actor, 'job:write');
    const job = lock ? await repo.lockJob(executor, id) : await repo.findJob(executor, id);
    assertMayActFor(access, job ? { ...job, id: job.employerId } : undefined, 'employment/job-not-found');
    return job!;
  }

  async function view(id: string, locale: Locale): Promise<JobView> {
    const row = await repo.findJob(db, id);
    if (!row) {
      throw new AppError('employment/job-not-found');
    }
    return (await jobViews(db, [row], locale))[0]!;
  }

  async function changeStatus(ctx: ServiceContext, id: string, status: JobStatus): Promise<JobView> {
    await db.transaction(async (tx) => {
      const job = await loadManaged(ctx, tx, id, true);
      const from = job.status as JobStatus;
      if (!canChangeJobStatus(from, status)) {
        throw new AppError('employment/invalid-job-status', {
          field: 'body.status',
          params: { from: JOB_STATUS_LABELS[from][ctx.locale], to: JOB_STATUS_LABELS[status][ctx.locale] },
        });
      }
      if (status === 'open' && job.placesLeft <= 0) {
        throw new AppError('employment/job-full', { field: 'body.status' });
      }
      const now = clock.now();
      await repo.updateJob(tx, id, {
        status,
        closedReason: status === 'closed' ? 'manual' : null,
        updatedAt: now,
        ...(from === 'draft' && status === 'open' ? { publishedAt: now } : {}),
      });
      await recordAudit(tx, ctx.audit, {
        action: status === 'closed' ? 'close' : 'update',
        entity: 'job',
        entityId: id,
        orgId: job.orgId,
        orgPath: job.orgPath,
        before: { status: from },
        after: { status },
      });
    });
    await matching.jobsChanged([id]);
    return view(id, ctx.locale);
  }

  return {
    jobViews: (rows: JobLike[], locale: Locale) => jobViews(db, rows, locale),

    /** Jobs by keyword and filters: public postings for everyone, plus the caller's own in any state. */
    async search(ctx: ServiceContext, query: JobSearchQuery) {
      const access = ctx.actor ? await accessOf(db, ctx.actor, 'job:read') : null;
      const manage = access && hasAnyReach(access) && query.publicOnly !== 'true' ? access : null;
      const offset = offsetOf(query.cursor);
      const result = await searchJobs(
        db,
        matching,
        {
          q: query.q,
          city: query.city,
          district: query.district,
          trade: query.trade,
          salaryMin: query.salaryMin,
          salaryMax: query.salaryMax,
          tags: query.tags,
          zoneId: query.zoneId,
          employerId: query.employerId,
          featured: query.featured === undefined ? undefined : query.featured === 'true',
          status: query.status,
          reviewStatus: query.reviewStatus,
          sort: query.sort ?? (query.q ? 'relevance' : 'newest'),
          offset,
          limit: query.limit,
        },
        { manage, managedOnly: manage !== null && query.managedOnly === 'true' },
        ctx.locale,
      );
      const items = await jobViews(db, result.rows, ctx.locale);
      return { items, nextCursor: nextCursorOf(offset, query.limit, result.total), total: result.total };
    },

    async get(ctx: ServiceContext, id: string): Promise<JobView> {
      const job = await repo.findJob(db, id);
      if (!job) {
        throw new AppError('employment/job-not-found');
      }
      if (!isPubliclyVisible(job)) {
        const access = await accessOf(db, ctx.actor, 'job:read');
        if (!mayActFor(access, { id: job.employerId, orgPath: job.orgPath })) {
          throw new AppError('employment/job-not-found');
        }
      }
      return (await jobViews(db, [job], ctx.locale))[0]!;
    },

    async create(ctx: ServiceContext, body: CreateJobBody): Promise<JobView> {
      const access = await accessOf(db, ctx.actor, 'job:write');
      const employerId =
        body.employerId ?? (access.hrEmployerIds.length === 1 ? access.hrEmployerIds[0] : undefined);
      if (!employerId) {
        throw new AppError('platform/validation', { field: 'body.employerId' });
      }
      const employer = await repo.findEmployer(db, employerId);
      if (!employer || !mayActFor(access, employer)) {
        throw new AppError('employment/employer-not-found', { field: 'body.employerId' });
      }
      const findings = trustFindings(body, employer.verification === 'verified');
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const [jobId] = await repo.insertJobs(tx, [
          {
            employerId: employer.id,
            orgId: employer.orgId,
            orgPath: employer.orgPath,
            title: body.title,
            trade: body.trade,
            description: body.description,
            skills: body.skills,
            certificates: body.certificates,
            education: body.education ?? null,
            minYears: body.minYears ?? null,
            city: normalizeCity(body.city),
            district: body.district ?? null,
            lat: body.lat ?? employer.lat,
            lng: body.lng ?? employer.lng,
            salaryMin: body.salaryMin ?? null,
            salaryMax: body.salaryMax ?? null,
            headcount: body.headcount,
            placesLeft: body.headcount,
            tags: body.tags,
            priorityOrigins: body.priorityOrigins,
            languages: body.languages,
            shift: body.shift ?? null,
            status: body.status,
            opensOn: body.opensOn ?? null,
            closesOn: body.closesOn ?? null,
            reviewStatus: findings.length > 0 ? 'pending' : 'clear',
            reviewReasons: findings,
            createdBy: ctx.audit.accountId,
            publishedAt: now,
            createdAt: now,
            updatedAt: now,
            ...derivedFields({ ...body, city: normalizeCity(body.city) }),
          },
        ]);
        await recordAudit(tx, ctx.audit, {
          action: 'create',
          entity: 'job',
          entityId: jobId!,
          orgId: employer.orgId,
          orgPath: employer.orgPath,
          after: {
            title: body.title,
            headcount: body.headcount,
            status: body.status,
            flags: findings.map((f) => f.rule),
          },
        });
        return jobId!;
      });
      await matching.jobsChanged([id]);
      return view(id, ctx.locale);
    },

    /** Edits a posting; the trust check runs again on the result. */
    async update(ctx: ServiceContext, id: string, body: UpdateJobBody): Promise<JobView> {
      await db.transaction(async (tx) => {
        const job = await loadManaged(ctx, tx, id, true);
        const merged = {
          title: body.title ?? job.title,
          trade: body.trade ?? job.trade,
          description: body.description ?? job.description,
          skills: body.skills ?? job.skills,
          certificates: body.certificates ?? job.certificates,
          education: body.education === undefined ? job.education : body.education,
          minYears: body.minYears === undefined ? job.minYears : body.minYears,
          city: body.city === undefined ? job.city : normalizeCity(body.city),
          district: body.district === undefined ? job.district : body.district,
          lat: body.lat === undefined ? job.lat : body.lat,
          lng: body.lng === undefined ? job.lng : body.lng,
          salaryMin: body.salaryMin === undefined ? job.salaryMin : body.salaryMin,
          salaryMax: body.salaryMax === undefined ? job.salaryMax : body.salaryMax,
          tags: body.tags ?? job.tags,
          priorityOrigins: body.priorityOrigins ?? job.priorityOrigins,
          languages: body.languages ?? job.languages,
          shift: body.shift === undefined ? job.shift : body.shift,
          opensOn: body.opensOn === undefined ? job.opensOn : body.opensOn,
          closesOn: body.closesOn === undefined ? job.closesOn : body.closesOn,
        };
        if (merged.salaryMin !== null && merged.salaryMax !== null && merged.salaryMin > merged.salaryMax) {
          throw new AppError('platform/validation', { field: 'body.salaryMax' });
        }
        const patch: Partial<repo.NewJob> = { ...merged, ...derivedFields(merged), updatedAt: clock.now() };
        if (body.headcount !== undefined && body.headcount !== job.headcount) {
          const hired = await repo.hiredCount(tx, id);
          const placesLeft = body.headcount - hired;
          if (placesLeft < 0) {
            throw new AppError('employment/headcount-below-hired', {
              field: 'body.headcount',
              params: { hired },
            });
          }
          patch.headcount = body.headcount;
          patch.placesLeft = placesLeft;
          if (placesLeft === 0 && job.status === 'open') {
            patch.status = 'closed';
            patch.closedReason = 'filled';
          } else if (placesLeft > 0 && job.closedReason === 'filled') {
            patch.status = 'open';
            patch.closedReason = null;
          }
        }
        const findings = trustFindings(merged, job.employerVerification === 'verified');
        patch.reviewStatus = findings.length > 0 ? 'pending' : 'clear';
        patch.reviewReasons = findings;
        await repo.updateJob(tx, id, patch);
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'job',
          entityId: id,
          orgId: job.orgId,
          orgPath: job.orgPath,
          before: {
            title: job.title,
            headcount: job.headcount,
            salaryMin: job.salaryMin,
            salaryMax: job.salaryMax,
          },
          after: { ...body, flags: findings.map((f) => f.rule) },
        });
      });
      await matching.jobsChanged([id]);
      return view(id, ctx.locale);
    },

    changeStatus,

    /** The same status change for many postings; each succeeds or fails on its own (console bulk action). */
    async bulkStatus(ctx: ServiceContext, ids: string[], status: JobStatus) {
      const results: { id: string; ok: boolean; code: string | null; message: string | null }[] = [];
      for (const id of ids) {
        try {
          await changeStatus(ctx, id, status);
          results.push({ id, ok: true, code: null, message: null });
        } catch (error) {
          if (!(error instanceof AppError)) {
            throw error;
          }
          results.push({
            id,
            ok: false,
            code: error.code,
            message: localizeError(error.code, ctx.locale, error.params).message,
          });
        }
      }
      return { results };
    },

    async reviewQueue(ctx: ServiceContext, scope: Scope) {
      const rows = await repo.reviewQueue(db, scope, 200);
      const views = await jobViews(db, rows, ctx.locale);
      const withReports = [];
      for (const v of views) {
        withReports.push({
          job: v,
          reports: (await repo.reportsOf(db, v.id)).map((r) => ({ ...r, at: r.at.toISOString() })),
        });
      }
      return { items: withReports };
    },

    /** Union staff clear or reject a flagged or reported posting; open reports are resolved with it. */
    async review(
      ctx: ServiceContext,
      scope: Scope,
      id: string,
      body: { decision: 'approve' | 'reject'; note?: string | undefined },
    ): Promise<JobView> {
      await db.transaction(async (tx) => {
        const job = await repo.lockJob(tx, id);
        assertInScope(scope, job, 'employment/job-not-found');
        if (job.reviewStatus !== 'pending' && job.openReports === 0) {
          throw new AppError('employment/not-under-review');
        }
        const reviewStatus =
          body.decision === 'reject'
            ? 'rejected'
            : job.reviewStatus === 'pending'
              ? 'approved'
              : job.reviewStatus;
        await repo.updateJob(tx, id, {
          reviewStatus,
          reviewNote: body.note ?? null,
          reviewedBy: ctx.audit.accountId,
          reviewedAt: clock.now(),
          updatedAt: clock.now(),
        });
        await repo.resolveReports(tx, id);
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'job',
          entityId: id,
          orgId: job.orgId,
          orgPath: job.orgPath,
          before: { reviewStatus: job.reviewStatus, openReports: job.openReports },
          after: { reviewStatus, note: body.note ?? null },
          detail: 'review',
        });
      });
      await matching.jobsChanged([id]);
      return view(id, ctx.locale);
    },

    async feature(ctx: ServiceContext, scope: Scope, id: string, featured: boolean): Promise<JobView> {
      await db.transaction(async (tx) => {
        const job = await repo.lockJob(tx, id);
        assertInScope(scope, job, 'employment/job-not-found');
        await repo.updateJob(tx, id, { featured, updatedAt: clock.now() });
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'job',
          entityId: id,
          orgId: job.orgId,
          orgPath: job.orgPath,
          before: { featured: job.featured },
          after: { featured },
        });
      });
      return view(id, ctx.locale);
    },

    /** A worker reports a posting; enough reports take it down until staff have looked. */
    async report(
      ctx: ServiceContext,
      id: string,
      body: { reason: string; detail?: string | undefined },
    ): Promise<{ reported: true }> {
      const actor = ctx.actor;
      if (!actor) {
        throw new AppError('auth/unauthenticated');
      }
      await db.transaction(async (tx) => {
        const job = await repo.lockJob(tx, id);
        // A posting already taken down for review still collects reports.
        if (!job || job.status === 'draft') {
          throw new AppError('employment/job-not-found');
        }
        const added = await repo.insertReport(tx, {
          jobId: id,
          accountId: actor.accountId,
          reason: body.reason,
          detail: body.detail ?? null,
        });
        if (!added) {
          throw new AppError('employment/already-reported');
        }
        if (job.openReports + 1 >= REPORTS_BEFORE_TAKEDOWN && job.reviewStatus !== 'pending') {
          await repo.updateJob(tx, id, { reviewStatus: 'pending', updatedAt: clock.now() });
        }
        await recordAudit(tx, ctx.audit, {
          action: 'create',
          entity: 'job_report',
          entityId: id,
          orgId: job.orgId,
          orgPath: job.orgPath,
          after: { reason: body.reason },
        });
      });
      // Enough reports take the posting down for review.
      await matching.jobsChanged([id]);
      return { reported: true };
    },
  };
}

export type JobService = ReturnType<typeof createJobService>;

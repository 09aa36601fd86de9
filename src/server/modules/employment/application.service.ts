import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { maskPhone } from '../../platform/identity.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import {
  APPLICATION_STATUS_LABELS,
  type ApplicationStatus,
  canTransition,
  isFinal,
  nextStatuses,
  placeEffect,
} from './application.pipeline.ts';
import { accessOf } from './employment.access.ts';
import { assertMayActFor } from './employment.policies.ts';
import * as repo from './employment.repository.ts';
import type { ApplicationView, MyApplicationView } from './employment.schemas.ts';
import { isPriorityOrigin } from './employment.text.ts';
import { isPubliclyVisible } from './job.lifecycle.ts';
import type { MatchIndex } from './match-index.service.ts';
import { notify } from './notification.service.ts';
import type { ProfileService } from './profile.service.ts';
import { profileView } from './profile.service.ts';
import { suggestCandidatesForJob } from './recommendation.seam.ts';

type EventRow = Awaited<ReturnType<typeof repo.eventsOf>>[number];

/** Where an application came from, kept on it (e.g. `{ kind: 'live-session', ref: sessionId }`). */
export interface ApplicationSource {
  kind: string;
  ref: string;
}

export interface ApplyOptions {
  source?: ApplicationSource;
  /** Runs in the application's transaction after it is written; throwing rolls the application back. */
  within?: (
    tx: Executor,
    application: { id: string; jobId: string; employerId: string; createdAt: Date },
  ) => Promise<void>;
}

/** Steps never repeat within one application, so the pipeline order breaks ties between equal times. */
const STEP_ORDER = ['submitted', 'viewed', 'interview', 'hired', 'onboarded', 'rejected', 'withdrawn'];

type HistoryRow = Pick<EventRow, 'applicationId' | 'fromStatus' | 'toStatus' | 'actorName' | 'note' | 'at'>;

function history(events: HistoryRow[], applicationId: string, locale: Locale) {
  return events
    .filter((e) => e.applicationId === applicationId)
    .sort(
      (a, b) =>
        a.at.getTime() - b.at.getTime() || STEP_ORDER.indexOf(a.toStatus) - STEP_ORDER.indexOf(b.toStatus),
    )
    .map((e) => ({
      from: e.fromStatus as ApplicationStatus | null,
      to: e.toStatus as ApplicationStatus,
      label: APPLICATION_STATUS_LABELS[e.toStatus as ApplicationStatus][locale],
      by: e.actorName,
      note: e.note,
      at: e.at.toISOString(),
    }));
}

function employerView(
  row: repo.ApplicationRow,
  events: EventRow[],
  locale: Locale,
  unmasked: boolean,
): ApplicationView {
  const status = row.status as ApplicationStatus;
  const a = row.applicant;
  return {
    id: row.id,
    jobId: row.jobId,
    jobTitle: row.jobTitle,
    employerId: row.employerId,
    employerName: row.employerName,
    status,
    statusLabel: APPLICATION_STATUS_LABELS[status][locale],
    priority: row.priority,
    employerNote: row.employerNote,
    nextStatuses: nextStatuses(status, 'employer'),
    applicant: {
      profileId: a.id,
      name: a.name,
      phone: a.phone && !unmasked ? maskPhone(a.phone) : a.phone,
      hometownProvince: a.hometownProvince,
      education: a.education,
      school: a.school,
      years: a.years,
      desiredTrades: a.desiredTrades,
      skills: a.skills,
      certificates: a.certificates,
      languages: a.languages,
      city: a.city,
      expectedSalary: a.expectedSalary,
    },
    history: history(events, row.id, locale),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type WorkerRow = Pick<
  repo.ApplicationRow,
  | 'id'
  | 'jobId'
  | 'jobTitle'
  | 'employerName'
  | 'jobCity'
  | 'jobSalaryMin'
  | 'jobSalaryMax'
  | 'jobStatus'
  | 'status'
  | 'createdAt'
>;

function workerView(row: WorkerRow, events: HistoryRow[], locale: Locale): MyApplicationView {
  const status = row.status as ApplicationStatus;
  return {
    id: row.id,
    job: {
      id: row.jobId,
      title: row.jobTitle,
      employerName: row.employerName,
      city: row.jobCity,
      salaryMin: row.jobSalaryMin,
      salaryMax: row.jobSalaryMax,
      status: row.jobStatus as MyApplicationView['job']['status'],
    },
    status,
    statusLabel: APPLICATION_STATUS_LABELS[status][locale],
    canWithdraw: canTransition(status, 'withdrawn', 'applicant'),
    history: history(events, row.id, locale),
    createdAt: row.createdAt.toISOString(),
  };
}

function invalidTransition(from: ApplicationStatus, to: ApplicationStatus, locale: Locale): AppError {
  return new AppError('employment/invalid-transition', {
    field: 'body.status',
    params: { from: APPLICATION_STATUS_LABELS[from][locale], to: APPLICATION_STATUS_LABELS[to][locale] },
  });
}

export function createApplicationService({
  db,
  clock,
  profiles,
  matching,
}: {
  db: Db;
  clock: Clock;
  profiles: ProfileService;
  matching: MatchIndex;
}) {
  async function managedApplication(ctx: ServiceContext, id: string) {
    const access = await accessOf(db, ctx.actor, 'application:manage');
    const row = await repo.findApplication(db, id);
    assertMayActFor(
      access,
      row ? { id: row.employerId, orgPath: row.orgPath } : undefined,
      'employment/application-not-found',
    );
    return row!;
  }

  async function employerDetail(
    ctx: ServiceContext,
    id: string,
    unmasked: boolean,
  ): Promise<ApplicationView> {
    const row = await managedApplication(ctx, id);
    if (unmasked && row.applicant.phone) {
      await recordAudit(db, ctx.audit, {
        action: 'read_sensitive',
        entity: 'application',
        entityId: id,
        orgPath: row.orgPath,
        detail: 'applicant phone',
      });
    }
    return employerView(row, await repo.eventsOf(db, [id]), ctx.locale, unmasked);
  }

  async function mineOne(ctx: ServiceContext, id: string): Promise<MyApplicationView> {
    const row = await repo.findApplication(db, id);
    if (!row || row.accountId !== ctx.actor?.accountId) {
      throw new AppError('employment/application-not-found');
    }
    return workerView(row, await repo.eventsOf(db, [id]), ctx.locale);
  }

  return {
    /**
     * One tap: applies with the caller's profile. No duplicates, nothing to a closed or full
     * posting. `source` records where the tap came from (e.g. a live session) on the
     * application; `within` runs inside the same transaction once the application is written,
     * so a caller's own record of it (livestream's) commits or rolls back with it.
     */
    async apply(ctx: ServiceContext, jobId: string, options: ApplyOptions = {}): Promise<MyApplicationView> {
      const actor = ctx.actor;
      if (!actor) {
        throw new AppError('auth/unauthenticated');
      }
      const now = clock.now();
      // Outside the transaction: it may ask the org module (its own connection) about the member.
      const profile = await profiles.ensure(db, actor);
      const job = await db.transaction(async (tx) => {
        const job = await repo.findJob(tx, jobId);
        if (!job) {
          throw new AppError('employment/job-not-found');
        }
        if (!isPubliclyVisible(job) || job.placesLeft <= 0) {
          // An earlier application is what the applicant most needs to hear about.
          if (await repo.applicationExists(tx, jobId, actor.accountId)) {
            throw new AppError('employment/duplicate-application');
          }
          throw new AppError(isPubliclyVisible(job) ? 'employment/job-full' : 'employment/job-closed');
        }
        // Zones only matter for an applicant whose home province is known.
        const origins = profile.hometownProvince
          ? [...job.priorityOrigins, ...(await repo.zonesOfJobs(tx, [jobId])).flatMap((z) => z.provinces)]
          : [];
        const applicationId = await repo.insertApplication(tx, {
          jobId,
          employerId: job.employerId,
          orgPath: job.orgPath,
          profileId: profile.id,
          accountId: actor.accountId,
          status: 'submitted',
          priority: isPriorityOrigin(profile.hometownProvince, origins),
          sourceKind: options.source?.kind ?? null,
          sourceRef: options.source?.ref ?? null,
          createdAt: now,
          updatedAt: now,
        });
        if (!applicationId) {
          // Applied before, or two taps at once: the unique index keeps one.
          throw new AppError('employment/duplicate-application');
        }
        await repo.insertEvent(tx, {
          applicationId,
          fromStatus: null,
          toStatus: 'submitted',
          actorAccountId: actor.accountId,
          actorName: actor.displayName,
          at: now,
        });
        await recordAudit(tx, ctx.audit, {
          action: 'create',
          entity: 'application',
          entityId: applicationId,
          orgId: job.orgId,
          orgPath: job.orgPath,
          after: options.source
            ? { jobId, source: `${options.source.kind}:${options.source.ref}` }
            : { jobId },
        });
        await options.within?.(tx, { id: applicationId, jobId, employerId: job.employerId, createdAt: now });
        return { ...job, applicationId };
      });
      // What was just written, without reading it back.
      const event: HistoryRow = {
        applicationId: job.applicationId,
        fromStatus: null,
        toStatus: 'submitted',
        actorName: actor.displayName,
        note: null,
        at: now,
      };
      return workerView(
        {
          id: job.applicationId,
          jobId,
          jobTitle: job.title,
          employerName: job.employerName,
          jobCity: job.city,
          jobSalaryMin: job.salaryMin,
          jobSalaryMax: job.salaryMax,
          jobStatus: job.status,
          status: 'submitted',
          createdAt: now,
        },
        [event],
        ctx.locale,
      );
    },

    /**
     * The employer side moves an application one allowed step. Hiring takes a place with a
     * conditional UPDATE in the same transaction; the statement that takes the last place
     * closes the posting, so concurrent hires never exceed the headcount.
     */
    async move(
      ctx: ServiceContext,
      id: string,
      to: ApplicationStatus,
      note: string | undefined,
    ): Promise<ApplicationView> {
      const access = await accessOf(db, ctx.actor, 'application:manage');
      const placesOf = await db.transaction(async (tx) => {
        const row = await repo.lockApplication(tx, id);
        if (!row) {
          throw new AppError('employment/application-not-found');
        }
        assertMayActFor(
          access,
          { id: row.employerId, orgPath: row.orgPath },
          'employment/application-not-found',
        );
        const from = row.status as ApplicationStatus;
        if (!canTransition(from, to, 'employer')) {
          throw invalidTransition(from, to, ctx.locale);
        }
        const now = clock.now();
        const effect = placeEffect(from, to);
        if (effect === 'take' && !(await repo.takePlace(tx, row.jobId, now))) {
          throw new AppError('employment/job-full', { field: 'body.status' });
        }
        if (effect === 'release') {
          await repo.releasePlace(tx, row.jobId, now);
        }
        const moved = await repo.setApplicationStatus(tx, id, from, to, {
          ...(note !== undefined ? { employerNote: note } : {}),
          now,
        });
        if (!moved) {
          throw invalidTransition(from, to, ctx.locale);
        }
        await repo.insertEvent(tx, {
          applicationId: id,
          fromStatus: from,
          toStatus: to,
          actorAccountId: ctx.actor?.accountId ?? null,
          actorName: ctx.actor?.displayName ?? null,
          note: note ?? null,
          at: now,
        });
        await notify(
          tx,
          row.accountId,
          'application-status',
          { job: row.jobTitle, employer: row.employerName, status: to },
          `/applications/${id}`,
          now,
        );
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'application',
          entityId: id,
          orgPath: row.orgPath,
          before: { status: from },
          after: { status: to },
        });
        return effect === 'none' ? null : row.jobId;
      });
      // A hire takes a place (and may close the posting); its withdrawal gives it back.
      if (placesOf) {
        await matching.jobsChanged([placesOf]);
      }
      return employerDetail(ctx, id, false);
    },

    /** The applicant withdraws (also after being hired: the place is given back). */
    async withdraw(ctx: ServiceContext, id: string): Promise<MyApplicationView> {
      const actor = ctx.actor;
      if (!actor) {
        throw new AppError('auth/unauthenticated');
      }
      const released = await db.transaction(async (tx) => {
        const row = await repo.lockApplication(tx, id);
        if (!row || row.accountId !== actor.accountId) {
          throw new AppError('employment/application-not-found');
        }
        const from = row.status as ApplicationStatus;
        if (!canTransition(from, 'withdrawn', 'applicant')) {
          throw invalidTransition(from, 'withdrawn', ctx.locale);
        }
        const now = clock.now();
        if (placeEffect(from, 'withdrawn') === 'release') {
          await repo.releasePlace(tx, row.jobId, now);
        }
        await repo.setApplicationStatus(tx, id, from, 'withdrawn', { now });
        await repo.insertEvent(tx, {
          applicationId: id,
          fromStatus: from,
          toStatus: 'withdrawn',
          actorAccountId: actor.accountId,
          actorName: actor.displayName,
          at: now,
        });
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'application',
          entityId: id,
          orgPath: row.orgPath,
          before: { status: from },
          after: { status: 'withdrawn' },
        });
        return placeEffect(from, 'withdrawn') === 'release' ? row.jobId : null;
      });
      if (released) {
        await matching.jobsChanged([released]);
      }
      return mineOne(ctx, id);
    },

    async setNote(ctx: ServiceContext, id: string, note: string): Promise<ApplicationView> {
      const row = await managedApplication(ctx, id);
      await db.transaction(async (tx) => {
        await repo.setEmployerNote(tx, id, note, clock.now());
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'application',
          entityId: id,
          orgPath: row.orgPath,
          before: { employerNote: row.employerNote },
          after: { employerNote: note },
        });
      });
      return employerDetail(ctx, id, false);
    },

    /** One application with the applicant's full phone (audited) and its history. */
    get: (ctx: ServiceContext, id: string) => employerDetail(ctx, id, true),

    /** The board of one posting: priority applicants first, then by time of application. */
    async forJob(ctx: ServiceContext, jobId: string, status: ApplicationStatus | undefined) {
      const access = await accessOf(db, ctx.actor, 'application:manage');
      const job = await repo.findJob(db, jobId);
      assertMayActFor(
        access,
        job ? { id: job.employerId, orgPath: job.orgPath } : undefined,
        'employment/job-not-found',
      );
      const rows = await repo.applicationsOfJob(db, jobId, status);
      const events = await repo.eventsOf(
        db,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => employerView(r, events, ctx.locale, false)) };
    },

    async mine(ctx: ServiceContext) {
      const actor = ctx.actor;
      if (!actor) {
        throw new AppError('auth/unauthenticated');
      }
      const rows = await repo.applicationsOfAccount(db, actor.accountId);
      const events = await repo.eventsOf(
        db,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => workerView(r, events, ctx.locale)) };
    },

    mineOne,

    /** "Suggested candidates" for a posting, through the matching seam; phones masked. */
    async suggested(ctx: ServiceContext, jobId: string, limit: number) {
      const access = await accessOf(db, ctx.actor, 'application:manage');
      const job = await repo.findJob(db, jobId);
      assertMayActFor(
        access,
        job ? { id: job.employerId, orgPath: job.orgPath } : undefined,
        'employment/job-not-found',
      );
      const hits = await suggestCandidatesForJob(db, matching, job!, limit, ctx.locale);
      return {
        items: hits.map((h) => ({
          profile: profileView(h.profile, false),
          score: h.score,
          factors: h.factors,
          reasons: h.reasons,
          priority: h.priority,
        })),
      };
    },

    isFinal,
  };
}

export type ApplicationService = ReturnType<typeof createApplicationService>;

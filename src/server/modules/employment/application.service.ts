import { recordAudit, recordAudits } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { createGroupCommit, type Outcome } from '../../platform/db/group-commit.ts';
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

/** One application as a caller's hook sees it. */
export interface ApplyHookItem {
  jobId: string;
  accountId: string;
  source: ApplicationSource | null;
}

/**
 * A caller's own part in applying (livestream's record of a live application), run once per
 * batch of applications inside their transaction (applications are group-committed).
 */
export interface ApplyHook<C> {
  /** Before anything is written: per item, an error that refuses that application alone, or what `record` gets. */
  check(tx: Executor, items: readonly ApplyHookItem[]): Promise<Array<AppError | C>>;
  /** After the applications are written. Throwing rolls the batch back; each application is then tried alone. */
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

export interface ApplyOptions<C = unknown> {
  source?: ApplicationSource;
  hook?: ApplyHook<C>;
}

interface PendingApply {
  ctx: ServiceContext;
  actor: Actor;
  jobId: string;
  source: ApplicationSource | null;
  hook: ApplyHook<unknown> | null;
  now: Date;
}

interface Applied {
  view: MyApplicationView;
  checked: unknown;
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

  /**
   * Applications are group-committed: the taps that arrive while one batch is written go into
   * the next, one transaction each, a few statements per batch instead of several per tap.
   * Every tap keeps its own answer (created, duplicate, full, closed, or the hook's refusal).
   */
  async function applyBatch(items: PendingApply[]): Promise<Outcome<Applied>[]> {
    const outcomes: (Outcome<Applied> | undefined)[] = new Array(items.length);
    const fail = (i: number, error: unknown) => {
      outcomes[i] = { ok: false, error };
    };
    const keyOf = (jobId: string, accountId: string) => `${jobId} ${accountId}`;
    // Profiles first, outside the transaction: creating a missing one may ask the org module.
    const applicants = new Map<string, { id: string; hometownProvince: string | null }>();
    for (const p of await repo.applicantsByAccounts(db, [...new Set(items.map((i) => i.actor.accountId))])) {
      applicants.set(p.accountId!, p);
    }
    for (const [i, item] of items.entries()) {
      if (!applicants.has(item.actor.accountId)) {
        try {
          const p = await profiles.ensure(db, item.actor);
          applicants.set(item.actor.accountId, p);
        } catch (error) {
          fail(i, error);
        }
      }
    }
    const written = await db.transaction(async (tx) => {
      const open = () => items.map((_, i) => i).filter((i) => !outcomes[i]);
      const jobsById = new Map(
        (await repo.jobsByIds(tx, [...new Set(items.map((i) => i.jobId))])).map((j) => [j.id, j]),
      );
      const existing = await repo.existingApplications(
        tx,
        open().map((i) => ({ jobId: items[i]!.jobId, accountId: items[i]!.actor.accountId })),
      );
      const seen = new Set<string>();
      for (const i of open()) {
        const item = items[i]!;
        const job = jobsById.get(item.jobId);
        const key = keyOf(item.jobId, item.actor.accountId);
        if (!job) {
          fail(i, new AppError('employment/job-not-found'));
        } else if (existing.has(key) || seen.has(key)) {
          // An earlier application is what the applicant most needs to hear about.
          fail(i, new AppError('employment/duplicate-application'));
        } else if (!isPubliclyVisible(job) || job.placesLeft <= 0) {
          fail(i, new AppError(isPubliclyVisible(job) ? 'employment/job-full' : 'employment/job-closed'));
        }
        seen.add(key);
      }
      // Callers' checks (e.g. the live session still takes applications for this job).
      const checked = new Map<number, unknown>();
      for (const hook of new Set(open().flatMap((i) => (items[i]!.hook ? [items[i]!.hook!] : [])))) {
        const mine = open().filter((i) => items[i]!.hook === hook);
        const answers = await hook.check(
          tx,
          mine.map((i) => ({
            jobId: items[i]!.jobId,
            accountId: items[i]!.actor.accountId,
            source: items[i]!.source,
          })),
        );
        mine.forEach((i, k) => {
          const answer = answers[k];
          if (answer instanceof AppError) {
            fail(i, answer);
          } else {
            checked.set(i, answer);
          }
        });
      }
      // Zones only matter for an applicant whose home province is known.
      const zoneProvinces = new Map<string, string[]>();
      const zoneJobIds = open()
        .filter((i) => applicants.get(items[i]!.actor.accountId)?.hometownProvince)
        .map((i) => items[i]!.jobId);
      for (const z of await repo.zonesOfJobs(tx, [...new Set(zoneJobIds)])) {
        zoneProvinces.set(z.jobId, [...(zoneProvinces.get(z.jobId) ?? []), ...z.provinces]);
      }
      // In key order, so that two batches in flight never wait on each other's rows in a cycle.
      const toWrite = open().sort((a, b) => {
        const ka = keyOf(items[a]!.jobId, items[a]!.actor.accountId);
        const kb = keyOf(items[b]!.jobId, items[b]!.actor.accountId);
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      });
      const inserted = await repo.insertApplications(
        tx,
        toWrite.map((i) => {
          const item = items[i]!;
          const job = jobsById.get(item.jobId)!;
          const applicant = applicants.get(item.actor.accountId)!;
          return {
            jobId: item.jobId,
            employerId: job.employerId,
            orgPath: job.orgPath,
            profileId: applicant.id,
            accountId: item.actor.accountId,
            status: 'submitted',
            priority: isPriorityOrigin(applicant.hometownProvince, [
              ...job.priorityOrigins,
              ...(zoneProvinces.get(item.jobId) ?? []),
            ]),
            sourceKind: item.source?.kind ?? null,
            sourceRef: item.source?.ref ?? null,
            createdAt: item.now,
            updatedAt: item.now,
          };
        }),
      );
      const idByKey = new Map(inserted.map((r) => [keyOf(r.jobId, r.accountId), r.id]));
      const done: { i: number; id: string }[] = [];
      for (const i of toWrite) {
        const id = idByKey.get(keyOf(items[i]!.jobId, items[i]!.actor.accountId));
        if (id) {
          done.push({ i, id });
        } else {
          // Two taps at once from two batches: the unique index kept the other one.
          fail(i, new AppError('employment/duplicate-application'));
        }
      }
      await repo.insertEvents(
        tx,
        done.map(({ i, id }) => ({
          applicationId: id,
          fromStatus: null,
          toStatus: 'submitted',
          actorAccountId: items[i]!.actor.accountId,
          actorName: items[i]!.actor.displayName,
          at: items[i]!.now,
        })),
      );
      await recordAudits(
        tx,
        done.map(({ i, id }) => {
          const item = items[i]!;
          const job = jobsById.get(item.jobId)!;
          return {
            ctx: item.ctx.audit,
            entry: {
              action: 'create' as const,
              entity: 'application',
              entityId: id,
              orgId: job.orgId,
              orgPath: job.orgPath,
              after: item.source
                ? { jobId: item.jobId, source: `${item.source.kind}:${item.source.ref}` }
                : { jobId: item.jobId },
            },
          };
        }),
      );
      for (const hook of new Set(done.flatMap(({ i }) => (items[i]!.hook ? [items[i]!.hook!] : [])))) {
        await hook.record(
          tx,
          done
            .filter(({ i }) => items[i]!.hook === hook)
            .map(({ i, id }) => ({
              jobId: items[i]!.jobId,
              accountId: items[i]!.actor.accountId,
              source: items[i]!.source,
              applicationId: id,
              employerId: jobsById.get(items[i]!.jobId)!.employerId,
              createdAt: items[i]!.now,
              checked: checked.get(i),
            })),
        );
      }
      return done.map(({ i, id }) => ({
        i,
        id,
        job: jobsById.get(items[i]!.jobId)!,
        checked: checked.get(i),
      }));
    });
    for (const { i, id, job, checked } of written) {
      const item = items[i]!;
      // What was just written, without reading it back.
      const event: HistoryRow = {
        applicationId: id,
        fromStatus: null,
        toStatus: 'submitted',
        actorName: item.actor.displayName,
        note: null,
        at: item.now,
      };
      const view = workerView(
        {
          id,
          jobId: item.jobId,
          jobTitle: job.title,
          employerName: job.employerName,
          jobCity: job.city,
          jobSalaryMin: job.salaryMin,
          jobSalaryMax: job.salaryMax,
          jobStatus: job.status,
          status: 'submitted',
          createdAt: item.now,
        },
        [event],
        item.ctx.locale,
      );
      outcomes[i] = { ok: true, value: { view, checked } };
    }
    return outcomes as Outcome<Applied>[];
  }

  const applyQueue = createGroupCommit<PendingApply, Applied>({ run: applyBatch });

  function submit(ctx: ServiceContext, jobId: string, options: ApplyOptions): Promise<Applied> {
    const actor = ctx.actor;
    if (!actor) {
      return Promise.reject(new AppError('auth/unauthenticated'));
    }
    return applyQueue.submit({
      ctx,
      actor,
      jobId,
      source: options.source ?? null,
      hook: options.hook ?? null,
      now: clock.now(),
    });
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
     * posting. `source` records where the tap came from (e.g. a live session) on the application.
     * Resolves once the application has committed.
     */
    async apply(ctx: ServiceContext, jobId: string, options: ApplyOptions = {}): Promise<MyApplicationView> {
      return (await submit(ctx, jobId, options)).view;
    },

    /** As `apply`, with a caller's hook run in the same transaction; also returns what its check gave. */
    async applyWith<C>(
      ctx: ServiceContext,
      jobId: string,
      options: ApplyOptions<C> & { hook: ApplyHook<C> },
    ): Promise<{ view: MyApplicationView; checked: C }> {
      const applied = await submit(ctx, jobId, options as ApplyOptions);
      return { view: applied.view, checked: applied.checked as C };
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

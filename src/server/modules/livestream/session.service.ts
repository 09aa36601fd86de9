import { recordAudit } from '../../platform/audit/audit.ts';
import { resolveScope, type Scope, scopeIncludes } from '../../platform/auth/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { RealtimeBus } from '../../platform/realtime/bus.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import type { OrgModule } from '../org/index.ts';
import { type LiveRealtime, topicOf } from './live.realtime.ts';
import { assertSessionInScope } from './livestream.policies.ts';
import { type ApplyHook, type EmploymentPort, isHire, type JobSummary } from './livestream.ports.ts';
import * as repo from './livestream.repository.ts';
import type {
  Counters,
  CreateLiveSessionBody,
  HostStats,
  JobCard,
  LiveSessionSummary,
  LiveSessionView,
  UpdateLiveSessionBody,
} from './livestream.schemas.ts';
import {
  acceptsLikes,
  canTransition,
  channelOpen,
  eligibleForZone,
  orderChannel,
  SEGMENT_KIND_LABELS,
  SESSION_STATUS_LABELS,
  type SegmentKind,
  type SessionStatus,
  stepSegment,
} from './livestream.state.ts';

export const LIVE_SESSION_TARGET = 'live-session';

export interface SessionServiceDeps {
  db: Db;
  clock: Clock;
  bus: RealtimeBus;
  org: OrgModule;
  employment: EmploymentPort;
  realtime: () => LiveRealtime;
}

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

function card(job: JobSummary, priorityZone: boolean): JobCard {
  return {
    id: job.id,
    employerId: job.employerId,
    employerName: job.employerName,
    title: job.title,
    trade: job.trade,
    city: job.city,
    district: job.district,
    salaryMin: job.salaryMin,
    salaryMax: job.salaryMax,
    headcount: job.headcount,
    placesLeft: job.placesLeft,
    tags: job.tags,
    priorityZone,
  };
}

function segmentView(row: repo.SegmentRow, locale: Locale) {
  const kind = row.kind as SegmentKind;
  return {
    id: row.id,
    position: row.position,
    kind,
    kindLabel: SEGMENT_KIND_LABELS[kind][locale],
    title: row.title,
    employerId: row.employerId,
    jobId: row.jobId,
    plannedMinutes: row.plannedMinutes,
    startedAt: iso(row.startedAt),
  };
}

export function summaryOf(
  row: repo.SessionRow,
  organisers: repo.OrganiserRow[],
  locale: Locale,
): LiveSessionSummary {
  const status = row.status as SessionStatus;
  return {
    id: row.id,
    title: row.title,
    status,
    statusLabel: SESSION_STATUS_LABELS[status][locale],
    organisers: organisers
      .filter((o) => o.sessionId === row.id)
      .map((o) => ({ orgId: o.orgId, name: o.orgName })),
    scheduledStart: row.scheduledStart.toISOString(),
    scheduledEnd: row.scheduledEnd.toISOString(),
    startedAt: iso(row.startedAt),
    endedAt: iso(row.endedAt),
    hasStream: row.streamUrl !== null,
    likes: row.likes,
  };
}

export function createSessionService(deps: SessionServiceDeps) {
  const { db, clock, bus, org, employment } = deps;
  // The likes endpoint takes thousands of taps a second: the session's status is read at most once a second per process.
  const statusCache = new Map<string, { at: number; status: string | undefined }>();

  async function load(executor: Executor, id: string, lock = false) {
    const row = lock ? await repo.lockSession(executor, id) : await repo.findSession(executor, id);
    if (!row) {
      throw new AppError('live/session-not-found');
    }
    const organisers = await repo.organisersOf(executor, [id]);
    return { row, organisers, paths: organisers.map((o) => o.orgPath) };
  }

  async function loadInScope(executor: Executor, scope: Scope, id: string, lock = false) {
    const found = await repo.findSession(executor, id);
    const organisers = found ? await repo.organisersOf(executor, [id]) : undefined;
    assertSessionInScope(
      scope,
      organisers?.map((o) => o.orgPath),
    );
    return load(executor, id, lock);
  }

  /** Organising unions must exist and the caller must reach the host (the first one). */
  async function resolveOrganisers(scope: Scope, orgIds: readonly string[]) {
    const unique = [...new Set(orgIds)];
    const rows: { orgId: string; orgPath: string; orgName: string }[] = [];
    for (const [index, id] of unique.entries()) {
      const found = await org.organisations.lookup(id);
      if (found?.status !== 'active') {
        throw new AppError('org/organisation-not-found', { field: `body.orgIds.${index}` });
      }
      rows.push({ orgId: found.id, orgPath: found.path, orgName: found.name });
    }
    if (!rows[0] || !scopeIncludes(scope, rows[0].orgPath)) {
      throw new AppError('org/organisation-not-found', { field: 'body.orgIds.0' });
    }
    return rows;
  }

  function checkSchedule(start: Date, end: Date): void {
    if (end.getTime() <= start.getTime()) {
      throw new AppError('live/schedule-invalid', { field: 'body.scheduledEnd' });
    }
  }

  async function zoneJobIds(ctx: ServiceContext, zoneId: string | null): Promise<Set<string>> {
    if (!zoneId) {
      return new Set();
    }
    return new Set((await employment.zone(ctx, zoneId))?.jobIds ?? []);
  }

  async function countersOf(row: repo.SessionRow): Promise<Counters> {
    const c = await deps.realtime().counters(row.id);
    return {
      exposures: c?.exposures ?? 0,
      concurrent: row.status === 'live' ? (c?.concurrent ?? 0) : 0,
      peakConcurrent: Math.max(c?.peak ?? 0, row.status === 'live' ? (c?.concurrent ?? 0) : 0),
      likes: c?.likes ?? row.likes,
      applications: c?.applications ?? 0,
    };
  }

  async function view(ctx: ServiceContext, id: string): Promise<LiveSessionView> {
    const { row, organisers } = await load(db, id);
    const segments = await repo.segmentsOf(db, id);
    const jobIds = await repo.jobsOf(db, id);
    const zoneJobs = await zoneJobIds(ctx, row.zoneId);
    const pinned = row.pinnedJobId ? (await employment.jobSummaries(ctx, [row.pinnedJobId]))[0] : undefined;
    const current = segments.find((s) => s.id === row.currentSegmentId);
    const surveys = await repo.surveysOfTarget(db, LIVE_SESSION_TARGET, id);
    return {
      ...summaryOf(row, organisers, ctx.locale),
      description: row.description,
      stream: row.streamUrl
        ? { kind: (row.streamKind ?? 'hls') as 'hls' | 'external', url: row.streamUrl }
        : null,
      replayUrl: row.replayUrl,
      zoneId: row.zoneId,
      segments: segments.map((s) => segmentView(s, ctx.locale)),
      currentSegment: current ? segmentView(current, ctx.locale) : null,
      pinnedJob: pinned ? card(pinned, zoneJobs.has(pinned.id)) : null,
      pinnedAt: iso(row.pinnedAt),
      employerIds: await repo.employersOf(db, id),
      jobCount: jobIds.length,
      channelOpen: channelOpen(row.status as SessionStatus),
      counters: await countersOf(row),
      announcements: (await repo.recentAnnouncements(db, id, 5)).map((a) => ({
        id: a.id,
        text: a.text,
        at: a.createdAt.toISOString(),
      })),
      surveys: surveys
        .filter((s) => s.status !== 'draft')
        .map((s) => ({ id: s.id, title: s.title, status: s.status })),
      events: `/api/v1/live-sessions/${id}/events`,
    };
  }

  async function writeDetails(
    tx: Executor,
    id: string,
    body: Pick<UpdateLiveSessionBody, 'segments' | 'employerIds' | 'jobIds'>,
    currentSegmentId: string | null,
  ): Promise<{ currentSegmentId: string | null } | null> {
    if (body.employerIds) {
      await repo.replaceEmployers(tx, id, [...new Set(body.employerIds)]);
    }
    if (body.jobIds) {
      await repo.replaceJobs(tx, id, [...new Set(body.jobIds)]);
    }
    if (body.segments) {
      await repo.replaceSegments(
        tx,
        id,
        body.segments.map((s) => ({
          id: s.id,
          kind: s.kind,
          title: s.title,
          employerId: s.employerId ?? null,
          jobId: s.jobId ?? null,
          plannedMinutes: s.plannedMinutes ?? null,
        })),
      );
      const kept = body.segments.some((s) => s.id && s.id === currentSegmentId);
      return { currentSegmentId: kept ? currentSegmentId : null };
    }
    return null;
  }

  async function transition(
    ctx: ServiceContext,
    scope: Scope,
    id: string,
    to: SessionStatus,
  ): Promise<LiveSessionView> {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const { row, organisers } = await loadInScope(tx, scope, id, true);
      const from = row.status as SessionStatus;
      if (!canTransition(from, to)) {
        throw new AppError('live/invalid-transition', {
          params: {
            from: SESSION_STATUS_LABELS[from][ctx.locale],
            to: SESSION_STATUS_LABELS[to][ctx.locale],
          },
        });
      }
      const patch: Partial<repo.NewSession> = { status: to, updatedAt: now };
      if (to === 'live') {
        patch.startedAt = now;
        if (!row.currentSegmentId) {
          const first = (await repo.segmentsOf(tx, id))[0];
          if (first) {
            patch.currentSegmentId = first.id;
            await repo.markSegmentStarted(tx, first.id, now);
          }
        }
      }
      if (to === 'ended') {
        patch.endedAt = now;
        patch.pinnedJobId = null;
        patch.pinnedAt = null;
      }
      if (to === 'archived') {
        patch.archivedAt = now;
      }
      await repo.updateSession(tx, id, patch);
      await recordAudit(tx, ctx.audit, {
        action: to === 'archived' ? 'close' : 'update',
        entity: 'live_session',
        entityId: id,
        orgId: organisers[0]?.orgId ?? null,
        orgPath: organisers[0]?.orgPath ?? null,
        before: { status: from },
        after: { status: to },
      });
    });
    statusCache.delete(id);
    if (to === 'ended') {
      await deps.realtime().flushLikes();
    }
    const result = await view(ctx, id);
    await bus.publish(topicOf(id), 'status', {
      status: result.status,
      startedAt: result.startedAt,
      endedAt: result.endedAt,
      currentSegment: result.currentSegment,
    });
    return result;
  }

  /** Livestream's part in each batch of channel applications (see EmploymentPort.apply). */
  const channelHook: ApplyHook<{ afterEnd: boolean }> = {
    async check(tx, items) {
      const states = await repo.channelStates(
        tx,
        [...new Set(items.map((i) => i.source!.ref))],
        [...new Set(items.map((i) => i.jobId))],
      );
      return items.map((item) => {
        const state = states.get(item.source!.ref);
        if (!state) {
          return new AppError('live/session-not-found');
        }
        if (!channelOpen(state.status as SessionStatus)) {
          return new AppError('live/channel-closed');
        }
        if (!state.jobIds.has(item.jobId)) {
          return new AppError('live/job-not-in-session', { field: 'body.jobId' });
        }
        return { afterEnd: state.status === 'ended' };
      });
    },
    async record(tx, items) {
      const written = await repo.insertLiveApplicationsIfOpen(
        tx,
        items.map((i) => ({
          applicationId: i.applicationId,
          sessionId: i.source!.ref,
          jobId: i.jobId,
          employerId: i.employerId,
          accountId: i.accountId,
          afterEnd: i.checked.afterEnd,
          at: i.createdAt,
        })),
      );
      if (written < items.length) {
        // Archived since the check: the batch rolls back and each application is tried alone,
        // where the check gives its own answer.
        throw new AppError('live/channel-closed');
      }
    },
  };

  async function cachedStatus(id: string): Promise<string | undefined> {
    const hit = statusCache.get(id);
    if (hit && Date.now() - hit.at < 1000) {
      return hit.status;
    }
    const status = await repo.statusOf(db, id);
    statusCache.set(id, { at: Date.now(), status });
    if (statusCache.size > 10_000) {
      statusCache.clear();
    }
    return status;
  }

  async function hostStatsOf(ctx: ServiceContext, id: string): Promise<HostStats> {
    const { row } = await load(db, id);
    const counters = await countersOf(row);
    const raw = await deps.realtime().counters(id);
    const jobIds = await repo.jobsOf(db, id);
    const jobs = await employment.jobSummaries(ctx, jobIds);
    const byJob = new Map((await repo.applicationsByJob(db, id)).map((r) => [r.jobId, r.n]));
    const opens = new Map((await repo.jobOpensByJob(db, id)).map((r) => [r.jobId, r.n]));
    const hires = await hiresOf(id);
    return {
      ...counters,
      status: row.status as SessionStatus,
      jobOpens: raw?.jobOpens ?? 0,
      funnel: {
        views: counters.exposures,
        jobOpens: raw?.openers ?? 0,
        applications: counters.applications,
        hires: [...hires.values()].reduce((a, b) => a + b, 0),
      },
      jobs: jobs.map((j) => ({
        jobId: j.id,
        title: j.title,
        employerName: j.employerName,
        opens: opens.get(j.id) ?? 0,
        applications: byJob.get(j.id) ?? 0,
        hires: hires.get(j.id) ?? 0,
      })),
    };
  }

  // Hires change slowly and cost one board read per job: kept for 10 s per session.
  const hireCache = new Map<string, { at: number; value: Map<string, number> }>();
  async function hiresOf(sessionId: string): Promise<Map<string, number>> {
    const hit = hireCache.get(sessionId);
    if (hit && Date.now() - hit.at < 10_000) {
      return hit.value;
    }
    const apps = await repo.liveApplicationsOf(db, sessionId);
    const jobIds = [...new Set(apps.map((a) => a.jobId))];
    const statuses = await employment.applicationStatuses(
      jobIds,
      apps.map((a) => a.applicationId),
    );
    const value = new Map<string, number>();
    for (const a of apps) {
      if (isHire(statuses.get(a.applicationId))) {
        value.set(a.jobId, (value.get(a.jobId) ?? 0) + 1);
      }
    }
    hireCache.set(sessionId, { at: Date.now(), value });
    return value;
  }

  return {
    view,
    load: (id: string) => load(db, id),
    loadInScope: (scope: Scope, id: string) => loadInScope(db, scope, id),
    hostStatsOf,
    hiresOf,

    async list(
      ctx: ServiceContext,
      query: {
        status?: SessionStatus | undefined;
        q?: string | undefined;
        mine?: 'true' | 'false' | undefined;
        limit: number;
        cursor?: string | undefined;
      },
    ) {
      const mine = query.mine === 'true';
      const scope = mine ? resolveScope(ctx.actor?.grants ?? [], 'live:host') : null;
      if (mine && !ctx.actor) {
        throw new AppError('auth/unauthenticated');
      }
      const rows = await repo.listSessions(
        db,
        { status: query.status, q: query.q, scope, includeArchived: mine },
        { limit: query.limit, cursor: decodeCursor(query.cursor) },
      );
      const organisers = await repo.organisersOf(
        db,
        rows.map((r) => r.id),
      );
      // Live sessions first on a page: that is what a viewer opens the list for.
      const page = pageOf(rows, query.limit, (r) => ({ key: r.scheduledStart.toISOString(), id: r.id }));
      const items = page.items
        .map((r) => summaryOf(r, organisers, ctx.locale))
        .sort((a, b) => Number(b.status === 'live') - Number(a.status === 'live'));
      return { items, nextCursor: page.nextCursor };
    },

    async create(ctx: ServiceContext, scope: Scope, body: CreateLiveSessionBody): Promise<LiveSessionView> {
      const organisers = await resolveOrganisers(scope, body.orgIds);
      const start = new Date(body.scheduledStart);
      const end = new Date(body.scheduledEnd);
      checkSchedule(start, end);
      const now = clock.now();
      const host = organisers[0]!;
      const id = await db.transaction(async (tx) => {
        const sessionId = await repo.insertSession(tx, {
          orgId: host.orgId,
          orgPath: host.orgPath,
          title: body.title,
          description: body.description,
          status: 'scheduled',
          scheduledStart: start,
          scheduledEnd: end,
          streamKind: body.stream?.kind ?? null,
          streamUrl: body.stream?.url ?? null,
          replayUrl: body.replayUrl,
          zoneId: body.zoneId,
          createdBy: ctx.audit.accountId,
          createdAt: now,
          updatedAt: now,
        });
        await repo.replaceOrganisers(tx, sessionId, organisers);
        await writeDetails(tx, sessionId, body, null);
        await recordAudit(tx, ctx.audit, {
          action: 'create',
          entity: 'live_session',
          entityId: sessionId,
          orgId: host.orgId,
          orgPath: host.orgPath,
          after: {
            title: body.title,
            organisers: organisers.map((o) => o.orgName),
            jobs: body.jobIds.length,
          },
        });
        return sessionId;
      });
      return view(ctx, id);
    },

    async update(
      ctx: ServiceContext,
      scope: Scope,
      id: string,
      body: UpdateLiveSessionBody,
    ): Promise<LiveSessionView> {
      const organisers = body.orgIds ? await resolveOrganisers(scope, body.orgIds) : null;
      await db.transaction(async (tx) => {
        const { row, organisers: before } = await loadInScope(tx, scope, id, true);
        if (row.status === 'archived') {
          throw new AppError('live/channel-closed');
        }
        const start = body.scheduledStart ? new Date(body.scheduledStart) : row.scheduledStart;
        const end = body.scheduledEnd ? new Date(body.scheduledEnd) : row.scheduledEnd;
        checkSchedule(start, end);
        const patch: Partial<repo.NewSession> = {
          scheduledStart: start,
          scheduledEnd: end,
          updatedAt: clock.now(),
        };
        if (body.title !== undefined) {
          patch.title = body.title;
        }
        if (body.description !== undefined) {
          patch.description = body.description;
        }
        if (body.stream !== undefined) {
          patch.streamKind = body.stream?.kind ?? null;
          patch.streamUrl = body.stream?.url ?? null;
        }
        if (body.replayUrl !== undefined) {
          patch.replayUrl = body.replayUrl;
        }
        if (body.zoneId !== undefined) {
          patch.zoneId = body.zoneId;
        }
        if (organisers) {
          patch.orgId = organisers[0]!.orgId;
          patch.orgPath = organisers[0]!.orgPath;
          await repo.replaceOrganisers(tx, id, organisers);
        }
        const details = await writeDetails(tx, id, body, row.currentSegmentId);
        if (details) {
          patch.currentSegmentId = details.currentSegmentId;
        }
        await repo.updateSession(tx, id, patch);
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'live_session',
          entityId: id,
          orgId: before[0]?.orgId ?? null,
          orgPath: before[0]?.orgPath ?? null,
          after: { fields: Object.keys(body) },
        });
      });
      return view(ctx, id);
    },

    start: (ctx: ServiceContext, scope: Scope, id: string) => transition(ctx, scope, id, 'live'),
    end: (ctx: ServiceContext, scope: Scope, id: string) => transition(ctx, scope, id, 'ended'),
    archive: (ctx: ServiceContext, scope: Scope, id: string) => transition(ctx, scope, id, 'archived'),

    /** Moves the rundown to a segment, or one step forward or back. */
    async moveSegment(
      ctx: ServiceContext,
      scope: Scope,
      id: string,
      target: { segmentId?: string | undefined; move?: 'next' | 'previous' | undefined },
    ) {
      const now = clock.now();
      const segment = await db.transaction(async (tx) => {
        const { row, organisers } = await loadInScope(tx, scope, id, true);
        if (row.status !== 'live') {
          throw new AppError('live/not-live');
        }
        const segments = await repo.segmentsOf(tx, id);
        const next = target.segmentId
          ? segments.find((s) => s.id === target.segmentId)
          : stepSegment(segments, row.currentSegmentId, target.move ?? 'next');
        if (!next) {
          if (target.segmentId) {
            throw new AppError('live/segment-not-found', { field: 'body.segmentId' });
          }
          throw new AppError('live/end-of-rundown', {
            params: {
              edge:
                target.move === 'previous'
                  ? ctx.locale === 'en'
                    ? 'first'
                    : '第'
                  : ctx.locale === 'en'
                    ? 'last'
                    : '最后',
            },
          });
        }
        await repo.updateSession(tx, id, { currentSegmentId: next.id, updatedAt: now });
        await repo.markSegmentStarted(tx, next.id, now);
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'live_session',
          entityId: id,
          orgId: organisers[0]?.orgId ?? null,
          orgPath: organisers[0]?.orgPath ?? null,
          detail: `segment ${next.position + 1}: ${next.title}`,
        });
        return { ...next, startedAt: next.startedAt ?? now };
      });
      const current = segmentView(segment, ctx.locale);
      await bus.publish(topicOf(id), 'segment', { currentSegment: current });
      return { currentSegment: current };
    },

    /** Pins the job being presented; every viewer's stream carries it within a second. */
    async pin(ctx: ServiceContext, scope: Scope, id: string, jobId: string | null) {
      const now = clock.now();
      let pinned: JobCard | null = null;
      const { row, organisers } = await loadInScope(db, scope, id);
      if (row.status !== 'live') {
        throw new AppError('live/not-live');
      }
      if (jobId) {
        if (!(await repo.sessionHasJob(db, id, jobId))) {
          throw new AppError('live/job-not-in-session', { field: 'body.jobId' });
        }
        const job = (await employment.jobSummaries(ctx, [jobId]))[0];
        if (!job) {
          throw new AppError('live/job-not-in-session', { field: 'body.jobId' });
        }
        pinned = card(job, (await zoneJobIds(ctx, row.zoneId)).has(jobId));
      }
      await db.transaction(async (tx) => {
        await repo.updateSession(tx, id, {
          pinnedJobId: jobId,
          pinnedAt: jobId ? now : null,
          updatedAt: now,
        });
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'live_session',
          entityId: id,
          orgId: organisers[0]?.orgId ?? null,
          orgPath: organisers[0]?.orgPath ?? null,
          detail: jobId ? `pin ${jobId}` : 'unpin',
        });
      });
      const result = { pinnedJob: pinned, pinnedAt: jobId ? now.toISOString() : null };
      await bus.publish(topicOf(id), 'pin', result);
      return result;
    },

    async announce(ctx: ServiceContext, scope: Scope, id: string, text: string) {
      const { row, organisers } = await loadInScope(db, scope, id);
      if (row.status === 'archived') {
        throw new AppError('live/channel-closed');
      }
      const created = await db.transaction(async (tx) => {
        const a = await repo.insertAnnouncement(tx, {
          sessionId: id,
          text,
          createdBy: ctx.audit.accountId,
          createdAt: clock.now(),
        });
        await recordAudit(tx, ctx.audit, {
          action: 'create',
          entity: 'live_announcement',
          entityId: a.id,
          orgId: organisers[0]?.orgId ?? null,
          orgPath: organisers[0]?.orgPath ?? null,
          after: { text },
        });
        return a;
      });
      const result = { id: created.id, text: created.text, at: created.createdAt.toISOString() };
      await bus.publish(topicOf(id), 'announcement', result);
      return result;
    },

    /** The job channel: the session's jobs, priority-zone jobs first for eligible viewers. */
    async channel(ctx: ServiceContext, id: string) {
      const { row } = await load(db, id);
      const jobs = await employment.jobSummaries(ctx, await repo.jobsOf(db, id));
      const order = new Map((await repo.jobsOf(db, id)).map((j, i) => [j, i]));
      jobs.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      const zone = row.zoneId ? await employment.zone(ctx, row.zoneId) : null;
      const eligible =
        zone && ctx.actor ? eligibleForZone(await employment.viewerProvince(ctx), zone.provinces) : false;
      const applied = ctx.actor ? await repo.jobsAppliedBy(db, id, ctx.actor.accountId) : [];
      return {
        sessionId: id,
        status: row.status as SessionStatus,
        channelOpen: channelOpen(row.status as SessionStatus),
        zone: zone ? { id: zone.id, name: zone.name, provinces: zone.provinces } : null,
        eligibleForZone: eligible,
        appliedJobIds: applied,
        items: orderChannel(
          jobs.map((j) => card(j, false)),
          new Set(zone?.jobIds ?? []),
          eligible,
        ),
      };
    },

    /**
     * One-tap apply from the channel; the session is recorded as the source. Works after the end.
     * One transaction (shared with the other applications of its group commit): employment's
     * application and this module's record of it commit together.
     */
    async apply(ctx: ServiceContext, id: string, jobId: string) {
      if (!ctx.actor) {
        throw new AppError('auth/unauthenticated');
      }
      // A cheap early answer for a closed channel (status read at most once a second per process);
      // the check inside the transaction is what decides.
      const cached = (await cachedStatus(id)) as SessionStatus | undefined;
      if (!cached) {
        throw new AppError('live/session-not-found');
      }
      if (!channelOpen(cached)) {
        throw new AppError('live/channel-closed');
      }
      const application = await employment.apply(ctx, jobId, {
        source: { kind: LIVE_SESSION_TARGET, ref: id },
        hook: channelHook,
      });
      return {
        applicationId: application.id,
        sessionId: id,
        jobId,
        status: application.status,
        afterEnd: application.checked.afterEnd,
        createdAt: application.createdAt,
      };
    },

    /**
     * A tap (or a batch of taps) on the like button. Group commit: the taps of a few milliseconds
     * go to the database in one UPDATE, and this resolves once it has committed — an
     * acknowledged like is durable, as every other acknowledged write.
     */
    async like(id: string, count: number): Promise<{ accepted: number }> {
      const status = (await cachedStatus(id)) as SessionStatus | undefined;
      if (!status) {
        throw new AppError('live/session-not-found');
      }
      if (!acceptsLikes(status)) {
        throw new AppError('live/not-live');
      }
      await deps.realtime().like(id, count);
      return { accepted: count };
    },

    async jobOpen(_ctx: ServiceContext, id: string, jobId: string, viewerKey: string) {
      if (!(await repo.statusOf(db, id))) {
        throw new AppError('live/session-not-found');
      }
      if (!(await repo.sessionHasJob(db, id, jobId))) {
        throw new AppError('live/job-not-in-session', { field: 'body.jobId' });
      }
      await repo.recordJobOpen(db, { sessionId: id, jobId, viewerKey, at: clock.now() });
      return { recorded: true as const };
    },

    /** What a stream sends first: the state a newcomer needs to draw the page. */
    async snapshot(ctx: ServiceContext, id: string) {
      const v = await view(ctx, id);
      return {
        status: v.status,
        currentSegment: v.currentSegment,
        pinnedJob: v.pinnedJob,
        pinnedAt: v.pinnedAt,
        counters: v.counters,
        announcements: v.announcements,
      };
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;

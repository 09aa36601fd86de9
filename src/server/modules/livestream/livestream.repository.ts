import { and, asc, desc, eq, gt, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Scope } from '../../platform/auth/scope.ts';
import { type Executor, pgArray, queryRows } from '../../platform/db/database.ts';
import { escapeLike, inScope, qualified } from '../../platform/db/scope-sql.ts';
import type { Cursor } from '../../platform/http/pagination.ts';
import {
  liveAnnouncements,
  liveApplications,
  liveGroupMessages,
  liveGroupSanctions,
  liveJobOpens,
  liveMessageReports,
  liveSegments,
  liveSessionEmployers,
  liveSessionJobs,
  liveSessionOrganisers,
  liveSessions,
  liveViewers,
  surveyResponses,
  surveys,
} from './livestream.tables.ts';

export type SessionRow = typeof liveSessions.$inferSelect;
export type NewSession = typeof liveSessions.$inferInsert;
export type SegmentRow = typeof liveSegments.$inferSelect;
export type OrganiserRow = typeof liveSessionOrganisers.$inferSelect;
export type MessageRow = typeof liveGroupMessages.$inferSelect;
export type SanctionRow = typeof liveGroupSanctions.$inferSelect;
export type SurveyRow = typeof surveys.$inferSelect;
export type ResponseRow = typeof surveyResponses.$inferSelect;

// ── sessions ─────────────────────────────────────────────────────────────────

export async function insertSession(executor: Executor, values: NewSession): Promise<string> {
  const rows = await executor.insert(liveSessions).values(values).returning({ id: liveSessions.id });
  return rows[0]!.id;
}

export async function updateSession(
  executor: Executor,
  id: string,
  patch: Partial<NewSession>,
): Promise<void> {
  await executor.update(liveSessions).set(patch).where(eq(liveSessions.id, id));
}

export async function findSession(executor: Executor, id: string): Promise<SessionRow | undefined> {
  const rows = await executor.select().from(liveSessions).where(eq(liveSessions.id, id)).limit(1);
  return rows[0];
}

export async function lockSession(executor: Executor, id: string): Promise<SessionRow | undefined> {
  const rows = await executor
    .select()
    .from(liveSessions)
    .where(eq(liveSessions.id, id))
    .for('update')
    .limit(1);
  return rows[0];
}

export async function statusOf(executor: Executor, id: string): Promise<string | undefined> {
  const rows = await executor
    .select({ status: liveSessions.status })
    .from(liveSessions)
    .where(eq(liveSessions.id, id))
    .limit(1);
  return rows[0]?.status;
}

/** Sessions by status and keyword; `scope` limits to sessions one of whose organisers lies in it. */
export function listSessions(
  executor: Executor,
  filter: {
    status?: string | undefined;
    q?: string | undefined;
    scope?: Scope | null;
    includeArchived: boolean;
  },
  page: { limit: number; cursor: Cursor | null },
) {
  const conditions: SQL[] = [];
  if (filter.status) {
    conditions.push(eq(liveSessions.status, filter.status));
  } else if (!filter.includeArchived) {
    conditions.push(sql`${liveSessions.status} <> 'archived'`);
  }
  if (filter.q) {
    conditions.push(sql`${liveSessions.title} ilike ${`%${escapeLike(filter.q)}%`}`);
  }
  if (filter.scope) {
    conditions.push(
      sql`exists (select 1 from ${liveSessionOrganisers} o where o.session_id = ${qualified('live_sessions', 'id')} and ${inScope(sql`o.org_path`, filter.scope)})`,
    );
  }
  if (page.cursor) {
    const at = new Date(page.cursor.key);
    conditions.push(
      or(
        lt(liveSessions.scheduledStart, at),
        and(eq(liveSessions.scheduledStart, at), lt(liveSessions.id, page.cursor.id)),
      )!,
    );
  }
  return executor
    .select()
    .from(liveSessions)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(liveSessions.scheduledStart), desc(liveSessions.id))
    .limit(page.limit + 1);
}

export function organisersOf(executor: Executor, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) {
    return Promise.resolve([] as OrganiserRow[]);
  }
  return executor
    .select()
    .from(liveSessionOrganisers)
    .where(inArray(liveSessionOrganisers.sessionId, [...sessionIds]))
    .orderBy(asc(liveSessionOrganisers.position));
}

export async function replaceOrganisers(
  executor: Executor,
  sessionId: string,
  rows: { orgId: string; orgPath: string; orgName: string }[],
): Promise<void> {
  await executor.delete(liveSessionOrganisers).where(eq(liveSessionOrganisers.sessionId, sessionId));
  if (rows.length) {
    await executor
      .insert(liveSessionOrganisers)
      .values(rows.map((r, position) => ({ ...r, sessionId, position })));
  }
}

export function segmentsOf(executor: Executor, sessionId: string) {
  return executor
    .select()
    .from(liveSegments)
    .where(eq(liveSegments.sessionId, sessionId))
    .orderBy(asc(liveSegments.position));
}

export async function replaceSegments(
  executor: Executor,
  sessionId: string,
  rows: {
    id?: string | undefined;
    kind: string;
    title: string;
    employerId: string | null;
    jobId: string | null;
    plannedMinutes: number | null;
  }[],
): Promise<void> {
  await executor.delete(liveSegments).where(eq(liveSegments.sessionId, sessionId));
  if (rows.length) {
    await executor
      .insert(liveSegments)
      .values(rows.map(({ id, ...r }, position) => ({ ...r, ...(id ? { id } : {}), sessionId, position })));
  }
}

export async function markSegmentStarted(executor: Executor, segmentId: string, at: Date): Promise<void> {
  await executor
    .update(liveSegments)
    .set({ startedAt: at })
    .where(and(eq(liveSegments.id, segmentId), sql`${liveSegments.startedAt} is null`));
}

export async function employersOf(executor: Executor, sessionId: string): Promise<string[]> {
  const rows = await executor
    .select({ id: liveSessionEmployers.employerId })
    .from(liveSessionEmployers)
    .where(eq(liveSessionEmployers.sessionId, sessionId))
    .orderBy(asc(liveSessionEmployers.position));
  return rows.map((r) => r.id);
}

export async function replaceEmployers(executor: Executor, sessionId: string, ids: string[]): Promise<void> {
  await executor.delete(liveSessionEmployers).where(eq(liveSessionEmployers.sessionId, sessionId));
  if (ids.length) {
    await executor
      .insert(liveSessionEmployers)
      .values(ids.map((employerId, position) => ({ sessionId, employerId, position })));
  }
}

export async function jobsOf(executor: Executor, sessionId: string): Promise<string[]> {
  const rows = await executor
    .select({ id: liveSessionJobs.jobId })
    .from(liveSessionJobs)
    .where(eq(liveSessionJobs.sessionId, sessionId))
    .orderBy(asc(liveSessionJobs.position));
  return rows.map((r) => r.id);
}

export async function sessionHasJob(executor: Executor, sessionId: string, jobId: string): Promise<boolean> {
  const rows = await executor
    .select({ id: liveSessionJobs.jobId })
    .from(liveSessionJobs)
    .where(and(eq(liveSessionJobs.sessionId, sessionId), eq(liveSessionJobs.jobId, jobId)))
    .limit(1);
  return rows.length > 0;
}

export async function replaceJobs(executor: Executor, sessionId: string, ids: string[]): Promise<void> {
  await executor.delete(liveSessionJobs).where(eq(liveSessionJobs.sessionId, sessionId));
  if (ids.length) {
    await executor
      .insert(liveSessionJobs)
      .values(ids.map((jobId, position) => ({ sessionId, jobId, position })));
  }
}

// ── counters ─────────────────────────────────────────────────────────────────

/** One statement per flush, whatever the number of taps and sessions it carries. */
export async function addLikes(
  executor: Executor,
  batch: readonly { sessionId: string; n: number }[],
): Promise<void> {
  if (batch.length === 0) {
    return;
  }
  if (batch.length === 1) {
    await executor
      .update(liveSessions)
      .set({ likes: sql`${liveSessions.likes} + ${batch[0]!.n}` })
      .where(eq(liveSessions.id, batch[0]!.sessionId));
    return;
  }
  await executor.execute(
    sql`update ${liveSessions} s set likes = s.likes + v.n
        from unnest(${pgArray(batch.map((b) => b.sessionId))}::uuid[], ${pgArray(batch.map((b) => b.n))}::bigint[]) as v(id, n)
        where s.id = v.id`,
  );
}

export async function touchViewer(
  executor: Executor,
  values: { sessionId: string; viewerKey: string; accountId: string | null; at: Date },
): Promise<void> {
  await executor
    .insert(liveViewers)
    .values({
      sessionId: values.sessionId,
      viewerKey: values.viewerKey,
      accountId: values.accountId,
      firstSeen: values.at,
      lastSeen: values.at,
    })
    .onConflictDoUpdate({
      target: [liveViewers.sessionId, liveViewers.viewerKey],
      set: { lastSeen: values.at },
    });
}

export async function refreshViewers(
  executor: Executor,
  sessionId: string,
  keys: readonly string[],
  at: Date,
): Promise<void> {
  if (keys.length === 0) {
    return;
  }
  await executor
    .update(liveViewers)
    .set({ lastSeen: at })
    .where(and(eq(liveViewers.sessionId, sessionId), inArray(liveViewers.viewerKey, [...keys])));
}

export async function forgetViewers(
  executor: Executor,
  sessionId: string,
  keys: readonly string[],
  at: Date,
): Promise<void> {
  if (keys.length === 0) {
    return;
  }
  await executor
    .update(liveViewers)
    .set({ lastSeen: at })
    .where(
      and(
        eq(liveViewers.sessionId, sessionId),
        inArray(liveViewers.viewerKey, [...keys]),
        gt(liveViewers.lastSeen, at),
      ),
    );
}

export interface CounterRow {
  status: string;
  likes: number;
  peak: number;
  exposures: number;
  concurrent: number;
  applications: number;
  jobOpens: number;
  openers: number;
}

/** Every live figure of a session in one round trip, read by whichever process asks. */
export async function counters(
  executor: Executor,
  sessionId: string,
  presentSince: Date,
): Promise<CounterRow | undefined> {
  const rows = await queryRows<CounterRow>(
    executor,
    sql`select s.status,
      s.likes::int as "likes",
      s.peak_viewers as "peak",
      (select count(*)::int from ${liveViewers} v where v.session_id = s.id) as "exposures",
      (select count(*)::int from ${liveViewers} v where v.session_id = s.id and v.last_seen > ${presentSince.toISOString()}::timestamptz) as "concurrent",
      (select count(*)::int from ${liveApplications} a where a.session_id = s.id) as "applications",
      (select count(*)::int from ${liveJobOpens} o where o.session_id = s.id) as "jobOpens",
      (select count(distinct o.viewer_key)::int from ${liveJobOpens} o where o.session_id = s.id) as "openers"
    from ${liveSessions} s where s.id = ${sessionId}`,
  );
  return rows[0];
}

export async function raisePeak(executor: Executor, sessionId: string, n: number): Promise<void> {
  await executor
    .update(liveSessions)
    .set({ peakViewers: n })
    .where(and(eq(liveSessions.id, sessionId), lt(liveSessions.peakViewers, n)));
}

export async function recordJobOpen(
  executor: Executor,
  values: { sessionId: string; jobId: string; viewerKey: string; at: Date },
): Promise<void> {
  await executor.insert(liveJobOpens).values(values).onConflictDoNothing();
}

export async function insertLiveApplication(
  executor: Executor,
  values: typeof liveApplications.$inferInsert,
): Promise<void> {
  await executor.insert(liveApplications).values(values).onConflictDoNothing();
}

/**
 * Records an application made through a session's channel, in one statement that also checks
 * the channel is open and the job belongs to the session (at the time of the write, not of an
 * earlier read). Returns whether the application came after the end, or undefined when refused.
 */
/**
 * What applying from a channel needs to know, for a batch: each session's status and which of
 * the asked jobs it holds.
 */
export async function channelStates(
  executor: Executor,
  sessionIds: string[],
  jobIds: string[],
): Promise<Map<string, { status: string; jobIds: Set<string> }>> {
  const rows = await queryRows<{ id: string; status: string; jobId: string | null }>(
    executor,
    sql`select s.id, s.status, j.job_id as "jobId"
        from ${liveSessions} s
        left join ${liveSessionJobs} j on j.session_id = s.id and j.job_id = any(${pgArray(jobIds)}::uuid[])
        where s.id = any(${pgArray(sessionIds)}::uuid[])`,
  );
  const states = new Map<string, { status: string; jobIds: Set<string> }>();
  for (const row of rows) {
    const state = states.get(row.id) ?? { status: row.status, jobIds: new Set<string>() };
    if (row.jobId) {
      state.jobIds.add(row.jobId);
    }
    states.set(row.id, state);
  }
  return states;
}

/**
 * Records live applications, each only if its session is not archived and holds the job (the
 * statement is the last word on a session archived since the check). Returns how many were written.
 */
export async function insertLiveApplicationsIfOpen(
  executor: Executor,
  rows: {
    applicationId: string;
    sessionId: string;
    jobId: string;
    employerId: string;
    accountId: string;
    afterEnd: boolean;
    at: Date;
  }[],
): Promise<number> {
  if (rows.length === 0) {
    return 0;
  }
  const written = await queryRows<{ applicationId: string }>(
    executor,
    sql`insert into ${liveApplications} (application_id, session_id, job_id, employer_id, account_id, after_end, created_at)
        select v.application_id, v.session_id, v.job_id, v.employer_id, v.account_id, v.after_end, v.created_at
        from unnest(${pgArray(rows.map((r) => r.applicationId))}::uuid[], ${pgArray(rows.map((r) => r.sessionId))}::uuid[],
                    ${pgArray(rows.map((r) => r.jobId))}::uuid[], ${pgArray(rows.map((r) => r.employerId))}::uuid[],
                    ${pgArray(rows.map((r) => r.accountId))}::uuid[], ${pgArray(rows.map((r) => r.afterEnd))}::boolean[],
                    ${pgArray(rows.map((r) => r.at.toISOString()))}::timestamptz[])
               as v(application_id, session_id, job_id, employer_id, account_id, after_end, created_at)
        join ${liveSessions} s on s.id = v.session_id and s.status <> 'archived'
        where exists (select 1 from ${liveSessionJobs} j where j.session_id = v.session_id and j.job_id = v.job_id)
        returning application_id as "applicationId"`,
  );
  return written.length;
}

export function liveApplicationsOf(executor: Executor, sessionId: string) {
  return executor
    .select({
      applicationId: liveApplications.applicationId,
      jobId: liveApplications.jobId,
      employerId: liveApplications.employerId,
      afterEnd: liveApplications.afterEnd,
    })
    .from(liveApplications)
    .where(eq(liveApplications.sessionId, sessionId));
}

export async function jobsAppliedBy(
  executor: Executor,
  sessionId: string,
  accountId: string,
): Promise<string[]> {
  const rows = await executor
    .select({ jobId: liveApplications.jobId })
    .from(liveApplications)
    .where(and(eq(liveApplications.sessionId, sessionId), eq(liveApplications.accountId, accountId)));
  return [...new Set(rows.map((r) => r.jobId))];
}

export function applicationsByJob(executor: Executor, sessionId: string) {
  return executor
    .select({ jobId: liveApplications.jobId, n: sql<number>`count(*)::int` })
    .from(liveApplications)
    .where(eq(liveApplications.sessionId, sessionId))
    .groupBy(liveApplications.jobId);
}

export function jobOpensByJob(executor: Executor, sessionId: string) {
  return executor
    .select({ jobId: liveJobOpens.jobId, n: sql<number>`count(*)::int` })
    .from(liveJobOpens)
    .where(eq(liveJobOpens.sessionId, sessionId))
    .groupBy(liveJobOpens.jobId);
}

/** Demo data: a past session's audience, one row per viewer, written in one statement. */
export async function insertSyntheticViewers(
  executor: Executor,
  sessionId: string,
  count: number,
  from: Date,
  to: Date,
): Promise<void> {
  await executor.execute(sql`insert into ${liveViewers} (session_id, viewer_key, account_id, first_seen, last_seen)
    select ${sessionId}::uuid, 'demo:' || g, null,
      ${from.toISOString()}::timestamptz + (random() * (${to.toISOString()}::timestamptz - ${from.toISOString()}::timestamptz)),
      ${to.toISOString()}::timestamptz
    from generate_series(1, ${count}) g`);
}

export async function insertSyntheticJobOpens(
  executor: Executor,
  sessionId: string,
  jobIds: readonly string[],
  count: number,
  at: Date,
): Promise<void> {
  if (jobIds.length === 0) {
    return;
  }
  await executor.execute(sql`insert into ${liveJobOpens} (session_id, job_id, viewer_key, at)
    select ${sessionId}::uuid, (array[${sql.join(
      jobIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}])[1 + (g % ${jobIds.length})],
      'demo:' || g, ${at.toISOString()}::timestamptz
    from generate_series(1, ${count}) g on conflict do nothing`);
}

// ── announcements ────────────────────────────────────────────────────────────

export async function insertAnnouncement(
  executor: Executor,
  values: { sessionId: string; text: string; createdBy: string | null; createdAt: Date },
) {
  const rows = await executor.insert(liveAnnouncements).values(values).returning();
  return rows[0]!;
}

export function recentAnnouncements(executor: Executor, sessionId: string, limit: number) {
  return executor
    .select()
    .from(liveAnnouncements)
    .where(eq(liveAnnouncements.sessionId, sessionId))
    .orderBy(desc(liveAnnouncements.createdAt))
    .limit(limit);
}

// ── service group ────────────────────────────────────────────────────────────

/**
 * Serialises one account's posts (any process): the rate-limit count and the insert happen
 * under a transaction-scoped advisory lock, so five quick taps cannot all see "four sent".
 */
export async function lockAuthor(executor: Executor, accountId: string): Promise<void> {
  await executor.execute(sql`select pg_advisory_xact_lock(hashtext(${`live-group:${accountId}`}))`);
}

export async function countRecentMessages(
  executor: Executor,
  sessionId: string,
  accountId: string,
  since: Date,
): Promise<number> {
  const rows = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(liveGroupMessages)
    .where(
      and(
        eq(liveGroupMessages.sessionId, sessionId),
        eq(liveGroupMessages.accountId, accountId),
        gt(liveGroupMessages.createdAt, since),
      ),
    );
  return rows[0]?.n ?? 0;
}

export async function insertMessage(executor: Executor, values: typeof liveGroupMessages.$inferInsert) {
  const rows = await executor.insert(liveGroupMessages).values(values).returning();
  return rows[0]!;
}

export async function findMessage(executor: Executor, id: string): Promise<MessageRow | undefined> {
  const rows = await executor.select().from(liveGroupMessages).where(eq(liveGroupMessages.id, id)).limit(1);
  return rows[0];
}

export async function updateMessage(
  executor: Executor,
  id: string,
  patch: Partial<typeof liveGroupMessages.$inferInsert>,
): Promise<void> {
  await executor.update(liveGroupMessages).set(patch).where(eq(liveGroupMessages.id, id));
}

export function listMessages(
  executor: Executor,
  sessionId: string,
  options: { before: Cursor | null; limit: number; includeRemoved: boolean; reportedOnly: boolean },
) {
  const conditions: SQL[] = [eq(liveGroupMessages.sessionId, sessionId)];
  if (!options.includeRemoved) {
    conditions.push(eq(liveGroupMessages.status, 'visible'));
  }
  if (options.reportedOnly) {
    conditions.push(gt(liveGroupMessages.reports, 0));
  }
  if (options.before) {
    const at = new Date(options.before.key);
    conditions.push(
      or(
        lt(liveGroupMessages.createdAt, at),
        and(eq(liveGroupMessages.createdAt, at), lt(liveGroupMessages.id, options.before.id)),
      )!,
    );
  }
  return executor
    .select()
    .from(liveGroupMessages)
    .where(and(...conditions))
    .orderBy(desc(liveGroupMessages.createdAt), desc(liveGroupMessages.id))
    .limit(options.limit + 1);
}

export function pinnedMessages(executor: Executor, sessionId: string) {
  return executor
    .select()
    .from(liveGroupMessages)
    .where(
      and(
        eq(liveGroupMessages.sessionId, sessionId),
        eq(liveGroupMessages.pinned, true),
        eq(liveGroupMessages.status, 'visible'),
      ),
    )
    .orderBy(desc(liveGroupMessages.createdAt))
    .limit(10);
}

export async function sanctionOf(
  executor: Executor,
  sessionId: string,
  accountId: string,
): Promise<SanctionRow | undefined> {
  const rows = await executor
    .select()
    .from(liveGroupSanctions)
    .where(and(eq(liveGroupSanctions.sessionId, sessionId), eq(liveGroupSanctions.accountId, accountId)))
    .limit(1);
  return rows[0];
}

export async function putSanction(
  executor: Executor,
  values: typeof liveGroupSanctions.$inferInsert,
): Promise<void> {
  await executor
    .insert(liveGroupSanctions)
    .values(values)
    .onConflictDoUpdate({
      target: [liveGroupSanctions.sessionId, liveGroupSanctions.accountId],
      set: {
        kind: values.kind,
        until: values.until ?? null,
        reason: values.reason ?? null,
        createdBy: values.createdBy ?? null,
        createdAt: values.createdAt,
      },
    });
}

export function sanctionsOf(executor: Executor, sessionId: string) {
  return executor
    .select()
    .from(liveGroupSanctions)
    .where(eq(liveGroupSanctions.sessionId, sessionId))
    .orderBy(desc(liveGroupSanctions.createdAt));
}

export async function liftSanction(executor: Executor, sessionId: string, accountId: string): Promise<void> {
  await executor
    .delete(liveGroupSanctions)
    .where(and(eq(liveGroupSanctions.sessionId, sessionId), eq(liveGroupSanctions.accountId, accountId)));
}

export async function insertReport(
  executor: Executor,
  values: { messageId: string; accountId: string; reason: string; createdAt: Date },
): Promise<boolean> {
  const rows = await executor
    .insert(liveMessageReports)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: liveMessageReports.messageId });
  if (rows.length === 0) {
    return false;
  }
  await executor
    .update(liveGroupMessages)
    .set({ reports: sql`${liveGroupMessages.reports} + 1` })
    .where(eq(liveGroupMessages.id, values.messageId));
  return true;
}

// ── surveys ──────────────────────────────────────────────────────────────────

export async function insertSurvey(executor: Executor, values: typeof surveys.$inferInsert): Promise<string> {
  const rows = await executor.insert(surveys).values(values).returning({ id: surveys.id });
  return rows[0]!.id;
}

export async function updateSurvey(
  executor: Executor,
  id: string,
  patch: Partial<typeof surveys.$inferInsert>,
): Promise<void> {
  await executor.update(surveys).set(patch).where(eq(surveys.id, id));
}

export async function findSurvey(executor: Executor, id: string): Promise<SurveyRow | undefined> {
  const rows = await executor.select().from(surveys).where(eq(surveys.id, id)).limit(1);
  return rows[0];
}

export async function lockSurvey(executor: Executor, id: string): Promise<SurveyRow | undefined> {
  const rows = await executor.select().from(surveys).where(eq(surveys.id, id)).for('update').limit(1);
  return rows[0];
}

export function listSurveys(
  executor: Executor,
  scope: Scope,
  filter: { targetType?: string | undefined; targetId?: string | undefined },
) {
  const conditions: SQL[] = [inScope(surveys.orgPath, scope)];
  if (filter.targetType) {
    conditions.push(eq(surveys.targetType, filter.targetType));
  }
  if (filter.targetId) {
    conditions.push(eq(surveys.targetId, filter.targetId));
  }
  return executor
    .select()
    .from(surveys)
    .where(and(...conditions))
    .orderBy(desc(surveys.createdAt))
    .limit(500);
}

export function surveysOfTarget(executor: Executor, targetType: string, targetId: string) {
  return executor
    .select()
    .from(surveys)
    .where(and(eq(surveys.targetType, targetType), eq(surveys.targetId, targetId)))
    .orderBy(asc(surveys.createdAt));
}

export async function responseCounts(executor: Executor, surveyIds: readonly string[]) {
  if (surveyIds.length === 0) {
    return new Map<string, number>();
  }
  const rows = await executor
    .select({ id: surveyResponses.surveyId, n: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(inArray(surveyResponses.surveyId, [...surveyIds]))
    .groupBy(surveyResponses.surveyId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** Inserts unless this person already answered; false then (the unique index decides). */
export async function insertResponse(
  executor: Executor,
  values: typeof surveyResponses.$inferInsert,
): Promise<string | null> {
  const rows = await executor
    .insert(surveyResponses)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: surveyResponses.id });
  return rows[0]?.id ?? null;
}

export async function insertResponses(executor: Executor, values: (typeof surveyResponses.$inferInsert)[]) {
  for (let i = 0; i < values.length; i += 500) {
    await executor
      .insert(surveyResponses)
      .values(values.slice(i, i + 500))
      .onConflictDoNothing();
  }
}

export function responsesOf(executor: Executor, surveyId: string) {
  return executor
    .select()
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId))
    .orderBy(asc(surveyResponses.createdAt), asc(surveyResponses.id));
}

export async function hasResponded(
  executor: Executor,
  surveyId: string,
  respondentKey: string,
): Promise<boolean> {
  const rows = await executor
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.surveyId, surveyId), eq(surveyResponses.respondentKey, respondentKey)))
    .limit(1);
  return rows.length > 0;
}

/**
 * When an organisation's subtree moves, our copies of its paths move with it: the host union of
 * a session, every organiser of it (the scope check reads these) and the survey owners.
 */
export async function rewriteOrgPaths(executor: Executor, oldPrefix: string, newPrefix: string) {
  const like = `${escapeLike(oldPrefix)}%`;
  const set = sql`${newPrefix} || substr(org_path, ${oldPrefix.length + 1})`;
  for (const table of [liveSessions, liveSessionOrganisers, surveys]) {
    await executor.execute(sql`update ${table} set org_path = ${set} where org_path like ${like}`);
  }
}

import { and, asc, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Scope } from '../../platform/auth/scope.ts';
import { type Executor, pgArray, queryRows } from '../../platform/db/database.ts';
import { escapeLike, inScope, qualified } from '../../platform/db/scope-sql.ts';
import type { EmployerAccess } from './employment.policies.ts';
import {
  applicationEvents,
  applications,
  employerAccounts,
  employers,
  jobReports,
  jobs,
  notifications,
  priorityZones,
  profiles,
  servicePoints,
  zoneJobs,
} from './employment.tables.ts';

/*
 * Every query of the employment module (STYLE.md rule 6). Scoped reads take the caller's
 * scope or employer access; unscoped lookups by id are followed by a policy check in the service.
 */

export type EmployerRow = typeof employers.$inferSelect;
export type NewEmployer = typeof employers.$inferInsert;
export type NewJob = typeof jobs.$inferInsert;
export type NewProfile = typeof profiles.$inferInsert;
export type ProfileRow = typeof profiles.$inferSelect;
export type ZoneRow = typeof priorityZones.$inferSelect;
export type ServicePointRow = typeof servicePoints.$inferSelect;

/** Records the caller may manage: staff by subtree, HR by employer link within its role's subtree. */
export function manageCondition(access: EmployerAccess, orgPath: AnyPgColumn, employerId: AnyPgColumn): SQL {
  const parts: SQL[] = [];
  if (access.staff.roots.length > 0) {
    parts.push(inScope(orgPath, access.staff));
  }
  if (access.hr.roots.length > 0 && access.hrEmployerIds.length > 0) {
    parts.push(and(inArray(employerId, [...access.hrEmployerIds]), inScope(orgPath, access.hr))!);
  }
  if (parts.length === 0) {
    return sql`false`;
  }
  return parts.length === 1 ? parts[0]! : or(...parts)!;
}

export const PUBLIC_JOB = sql`(${jobs.status} = 'open' and ${jobs.reviewStatus} in ('clear', 'approved'))`;

// ── employers ────────────────────────────────────────────────────────────────

const employerColumns = {
  id: employers.id,
  orgId: employers.orgId,
  orgPath: employers.orgPath,
  name: employers.name,
  nameKey: employers.nameKey,
  creditCode: employers.creditCode,
  industry: employers.industry,
  address: employers.address,
  city: employers.city,
  district: employers.district,
  lat: employers.lat,
  lng: employers.lng,
  contactName: employers.contactName,
  contactPhone: employers.contactPhone,
  verification: employers.verification,
  verificationNote: employers.verificationNote,
  verifiedAt: employers.verifiedAt,
  positions: sql<number>`(select count(*)::int from ${jobs} j where j.employer_id = ${qualified('employers', 'id')})`,
  openPlaces: sql<number>`(select coalesce(sum(j.places_left), 0)::int from ${jobs} j where j.employer_id = ${qualified('employers', 'id')} and j.status = 'open')`,
};
export type EmployerListRow = Awaited<ReturnType<typeof findEmployerView>> & {};

export async function insertEmployers(executor: Executor, rows: NewEmployer[]): Promise<EmployerRow[]> {
  if (rows.length === 0) {
    return [];
  }
  return executor.insert(employers).values(rows).returning();
}

export async function updateEmployer(executor: Executor, id: string, patch: Partial<NewEmployer>) {
  await executor.update(employers).set(patch).where(eq(employers.id, id));
}

export async function findEmployer(executor: Executor, id: string): Promise<EmployerRow | undefined> {
  const rows = await executor.select().from(employers).where(eq(employers.id, id)).limit(1);
  return rows[0];
}

export async function findEmployerView(executor: Executor, id: string) {
  const rows = await executor.select(employerColumns).from(employers).where(eq(employers.id, id)).limit(1);
  return rows[0];
}

export async function creditCodeTaken(executor: Executor, code: string): Promise<boolean> {
  const rows = await executor
    .select({ id: employers.id })
    .from(employers)
    .where(eq(employers.creditCode, code))
    .limit(1);
  return rows.length > 0;
}

export async function employersByName(executor: Executor, names: string[]): Promise<EmployerRow[]> {
  if (names.length === 0) {
    return [];
  }
  return executor.select().from(employers).where(inArray(employers.name, names));
}

export function listEmployers(
  executor: Executor,
  access: EmployerAccess,
  filter: { q?: string | undefined; industry?: string | undefined; verification?: string | undefined },
  page: { offset: number; limit: number },
) {
  const conditions: SQL[] = [manageCondition(access, employers.orgPath, employers.id)];
  if (filter.q) {
    const p = `%${escapeLike(filter.q)}%`;
    conditions.push(or(ilike(employers.name, p), ilike(employers.creditCode, p))!);
  }
  if (filter.industry) {
    conditions.push(eq(employers.industry, filter.industry));
  }
  if (filter.verification) {
    conditions.push(eq(employers.verification, filter.verification));
  }
  return executor
    .select({ ...employerColumns, total: sql<number>`count(*) over ()::int` })
    .from(employers)
    .where(and(...conditions))
    .orderBy(asc(employers.nameKey), asc(employers.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function employerIdsOfAccount(executor: Executor, accountId: string): Promise<string[]> {
  const rows = await executor
    .select({ employerId: employerAccounts.employerId })
    .from(employerAccounts)
    .where(eq(employerAccounts.accountId, accountId));
  return rows.map((r) => r.employerId);
}

export async function linkHrAccount(
  executor: Executor,
  employerId: string,
  account: { id: string; username: string; displayName: string },
) {
  await executor
    .insert(employerAccounts)
    .values({
      employerId,
      accountId: account.id,
      username: account.username,
      displayName: account.displayName,
    })
    .onConflictDoNothing();
}

export function hrAccountsOf(executor: Executor, employerId: string) {
  return executor
    .select({
      accountId: employerAccounts.accountId,
      username: employerAccounts.username,
      displayName: employerAccounts.displayName,
      since: employerAccounts.createdAt,
    })
    .from(employerAccounts)
    .where(eq(employerAccounts.employerId, employerId))
    .orderBy(asc(employerAccounts.createdAt));
}

// ── jobs ─────────────────────────────────────────────────────────────────────

export const jobColumns = {
  id: jobs.id,
  employerId: jobs.employerId,
  employerName: employers.name,
  employerVerification: employers.verification,
  orgId: jobs.orgId,
  orgPath: jobs.orgPath,
  externalId: jobs.externalId,
  title: jobs.title,
  trade: jobs.trade,
  description: jobs.description,
  skills: jobs.skills,
  certificates: jobs.certificates,
  education: jobs.education,
  minYears: jobs.minYears,
  city: jobs.city,
  district: jobs.district,
  lat: jobs.lat,
  lng: jobs.lng,
  salaryMin: jobs.salaryMin,
  salaryMax: jobs.salaryMax,
  headcount: jobs.headcount,
  placesLeft: jobs.placesLeft,
  tags: jobs.tags,
  priorityOrigins: jobs.priorityOrigins,
  languages: jobs.languages,
  shift: jobs.shift,
  status: jobs.status,
  closedReason: jobs.closedReason,
  opensOn: jobs.opensOn,
  closesOn: jobs.closesOn,
  featured: jobs.featured,
  reviewStatus: jobs.reviewStatus,
  reviewReasons: jobs.reviewReasons,
  openReports: jobs.openReports,
  publishedAt: jobs.publishedAt,
  updatedAt: jobs.updatedAt,
};
export type JobRow = Awaited<ReturnType<typeof findJob>> & {};

export async function insertJobs(executor: Executor, rows: NewJob[]): Promise<string[]> {
  if (rows.length === 0) {
    return [];
  }
  const inserted = await executor.insert(jobs).values(rows).returning({ id: jobs.id });
  return inserted.map((r) => r.id);
}

export async function findJob(executor: Executor, id: string) {
  const rows = await executor
    .select(jobColumns)
    .from(jobs)
    .innerJoin(employers, eq(employers.id, jobs.employerId))
    .where(eq(jobs.id, id))
    .limit(1);
  return rows[0];
}

export async function lockJob(executor: Executor, id: string) {
  const rows = await executor
    .select(jobColumns)
    .from(jobs)
    .innerJoin(employers, eq(employers.id, jobs.employerId))
    .where(eq(jobs.id, id))
    .for('update', { of: jobs })
    .limit(1);
  return rows[0];
}

export async function jobsByIds(executor: Executor, ids: string[]) {
  if (ids.length === 0) {
    return [];
  }
  return executor
    .select(jobColumns)
    .from(jobs)
    .innerJoin(employers, eq(employers.id, jobs.employerId))
    .where(inArray(jobs.id, ids));
}

export async function updateJob(executor: Executor, id: string, patch: Partial<NewJob>) {
  await executor.update(jobs).set(patch).where(eq(jobs.id, id));
}

/**
 * Takes one place in a single conditional statement: it succeeds only while places remain,
 * and the statement that takes the last place also closes the posting. Concurrent hires
 * queue on the row lock and re-check `places_left > 0`, so the headcount can never be exceeded.
 */
export async function takePlace(executor: Executor, jobId: string, now: Date) {
  const rows = await executor
    .update(jobs)
    .set({
      placesLeft: sql`${jobs.placesLeft} - 1`,
      status: sql`case when ${jobs.placesLeft} - 1 = 0 then 'closed' else ${jobs.status} end`,
      closedReason: sql`case when ${jobs.placesLeft} - 1 = 0 then 'filled' else ${jobs.closedReason} end`,
      updatedAt: now,
    })
    .where(and(eq(jobs.id, jobId), sql`${jobs.placesLeft} > 0`))
    .returning({ placesLeft: jobs.placesLeft, status: jobs.status });
  return rows[0];
}

/** Gives a place back (a hire withdrawn); a posting closed only because it was full opens again. */
export async function releasePlace(executor: Executor, jobId: string, now: Date) {
  await executor
    .update(jobs)
    .set({
      placesLeft: sql`least(${jobs.placesLeft} + 1, ${jobs.headcount})`,
      status: sql`case when ${jobs.closedReason} = 'filled' then 'open' else ${jobs.status} end`,
      closedReason: sql`case when ${jobs.closedReason} = 'filled' then null else ${jobs.closedReason} end`,
      updatedAt: now,
    })
    .where(eq(jobs.id, jobId));
}

export async function hiredCount(executor: Executor, jobId: string): Promise<number> {
  const rows = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(and(eq(applications.jobId, jobId), inArray(applications.status, ['hired', 'onboarded'])));
  return rows[0]?.n ?? 0;
}

export async function zonesOfJobs(executor: Executor, jobIds: string[]) {
  if (jobIds.length === 0) {
    return [];
  }
  return executor
    .select({
      jobId: zoneJobs.jobId,
      zoneId: priorityZones.id,
      name: priorityZones.name,
      provinces: priorityZones.provinces,
    })
    .from(zoneJobs)
    .innerJoin(priorityZones, eq(priorityZones.id, zoneJobs.zoneId))
    .where(inArray(zoneJobs.jobId, jobIds));
}

export function reviewQueue(executor: Executor, scope: Scope, limit: number) {
  return executor
    .select(jobColumns)
    .from(jobs)
    .innerJoin(employers, eq(employers.id, jobs.employerId))
    .where(
      and(inScope(jobs.orgPath, scope), or(eq(jobs.reviewStatus, 'pending'), sql`${jobs.openReports} > 0`)),
    )
    .orderBy(desc(jobs.openReports), asc(jobs.updatedAt))
    .limit(limit);
}

export async function insertReport(
  executor: Executor,
  values: { jobId: string; accountId: string; reason: string; detail: string | null },
): Promise<boolean> {
  const rows = await executor
    .insert(jobReports)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: jobReports.id });
  if (rows.length === 0) {
    return false;
  }
  await executor
    .update(jobs)
    .set({ openReports: sql`${jobs.openReports} + 1` })
    .where(eq(jobs.id, values.jobId));
  return true;
}

export function reportsOf(executor: Executor, jobId: string) {
  return executor
    .select({ reason: jobReports.reason, detail: jobReports.detail, at: jobReports.createdAt })
    .from(jobReports)
    .where(and(eq(jobReports.jobId, jobId), eq(jobReports.status, 'open')))
    .orderBy(asc(jobReports.createdAt));
}

export async function resolveReports(executor: Executor, jobId: string) {
  await executor
    .update(jobReports)
    .set({ status: 'resolved' })
    .where(and(eq(jobReports.jobId, jobId), eq(jobReports.status, 'open')));
  await executor.update(jobs).set({ openReports: 0 }).where(eq(jobs.id, jobId));
}

/** Every job of the filter for export: same visibility as the list. */
export function jobsForExport(executor: Executor, access: EmployerAccess, limit: number) {
  return executor
    .select(jobColumns)
    .from(jobs)
    .innerJoin(employers, eq(employers.id, jobs.employerId))
    .where(manageCondition(access, jobs.orgPath, jobs.employerId))
    .orderBy(desc(jobs.publishedAt), asc(jobs.id))
    .limit(limit);
}

export async function existingJobExternalIds(executor: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  const rows = await executor
    .select({ externalId: jobs.externalId })
    .from(jobs)
    .where(inArray(jobs.externalId, ids));
  return new Set(rows.map((r) => r.externalId ?? ''));
}

// ── profiles ─────────────────────────────────────────────────────────────────

export async function findProfileByAccount(
  executor: Executor,
  accountId: string,
): Promise<ProfileRow | undefined> {
  const rows = await executor.select().from(profiles).where(eq(profiles.accountId, accountId)).limit(1);
  return rows[0];
}

/** What applying needs of each person's profile: its id and home province. */
export function applicantsByAccounts(executor: Executor, accountIds: string[]) {
  return executor
    .select({ id: profiles.id, accountId: profiles.accountId, hometownProvince: profiles.hometownProvince })
    .from(profiles)
    .where(inArray(profiles.accountId, accountIds));
}

export async function findProfile(executor: Executor, id: string): Promise<ProfileRow | undefined> {
  const rows = await executor.select().from(profiles).where(eq(profiles.id, id)).limit(1);
  return rows[0];
}

/** Inserts profiles (skipping conflicts) and returns the ids of the rows actually inserted. */
export async function insertProfiles(executor: Executor, rows: NewProfile[]): Promise<string[]> {
  if (rows.length === 0) {
    return [];
  }
  const inserted = await executor
    .insert(profiles)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: profiles.id });
  return inserted.map((r) => r.id);
}

export async function updateProfile(executor: Executor, id: string, patch: Partial<NewProfile>) {
  await executor.update(profiles).set(patch).where(eq(profiles.id, id));
}

export function listProfiles(
  executor: Executor,
  scope: Scope,
  filter: { q?: string | undefined; hometownProvince?: string | undefined; city?: string | undefined },
  page: { offset: number; limit: number },
) {
  const conditions: SQL[] = [inScope(profiles.orgPath, scope)];
  if (filter.q) {
    conditions.push(sql`${profiles.searchText} like ${`%${escapeLike(filter.q.toLowerCase())}%`}`);
  }
  if (filter.hometownProvince) {
    conditions.push(ilike(profiles.hometownProvince, `${escapeLike(filter.hometownProvince)}%`));
  }
  if (filter.city) {
    conditions.push(eq(profiles.city, filter.city));
  }
  return executor
    .select({ profile: profiles, total: sql<number>`count(*) over ()::int` })
    .from(profiles)
    .where(and(...conditions))
    .orderBy(desc(profiles.updatedAt), asc(profiles.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function existingProfileKeys(executor: Executor, externalIds: string[]): Promise<Set<string>> {
  if (externalIds.length === 0) {
    return new Set();
  }
  const rows = await executor
    .select({ externalId: profiles.externalId })
    .from(profiles)
    .where(inArray(profiles.externalId, externalIds));
  return new Set(rows.map((r) => r.externalId ?? ''));
}

// ── applications ─────────────────────────────────────────────────────────────

const applicationColumns = {
  id: applications.id,
  jobId: applications.jobId,
  jobTitle: jobs.title,
  jobCity: jobs.city,
  jobSalaryMin: jobs.salaryMin,
  jobSalaryMax: jobs.salaryMax,
  jobStatus: jobs.status,
  employerId: applications.employerId,
  employerName: employers.name,
  orgPath: applications.orgPath,
  profileId: applications.profileId,
  accountId: applications.accountId,
  status: applications.status,
  priority: applications.priority,
  employerNote: applications.employerNote,
  createdAt: applications.createdAt,
  updatedAt: applications.updatedAt,
  applicant: profiles,
};
export type ApplicationRow = Awaited<ReturnType<typeof findApplication>> & {};

function applicationQuery(executor: Executor) {
  return executor
    .select(applicationColumns)
    .from(applications)
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .innerJoin(employers, eq(employers.id, applications.employerId))
    .innerJoin(profiles, eq(profiles.id, applications.profileId));
}

export async function findApplication(executor: Executor, id: string) {
  const rows = await applicationQuery(executor).where(eq(applications.id, id)).limit(1);
  return rows[0];
}

export async function lockApplication(executor: Executor, id: string) {
  const rows = await applicationQuery(executor)
    .where(eq(applications.id, id))
    .for('update', { of: applications })
    .limit(1);
  return rows[0];
}

/**
 * Many applications in one statement (a group commit). Rows that already exist (the same person
 * and posting) are skipped; the ones written come back with their key.
 */
export async function insertApplications(
  executor: Executor,
  rows: (typeof applications.$inferInsert)[],
): Promise<{ id: string; jobId: string; accountId: string }[]> {
  if (rows.length === 0) {
    return [];
  }
  return executor
    .insert(applications)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: applications.id, jobId: applications.jobId, accountId: applications.accountId });
}

/** Which of these (posting, person) pairs already have an application, as `jobId accountId` keys. */
export async function existingApplications(
  executor: Executor,
  pairs: { jobId: string; accountId: string }[],
): Promise<Set<string>> {
  if (pairs.length === 0) {
    return new Set();
  }
  const rows = await queryRows<{ key: string }>(
    executor,
    sql`select a.job_id || ' ' || a.account_id as key
        from ${applications} a
        join unnest(${pgArray(pairs.map((p) => p.jobId))}::uuid[], ${pgArray(pairs.map((p) => p.accountId))}::uuid[]) as w(job_id, account_id)
          on a.job_id = w.job_id and a.account_id = w.account_id`,
  );
  return new Set(rows.map((r) => r.key));
}

export async function setApplicationStatus(
  executor: Executor,
  id: string,
  from: string,
  to: string,
  patch: { employerNote?: string; now: Date },
): Promise<boolean> {
  const rows = await executor
    .update(applications)
    .set({
      status: to,
      updatedAt: patch.now,
      ...(patch.employerNote !== undefined ? { employerNote: patch.employerNote } : {}),
    })
    .where(and(eq(applications.id, id), eq(applications.status, from)))
    .returning({ id: applications.id });
  return rows.length > 0;
}

export async function setEmployerNote(executor: Executor, id: string, note: string, now: Date) {
  await executor
    .update(applications)
    .set({ employerNote: note, updatedAt: now })
    .where(eq(applications.id, id));
}

export async function insertEvent(executor: Executor, values: typeof applicationEvents.$inferInsert) {
  await executor.insert(applicationEvents).values(values);
}

export async function insertEvents(executor: Executor, rows: (typeof applicationEvents.$inferInsert)[]) {
  if (rows.length > 0) {
    await executor.insert(applicationEvents).values(rows);
  }
}

export async function eventsOf(executor: Executor, applicationIds: string[]) {
  if (applicationIds.length === 0) {
    return [];
  }
  return executor
    .select()
    .from(applicationEvents)
    .where(inArray(applicationEvents.applicationId, applicationIds))
    .orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
}

export function applicationsOfJob(executor: Executor, jobId: string, status: string | undefined) {
  return applicationQuery(executor)
    .where(and(eq(applications.jobId, jobId), status ? eq(applications.status, status) : undefined))
    .orderBy(desc(applications.priority), asc(applications.createdAt), asc(applications.id))
    .limit(2000);
}

export function applicationsOfAccount(executor: Executor, accountId: string) {
  return applicationQuery(executor)
    .where(eq(applications.accountId, accountId))
    .orderBy(desc(applications.createdAt))
    .limit(500);
}

// ── notifications ────────────────────────────────────────────────────────────

export async function insertNotification(executor: Executor, values: typeof notifications.$inferInsert) {
  await executor.insert(notifications).values(values);
}

export function notificationsOf(executor: Executor, accountId: string, unreadOnly: boolean, limit: number) {
  return executor
    .select()
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

export async function markNotificationRead(
  executor: Executor,
  accountId: string,
  ids: string[] | null,
  now: Date,
) {
  if (ids && ids.length === 0) {
    return;
  }
  await executor
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.accountId, accountId),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, ids) : undefined,
      ),
    );
}

// ── zones ────────────────────────────────────────────────────────────────────

const zoneColumns = {
  id: priorityZones.id,
  orgId: priorityZones.orgId,
  orgPath: priorityZones.orgPath,
  name: priorityZones.name,
  description: priorityZones.description,
  provinces: priorityZones.provinces,
  jobCount: sql<number>`(select count(*)::int from ${zoneJobs} zj join ${jobs} j on j.id = zj.job_id where zj.zone_id = ${qualified('priority_zones', 'id')} and j.status = 'open' and j.review_status in ('clear', 'approved'))`,
  openPlaces: sql<number>`(select coalesce(sum(j.places_left), 0)::int from ${zoneJobs} zj join ${jobs} j on j.id = zj.job_id where zj.zone_id = ${qualified('priority_zones', 'id')} and j.status = 'open' and j.review_status in ('clear', 'approved'))`,
};

export async function insertZone(executor: Executor, values: typeof priorityZones.$inferInsert) {
  const rows = await executor.insert(priorityZones).values(values).returning({ id: priorityZones.id });
  return rows[0]!.id;
}

export async function updateZone(
  executor: Executor,
  id: string,
  patch: Partial<typeof priorityZones.$inferInsert>,
) {
  await executor.update(priorityZones).set(patch).where(eq(priorityZones.id, id));
}

export async function findZone(executor: Executor, id: string) {
  const rows = await executor
    .select(zoneColumns)
    .from(priorityZones)
    .where(eq(priorityZones.id, id))
    .limit(1);
  return rows[0];
}

export function listZones(executor: Executor) {
  return executor.select(zoneColumns).from(priorityZones).orderBy(asc(priorityZones.createdAt)).limit(500);
}

export async function setZoneJobs(executor: Executor, zoneId: string, jobIds: string[]) {
  await executor.delete(zoneJobs).where(eq(zoneJobs.zoneId, zoneId));
  for (let i = 0; i < jobIds.length; i += 500) {
    await executor
      .insert(zoneJobs)
      .values(jobIds.slice(i, i + 500).map((jobId, k) => ({ zoneId, jobId, position: i + k })))
      .onConflictDoNothing();
  }
}

// ── service points ───────────────────────────────────────────────────────────

export async function insertServicePoints(executor: Executor, rows: (typeof servicePoints.$inferInsert)[]) {
  if (rows.length === 0) {
    return [];
  }
  const inserted = await executor.insert(servicePoints).values(rows).returning({ id: servicePoints.id });
  return inserted.map((r) => r.id);
}

export async function updateServicePoint(
  executor: Executor,
  id: string,
  patch: Partial<typeof servicePoints.$inferInsert>,
) {
  await executor.update(servicePoints).set(patch).where(eq(servicePoints.id, id));
}

export async function findServicePoint(executor: Executor, id: string): Promise<ServicePointRow | undefined> {
  const rows = await executor.select().from(servicePoints).where(eq(servicePoints.id, id)).limit(1);
  return rows[0];
}

export function listServicePoints(
  executor: Executor,
  filter: { kind?: string | undefined; q?: string | undefined },
) {
  return executor
    .select()
    .from(servicePoints)
    .where(
      and(
        eq(servicePoints.active, true),
        filter.kind ? eq(servicePoints.kind, filter.kind) : undefined,
        filter.q ? ilike(servicePoints.name, `%${escapeLike(filter.q)}%`) : undefined,
      ),
    )
    .orderBy(asc(servicePoints.name))
    .limit(1000);
}

/** Candidates inside a latitude/longitude box; the exact circle is cut by the service (geo.ts). */
export function servicePointsInBox(
  executor: Executor,
  box: { minLat: number; maxLat: number; minLng: number; maxLng: number },
  kind: string | undefined,
) {
  return executor
    .select()
    .from(servicePoints)
    .where(
      and(
        eq(servicePoints.active, true),
        sql`${servicePoints.lat} between ${box.minLat} and ${box.maxLat}`,
        sql`${servicePoints.lng} between ${box.minLng} and ${box.maxLng}`,
        kind ? eq(servicePoints.kind, kind) : undefined,
      ),
    )
    .limit(5000);
}

// ── overview ─────────────────────────────────────────────────────────────────

/** Per-job figures in the caller's reach, grouped by the given column(s) in the service. */
export function jobFigures(executor: Executor, access: EmployerAccess, orgPathPrefix: string | null) {
  const appAgg = executor
    .select({
      jobId: applications.jobId,
      applications: sql<number>`count(*)::int`.as('applications'),
      hires: sql<number>`(count(*) filter (where ${applications.status} in ('hired', 'onboarded')))::int`.as(
        'hires',
      ),
      priority: sql<number>`(count(*) filter (where ${applications.priority}))::int`.as('priority'),
    })
    .from(applications)
    .groupBy(applications.jobId)
    .as('app_agg');
  return executor
    .select({
      jobId: jobs.id,
      orgId: jobs.orgId,
      orgPath: jobs.orgPath,
      employerId: jobs.employerId,
      employerName: employers.name,
      status: jobs.status,
      headcount: jobs.headcount,
      placesLeft: jobs.placesLeft,
      applications: sql<number>`coalesce(${appAgg.applications}, 0)::int`,
      hires: sql<number>`coalesce(${appAgg.hires}, 0)::int`,
      priority: sql<number>`coalesce(${appAgg.priority}, 0)::int`,
    })
    .from(jobs)
    .innerJoin(employers, eq(employers.id, jobs.employerId))
    .leftJoin(appAgg, eq(appAgg.jobId, jobs.id))
    .where(
      and(
        manageCondition(access, jobs.orgPath, jobs.employerId),
        orgPathPrefix ? sql`${jobs.orgPath} like ${`${escapeLike(orgPathPrefix)}%`}` : undefined,
      ),
    )
    .limit(200_000);
}

export async function zoneMemberships(executor: Executor) {
  return executor
    .select({ zoneId: zoneJobs.zoneId, jobId: zoneJobs.jobId, zoneName: priorityZones.name })
    .from(zoneJobs)
    .innerJoin(priorityZones, eq(priorityZones.id, zoneJobs.zoneId));
}

export async function countEmployers(
  executor: Executor,
  access: EmployerAccess,
  orgPathPrefix: string | null,
) {
  const rows = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(employers)
    .where(
      and(
        manageCondition(access, employers.orgPath, employers.id),
        orgPathPrefix ? sql`${employers.orgPath} like ${`${escapeLike(orgPathPrefix)}%`}` : undefined,
      ),
    );
  return rows[0]?.n ?? 0;
}

/** When an organisation's subtree moves, our copies of its paths move with it. */
export async function rewriteOrgPaths(executor: Executor, oldPrefix: string, newPrefix: string) {
  const like = `${escapeLike(oldPrefix)}%`;
  const set = sql`${newPrefix} || substr(org_path, ${oldPrefix.length + 1})`;
  for (const table of [employers, jobs, priorityZones, profiles, applications, servicePoints]) {
    await executor.execute(sql`update ${table} set org_path = ${set} where org_path like ${like}`);
  }
}

// ── matching (the engine's feed; see match-index.service.ts) ─────────────────

/** Postings the matching engine indexes: open and paused ones (drafts and closed postings are not matched). */
export function jobsForMatching(executor: Executor, ids?: readonly string[]) {
  return executor
    .select(jobColumns)
    .from(jobs)
    .innerJoin(employers, eq(employers.id, jobs.employerId))
    .where(
      and(
        ids ? inArray(jobs.id, [...ids]) : undefined,
        ids ? undefined : inArray(jobs.status, ['open', 'paused']),
      ),
    );
}

/** Every profile (hidden ones too: the engine skips them for employers but a worker still gets jobs). */
export function profilesForMatching(executor: Executor, ids?: readonly string[]): Promise<ProfileRow[]> {
  return executor
    .select()
    .from(profiles)
    .where(ids ? inArray(profiles.id, [...ids]) : undefined);
}

/** Visible profiles among the given ids (the engine ranks; this re-checks visibility in SQL). */
export function visibleProfilesByIds(executor: Executor, ids: readonly string[]): Promise<ProfileRow[]> {
  if (ids.length === 0) {
    return Promise.resolve([]);
  }
  return executor
    .select()
    .from(profiles)
    .where(and(inArray(profiles.id, [...ids]), eq(profiles.visible, true)));
}

/** Public postings with places left among the given ids. */
export function publicJobsByIds(executor: Executor, ids: readonly string[]) {
  if (ids.length === 0) {
    return Promise.resolve([]);
  }
  return executor
    .select(jobColumns)
    .from(jobs)
    .innerJoin(employers, eq(employers.id, jobs.employerId))
    .where(and(inArray(jobs.id, [...ids]), PUBLIC_JOB, sql`${jobs.placesLeft} > 0`));
}

export async function jobIdsOfZone(executor: Executor, zoneId: string): Promise<string[]> {
  const rows = await executor
    .select({ jobId: zoneJobs.jobId })
    .from(zoneJobs)
    .where(eq(zoneJobs.zoneId, zoneId))
    .orderBy(asc(zoneJobs.position));
  return rows.map((r) => r.jobId);
}

/** Applications still in play (not hired, rejected or withdrawn) to the given postings, oldest first. */
export function pendingApplicationsOfJobs(executor: Executor, jobIds: readonly string[]) {
  if (jobIds.length === 0) {
    return Promise.resolve([]);
  }
  return executor
    .select({
      jobId: applications.jobId,
      profileId: applications.profileId,
      name: profiles.name,
      createdAt: applications.createdAt,
    })
    .from(applications)
    .innerJoin(profiles, eq(profiles.id, applications.profileId))
    .where(
      and(
        inArray(applications.jobId, [...jobIds]),
        inArray(applications.status, ['submitted', 'viewed', 'interview']),
      ),
    )
    .orderBy(asc(applications.createdAt), asc(applications.id))
    .limit(100_000);
}

import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/*
 * The employment module's tables. Organisations and accounts belong to the org module: we keep
 * their ids, and the organisation's materialised path (`org_path`) so every scoped query is a
 * prefix match on our own rows (STYLE.md rule 2: no joins into another module's tables).
 */

const textArray = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

export const employers = pgTable(
  'employers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The union that serves this employer (often the enterprise's own union). */
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    /** GB 32100 unified social credit code; null for employers imported without one (cannot be verified). */
    creditCode: text('credit_code'),
    industry: text('industry').notNull(),
    address: text('address'),
    city: text('city'),
    district: text('district'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    verification: text('verification').notNull().default('pending'),
    verificationNote: text('verification_note'),
    verifiedBy: uuid('verified_by'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('employers_credit_code_idx').on(t.creditCode),
    index('employers_org_path_idx').on(t.orgPath),
    index('employers_name_idx').on(t.name),
  ],
);

/** HR accounts of an employer (the account also holds the employer_hr role at the employer's organisation). */
export const employerAccounts = pgTable(
  'employer_accounts',
  {
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    accountId: uuid('account_id').notNull(),
    /** Copies of the account's names (org module's) taken when it was linked, for the HR list. */
    username: text('username'),
    displayName: text('display_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.employerId, t.accountId] }),
    index('employer_accounts_account_idx').on(t.accountId),
  ],
);

export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    /** The id in an imported file (e.g. `J001`), for re-imports and evaluation. */
    externalId: text('external_id'),
    title: text('title').notNull(),
    trade: text('trade').notNull(),
    description: text('description').notNull().default(''),
    skills: textArray('skills'),
    certificates: textArray('certificates'),
    education: text('education'),
    minYears: integer('min_years'),
    /** Normalised without the trailing 市 (宁波市 → 宁波), as in the match-dev dataset. */
    city: text('city').notNull(),
    district: text('district'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    salaryMin: integer('salary_min'),
    salaryMax: integer('salary_max'),
    headcount: integer('headcount').notNull(),
    placesLeft: integer('places_left').notNull(),
    tags: textArray('tags'),
    priorityOrigins: textArray('priority_origins'),
    languages: textArray('languages'),
    shift: text('shift'),
    status: text('status').notNull().default('open'),
    closedReason: text('closed_reason'),
    opensOn: date('opens_on'),
    closesOn: date('closes_on'),
    featured: boolean('featured').notNull().default(false),
    /** Trust check outcome: clear | pending (flagged, waits for staff) | approved | rejected. */
    reviewStatus: text('review_status').notNull().default('clear'),
    reviewReasons: jsonb('review_reasons')
      .$type<{ rule: string; evidence: string }[]>()
      .notNull()
      .default([]),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    openReports: integer('open_reports').notNull().default(0),
    /** Lower-cased title, trade, skills, tags and description, for the simple keyword search. */
    searchText: text('search_text').notNull().default(''),
    createdBy: uuid('created_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('jobs_org_path_idx').on(t.orgPath),
    index('jobs_employer_idx').on(t.employerId),
    index('jobs_public_idx').on(t.status, t.reviewStatus, t.publishedAt),
    index('jobs_city_idx').on(t.city),
    uniqueIndex('jobs_external_id_idx').on(t.externalId),
  ],
);

export const jobReports = pgTable(
  'job_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id),
    accountId: uuid('account_id').notNull(),
    reason: text('reason').notNull(),
    detail: text('detail'),
    status: text('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('job_reports_once_idx').on(t.jobId, t.accountId),
    index('job_reports_job_idx').on(t.jobId),
  ],
);

export const priorityZones = pgTable(
  'priority_zones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Applicants whose hometown is one of these provinces are marked and sorted first. */
    provinces: textArray('provinces'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('priority_zones_org_path_idx').on(t.orgPath)],
);

export const zoneJobs = pgTable(
  'zone_jobs',
  {
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => priorityZones.id),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.zoneId, t.jobId] }), index('zone_jobs_job_idx').on(t.jobId)],
);

export const profiles = pgTable(
  'job_seeker_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null for profiles imported from a file (e.g. a school's list) before the person signs up. */
    accountId: uuid('account_id'),
    memberId: uuid('member_id'),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    externalId: text('external_id'),
    name: text('name').notNull(),
    phone: text('phone'),
    desiredTrades: textArray('desired_trades'),
    summary: text('summary').notNull().default(''),
    skills: textArray('skills'),
    certificates: textArray('certificates'),
    education: text('education'),
    /** School or college (e.g. 贞丰县中等职业学校), for students and recent graduates. */
    school: text('school'),
    years: integer('years'),
    hometownProvince: text('hometown_province'),
    city: text('city'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    maxCommuteKm: integer('max_commute_km'),
    willingToRelocate: boolean('willing_to_relocate').notNull().default(false),
    expectedSalary: integer('expected_salary'),
    languages: textArray('languages'),
    visible: boolean('visible').notNull().default(true),
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('job_seeker_profiles_account_idx').on(t.accountId),
    uniqueIndex('job_seeker_profiles_external_idx').on(t.externalId),
    index('job_seeker_profiles_org_path_idx').on(t.orgPath),
  ],
);

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id),
    employerId: uuid('employer_id').notNull(),
    orgPath: text('org_path').notNull(),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => profiles.id),
    accountId: uuid('account_id').notNull(),
    status: text('status').notNull().default('submitted'),
    /** The applicant's hometown is one of the job's priority origins or of a zone holding the job. */
    priority: boolean('priority').notNull().default(false),
    employerNote: text('employer_note'),
    /** Where the tap came from, e.g. `live-session` + the session's id; null for the job page. */
    sourceKind: text('source_kind'),
    sourceRef: text('source_ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('applications_once_idx').on(t.jobId, t.accountId),
    index('applications_account_idx').on(t.accountId),
    index('applications_org_path_idx').on(t.orgPath),
  ],
);

/** Who moved an application to which status, and when (the worker sees this history). */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorAccountId: uuid('actor_account_id'),
    actorName: text('actor_name'),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.at)],
);

/** In-app notices to an account; the text is rendered in the reader's language from kind + params. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').notNull(),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_account_idx').on(t.accountId, t.createdAt)],
);

export const servicePoints = pgTable(
  'service_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    address: text('address').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    hours: text('hours').notNull().default(''),
    phone: text('phone'),
    services: textArray('services'),
    languages: textArray('languages'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('service_points_lat_lng_idx').on(t.lat, t.lng),
    index('service_points_org_path_idx').on(t.orgPath),
  ],
);

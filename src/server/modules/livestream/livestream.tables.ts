import {
  bigint,
  boolean,
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

/**
 * A recruitment live session. `org_path` is the host union (the first organiser); the other
 * organising unions, possibly in other provinces, are in live_session_organisers and reach
 * the session too. Employer and job ids belong to the employment module: kept, never joined.
 */
export const liveSessions = pgTable(
  'live_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: text('status').notNull().default('scheduled'),
    scheduledStart: timestamp('scheduled_start', { withTimezone: true }).notNull(),
    scheduledEnd: timestamp('scheduled_end', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    streamKind: text('stream_kind'),
    streamUrl: text('stream_url'),
    replayUrl: text('replay_url'),
    zoneId: uuid('zone_id'),
    currentSegmentId: uuid('current_segment_id'),
    pinnedJobId: uuid('pinned_job_id'),
    pinnedAt: timestamp('pinned_at', { withTimezone: true }),
    // Counters written in batches (likes) or by the stats ticker (peak): see live.realtime.ts.
    likes: bigint('likes', { mode: 'number' }).notNull().default(0),
    peakViewers: integer('peak_viewers').notNull().default(0),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('live_sessions_status_idx').on(t.status, t.scheduledStart),
    index('live_sessions_org_path_idx').on(t.orgPath),
  ],
);

export const liveSessionOrganisers = pgTable(
  'live_session_organisers',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => liveSessions.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    orgName: text('org_name').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.orgId] }),
    index('live_session_organisers_path_idx').on(t.orgPath),
  ],
);

/** The rundown: 云端探厂 / 岗位介绍 / 政策解读 / Q&A, each optionally about one employer or job. */
export const liveSegments = pgTable(
  'live_segments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => liveSessions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    employerId: uuid('employer_id'),
    jobId: uuid('job_id'),
    plannedMinutes: integer('planned_minutes'),
    startedAt: timestamp('started_at', { withTimezone: true }),
  },
  (t) => [index('live_segments_session_idx').on(t.sessionId, t.position)],
);

export const liveSessionEmployers = pgTable(
  'live_session_employers',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => liveSessions.id, { onDelete: 'cascade' }),
    employerId: uuid('employer_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.employerId] })],
);

export const liveSessionJobs = pgTable(
  'live_session_jobs',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => liveSessions.id, { onDelete: 'cascade' }),
    jobId: uuid('job_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.jobId] })],
);

/**
 * Viewer presence: one row per viewer and session. Its count is the exposures (unique
 * viewers); rows seen within the presence window are the concurrent viewers. Every API
 * process refreshes `last_seen` for the streams it holds, so any process can count.
 */
export const liveViewers = pgTable(
  'live_viewers',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => liveSessions.id, { onDelete: 'cascade' }),
    viewerKey: text('viewer_key').notNull(),
    accountId: uuid('account_id'),
    firstSeen: timestamp('first_seen', { withTimezone: true }).notNull(),
    lastSeen: timestamp('last_seen', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.viewerKey] }),
    index('live_viewers_last_seen_idx').on(t.sessionId, t.lastSeen),
  ],
);

/** A viewer opened a job in the channel (the funnel's second step), once per viewer and job. */
export const liveJobOpens = pgTable(
  'live_job_opens',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => liveSessions.id, { onDelete: 'cascade' }),
    jobId: uuid('job_id').notNull(),
    viewerKey: text('viewer_key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.jobId, t.viewerKey] })],
);

/** Applications made through the session's job channel: the session is their source. */
export const liveApplications = pgTable(
  'live_applications',
  {
    applicationId: uuid('application_id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => liveSessions.id, { onDelete: 'cascade' }),
    jobId: uuid('job_id').notNull(),
    employerId: uuid('employer_id').notNull(),
    accountId: uuid('account_id').notNull(),
    afterEnd: boolean('after_end').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('live_applications_session_idx').on(t.sessionId, t.jobId)],
);

export const liveAnnouncements = pgTable(
  'live_announcements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => liveSessions.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('live_announcements_session_idx').on(t.sessionId, t.createdAt)],
);

/** The session's service group (在线服务群): questions from applicants, answers from staff and HR. */
export const liveGroupMessages = pgTable(
  'live_group_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => liveSessions.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull(),
    authorName: text('author_name').notNull(),
    authorRole: text('author_role').notNull(),
    text: text('text').notNull(),
    replyTo: uuid('reply_to'),
    status: text('status').notNull().default('visible'),
    pinned: boolean('pinned').notNull().default(false),
    reports: integer('reports').notNull().default(0),
    removedBy: uuid('removed_by'),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('live_group_messages_session_idx').on(t.sessionId, t.createdAt),
    index('live_group_messages_author_idx').on(t.accountId, t.createdAt),
  ],
);

export const liveGroupSanctions = pgTable(
  'live_group_sanctions',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => liveSessions.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull(),
    kind: text('kind').notNull(),
    until: timestamp('until', { withTimezone: true }),
    reason: text('reason'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.accountId] })],
);

export const liveMessageReports = pgTable(
  'live_message_reports',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => liveGroupMessages.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.accountId] })],
);

/**
 * A questionnaire linked to anything by a generic reference (`live-session` + id, an
 * outreach event, …). Questions are kept as JSON; they cannot change once answered.
 */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    targetType: text('target_type'),
    targetId: text('target_id'),
    status: text('status').notNull().default('open'),
    questions: jsonb('questions').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('surveys_target_idx').on(t.targetType, t.targetId),
    index('surveys_org_path_idx').on(t.orgPath),
  ],
);

/** One answer per person and survey: the unique index decides between two taps at once. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    respondentKey: text('respondent_key').notNull(),
    accountId: uuid('account_id'),
    answers: jsonb('answers').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('survey_responses_one_per_person_idx').on(t.surveyId, t.respondentKey),
    index('survey_responses_survey_idx').on(t.surveyId, t.createdAt),
  ],
);

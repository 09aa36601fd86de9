import { z } from 'zod';
import { plainText } from '../../platform/http/fields.ts';
import { PageQuerySchema } from '../../platform/http/pagination.ts';
import { SEGMENT_KINDS, SESSION_STATUSES } from './livestream.state.ts';

const WebUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .describe('An http(s) address');
const Instant = z.iso.datetime({ offset: true }).describe('ISO 8601 date-time with offset');
const ViewerId = z
  .string()
  .regex(/^[\w-]{8,64}$/)
  .describe('A random id the page keeps for an anonymous viewer (counts unique viewers across reconnects)');

// ── sessions ─────────────────────────────────────────────────────────────────

export const SegmentInputSchema = z.strictObject({
  id: z.uuid().optional().describe('Keep an existing segment (and its place on air) when editing'),
  kind: z
    .enum(SEGMENT_KINDS)
    .describe('factory-tour 云端探厂 · job-intro 岗位介绍 · policy 政策解读 · qa 问答'),
  title: plainText(80),
  employerId: z.uuid().nullable().optional(),
  jobId: z.uuid().nullable().optional(),
  plannedMinutes: z.number().int().min(1).max(600).nullable().optional(),
});

export const StreamSchema = z.strictObject({
  kind: z.enum(['hls', 'external']).describe('hls: played in the page; external: a link to another player'),
  url: WebUrl,
});

const SessionFields = {
  title: plainText(120),
  description: plainText(2000, 0),
  orgIds: z
    .array(z.uuid())
    .min(1)
    .max(10)
    .describe('Organising unions, the host first; several provinces may organise one session'),
  scheduledStart: Instant,
  scheduledEnd: Instant,
  stream: StreamSchema.nullable().describe('null: no video (the page works without one)'),
  replayUrl: WebUrl.nullable(),
  zoneId: z
    .uuid()
    .nullable()
    .describe('A priority zone of the employment module (e.g. 黔籍员工优先岗位专区)'),
  employerIds: z.array(z.uuid()).max(200).describe('Participating employers'),
  jobIds: z.array(z.uuid()).max(2000).describe('The job channel, in order'),
  segments: z.array(SegmentInputSchema).max(100).describe('The rundown, in order'),
};

export const CreateLiveSessionBodySchema = z.strictObject({
  ...SessionFields,
  description: SessionFields.description.default(''),
  stream: SessionFields.stream.default(null),
  replayUrl: SessionFields.replayUrl.default(null),
  zoneId: SessionFields.zoneId.default(null),
  employerIds: SessionFields.employerIds.default([]),
  jobIds: SessionFields.jobIds.default([]),
  segments: SessionFields.segments.default([]),
});
export type CreateLiveSessionBody = z.infer<typeof CreateLiveSessionBodySchema>;

export const UpdateLiveSessionBodySchema = z.strictObject(SessionFields).partial();
export type UpdateLiveSessionBody = z.infer<typeof UpdateLiveSessionBodySchema>;

export const LiveSessionListQuerySchema = PageQuerySchema.extend({
  status: z.enum(SESSION_STATUSES).optional(),
  q: z.string().trim().max(60).optional(),
  mine: z.enum(['true', 'false']).optional().describe('Only sessions of unions where I may host (console)'),
}).strict();

export const JobCardSchema = z.object({
  id: z.uuid(),
  employerId: z.uuid(),
  employerName: z.string(),
  title: z.string(),
  trade: z.string(),
  city: z.string(),
  district: z.string().nullable(),
  salaryMin: z.number().int().nullable(),
  salaryMax: z.number().int().nullable(),
  headcount: z.number().int(),
  placesLeft: z.number().int(),
  tags: z.array(z.string()),
  priorityZone: z.boolean().describe('In the session’s priority zone'),
});
export type JobCard = z.infer<typeof JobCardSchema>;

export const SegmentSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: z.enum(SEGMENT_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  employerId: z.uuid().nullable(),
  jobId: z.uuid().nullable(),
  plannedMinutes: z.number().int().nullable(),
  startedAt: z.string().nullable(),
});

export const CountersSchema = z.object({
  exposures: z.number().int().describe('Unique viewers'),
  concurrent: z.number().int().describe('Viewers present now'),
  peakConcurrent: z.number().int(),
  likes: z.number().int(),
  applications: z.number().int().describe('Applications through the job channel'),
});
export type Counters = z.infer<typeof CountersSchema>;

const OrganiserSchema = z.object({ orgId: z.uuid(), name: z.string() });

export const LiveSessionSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(SESSION_STATUSES),
  statusLabel: z.string(),
  organisers: z.array(OrganiserSchema),
  scheduledStart: z.string(),
  scheduledEnd: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  hasStream: z.boolean(),
  likes: z.number().int(),
});
export type LiveSessionSummary = z.infer<typeof LiveSessionSummarySchema>;

export const AnnouncementSchema = z.object({ id: z.uuid(), text: z.string(), at: z.string() });

export const LiveSessionSchema = LiveSessionSummarySchema.extend({
  description: z.string(),
  stream: z.object({ kind: z.enum(['hls', 'external']), url: z.string() }).nullable(),
  replayUrl: z.string().nullable(),
  zoneId: z.uuid().nullable(),
  segments: z.array(SegmentSchema),
  currentSegment: SegmentSchema.nullable().describe('The segment on air'),
  pinnedJob: JobCardSchema.nullable().describe('The job being presented, pinned under the player'),
  pinnedAt: z.string().nullable(),
  employerIds: z.array(z.uuid()),
  jobCount: z.number().int(),
  channelOpen: z.boolean().describe('The job channel takes applications (also after the stream)'),
  counters: CountersSchema,
  announcements: z.array(AnnouncementSchema),
  surveys: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.string() })),
  events: z.string().describe('The SSE address of the session'),
});
export type LiveSessionView = z.infer<typeof LiveSessionSchema>;

export const LiveSessionPageSchema = z.object({
  items: z.array(LiveSessionSummarySchema),
  nextCursor: z.string().nullable(),
});

export const ChannelSchema = z.object({
  sessionId: z.uuid(),
  status: z.enum(SESSION_STATUSES),
  channelOpen: z.boolean(),
  zone: z.object({ id: z.uuid(), name: z.string(), provinces: z.array(z.string()) }).nullable(),
  eligibleForZone: z
    .boolean()
    .describe('The viewer’s home province is one the zone favours: its jobs come first'),
  appliedJobIds: z.array(z.uuid()).describe('Jobs the signed-in viewer applied to through this session'),
  items: z.array(JobCardSchema),
});

export const ApplyBodySchema = z.strictObject({ jobId: z.uuid() });
export const LiveApplicationSchema = z.object({
  applicationId: z.uuid(),
  sessionId: z.uuid(),
  jobId: z.uuid(),
  status: z.string(),
  afterEnd: z.boolean().describe('Made after the stream ended (the channel stays open)'),
  createdAt: z.string(),
});

export const LikesBodySchema = z.strictObject({
  count: z.number().int().min(1).max(100).default(1).describe('Taps batched by the page'),
});

export const JobOpenBodySchema = z.strictObject({ jobId: z.uuid(), viewerId: ViewerId.optional() });

export const PinBodySchema = z.strictObject({ jobId: z.uuid() });
export const PinSchema = z.object({ pinnedJob: JobCardSchema.nullable(), pinnedAt: z.string().nullable() });

export const SegmentMoveBodySchema = z
  .strictObject({
    segmentId: z.uuid().optional(),
    move: z.enum(['next', 'previous']).optional(),
  })
  .refine((b) => (b.segmentId === undefined) !== (b.move === undefined), {
    message: 'invalid',
    path: ['segmentId'],
  });

export const AnnouncementBodySchema = z.strictObject({ text: plainText(500) });

export const EventsQuerySchema = z.strictObject({
  viewerId: ViewerId.optional(),
  role: z.enum(['viewer', 'host']).optional().describe('host: also `host-stats` events (needs live:host)'),
});

export const HostStatsSchema = CountersSchema.extend({
  status: z.enum(SESSION_STATUSES),
  jobOpens: z.number().int(),
  funnel: z.object({
    views: z.number().int().describe('Unique viewers'),
    jobOpens: z.number().int().describe('Viewers who opened a job'),
    applications: z.number().int(),
    hires: z.number().int(),
  }),
  jobs: z.array(
    z.object({
      jobId: z.uuid(),
      title: z.string(),
      employerName: z.string(),
      opens: z.number().int(),
      applications: z.number().int(),
      hires: z.number().int(),
    }),
  ),
});
export type HostStats = z.infer<typeof HostStatsSchema>;

// ── service group ────────────────────────────────────────────────────────────

export const MessageSchema = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  author: z.object({
    name: z.string().describe('Members show as 王*明'),
    role: z.enum(['member', 'staff', 'hr']),
    accountId: z.uuid().nullable().describe('Only for moderators (to mute or remove)'),
  }),
  text: z.string(),
  replyTo: z.uuid().nullable(),
  pinned: z.boolean(),
  status: z.enum(['visible', 'removed']),
  reports: z.number().int().nullable().describe('Only for moderators'),
  mine: z.boolean(),
  createdAt: z.string(),
});
export type MessageView = z.infer<typeof MessageSchema>;

export const MessageListQuerySchema = PageQuerySchema.strict();
export const MessagePageSchema = z.object({
  items: z.array(MessageSchema),
  pinned: z.array(MessageSchema),
  nextCursor: z.string().nullable(),
  me: z
    .object({
      muted: z.boolean(),
      mutedUntil: z.string().nullable(),
      removed: z.boolean(),
      moderator: z.boolean(),
    })
    .nullable(),
});

export const PostMessageBodySchema = z.strictObject({ text: plainText(500), replyTo: z.uuid().optional() });
export const PinMessageBodySchema = z.strictObject({ pinned: z.boolean() });
export const ReportMessageBodySchema = z.strictObject({
  reason: z.enum(['spam', 'abuse', 'fraud', 'privacy', 'other']),
  detail: plainText(200).optional(),
});
export const SanctionBodySchema = z.strictObject({
  accountId: z.uuid(),
  action: z.enum(['mute', 'remove', 'restore']),
  minutes: z.number().int().min(1).max(43_200).optional().describe('Mute length; default 60'),
  reason: plainText(200).optional(),
});
export const SanctionSchema = z.object({
  accountId: z.uuid(),
  kind: z.enum(['mute', 'remove']).nullable(),
  until: z.string().nullable(),
});
export const ModerationSchema = z.object({
  reported: z.array(MessageSchema),
  sanctions: z.array(SanctionSchema.extend({ reason: z.string().nullable(), at: z.string() })),
});

// ── surveys ──────────────────────────────────────────────────────────────────

export const QUESTION_KINDS = ['single', 'multiple', 'rating', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QuestionInputSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9_-]{1,20}$/)
    .optional()
    .describe('Stable key of the question; given q1, q2… when omitted'),
  kind: z.enum(QUESTION_KINDS).describe('single choice, multiple choice, rating scale, short text'),
  title: plainText(200),
  required: z.boolean().default(true),
  options: z.array(plainText(80)).min(2).max(30).optional().describe('For single and multiple choice'),
  scale: z
    .strictObject({
      min: z.number().int().min(0).max(1),
      max: z.number().int().min(2).max(10),
      minLabel: plainText(20).optional(),
      maxLabel: plainText(20).optional(),
    })
    .optional()
    .describe('For rating: e.g. 1–5'),
});

export const QuestionSchema = z.object({
  id: z.string(),
  kind: z.enum(QUESTION_KINDS),
  title: z.string(),
  required: z.boolean(),
  options: z.array(z.string()).optional(),
  scale: z
    .object({
      min: z.number().int(),
      max: z.number().int(),
      minLabel: z.string().optional(),
      maxLabel: z.string().optional(),
    })
    .optional(),
});
export type Question = z.infer<typeof QuestionSchema>;

const TargetSchema = z.strictObject({
  type: z
    .string()
    .regex(/^[a-z][a-z-]{1,39}$/)
    .describe('What the survey is about: live-session, outreach-event, …'),
  id: z.string().trim().min(1).max(80),
});

export const CreateSurveyBodySchema = z.strictObject({
  orgId: z.uuid(),
  title: plainText(120),
  description: plainText(1000, 0).default(''),
  target: TargetSchema.nullable().default(null),
  status: z.enum(['draft', 'open', 'closed']).default('open'),
  questions: z.array(QuestionInputSchema).min(1).max(50),
});
export type CreateSurveyBody = z.infer<typeof CreateSurveyBodySchema>;

export const UpdateSurveyBodySchema = z
  .strictObject({
    title: plainText(120),
    description: plainText(1000, 0),
    target: TargetSchema.nullable(),
    status: z.enum(['draft', 'open', 'closed']),
    questions: z.array(QuestionInputSchema).min(1).max(50),
  })
  .partial();
export type UpdateSurveyBody = z.infer<typeof UpdateSurveyBodySchema>;

export const SurveySchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  title: z.string(),
  description: z.string(),
  target: z.object({ type: z.string(), id: z.string() }).nullable(),
  status: z.enum(['draft', 'open', 'closed']),
  questions: z.array(QuestionSchema),
  responses: z.number().int(),
  answered: z.boolean().nullable().describe('Whether the signed-in caller has answered; null when anonymous'),
  createdAt: z.string(),
});
export type SurveyView = z.infer<typeof SurveySchema>;

export const SurveyListQuerySchema = z.strictObject({
  targetType: z.string().max(40).optional(),
  targetId: z.string().max(80).optional(),
});

export const AnswerValueSchema = z.union([
  z.string().max(500),
  z.array(z.string().max(80)).max(30),
  z.number().int(),
]);
export const AnswerBodySchema = z.strictObject({
  answers: z
    .record(z.string().max(20), AnswerValueSchema)
    .describe('Question id → option, options, rating or text'),
});
export type Answers = z.infer<typeof AnswerBodySchema>['answers'];

const OptionCountSchema = z.object({ option: z.string(), count: z.number().int(), share: z.number() });
export const QuestionResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(QUESTION_KINDS),
  answered: z.number().int(),
  counts: z.array(OptionCountSchema).describe('Per option (choice) or per point of the scale (rating)'),
  average: z.number().nullable(),
  texts: z.array(z.string()).describe('Up to 50 of the latest short answers'),
});
export const SurveyResultsSchema = z.object({
  surveyId: z.uuid(),
  title: z.string(),
  responses: z.number().int(),
  questions: z.array(QuestionResultSchema),
  crossTab: z
    .object({
      by: z.string(),
      byTitle: z.string(),
      groups: z.array(
        z.object({
          value: z.string(),
          responses: z.number().int(),
          questions: z.array(z.object({ id: z.string(), counts: z.array(OptionCountSchema) })),
        }),
      ),
    })
    .nullable(),
});
export type SurveyResults = z.infer<typeof SurveyResultsSchema>;
export const SurveyResultsQuerySchema = z.strictObject({
  by: z
    .string()
    .max(20)
    .optional()
    .describe('A single-choice question to cross-tabulate by (e.g. school or province)'),
});

// ── report ───────────────────────────────────────────────────────────────────

export const ReportSchema = z.object({
  session: LiveSessionSummarySchema,
  exposures: z.number().int(),
  peakConcurrent: z.number().int(),
  likes: z.number().int(),
  jobOpeners: z.number().int(),
  applications: z.number().int(),
  applicationsAfterEnd: z.number().int(),
  hires: z.number().int(),
  employers: z.number().int(),
  jobs: z.number().int(),
  places: z.number().int(),
  priorityZone: z
    .object({
      zoneId: z.uuid(),
      name: z.string(),
      jobs: z.number().int(),
      applications: z.number().int(),
      hires: z.number().int(),
      share: z.number().describe('Percentage of the session’s applications that went to priority-zone jobs'),
    })
    .nullable(),
  byEmployer: z.array(
    z.object({
      employerId: z.uuid(),
      employerName: z.string(),
      jobs: z.number().int(),
      places: z.number().int(),
      applications: z.number().int(),
      hires: z.number().int(),
    }),
  ),
  byJob: z.array(
    z.object({
      jobId: z.uuid(),
      title: z.string(),
      employerName: z.string(),
      places: z.number().int(),
      opens: z.number().int(),
      applications: z.number().int(),
      hires: z.number().int(),
      priorityZone: z.boolean(),
    }),
  ),
  surveys: z.array(SurveyResultsSchema),
});
export type Report = z.infer<typeof ReportSchema>;

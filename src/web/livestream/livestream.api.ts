import { apiDownload, apiGet, apiSend } from '../shared/api-client.ts';

/**
 * Typed calls for the livestream module (sessions, the job channel, likes, the service
 * group, surveys, the event report). Shapes mirror `src/server/modules/livestream/livestream.schemas.ts`.
 */

export const SESSION_STATUSES = ['scheduled', 'live', 'ended', 'archived'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const SEGMENT_KINDS = ['factory-tour', 'job-intro', 'policy', 'qa'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];
export const QUESTION_KINDS = ['single', 'multiple', 'rating', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const REPORT_REASONS = ['spam', 'abuse', 'fraud', 'privacy', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export interface JobCard {
  id: string;
  employerId: string;
  employerName: string;
  title: string;
  trade: string;
  city: string;
  district: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  headcount: number;
  placesLeft: number;
  tags: string[];
  priorityZone: boolean;
}

export interface Segment {
  id: string;
  position: number;
  kind: SegmentKind;
  kindLabel: string;
  title: string;
  employerId: string | null;
  jobId: string | null;
  plannedMinutes: number | null;
  startedAt: string | null;
}

export interface Counters {
  exposures: number;
  concurrent: number;
  peakConcurrent: number;
  likes: number;
  applications: number;
}

export interface Organiser {
  orgId: string;
  name: string;
}

export interface SessionSummary {
  id: string;
  title: string;
  status: SessionStatus;
  statusLabel: string;
  organisers: Organiser[];
  scheduledStart: string;
  scheduledEnd: string;
  startedAt: string | null;
  endedAt: string | null;
  hasStream: boolean;
  likes: number;
}

export interface Announcement {
  id: string;
  text: string;
  at: string;
}

export interface Stream {
  kind: 'hls' | 'external';
  url: string;
}

export interface SessionView extends SessionSummary {
  description: string;
  stream: Stream | null;
  replayUrl: string | null;
  zoneId: string | null;
  segments: Segment[];
  currentSegment: Segment | null;
  pinnedJob: JobCard | null;
  pinnedAt: string | null;
  employerIds: string[];
  jobCount: number;
  channelOpen: boolean;
  counters: Counters;
  announcements: Announcement[];
  surveys: { id: string; title: string; status: string }[];
  events: string;
}

export interface Channel {
  sessionId: string;
  status: SessionStatus;
  channelOpen: boolean;
  zone: { id: string; name: string; provinces: string[] } | null;
  eligibleForZone: boolean;
  appliedJobIds: string[];
  items: JobCard[];
}

export interface LiveApplication {
  applicationId: string;
  sessionId: string;
  jobId: string;
  status: string;
  afterEnd: boolean;
  createdAt: string;
}

export interface HostStats extends Counters {
  status: SessionStatus;
  jobOpens: number;
  funnel: { views: number; jobOpens: number; applications: number; hires: number };
  jobs: {
    jobId: string;
    title: string;
    employerName: string;
    opens: number;
    applications: number;
    hires: number;
  }[];
}

export interface SegmentInput {
  id?: string;
  kind: SegmentKind;
  title: string;
  employerId?: string | null;
  jobId?: string | null;
  plannedMinutes?: number | null;
}

export interface SessionInput {
  title: string;
  description: string;
  orgIds: string[];
  scheduledStart: string;
  scheduledEnd: string;
  stream: Stream | null;
  replayUrl: string | null;
  zoneId: string | null;
  employerIds: string[];
  jobIds: string[];
  segments: SegmentInput[];
}

export interface SessionFilters {
  status?: SessionStatus;
  q?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// ── service group ────────────────────────────────────────────────────────────

export interface Message {
  id: string;
  sessionId: string;
  author: { name: string; role: 'member' | 'staff' | 'hr'; accountId: string | null };
  text: string;
  replyTo: string | null;
  pinned: boolean;
  status: 'visible' | 'removed';
  reports: number | null;
  mine: boolean;
  createdAt: string;
}

export interface MessagePage extends Page<Message> {
  pinned: Message[];
  me: { muted: boolean; mutedUntil: string | null; removed: boolean; moderator: boolean } | null;
}

export interface Sanction {
  accountId: string;
  kind: 'mute' | 'remove' | null;
  until: string | null;
  reason: string | null;
  at: string;
}

export interface Moderation {
  reported: Message[];
  sanctions: Sanction[];
}

// ── surveys ──────────────────────────────────────────────────────────────────

export interface Question {
  id: string;
  kind: QuestionKind;
  title: string;
  required: boolean;
  options?: string[];
  scale?: { min: number; max: number; minLabel?: string; maxLabel?: string };
}

export type SurveyStatus = 'draft' | 'open' | 'closed';

export interface Survey {
  id: string;
  orgId: string;
  title: string;
  description: string;
  target: { type: string; id: string } | null;
  status: SurveyStatus;
  questions: Question[];
  responses: number;
  answered: boolean | null;
  createdAt: string;
}

export interface SurveyInput {
  orgId?: string;
  title: string;
  description: string;
  target: { type: string; id: string } | null;
  status: SurveyStatus;
  questions: (Omit<Question, 'id'> & { id?: string })[];
}

export type AnswerValue = string | string[] | number;

export interface OptionCount {
  option: string;
  count: number;
  share: number;
}

export interface QuestionResult {
  id: string;
  title: string;
  kind: QuestionKind;
  answered: number;
  counts: OptionCount[];
  average: number | null;
  texts: string[];
}

export interface SurveyResults {
  surveyId: string;
  title: string;
  responses: number;
  questions: QuestionResult[];
  crossTab: {
    by: string;
    byTitle: string;
    groups: { value: string; responses: number; questions: { id: string; counts: OptionCount[] }[] }[];
  } | null;
}

export interface Report {
  session: SessionSummary;
  exposures: number;
  peakConcurrent: number;
  likes: number;
  jobOpeners: number;
  applications: number;
  applicationsAfterEnd: number;
  hires: number;
  employers: number;
  jobs: number;
  places: number;
  priorityZone: {
    zoneId: string;
    name: string;
    jobs: number;
    applications: number;
    hires: number;
    share: number;
  } | null;
  byEmployer: {
    employerId: string;
    employerName: string;
    jobs: number;
    places: number;
    applications: number;
    hires: number;
  }[];
  byJob: {
    jobId: string;
    title: string;
    employerName: string;
    places: number;
    opens: number;
    applications: number;
    hires: number;
    priorityZone: boolean;
  }[];
  surveys: SurveyResults[];
}

// ── employment look-ups for the session form ────────────────────────────────

export interface EmployerOption {
  id: string;
  name: string;
  city: string | null;
}

export interface JobOption {
  id: string;
  title: string;
  employerId: string;
  employerName: string;
  city: string;
}

export interface ZoneOption {
  id: string;
  name: string;
  provinces: string[];
}

const base = '/api/v1/live-sessions';

export const liveApi = {
  list: (
    filters: SessionFilters & { mine?: boolean },
    page: { cursor?: string | undefined; limit: number },
  ) =>
    apiGet<Page<SessionSummary>>(base, {
      status: filters.status,
      q: filters.q,
      mine: filters.mine ? 'true' : undefined,
      cursor: page.cursor,
      limit: page.limit,
    }),
  get: (id: string) => apiGet<SessionView>(`${base}/${id}`),
  create: (body: SessionInput) => apiSend<SessionView>('POST', base, body),
  update: (id: string, body: Partial<SessionInput>) => apiSend<SessionView>('PATCH', `${base}/${id}`, body),
  start: (id: string) => apiSend<SessionView>('POST', `${base}/${id}/start`),
  end: (id: string) => apiSend<SessionView>('POST', `${base}/${id}/end`),
  archive: (id: string) => apiSend<SessionView>('POST', `${base}/${id}/archive`),
  moveSegment: (id: string, body: { move: 'next' | 'previous' } | { segmentId: string }) =>
    apiSend<{ currentSegment: Segment | null }>('POST', `${base}/${id}/segment`, body),
  pin: (id: string, jobId: string) =>
    apiSend<{ pinnedJob: JobCard | null; pinnedAt: string | null }>('POST', `${base}/${id}/pins`, { jobId }),
  unpin: (id: string) =>
    apiSend<{ pinnedJob: JobCard | null; pinnedAt: string | null }>('DELETE', `${base}/${id}/pins`),
  announce: (id: string, text: string) =>
    apiSend<Announcement>('POST', `${base}/${id}/announcements`, { text }),
  stats: (id: string) => apiGet<HostStats>(`${base}/${id}/stats`),
  channel: (id: string) => apiGet<Channel>(`${base}/${id}/jobs`),
  apply: (id: string, jobId: string) =>
    apiSend<LiveApplication>('POST', `${base}/${id}/applications`, { jobId }),
  like: (id: string, count: number) =>
    apiSend<{ accepted: number }>('POST', `${base}/${id}/likes`, { count }),
  jobOpen: (id: string, jobId: string, viewerId: string) =>
    apiSend<{ recorded: true }>('POST', `${base}/${id}/job-opens`, { jobId, viewerId }),
  report: (id: string) => apiGet<Report>(`${base}/${id}/report`),
  exportReport: (id: string) => apiDownload(`${base}/${id}/report/export`, undefined, 'live-report.xlsx'),

  messages: (id: string, cursor?: string) =>
    apiGet<MessagePage>(`${base}/${id}/messages`, { cursor, limit: 50 }),
  post: (id: string, text: string, replyTo?: string) =>
    apiSend<Message>('POST', `${base}/${id}/messages`, replyTo ? { text, replyTo } : { text }),
  sanction: (
    id: string,
    body: { accountId: string; action: 'mute' | 'remove' | 'restore'; minutes?: number; reason?: string },
  ) => apiSend<unknown>('POST', `${base}/${id}/sanctions`, body),
  moderation: (id: string) => apiGet<Moderation>(`${base}/${id}/moderation`),
  removeMessage: (messageId: string) => apiSend<Message>('POST', `/api/v1/live-messages/${messageId}/remove`),
  pinMessage: (messageId: string, pinned: boolean) =>
    apiSend<Message>('POST', `/api/v1/live-messages/${messageId}/pin`, { pinned }),
  reportMessage: (messageId: string, reason: ReportReason) =>
    apiSend<unknown>('POST', `/api/v1/live-messages/${messageId}/reports`, { reason }),

  employers: (q?: string) =>
    apiGet<Page<EmployerOption>>('/api/v1/employers', { q, limit: 200 }).then((p) => p.items),
  jobs: (query: { q?: string; employerId?: string }) =>
    apiGet<Page<JobOption>>('/api/v1/jobs', { ...query, limit: 100, sort: 'newest' }).then((p) => p.items),
  zones: () =>
    apiGet<ZoneOption[] | Page<ZoneOption>>('/api/v1/zones').then((r) => (Array.isArray(r) ? r : r.items)),
};

export const surveyApi = {
  list: (target?: { type: string; id: string }) =>
    apiGet<Survey[] | Page<Survey>>('/api/v1/surveys', {
      targetType: target?.type,
      targetId: target?.id,
    }).then((r) => (Array.isArray(r) ? r : r.items)),
  get: (id: string) => apiGet<Survey>(`/api/v1/surveys/${id}`),
  create: (body: SurveyInput & { orgId: string }) => apiSend<Survey>('POST', '/api/v1/surveys', body),
  update: (id: string, body: Partial<SurveyInput>) => apiSend<Survey>('PATCH', `/api/v1/surveys/${id}`, body),
  respond: (id: string, answers: Record<string, AnswerValue>) =>
    apiSend<unknown>('POST', `/api/v1/surveys/${id}/responses`, { answers }),
  results: (id: string, by?: string) => apiGet<SurveyResults>(`/api/v1/surveys/${id}/results`, { by }),
  exportResults: (id: string) => apiDownload(`/api/v1/surveys/${id}/export`, undefined, 'survey.xlsx'),
};

/** A random id the page keeps so an anonymous viewer counts once across reconnects. */
export function viewerId(): string {
  const key = 'gongyou.live.viewer';
  try {
    const stored = localStorage.getItem(key);
    if (stored && /^[\w-]{8,64}$/.test(stored)) {
      return stored;
    }
    const fresh = crypto.randomUUID();
    localStorage.setItem(key, fresh);
    return fresh;
  } catch {
    return crypto.randomUUID();
  }
}

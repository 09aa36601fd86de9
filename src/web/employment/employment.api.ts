import { apiDownload, apiGet, apiSend, apiUpload } from '../shared/api-client.ts';
import type { ImportReport } from '../shared/import-report.tsx';

/**
 * Typed calls for the employment module. The shapes mirror
 * `src/server/modules/employment/employment.schemas.ts`.
 */

export const APPLICATION_STATUSES = [
  'submitted',
  'viewed',
  'interview',
  'hired',
  'onboarded',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** The forward path a successful application takes (the board's columns, in order). */
export const PIPELINE: readonly ApplicationStatus[] = [
  'submitted',
  'viewed',
  'interview',
  'hired',
  'onboarded',
];

export const JOB_STATUSES = ['draft', 'open', 'paused', 'closed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const REVIEW_STATUSES = ['clear', 'pending', 'approved', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const VERIFICATIONS = ['pending', 'verified', 'rejected'] as const;
export type Verification = (typeof VERIFICATIONS)[number];
export const SERVICE_POINT_KINDS = [
  'union-station',
  'community',
  'cross-border',
  'job-centre',
  'school',
] as const;
export type ServicePointKind = (typeof SERVICE_POINT_KINDS)[number];
export const REPORT_REASONS = [
  'fees',
  'training-scheme',
  'vehicle-condition',
  'order-brushing',
  'false-pay',
  'other',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export type TravelMode = 'walk' | 'ebike';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

export interface Employer {
  id: string;
  orgId: string;
  name: string;
  creditCode: string | null;
  industry: string;
  address: string | null;
  city: string | null;
  district: string | null;
  lat: number | null;
  lng: number | null;
  contactName: string | null;
  contactPhone: string | null;
  verification: Verification;
  verificationNote: string | null;
  verifiedAt: string | null;
  positions: number;
  openPlaces: number;
}

export interface EmployerInput {
  orgId: string;
  name: string;
  creditCode: string;
  industry: string;
  address?: string;
  city?: string;
  district?: string;
  contactName?: string;
  contactPhone?: string;
}

export interface HrAccount {
  accountId: string;
  /** Null for links made before names were kept with them. */
  username: string | null;
  displayName: string | null;
  since: string;
}

export interface Job {
  id: string;
  employerId: string;
  employerName: string;
  employerVerified: boolean;
  orgId: string;
  externalId: string | null;
  title: string;
  trade: string;
  description: string;
  skills: string[];
  certificates: string[];
  education: string | null;
  minYears: number | null;
  city: string;
  district: string | null;
  lat: number | null;
  lng: number | null;
  salaryMin: number | null;
  salaryMax: number | null;
  headcount: number;
  placesLeft: number;
  tags: string[];
  priorityOrigins: string[];
  languages: string[];
  shift: string | null;
  status: JobStatus;
  closedReason: string | null;
  opensOn: string | null;
  closesOn: string | null;
  featured: boolean;
  reviewStatus: ReviewStatus;
  reviewReasons: { rule: string; message: string }[];
  openReports: number;
  zones: { id: string; name: string }[];
  publishedAt: string;
  updatedAt: string;
  score: number | null;
  /** Present on ranked results: the engine's short reasons in the caller's language. */
  reasons?: string[];
}

export interface JobInput {
  employerId?: string;
  status?: 'draft' | 'open';
  title: string;
  trade: string;
  description?: string;
  skills?: string[];
  certificates?: string[];
  education?: string | null;
  minYears?: number | null;
  city: string;
  district?: string | null;
  salaryMin?: number | null;
  salaryMax?: number | null;
  headcount: number;
  tags?: string[];
  priorityOrigins?: string[];
  languages?: string[];
  shift?: string | null;
  opensOn?: string | null;
  closesOn?: string | null;
}

export interface JobFilters {
  q?: string;
  city?: string;
  district?: string;
  trade?: string;
  salaryMin?: number;
  salaryMax?: number;
  /** Comma-separated; every tag must be present. */
  tags?: string;
  zoneId?: string;
  employerId?: string;
  featured?: 'true' | 'false';
  status?: JobStatus;
  reviewStatus?: ReviewStatus;
  publicOnly?: 'true' | 'false';
  /** Only postings the caller manages (HR: its employer's), in any state. */
  managedOnly?: 'true' | 'false';
  sort?: 'relevance' | 'newest';
}

export interface HistoryEntry {
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  label: string;
  by: string | null;
  note: string | null;
  at: string;
}

export interface Application {
  id: string;
  jobId: string;
  jobTitle: string;
  employerId: string;
  employerName: string;
  status: ApplicationStatus;
  statusLabel: string;
  priority: boolean;
  employerNote: string | null;
  nextStatuses: ApplicationStatus[];
  applicant: {
    profileId: string;
    name: string;
    phone: string | null;
    hometownProvince: string | null;
    education: string | null;
    /** Absent until the server's application view carries it. */
    school?: string | null;
    years: number | null;
    desiredTrades: string[];
    skills: string[];
    certificates: string[];
    languages: string[];
    city: string | null;
    expectedSalary: number | null;
  };
  history: HistoryEntry[];
  createdAt: string;
  updatedAt: string;
}

export interface MyApplication {
  id: string;
  job: {
    id: string;
    title: string;
    employerName: string;
    city: string;
    salaryMin: number | null;
    salaryMax: number | null;
    status: JobStatus;
  };
  status: ApplicationStatus;
  statusLabel: string;
  canWithdraw: boolean;
  history: HistoryEntry[];
  createdAt: string;
}

export interface Profile {
  id: string;
  accountId: string | null;
  memberId: string | null;
  orgId: string;
  externalId: string | null;
  name: string;
  phone: string | null;
  desiredTrades: string[];
  summary: string;
  skills: string[];
  certificates: string[];
  education: string | null;
  school: string | null;
  years: number | null;
  hometownProvince: string | null;
  city: string | null;
  lat: number | null;
  lng: number | null;
  maxCommuteKm: number | null;
  willingToRelocate: boolean;
  expectedSalary: number | null;
  languages: string[];
  visible: boolean;
  updatedAt: string;
}

export type ProfilePatch = Partial<
  Omit<Profile, 'id' | 'accountId' | 'memberId' | 'orgId' | 'externalId' | 'phone' | 'updatedAt'>
>;

export interface Candidate {
  profile: Profile;
  score: number;
  reasons: string[];
  priority: boolean;
}

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  read: boolean;
  createdAt: string;
}

export interface Zone {
  id: string;
  orgId: string;
  name: string;
  description: string;
  provinces: string[];
  jobCount: number;
  openPlaces: number;
}

export interface ServicePoint {
  id: string;
  orgId: string;
  name: string;
  kind: ServicePointKind;
  address: string;
  lat: number;
  lng: number;
  hours: string;
  phone: string | null;
  services: string[];
  languages: string[];
}

export interface ServicePointInput {
  orgId: string;
  name: string;
  kind: ServicePointKind;
  address: string;
  lat: number;
  lng: number;
  hours?: string;
  phone?: string;
  services?: string[];
  languages?: string[];
}

export interface Nearby {
  mode: TravelMode;
  minutes: number;
  speedKmh: number;
  radiusMetres: number;
  items: (ServicePoint & { distanceMetres: number; travelMinutes: number })[];
}

export interface EmploymentReference {
  industries: string[];
  tags: string[];
  servicePointKinds: string[];
  jobStatuses: { value: JobStatus; label: string }[];
  applicationStatuses: { value: ApplicationStatus; label: string }[];
  trustRules: { id: string; label: string }[];
  speedsKmh: { walk: number; ebike: number };
  /** The deployment's tile server (MAP_TILE_URL); null: no map, lists only. */
  map: MapTiles | null;
}

export interface MapTiles {
  tileUrl: string;
  attribution: string | null;
  subdomains: string[];
  maxZoom: number;
}

export interface Figures {
  positions: number;
  openPositions: number;
  places: number;
  placesLeft: number;
  applications: number;
  hires: number;
}

export interface Overview {
  totals: Figures & { employers: number; priorityApplicants: number };
  byOrganisation: (Figures & { orgId: string; orgName: string })[];
  byEmployer: (Figures & { employerId: string; employerName: string })[];
  byZone: (Figures & { zoneId: string; zoneName: string })[];
}

export interface BulkResult {
  results: { id: string; ok: boolean; code: string | null; message: string | null }[];
}

export interface RegisterInput {
  phone: string;
  password: string;
  name?: string;
  orgId?: string;
  region?: string;
  hometownProvince?: string;
  school?: string;
}

export interface ReviewItem {
  job: Job;
  reports: { reason: string; detail: string | null; at: string }[];
}

type Paging = { cursor?: string | undefined; limit?: number | undefined };

export const employmentApi = {
  reference: () => apiGet<EmploymentReference>('/api/v1/employment/reference'),
  register: (body: RegisterInput) =>
    apiSend<{ ok: true; accountId: string; profileId: string }>('POST', '/api/v1/auth/register', body),

  // jobs
  searchJobs: (filters: JobFilters, paging: Paging = {}) =>
    apiGet<Page<Job>>('/api/v1/jobs', { ...filters, ...paging }),
  job: (id: string) => apiGet<Job>(`/api/v1/jobs/${id}`),
  createJob: (body: JobInput) => apiSend<Job>('POST', '/api/v1/jobs', body),
  updateJob: (id: string, body: Partial<JobInput>) => apiSend<Job>('PATCH', `/api/v1/jobs/${id}`, body),
  setJobStatus: (id: string, status: JobStatus) =>
    apiSend<Job>('POST', `/api/v1/jobs/${id}/status`, { status }),
  bulkJobStatus: (ids: string[], status: JobStatus) =>
    apiSend<BulkResult>('POST', '/api/v1/jobs/bulk-status', { ids, status }),
  reviewQueue: () => apiGet<{ items: ReviewItem[] }>('/api/v1/jobs/review-queue').then((r) => r.items),
  review: (id: string, decision: 'approve' | 'reject', note?: string) =>
    apiSend<Job>('POST', `/api/v1/jobs/${id}/review`, { decision, ...(note ? { note } : {}) }),
  feature: (id: string, featured: boolean) =>
    apiSend<Job>('POST', `/api/v1/jobs/${id}/feature`, { featured }),
  report: (id: string, reason: ReportReason, detail?: string) =>
    apiSend<{ reported: true }>('POST', `/api/v1/jobs/${id}/reports`, {
      reason,
      ...(detail ? { detail } : {}),
    }),
  exportJobs: () => apiDownload('/api/v1/jobs/export', undefined, 'jobs.xlsx'),
  importJobs: (file: File, orgId: string, validRowsOnly: boolean) => {
    const form = new FormData();
    form.append('file', file);
    return apiUpload<ImportReport>('/api/v1/jobs/import', form, {
      orgId,
      validRowsOnly: validRowsOnly ? 'true' : undefined,
    });
  },
  importProfiles: (file: File, orgId: string, validRowsOnly: boolean, visible: boolean) => {
    const form = new FormData();
    form.append('file', file);
    return apiUpload<ImportReport>('/api/v1/profiles/import', form, {
      orgId,
      validRowsOnly: validRowsOnly ? 'true' : undefined,
      visible: visible ? 'true' : undefined,
    });
  },
  exportProfiles: () => apiDownload('/api/v1/profiles/export', undefined, 'profiles.xlsx'),

  // applications
  apply: (jobId: string) => apiSend<MyApplication>('POST', `/api/v1/jobs/${jobId}/applications`),
  board: (jobId: string) =>
    apiGet<{ items: Application[] }>(`/api/v1/jobs/${jobId}/applications`).then((r) => r.items),
  suggested: (jobId: string, limit = 10) =>
    apiGet<{ items: Candidate[] }>(`/api/v1/jobs/${jobId}/suggested-candidates`, { limit }).then(
      (r) => r.items,
    ),
  application: (id: string) => apiGet<Application>(`/api/v1/applications/${id}`),
  move: (id: string, status: ApplicationStatus, note?: string) =>
    apiSend<Application>('PATCH', `/api/v1/applications/${id}`, { status, ...(note ? { note } : {}) }),
  setNote: (id: string, note: string) =>
    apiSend<Application>('PUT', `/api/v1/applications/${id}/note`, { note }),

  // me
  myProfile: () => apiGet<Profile>('/api/v1/me/profile'),
  updateProfile: (body: ProfilePatch) => apiSend<Profile>('PATCH', '/api/v1/me/profile', body),
  recommended: (limit = 20) =>
    apiGet<{ items: Job[] }>('/api/v1/me/recommended-jobs', { limit }).then((r) => r.items),
  myApplications: () => apiGet<{ items: MyApplication[] }>('/api/v1/me/applications').then((r) => r.items),
  withdraw: (applicationId: string) =>
    apiSend<MyApplication>('POST', '/api/v1/me/applications/withdraw', { applicationId }),
  notifications: () => apiGet<{ items: Notification[] }>('/api/v1/me/notifications').then((r) => r.items),
  markRead: (ids?: string[]) =>
    apiSend<undefined>('POST', '/api/v1/me/notifications/read', ids ? { ids } : {}),

  // employers
  employers: (filters: { q?: string; industry?: string; verification?: Verification }, paging: Paging = {}) =>
    apiGet<Page<Employer>>('/api/v1/employers', { ...filters, ...paging }),
  employer: (id: string) => apiGet<Employer>(`/api/v1/employers/${id}`),
  createEmployer: (body: EmployerInput) => apiSend<Employer>('POST', '/api/v1/employers', body),
  updateEmployer: (id: string, body: Partial<Omit<EmployerInput, 'orgId' | 'creditCode'>>) =>
    apiSend<Employer>('PATCH', `/api/v1/employers/${id}`, body),
  verifyEmployer: (id: string, verification: 'verified' | 'rejected', note?: string) =>
    apiSend<Employer>('POST', `/api/v1/employers/${id}/verification`, {
      verification,
      ...(note ? { note } : {}),
    }),
  hrAccounts: (id: string) =>
    apiGet<{ items: HrAccount[] }>(`/api/v1/employers/${id}/hr-accounts`).then((r) => r.items),
  createHrAccount: (
    id: string,
    body: { username: string; displayName: string; phone?: string; password: string },
  ) => apiSend<HrAccount>('POST', `/api/v1/employers/${id}/hr-accounts`, body),

  // zones
  zones: () => apiGet<{ items: Zone[] }>('/api/v1/zones').then((r) => r.items),
  zone: (id: string) => apiGet<Zone & { jobs: Job[] }>(`/api/v1/zones/${id}`),
  createZone: (body: { orgId: string; name: string; description?: string; provinces: string[] }) =>
    apiSend<Zone>('POST', '/api/v1/zones', body),
  updateZone: (id: string, body: { name?: string; description?: string; provinces?: string[] }) =>
    apiSend<Zone>('PATCH', `/api/v1/zones/${id}`, body),
  setZoneJobs: (id: string, jobIds: string[]) => apiSend<Zone>('PUT', `/api/v1/zones/${id}/jobs`, { jobIds }),

  // service points
  servicePoints: (query: { kind?: ServicePointKind; q?: string } = {}) =>
    apiGet<{ items: ServicePoint[] }>('/api/v1/service-points', query).then((r) => r.items),
  nearby: (query: { lat: number; lng: number; minutes: number; mode: TravelMode }) =>
    apiGet<Nearby>('/api/v1/service-points/nearby', query),
  createServicePoint: (body: ServicePointInput) =>
    apiSend<ServicePoint>('POST', '/api/v1/service-points', body),
  updateServicePoint: (id: string, body: Partial<Omit<ServicePointInput, 'orgId'>>) =>
    apiSend<ServicePoint>('PATCH', `/api/v1/service-points/${id}`, body),

  // staff
  profiles: (filters: { q?: string; hometownProvince?: string; city?: string }, paging: Paging = {}) =>
    apiGet<Page<Profile>>('/api/v1/profiles', { ...filters, ...paging }),
  overview: (orgId?: string) => apiGet<Overview>('/api/v1/employment/overview', orgId ? { orgId } : {}),
};

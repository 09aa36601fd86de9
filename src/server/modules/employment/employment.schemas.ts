import { z } from 'zod';
import { CreditCodeSchema, IsoDateSchema, MobileSchema, plainText } from '../../platform/http/fields.ts';
import { PageQuerySchema } from '../../platform/http/pagination.ts';
import { APPLICATION_STATUSES, statusFromLabel } from './application.pipeline.ts';
import { JOB_STATUSES, REVIEW_STATUSES } from './job.lifecycle.ts';
import { TRAVEL_MODES } from './service-point.geo.ts';

export const INDUSTRIES = [
  '汽车制造',
  '高端装备',
  '新材料',
  '橡胶',
  '茶叶',
  '文旅康养',
  '跨境电商',
  '物流',
  '铁路运输',
  '建筑',
  '电子信息',
  '家电制造',
  '餐饮住宿',
  '其他',
] as const;

export const SERVICE_POINT_KINDS = [
  'union-station',
  'community',
  'cross-border',
  'job-centre',
  'school',
] as const;

export const COMMON_TAGS = [
  '包吃住',
  '包住',
  '五险一金',
  '五险',
  '工作餐',
  '班车',
  '夜班补贴',
  '带薪培训',
  '节日福利',
];

const Item = plainText(40);
const list = (max = 30) => z.array(Item).max(max);
const Lat = z.number().min(-90).max(90);
const Lng = z.number().min(-180).max(180);
const Yuan = z.number().int().min(0).max(500_000);

// ── employers ────────────────────────────────────────────────────────────────

export const EmployerSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid().describe('The union that serves this employer'),
  name: z.string(),
  creditCode: z.string().nullable(),
  industry: z.string(),
  address: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable().describe('Masked in lists'),
  verification: z.enum(['pending', 'verified', 'rejected']),
  verificationNote: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  positions: z.number().int().describe('Postings of this employer, any status'),
  openPlaces: z.number().int().describe('Places left in open postings'),
});
export type EmployerView = z.infer<typeof EmployerSchema>;

export const CreateEmployerBodySchema = z.strictObject({
  orgId: z.uuid().describe('The union that serves the employer; must be in the caller’s scope'),
  name: plainText(80, 2),
  creditCode: CreditCodeSchema,
  industry: plainText(20).describe(`Usually one of: ${INDUSTRIES.join(' / ')}`),
  address: plainText(120).optional(),
  city: plainText(20).optional(),
  district: plainText(40).optional(),
  lat: Lat.optional(),
  lng: Lng.optional(),
  contactName: plainText(40).optional(),
  contactPhone: MobileSchema.optional(),
});
export type CreateEmployerBody = z.infer<typeof CreateEmployerBodySchema>;

export const UpdateEmployerBodySchema = CreateEmployerBodySchema.omit({
  orgId: true,
  creditCode: true,
}).partial();
export type UpdateEmployerBody = z.infer<typeof UpdateEmployerBodySchema>;

export const EmployerListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(50).optional().describe('Name or credit code contains'),
  industry: z.string().trim().max(20).optional(),
  verification: z.enum(['pending', 'verified', 'rejected']).optional(),
}).strict();

export const VerifyEmployerBodySchema = z.strictObject({
  verification: z.enum(['verified', 'rejected']),
  note: plainText(200).optional(),
});

export const CreateHrAccountBodySchema = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_-]{2,31}$/, { message: 'invalid_format' }),
  displayName: plainText(40),
  phone: MobileSchema.optional(),
  password: z.string().min(1).max(128),
});

export const HrAccountSchema = z.object({
  accountId: z.uuid(),
  username: z.string().nullable().describe('Signs in with this (as it was when the account was linked)'),
  displayName: z.string().nullable(),
  since: z.string(),
});
export type HrAccountView = z.infer<typeof HrAccountSchema>;

// ── jobs ─────────────────────────────────────────────────────────────────────

const salaryOrder = <
  T extends { salaryMin?: number | null | undefined; salaryMax?: number | null | undefined },
>(
  body: T,
  ctx: z.RefinementCtx,
) => {
  if (body.salaryMin != null && body.salaryMax != null && body.salaryMin > body.salaryMax) {
    ctx.addIssue({ code: 'custom', path: ['salaryMax'], message: 'invalid' });
  }
};

const JobFields = {
  title: plainText(60, 2),
  trade: plainText(40),
  description: plainText(4000, 0).default(''),
  skills: list().default([]),
  certificates: list()
    .default([])
    .describe('An entry ending in （优先） is preferred, any other is required'),
  education: plainText(20).nullable().optional(),
  minYears: z.number().int().min(0).max(40).nullable().optional(),
  city: plainText(20).describe('宁波 or 宁波市: stored without the trailing 市'),
  district: plainText(40).nullable().optional(),
  lat: Lat.nullable().optional(),
  lng: Lng.nullable().optional(),
  salaryMin: Yuan.nullable().optional().describe('Yuan per month'),
  salaryMax: Yuan.nullable().optional().describe('Yuan per month'),
  headcount: z.number().int().min(1).max(10_000),
  tags: list(20).default([]).describe('e.g. 包吃住, 五险一金'),
  priorityOrigins: list(10).default([]).describe('Provinces whose natives get priority, e.g. 贵州'),
  languages: list(10).default([]).describe('An entry ending in （优先） is preferred, any other is required'),
  shift: plainText(20).nullable().optional(),
  opensOn: IsoDateSchema.nullable().optional(),
  closesOn: IsoDateSchema.nullable().optional(),
};

export const CreateJobBodySchema = z
  .strictObject({
    employerId: z.uuid().optional().describe('Required unless the caller is HR of exactly one employer'),
    status: z.enum(['draft', 'open']).default('open'),
    ...JobFields,
  })
  .superRefine(salaryOrder);
export type CreateJobBody = z.infer<typeof CreateJobBodySchema>;

/** One row of an import: the dataset's fields plus the employer's name. */
export const JobImportRowSchema = z
  .strictObject({ externalId: plainText(40).optional(), employer: plainText(80, 2), ...JobFields })
  .superRefine(salaryOrder);
export type JobImportRow = z.infer<typeof JobImportRowSchema>;

export const UpdateJobBodySchema = z
  .strictObject({
    title: JobFields.title.optional(),
    trade: JobFields.trade.optional(),
    description: plainText(4000, 0).optional(),
    skills: list().optional(),
    certificates: list().optional(),
    education: JobFields.education,
    minYears: JobFields.minYears,
    city: JobFields.city.optional(),
    district: JobFields.district,
    lat: JobFields.lat,
    lng: JobFields.lng,
    salaryMin: JobFields.salaryMin,
    salaryMax: JobFields.salaryMax,
    headcount: JobFields.headcount.optional(),
    tags: list(20).optional(),
    priorityOrigins: list(10).optional(),
    languages: list(10).optional(),
    shift: JobFields.shift,
    opensOn: JobFields.opensOn,
    closesOn: JobFields.closesOn,
  })
  .superRefine(salaryOrder);
export type UpdateJobBody = z.infer<typeof UpdateJobBodySchema>;

export const JobStatusBodySchema = z.strictObject({ status: z.enum(JOB_STATUSES) });
export const BulkJobStatusBodySchema = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(200),
  status: z.enum(JOB_STATUSES),
});
export const BulkResultSchema = z.object({
  results: z.array(
    z.object({ id: z.uuid(), ok: z.boolean(), code: z.string().nullable(), message: z.string().nullable() }),
  ),
});

export const ReviewBodySchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  note: plainText(200).optional(),
});
export const FeatureBodySchema = z.strictObject({ featured: z.boolean() });
export const ReportBodySchema = z.strictObject({
  reason: z.enum(['fees', 'training-scheme', 'vehicle-condition', 'order-brushing', 'false-pay', 'other']),
  detail: plainText(500).optional(),
});

export const MatchFactorSchema = z.object({
  factor: z
    .string()
    .describe(
      'trade | skills | text | certificates | distance | salary | experience | education | languages | benefits | origin | freshness | places',
    ),
  points: z.number().describe('Points this factor added to (or took from) the score'),
});

export const JobSchema = z.object({
  id: z.uuid(),
  employerId: z.uuid(),
  employerName: z.string(),
  employerVerified: z.boolean(),
  orgId: z.uuid(),
  externalId: z.string().nullable(),
  title: z.string(),
  trade: z.string(),
  description: z.string(),
  skills: z.array(z.string()),
  certificates: z.array(z.string()),
  education: z.string().nullable(),
  minYears: z.number().int().nullable(),
  city: z.string(),
  district: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  salaryMin: z.number().int().nullable(),
  salaryMax: z.number().int().nullable(),
  headcount: z.number().int(),
  placesLeft: z.number().int().describe('Places still open (headcount minus hires)'),
  tags: z.array(z.string()),
  priorityOrigins: z.array(z.string()),
  languages: z.array(z.string()),
  shift: z.string().nullable(),
  status: z.enum(JOB_STATUSES),
  closedReason: z.string().nullable().describe('`filled` when the last place was hired'),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  featured: z.boolean(),
  reviewStatus: z
    .enum(REVIEW_STATUSES)
    .describe('clear | pending (flagged, waits for staff) | approved | rejected'),
  reviewReasons: z.array(z.object({ rule: z.string(), message: z.string() })),
  openReports: z.number().int(),
  zones: z.array(z.object({ id: z.uuid(), name: z.string() })),
  publishedAt: z.string(),
  updatedAt: z.string(),
  score: z.number().nullable().describe('Relevance to the query, when sorted by relevance'),
  factors: z
    .array(MatchFactorSchema)
    .optional()
    .describe('Matching engine: the points each factor added or took (recommendations and ranked search)'),
  reasons: z
    .array(z.string())
    .optional()
    .describe(
      "Matching engine: short reasons in the caller's language (Accept-Language), most important first",
    ),
});
export type JobView = z.infer<typeof JobSchema>;

const csv = z
  .string()
  .max(200)
  .transform((v) =>
    v
      .split(/[,，、]/)
      .map((s) => s.trim())
      .filter(Boolean),
  );

export const JobSearchQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe('Keywords: title, trade, skills, tags, description'),
  city: z.string().trim().max(20).optional().describe('宁波 or 宁波市'),
  district: z.string().trim().max(40).optional(),
  trade: z.string().trim().max(40).optional(),
  salaryMin: z.coerce.number().int().min(0).optional().describe('Jobs paying at least this at the top'),
  salaryMax: z.coerce.number().int().min(0).optional().describe('Jobs starting at or below this'),
  tags: csv.optional().describe('Comma-separated; every tag must be present'),
  zoneId: z.uuid().optional(),
  employerId: z.uuid().optional(),
  featured: z.enum(['true', 'false']).optional(),
  status: z.enum(JOB_STATUSES).optional().describe('Only for postings the caller manages'),
  reviewStatus: z.enum(REVIEW_STATUSES).optional().describe('Only for postings the caller manages'),
  publicOnly: z
    .enum(['true', 'false'])
    .optional()
    .describe('Only what workers see, even for a caller who manages postings'),
  managedOnly: z
    .enum(['true', 'false'])
    .optional()
    .describe(
      'Only the postings the caller manages (HR: its employer’s; staff: its subtree’s), in any state',
    ),
  sort: z.enum(['relevance', 'newest']).optional().describe('Default: relevance with a query, else newest'),
}).strict();
export type JobSearchQuery = z.infer<typeof JobSearchQuerySchema>;

export const JobPageSchema = z.object({
  items: z.array(JobSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});

// ── profiles ─────────────────────────────────────────────────────────────────

const ProfileFields = {
  name: plainText(40),
  desiredTrades: list(10),
  summary: plainText(2000, 0),
  skills: list(),
  certificates: list(),
  education: plainText(20).nullable(),
  school: plainText(60).nullable().describe('School or college, e.g. 贞丰县中等职业学校'),
  years: z.number().int().min(0).max(60).nullable(),
  hometownProvince: plainText(20).nullable().describe('e.g. 贵州省'),
  city: plainText(20).nullable(),
  lat: Lat.nullable(),
  lng: Lng.nullable(),
  maxCommuteKm: z.number().int().min(0).max(5000).nullable().describe('Straight-line km; null = not stated'),
  willingToRelocate: z.boolean(),
  expectedSalary: Yuan.nullable().describe('Yuan per month'),
  languages: list(10),
  visible: z.boolean().describe('Employers may find the profile among suggested candidates'),
};

export const UpdateProfileBodySchema = z.strictObject(ProfileFields).partial();
export type UpdateProfileBody = z.infer<typeof UpdateProfileBodySchema>;

export const ProfileImportRowSchema = z.strictObject({
  externalId: plainText(40).optional(),
  phone: MobileSchema.optional(),
  name: ProfileFields.name,
  desiredTrades: list(10).default([]),
  summary: plainText(2000, 0).default(''),
  skills: list().default([]),
  certificates: list().default([]),
  education: ProfileFields.education.optional(),
  school: ProfileFields.school.optional(),
  years: ProfileFields.years.optional(),
  hometownProvince: ProfileFields.hometownProvince.optional(),
  city: ProfileFields.city.optional(),
  lat: ProfileFields.lat.optional(),
  lng: ProfileFields.lng.optional(),
  maxCommuteKm: ProfileFields.maxCommuteKm.optional(),
  willingToRelocate: z.boolean().default(false),
  expectedSalary: ProfileFields.expectedSalary.optional(),
  languages: list(10).default([]),
});
export type ProfileImportRow = z.infer<typeof ProfileImportRowSchema>;

export const ProfileSchema = z.object({
  id: z.uuid(),
  accountId: z.uuid().nullable(),
  memberId: z.uuid().nullable().describe('The membership record, for members'),
  orgId: z.uuid(),
  externalId: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable().describe('Masked unless it is the caller’s own profile'),
  desiredTrades: z.array(z.string()),
  summary: z.string(),
  skills: z.array(z.string()),
  certificates: z.array(z.string()),
  education: z.string().nullable(),
  school: z.string().nullable(),
  years: z.number().int().nullable(),
  hometownProvince: z.string().nullable(),
  city: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  maxCommuteKm: z.number().int().nullable(),
  willingToRelocate: z.boolean(),
  expectedSalary: z.number().int().nullable(),
  languages: z.array(z.string()),
  visible: z.boolean(),
  updatedAt: z.string(),
});
export type ProfileView = z.infer<typeof ProfileSchema>;

export const ProfileListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(50).optional().describe('Name, trade, skill or summary contains'),
  hometownProvince: z.string().trim().max(20).optional(),
  city: z.string().trim().max(20).optional(),
}).strict();

export const ProfilePageSchema = z.object({
  items: z.array(ProfileSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});

export const CandidateSchema = z.object({
  profile: ProfileSchema,
  score: z.number().describe('Matching engine score (sum of the factors)'),
  factors: z.array(MatchFactorSchema),
  reasons: z.array(z.string()).describe("Short reasons in the caller's language, most important first"),
  priority: z.boolean().describe("The person's home province is one of the posting's priority origins"),
});

// ── job-fair allocation ──────────────────────────────────────────────────────

export const AllocationBodySchema = z
  .strictObject({
    jobIds: z
      .array(z.uuid())
      .max(2000)
      .default([])
      .describe('Postings of the recruitment event; their pending applications are allocated'),
    zoneId: z.uuid().optional().describe('Adds every posting of this priority zone to jobIds'),
  })
  .refine((b) => b.jobIds.length > 0 || b.zoneId !== undefined, {
    message: 'too_small',
    path: ['jobIds'],
  });
export type AllocationBody = z.infer<typeof AllocationBodySchema>;

const AllocationMethodSchema = z.object({
  method: z.enum(['deferred-acceptance', 'welfare-lp']),
  placed: z.number().int(),
  unplaced: z
    .array(z.object({ profileId: z.uuid(), name: z.string().describe('Masked') }))
    .describe('Applicants left without a place'),
  totalScore: z.number().describe('Sum of the engine scores of the proposed pairs'),
  blockingPairs: z
    .number()
    .int()
    .describe('Worker–posting pairs that would both rather be together (0 for deferred acceptance)'),
  millis: z.number(),
  integral: z.boolean().nullable().describe('welfare-lp: the LP optimum was integral'),
  fill: z.array(
    z.object({
      jobId: z.uuid(),
      title: z.string(),
      employerName: z.string(),
      capacity: z.number().int(),
      filled: z.number().int(),
      fillRate: z.number(),
    }),
  ),
  pairs: z.array(
    z.object({
      jobId: z.uuid(),
      profileId: z.uuid(),
      name: z.string().describe('Masked'),
      score: z.number(),
    }),
  ),
});

export const AllocationReportSchema = z.object({
  jobs: z.number().int(),
  places: z.number().int(),
  applicants: z.number().int(),
  applications: z.number().int(),
  deferredAcceptance: AllocationMethodSchema.describe('Worker-proposing deferred acceptance: stable'),
  welfare: AllocationMethodSchema.describe('Maximum total score subject to places (HiGHS)'),
});
export type AllocationReportView = z.infer<typeof AllocationReportSchema>;

// ── applications ─────────────────────────────────────────────────────────────

const StatusInput = z
  .string()
  .transform((v, ctx) => {
    const status = statusFromLabel(v.trim());
    if (!status) {
      ctx.addIssue({ code: 'custom', message: 'invalid_value', params: { values: APPLICATION_STATUSES } });
      return z.NEVER;
    }
    return status;
  })
  .describe(`One of ${APPLICATION_STATUSES.join(' / ')} (or the Chinese label, e.g. 已查看)`);

export const MoveApplicationBodySchema = z.strictObject({
  status: StatusInput,
  note: plainText(500).optional().describe('Employer note, kept with the application'),
});

export const NoteBodySchema = z.strictObject({ note: plainText(500, 0) });

export const HistoryEntrySchema = z.object({
  from: z.enum(APPLICATION_STATUSES).nullable(),
  to: z.enum(APPLICATION_STATUSES),
  label: z.string(),
  by: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});

export const ApplicationSchema = z.object({
  id: z.uuid(),
  jobId: z.uuid(),
  jobTitle: z.string(),
  employerId: z.uuid(),
  employerName: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  statusLabel: z.string(),
  priority: z.boolean().describe('Hometown among the job’s priority origins or its zone’s provinces'),
  employerNote: z.string().nullable(),
  nextStatuses: z.array(z.enum(APPLICATION_STATUSES)).describe('What the reader may move it to'),
  applicant: z.object({
    profileId: z.uuid(),
    name: z.string(),
    phone: z.string().nullable(),
    hometownProvince: z.string().nullable(),
    education: z.string().nullable(),
    school: z.string().nullable(),
    years: z.number().int().nullable(),
    desiredTrades: z.array(z.string()),
    skills: z.array(z.string()),
    certificates: z.array(z.string()),
    languages: z.array(z.string()),
    city: z.string().nullable(),
    expectedSalary: z.number().int().nullable(),
  }),
  history: z.array(HistoryEntrySchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ApplicationView = z.infer<typeof ApplicationSchema>;

export const ApplicationListQuerySchema = z.strictObject({
  status: z.enum(APPLICATION_STATUSES).optional(),
});

export const MyApplicationSchema = z.object({
  id: z.uuid(),
  job: z.object({
    id: z.uuid(),
    title: z.string(),
    employerName: z.string(),
    city: z.string(),
    salaryMin: z.number().int().nullable(),
    salaryMax: z.number().int().nullable(),
    status: z.enum(JOB_STATUSES),
  }),
  status: z.enum(APPLICATION_STATUSES),
  statusLabel: z.string(),
  canWithdraw: z.boolean(),
  history: z.array(HistoryEntrySchema),
  createdAt: z.string(),
});
export type MyApplicationView = z.infer<typeof MyApplicationSchema>;

export const NotificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});

// ── registration ─────────────────────────────────────────────────────────────

export const RegisterBodySchema = z.strictObject({
  phone: MobileSchema.describe('Signs in with this number'),
  password: z.string().min(1).max(128),
  name: plainText(40).optional().describe('Shown to employers; defaults to 求职者 and the last 4 digits'),
  orgId: z.uuid().optional().describe('The union to register with (e.g. one’s school’s union)'),
  region: z
    .string()
    .trim()
    .max(20)
    .optional()
    .describe('Province (贵州 / 贵州省 / 52) whose union serves the job seeker, when orgId is not given'),
  hometownProvince: plainText(20).optional(),
  school: plainText(60).optional().describe('School or college, e.g. 贞丰县中等职业学校'),
});
export type RegisterBody = z.infer<typeof RegisterBodySchema>;

// ── zones ────────────────────────────────────────────────────────────────────

export const ZoneSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  name: z.string(),
  description: z.string(),
  provinces: z.array(z.string()),
  jobCount: z.number().int(),
  openPlaces: z.number().int(),
});
export type ZoneView = z.infer<typeof ZoneSchema>;

export const CreateZoneBodySchema = z.strictObject({
  orgId: z.uuid(),
  name: plainText(60, 2),
  description: plainText(1000, 0).default(''),
  provinces: list(10).min(1),
});
export const UpdateZoneBodySchema = z.strictObject({
  name: plainText(60, 2).optional(),
  description: plainText(1000, 0).optional(),
  provinces: list(10).min(1).optional(),
});
export const ZoneJobsBodySchema = z.strictObject({ jobIds: z.array(z.uuid()).max(2000) });

// ── service points ───────────────────────────────────────────────────────────

export const ServicePointSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  name: z.string(),
  kind: z.enum(SERVICE_POINT_KINDS),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  hours: z.string(),
  phone: z.string().nullable(),
  services: z.array(z.string()),
  languages: z.array(z.string()),
});
export type ServicePointView = z.infer<typeof ServicePointSchema>;

export const CreateServicePointBodySchema = z.strictObject({
  orgId: z.uuid(),
  name: plainText(80, 2),
  kind: z.enum(SERVICE_POINT_KINDS),
  address: plainText(120),
  lat: Lat,
  lng: Lng,
  hours: plainText(80, 0).default(''),
  phone: plainText(20).optional(),
  services: list(20).default([]),
  languages: list(10).default([]),
});
export const UpdateServicePointBodySchema = CreateServicePointBodySchema.omit({ orgId: true }).partial();

export const NearbyQuerySchema = z.strictObject({
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
  minutes: z.coerce.number().min(1).max(120).default(15),
  mode: z.enum(TRAVEL_MODES).default('walk').describe('walk = 5 km/h, ebike = 15 km/h, straight line'),
  kind: z.enum(SERVICE_POINT_KINDS).optional(),
});

export const NearbySchema = z.object({
  mode: z.enum(TRAVEL_MODES),
  minutes: z.number(),
  speedKmh: z.number(),
  radiusMetres: z.number().int(),
  items: z.array(
    ServicePointSchema.extend({
      distanceMetres: z.number().int(),
      travelMinutes: z.number().describe('Straight-line minutes at the mode’s speed'),
    }),
  ),
});

// ── import / export, overview ────────────────────────────────────────────────

export const ImportReportSchema = z.object({
  total: z.number().int(),
  imported: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(
    z.object({
      row: z.number().int().describe('Spreadsheet: 1-based row, header = 1. JSON Lines: line number'),
      field: z.string(),
      message: z.string(),
    }),
  ),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const ImportQuerySchema = z.strictObject({
  orgId: z.uuid().describe('Where new employers (jobs) or profiles (workers) are kept'),
  validRowsOnly: z.enum(['true', 'false']).optional(),
});

const Figures = {
  positions: z.number().int(),
  openPositions: z.number().int(),
  places: z.number().int(),
  placesLeft: z.number().int(),
  applications: z.number().int(),
  hires: z.number().int(),
};

export const OverviewSchema = z.object({
  totals: z.object({ employers: z.number().int(), priorityApplicants: z.number().int(), ...Figures }),
  byOrganisation: z.array(z.object({ orgId: z.uuid(), orgName: z.string(), ...Figures })),
  byEmployer: z.array(z.object({ employerId: z.uuid(), employerName: z.string(), ...Figures })),
  byZone: z.array(z.object({ zoneId: z.uuid(), zoneName: z.string(), ...Figures })),
});
export type Overview = z.infer<typeof OverviewSchema>;

export const OverviewQuerySchema = z.strictObject({ orgId: z.uuid().optional() });

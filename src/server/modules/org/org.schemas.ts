import { z } from 'zod';
import { ROLES } from '../../platform/auth/permissions.ts';
import {
  IsoDateSchema,
  MobileSchema,
  NationalIdSchema,
  organisationName,
  personName,
  plainText,
} from '../../platform/http/fields.ts';
import { PageQuerySchema, pageSchema } from '../../platform/http/pagination.ts';
import { ETHNIC_GROUPS } from './ethnic-groups.ts';

export const ORG_KINDS = [
  'national',
  'province',
  'city',
  'county',
  'street',
  'grassroots',
  'industry',
  'enterprise',
  'station',
] as const;
export const MEMBER_STATUSES = ['active', 'transferred', 'retired', 'left'] as const;
export const GENDERS = ['male', 'female'] as const;

export const OrganisationSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  divisionCode: z.string().nullable().describe('GB/T 2260 administrative division code, for regional unions'),
  depth: z.number().int(),
  path: z.string().describe('Ids from the root, `/a/b/c/`'),
  status: z.enum(['active', 'closed']),
  childCount: z.number().int(),
  memberCount: z.number().int().describe('Active members directly in this organisation'),
});
export type OrganisationView = z.infer<typeof OrganisationSchema>;

export const OrganisationListQuerySchema = z.strictObject({
  parentId: z.uuid().optional().describe('Only the children of this organisation'),
  q: z.string().trim().max(50).optional().describe('Name contains'),
  includeClosed: z.enum(['true', 'false']).optional(),
});

export const CreateOrganisationBodySchema = z.strictObject({
  parentId: z.uuid(),
  name: organisationName(),
  kind: z.enum(ORG_KINDS),
  divisionCode: z
    .string()
    .regex(/^\d{6}$|^\d{9}$|^\d{12}$/, { message: 'invalid_format' })
    .optional(),
});
export type CreateOrganisationBody = z.infer<typeof CreateOrganisationBodySchema>;

export const RenameOrganisationBodySchema = z.strictObject({ name: organisationName() });
export const MoveOrganisationBodySchema = z.strictObject({ parentId: z.uuid() });

const TagSchema = plainText(20);

export const MemberSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  name: z.string(),
  gender: z.enum(GENDERS),
  ethnicity: z.string(),
  phone: z.string().describe('Masked (`138****5678`) unless unmasked by a role that may'),
  nationalId: z.string().describe('Masked unless unmasked by a role that may'),
  masked: z.boolean(),
  birthDate: z.string().nullable(),
  trade: z.string().nullable(),
  joinDate: z.string(),
  status: z.enum(MEMBER_STATUSES),
  tags: z.array(z.string()),
  hasAccount: z.boolean(),
});
export type MemberView = z.infer<typeof MemberSchema>;

export const MemberPageSchema = pageSchema(MemberSchema);

export const MemberListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(50).optional().describe('Name, phone or trade contains'),
  orgId: z.uuid().optional().describe('Only this organisation and its subtree'),
  status: z.enum(MEMBER_STATUSES).optional(),
  gender: z.enum(GENDERS).optional(),
  tag: z.string().trim().max(20).optional(),
  unmask: z
    .enum(['true', 'false'])
    .optional()
    .describe('Show full phone and ID (audited; needs member:unmask)'),
}).strict();
export type MemberListQuery = z.infer<typeof MemberListQuerySchema>;

export const MemberInputSchema = z.strictObject({
  orgId: z.uuid(),
  name: personName(),
  gender: z.enum(GENDERS).optional().describe('Taken from the ID number when omitted'),
  ethnicity: z.enum(ETHNIC_GROUPS),
  phone: MobileSchema,
  nationalId: NationalIdSchema,
  trade: plainText(40).optional(),
  joinDate: IsoDateSchema,
  status: z.enum(MEMBER_STATUSES).default('active'),
  tags: z.array(TagSchema).max(20).default([]),
});
export type MemberInput = z.infer<typeof MemberInputSchema>;
export const CreateMemberBodySchema = MemberInputSchema;

export const UpdateMemberBodySchema = z.strictObject({
  orgId: z.uuid().optional(),
  name: personName().optional(),
  ethnicity: z.enum(ETHNIC_GROUPS).optional(),
  phone: MobileSchema.optional(),
  trade: plainText(40).nullable().optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  tags: z.array(TagSchema).max(20).optional(),
});
export type UpdateMemberBody = z.infer<typeof UpdateMemberBodySchema>;

export const UnmaskQuerySchema = z.strictObject({ unmask: z.enum(['true', 'false']).optional() });

export const ImportReportSchema = z.object({
  total: z.number().int(),
  imported: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(
    z.object({
      row: z.number().int().describe('1-based row in the sheet, header = 1'),
      field: z.string(),
      message: z.string(),
    }),
  ),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const LoginBodySchema = z.strictObject({
  username: z.string().trim().min(1).max(64).describe('Username or mobile number'),
  password: z.string().min(1).max(128),
});

export const ChangePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});

export const GrantSchema = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  orgId: z.uuid(),
  orgName: z.string(),
});

export const MeSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(GrantSchema.omit({ id: true })),
  organisation: z
    .object({ id: z.uuid(), name: z.string() })
    .nullable()
    .describe('Where the first role is held'),
  permissions: z.array(z.string()).describe('Every permission held somewhere'),
  member: MemberSchema.nullable(),
});

export const AccountSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  grants: z.array(GrantSchema),
});
export type AccountView = z.infer<typeof AccountSchema>;

export const CreateAccountBodySchema = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_-]{2,31}$/, { message: 'invalid_format' }),
  displayName: plainText(40),
  phone: MobileSchema.optional(),
  password: z.string().min(1).max(128),
  orgId: z.uuid().describe('Where the account is kept; roles are granted separately by the security admin'),
});

export const GrantBodySchema = z.strictObject({ role: z.enum(ROLES), orgId: z.uuid() });

export const AuditQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.coerce.number().int().positive().optional(),
    action: z.string().max(30).optional(),
    entity: z.string().max(30).optional(),
    actor: z.string().max(64).optional(),
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
  })
  .strict();

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  orgId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  detail: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});

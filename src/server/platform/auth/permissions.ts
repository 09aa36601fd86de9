/**
 * Who may do what, in one table. A role is always granted at an organisation and a
 * permission it carries reaches that organisation's whole subtree (see scope.ts).
 * 三员分立: the system, security and audit administrators share no permission.
 */
export const ROLES = [
  'member',
  'employer_hr',
  'union_staff',
  'legal_aid',
  'merchant',
  'judge',
  'trainer',
  'sys_admin',
  'security_admin',
  'audit_admin',
  // A registered job seeker who is not (yet) a union member: may keep a profile and apply, nothing more.
  'job_seeker',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'org:read',
  'org:write',
  'member:read',
  'member:write',
  'member:unmask',
  'member:import',
  'member:export',
  'account:read',
  'account:write',
  'role:grant',
  'account:unlock',
  'audit:read',
  // employment
  'employer:read',
  'employer:write',
  'employer:verify',
  'job:read',
  'job:write',
  'job:review',
  'application:manage',
  'profile:read',
  'zone:write',
  'service-point:write',
  'employment:stats',
  'employment:import',
  'employment:export',
  // job-fair allocation proposals (matching engine)
  'allocation:run',
  // benefits
  'benefit:read',
  'benefit:manage',
  'benefit:approve',
  'merchant:redeem',
  // livestream
  'live:manage',
  'live:host',
  'live:moderate',
  'survey:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  member: [],
  // HR reach their own employer's records only: the employment policies add the employer link.
  employer_hr: ['job:read', 'job:write', 'application:manage'],
  union_staff: [
    'org:read',
    'org:write',
    'member:read',
    'member:write',
    'member:unmask',
    'member:import',
    'member:export',
    'employer:read',
    'employer:write',
    'employer:verify',
    'job:read',
    'job:write',
    'job:review',
    'application:manage',
    'profile:read',
    'zone:write',
    'service-point:write',
    'employment:stats',
    'employment:import',
    'employment:export',
    'allocation:run',
    // benefits: maker-checker is enforced per campaign (the creator cannot approve it)
    'benefit:read',
    'benefit:manage',
    'benefit:approve',
    // livestream: plan sessions, host them, moderate their service groups, run surveys
    'live:manage',
    'live:host',
    'live:moderate',
    'survey:manage',
  ],
  legal_aid: [],
  // A cashier of a partner merchant: the benefits policies add the merchant link.
  merchant: ['merchant:redeem'],
  judge: [],
  trainer: [],
  // System admin: the organisation tree and the accounts on it, but no role grants and no audit.
  sys_admin: ['org:read', 'org:write', 'account:read', 'account:write'],
  // Security admin: who holds which role, and lockouts; cannot create accounts or read the audit log.
  security_admin: ['org:read', 'account:read', 'role:grant', 'account:unlock'],
  // Audit admin: reads the audit log of its subtree, nothing else.
  audit_admin: ['org:read', 'audit:read'],
  job_seeker: [],
};

export const ADMIN_ROLES: readonly Role[] = ['sys_admin', 'security_admin', 'audit_admin'];

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

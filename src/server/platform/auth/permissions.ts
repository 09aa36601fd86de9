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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  member: [],
  employer_hr: [],
  union_staff: [
    'org:read',
    'org:write',
    'member:read',
    'member:write',
    'member:unmask',
    'member:import',
    'member:export',
  ],
  legal_aid: [],
  merchant: [],
  judge: [],
  trainer: [],
  // System admin: the organisation tree and the accounts on it, but no role grants and no audit.
  sys_admin: ['org:read', 'org:write', 'account:read', 'account:write'],
  // Security admin: who holds which role, and lockouts; cannot create accounts or read the audit log.
  security_admin: ['org:read', 'account:read', 'role:grant', 'account:unlock'],
  // Audit admin: reads the audit log of its subtree, nothing else.
  audit_admin: ['org:read', 'audit:read'],
};

export const ADMIN_ROLES: readonly Role[] = ['sys_admin', 'security_admin', 'audit_admin'];

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

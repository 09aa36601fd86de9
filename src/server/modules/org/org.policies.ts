import { ADMIN_ROLES, type Role } from '../../platform/auth/permissions.ts';
import { type Scope, scopeIncludes } from '../../platform/auth/scope.ts';
import { AppError } from '../../platform/errors.ts';

/** Pure record-level rules of the org module (the route guard has already checked the permission). */
export function assertOrgInScope(scope: Scope, org: { path: string } | undefined): asserts org {
  if (!org || !scopeIncludes(scope, org.path)) {
    throw new AppError('org/organisation-not-found');
  }
}

export function assertMemberInScope<T extends { orgPath: string }>(
  scope: Scope,
  member: T | undefined,
): asserts member is T {
  if (!member || !scopeIncludes(scope, member.orgPath)) {
    throw new AppError('org/member-not-found');
  }
}

/** 三员分立: an account holds at most one of the three administrator roles. */
export function violatesSeparationOfDuties(existing: readonly Role[], adding: Role): boolean {
  if (!ADMIN_ROLES.includes(adding)) {
    return false;
  }
  return existing.some((role) => ADMIN_ROLES.includes(role) && role !== adding);
}

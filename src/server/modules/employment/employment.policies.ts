import type { Permission } from '../../platform/auth/permissions.ts';
import { type Actor, resolveScope, type Scope, scopeIncludes } from '../../platform/auth/scope.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Who may act for which employer (pure; the route guard has already checked the permission).
 * Union staff reach every employer in their subtree. An HR account holds the employer_hr role
 * at the employer's organisation, but reaches only the employers it is linked to: two
 * employers served by one union never see each other's postings or applicants.
 */
export interface EmployerAccess {
  staff: Scope;
  hr: Scope;
  hrEmployerIds: readonly string[];
}

export function employerAccess(
  actor: Actor | null,
  permission: Permission,
  hrEmployerIds: readonly string[],
): EmployerAccess {
  const grants = actor?.grants ?? [];
  return {
    staff: resolveScope(
      grants.filter((g) => g.role !== 'employer_hr'),
      permission,
    ),
    hr: resolveScope(
      grants.filter((g) => g.role === 'employer_hr'),
      permission,
    ),
    hrEmployerIds,
  };
}

export function mayActFor(access: EmployerAccess, employer: { id: string; orgPath: string }): boolean {
  return (
    scopeIncludes(access.staff, employer.orgPath) ||
    (access.hrEmployerIds.includes(employer.id) && scopeIncludes(access.hr, employer.orgPath))
  );
}

export function hasAnyReach(access: EmployerAccess): boolean {
  return access.staff.roots.length > 0 || (access.hr.roots.length > 0 && access.hrEmployerIds.length > 0);
}

export function assertMayActFor<T extends { id: string; orgPath: string }>(
  access: EmployerAccess,
  employer: T | undefined,
  code: 'employment/employer-not-found' | 'employment/job-not-found' | 'employment/application-not-found',
): asserts employer is T {
  if (!employer || !mayActFor(access, employer)) {
    throw new AppError(code);
  }
}

/** Staff-only records (zones, service points, profiles lists): the scope of the route's permission. */
export function assertInScope<T extends { orgPath: string }>(
  scope: Scope,
  record: T | undefined,
  code: string,
): asserts record is T {
  if (!record || !scopeIncludes(scope, record.orgPath)) {
    throw new AppError(code);
  }
}

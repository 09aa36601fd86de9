import type { Permission } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/auth/scope.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type EmployerAccess, employerAccess } from './employment.policies.ts';
import * as repo from './employment.repository.ts';

/** Loads the caller's HR links (only for HR accounts) and builds its employer access. */
export async function accessOf(
  executor: Executor,
  actor: Actor | null,
  permission: Permission,
): Promise<EmployerAccess> {
  const isHr = actor?.grants.some((g) => g.role === 'employer_hr') ?? false;
  const ids = actor && isHr ? await repo.employerIdsOfAccount(executor, actor.accountId) : [];
  return employerAccess(actor, permission, ids);
}

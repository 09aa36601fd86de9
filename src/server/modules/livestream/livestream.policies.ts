import { type Actor, hasPermission, type Scope, scopeIncludes } from '../../platform/auth/scope.ts';
import { AppError } from '../../platform/errors.ts';
import type { GroupRole } from './livestream.state.ts';

/**
 * Record-level rules (the route guard has checked the permission): a session is reached by
 * staff of any of its organising unions, wherever those sit in the tree.
 */
export function mayActOnSession(scope: Scope, organiserPaths: readonly string[]): boolean {
  return organiserPaths.some((path) => scopeIncludes(scope, path));
}

export function assertSessionInScope(scope: Scope, organiserPaths: readonly string[] | undefined): void {
  if (!organiserPaths || !mayActOnSession(scope, organiserPaths)) {
    throw new AppError('live/session-not-found');
  }
}

/** How an author shows in the service group: union staff of the session, HR, or a member. */
export function groupRoleOf(actor: Actor, organiserPaths: readonly string[]): GroupRole {
  if (organiserPaths.some((path) => hasPermission(actor, 'live:moderate', path))) {
    return 'staff';
  }
  if (actor.grants.some((g) => g.role === 'employer_hr')) {
    return 'hr';
  }
  return 'member';
}

export function mayModerate(actor: Actor | null, organiserPaths: readonly string[]): boolean {
  return actor !== null && organiserPaths.some((path) => hasPermission(actor, 'live:moderate', path));
}

import { type Permission, type Role, roleHas } from './permissions.ts';

/**
 * Organisations are stored with a materialised path of ids, `/root/.../self/`, so
 * "inside the subtree of X" is "path starts with X's path". Pure functions: no I/O.
 */
export interface Grant {
  role: Role;
  orgId: string;
  orgPath: string;
  orgName: string;
}

export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  sessionId: string;
  memberId: string | null;
  grants: Grant[];
}

/** The subtrees in which the actor holds a permission: the roots, none inside another. */
export interface Scope {
  permission: Permission;
  roots: string[];
}

export function isWithin(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath);
}

export function resolveScope(grants: readonly Grant[], permission: Permission): Scope {
  const paths = [...new Set(grants.filter((g) => roleHas(g.role, permission)).map((g) => g.orgPath))].sort(
    (a, b) => a.length - b.length,
  );
  const roots: string[] = [];
  for (const path of paths) {
    if (!roots.some((root) => isWithin(path, root))) {
      roots.push(path);
    }
  }
  return { permission, roots };
}

export function scopeIncludes(scope: Scope, path: string): boolean {
  return scope.roots.some((root) => isWithin(path, root));
}

export function hasPermission(actor: Actor | null, permission: Permission, orgPath?: string): boolean {
  if (!actor) {
    return false;
  }
  const scope = resolveScope(actor.grants, permission);
  return orgPath === undefined ? scope.roots.length > 0 : scopeIncludes(scope, orgPath);
}

export function pathOf(ids: readonly string[]): string {
  return `/${ids.join('/')}/`;
}

export function idsOfPath(path: string): string[] {
  return path.split('/').filter(Boolean);
}

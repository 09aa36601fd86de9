import { describe, expect, it } from 'vitest';
import { ADMIN_ROLES, ROLE_PERMISSIONS, ROLES } from './permissions.ts';
import { type Grant, hasPermission, isWithin, pathOf, resolveScope, scopeIncludes } from './scope.ts';

const national = pathOf(['n']);
const yunnan = pathOf(['n', 'yn']);
const mengla = pathOf(['n', 'yn', 'bn', 'ml']);
const ningbo = pathOf(['n', 'zj', 'nb']);

function grant(role: Grant['role'], orgPath: string): Grant {
  return { role, orgPath, orgId: orgPath, orgName: orgPath };
}

describe('scope resolution', () => {
  it('reaches the whole subtree and nothing above or beside it', () => {
    const scope = resolveScope([grant('union_staff', yunnan)], 'member:read');
    expect(scopeIncludes(scope, yunnan)).toBe(true);
    expect(scopeIncludes(scope, mengla)).toBe(true);
    expect(scopeIncludes(scope, national)).toBe(false);
    expect(scopeIncludes(scope, ningbo)).toBe(false);
  });

  it('does not confuse an id that is a prefix of another id', () => {
    const scope = resolveScope([grant('union_staff', pathOf(['n', 'a1']))], 'member:read');
    expect(scopeIncludes(scope, pathOf(['n', 'a1', 'x']))).toBe(true);
    expect(scopeIncludes(scope, pathOf(['n', 'a10']))).toBe(false);
  });

  it('keeps only the outermost roots, and only for roles that carry the permission', () => {
    const scope = resolveScope(
      [
        grant('union_staff', mengla),
        grant('union_staff', yunnan),
        grant('member', ningbo),
        grant('union_staff', ningbo),
      ],
      'member:read',
    );
    expect(scope.roots).toEqual([ningbo, yunnan].sort((a, b) => a.length - b.length));
    expect(resolveScope([grant('member', yunnan)], 'member:read').roots).toEqual([]);
  });

  it('answers permission questions with and without a target', () => {
    const actor = {
      accountId: 'a',
      username: 'u',
      displayName: 'u',
      sessionId: 's',
      memberId: null,
      grants: [grant('union_staff', mengla)],
    };
    expect(hasPermission(actor, 'member:read')).toBe(true);
    expect(hasPermission(actor, 'member:read', ningbo)).toBe(false);
    expect(hasPermission(actor, 'audit:read')).toBe(false);
    expect(hasPermission(null, 'member:read')).toBe(false);
    expect(isWithin(mengla, yunnan)).toBe(true);
  });
});

describe('separation of duties (三员分立)', () => {
  it('gives the three administrators no power in common (reading the tree and the account list aside)', () => {
    for (const a of ADMIN_ROLES) {
      for (const b of ADMIN_ROLES) {
        if (a !== b) {
          const shared = ROLE_PERMISSIONS[a].filter(
            (p) => ROLE_PERMISSIONS[b].includes(p) && !p.endsWith(':read'),
          );
          expect(shared, `${a} and ${b}`).toEqual([]);
        }
      }
    }
  });

  it('lets only the audit admin read the audit log', () => {
    expect(ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('audit:read'))).toEqual(['audit_admin']);
  });
});

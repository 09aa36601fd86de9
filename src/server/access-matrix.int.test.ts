import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessBodies,
  accessFixtures,
  accessQueries,
  ownerScopedRoutes,
  roleAccounts,
} from '../../tests/support/access-fixtures.ts';
import { createHarness, type Harness } from '../../tests/support/harness.ts';
import type { AccessRule } from './platform/auth/guard.ts';
import { ROLES, type Role, roleHas } from './platform/auth/permissions.ts';

/**
 * Generated from the route table: every route × every role × a record inside and outside
 * the role's subtree. A route without an access rule cannot even be registered (see the
 * guard test below); a route whose path parameter has no fixture fails here.
 */
let h: Harness;
let inside: string;
let outside: string;
const sessions = new Map<Role, string>();
const usernames = new Map<Role, string>();

beforeAll(async () => {
  h = await createHarness();
  inside = (await h.factory.org({ kind: 'province', name: '矩阵内' })).id;
  outside = (await h.factory.org({ kind: 'province', name: '矩阵外' })).id;
  await h.factory.member(inside);
  for (const role of ROLES) {
    const setup = roleAccounts[role];
    const account = setup ? await setup(h, inside) : await h.factory.account(role, inside);
    usernames.set(role, account.username);
    sessions.set(role, await h.login(account.username));
  }
});
afterAll(async () => {
  await h?.close();
});

async function fillPath(rule: AccessRule, orgId: string): Promise<string> {
  let url = rule.url;
  const params = [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  if (params.includes('grantId')) {
    const [accountId, grantId] = (await accessFixtures[':grantId']!(h, orgId)).split('|');
    return url.replace(':id', accountId!).replace(':grantId', grantId!);
  }
  for (const param of params) {
    const collection = url
      .slice(0, url.indexOf(`:${param}`))
      .split('/')
      .filter(Boolean)
      .pop();
    const key = `${collection}/:${param}`;
    const resolver = accessFixtures[key];
    if (!resolver) {
      throw new Error(
        `No access-matrix fixture for ${key} (route ${rule.method} ${rule.url}): add one to tests/support/access-fixtures.ts`,
      );
    }
    url = url.replace(`:${param}`, await resolver(h, orgId));
  }
  return url;
}

async function call(role: Role | null, rule: AccessRule, url: string, orgId: string) {
  const cookie = role ? (sessions.get(role) ?? null) : null;
  const withBody = rule.method !== 'GET' && rule.method !== 'DELETE';
  const sample = accessBodies[`${rule.method} ${rule.url}`];
  const payload = withBody ? JSON.stringify(sample ? await sample(h, orgId) : {}) : undefined;
  const query = accessQueries[`${rule.method} ${rule.url}`];
  const res = await h.request(cookie, {
    method: rule.method as 'GET',
    url: query ? `${url}?${query}` : url,
    ...(payload === undefined ? {} : { payload, headers: { 'content-type': 'application/json' } }),
  });
  // Signing out or changing the password ends the session: sign in again for the next route.
  if (role && res.statusCode < 300 && /\/auth\/logout$|\/me\/password$/.test(rule.url)) {
    sessions.set(role, await h.login(usernames.get(role)!));
  }
  return res.statusCode;
}

describe('access matrix', () => {
  it('covers every API route', () => {
    expect(h.app.accessRules.length).toBeGreaterThan(15);
    for (const rule of h.app.accessRules) {
      expect(rule.url.startsWith('/api/v1/')).toBe(true);
    }
  });

  it('denies, allows and scopes every route for every role', { timeout: 300_000 }, async () => {
    const failures: string[] = [];
    for (const rule of h.app.accessRules) {
      const hasParams = rule.url.includes(':');
      const insideUrl = await fillPath(rule, inside);
      const outsideUrl = hasParams ? await fillPath(rule, outside) : null;

      const anonymous = await call(null, rule, insideUrl, inside);
      if (rule.access === 'public' ? anonymous === 401 || anonymous === 403 : anonymous !== 401) {
        failures.push(`${rule.method} ${rule.url} anonymous → ${anonymous}`);
      }
      for (const role of ROLES) {
        const allowed =
          rule.access === 'public' ||
          rule.access === 'authenticated' ||
          roleHas(role, rule.access.permission);
        const status = await call(role, rule, insideUrl, inside);
        // A route open to every signed-in account may still refuse a record that is not the
        // caller's own (another member's voucher): that answer is 403 or 404, never 401.
        const ownerScoped =
          (rule.access === 'authenticated' && hasParams) ||
          ownerScopedRoutes.has(`${rule.method} ${rule.url}`);
        if (allowed && (ownerScoped ? status === 401 : [401, 403, 404].includes(status))) {
          failures.push(`${rule.method} ${rule.url} ${role} inside → ${status}, expected allowed`);
        }
        if (!allowed && status !== 403) {
          failures.push(`${rule.method} ${rule.url} ${role} → ${status}, expected 403`);
        }
        if (allowed && outsideUrl && typeof rule.access === 'object') {
          const out = await call(role, rule, outsideUrl, outside);
          if (![403, 404].includes(out)) {
            failures.push(`${rule.method} ${rule.url} ${role} outside → ${out}, expected 403/404`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses to start with a route that has no access rule', async () => {
    const { default: Fastify } = await import('fastify');
    const { installGuard } = await import('./platform/auth/guard.ts');
    const app = Fastify();
    installGuard(app, { db: h.db, sessions: { resolve: async () => null } });
    expect(() => app.get('/api/v1/unguarded', async () => 'open')).toThrow(/no access rule/);
    await app.close();
  });
});

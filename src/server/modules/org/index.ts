import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../platform/auth/permissions.ts';
import type { SessionCache } from '../../platform/auth/session-cache.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db/database.ts';
import { registerErrors } from '../../platform/errors.ts';
import { accountRoutes } from './account.routes.ts';
import { createAccountService } from './account.service.ts';
import { authRoutes } from './auth.routes.ts';
import { ETHNIC_GROUPS } from './ethnic-groups.ts';
import { memberRoutes } from './member.routes.ts';
import { createMemberService } from './member.service.ts';
import { orgErrors } from './org.errors.ts';
import { ORG_KINDS } from './org.schemas.ts';
import { organisationRoutes } from './organisation.routes.ts';
import { createOrganisationService } from './organisation.service.ts';

export type { AccountService } from './account.service.ts';
export { ETHNIC_GROUPS } from './ethnic-groups.ts';
export type { MemberService } from './member.service.ts';
export { MEMBER_IMPORT_HEADERS } from './member.service.ts';
export type { MemberInput, MemberView, OrganisationView } from './org.schemas.ts';
export type { OrganisationMovedListener, OrganisationService } from './organisation.service.ts';

export interface OrgModuleDeps {
  db: Db;
  clock: Clock;
  crypto: FieldCrypto;
  /** Told when what a signed-in account may do changes (sign-out, roles, password, member link). */
  sessionCache?: Pick<SessionCache, 'forget' | 'forgetAll'>;
  auth: {
    sessionIdleMinutes: number;
    sessionMaxHours: number;
    maxFailures: number;
    lockMinutes: number;
    cookieSecure: boolean;
    loginRatePerMinute: number;
  };
}

export function createOrgModule(deps: OrgModuleDeps) {
  registerErrors(orgErrors);
  const organisations = createOrganisationService({
    ...deps,
    // A moved subtree changes the paths cached sessions' roles reach.
    forgetAllSessions: () => deps.sessionCache?.forgetAll() ?? Promise.resolve(),
  });
  const forgetSessions = (accountIds: string[]) => deps.sessionCache?.forget(accountIds) ?? Promise.resolve();
  const members = createMemberService({ ...deps, forgetSessions });
  const accounts = createAccountService({
    db: deps.db,
    clock: deps.clock,
    forgetSessions,
    policy: {
      sessionIdleMinutes: deps.auth.sessionIdleMinutes,
      sessionMaxHours: deps.auth.sessionMaxHours,
      maxFailures: deps.auth.maxFailures,
      lockMinutes: deps.auth.lockMinutes,
    },
  });

  return {
    organisations,
    members,
    accounts,
    sessions: { resolve: (token: string) => accounts.resolveSession(token) },
    routes(app: FastifyInstance): void {
      authRoutes(app, {
        accounts,
        members,
        cookie: { secure: deps.auth.cookieSecure, maxAgeSeconds: deps.auth.sessionMaxHours * 3600 },
        loginRatePerMinute: deps.auth.loginRatePerMinute,
      });
      organisationRoutes(app, { organisations });
      memberRoutes(app, { members });
      accountRoutes(app, { accounts, db: deps.db });
      app.withTypeProvider<ZodTypeProvider>().get(
        '/api/v1/reference',
        {
          config: { access: 'public' },
          schema: {
            tags: ['reference'],
            summary: 'Code lists for forms: ethnic groups, organisation kinds, roles',
            response: {
              200: z.object({
                ethnicGroups: z.array(z.string()),
                orgKinds: z.array(z.string()),
                roles: z.array(z.string()),
              }),
            },
          },
        },
        async () => ({ ethnicGroups: [...ETHNIC_GROUPS], orgKinds: [...ORG_KINDS], roles: [...ROLES] }),
      );
    },
  };
}

export type OrgModule = ReturnType<typeof createOrgModule>;

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, SESSION_COOKIE } from '../../platform/auth/guard.ts';
import { contextOf } from '../../platform/http/context.ts';
import type { AccountService } from './account.service.ts';
import type { MemberService } from './member.service.ts';
import { ChangePasswordBodySchema, LoginBodySchema, MeSchema } from './org.schemas.ts';

export interface AuthRouteDeps {
  accounts: AccountService;
  members: MemberService;
  cookie: { secure: boolean; maxAgeSeconds: number };
  /** Sign-in attempts per client address per minute, on top of the per-account lockout. */
  loginRatePerMinute: number;
}

export function authRoutes(app: FastifyInstance, deps: AuthRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public', rateLimit: { max: deps.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username or phone and password; sets an HttpOnly session cookie',
        body: LoginBodySchema,
        response: { 200: z.object({ ok: z.literal(true), accountId: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const { token, accountId } = await deps.accounts.login(
        contextOf(request),
        request.body.username,
        request.body.password,
      );
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.cookie.secure,
        maxAge: deps.cookie.maxAgeSeconds,
      });
      return { ok: true as const, accountId };
    },
  );

  r.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'Sign out: revokes the session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deps.accounts.logout(contextOf(request), requireActor(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in account, its roles and organisation, and its member record',
        response: { 200: MeSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const first = actor.grants[0];
      return {
        id: actor.accountId,
        username: actor.username,
        displayName: actor.displayName,
        roles: actor.grants.map((g) => ({ role: g.role, orgId: g.orgId, orgName: g.orgName })),
        organisation: first ? { id: first.orgId, name: first.orgName } : null,
        permissions: deps.accounts.permissionsOf(actor),
        member: await deps.members.ofAccount(actor.accountId),
      };
    },
  );

  r.post(
    '/api/v1/me/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password (signs out every session)',
        body: ChangePasswordBodySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deps.accounts.changePassword(
        contextOf(request),
        requireActor(request),
        request.body.currentPassword,
        request.body.newPassword,
      );
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
}

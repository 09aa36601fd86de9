import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, SESSION_COOKIE } from '../../platform/auth/guard.ts';
import { contextOf } from '../../platform/http/context.ts';
import type { ApplicationService } from './application.service.ts';
import {
  JobSchema,
  MyApplicationSchema,
  NotificationSchema,
  ProfileSchema,
  RegisterBodySchema,
  UpdateProfileBodySchema,
} from './employment.schemas.ts';
import type { NotificationService } from './notification.service.ts';
import type { ProfileService } from './profile.service.ts';
import type { RegistrationService } from './registration.service.ts';

/** The worker's own side: registration, profile, applications, notifications. */
export function workerRoutes(
  app: FastifyInstance,
  deps: {
    registration: RegistrationService;
    profiles: ProfileService;
    applications: ApplicationService;
    notifications: NotificationService;
    cookie: { secure: boolean; maxAgeSeconds: number };
  },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/auth/register',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth', 'employment'],
        summary:
          'Job-seeker self-registration with phone + password: creates the account (role job_seeker) and profile, and signs in',
        body: RegisterBodySchema,
        response: { 201: z.object({ ok: z.literal(true), accountId: z.uuid(), profileId: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const { token, accountId, profileId } = await deps.registration.register(
        contextOf(request),
        request.body,
      );
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.cookie.secure,
        maxAge: deps.cookie.maxAgeSeconds,
      });
      return reply.status(201).send({ ok: true as const, accountId, profileId });
    },
  );

  r.get(
    '/api/v1/me/profile',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['employment'],
        summary: 'My job-seeker profile (created empty on first use)',
        response: { 200: ProfileSchema },
      },
    },
    async (request) => deps.profiles.mine(contextOf(request)),
  );

  r.patch(
    '/api/v1/me/profile',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['employment'],
        summary: 'Edit my profile / resume; `visible` lets employers find it',
        body: UpdateProfileBodySchema,
        response: { 200: ProfileSchema },
      },
    },
    async (request) => deps.profiles.update(contextOf(request), request.body),
  );

  r.get(
    '/api/v1/me/recommended-jobs',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['employment'],
        summary: 'Jobs recommended for me (the matching seam)',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(50).default(20) }),
        response: { 200: z.object({ items: z.array(JobSchema) }) },
      },
    },
    async (request) => deps.profiles.recommended(contextOf(request), request.query.limit),
  );

  r.get(
    '/api/v1/me/applications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['employment'],
        summary: 'My applications with their status history',
        response: { 200: z.object({ items: z.array(MyApplicationSchema) }) },
      },
    },
    async (request) => deps.applications.mine(contextOf(request)),
  );

  r.post(
    '/api/v1/me/applications/withdraw',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['employment'],
        summary: 'Withdraw one of my applications (已撤回); a withdrawn hire gives the place back',
        body: z.strictObject({ applicationId: z.uuid() }),
        response: { 200: MyApplicationSchema },
      },
    },
    async (request) => deps.applications.withdraw(contextOf(request), request.body.applicationId),
  );

  r.get(
    '/api/v1/me/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['employment'],
        summary: 'My in-app notifications, newest first, in my language',
        querystring: z.strictObject({ unread: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(NotificationSchema) }) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return {
        items: await deps.notifications.list(
          requireActor(request).accountId,
          ctx.locale,
          request.query.unread === 'true',
        ),
      };
    },
  );

  r.post(
    '/api/v1/me/notifications/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['employment'],
        summary: 'Mark my notifications read: the ones listed, or all when `ids` is left out',
        body: z.strictObject({ ids: z.array(z.uuid()).max(500).optional() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deps.notifications.markRead(requireActor(request).accountId, request.body.ids ?? null);
      return reply.status(204).send(null);
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireScope } from '../../platform/auth/guard.ts';
import { contextOf } from '../../platform/http/context.ts';
import { IdParamSchema } from '../../platform/http/fields.ts';
import type { GroupService } from './group.service.ts';
import {
  MessageListQuerySchema,
  MessagePageSchema,
  MessageSchema,
  ModerationSchema,
  PinMessageBodySchema,
  PostMessageBodySchema,
  ReportMessageBodySchema,
  SanctionBodySchema,
  SanctionSchema,
} from './livestream.schemas.ts';

export function groupRoutes(app: FastifyInstance, deps: { group: GroupService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { group } = deps;
  const tags = ['livestream'];
  const moderate = { access: { permission: 'live:moderate' as const } };

  r.get(
    '/api/v1/live-sessions/:id/messages',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The session’s service group, newest first, with pinned notices; members show as 王*明',
        params: IdParamSchema,
        querystring: MessageListQuerySchema,
        response: { 200: MessagePageSchema },
      },
    },
    async (request) => group.list(contextOf(request), request.params.id, request.query),
  );

  r.post(
    '/api/v1/live-sessions/:id/messages',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'Ask or answer in the service group (at most 5 messages per 10 s per person; staff unlimited)',
        params: IdParamSchema,
        body: PostMessageBodySchema,
        response: { 201: MessageSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await group.post(contextOf(request), request.params.id, request.body)),
  );

  r.post(
    '/api/v1/live-sessions/:id/sanctions',
    {
      config: moderate,
      schema: {
        tags,
        summary: 'Mute (for minutes), remove from the group, or restore a person',
        params: IdParamSchema,
        body: SanctionBodySchema,
        response: { 200: SanctionSchema },
      },
    },
    async (request) =>
      group.sanction(contextOf(request), requireScope(request), request.params.id, request.body),
  );

  r.get(
    '/api/v1/live-sessions/:id/moderation',
    {
      config: moderate,
      schema: {
        tags,
        summary: 'Reported messages and current sanctions',
        params: IdParamSchema,
        response: { 200: ModerationSchema },
      },
    },
    async (request) => group.moderation(contextOf(request), requireScope(request), request.params.id),
  );

  r.post(
    '/api/v1/live-messages/:id/remove',
    {
      config: moderate,
      schema: { tags, summary: 'Remove a message', params: IdParamSchema, response: { 200: MessageSchema } },
    },
    async (request) => group.remove(contextOf(request), requireScope(request), request.params.id),
  );

  r.post(
    '/api/v1/live-messages/:id/pin',
    {
      config: moderate,
      schema: {
        tags,
        summary: 'Pin or unpin a message as a notice',
        params: IdParamSchema,
        body: PinMessageBodySchema,
        response: { 200: MessageSchema },
      },
    },
    async (request) =>
      group.pin(contextOf(request), requireScope(request), request.params.id, request.body.pinned),
  );

  r.post(
    '/api/v1/live-messages/:id/reports',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Report a message to the moderators (once per person)',
        params: IdParamSchema,
        body: ReportMessageBodySchema,
        response: { 201: z.object({ reported: z.literal(true) }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await group.report(contextOf(request), request.params.id, request.body)),
  );
}

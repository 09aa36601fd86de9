import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireScope } from '../../platform/auth/guard.ts';
import { hasPermission } from '../../platform/auth/scope.ts';
import { contextOf } from '../../platform/http/context.ts';
import { IdParamSchema } from '../../platform/http/fields.ts';
import type { RealtimeBus } from '../../platform/realtime/bus.ts';
import { streamTopic } from '../../platform/realtime/sse.ts';
import { type LiveRealtime, topicOf } from './live.realtime.ts';
import {
  AnnouncementBodySchema,
  AnnouncementSchema,
  ApplyBodySchema,
  ChannelSchema,
  CreateLiveSessionBodySchema,
  EventsQuerySchema,
  HostStatsSchema,
  JobOpenBodySchema,
  LikesBodySchema,
  LiveApplicationSchema,
  LiveSessionListQuerySchema,
  LiveSessionPageSchema,
  LiveSessionSchema,
  PinBodySchema,
  PinSchema,
  ReportSchema,
  SegmentMoveBodySchema,
  SegmentSchema,
  UpdateLiveSessionBodySchema,
} from './livestream.schemas.ts';
import type { ReportService } from './report.service.ts';
import type { SessionService } from './session.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function sessionRoutes(
  app: FastifyInstance,
  deps: { sessions: SessionService; reports: ReportService; bus: RealtimeBus; realtime: LiveRealtime },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { sessions, reports } = deps;
  const tags = ['livestream'];
  const manage = { access: { permission: 'live:manage' as const } };
  const host = { access: { permission: 'live:host' as const } };

  r.get(
    '/api/v1/live-sessions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Recruitment live sessions: live ones first on a page; `status=live` for what is on air',
        querystring: LiveSessionListQuerySchema,
        response: { 200: LiveSessionPageSchema },
      },
    },
    async (request) => sessions.list(contextOf(request), request.query),
  );

  r.post(
    '/api/v1/live-sessions',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Plan a session: organisers, schedule, rundown, stream, employers and jobs, priority zone',
        body: CreateLiveSessionBodySchema,
        response: { 201: LiveSessionSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await sessions.create(contextOf(request), requireScope(request), request.body)),
  );

  r.get(
    '/api/v1/live-sessions/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The viewer page: the segment on air, the pinned job, counters, announcements, surveys',
        params: IdParamSchema,
        response: { 200: LiveSessionSchema },
      },
    },
    async (request) => sessions.view(contextOf(request), request.params.id),
  );

  r.patch(
    '/api/v1/live-sessions/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit a session (lists given are replaced as a whole)',
        params: IdParamSchema,
        body: UpdateLiveSessionBodySchema,
        response: { 200: LiveSessionSchema },
      },
    },
    async (request) =>
      sessions.update(contextOf(request), requireScope(request), request.params.id, request.body),
  );

  r.post(
    '/api/v1/live-sessions/:id/start',
    {
      config: host,
      schema: {
        tags,
        summary: 'Go live (scheduled → live)',
        params: IdParamSchema,
        response: { 200: LiveSessionSchema },
      },
    },
    async (request) => sessions.start(contextOf(request), requireScope(request), request.params.id),
  );

  r.post(
    '/api/v1/live-sessions/:id/end',
    {
      config: host,
      schema: {
        tags,
        summary: 'End the stream (live → ended); the job channel stays open',
        params: IdParamSchema,
        response: { 200: LiveSessionSchema },
      },
    },
    async (request) => sessions.end(contextOf(request), requireScope(request), request.params.id),
  );

  r.post(
    '/api/v1/live-sessions/:id/archive',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Archive (ended or never started → archived); closes the job channel',
        params: IdParamSchema,
        response: { 200: LiveSessionSchema },
      },
    },
    async (request) => sessions.archive(contextOf(request), requireScope(request), request.params.id),
  );

  r.post(
    '/api/v1/live-sessions/:id/segment',
    {
      config: host,
      schema: {
        tags,
        summary: 'Move through the rundown: a segment by id, or `move: next | previous`',
        params: IdParamSchema,
        body: SegmentMoveBodySchema,
        response: { 200: z.object({ currentSegment: SegmentSchema }) },
      },
    },
    async (request) =>
      sessions.moveSegment(contextOf(request), requireScope(request), request.params.id, request.body),
  );

  r.post(
    '/api/v1/live-sessions/:id/pins',
    {
      config: host,
      schema: {
        tags,
        summary: 'Pin the job being presented: a `pin` event reaches every viewer within a second',
        params: IdParamSchema,
        body: PinBodySchema,
        response: { 201: PinSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await sessions.pin(
            contextOf(request),
            requireScope(request),
            request.params.id,
            request.body.jobId,
          ),
        ),
  );

  r.delete(
    '/api/v1/live-sessions/:id/pins',
    {
      config: host,
      schema: { tags, summary: 'Unpin', params: IdParamSchema, response: { 200: PinSchema } },
    },
    async (request) => sessions.pin(contextOf(request), requireScope(request), request.params.id, null),
  );

  r.post(
    '/api/v1/live-sessions/:id/announcements',
    {
      config: host,
      schema: {
        tags,
        summary: 'Post an announcement to every viewer',
        params: IdParamSchema,
        body: AnnouncementBodySchema,
        response: { 201: AnnouncementSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await sessions.announce(
            contextOf(request),
            requireScope(request),
            request.params.id,
            request.body.text,
          ),
        ),
  );

  r.get(
    '/api/v1/live-sessions/:id/stats',
    {
      config: host,
      schema: {
        tags,
        summary:
          'Live counters for the host: applications and opens per job, the funnel views → opens → applications → hires',
        params: IdParamSchema,
        response: { 200: HostStatsSchema },
      },
    },
    async (request) => {
      await sessions.loadInScope(requireScope(request), request.params.id);
      return sessions.hostStatsOf(contextOf(request), request.params.id);
    },
  );

  r.get(
    '/api/v1/live-sessions/:id/jobs',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The job channel: the session’s jobs, priority-zone jobs first for eligible viewers',
        params: IdParamSchema,
        response: { 200: ChannelSchema },
      },
    },
    async (request) => sessions.channel(contextOf(request), request.params.id),
  );

  r.post(
    '/api/v1/live-sessions/:id/applications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'One-tap apply from the job channel (the session is recorded as the source); also after the end',
        params: IdParamSchema,
        body: ApplyBodySchema,
        response: { 201: LiveApplicationSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await sessions.apply(contextOf(request), request.params.id, request.body.jobId)),
  );

  r.post(
    '/api/v1/live-sessions/:id/likes',
    {
      config: { access: 'public' },
      // A bare POST (no body) is one tap.
      preValidation: async (request) => {
        request.body ??= { count: 1 };
      },
      schema: {
        tags,
        summary:
          'Like (taps may be batched): answered once added to the counter (group commit, one UPDATE per ~20 ms)',
        params: IdParamSchema,
        body: LikesBodySchema,
        response: { 202: z.object({ accepted: z.number().int() }) },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await sessions.like(request.params.id, request.body.count)),
  );

  r.post(
    '/api/v1/live-sessions/:id/job-opens',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A viewer opened a job in the channel (the funnel’s second step)',
        params: IdParamSchema,
        body: JobOpenBodySchema,
        response: { 202: z.object({ recorded: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      const key = actor
        ? `a:${actor.accountId}`
        : request.body.viewerId
          ? `v:${request.body.viewerId}`
          : `ip:${request.ip}`;
      return reply
        .status(202)
        .send(await sessions.jobOpen(contextOf(request), request.params.id, request.body.jobId, key));
    },
  );

  r.get(
    '/api/v1/live-sessions/:id/events',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Server-Sent Events: snapshot, pin, segment, status, announcement, message, stats (every second while live); Last-Event-ID replays what was missed',
        params: IdParamSchema,
        querystring: EventsQuerySchema,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const id = request.params.id;
      const { paths } = await sessions.load(id);
      const actor = ctx.actor;
      const isHost =
        request.query.role === 'host' &&
        actor !== null &&
        paths.some((p) => hasPermission(actor, 'live:host', p));
      const viewerKey = actor
        ? `a:${actor.accountId}`
        : request.query.viewerId
          ? `v:${request.query.viewerId}`
          : `r:${randomUUID()}`;
      const disconnect = await deps.realtime.connect(id, {
        viewerKey,
        accountId: actor?.accountId ?? null,
        host: isHost,
        end: () => reply.raw.end(),
      });
      try {
        await streamTopic(request, reply, {
          topic: topicOf(id),
          bus: deps.bus,
          initial: async () => [{ type: 'snapshot', data: await sessions.snapshot(ctx, id) }],
        });
      } finally {
        disconnect();
      }
    },
  );

  r.get(
    '/api/v1/live-sessions/:id/report',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Event report: exposures, peak concurrency, likes, applications and hires by employer and job, priority-zone share, survey results',
        params: IdParamSchema,
        response: { 200: ReportSchema },
      },
    },
    async (request) => reports.build(contextOf(request), requireScope(request), request.params.id),
  );

  r.get(
    '/api/v1/live-sessions/:id/report/export',
    {
      config: manage,
      schema: { tags, summary: 'The event report as .xlsx', params: IdParamSchema },
    },
    async (request, reply) => {
      const file = await reports.exportFile(contextOf(request), requireScope(request), request.params.id);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.data);
    },
  );
}

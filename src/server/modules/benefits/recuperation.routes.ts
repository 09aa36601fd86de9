import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, requireScope } from '../../platform/auth/guard.ts';
import { contextOf } from '../../platform/http/context.ts';
import { IdParamSchema } from '../../platform/http/fields.ts';
import {
  ApplicationSchema,
  ApplyBodySchema,
  CreateRouteBodySchema,
  DepartureInputSchema,
  DrawBodySchema,
  LotteryResultSchema,
  RouteListQuerySchema,
  RoutePageSchema,
  RouteSchema,
} from './benefits.schemas.ts';
import type { RecuperationService } from './recuperation.service.ts';

export function recuperationRoutes(app: FastifyInstance, deps: { recuperation: RecuperationService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['benefits: recuperation'];
  const ApplicationList = z.object({ items: z.array(ApplicationSchema) });

  r.get(
    '/api/v1/recuperation/routes',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          '疗休养 routes, featured first: staff see their subtree’s, members the routes offered to them',
        querystring: RouteListQuerySchema,
        response: { 200: RoutePageSchema },
      },
    },
    async (request) => deps.recuperation.list(requireActor(request), request.query),
  );

  r.post(
    '/api/v1/recuperation/routes',
    {
      config: { access: { permission: 'benefit:manage' } },
      schema: { tags, body: CreateRouteBodySchema, response: { 201: RouteSchema } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await deps.recuperation.create(contextOf(request), requireScope(request), request.body)),
  );

  r.get(
    '/api/v1/recuperation/routes/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'A route with its departures',
        params: IdParamSchema,
        response: { 200: RouteSchema },
      },
    },
    async (request) => deps.recuperation.get(requireActor(request), request.params.id),
  );

  r.post(
    '/api/v1/recuperation/routes/:id/departures',
    {
      config: { access: { permission: 'benefit:manage' } },
      schema: {
        tags,
        summary: 'Add a departure with its places and application window',
        params: IdParamSchema,
        body: DepartureInputSchema,
        response: { 201: RouteSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await deps.recuperation.addDeparture(
            contextOf(request),
            requireScope(request),
            request.params.id,
            request.body,
          ),
        ),
  );

  r.post(
    '/api/v1/recuperation/departures/:id/applications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'Apply within the window: for oneself, or (enterprise union staff) for a member with `memberId`',
        params: IdParamSchema,
        body: ApplyBodySchema,
        response: { 201: ApplicationSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await deps.recuperation.apply(
            contextOf(request),
            requireActor(request),
            request.params.id,
            request.body.memberId,
          ),
        ),
  );

  r.get(
    '/api/v1/recuperation/departures/:id/applications',
    {
      config: { access: { permission: 'benefit:read' } },
      schema: { tags, params: IdParamSchema, response: { 200: ApplicationList } },
    },
    async (request) => deps.recuperation.applications(requireScope(request), request.params.id),
  );

  r.post(
    '/api/v1/recuperation/departures/:id/draw',
    {
      config: { access: { permission: 'benefit:manage' } },
      schema: {
        tags,
        summary: 'Draw the places after applications close (seeded, reproducible; the seed is published)',
        params: IdParamSchema,
        body: DrawBodySchema,
        response: { 200: z.object({ departureId: z.uuid(), winners: z.number().int(), seed: z.string() }) },
      },
    },
    async (request) =>
      deps.recuperation.draw(contextOf(request), requireScope(request), request.params.id, request.body.seed),
  );

  r.get(
    '/api/v1/recuperation/departures/:id/lottery',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The published draw: seed, priorities, algorithm and the full order (names masked)',
        params: IdParamSchema,
        response: { 200: LotteryResultSchema },
      },
    },
    async (request) => deps.recuperation.lottery(requireActor(request), request.params.id),
  );

  r.post(
    '/api/v1/recuperation/applications/:id/cancel',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Cancel an application; a winner’s place goes to the first on the waitlist',
        params: IdParamSchema,
        response: { 200: z.object({ cancelled: z.uuid(), promoted: z.uuid().nullable() }) },
      },
    },
    async (request) => deps.recuperation.cancel(contextOf(request), requireActor(request), request.params.id),
  );

  r.get(
    '/api/v1/me/recuperation-applications',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'My recuperation applications', response: { 200: ApplicationList } },
    },
    async (request) => deps.recuperation.mine(requireActor(request)),
  );
}

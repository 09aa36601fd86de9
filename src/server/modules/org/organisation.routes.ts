import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireScope } from '../../platform/auth/guard.ts';
import { contextOf } from '../../platform/http/context.ts';
import { IdParamSchema } from '../../platform/http/fields.ts';
import {
  CreateOrganisationBodySchema,
  MoveOrganisationBodySchema,
  OrganisationListQuerySchema,
  OrganisationSchema,
  RenameOrganisationBodySchema,
} from './org.schemas.ts';
import type { OrganisationService } from './organisation.service.ts';

export function organisationRoutes(app: FastifyInstance, deps: { organisations: OrganisationService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'org:read' as const } };
  const write = { access: { permission: 'org:write' as const } };

  r.get(
    '/api/v1/organisations',
    {
      config: read,
      schema: {
        tags: ['organisations'],
        summary: 'Organisations in the caller’s subtree (flat, parents before children)',
        querystring: OrganisationListQuerySchema,
        response: { 200: z.object({ items: z.array(OrganisationSchema) }) },
      },
    },
    async (request) => ({
      items: await deps.organisations.list(requireScope(request), {
        parentId: request.query.parentId,
        q: request.query.q,
        includeClosed: request.query.includeClosed === 'true',
      }),
    }),
  );

  r.get(
    '/api/v1/organisations/:id',
    {
      config: read,
      schema: { tags: ['organisations'], params: IdParamSchema, response: { 200: OrganisationSchema } },
    },
    async (request) => deps.organisations.get(requireScope(request), request.params.id),
  );

  r.post(
    '/api/v1/organisations',
    {
      config: write,
      schema: {
        tags: ['organisations'],
        summary: 'Add an organisation under a parent',
        body: CreateOrganisationBodySchema,
        response: { 201: OrganisationSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await deps.organisations.create(contextOf(request), requireScope(request), request.body)),
  );

  r.patch(
    '/api/v1/organisations/:id',
    {
      config: write,
      schema: {
        tags: ['organisations'],
        summary: 'Rename',
        params: IdParamSchema,
        body: RenameOrganisationBodySchema,
        response: { 200: OrganisationSchema },
      },
    },
    async (request) =>
      deps.organisations.rename(
        contextOf(request),
        requireScope(request),
        request.params.id,
        request.body.name,
      ),
  );

  r.post(
    '/api/v1/organisations/:id/move',
    {
      config: write,
      schema: {
        tags: ['organisations'],
        summary: 'Move with its whole subtree',
        params: IdParamSchema,
        body: MoveOrganisationBodySchema,
        response: { 200: OrganisationSchema },
      },
    },
    async (request) =>
      deps.organisations.move(
        contextOf(request),
        requireScope(request),
        request.params.id,
        request.body.parentId,
      ),
  );

  r.post(
    '/api/v1/organisations/:id/close',
    {
      config: write,
      schema: {
        tags: ['organisations'],
        summary: 'Close (撤销) an empty organisation',
        params: IdParamSchema,
        response: { 200: OrganisationSchema },
      },
    },
    async (request) => deps.organisations.close(contextOf(request), requireScope(request), request.params.id),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/context.ts';
import { IdParamSchema } from '../../platform/http/fields.ts';
import type { ApplicationService } from './application.service.ts';
import { ApplicationSchema, MoveApplicationBodySchema, NoteBodySchema } from './employment.schemas.ts';

export function applicationRoutes(app: FastifyInstance, deps: { applications: ApplicationService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/applications/:id',
    {
      config: { access: { permission: 'application:manage' } },
      schema: {
        tags: ['employment'],
        summary: 'One application with the applicant’s phone (read audited) and its history',
        params: IdParamSchema,
        response: { 200: ApplicationSchema },
      },
    },
    async (request) => deps.applications.get(contextOf(request), request.params.id),
  );

  r.patch(
    '/api/v1/applications/:id',
    {
      config: { access: { permission: 'application:manage' } },
      schema: {
        tags: ['employment'],
        summary:
          'Move an application one step: submitted → viewed → interview → hired → onboarded, or rejected; anything else is 409',
        params: IdParamSchema,
        body: MoveApplicationBodySchema,
        response: { 200: ApplicationSchema },
      },
    },
    async (request) =>
      deps.applications.move(contextOf(request), request.params.id, request.body.status, request.body.note),
  );

  r.put(
    '/api/v1/applications/:id/note',
    {
      config: { access: { permission: 'application:manage' } },
      schema: {
        tags: ['employment'],
        summary: 'The employer’s note on an application',
        params: IdParamSchema,
        body: NoteBodySchema,
        response: { 200: ApplicationSchema },
      },
    },
    async (request) => deps.applications.setNote(contextOf(request), request.params.id, request.body.note),
  );
}

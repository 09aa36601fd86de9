import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireScope } from '../../platform/auth/guard.ts';
import { contextOf } from '../../platform/http/context.ts';
import { IdParamSchema } from '../../platform/http/fields.ts';
import type { EmployerService } from './employer.service.ts';
import {
  CreateEmployerBodySchema,
  CreateHrAccountBodySchema,
  EmployerListQuerySchema,
  EmployerSchema,
  HrAccountSchema,
  UpdateEmployerBodySchema,
  VerifyEmployerBodySchema,
} from './employment.schemas.ts';

export function employerRoutes(app: FastifyInstance, deps: { employers: EmployerService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/employers',
    {
      config: { access: { permission: 'employer:read' } },
      schema: {
        tags: ['employment'],
        summary: 'Employers served by the caller’s subtree, by pinyin name',
        querystring: EmployerListQuerySchema,
        response: {
          200: z.object({
            items: z.array(EmployerSchema),
            nextCursor: z.string().nullable(),
            total: z.number().int(),
          }),
        },
      },
    },
    async (request) => deps.employers.list(contextOf(request), request.query),
  );

  r.get(
    '/api/v1/employers/:id',
    {
      config: { access: { permission: 'employer:read' } },
      schema: { tags: ['employment'], params: IdParamSchema, response: { 200: EmployerSchema } },
    },
    async (request) => deps.employers.get(contextOf(request), request.params.id),
  );

  r.post(
    '/api/v1/employers',
    {
      config: { access: { permission: 'employer:write' } },
      schema: {
        tags: ['employment'],
        summary: 'Register an employer (credit code check character verified)',
        body: CreateEmployerBodySchema,
        response: { 201: EmployerSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await deps.employers.create(contextOf(request), requireScope(request), request.body)),
  );

  r.patch(
    '/api/v1/employers/:id',
    {
      config: { access: { permission: 'employer:write' } },
      schema: {
        tags: ['employment'],
        params: IdParamSchema,
        body: UpdateEmployerBodySchema,
        response: { 200: EmployerSchema },
      },
    },
    async (request) => deps.employers.update(contextOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/v1/employers/:id/verification',
    {
      config: { access: { permission: 'employer:verify' } },
      schema: {
        tags: ['employment'],
        summary: 'Union staff verify (or reject) an employer',
        params: IdParamSchema,
        body: VerifyEmployerBodySchema,
        response: { 200: EmployerSchema },
      },
    },
    async (request) =>
      deps.employers.verify(contextOf(request), requireScope(request), request.params.id, request.body),
  );

  r.get(
    '/api/v1/employers/:id/hr-accounts',
    {
      config: { access: { permission: 'employer:write' } },
      schema: {
        tags: ['employment'],
        params: IdParamSchema,
        response: { 200: z.object({ items: z.array(HrAccountSchema) }) },
      },
    },
    async (request) => ({ items: await deps.employers.hrAccounts(contextOf(request), request.params.id) }),
  );

  r.post(
    '/api/v1/employers/:id/hr-accounts',
    {
      config: { access: { permission: 'employer:write' } },
      schema: {
        tags: ['employment'],
        summary: 'Create an HR account for the employer (role employer_hr at its organisation, linked to it)',
        params: IdParamSchema,
        body: CreateHrAccountBodySchema,
        response: { 201: HrAccountSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await deps.employers.createHrAccount(contextOf(request), request.params.id, request.body)),
  );
}

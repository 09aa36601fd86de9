import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireScope } from '../../platform/auth/guard.ts';
import { contextOf } from '../../platform/http/context.ts';
import type { AllocationService } from './allocation.service.ts';
import { AllocationBodySchema, AllocationReportSchema } from './employment.schemas.ts';

/** Job-fair allocation: a proposal for staff to review; nothing is sent to anyone. */
export function allocationRoutes(app: FastifyInstance, deps: { allocation: AllocationService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/allocations',
    {
      config: { access: { permission: 'allocation:run' } },
      schema: {
        tags: ['employment'],
        summary:
          'Allocate the pending applications of a recruitment event (postings and/or a priority zone): stable deferred acceptance beside the welfare-maximising assignment — a proposal only',
        body: AllocationBodySchema,
        response: { 200: AllocationReportSchema },
      },
    },
    async (request) => deps.allocation.allocate(contextOf(request), requireScope(request), request.body),
  );
}

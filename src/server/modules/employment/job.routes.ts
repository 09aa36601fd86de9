import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireScope } from '../../platform/auth/guard.ts';
import { contextOf } from '../../platform/http/context.ts';
import { IdParamSchema } from '../../platform/http/fields.ts';
import type { ApplicationService } from './application.service.ts';
import { sendXlsx, uploadedFile } from './employment.http.ts';
import {
  ApplicationListQuerySchema,
  ApplicationSchema,
  BulkJobStatusBodySchema,
  BulkResultSchema,
  CandidateSchema,
  CreateJobBodySchema,
  FeatureBodySchema,
  ImportQuerySchema,
  ImportReportSchema,
  JobPageSchema,
  JobSchema,
  JobSearchQuerySchema,
  JobStatusBodySchema,
  MyApplicationSchema,
  ReportBodySchema,
  ReviewBodySchema,
  UpdateJobBodySchema,
} from './employment.schemas.ts';
import type { JobService } from './job.service.ts';
import type { TransferService } from './transfer.service.ts';

export function jobRoutes(
  app: FastifyInstance,
  deps: { jobs: JobService; applications: ApplicationService; transfer: TransferService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/jobs',
    {
      config: { access: 'public' },
      schema: {
        tags: ['employment'],
        summary:
          'Search jobs by keyword and filters. Everyone sees open postings the union vouches for; HR and staff also see their own in any state (`publicOnly=true` to hide them)',
        querystring: JobSearchQuerySchema,
        response: { 200: JobPageSchema },
      },
    },
    async (request) => deps.jobs.search(contextOf(request), request.query),
  );

  r.get(
    '/api/v1/jobs/review-queue',
    {
      config: { access: { permission: 'job:review' } },
      schema: {
        tags: ['employment'],
        summary: 'Flagged or reported postings in the caller’s subtree, with the reasons and reports',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                job: JobSchema,
                reports: z.array(
                  z.object({ reason: z.string(), detail: z.string().nullable(), at: z.string() }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async (request) => deps.jobs.reviewQueue(contextOf(request), requireScope(request)),
  );

  r.get(
    '/api/v1/jobs/export',
    {
      config: { access: { permission: 'employment:export' } },
      schema: {
        tags: ['employment'],
        summary: 'Export the postings the caller manages to .xlsx (import headers)',
      },
    },
    async (request, reply) =>
      sendXlsx(reply, 'jobs.xlsx', '岗位.xlsx', await deps.transfer.exportJobs(contextOf(request))),
  );

  r.post(
    '/api/v1/jobs/import',
    {
      config: { access: { permission: 'employment:import' } },
      schema: {
        tags: ['employment'],
        summary:
          'Import postings from .xlsx, .csv or .jsonl (multipart field `file`); nothing is imported from a file with errors unless `validRowsOnly=true`',
        querystring: ImportQuerySchema,
        consumes: ['multipart/form-data'],
        response: { 200: ImportReportSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return deps.transfer.importJobs(ctx, requireScope(request), await uploadedFile(request), {
        orgId: request.query.orgId,
        validRowsOnly: request.query.validRowsOnly === 'true',
        locale: ctx.locale,
      });
    },
  );

  r.post(
    '/api/v1/jobs/bulk-status',
    {
      config: { access: { permission: 'job:write' } },
      schema: {
        tags: ['employment'],
        summary: 'Change the status of many postings; each succeeds or fails on its own',
        body: BulkJobStatusBodySchema,
        response: { 200: BulkResultSchema },
      },
    },
    async (request) => deps.jobs.bulkStatus(contextOf(request), request.body.ids, request.body.status),
  );

  r.get(
    '/api/v1/jobs/:id',
    {
      config: { access: 'public' },
      schema: { tags: ['employment'], params: IdParamSchema, response: { 200: JobSchema } },
    },
    async (request) => deps.jobs.get(contextOf(request), request.params.id),
  );

  r.post(
    '/api/v1/jobs',
    {
      config: { access: { permission: 'job:write' } },
      schema: {
        tags: ['employment'],
        summary: 'Post a job; a posting the trust check flags waits for union staff review',
        body: CreateJobBodySchema,
        response: { 201: JobSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await deps.jobs.create(contextOf(request), request.body)),
  );

  r.patch(
    '/api/v1/jobs/:id',
    {
      config: { access: { permission: 'job:write' } },
      schema: {
        tags: ['employment'],
        summary: 'Edit a posting (checked again)',
        params: IdParamSchema,
        body: UpdateJobBodySchema,
        response: { 200: JobSchema },
      },
    },
    async (request) => deps.jobs.update(contextOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/v1/jobs/:id/status',
    {
      config: { access: { permission: 'job:write' } },
      schema: {
        tags: ['employment'],
        summary: 'draft → open ⇄ paused → closed',
        params: IdParamSchema,
        body: JobStatusBodySchema,
        response: { 200: JobSchema },
      },
    },
    async (request) => deps.jobs.changeStatus(contextOf(request), request.params.id, request.body.status),
  );

  r.post(
    '/api/v1/jobs/:id/review',
    {
      config: { access: { permission: 'job:review' } },
      schema: {
        tags: ['employment'],
        summary: 'Union staff approve or reject a flagged or reported posting',
        params: IdParamSchema,
        body: ReviewBodySchema,
        response: { 200: JobSchema },
      },
    },
    async (request) =>
      deps.jobs.review(contextOf(request), requireScope(request), request.params.id, request.body),
  );

  r.post(
    '/api/v1/jobs/:id/feature',
    {
      config: { access: { permission: 'job:review' } },
      schema: {
        tags: ['employment'],
        params: IdParamSchema,
        body: FeatureBodySchema,
        response: { 200: JobSchema },
      },
    },
    async (request) =>
      deps.jobs.feature(contextOf(request), requireScope(request), request.params.id, request.body.featured),
  );

  r.post(
    '/api/v1/jobs/:id/reports',
    {
      config: { access: 'authenticated', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['employment'],
        summary: 'Report a posting to the union (once per person)',
        params: IdParamSchema,
        body: ReportBodySchema,
        response: { 201: z.object({ reported: z.literal(true) }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await deps.jobs.report(contextOf(request), request.params.id, request.body)),
  );

  r.post(
    '/api/v1/jobs/:id/applications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['employment'],
        summary: 'Apply (投递) with my profile: 409 if already applied, closed or full',
        params: IdParamSchema,
        response: { 201: MyApplicationSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await deps.applications.apply(contextOf(request), request.params.id)),
  );

  r.get(
    '/api/v1/jobs/:id/applications',
    {
      config: { access: { permission: 'application:manage' } },
      schema: {
        tags: ['employment'],
        summary: 'The applications board of a posting: priority applicants first',
        params: IdParamSchema,
        querystring: ApplicationListQuerySchema,
        response: { 200: z.object({ items: z.array(ApplicationSchema) }) },
      },
    },
    async (request) => deps.applications.forJob(contextOf(request), request.params.id, request.query.status),
  );

  // One handler, two paths: `recommended-workers` (issue 4) and the older `suggested-candidates`, kept as an alias.
  const candidatesQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) });
  for (const [url, summary] of [
    [
      '/api/v1/jobs/:id/recommended-workers',
      'Visible profiles ranked for a posting by the matching engine, with score, factors and reasons; phones masked',
    ],
    ['/api/v1/jobs/:id/suggested-candidates', 'Alias of /api/v1/jobs/{id}/recommended-workers'],
  ] as const) {
    r.get(
      url,
      {
        config: { access: { permission: 'application:manage' } },
        schema: {
          tags: ['employment'],
          summary,
          params: IdParamSchema,
          querystring: candidatesQuery,
          response: { 200: z.object({ items: z.array(CandidateSchema) }) },
        },
      },
      async (request) =>
        deps.applications.suggested(contextOf(request), request.params.id, request.query.limit),
    );
  }
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireScope } from '../../platform/auth/guard.ts';
import { resolveScope } from '../../platform/auth/scope.ts';
import { contextOf } from '../../platform/http/context.ts';
import { IdParamSchema } from '../../platform/http/fields.ts';
import {
  AnswerBodySchema,
  CreateSurveyBodySchema,
  SurveyListQuerySchema,
  SurveyResultsQuerySchema,
  SurveyResultsSchema,
  SurveySchema,
  UpdateSurveyBodySchema,
} from './livestream.schemas.ts';
import type { SurveyService } from './survey.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function surveyRoutes(app: FastifyInstance, deps: { surveys: SurveyService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { surveys } = deps;
  const tags = ['surveys'];
  const manage = { access: { permission: 'survey:manage' as const } };

  r.get(
    '/api/v1/surveys',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Surveys of my subtree, optionally of one target (e.g. targetType=live-session&targetId=…)',
        querystring: SurveyListQuerySchema,
        response: { 200: z.object({ items: z.array(SurveySchema) }) },
      },
    },
    async (request) => surveys.list(contextOf(request), requireScope(request), request.query),
  );

  r.post(
    '/api/v1/surveys',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Build a survey: single choice, multiple choice, rating scale, short text; required or optional',
        body: CreateSurveyBodySchema,
        response: { 201: SurveySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await surveys.create(contextOf(request), requireScope(request), request.body)),
  );

  r.get(
    '/api/v1/surveys/:id',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'A survey to answer', params: IdParamSchema, response: { 200: SurveySchema } },
    },
    async (request) => {
      const scope = request.actor ? resolveScope(request.actor.grants, 'survey:manage') : null;
      return surveys.get(contextOf(request), request.params.id, scope);
    },
  );

  r.patch(
    '/api/v1/surveys/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit, open or close a survey (questions are fixed once answered)',
        params: IdParamSchema,
        body: UpdateSurveyBodySchema,
        response: { 200: SurveySchema },
      },
    },
    async (request) =>
      surveys.update(contextOf(request), requireScope(request), request.params.id, request.body),
  );

  r.post(
    '/api/v1/surveys/:id/responses',
    {
      config: { access: 'authenticated', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Answer a survey: one answer per person (409 the second time)',
        params: IdParamSchema,
        body: AnswerBodySchema,
        response: { 201: z.object({ id: z.uuid(), surveyId: z.uuid(), createdAt: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await surveys.answer(contextOf(request), request.params.id, request.body.answers)),
  );

  r.get(
    '/api/v1/surveys/:id/results',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Counts per option for each question, with a cross-tab by a single-choice question (`by`)',
        params: IdParamSchema,
        querystring: SurveyResultsQuerySchema,
        response: { 200: SurveyResultsSchema },
      },
    },
    async (request) =>
      surveys.resultsOf(contextOf(request), requireScope(request), request.params.id, request.query.by),
  );

  r.get(
    '/api/v1/surveys/:id/export',
    {
      config: manage,
      schema: { tags, summary: 'Results and responses as .xlsx', params: IdParamSchema },
    },
    async (request, reply) => {
      const file = await surveys.exportFile(contextOf(request), requireScope(request), request.params.id);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.data);
    },
  );
}

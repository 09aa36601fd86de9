import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireScope } from '../../platform/auth/guard.ts';
import type { MapTiles } from '../../platform/env.ts';
import { contextOf } from '../../platform/http/context.ts';
import { IdParamSchema } from '../../platform/http/fields.ts';
import { APPLICATION_STATUS_LABELS, APPLICATION_STATUSES } from './application.pipeline.ts';
import { sendXlsx, uploadedFile } from './employment.http.ts';
import {
  COMMON_TAGS,
  CreateServicePointBodySchema,
  CreateZoneBodySchema,
  ImportQuerySchema,
  ImportReportSchema,
  INDUSTRIES,
  JobSchema,
  NearbyQuerySchema,
  NearbySchema,
  OverviewQuerySchema,
  OverviewSchema,
  ProfileListQuerySchema,
  ProfilePageSchema,
  SERVICE_POINT_KINDS,
  ServicePointSchema,
  UpdateServicePointBodySchema,
  UpdateZoneBodySchema,
  ZoneJobsBodySchema,
  ZoneSchema,
} from './employment.schemas.ts';
import { JOB_STATUS_LABELS, JOB_STATUSES } from './job.lifecycle.ts';
import type { OverviewService } from './overview.service.ts';
import type { ProfileService } from './profile.service.ts';
import { SPEED_KMH } from './service-point.geo.ts';
import type { ServicePointService } from './service-point.service.ts';
import type { TransferService } from './transfer.service.ts';
import { TRUST_RULES } from './trust.rules.ts';
import type { ZoneService } from './zone.service.ts';

/** Zones, service points, staff views of profiles, the overview and the code lists. */
export function directoryRoutes(
  app: FastifyInstance,
  deps: {
    zones: ZoneService;
    servicePoints: ServicePointService;
    profiles: ProfileService;
    transfer: TransferService;
    overview: OverviewService;
    mapTiles: MapTiles | null;
  },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/employment/reference',
    {
      config: { access: 'public' },
      schema: {
        tags: ['employment'],
        summary: 'Code lists for employment forms and filters, with labels in the caller’s language',
        response: {
          200: z.object({
            industries: z.array(z.string()),
            tags: z.array(z.string()),
            servicePointKinds: z.array(z.string()),
            jobStatuses: z.array(z.object({ value: z.string(), label: z.string() })),
            applicationStatuses: z.array(z.object({ value: z.string(), label: z.string() })),
            trustRules: z.array(z.object({ id: z.string(), label: z.string() })),
            speedsKmh: z.object({ walk: z.number(), ebike: z.number() }),
            map: z
              .object({
                tileUrl: z.string().describe('Leaflet URL template with {s}, {z}, {x}, {y}'),
                attribution: z.string().nullable(),
                subdomains: z.array(z.string()).describe('Values of {s}'),
                maxZoom: z.number().int(),
              })
              .nullable()
              .describe(
                'The tile server for maps (MAP_TILE_URL); null: none configured, show lists. Coordinates are drawn as stored (WGS-84).',
              ),
          }),
        },
      },
    },
    async (request) => {
      const { locale } = contextOf(request);
      return {
        industries: [...INDUSTRIES],
        tags: [...COMMON_TAGS],
        servicePointKinds: [...SERVICE_POINT_KINDS],
        jobStatuses: JOB_STATUSES.map((s) => ({ value: s, label: JOB_STATUS_LABELS[s][locale] })),
        applicationStatuses: APPLICATION_STATUSES.map((s) => ({
          value: s,
          label: APPLICATION_STATUS_LABELS[s][locale],
        })),
        trustRules: TRUST_RULES.map((rule) => ({
          id: rule.id,
          label: rule.reason[locale].replace(/（.*）|\(.*\)/, '').trim(),
        })),
        speedsKmh: SPEED_KMH,
        map: deps.mapTiles,
      };
    },
  );

  r.get(
    '/api/v1/employment/overview',
    {
      config: { access: { permission: 'employment:stats' } },
      schema: {
        tags: ['employment'],
        summary: 'Positions, places, applications and hires per organisation, employer and priority zone',
        querystring: OverviewQuerySchema,
        response: { 200: OverviewSchema },
      },
    },
    async (request) => deps.overview.overview(contextOf(request), requireScope(request), request.query.orgId),
  );

  r.get(
    '/api/v1/zones',
    {
      config: { access: 'public' },
      schema: {
        tags: ['employment'],
        summary: 'Priority zones',
        response: { 200: z.object({ items: z.array(ZoneSchema) }) },
      },
    },
    async () => deps.zones.list(),
  );

  r.get(
    '/api/v1/zones/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['employment'],
        params: IdParamSchema,
        response: { 200: ZoneSchema.extend({ jobs: z.array(JobSchema) }) },
      },
    },
    async (request) => deps.zones.get(request.params.id, contextOf(request).locale),
  );

  r.post(
    '/api/v1/zones',
    {
      config: { access: { permission: 'zone:write' } },
      schema: { tags: ['employment'], body: CreateZoneBodySchema, response: { 201: ZoneSchema } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await deps.zones.create(contextOf(request), requireScope(request), request.body)),
  );

  r.patch(
    '/api/v1/zones/:id',
    {
      config: { access: { permission: 'zone:write' } },
      schema: {
        tags: ['employment'],
        params: IdParamSchema,
        body: UpdateZoneBodySchema,
        response: { 200: ZoneSchema },
      },
    },
    async (request) =>
      deps.zones.update(contextOf(request), requireScope(request), request.params.id, request.body),
  );

  r.put(
    '/api/v1/zones/:id/jobs',
    {
      config: { access: { permission: 'zone:write' } },
      schema: {
        tags: ['employment'],
        summary: 'Replace the postings of a zone (in this order)',
        params: IdParamSchema,
        body: ZoneJobsBodySchema,
        response: { 200: ZoneSchema },
      },
    },
    async (request) =>
      deps.zones.setJobs(contextOf(request), requireScope(request), request.params.id, request.body.jobIds),
  );

  r.get(
    '/api/v1/service-points',
    {
      config: { access: 'public' },
      schema: {
        tags: ['employment'],
        querystring: z.strictObject({
          kind: z.enum(SERVICE_POINT_KINDS).optional(),
          q: z.string().trim().max(40).optional(),
        }),
        response: { 200: z.object({ items: z.array(ServicePointSchema) }) },
      },
    },
    async (request) => deps.servicePoints.list(request.query),
  );

  r.get(
    '/api/v1/service-points/nearby',
    {
      config: { access: 'public' },
      schema: {
        tags: ['employment'],
        summary:
          'The 15-minute service circle: points within N minutes walking (5 km/h) or by e-bike (15 km/h), straight line, nearest first',
        querystring: NearbyQuerySchema,
        response: { 200: NearbySchema },
      },
    },
    async (request) => deps.servicePoints.nearby(request.query),
  );

  r.post(
    '/api/v1/service-points',
    {
      config: { access: { permission: 'service-point:write' } },
      schema: {
        tags: ['employment'],
        body: CreateServicePointBodySchema,
        response: { 201: ServicePointSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await deps.servicePoints.create(contextOf(request), requireScope(request), request.body)),
  );

  r.patch(
    '/api/v1/service-points/:id',
    {
      config: { access: { permission: 'service-point:write' } },
      schema: {
        tags: ['employment'],
        params: IdParamSchema,
        body: UpdateServicePointBodySchema,
        response: { 200: ServicePointSchema },
      },
    },
    async (request) =>
      deps.servicePoints.update(contextOf(request), requireScope(request), request.params.id, request.body),
  );

  r.get(
    '/api/v1/profiles',
    {
      config: { access: { permission: 'profile:read' } },
      schema: {
        tags: ['employment'],
        summary: 'Job-seeker profiles kept in the caller’s subtree (phones masked)',
        querystring: ProfileListQuerySchema,
        response: { 200: ProfilePageSchema },
      },
    },
    async (request) => deps.profiles.list(contextOf(request), requireScope(request), request.query),
  );

  r.get(
    '/api/v1/profiles/export',
    {
      config: { access: { permission: 'employment:export' } },
      schema: { tags: ['employment'], summary: 'Export profiles in scope to .xlsx (phones masked)' },
    },
    async (request, reply) =>
      sendXlsx(
        reply,
        'profiles.xlsx',
        '求职者.xlsx',
        await deps.transfer.exportProfiles(contextOf(request), requireScope(request)),
      ),
  );

  r.post(
    '/api/v1/profiles/import',
    {
      config: { access: { permission: 'employment:import' } },
      schema: {
        tags: ['employment'],
        summary:
          'Import job-seeker profiles from .xlsx, .csv or .jsonl (multipart `file`); imported profiles are hidden unless `visible=true`',
        querystring: ImportQuerySchema.extend({ visible: z.enum(['true', 'false']).optional() }),
        consumes: ['multipart/form-data'],
        response: { 200: ImportReportSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return deps.transfer.importProfiles(ctx, requireScope(request), await uploadedFile(request), {
        orgId: request.query.orgId,
        validRowsOnly: request.query.validRowsOnly === 'true',
        visible: request.query.visible === 'true',
        locale: ctx.locale,
      });
    },
  );
}

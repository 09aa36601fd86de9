import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor, requireScope } from '../../platform/auth/guard.ts';
import { contextOf } from '../../platform/http/context.ts';
import { IdParamSchema } from '../../platform/http/fields.ts';
import {
  CampaignListQuerySchema,
  CampaignPageSchema,
  CampaignProgressSchema,
  CampaignSchema,
  CloseCampaignResultSchema,
  CreateCampaignBodySchema,
  OverviewQuerySchema,
  OverviewSchema,
  ReconciliationSchema,
  RejectBodySchema,
  UpdateCampaignBodySchema,
} from './benefits.schemas.ts';
import type { CampaignService } from './campaign.service.ts';

export function campaignRoutes(app: FastifyInstance, deps: { campaigns: CampaignService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['benefits: campaigns'];

  r.get(
    '/api/v1/voucher-campaigns',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'Voucher campaigns: staff see those funded in their subtree; members see open and upcoming campaigns they are eligible for',
        querystring: CampaignListQuerySchema,
        response: { 200: CampaignPageSchema },
      },
    },
    async (request) => deps.campaigns.list(requireActor(request), request.query),
  );

  r.post(
    '/api/v1/voucher-campaigns',
    {
      config: { access: { permission: 'benefit:manage' } },
      schema: {
        tags,
        summary: 'Create a campaign as a draft (maker)',
        body: CreateCampaignBodySchema,
        response: { 201: CampaignSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await deps.campaigns.create(contextOf(request), requireScope(request), request.body)),
  );

  r.get(
    '/api/v1/voucher-campaigns/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: IdParamSchema, response: { 200: CampaignSchema } },
    },
    async (request) => deps.campaigns.get(requireActor(request), request.params.id),
  );

  r.patch(
    '/api/v1/voucher-campaigns/:id',
    {
      config: { access: { permission: 'benefit:manage' } },
      schema: {
        tags,
        summary: 'Edit a draft or rejected campaign',
        params: IdParamSchema,
        body: UpdateCampaignBodySchema,
        response: { 200: CampaignSchema },
      },
    },
    async (request) =>
      deps.campaigns.update(contextOf(request), requireScope(request), request.params.id, request.body),
  );

  r.post(
    '/api/v1/voucher-campaigns/:id/submit',
    {
      config: { access: { permission: 'benefit:manage' } },
      schema: {
        tags,
        summary: 'Send for approval',
        params: IdParamSchema,
        response: { 200: CampaignSchema },
      },
    },
    async (request) => deps.campaigns.submit(contextOf(request), requireScope(request), request.params.id),
  );

  r.post(
    '/api/v1/voucher-campaigns/:id/approve',
    {
      config: { access: { permission: 'benefit:approve' } },
      schema: {
        tags,
        summary: 'Approve a pending campaign (checker); the creator cannot',
        params: IdParamSchema,
        response: { 200: CampaignSchema },
      },
    },
    async (request) => deps.campaigns.approve(contextOf(request), requireScope(request), request.params.id),
  );

  r.post(
    '/api/v1/voucher-campaigns/:id/reject',
    {
      config: { access: { permission: 'benefit:approve' } },
      schema: {
        tags,
        summary: 'Send a pending campaign back with a reason (checker)',
        params: IdParamSchema,
        body: RejectBodySchema,
        response: { 200: CampaignSchema },
      },
    },
    async (request) =>
      deps.campaigns.reject(
        contextOf(request),
        requireScope(request),
        request.params.id,
        request.body.reason,
      ),
  );

  r.post(
    '/api/v1/voucher-campaigns/:id/close',
    {
      config: { access: { permission: 'benefit:manage' } },
      schema: {
        tags,
        summary: 'After the validity period: expire unused vouchers and return unclaimed and expired budget',
        params: IdParamSchema,
        response: { 200: CloseCampaignResultSchema },
      },
    },
    async (request) => deps.campaigns.close(contextOf(request), requireScope(request), request.params.id),
  );

  r.get(
    '/api/v1/voucher-campaigns/:id/progress',
    {
      config: { access: { permission: 'benefit:read' } },
      schema: {
        tags,
        summary: 'Live claim progress (poll every few seconds during a rush)',
        params: IdParamSchema,
        response: { 200: CampaignProgressSchema },
      },
    },
    async (request) => deps.campaigns.progress(requireScope(request), request.params.id),
  );

  r.get(
    '/api/v1/voucher-campaigns/:id/reconciliation',
    {
      config: { access: { permission: 'benefit:read' } },
      schema: {
        tags,
        summary: 'Check that campaign totals equal the sum of voucher states, redemptions and history',
        params: IdParamSchema,
        response: { 200: ReconciliationSchema },
      },
    },
    async (request) => deps.campaigns.reconciliation(requireScope(request), request.params.id),
  );

  r.get(
    '/api/v1/benefits/overview',
    {
      config: { access: { permission: 'benefit:read' } },
      schema: {
        tags,
        summary:
          'Issued, claimed and redeemed amounts and the order amounts they drove, per funding organisation',
        querystring: OverviewQuerySchema,
        response: { 200: OverviewSchema },
      },
    },
    async (request) => deps.campaigns.overview(requireScope(request), request.query.orgId),
  );
}

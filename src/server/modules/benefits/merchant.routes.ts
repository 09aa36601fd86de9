import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, requireScope } from '../../platform/auth/guard.ts';
import { contextOf } from '../../platform/http/context.ts';
import { IdParamSchema } from '../../platform/http/fields.ts';
import {
  CreateMerchantAccountBodySchema,
  CreateMerchantBodySchema,
  MerchantListQuerySchema,
  MerchantPageSchema,
  MerchantSchema,
  NearbyOutletSchema,
  NearbyQuerySchema,
  OutletInputSchema,
  PlaqueSchema,
  PlaqueVerificationSchema,
  StatementQuerySchema,
  StatementSchema,
  UpdateMerchantBodySchema,
} from './benefits.schemas.ts';
import type { MerchantService } from './merchant.service.ts';
import { sendXlsx } from './voucher.routes.ts';
import type { VoucherService } from './voucher.service.ts';

export function merchantRoutes(
  app: FastifyInstance,
  deps: { merchants: MerchantService; vouchers: VoucherService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['benefits: merchants'];

  r.get(
    '/api/v1/merchants',
    {
      config: { access: { permission: 'benefit:read' } },
      schema: {
        tags,
        summary: 'Partner merchants serving organisations in the caller’s subtree, by pinyin name',
        querystring: MerchantListQuerySchema,
        response: { 200: MerchantPageSchema },
      },
    },
    async (request) => deps.merchants.list(requireScope(request), request.query),
  );

  r.post(
    '/api/v1/merchants',
    {
      config: { access: { permission: 'benefit:manage' } },
      schema: {
        tags,
        summary: 'Register a partner merchant with its outlets; issues its plaque number',
        body: CreateMerchantBodySchema,
        response: { 201: MerchantSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await deps.merchants.create(contextOf(request), requireScope(request), request.body)),
  );

  r.get(
    '/api/v1/merchants/:id',
    {
      config: { access: { permission: 'benefit:read' } },
      schema: { tags, params: IdParamSchema, response: { 200: MerchantSchema } },
    },
    async (request) => deps.merchants.get(requireScope(request), request.params.id),
  );

  r.patch(
    '/api/v1/merchants/:id',
    {
      config: { access: { permission: 'benefit:manage' } },
      schema: {
        tags,
        summary: 'Edit a merchant: contract period, status (suspend / terminate), contact',
        params: IdParamSchema,
        body: UpdateMerchantBodySchema,
        response: { 200: MerchantSchema },
      },
    },
    async (request) =>
      deps.merchants.update(contextOf(request), requireScope(request), request.params.id, request.body),
  );

  r.post(
    '/api/v1/merchants/:id/outlets',
    {
      config: { access: { permission: 'benefit:manage' } },
      schema: { tags, params: IdParamSchema, body: OutletInputSchema, response: { 201: MerchantSchema } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await deps.merchants.addOutlet(
            contextOf(request),
            requireScope(request),
            request.params.id,
            request.body,
          ),
        ),
  );

  r.post(
    '/api/v1/merchants/:id/accounts',
    {
      config: { access: { permission: 'benefit:manage' } },
      schema: {
        tags,
        summary: 'Create a cashier account for the merchant (role `merchant` at its serving organisation)',
        params: IdParamSchema,
        body: CreateMerchantAccountBodySchema,
        response: {
          201: z.object({ accountId: z.uuid(), merchantId: z.uuid(), username: z.string() }),
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await deps.merchants.createAccount(
            contextOf(request),
            requireScope(request),
            request.params.id,
            request.body,
          ),
        ),
  );

  r.get(
    '/api/v1/merchants/:id/plaque',
    {
      config: { access: { permission: 'benefit:read' } },
      schema: {
        tags,
        summary: 'The printable 友好合作商家 plaque with the payload of its verification QR code',
        params: IdParamSchema,
        response: { 200: PlaqueSchema },
      },
    },
    async (request) => deps.merchants.plaque(requireScope(request), request.params.id),
  );

  r.get(
    '/api/v1/merchants/:id/statement',
    {
      config: { access: { permission: 'benefit:read' } },
      schema: {
        tags,
        summary: 'Settlement statement of a merchant for a period: redemptions and the amount the union owes',
        params: IdParamSchema,
        querystring: StatementQuerySchema,
        response: { 200: StatementSchema },
      },
    },
    async (request) => {
      const merchant = await deps.merchants.row(requireScope(request), request.params.id);
      return deps.vouchers.statement(merchant, request.query.from, request.query.to);
    },
  );

  r.get(
    '/api/v1/merchants/:id/statement.xlsx',
    {
      config: { access: { permission: 'benefit:read' } },
      schema: {
        tags,
        summary: 'The statement as .xlsx',
        params: IdParamSchema,
        querystring: StatementQuerySchema,
      },
    },
    async (request, reply) => {
      const merchant = await deps.merchants.row(requireScope(request), request.params.id);
      const statement = await deps.vouchers.statement(merchant, request.query.from, request.query.to);
      return sendXlsx(reply, await deps.vouchers.statementXlsx(statement), statement);
    },
  );

  r.get(
    '/api/v1/plaques/:plaqueNo/verification',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Public check of a plaque (the target of its QR code)',
        params: z.strictObject({ plaqueNo: z.string().trim().min(4).max(40) }),
        querystring: z.strictObject({ t: z.string().max(64).optional() }),
        response: { 200: PlaqueVerificationSchema },
      },
    },
    async (request) => deps.merchants.verifyPlaque(request.params.plaqueNo, request.query.t),
  );

  r.get(
    '/api/v1/merchant/me',
    {
      config: { access: { permission: 'merchant:redeem' } },
      schema: {
        tags,
        summary: 'The merchant the signed-in cashier works for, with its outlets',
        response: { 200: MerchantSchema.extend({ outletId: z.uuid().nullable() }) },
      },
    },
    async (request) => deps.merchants.mine(requireActor(request)),
  );

  r.get(
    '/api/v1/me/nearby-merchants',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Partner outlets near a point that serve my organisation (optionally: accept a campaign)',
        querystring: NearbyQuerySchema,
        response: { 200: z.object({ items: z.array(NearbyOutletSchema) }) },
      },
    },
    async (request) => deps.merchants.nearby(requireActor(request), request.query),
  );
}

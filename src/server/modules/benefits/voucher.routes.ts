import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth/guard.ts';
import { contextOf } from '../../platform/http/context.ts';
import { IdParamSchema } from '../../platform/http/fields.ts';
import {
  IdempotencyHeadersSchema,
  RedeemBodySchema,
  RedemptionListQuerySchema,
  RedemptionSchema,
  ReverseBodySchema,
  StatementQuerySchema,
  StatementSchema,
  VoucherCodeSchema,
  VoucherListSchema,
  VoucherSchema,
} from './benefits.schemas.ts';
import type { VoucherService } from './voucher.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const REPLAYED = 'idempotent-replayed';

export function voucherRoutes(app: FastifyInstance, deps: { vouchers: VoucherService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['benefits: vouchers'];

  r.post(
    '/api/v1/voucher-campaigns/:id/claims',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'Claim a voucher (members). Send an `Idempotency-Key`: a retry with the same key returns the first outcome (header `Idempotent-Replayed: true`)',
        params: IdParamSchema,
        headers: IdempotencyHeadersSchema,
        response: { 201: VoucherSchema },
      },
    },
    async (request, reply) => {
      const outcome = await deps.vouchers.claim(
        contextOf(request),
        requireActor(request),
        request.params.id,
        request.headers['idempotency-key'],
      );
      return reply
        .status(201)
        .header(REPLAYED, String(outcome.replayed))
        .send(outcome.body as z.infer<typeof VoucherSchema>);
    },
  );

  r.get(
    '/api/v1/me/vouchers',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'My vouchers, newest first', response: { 200: VoucherListSchema } },
    },
    async (request) => deps.vouchers.myVouchers(requireActor(request)),
  );

  r.get(
    '/api/v1/me/vouchers/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'One of my vouchers with its state history',
        params: IdParamSchema,
        response: { 200: VoucherSchema },
      },
    },
    async (request) => deps.vouchers.myVoucher(requireActor(request), request.params.id),
  );

  r.get(
    '/api/v1/me/vouchers/:id/code',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The current rotating code of my voucher (changes every 30 s; accepted for at most 60 s)',
        params: IdParamSchema,
        response: { 200: VoucherCodeSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return deps.vouchers.code(requireActor(request), request.params.id);
    },
  );

  r.post(
    '/api/v1/redemptions',
    {
      config: { access: { permission: 'merchant:redeem' }, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Redeem a voucher from its scanned or typed code (merchant cashiers). 409 when it was already redeemed; accepts an `Idempotency-Key`',
        headers: IdempotencyHeadersSchema,
        body: RedeemBodySchema,
        response: { 201: RedemptionSchema },
      },
    },
    async (request, reply) => {
      const outcome = await deps.vouchers.redeem(
        contextOf(request),
        requireActor(request),
        request.body,
        request.headers['idempotency-key'],
      );
      return reply.status(201).header(REPLAYED, String(outcome.replayed)).send(outcome.body);
    },
  );

  r.post(
    '/api/v1/redemptions/:id/reversal',
    {
      config: { access: { permission: 'merchant:redeem' } },
      schema: {
        tags,
        summary:
          'Reverse a redemption within the campaign’s window, with a reason; the member gets the voucher back',
        params: IdParamSchema,
        body: ReverseBodySchema,
        response: { 200: RedemptionSchema },
      },
    },
    async (request) =>
      deps.vouchers.reverse(
        contextOf(request),
        requireActor(request),
        request.params.id,
        request.body.reason,
      ),
  );

  r.get(
    '/api/v1/merchant/redemptions',
    {
      config: { access: { permission: 'merchant:redeem' } },
      schema: {
        tags,
        summary: 'My merchant’s redemptions of one day (default today, China time)',
        querystring: RedemptionListQuerySchema,
        response: { 200: z.object({ items: z.array(RedemptionSchema) }) },
      },
    },
    async (request) => deps.vouchers.merchantRedemptions(requireActor(request), request.query.date),
  );

  r.get(
    '/api/v1/merchant/statement',
    {
      config: { access: { permission: 'merchant:redeem' } },
      schema: {
        tags,
        summary: 'My merchant’s settlement statement for a period',
        querystring: StatementQuerySchema,
        response: { 200: StatementSchema },
      },
    },
    async (request) => deps.vouchers.myStatement(requireActor(request), request.query.from, request.query.to),
  );

  r.get(
    '/api/v1/merchant/statement.xlsx',
    {
      config: { access: { permission: 'merchant:redeem' } },
      schema: { tags, summary: 'My merchant’s statement as .xlsx', querystring: StatementQuerySchema },
    },
    async (request, reply) => {
      const statement = await deps.vouchers.myStatement(
        requireActor(request),
        request.query.from,
        request.query.to,
      );
      return sendXlsx(reply, await deps.vouchers.statementXlsx(statement), statement);
    },
  );
}

export function sendXlsx(
  reply: import('fastify').FastifyReply,
  data: Buffer,
  statement: { from: string; to: string },
) {
  const name = `结算单-${statement.from}-${statement.to}.xlsx`;
  return reply
    .header('content-type', XLSX)
    .header(
      'content-disposition',
      `attachment; filename="statement-${statement.from}-${statement.to}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(data);
}

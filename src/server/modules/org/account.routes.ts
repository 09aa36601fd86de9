import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAudit } from '../../platform/audit/audit.ts';
import { requireScope } from '../../platform/auth/guard.ts';
import type { Db } from '../../platform/db/database.ts';
import { contextOf } from '../../platform/http/context.ts';
import { IdParamSchema } from '../../platform/http/fields.ts';
import type { AccountService } from './account.service.ts';
import {
  AccountSchema,
  AuditEntrySchema,
  AuditQuerySchema,
  CreateAccountBodySchema,
  GrantBodySchema,
} from './org.schemas.ts';

/** Accounts (system admin), role grants and lockouts (security admin), the audit log (audit admin). */
export function accountRoutes(app: FastifyInstance, deps: { accounts: AccountService; db: Db }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/accounts',
    {
      config: { access: { permission: 'account:read' } },
      schema: {
        tags: ['accounts'],
        querystring: z.strictObject({ q: z.string().trim().max(64).optional() }),
        response: { 200: z.object({ items: z.array(AccountSchema) }) },
      },
    },
    async (request) => ({ items: await deps.accounts.list(requireScope(request), request.query.q) }),
  );

  r.post(
    '/api/v1/accounts',
    {
      config: { access: { permission: 'account:write' } },
      schema: {
        tags: ['accounts'],
        summary: 'Create an account (system admin)',
        body: CreateAccountBodySchema,
        response: { 201: AccountSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await deps.accounts.createInScope(contextOf(request), requireScope(request), request.body)),
  );

  r.post(
    '/api/v1/accounts/:id/grants',
    {
      config: { access: { permission: 'role:grant' } },
      schema: {
        tags: ['accounts'],
        summary: 'Grant a role at an organisation (security admin)',
        params: IdParamSchema,
        body: GrantBodySchema,
        response: { 201: AccountSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await deps.accounts.grant(
            contextOf(request),
            requireScope(request),
            request.params.id,
            request.body.role,
            request.body.orgId,
          ),
        ),
  );

  r.delete(
    '/api/v1/accounts/:id/grants/:grantId',
    {
      config: { access: { permission: 'role:grant' } },
      schema: {
        tags: ['accounts'],
        summary: 'Revoke a role (security admin)',
        params: z.strictObject({ id: z.uuid(), grantId: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deps.accounts.revoke(
        contextOf(request),
        requireScope(request),
        request.params.id,
        request.params.grantId,
      );
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/v1/accounts/:id/unlock',
    {
      config: { access: { permission: 'account:unlock' } },
      schema: {
        tags: ['accounts'],
        summary: 'Lift a sign-in lockout (security admin)',
        params: IdParamSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deps.accounts.unlock(contextOf(request), requireScope(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/audit',
    {
      config: { access: { permission: 'audit:read' } },
      schema: {
        tags: ['audit'],
        summary: 'The audit log of the caller’s subtree, newest first (audit admin only)',
        querystring: AuditQuerySchema,
        response: {
          200: z.object({ items: z.array(AuditEntrySchema), nextCursor: z.number().int().nullable() }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = await listAudit(deps.db, requireScope(request), {
        action: q.action,
        entity: q.entity,
        actor: q.actor,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        beforeId: q.cursor,
        limit: q.limit + 1,
      });
      const items = rows.slice(0, q.limit);
      return {
        items: items.map((e) => ({
          id: e.id,
          at: e.at.toISOString(),
          actor: e.actorUsername,
          action: e.action,
          entity: e.entity,
          entityId: e.entityId,
          orgId: e.orgId,
          before: e.before,
          after: e.after,
          detail: e.detail,
          requestId: e.requestId,
          ip: e.ip,
        })),
        nextCursor: rows.length > q.limit ? (items[items.length - 1]?.id ?? null) : null,
      };
    },
  );
}

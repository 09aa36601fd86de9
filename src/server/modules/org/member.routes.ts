import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireScope } from '../../platform/auth/guard.ts';
import { AppError } from '../../platform/errors.ts';
import { contextOf } from '../../platform/http/context.ts';
import { IdParamSchema } from '../../platform/http/fields.ts';
import type { MemberService } from './member.service.ts';
import {
  CreateMemberBodySchema,
  ImportReportSchema,
  MemberListQuerySchema,
  MemberPageSchema,
  MemberSchema,
  UnmaskQuerySchema,
  UpdateMemberBodySchema,
} from './org.schemas.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function memberRoutes(app: FastifyInstance, deps: { members: MemberService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/members',
    {
      config: { access: { permission: 'member:read' } },
      schema: {
        tags: ['members'],
        summary:
          'Members in the caller’s subtree, by pinyin name; phones and IDs masked unless `unmask=true`',
        querystring: MemberListQuerySchema,
        response: { 200: MemberPageSchema.extend({ total: z.number().int() }) },
      },
    },
    async (request) => deps.members.list(contextOf(request), requireScope(request), request.query),
  );

  r.get(
    '/api/v1/members/export',
    {
      config: { access: { permission: 'member:export' } },
      schema: {
        tags: ['members'],
        summary: 'Export the filtered members in scope to .xlsx (masked unless `unmask=true`)',
        querystring: MemberListQuerySchema.omit({ limit: true, cursor: true }),
      },
    },
    async (request, reply) => {
      const data = await deps.members.exportFile(contextOf(request), requireScope(request), request.query);
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="members.xlsx"; filename*=UTF-8''${encodeURIComponent('会员名册.xlsx')}`,
        )
        .send(data);
    },
  );

  r.post(
    '/api/v1/members/import',
    {
      config: { access: { permission: 'member:import' } },
      schema: {
        tags: ['members'],
        summary:
          'Import members from .xlsx or .csv (multipart field `file`); nothing is imported from a file with errors unless `validRowsOnly=true`',
        querystring: z.strictObject({ validRowsOnly: z.enum(['true', 'false']).optional() }),
        consumes: ['multipart/form-data'],
        response: { 200: ImportReportSchema },
      },
    },
    async (request) => {
      const file = await request.file({ limits: { fileSize: 10 * 1024 * 1024 } }).catch(() => undefined);
      if (!file) {
        throw new AppError('files/unreadable', { field: 'file' });
      }
      const data = await file.toBuffer();
      const ctx = contextOf(request);
      return deps.members.importFile(
        ctx,
        requireScope(request),
        { data, filename: file.filename },
        {
          validRowsOnly: request.query.validRowsOnly === 'true',
          locale: ctx.locale,
        },
      );
    },
  );

  r.get(
    '/api/v1/members/:id',
    {
      config: { access: { permission: 'member:read' } },
      schema: {
        tags: ['members'],
        params: IdParamSchema,
        querystring: UnmaskQuerySchema,
        response: { 200: MemberSchema },
      },
    },
    async (request) =>
      deps.members.get(
        contextOf(request),
        requireScope(request),
        request.params.id,
        request.query.unmask === 'true',
      ),
  );

  r.post(
    '/api/v1/members',
    {
      config: { access: { permission: 'member:write' } },
      schema: {
        tags: ['members'],
        summary: 'Register a member',
        body: CreateMemberBodySchema,
        response: { 201: MemberSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await deps.members.create(contextOf(request), requireScope(request), request.body)),
  );

  r.patch(
    '/api/v1/members/:id',
    {
      config: { access: { permission: 'member:write' } },
      schema: {
        tags: ['members'],
        params: IdParamSchema,
        body: UpdateMemberBodySchema,
        response: { 200: MemberSchema },
      },
    },
    async (request) =>
      deps.members.update(contextOf(request), requireScope(request), request.params.id, request.body),
  );
}

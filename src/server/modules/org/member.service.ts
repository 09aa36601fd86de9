import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.ts';
import { resolveScope, type Scope, scopeIncludes } from '../../platform/auth/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { AppError, localizeError } from '../../platform/errors.ts';
import { readSheet, type SheetColumn, writeXlsx } from '../../platform/files/tables.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import { fieldProblems } from '../../platform/http/problem.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import {
  birthDateFromNationalId,
  genderFromNationalId,
  maskNationalId,
  maskPhone,
} from '../../platform/identity.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { sortKey } from '../../platform/sort-key.ts';
import { assertMemberInScope, assertOrgInScope } from './org.policies.ts';
import * as repo from './org.repository.ts';
import {
  type ImportReport,
  type MemberInput,
  MemberInputSchema,
  type MemberListQuery,
  type MemberView,
  type UpdateMemberBody,
} from './org.schemas.ts';

export interface MemberServiceDeps {
  db: Db;
  clock: Clock;
  crypto: FieldCrypto;
  /** Drops cached sessions of accounts whose member link changed. */
  forgetSessions?: (accountIds: string[]) => Promise<void>;
}

type MemberRow = NonNullable<Awaited<ReturnType<typeof repo.findMember>>>;

/** Spreadsheet columns, in the order people fill them in; headers are what the template says. */
const IMPORT_HEADERS: Record<string, keyof MemberInput | 'orgName'> = {
  姓名: 'name',
  性别: 'gender',
  民族: 'ethnicity',
  手机号: 'phone',
  身份证号: 'nationalId',
  所属组织: 'orgName',
  工种: 'trade',
  入会日期: 'joinDate',
  状态: 'status',
  标签: 'tags',
};
const GENDER_WORDS: Record<string, string> = { 男: 'male', 女: 'female' };
const STATUS_WORDS: Record<string, string> = {
  在册: 'active',
  转出: 'transferred',
  退休: 'retired',
  退会: 'left',
};
const GENDER_LABEL: Record<string, string> = { male: '男', female: '女' };
const STATUS_LABEL: Record<string, string> = {
  active: '在册',
  transferred: '转出',
  retired: '退休',
  left: '退会',
};

export function createMemberService({ db, clock, crypto, forgetSessions }: MemberServiceDeps) {
  function toView(row: MemberRow, unmasked: boolean): MemberView {
    return {
      id: row.id,
      orgId: row.orgId,
      orgName: row.orgName,
      name: row.name,
      gender: row.gender as MemberView['gender'],
      ethnicity: row.ethnicity,
      phone: unmasked ? row.phone : maskPhone(row.phone),
      nationalId: unmasked ? crypto.decrypt(row.idCipher) : row.idMasked,
      masked: !unmasked,
      birthDate: row.birthDate,
      trade: row.trade,
      joinDate: row.joinDate,
      status: row.status as MemberView['status'],
      tags: row.tags,
      hasAccount: row.accountId !== null,
    };
  }

  /** Unmasking needs member:unmask over the record and leaves an audit entry per record read. */
  async function mayUnmask(ctx: ServiceContext, rows: MemberRow[], requested: boolean): Promise<boolean> {
    if (!requested || !ctx.actor) {
      return false;
    }
    const unmaskScope = resolveScope(ctx.actor.grants, 'member:unmask');
    if (!rows.every((r) => scopeIncludes(unmaskScope, r.orgPath))) {
      throw new AppError('auth/forbidden', { field: 'query.unmask' });
    }
    for (const row of rows) {
      await recordAudit(db, ctx.audit, {
        action: 'read_sensitive',
        entity: 'member',
        entityId: row.id,
        orgId: row.orgId,
        orgPath: row.orgPath,
        detail: 'phone,nationalId',
      });
    }
    return true;
  }

  function prepareInsert(input: MemberInput, orgId: string): repo.NewMember {
    return {
      id: randomUUID(),
      orgId,
      name: input.name,
      nameKey: sortKey(input.name),
      gender: input.gender ?? genderFromNationalId(input.nationalId),
      ethnicity: input.ethnicity,
      phone: input.phone,
      idCipher: crypto.encrypt(input.nationalId),
      idHash: crypto.lookupHash(input.nationalId),
      idMasked: maskNationalId(input.nationalId),
      birthDate: birthDateFromNationalId(input.nationalId),
      trade: input.trade ?? null,
      joinDate: input.joinDate,
      status: input.status,
      tags: input.tags,
    };
  }

  function auditSnapshot(row: repo.NewMember | MemberRow) {
    return {
      name: row.name,
      orgId: row.orgId,
      gender: row.gender,
      ethnicity: row.ethnicity,
      phone: maskPhone(row.phone),
      nationalId: row.idMasked,
      trade: row.trade,
      status: row.status,
      tags: row.tags,
    };
  }

  async function loadInScope(executor: Executor, scope: Scope, id: string): Promise<MemberRow> {
    const row = await repo.findMember(executor, id);
    assertMemberInScope(scope, row);
    return row;
  }

  async function list(ctx: ServiceContext, scope: Scope, query: MemberListQuery) {
    let orgPath: string | undefined;
    if (query.orgId) {
      const org = await repo.findOrganisation(db, query.orgId);
      assertOrgInScope(scope, org);
      orgPath = org.path;
    }
    const rows = await repo.listMembers(
      db,
      scope,
      { q: query.q, orgPath, status: query.status, gender: query.gender, tag: query.tag },
      { after: decodeCursor(query.cursor), limit: query.limit + 1 },
    );
    const page = pageOf(rows, query.limit, (r) => ({ key: r.nameKey, id: r.id }));
    const unmasked = await mayUnmask(ctx, page.items, query.unmask === 'true');
    const total = await repo.countMembers(db, scope, {
      q: query.q,
      orgPath,
      status: query.status,
      gender: query.gender,
      tag: query.tag,
    });
    return { items: page.items.map((r) => toView(r, unmasked)), nextCursor: page.nextCursor, total };
  }

  return {
    list,

    async get(ctx: ServiceContext, scope: Scope, id: string, unmask: boolean): Promise<MemberView> {
      const row = await loadInScope(db, scope, id);
      return toView(row, await mayUnmask(ctx, [row], unmask));
    },

    async create(ctx: ServiceContext, scope: Scope, input: MemberInput): Promise<MemberView> {
      const id = await db.transaction(async (tx) => {
        const org = await repo.findOrganisation(tx, input.orgId);
        if (!org || !scopeIncludes(scope, org.path)) {
          throw new AppError('org/organisation-not-found', { field: 'body.orgId' });
        }
        if (org.status !== 'active') {
          throw new AppError('org/organisation-closed', { field: 'body.orgId' });
        }
        const values = prepareInsert(input, org.id);
        if (await repo.memberIdHashExists(tx, values.idHash)) {
          throw new AppError('org/member-duplicate-id', { field: 'body.nationalId' });
        }
        await repo.insertMembers(tx, [values]);
        await recordAudit(tx, ctx.audit, {
          action: 'create',
          entity: 'member',
          entityId: values.id ?? null,
          orgId: org.id,
          orgPath: org.path,
          after: auditSnapshot(values),
        });
        return values.id!;
      });
      return toView(await loadInScope(db, scope, id), false);
    },

    async update(ctx: ServiceContext, scope: Scope, id: string, body: UpdateMemberBody): Promise<MemberView> {
      await db.transaction(async (tx) => {
        const before = await loadInScope(tx, scope, id);
        const patch: Partial<repo.NewMember> = { updatedAt: clock.now() };
        let orgPath = before.orgPath;
        if (body.orgId && body.orgId !== before.orgId) {
          const org = await repo.findOrganisation(tx, body.orgId);
          if (!org || !scopeIncludes(scope, org.path)) {
            throw new AppError('org/organisation-not-found', { field: 'body.orgId' });
          }
          if (org.status !== 'active') {
            throw new AppError('org/organisation-closed', { field: 'body.orgId' });
          }
          patch.orgId = org.id;
          orgPath = org.path;
        }
        if (body.name !== undefined) {
          patch.name = body.name;
          patch.nameKey = sortKey(body.name);
        }
        if (body.ethnicity !== undefined) {
          patch.ethnicity = body.ethnicity;
        }
        if (body.phone !== undefined) {
          patch.phone = body.phone;
        }
        if (body.trade !== undefined) {
          patch.trade = body.trade;
        }
        if (body.status !== undefined) {
          patch.status = body.status;
        }
        if (body.tags !== undefined) {
          patch.tags = body.tags;
        }
        await repo.updateMember(tx, id, patch);
        const after = await loadInScope(tx, { permission: scope.permission, roots: [...scope.roots] }, id);
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'member',
          entityId: id,
          orgId: after.orgId,
          orgPath,
          before: auditSnapshot(before),
          after: auditSnapshot(after),
        });
      });
      return toView(await loadInScope(db, scope, id), false);
    },

    /** The member record linked to an account (the worker's own profile), unmasked for its owner. */
    async ofAccount(accountId: string): Promise<MemberView | null> {
      const row = await repo.findMemberByAccount(db, accountId);
      return row ? toView(row, true) : null;
    },

    /** Links a member record to the account its owner signs in with. */
    async linkAccount(memberId: string, accountId: string): Promise<void> {
      await repo.updateMember(db, memberId, { accountId, updatedAt: clock.now() });
      await forgetSessions?.([accountId]);
    },

    async count(scope: Scope): Promise<number> {
      return repo.countMembers(db, scope);
    },

    /**
     * Imports a spreadsheet. Every row is checked first; a file with any bad row imports
     * nothing unless `validRowsOnly` is set, and the report names each bad row and field.
     */
    async importFile(
      ctx: ServiceContext,
      scope: Scope,
      file: { data: Buffer; filename: string },
      options: { validRowsOnly: boolean; locale: Locale },
    ): Promise<ImportReport> {
      const sheet = await readSheet(file.data, file.filename);
      const orgs = await repo.listOrganisations(db, scope, {});
      const orgByName = new Map(orgs.map((o) => [o.name, o]));
      const errors: ImportReport['errors'] = [];
      const valid: repo.NewMember[] = [];
      const seenHashes = new Set<string>();
      for (const { row, values } of sheet) {
        const raw: Record<string, unknown> = {};
        for (const [header, key] of Object.entries(IMPORT_HEADERS)) {
          const cell = values[header];
          if (cell !== undefined && cell !== '') {
            raw[key] = cell;
          }
        }
        const org = typeof raw.orgName === 'string' ? orgByName.get(raw.orgName) : undefined;
        const rowErrors: ImportReport['errors'] = [];
        if (!org) {
          rowErrors.push({
            row,
            field: '所属组织',
            message: localizeError('org/organisation-not-found', options.locale).message,
          });
        }
        delete raw.orgName;
        raw.orgId = org?.id ?? '00000000-0000-4000-8000-000000000000';
        if (typeof raw.gender === 'string') {
          raw.gender = GENDER_WORDS[raw.gender] ?? raw.gender;
        }
        if (typeof raw.status === 'string') {
          raw.status = STATUS_WORDS[raw.status] ?? raw.status;
        }
        if (typeof raw.tags === 'string') {
          raw.tags = raw.tags
            .split(/[,，、;；]/)
            .map((t) => t.trim())
            .filter(Boolean);
        }
        const parsed = MemberInputSchema.safeParse(raw);
        if (!parsed.success) {
          const problems = fieldProblems(
            parsed.error.issues.map((i) => ({
              keyword: i.code,
              instancePath: `/${i.path.join('/')}`,
              message: i.message,
              params: { ...i },
            })),
            'row',
            options.locale,
          );
          for (const p of problems) {
            const key = p.field.replace(/^row\./, '');
            const header = Object.entries(IMPORT_HEADERS).find(([, k]) => k === key)?.[0] ?? key;
            if (key !== 'orgId') {
              rowErrors.push({ row, field: header, message: p.message });
            }
          }
        } else if (org) {
          const values = prepareInsert(parsed.data, org.id);
          if (seenHashes.has(values.idHash) || (await repo.memberIdHashExists(db, values.idHash))) {
            rowErrors.push({
              row,
              field: '身份证号',
              message: localizeError('org/member-duplicate-id', options.locale).message,
            });
          } else {
            seenHashes.add(values.idHash);
            valid.push(values);
          }
        }
        errors.push(...rowErrors);
      }
      const rejectedRows = new Set(errors.map((e) => e.row)).size;
      if (rejectedRows > 0 && !options.validRowsOnly) {
        return { total: sheet.length, imported: 0, rejected: rejectedRows, errors };
      }
      await db.transaction(async (tx) => {
        for (let i = 0; i < valid.length; i += 500) {
          await repo.insertMembers(tx, valid.slice(i, i + 500));
        }
        await recordAudit(tx, ctx.audit, {
          action: 'import',
          entity: 'member',
          orgPath: scope.roots[0] ?? null,
          detail: `${file.filename}: ${valid.length} imported, ${rejectedRows} rows rejected`,
        });
      });
      return { total: sheet.length, imported: valid.length, rejected: rejectedRows, errors };
    },

    /** Exports every member in scope matching the filters, masked unless unmasking is asked for and allowed. */
    async exportFile(
      ctx: ServiceContext,
      scope: Scope,
      query: Omit<MemberListQuery, 'limit' | 'cursor'>,
    ): Promise<Buffer> {
      const all: MemberView[] = [];
      let cursor: string | undefined;
      do {
        const page = await list(ctx, scope, { ...query, limit: 200, ...(cursor ? { cursor } : {}) });
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      await recordAudit(db, ctx.audit, {
        action: 'export',
        entity: 'member',
        orgPath: scope.roots[0] ?? null,
        detail: `${all.length} rows, ${query.unmask === 'true' ? 'unmasked' : 'masked'}`,
      });
      const columns: SheetColumn<MemberView>[] = [
        { header: '姓名', value: (m) => m.name },
        { header: '性别', width: 8, value: (m) => GENDER_LABEL[m.gender] ?? m.gender },
        { header: '民族', width: 10, value: (m) => m.ethnicity },
        { header: '手机号', value: (m) => m.phone },
        { header: '身份证号', width: 22, value: (m) => m.nationalId },
        { header: '所属组织', width: 28, value: (m) => m.orgName },
        { header: '工种', value: (m) => m.trade },
        { header: '入会日期', width: 12, value: (m) => m.joinDate },
        { header: '状态', width: 8, value: (m) => STATUS_LABEL[m.status] ?? m.status },
        { header: '标签', width: 24, value: (m) => m.tags.join('、') },
      ];
      return writeXlsx('会员', columns, all);
    },
  };
}

export type MemberService = ReturnType<typeof createMemberService>;
export { IMPORT_HEADERS as MEMBER_IMPORT_HEADERS };

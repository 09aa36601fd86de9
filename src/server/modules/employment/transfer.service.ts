import { extname } from 'node:path';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.ts';
import { type Scope, scopeIncludes } from '../../platform/auth/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, localizeError } from '../../platform/errors.ts';
import { readSheet, type SheetColumn, writeXlsx } from '../../platform/files/tables.ts';
import { fieldProblems } from '../../platform/http/problem.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { sortKey } from '../../platform/sort-key.ts';
import type { OrgModule } from '../org/index.ts';
import { accessOf } from './employment.access.ts';
import * as repo from './employment.repository.ts';
import {
  type ImportReport,
  type JobImportRow,
  JobImportRowSchema,
  type JobView,
  type ProfileImportRow,
  ProfileImportRowSchema,
  type ProfileView,
} from './employment.schemas.ts';
import { normalizeCity, splitList } from './employment.text.ts';
import { derivedFields, jobViews, trustFindings } from './job.service.ts';
import type { MatchIndex } from './match-index.service.ts';
import { profileSearchText, profileView } from './profile.service.ts';

/**
 * Import and export of postings and profiles: .xlsx / .csv with the headers below (Chinese, or
 * the dataset's own field names), and JSON Lines in the format of the match-dev dataset.
 * Every row is checked first; a file with a bad row imports nothing unless `validRowsOnly`.
 */
type FieldKind = 'text' | 'list' | 'int' | 'number' | 'bool';

export const JOB_COLUMNS: { header: string; key: keyof JobImportRow; kind: FieldKind }[] = [
  { header: '编号', key: 'externalId', kind: 'text' },
  { header: '职位名称', key: 'title', kind: 'text' },
  { header: '工种', key: 'trade', kind: 'text' },
  { header: '用人单位', key: 'employer', kind: 'text' },
  { header: '岗位描述', key: 'description', kind: 'text' },
  { header: '技能', key: 'skills', kind: 'list' },
  { header: '证书', key: 'certificates', kind: 'list' },
  { header: '学历', key: 'education', kind: 'text' },
  { header: '最低年限', key: 'minYears', kind: 'int' },
  { header: '城市', key: 'city', kind: 'text' },
  { header: '区县', key: 'district', kind: 'text' },
  { header: '纬度', key: 'lat', kind: 'number' },
  { header: '经度', key: 'lng', kind: 'number' },
  { header: '最低月薪', key: 'salaryMin', kind: 'int' },
  { header: '最高月薪', key: 'salaryMax', kind: 'int' },
  { header: '招聘人数', key: 'headcount', kind: 'int' },
  { header: '福利标签', key: 'tags', kind: 'list' },
  { header: '优先籍贯', key: 'priorityOrigins', kind: 'list' },
  { header: '语言', key: 'languages', kind: 'list' },
  { header: '班制', key: 'shift', kind: 'text' },
];

export const PROFILE_COLUMNS: { header: string; key: keyof ProfileImportRow; kind: FieldKind }[] = [
  { header: '编号', key: 'externalId', kind: 'text' },
  { header: '姓名', key: 'name', kind: 'text' },
  { header: '手机号', key: 'phone', kind: 'text' },
  { header: '意向工种', key: 'desiredTrades', kind: 'list' },
  { header: '自我介绍', key: 'summary', kind: 'text' },
  { header: '技能', key: 'skills', kind: 'list' },
  { header: '证书', key: 'certificates', kind: 'list' },
  { header: '学历', key: 'education', kind: 'text' },
  { header: '学校', key: 'school', kind: 'text' },
  { header: '工作年限', key: 'years', kind: 'int' },
  { header: '籍贯省份', key: 'hometownProvince', kind: 'text' },
  { header: '所在城市', key: 'city', kind: 'text' },
  { header: '纬度', key: 'lat', kind: 'number' },
  { header: '经度', key: 'lng', kind: 'number' },
  { header: '通勤上限公里', key: 'maxCommuteKm', kind: 'int' },
  { header: '愿意异地', key: 'willingToRelocate', kind: 'bool' },
  { header: '期望月薪', key: 'expectedSalary', kind: 'int' },
  { header: '语言', key: 'languages', kind: 'list' },
];

interface RawRow {
  row: number;
  values: Record<string, unknown>;
  /** How each key was named in the file, for the report. */
  names: Record<string, string>;
}

const TRUE_WORDS = new Set(['是', 'true', '1', 'y', 'yes', '愿意']);
const FALSE_WORDS = new Set(['否', 'false', '0', 'n', 'no', '不愿意', '']);

function coerceCell(kind: FieldKind, cell: string): unknown {
  switch (kind) {
    case 'list':
      return splitList(cell);
    case 'int':
    case 'number': {
      const n = Number(cell.replace(/[,，]/g, ''));
      return Number.isFinite(n) ? n : cell;
    }
    case 'bool': {
      const v = cell.trim().toLowerCase();
      return TRUE_WORDS.has(v) ? true : FALSE_WORDS.has(v) ? false : cell;
    }
    default:
      return cell;
  }
}

async function readRows(
  file: { data: Buffer; filename: string },
  columns: { header: string; key: string; kind: FieldKind }[],
  aliases: Record<string, string>,
  errors: ImportReport['errors'],
  locale: Locale,
): Promise<RawRow[]> {
  const ext = extname(file.filename).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') {
    const rows: RawRow[] = [];
    file.data
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .forEach((line, index) => {
        if (line.trim() === '') {
          return;
        }
        try {
          const parsed: unknown = JSON.parse(line);
          if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
            throw new Error('not an object');
          }
          const values: Record<string, unknown> = {};
          const names: Record<string, string> = {};
          for (const [k, v] of Object.entries(parsed)) {
            const key = aliases[k] ?? k;
            const column = columns.find((c) => c.key === key);
            // The dataset writes null for "does not say": an empty list, or the field left out.
            if (v === null) {
              if (column?.kind === 'list') {
                values[key] = [];
              }
            } else {
              values[key] = v;
            }
            names[key] = k;
          }
          rows.push({ row: index + 1, values, names });
        } catch {
          errors.push({
            row: index + 1,
            field: '(line)',
            message: localizeError('platform/malformed-json', locale).message,
          });
        }
      });
    return rows;
  }
  const sheet = await readSheet(file.data, file.filename);
  return sheet.map(({ row, values: cells }) => {
    const values: Record<string, unknown> = {};
    const names: Record<string, string> = {};
    for (const column of columns) {
      const header = [column.header, column.key].find((h) => cells[h] !== undefined);
      const cell = header ? cells[header] : undefined;
      names[column.key] = header ?? column.header;
      if (cell !== undefined && cell !== '') {
        values[column.key] = coerceCell(column.kind, cell);
      }
    }
    for (const [header, cell] of Object.entries(cells)) {
      const key = aliases[header];
      if (key && cell !== '' && values[key] === undefined) {
        values[key] = cell;
        names[key] = header;
      }
    }
    return { row, values, names };
  });
}

function rowProblems(
  raw: RawRow,
  issues: z.core.$ZodIssue[],
  locale: Locale,
  headerOf: (key: string) => string,
): ImportReport['errors'] {
  return fieldProblems(
    issues.map((i) => ({
      keyword: i.code,
      instancePath: `/${i.path.join('/')}`,
      message: i.message,
      params: { ...i },
    })),
    'row',
    locale,
  ).map((p) => {
    const key = p.field.replace(/^row\.?/, '').split('.')[0] ?? '';
    return { row: raw.row, field: raw.names[key] ?? headerOf(key), message: p.message };
  });
}

export function createTransferService({
  db,
  clock,
  org,
  matching,
}: {
  db: Db;
  clock: Clock;
  org: OrgModule;
  matching: MatchIndex;
}) {
  async function homeIn(scope: Scope, orgId: string) {
    const home = await org.organisations.lookup(orgId);
    if (home?.status !== 'active' || !scopeIncludes(scope, home.path)) {
      throw new AppError('org/organisation-not-found', { field: 'query.orgId' });
    }
    return home;
  }

  return {
    /**
     * Imports postings. Employers are found by name in the caller's subtree; an unknown one is
     * created (unverified, so its postings wait for review) at the organisation given.
     */
    async importJobs(
      ctx: ServiceContext,
      scope: Scope,
      file: { data: Buffer; filename: string },
      options: { orgId: string; validRowsOnly: boolean; locale: Locale },
    ): Promise<ImportReport> {
      const home = await homeIn(scope, options.orgId);
      const errors: ImportReport['errors'] = [];
      const raws = await readRows(file, JOB_COLUMNS, { id: 'externalId' }, errors, options.locale);
      const headerOf = (key: string) => JOB_COLUMNS.find((c) => c.key === key)?.header ?? key;
      const valid: { row: number; data: JobImportRow }[] = [];
      const seen = new Set<string>();
      const existing = await repo.existingJobExternalIds(
        db,
        raws.map((r) => r.values.externalId).filter((v): v is string => typeof v === 'string'),
      );
      for (const raw of raws) {
        const parsed = JobImportRowSchema.safeParse(raw.values, { reportInput: true });
        if (!parsed.success) {
          errors.push(...rowProblems(raw, parsed.error.issues, options.locale, headerOf));
          continue;
        }
        const ext = parsed.data.externalId;
        if (ext && (seen.has(ext) || existing.has(ext))) {
          errors.push({
            row: raw.row,
            field: raw.names.externalId ?? '编号',
            message: localizeError('employment/duplicate-external-id', options.locale, { id: ext }).message,
          });
          continue;
        }
        if (ext) {
          seen.add(ext);
        }
        valid.push({ row: raw.row, data: parsed.data });
      }
      const total = raws.length + errors.filter((e) => e.field === '(line)').length;
      const rejected = new Set(errors.map((e) => e.row)).size;
      if (rejected > 0 && !options.validRowsOnly) {
        return { total, imported: 0, rejected, errors };
      }
      const insertedJobs: string[] = [];
      await db.transaction(async (tx) => {
        const names = [...new Set(valid.map((v) => v.data.employer))];
        const known = (await repo.employersByName(tx, names)).filter((e) => scopeIncludes(scope, e.orgPath));
        const byName = new Map(known.map((e) => [e.name, e]));
        const missing = names.filter((n) => !byName.has(n));
        for (const created of await repo.insertEmployers(
          tx,
          missing.map((name) => ({
            orgId: home.id,
            orgPath: home.path,
            name,
            nameKey: sortKey(name),
            industry: '其他',
          })),
        )) {
          byName.set(created.name, created);
        }
        const now = clock.now();
        const rows: repo.NewJob[] = valid.map(({ data }) => {
          const employer = byName.get(data.employer)!;
          const findings = trustFindings(data, employer.verification === 'verified');
          const city = normalizeCity(data.city);
          return {
            employerId: employer.id,
            orgId: employer.orgId,
            orgPath: employer.orgPath,
            externalId: data.externalId ?? null,
            title: data.title,
            trade: data.trade,
            description: data.description,
            skills: data.skills,
            certificates: data.certificates,
            education: data.education ?? null,
            minYears: data.minYears ?? null,
            city,
            district: data.district ?? null,
            lat: data.lat ?? null,
            lng: data.lng ?? null,
            salaryMin: data.salaryMin ?? null,
            salaryMax: data.salaryMax ?? null,
            headcount: data.headcount,
            placesLeft: data.headcount,
            tags: data.tags,
            priorityOrigins: data.priorityOrigins,
            languages: data.languages,
            shift: data.shift ?? null,
            status: 'open',
            reviewStatus: findings.length > 0 ? 'pending' : 'clear',
            reviewReasons: findings,
            createdBy: ctx.audit.accountId,
            publishedAt: now,
            createdAt: now,
            updatedAt: now,
            ...derivedFields({ ...data, city }),
          };
        });
        for (let i = 0; i < rows.length; i += 500) {
          insertedJobs.push(...(await repo.insertJobs(tx, rows.slice(i, i + 500))));
        }
        await recordAudit(tx, ctx.audit, {
          action: 'import',
          entity: 'job',
          orgId: home.id,
          orgPath: home.path,
          detail: `${file.filename}: ${rows.length} imported, ${rejected} rows rejected, ${missing.length} employers created`,
        });
      });
      await matching.jobsChanged(insertedJobs);
      return { total, imported: valid.length, rejected, errors };
    },

    /** Imports job-seeker profiles (e.g. a vocational school's graduates) kept at the organisation given. */
    async importProfiles(
      ctx: ServiceContext,
      scope: Scope,
      file: { data: Buffer; filename: string },
      options: { orgId: string; validRowsOnly: boolean; visible: boolean; locale: Locale },
    ): Promise<ImportReport> {
      const home = await homeIn(scope, options.orgId);
      const errors: ImportReport['errors'] = [];
      const raws = await readRows(file, PROFILE_COLUMNS, { id: 'externalId' }, errors, options.locale);
      const headerOf = (key: string) => PROFILE_COLUMNS.find((c) => c.key === key)?.header ?? key;
      const valid: ProfileImportRow[] = [];
      const seen = new Set<string>();
      const existing = await repo.existingProfileKeys(
        db,
        raws.map((r) => r.values.externalId).filter((v): v is string => typeof v === 'string'),
      );
      for (const raw of raws) {
        const parsed = ProfileImportRowSchema.safeParse(raw.values, { reportInput: true });
        if (!parsed.success) {
          errors.push(...rowProblems(raw, parsed.error.issues, options.locale, headerOf));
          continue;
        }
        const ext = parsed.data.externalId;
        if (ext && (seen.has(ext) || existing.has(ext))) {
          errors.push({
            row: raw.row,
            field: raw.names.externalId ?? '编号',
            message: localizeError('employment/duplicate-external-id', options.locale, { id: ext }).message,
          });
          continue;
        }
        if (ext) {
          seen.add(ext);
        }
        valid.push(parsed.data);
      }
      const total = raws.length + errors.filter((e) => e.field === '(line)').length;
      const rejected = new Set(errors.map((e) => e.row)).size;
      if (rejected > 0 && !options.validRowsOnly) {
        return { total, imported: 0, rejected, errors };
      }
      const insertedProfiles: string[] = [];
      await db.transaction(async (tx) => {
        const now = clock.now();
        const rows: repo.NewProfile[] = valid.map((p) => ({
          orgId: home.id,
          orgPath: home.path,
          externalId: p.externalId ?? null,
          name: p.name,
          phone: p.phone ?? null,
          desiredTrades: p.desiredTrades,
          summary: p.summary,
          skills: p.skills,
          certificates: p.certificates,
          education: p.education ?? null,
          school: p.school ?? null,
          years: p.years ?? null,
          hometownProvince: p.hometownProvince ?? null,
          city: p.city ? normalizeCity(p.city) : null,
          lat: p.lat ?? null,
          lng: p.lng ?? null,
          maxCommuteKm: p.maxCommuteKm ?? null,
          willingToRelocate: p.willingToRelocate,
          expectedSalary: p.expectedSalary ?? null,
          languages: p.languages,
          visible: options.visible,
          searchText: profileSearchText(p),
          createdAt: now,
          updatedAt: now,
        }));
        for (let i = 0; i < rows.length; i += 500) {
          insertedProfiles.push(...(await repo.insertProfiles(tx, rows.slice(i, i + 500))));
        }
        await recordAudit(tx, ctx.audit, {
          action: 'import',
          entity: 'profile',
          orgId: home.id,
          orgPath: home.path,
          detail: `${file.filename}: ${rows.length} imported, ${rejected} rows rejected`,
        });
      });
      await matching.profilesChanged(insertedProfiles);
      return { total, imported: valid.length, rejected, errors };
    },

    /** Every posting the caller manages, as .xlsx with the import headers (so it imports back). */
    async exportJobs(ctx: ServiceContext): Promise<Buffer> {
      const access = await accessOf(db, ctx.actor, 'employment:export');
      const rows = await repo.jobsForExport(db, access, 100_000);
      const views = await jobViews(db, rows, ctx.locale);
      await recordAudit(db, ctx.audit, {
        action: 'export',
        entity: 'job',
        orgPath: access.staff.roots[0] ?? null,
        detail: `${views.length} rows`,
      });
      const columns: SheetColumn<JobView>[] = JOB_COLUMNS.map((c) => ({
        header: c.header,
        value: (j: JobView) => {
          const v = c.key === 'employer' ? j.employerName : (j as unknown as Record<string, unknown>)[c.key];
          return Array.isArray(v)
            ? v.join('、')
            : v === null || v === undefined
              ? null
              : (v as string | number);
        },
      }));
      columns.push(
        { header: '剩余名额', value: (j) => j.placesLeft },
        { header: '状态', value: (j) => j.status },
        { header: '审核', value: (j) => j.reviewStatus },
      );
      return writeXlsx('岗位', columns, views);
    },

    /** Profiles kept in the caller's subtree, phones masked. */
    async exportProfiles(ctx: ServiceContext, scope: Scope): Promise<Buffer> {
      const all: ProfileView[] = [];
      for (let offset = 0; ; offset += 1000) {
        const rows = await repo.listProfiles(db, scope, {}, { offset, limit: 1000 });
        all.push(...rows.map((r) => profileView(r.profile, false)));
        if (rows.length < 1000) {
          break;
        }
      }
      await recordAudit(db, ctx.audit, {
        action: 'export',
        entity: 'profile',
        orgPath: scope.roots[0] ?? null,
        detail: `${all.length} rows, masked`,
      });
      const columns: SheetColumn<ProfileView>[] = PROFILE_COLUMNS.map((c) => ({
        header: c.header,
        value: (p: ProfileView) => {
          const v = (p as unknown as Record<string, unknown>)[c.key];
          if (typeof v === 'boolean') {
            return v ? '是' : '否';
          }
          return Array.isArray(v)
            ? v.join('、')
            : v === null || v === undefined
              ? null
              : (v as string | number);
        },
      }));
      return writeXlsx('求职者', columns, all);
    },
  };
}

export type TransferService = ReturnType<typeof createTransferService>;

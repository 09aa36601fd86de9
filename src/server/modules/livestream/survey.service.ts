import { recordAudit } from '../../platform/audit/audit.ts';
import { type Scope, scopeIncludes } from '../../platform/auth/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { type SheetColumn, writeXlsxBook } from '../../platform/files/tables.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import type { OrgModule } from '../org/index.ts';
import * as repo from './livestream.repository.ts';
import type {
  Answers,
  CreateSurveyBody,
  Question,
  SurveyResults,
  SurveyView,
  UpdateSurveyBody,
} from './livestream.schemas.ts';
import { checkAnswers, normalizeQuestions, tally } from './survey.logic.ts';

function respondentKey(accountId: string): string {
  return `account:${accountId}`;
}

function toView(row: repo.SurveyRow, responses: number, answered: boolean | null): SurveyView {
  return {
    id: row.id,
    orgId: row.orgId,
    title: row.title,
    description: row.description,
    target: row.targetType && row.targetId ? { type: row.targetType, id: row.targetId } : null,
    status: row.status as SurveyView['status'],
    questions: row.questions as Question[],
    responses,
    answered,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Questionnaires linked to a session or any event; one answer per person; results and export. */
export function createSurveyService({ db, clock, org }: { db: Db; clock: Clock; org: OrgModule }) {
  async function inScope(scope: Scope, id: string) {
    const row = await repo.findSurvey(db, id);
    if (!row || !scopeIncludes(scope, row.orgPath)) {
      throw new AppError('survey/not-found');
    }
    return row;
  }

  async function viewOf(row: repo.SurveyRow, ctx: ServiceContext): Promise<SurveyView> {
    const counts = await repo.responseCounts(db, [row.id]);
    const answered = ctx.actor
      ? await repo.hasResponded(db, row.id, respondentKey(ctx.actor.accountId))
      : null;
    return toView(row, counts.get(row.id) ?? 0, answered);
  }

  async function results(row: repo.SurveyRow, by: string | undefined): Promise<SurveyResults> {
    const responses = await repo.responsesOf(db, row.id);
    return tally(
      { id: row.id, title: row.title, questions: row.questions as Question[] },
      responses.map((r) => r.answers as Answers),
      by,
    );
  }

  return {
    results,

    async list(
      _ctx: ServiceContext,
      scope: Scope,
      filter: { targetType?: string | undefined; targetId?: string | undefined },
    ) {
      const rows = await repo.listSurveys(db, scope, filter);
      const counts = await repo.responseCounts(
        db,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => toView(r, counts.get(r.id) ?? 0, null)) };
    },

    /** A survey to answer: anyone may read an open or closed one; drafts only their managers. */
    async get(ctx: ServiceContext, id: string, manageScope: Scope | null): Promise<SurveyView> {
      const row = await repo.findSurvey(db, id);
      if (!row || (row.status === 'draft' && !(manageScope && scopeIncludes(manageScope, row.orgPath)))) {
        throw new AppError('survey/not-found');
      }
      return viewOf(row, ctx);
    },

    async create(ctx: ServiceContext, scope: Scope, body: CreateSurveyBody): Promise<SurveyView> {
      const home = await org.organisations.lookup(body.orgId);
      if (!home || !scopeIncludes(scope, home.path)) {
        throw new AppError('org/organisation-not-found', { field: 'body.orgId' });
      }
      const questions = normalizeQuestions(body.questions);
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const surveyId = await repo.insertSurvey(tx, {
          orgId: home.id,
          orgPath: home.path,
          title: body.title,
          description: body.description,
          targetType: body.target?.type ?? null,
          targetId: body.target?.id ?? null,
          status: body.status,
          questions,
          createdBy: ctx.audit.accountId,
          createdAt: now,
          updatedAt: now,
        });
        await recordAudit(tx, ctx.audit, {
          action: 'create',
          entity: 'survey',
          entityId: surveyId,
          orgId: home.id,
          orgPath: home.path,
          after: { title: body.title, target: body.target, questions: questions.length },
        });
        return surveyId;
      });
      return viewOf((await repo.findSurvey(db, id))!, ctx);
    },

    async update(ctx: ServiceContext, scope: Scope, id: string, body: UpdateSurveyBody): Promise<SurveyView> {
      await db.transaction(async (tx) => {
        const row = await repo.lockSurvey(tx, id);
        if (!row || !scopeIncludes(scope, row.orgPath)) {
          throw new AppError('survey/not-found');
        }
        const patch: Parameters<typeof repo.updateSurvey>[2] = { updatedAt: clock.now() };
        if (body.questions) {
          if (((await repo.responseCounts(tx, [id])).get(id) ?? 0) > 0) {
            throw new AppError('survey/locked', { field: 'body.questions' });
          }
          patch.questions = normalizeQuestions(body.questions);
        }
        if (body.title !== undefined) {
          patch.title = body.title;
        }
        if (body.description !== undefined) {
          patch.description = body.description;
        }
        if (body.status !== undefined) {
          patch.status = body.status;
        }
        if (body.target !== undefined) {
          patch.targetType = body.target?.type ?? null;
          patch.targetId = body.target?.id ?? null;
        }
        await repo.updateSurvey(tx, id, patch);
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'survey',
          entityId: id,
          orgId: row.orgId,
          orgPath: row.orgPath,
          after: { fields: Object.keys(body), status: body.status },
        });
      });
      return viewOf((await repo.findSurvey(db, id))!, ctx);
    },

    /** One answer per person: a second one (even two taps at once) is refused by the unique index. */
    async answer(ctx: ServiceContext, id: string, answers: Answers) {
      const actor = ctx.actor;
      if (!actor) {
        throw new AppError('auth/unauthenticated');
      }
      const row = await repo.findSurvey(db, id);
      if (!row || row.status === 'draft') {
        throw new AppError('survey/not-found');
      }
      if (row.status !== 'open') {
        throw new AppError('survey/closed');
      }
      const clean = checkAnswers(row.questions as Question[], answers);
      const responseId = await repo.insertResponse(db, {
        surveyId: id,
        respondentKey: respondentKey(actor.accountId),
        accountId: actor.accountId,
        answers: clean,
        createdAt: clock.now(),
      });
      if (!responseId) {
        throw new AppError('survey/already-answered');
      }
      return { id: responseId, surveyId: id, createdAt: clock.now().toISOString() };
    },

    async resultsOf(_ctx: ServiceContext, scope: Scope, id: string, by: string | undefined) {
      return results(await inScope(scope, id), by);
    },

    /** .xlsx: a sheet of counts per question, and a sheet with every response (no names). */
    async exportFile(
      ctx: ServiceContext,
      scope: Scope,
      id: string,
    ): Promise<{ data: Buffer; filename: string }> {
      const row = await inScope(scope, id);
      const questions = row.questions as Question[];
      const summary = await results(row, undefined);
      const responses = await repo.responsesOf(db, id);
      await recordAudit(db, ctx.audit, {
        action: 'export',
        entity: 'survey',
        entityId: id,
        orgId: row.orgId,
        orgPath: row.orgPath,
        detail: `${responses.length} responses`,
      });
      return {
        data: await writeXlsxBook(surveySheets(summary, questions, responses)),
        filename: `survey-${id.slice(0, 8)}.xlsx`,
      };
    },
  };
}

type Sheet = {
  name: string;
  columns: SheetColumn<Record<string, string | number | null>>[];
  rows: Record<string, string | number | null>[];
};

export function surveySheets(
  summary: SurveyResults,
  questions: readonly Question[],
  responses: readonly { answers: unknown; createdAt: Date }[],
): Sheet[] {
  const counts: Record<string, string | number | null>[] = [];
  for (const q of summary.questions) {
    if (q.kind === 'text') {
      counts.push({ question: q.title, option: '（文本题）', count: q.answered, share: null });
      continue;
    }
    for (const c of q.counts) {
      counts.push({ question: q.title, option: c.option, count: c.count, share: c.share });
    }
    if (q.average !== null) {
      counts.push({ question: q.title, option: '平均分', count: q.average, share: null });
    }
  }
  const col = (
    header: string,
    key: string,
    width = 16,
  ): SheetColumn<Record<string, string | number | null>> => ({
    header,
    width,
    value: (r) => r[key] ?? null,
  });
  return [
    {
      name: '统计',
      columns: [
        col('题目', 'question', 40),
        col('选项', 'option', 24),
        col('人数', 'count', 10),
        col('占比(%)', 'share', 10),
      ],
      rows: counts,
    },
    {
      name: '答卷',
      columns: [col('提交时间', 'at', 22), ...questions.map((q) => col(q.title, q.id, 24))],
      rows: responses.map((r) => {
        const answers = r.answers as Answers;
        const out: Record<string, string | number | null> = { at: r.createdAt.toISOString() };
        for (const q of questions) {
          const v = answers[q.id];
          out[q.id] = v === undefined ? null : Array.isArray(v) ? v.join('；') : v;
        }
        return out;
      }),
    },
  ];
}

export type SurveyService = ReturnType<typeof createSurveyService>;

import { recordAudit } from '../../platform/audit/audit.ts';
import type { Scope } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { type SheetColumn, writeXlsxBook } from '../../platform/files/tables.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import type { EmploymentPort } from './livestream.ports.ts';
import * as repo from './livestream.repository.ts';
import type { Question, Report } from './livestream.schemas.ts';
import { share } from './livestream.state.ts';
import { LIVE_SESSION_TARGET, type SessionService, summaryOf } from './session.service.ts';
import { type SurveyService, surveySheets } from './survey.service.ts';

type Row = Record<string, string | number | null>;

/** The event report of a session: the figures the newspaper quotes, as JSON and as .xlsx. */
export function createReportService(deps: {
  db: Db;
  sessions: SessionService;
  surveys: SurveyService;
  employment: EmploymentPort;
}) {
  const { db, sessions, surveys, employment } = deps;

  async function build(ctx: ServiceContext, scope: Scope, id: string): Promise<Report> {
    const { row, organisers } = await sessions.loadInScope(scope, id);
    const counters = await repo.counters(db, id, new Date(0));
    const jobIds = await repo.jobsOf(db, id);
    const jobs = await employment.jobSummaries(ctx, jobIds);
    const apps = await repo.liveApplicationsOf(db, id);
    const statuses = await employment.applicationStatuses(
      [...new Set(apps.map((a) => a.jobId))],
      apps.map((a) => a.applicationId),
    );
    const opens = new Map((await repo.jobOpensByJob(db, id)).map((r) => [r.jobId, r.n]));
    const zone = row.zoneId ? await employment.zone(ctx, row.zoneId) : null;
    const zoneJobs = new Set(zone?.jobIds ?? []);

    const perJob = new Map<string, { applications: number; hires: number }>();
    for (const a of apps) {
      const f = perJob.get(a.jobId) ?? { applications: 0, hires: 0 };
      f.applications += 1;
      const status = statuses.get(a.applicationId);
      f.hires += status === 'hired' || status === 'onboarded' ? 1 : 0;
      perJob.set(a.jobId, f);
    }
    const byJob = jobs.map((j) => ({
      jobId: j.id,
      title: j.title,
      employerName: j.employerName,
      places: j.headcount,
      opens: opens.get(j.id) ?? 0,
      applications: perJob.get(j.id)?.applications ?? 0,
      hires: perJob.get(j.id)?.hires ?? 0,
      priorityZone: zoneJobs.has(j.id),
    }));
    const employers = new Map<string, Report['byEmployer'][number]>();
    for (const j of jobs) {
      const f = employers.get(j.employerId) ?? {
        employerId: j.employerId,
        employerName: j.employerName,
        jobs: 0,
        places: 0,
        applications: 0,
        hires: 0,
      };
      f.jobs += 1;
      f.places += j.headcount;
      f.applications += perJob.get(j.id)?.applications ?? 0;
      f.hires += perJob.get(j.id)?.hires ?? 0;
      employers.set(j.employerId, f);
    }
    const applications = apps.length;
    const hires = byJob.reduce((a, j) => a + j.hires, 0);
    const zoneRows = byJob.filter((j) => j.priorityZone);
    const zoneApplications = zoneRows.reduce((a, j) => a + j.applications, 0);
    const surveyRows = await repo.surveysOfTarget(db, LIVE_SESSION_TARGET, id);
    const surveyResults = [];
    for (const s of surveyRows) {
      const questions = s.questions as Question[];
      const pivot = questions.find((q) => q.kind === 'single' && /学校|院校|省份|籍贯/u.test(q.title));
      surveyResults.push(await surveys.results(s, pivot?.id));
    }
    return {
      session: summaryOf(row, organisers, ctx.locale),
      exposures: counters?.exposures ?? 0,
      peakConcurrent: counters?.peak ?? 0,
      likes: counters?.likes ?? row.likes,
      jobOpeners: counters?.openers ?? 0,
      applications,
      applicationsAfterEnd: apps.filter((a) => a.afterEnd).length,
      hires,
      employers: employers.size,
      jobs: jobs.length,
      places: jobs.reduce((a, j) => a + j.headcount, 0),
      priorityZone: zone
        ? {
            zoneId: zone.id,
            name: zone.name,
            jobs: zoneRows.length,
            applications: zoneApplications,
            hires: zoneRows.reduce((a, j) => a + j.hires, 0),
            share: share(zoneApplications, applications),
          }
        : null,
      byEmployer: [...employers.values()].sort((a, b) => b.applications - a.applications),
      byJob: byJob.sort((a, b) => b.applications - a.applications),
      surveys: surveyResults,
    };
  }

  return {
    build,

    async exportFile(
      ctx: ServiceContext,
      scope: Scope,
      id: string,
    ): Promise<{ data: Buffer; filename: string }> {
      const report = await build(ctx, scope, id);
      const { organisers } = await sessions.load(id);
      await recordAudit(db, ctx.audit, {
        action: 'export',
        entity: 'live_session',
        entityId: id,
        orgId: organisers[0]?.orgId ?? null,
        orgPath: organisers[0]?.orgPath ?? null,
        detail: 'event report',
      });
      const col = (header: string, key: string, width = 14): SheetColumn<Row> => ({
        header,
        width,
        value: (r) => r[key] ?? null,
      });
      const overview: Row[] = [
        { k: '直播', v: report.session.title },
        { k: '主办', v: report.session.organisers.map((o) => o.name).join('、') },
        { k: '状态', v: report.session.statusLabel },
        { k: '开始', v: report.session.startedAt ?? report.session.scheduledStart },
        { k: '结束', v: report.session.endedAt ?? report.session.scheduledEnd },
        { k: '曝光量（独立观众）', v: report.exposures },
        { k: '峰值同时在线', v: report.peakConcurrent },
        { k: '点赞', v: report.likes },
        { k: '查看岗位人数', v: report.jobOpeners },
        { k: '参与企业', v: report.employers },
        { k: '岗位数', v: report.jobs },
        { k: '招聘人数', v: report.places },
        { k: '投递', v: report.applications },
        { k: '其中直播结束后投递', v: report.applicationsAfterEnd },
        { k: '录用', v: report.hires },
        ...(report.priorityZone
          ? [
              { k: `专区：${report.priorityZone.name} 岗位`, v: report.priorityZone.jobs },
              { k: '专区投递', v: report.priorityZone.applications },
              { k: '专区投递占比(%)', v: report.priorityZone.share },
            ]
          : []),
      ];
      const sheets = [
        { name: '概览', columns: [col('指标', 'k', 28), col('数值', 'v', 40)], rows: overview },
        {
          name: '按企业',
          columns: [
            col('企业', 'employerName', 36),
            col('岗位数', 'jobs'),
            col('招聘人数', 'places'),
            col('投递', 'applications'),
            col('录用', 'hires'),
          ],
          rows: report.byEmployer as unknown as Row[],
        },
        {
          name: '按岗位',
          columns: [
            col('岗位', 'title', 28),
            col('企业', 'employerName', 36),
            col('招聘人数', 'places'),
            col('查看', 'opens'),
            col('投递', 'applications'),
            col('录用', 'hires'),
            col('专区岗位', 'zone'),
          ],
          rows: report.byJob.map((j) => ({ ...j, zone: j.priorityZone ? '是' : '' })) as unknown as Row[],
        },
      ];
      for (const [i, s] of report.surveys.entries()) {
        const [stats] = surveySheets(s, [], []);
        sheets.push({ ...stats!, name: `问卷${i + 1}` });
      }
      return { data: await writeXlsxBook(sheets), filename: `live-report-${id.slice(0, 8)}.xlsx` };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;

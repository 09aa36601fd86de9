import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { registerErrors } from '../../platform/errors.ts';
import type { RealtimeBus } from '../../platform/realtime/bus.ts';
import { systemContext } from '../../platform/service-context.ts';
import type { EmploymentModule } from '../employment/index.ts';
import type { OrgModule } from '../org/index.ts';
import { createEmploymentAdapter } from './employment.adapter.ts';
import { groupRoutes } from './group.routes.ts';
import { createGroupService } from './group.service.ts';
import { createLiveRealtime, type LiveRealtime, type LiveTimings } from './live.realtime.ts';
import { livestreamErrors } from './livestream.errors.ts';
import type { EmploymentPort } from './livestream.ports.ts';
import { rewriteOrgPaths } from './livestream.repository.ts';
import { createReportService } from './report.service.ts';
import { sessionRoutes } from './session.routes.ts';
import { createSessionService } from './session.service.ts';
import { surveyRoutes } from './survey.routes.ts';
import { createSurveyService } from './survey.service.ts';

export { runLiveBench } from './live.bench.ts';
export type { LiveTimings } from './live.realtime.ts';
export type { EmploymentPort } from './livestream.ports.ts';
export type { LiveSessionView, Report, SurveyResults } from './livestream.schemas.ts';
export { seedLivestream } from './livestream.seed.ts';
export { SESSION_STATUSES } from './livestream.state.ts';

export interface LivestreamModuleDeps {
  db: Db;
  clock: Clock;
  bus: RealtimeBus;
  org: OrgModule;
  employment: EmploymentModule;
  /** Replaces the employment adapter (tests). */
  employmentPort?: EmploymentPort;
  timings?: Partial<LiveTimings>;
  log?: { error(obj: unknown, msg?: string): void };
}

export function createLivestreamModule(deps: LivestreamModuleDeps) {
  registerErrors(livestreamErrors);
  const { db, clock, bus, org } = deps;
  const employment = deps.employmentPort ?? createEmploymentAdapter(deps.employment, org);
  let realtime: LiveRealtime | null = null;
  const sessions = createSessionService({ db, clock, bus, org, employment, realtime: () => realtime! });
  realtime = createLiveRealtime({
    db,
    bus,
    clock,
    ...(deps.timings ? { timings: deps.timings } : {}),
    hostStats: (sessionId) => sessions.hostStatsOf(systemContext('live-stats'), sessionId),
    onError: (error) => deps.log?.error({ err: error }, 'livestream background task failed'),
  });
  const live = realtime;
  const group = createGroupService({ db, clock, bus });
  const surveys = createSurveyService({ db, clock, org });
  const reports = createReportService({ db, sessions, surveys, employment });

  return {
    sessions,
    group,
    surveys,
    reports,
    realtime: live,
    /**
     * Registered with org's `organisations.onMoved` in app.ts: the paths of sessions, their
     * organisers and surveys follow a subtree move inside the move's transaction. No cache here
     * holds an organisation path (session status 1 s, host hire counts 10 s, the adapter's job,
     * zone and employer cards 5 s), so scope checks see the move at once.
     */
    onOrganisationMoved: (tx: Tx, oldPath: string, newPath: string) => rewriteOrgPaths(tx, oldPath, newPath),
    routes(app: FastifyInstance): void {
      sessionRoutes(app, { sessions, reports, bus, realtime: live });
      groupRoutes(app, { group });
      surveyRoutes(app, { surveys });
      // Open streams would hold the server open: end them first; then stop the timers and flush the likes.
      app.addHook('preClose', async () => {
        live.endStreams();
      });
      app.addHook('onClose', async () => {
        await live.close();
      });
    },
  };
}

export type LivestreamModule = ReturnType<typeof createLivestreamModule>;

import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { MapTiles } from '../../platform/env.ts';
import { registerErrors } from '../../platform/errors.ts';
import type { RealtimeBus } from '../../platform/realtime/bus.ts';
import type { OrgModule } from '../org/index.ts';
import { allocationRoutes } from './allocation.routes.ts';
import { createAllocationService } from './allocation.service.ts';
import { applicationRoutes } from './application.routes.ts';
import { createApplicationService } from './application.service.ts';
import { directoryRoutes } from './directory.routes.ts';
import { employerRoutes } from './employer.routes.ts';
import { createEmployerService } from './employer.service.ts';
import { employmentErrors } from './employment.errors.ts';
import { rewriteOrgPaths } from './employment.repository.ts';
import { jobRoutes } from './job.routes.ts';
import { createJobService } from './job.service.ts';
import { createMatchIndex } from './match-index.service.ts';
import { createNotificationService } from './notification.service.ts';
import { createOverviewService } from './overview.service.ts';
import { createProfileService } from './profile.service.ts';
import { createRegistrationService } from './registration.service.ts';
import { createServicePointService } from './service-point.service.ts';
import { createTransferService } from './transfer.service.ts';
import { workerRoutes } from './worker.routes.ts';
import { createZoneService } from './zone.service.ts';

export type { AllocationService } from './allocation.service.ts';
export type { ApplicationStatus } from './application.pipeline.ts';
export { APPLICATION_STATUS_LABELS, APPLICATION_STATUSES } from './application.pipeline.ts';
export type { ApplicationService } from './application.service.ts';
export type { EmployerService } from './employer.service.ts';
export type { EmployerView, ImportReport, JobView, ProfileView } from './employment.schemas.ts';
export { DEMO_JOB_SEEKER, seedEmployment } from './employment.seed.ts';
export { JOB_STATUSES } from './job.lifecycle.ts';
export type { JobService } from './job.service.ts';
export type { MatchIndex } from './match-index.service.ts';
export { MATCHING_TOPIC } from './match-index.service.ts';
export { SPEED_KMH } from './service-point.geo.ts';
export { TRUST_RULES } from './trust.rules.ts';

export interface EmploymentModuleDeps {
  db: Db;
  clock: Clock;
  org: OrgModule;
  cookie: { secure: boolean; maxAgeSeconds: number };
  /** Announces matching-index changes to the other API processes (optional: one process needs none). */
  bus?: RealtimeBus | undefined;
  log?: { warn(obj: unknown, msg?: string): void; info(obj: unknown, msg?: string): void } | undefined;
  /** The tile server of the service-point maps (MAP_TILE_*), or null for lists only. */
  mapTiles?: MapTiles | null | undefined;
}

export function createEmploymentModule(deps: EmploymentModuleDeps) {
  registerErrors(employmentErrors);
  const { db, clock, org } = deps;
  const matching = createMatchIndex({ db, clock, bus: deps.bus, log: deps.log });
  const employers = createEmployerService({ db, clock, org });
  const jobs = createJobService({ db, clock, matching });
  const profiles = createProfileService({ db, clock, org, matching });
  const applications = createApplicationService({ db, clock, profiles, matching });
  const allocation = createAllocationService({ db, matching });
  const notifications = createNotificationService({ db, clock });
  const registration = createRegistrationService({ db, clock, org, matching });
  const zones = createZoneService({ db, clock, org });
  const servicePoints = createServicePointService({ db, org });
  const transfer = createTransferService({ db, clock, org, matching });
  const overview = createOverviewService({ db, org });

  return {
    employers,
    jobs,
    profiles,
    applications,
    notifications,
    registration,
    zones,
    servicePoints,
    transfer,
    overview,
    /** The matching engine fed from our tables (built on first use, or `matching.warm()` after listen). */
    matching,
    allocation,
    /**
     * Registered with org's `organisations.onMoved` in app.ts: our copies of organisation paths
     * follow a subtree move inside the move's transaction.
     */
    onOrganisationMoved: (tx: Tx, oldPath: string, newPath: string) => rewriteOrgPaths(tx, oldPath, newPath),
    routes(app: FastifyInstance): void {
      workerRoutes(app, { registration, profiles, applications, notifications, cookie: deps.cookie });
      employerRoutes(app, { employers });
      jobRoutes(app, { jobs, applications, transfer });
      applicationRoutes(app, { applications });
      directoryRoutes(app, {
        zones,
        servicePoints,
        profiles,
        transfer,
        overview,
        mapTiles: deps.mapTiles ?? null,
      });
      allocationRoutes(app, { allocation });
    },
  };
}

export type EmploymentModule = ReturnType<typeof createEmploymentModule>;

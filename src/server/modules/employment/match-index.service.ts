import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { RealtimeBus } from '../../platform/realtime/bus.ts';
import { createMatchEngine, type MatchEngine, type MatchJob, type MatchWorker } from '../matching/index.ts';
import * as repo from './employment.repository.ts';
import { isPubliclyVisible } from './job.lifecycle.ts';

/**
 * Employment feeds the matching engine (a pure library) and keeps it current:
 * - built from the database on first use, or by `warm()` in the background after listen;
 * - every service that changes a posting or a profile calls `jobsChanged`/`profilesChanged`
 *   after its transaction commits; the record is re-read and upserted (or removed) before the
 *   request answers, so this process reflects the change at once;
 * - for several API processes, the change is announced on the real-time bus (topic
 *   `matching`, type `changed`, `{ kind, ids, origin }`, not stored) and every other process
 *   re-reads those records and upserts them into its own engine.
 */
export const MATCHING_TOPIC = 'matching';

/** Ids per bus message: NOTIFY payloads are limited to ~7 kB. */
const IDS_PER_MESSAGE = 100;

type Kind = 'job' | 'profile';

interface ChangedMessage {
  kind: Kind;
  ids: string[];
  origin: string;
}

export function toMatchJob(row: repo.JobRow): MatchJob {
  return {
    id: row.id,
    title: row.title,
    trade: row.trade,
    employer: row.employerName,
    description: row.description,
    skills: row.skills,
    certificates: row.certificates,
    education: row.education,
    minYears: row.minYears,
    city: row.city,
    district: row.district,
    lat: row.lat,
    lng: row.lng,
    salaryMin: row.salaryMin,
    salaryMax: row.salaryMax,
    headcount: row.headcount,
    tags: row.tags,
    priorityOrigins: row.priorityOrigins,
    languages: row.languages,
    shift: row.shift,
    // Only postings the public may see are recommended; staff searches pass includeHidden.
    visible: isPubliclyVisible(row),
    postedAt: row.publishedAt.getTime(),
    placesLeft: row.placesLeft,
    status: row.status === 'open' ? 'open' : row.status === 'paused' ? 'paused' : 'closed',
  };
}

export function toMatchWorker(row: repo.ProfileRow): MatchWorker {
  return {
    id: row.id,
    name: row.name,
    desiredTrades: row.desiredTrades,
    summary: row.summary,
    skills: row.skills,
    certificates: row.certificates,
    education: row.education,
    years: row.years,
    hometownProvince: row.hometownProvince,
    city: row.city,
    lat: row.lat,
    lng: row.lng,
    maxCommuteKm: row.maxCommuteKm,
    willingToRelocate: row.willingToRelocate,
    expectedSalary: row.expectedSalary,
    languages: row.languages,
    visible: row.visible,
  };
}

export interface MatchIndexDeps {
  db: Db;
  clock: Clock;
  bus?: RealtimeBus | undefined;
  log?: { warn(obj: unknown, msg?: string): void; info(obj: unknown, msg?: string): void } | undefined;
}

export function createMatchIndex({ db, clock, bus, log }: MatchIndexDeps) {
  const origin = randomUUID();
  let engine: MatchEngine | null = null;
  let building: Promise<MatchEngine> | null = null;
  // Changes seen while the initial build reads the tables: replayed once it is done.
  const pending: Array<{ kind: Kind; ids: string[] }> = [];

  function applyJobs(e: MatchEngine, ids: readonly string[], rows: repo.JobRow[]): void {
    const found = new Set<string>();
    for (const row of rows) {
      found.add(row.id);
      if (row.status === 'open' || row.status === 'paused') {
        e.upsertJob(toMatchJob(row));
      } else {
        e.removeJob(row.id);
      }
    }
    for (const id of ids) {
      if (!found.has(id)) {
        e.removeJob(id);
      }
    }
  }

  function applyProfiles(e: MatchEngine, ids: readonly string[], rows: repo.ProfileRow[]): void {
    const found = new Set<string>();
    for (const row of rows) {
      found.add(row.id);
      e.upsertWorker(toMatchWorker(row));
    }
    for (const id of ids) {
      if (!found.has(id)) {
        e.removeWorker(id);
      }
    }
  }

  async function refresh(e: MatchEngine, kind: Kind, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    if (kind === 'job') {
      applyJobs(e, ids, await repo.jobsForMatching(db, ids));
    } else {
      applyProfiles(e, ids, await repo.profilesForMatching(db, ids));
    }
  }

  async function build(): Promise<MatchEngine> {
    const started = Date.now();
    const e = createMatchEngine({ now: () => clock.now().getTime() });
    const jobRows = await repo.jobsForMatching(db);
    const profileRows = await repo.profilesForMatching(db);
    // One bulk call: large sets of profiles are extracted on a worker thread and this one in parallel.
    e.load({ jobs: jobRows.map(toMatchJob), workers: profileRows.map(toMatchWorker) });
    e.flush();
    while (pending.length > 0) {
      const change = pending.shift()!;
      await refresh(e, change.kind, change.ids);
    }
    // Published synchronously after the last replay, so no later change can fall between the two.
    engine = e;
    log?.info(
      { jobs: jobRows.length, profiles: profileRows.length, ms: Date.now() - started },
      'matching index built',
    );
    return e;
  }

  /** The engine, built on first use (concurrent callers share one build). */
  function get(): Promise<MatchEngine> {
    if (engine) {
      return Promise.resolve(engine);
    }
    if (!building) {
      building = build().then(
        (e) => {
          engine = e;
          building = null;
          return e;
        },
        (error: unknown) => {
          building = null;
          throw error;
        },
      );
    }
    return building;
  }

  async function applyLocal(kind: Kind, ids: readonly string[]): Promise<void> {
    if (engine) {
      await refresh(engine, kind, ids);
    } else if (building) {
      pending.push({ kind, ids: [...ids] });
    }
    // Not built yet: the build will read the committed rows.
  }

  async function changed(kind: Kind, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    await applyLocal(kind, ids);
    if (bus) {
      for (let i = 0; i < ids.length; i += IDS_PER_MESSAGE) {
        const message: ChangedMessage = { kind, ids: ids.slice(i, i + IDS_PER_MESSAGE), origin };
        // Best effort: a lost message leaves another process stale until its next restart.
        await bus
          .broadcast(MATCHING_TOPIC, 'changed', message)
          .catch((error: unknown) => log?.warn({ err: error }, 'matching change not broadcast'));
      }
    }
  }

  const unsubscribe = bus?.subscribe(MATCHING_TOPIC, (event) => {
    const message = event.data as Partial<ChangedMessage> | null;
    if (
      !message ||
      message.origin === origin ||
      (message.kind !== 'job' && message.kind !== 'profile') ||
      !Array.isArray(message.ids)
    ) {
      return;
    }
    applyLocal(message.kind, message.ids).catch((error: unknown) =>
      log?.warn({ err: error }, 'matching change from another process not applied'),
    );
  });

  return {
    engine: get,
    /** Builds the index in the background (after listen), so the first query does not wait. */
    warm(): void {
      get().catch((error: unknown) => log?.warn({ err: error }, 'matching index build failed'));
    },
    /** Call after the transaction that created, edited or closed these postings committed. */
    jobsChanged: (ids: readonly string[]) => changed('job', ids),
    /** Call after the transaction that created or edited these profiles committed. */
    profilesChanged: (ids: readonly string[]) => changed('profile', ids),
    close(): void {
      unsubscribe?.();
    },
  };
}

export type MatchIndex = ReturnType<typeof createMatchIndex>;

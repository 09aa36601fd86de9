/**
 * Housekeeping that runs on a timer in every serving process (voucher expiry, pruning old
 * events). Jobs must be safe to run in several processes at once — each is a conditional
 * statement, so a second run finds nothing left to do. A run never overlaps the previous one of
 * the same job, and a failure is logged and retried at the next tick.
 */
export interface PeriodicJob {
  name: string;
  everyMs: number;
  /** Resolves with what it did (logged when not zero/empty), or throws. */
  run(): Promise<unknown>;
}

export interface SchedulerLog {
  info(detail: object, message: string): void;
  error(detail: object, message: string): void;
}

export interface Scheduler {
  stop(): Promise<void>;
}

export function startPeriodicJobs(
  jobs: readonly PeriodicJob[],
  log: SchedulerLog,
  options: { firstDelayMs?: number } = {},
): Scheduler {
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<string, Promise<void>>();
  let stopped = false;

  const tick = (job: PeriodicJob) => {
    if (stopped || running.has(job.name)) {
      return;
    }
    const run = job
      .run()
      .then((result) => {
        if (result !== undefined && result !== 0 && !(Array.isArray(result) && result.length === 0)) {
          log.info({ job: job.name, result }, 'periodic job done');
        }
      })
      .catch((error: unknown) => {
        log.error({ job: job.name, err: error }, 'periodic job failed');
      })
      .finally(() => {
        running.delete(job.name);
      });
    running.set(job.name, run);
  };

  for (const job of jobs) {
    // The first run soon after start (not at once: start-up has enough to do), then on the interval.
    const first = setTimeout(() => {
      tick(job);
      const every = setInterval(() => tick(job), job.everyMs);
      every.unref();
      timers.push(every);
    }, options.firstDelayMs ?? 10_000);
    first.unref();
    timers.push(first);
  }

  return {
    async stop() {
      stopped = true;
      for (const t of timers) {
        clearTimeout(t);
        clearInterval(t);
      }
      await Promise.all(running.values());
    },
  };
}

import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { RealtimeBus } from '../../platform/realtime/bus.ts';
import * as repo from './livestream.repository.ts';

/**
 * The live machinery of one API process. Nothing here is the truth: likes are group-committed
 * (the taps that arrive within one flush interval are added with one UPDATE, and each request
 * is answered only once that UPDATE has committed); presence and counters live in PostgreSQL,
 * so every process computes the same figures and only hands them to the streams it holds
 * (bus.deliverLocal), never to another process's viewers twice.
 */
export interface LiveTimings {
  /**
   * Group commit of likes: the first tap after a flush waits at most this long for others to
   * join it; then one UPDATE adds them all, and every one of those requests is answered.
   */
  likeFlushMs: number;
  /** `stats` events to local streams of live sessions. */
  statsMs: number;
  /** Presence: local streams refresh their viewers' last_seen this often… */
  presenceMs: number;
  /** …and a viewer not seen for this long no longer counts as present. */
  presenceWindowMs: number;
}

export const DEFAULT_TIMINGS: LiveTimings = {
  likeFlushMs: 20,
  statsMs: 1000,
  presenceMs: 10_000,
  presenceWindowMs: 25_000,
};

export function topicOf(sessionId: string): string {
  return `live:${sessionId}`;
}

interface Connection {
  viewerKey: string;
  host: boolean;
  end: () => void;
}

export interface LiveRealtime {
  /** Resolves once the taps are committed to the database (rejects if that write fails: nothing is acknowledged then). */
  like(sessionId: string, count: number): Promise<void>;
  /** Writes the taps waiting for the next group commit now. */
  flushLikes(): Promise<void>;
  connect(
    sessionId: string,
    viewer: { viewerKey: string; accountId: string | null; host: boolean; end: () => void },
  ): Promise<() => void>;
  connections(sessionId: string): number;
  counters(sessionId: string): Promise<repo.CounterRow | undefined>;
  /** Ends every stream this process holds (shutdown): clients reconnect, to another process if need be. */
  endStreams(): void;
  close(): Promise<void>;
}

export function createLiveRealtime(deps: {
  db: Db;
  bus: RealtimeBus;
  clock: Clock;
  timings?: Partial<LiveTimings>;
  /** Figures for the host console, computed when a host stream is open here. */
  hostStats: (sessionId: string) => Promise<unknown>;
  onError: (error: unknown) => void;
}): LiveRealtime {
  const timings = { ...DEFAULT_TIMINGS, ...deps.timings };
  const { db, bus, clock } = deps;
  interface LikeBatch {
    counts: Map<string, number>;
    waiters: { resolve: () => void; reject: (error: unknown) => void }[];
  }
  const emptyBatch = (): LikeBatch => ({ counts: new Map(), waiters: [] });
  let pending = emptyBatch();
  let likeTimer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> = Promise.resolve();
  const sessions = new Map<string, Map<number, Connection>>();
  let nextId = 1;
  let closed = false;

  function presentSince(): Date {
    return new Date(clock.now().getTime() - timings.presenceWindowMs);
  }

  async function flushOnce(): Promise<void> {
    const batch = pending;
    pending = emptyBatch();
    if (batch.counts.size === 0) {
      return;
    }
    try {
      // One statement for every session in the batch: all its taps commit, or none do.
      await repo.addLikes(
        db,
        [...batch.counts].map(([sessionId, n]) => ({ sessionId, n })),
      );
    } catch (error) {
      // Not counted, so not acknowledged: the requests fail and the clients may tap again.
      for (const w of batch.waiters) {
        w.reject(error);
      }
      return;
    }
    for (const w of batch.waiters) {
      w.resolve();
    }
  }

  function flushLikes(): Promise<void> {
    if (likeTimer) {
      clearTimeout(likeTimer);
      likeTimer = null;
    }
    // One flush at a time; a caller waits for the one running and then its own.
    flushing = flushing.catch(() => undefined).then(flushOnce);
    return flushing;
  }

  function scheduleLikeFlush(): void {
    if (likeTimer || closed) {
      return;
    }
    likeTimer = setTimeout(() => {
      likeTimer = null;
      flushLikes()
        .catch((error) => deps.onError(error))
        .finally(() => {
          // Taps that arrived while the UPDATE ran form the next group.
          if (pending.counts.size > 0) {
            scheduleLikeFlush();
          }
        });
    }, timings.likeFlushMs);
  }

  async function tick(): Promise<void> {
    await flushLikes();
    for (const [sessionId, conns] of sessions) {
      if (conns.size === 0) {
        continue;
      }
      const row = await repo.counters(db, sessionId, presentSince());
      if (row?.status !== 'live') {
        continue;
      }
      if (row.concurrent > row.peak) {
        await repo.raisePeak(db, sessionId, row.concurrent);
      }
      bus.deliverLocal(topicOf(sessionId), 'stats', {
        status: row.status,
        exposures: row.exposures,
        concurrent: row.concurrent,
        peakConcurrent: Math.max(row.peak, row.concurrent),
        likes: row.likes,
        applications: row.applications,
        jobOpens: row.jobOpens,
        at: clock.now().toISOString(),
      });
      if ([...conns.values()].some((c) => c.host)) {
        bus.deliverLocal(topicOf(sessionId), 'host-stats', await deps.hostStats(sessionId));
      }
    }
  }

  async function refreshPresence(): Promise<void> {
    const now = clock.now();
    for (const [sessionId, conns] of sessions) {
      const keys = [...new Set([...conns.values()].map((c) => c.viewerKey))];
      await repo.refreshViewers(db, sessionId, keys, now);
    }
  }

  // Timers never overlap themselves: the next run is scheduled when the previous one is done.
  function loop(ms: number, run: () => Promise<void>): { stop(): void } {
    let timer: NodeJS.Timeout | null = null;
    const schedule = () => {
      if (closed) {
        return;
      }
      timer = setTimeout(() => {
        run()
          .catch((error) => deps.onError(error))
          .finally(schedule);
      }, ms);
      timer.unref();
    };
    schedule();
    return {
      stop() {
        if (timer) {
          clearTimeout(timer);
        }
      },
    };
  }

  const loops = [loop(timings.statsMs, tick), loop(timings.presenceMs, refreshPresence)];

  return {
    like(sessionId, count) {
      return new Promise<void>((resolve, reject) => {
        pending.counts.set(sessionId, (pending.counts.get(sessionId) ?? 0) + count);
        pending.waiters.push({ resolve, reject });
        if (closed) {
          // Shutting down: no timer any more, write at once.
          flushLikes().catch(() => undefined);
        } else {
          scheduleLikeFlush();
        }
      });
    },
    flushLikes,
    async connect(sessionId, viewer) {
      await repo.touchViewer(db, {
        sessionId,
        viewerKey: viewer.viewerKey,
        accountId: viewer.accountId,
        at: clock.now(),
      });
      const id = nextId++;
      let conns = sessions.get(sessionId);
      if (!conns) {
        conns = new Map();
        sessions.set(sessionId, conns);
      }
      conns.set(id, { viewerKey: viewer.viewerKey, host: viewer.host, end: viewer.end });
      return () => {
        const current = sessions.get(sessionId);
        if (!current) {
          return;
        }
        current.delete(id);
        if (current.size === 0) {
          sessions.delete(sessionId);
        }
      };
    },
    connections(sessionId) {
      return sessions.get(sessionId)?.size ?? 0;
    },
    counters(sessionId) {
      return repo.counters(db, sessionId, presentSince());
    },
    endStreams() {
      for (const conns of sessions.values()) {
        for (const c of conns.values()) {
          c.end();
        }
      }
    },
    async close() {
      closed = true;
      for (const l of loops) {
        l.stop();
      }
      sessions.clear();
      await flushLikes().catch((error) => deps.onError(error));
    },
  };
}

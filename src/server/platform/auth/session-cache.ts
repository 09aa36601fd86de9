import { createHash } from 'node:crypto';
import type { RealtimeBus } from '../realtime/bus.ts';
import type { SessionResolver } from './guard.ts';
import type { Actor } from './scope.ts';

/**
 * A short-lived per-process cache of resolved sessions, in front of the resolver that reads
 * them from the database. A hot endpoint (likes, one-tap apply) then costs no session query
 * for a caller seen in the last `ttlMs`.
 *
 * Revocation: whoever signs a session out, revokes a role or otherwise changes what an account
 * may do calls `forget(accountIds)`. That drops the entries in this process at once (so the
 * process that handled the change never answers from a stale entry) and announces the change
 * to every other API process through the realtime bus (PostgreSQL NOTIFY), which drop theirs
 * when the notification arrives — milliseconds in practice, and never later than `ttlMs`,
 * after which every entry is read again from the database anyway.
 */
export interface SessionCache {
  /** The resolver to hand to the guard: cached, falling back to `inner`. */
  wrap(inner: SessionResolver): SessionResolver;
  /** Drops the cached sessions of these accounts here and, through the bus, in every process. */
  forget(accountIds: readonly string[]): Promise<void>;
  /** Drops every cached session here and everywhere. */
  forgetAll(): Promise<void>;
  readonly size: number;
  close(): void;
}

export const SESSION_CACHE_TOPIC = 'platform:sessions';
export const DEFAULT_SESSION_CACHE_MS = 2_000;

interface Entry {
  actor: Actor | null;
  /** When it was read, by the monotonic clock… */
  at: number;
  /** …and by the application's clock (injected in tests): a jump of either ends the entry. */
  atClock: number;
}

function keyOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function createSessionCache(options: {
  ttlMs?: number;
  bus?: RealtimeBus | null;
  maxEntries?: number;
  /** The application's clock, in ms (idle timeouts and expiry are judged by it). */
  clock?: () => number;
}): SessionCache {
  const ttlMs = options.ttlMs ?? DEFAULT_SESSION_CACHE_MS;
  const maxEntries = options.maxEntries ?? 50_000;
  const clock = options.clock ?? (() => Date.now());
  const entries = new Map<string, Entry>();
  const byAccount = new Map<string, Set<string>>();
  let generation = 0;

  function drop(accountIds: readonly string[] | null): void {
    generation += 1;
    if (accountIds === null) {
      entries.clear();
      byAccount.clear();
      return;
    }
    for (const id of accountIds) {
      for (const key of byAccount.get(id) ?? []) {
        entries.delete(key);
      }
      byAccount.delete(id);
    }
  }

  const unsubscribe = options.bus?.subscribe(SESSION_CACHE_TOPIC, (event) => {
    const data = event.data as { accountIds?: string[] | null } | null;
    drop(Array.isArray(data?.accountIds) ? data.accountIds : null);
  });

  async function announce(accountIds: readonly string[] | null): Promise<void> {
    await options.bus?.broadcast(SESSION_CACHE_TOPIC, 'forget', { accountIds });
  }

  return {
    wrap(inner) {
      return {
        async resolve(token) {
          const key = keyOf(token);
          const hit = entries.get(key);
          const t = performance.now();
          const c = clock();
          if (hit && t - hit.at < ttlMs && c >= hit.atClock && c - hit.atClock < ttlMs) {
            return hit.actor;
          }
          const started = generation;
          const actor = await inner.resolve(token);
          // A forget that ran while the database was read may concern this very session: not kept.
          if (generation === started) {
            if (entries.size >= maxEntries) {
              entries.clear();
              byAccount.clear();
            }
            entries.set(key, { actor, at: t, atClock: c });
            if (actor) {
              let keys = byAccount.get(actor.accountId);
              if (!keys) {
                keys = new Set();
                byAccount.set(actor.accountId, keys);
              }
              keys.add(key);
            }
          }
          return actor;
        },
      };
    },
    async forget(accountIds) {
      if (accountIds.length === 0) {
        return;
      }
      drop(accountIds);
      // More than a NOTIFY payload holds: every process drops everything instead.
      await announce(accountIds.length > 100 ? null : [...accountIds]);
    },
    async forgetAll() {
      drop(null);
      await announce(null);
    },
    get size() {
      return entries.size;
    },
    close() {
      unsubscribe?.();
      drop(null);
    },
  };
}

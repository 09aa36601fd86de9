/**
 * Group commit: requests that arrive while a batch is being written wait for the next batch,
 * and a batch is one transaction. Each request still gets its own outcome, and it resolves only
 * after the transaction holding it has committed, so an acknowledged write is as durable as one
 * written alone. Under light load a batch is a single request and nothing waits.
 *
 * A batch that fails as a whole (a constraint nobody checked for, a lost race the batch cannot
 * sort out) is not blamed on every request in it: each of its requests is run again alone, so only
 * the one that cannot be written fails.
 */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface GroupCommitOptions<I, R> {
  /** Writes one batch in one transaction and returns one outcome per item, in order. */
  run(items: I[]): Promise<Outcome<R>[]>;
  /** Largest batch (default 200). */
  maxBatch?: number;
  /** Batches in flight at once (default 2: one is written while the next is prepared). */
  concurrency?: number;
}

export interface GroupCommit<I, R> {
  submit(item: I): Promise<R>;
  /** Resolves once everything submitted so far has settled. */
  drain(): Promise<void>;
}

interface Waiting<I, R> {
  item: I;
  resolve(value: R): void;
  reject(error: unknown): void;
}

export function createGroupCommit<I, R>(options: GroupCommitOptions<I, R>): GroupCommit<I, R> {
  const maxBatch = options.maxBatch ?? 200;
  const concurrency = options.concurrency ?? 2;
  let queue: Waiting<I, R>[] = [];
  let running = 0;
  let idle: Array<() => void> = [];

  function settle(waiting: Waiting<I, R>, outcome: Outcome<R> | undefined): void {
    if (!outcome) {
      waiting.reject(new Error('group commit: no outcome for an item'));
    } else if (outcome.ok) {
      waiting.resolve(outcome.value);
    } else {
      waiting.reject(outcome.error);
    }
  }

  async function runBatch(batch: Waiting<I, R>[]): Promise<void> {
    let outcomes: Outcome<R>[];
    try {
      outcomes = await options.run(batch.map((w) => w.item));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // Alone, each item either commits or fails for its own reason.
      for (const waiting of batch) {
        await runBatch([waiting]);
      }
      return;
    }
    for (const [i, waiting] of batch.entries()) {
      settle(waiting, outcomes[i]);
    }
  }

  function pump(): void {
    while (running < concurrency && queue.length > 0) {
      const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
      queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
      running++;
      void runBatch(batch).finally(() => {
        running--;
        pump();
      });
    }
    if (running === 0 && queue.length === 0 && idle.length > 0) {
      const waiters = idle;
      idle = [];
      for (const resolve of waiters) {
        resolve();
      }
    }
  }

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        // Let the requests of this turn of the event loop join the same batch.
        if (queue.length === 1) {
          queueMicrotask(pump);
        }
      });
    },
    drain() {
      if (running === 0 && queue.length === 0) {
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}

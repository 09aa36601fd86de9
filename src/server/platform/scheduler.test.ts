import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPeriodicJobs } from './scheduler.ts';

function recordingLog() {
  const lines: { level: string; detail: Record<string, unknown>; message: string }[] = [];
  return {
    lines,
    info: (detail: object, message: string) =>
      lines.push({ level: 'info', detail: detail as Record<string, unknown>, message }),
    error: (detail: object, message: string) =>
      lines.push({ level: 'error', detail: detail as Record<string, unknown>, message }),
  };
}

describe('periodic jobs', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs each job after the first delay, then on its interval, until stopped', async () => {
    const log = recordingLog();
    let runs = 0;
    const scheduler = startPeriodicJobs([{ name: 'count', everyMs: 1_000, run: async () => ++runs }], log, {
      firstDelayMs: 500,
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(runs).toBe(4);
    expect(log.lines.map((l) => l.detail.result)).toEqual([1, 2, 3, 4]);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(4);
  });

  it('never overlaps a run of the same job, logs a failure and tries again at the next tick', async () => {
    const log = recordingLog();
    let started = 0;
    let release: () => void = () => undefined;
    let fail = true;
    const scheduler = startPeriodicJobs(
      [
        {
          name: 'slow',
          everyMs: 100,
          run: () => {
            started++;
            return new Promise<void>((resolve) => {
              release = resolve;
            });
          },
        },
        {
          name: 'flaky',
          everyMs: 100,
          run: async () => {
            if (fail) {
              fail = false;
              throw new Error('database away');
            }
            return 0;
          },
        },
      ],
      log,
      { firstDelayMs: 0 },
    );
    await vi.advanceTimersByTimeAsync(1_000);
    // Ten ticks went by while the first run was still going: no second one started.
    expect(started).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toBe(2);
    const errors = log.lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.detail.job).toBe('flaky');
    // Later runs of the flaky job succeeded quietly (a zero result is not logged).
    expect(log.lines.filter((l) => l.detail.job === 'flaky')).toHaveLength(1);
    release();
    await scheduler.stop();
  });
});

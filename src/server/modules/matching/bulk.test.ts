import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SyntheticCorpus } from './bench/corpus.ts';
import { bulkStats, packWorker, unpackWorkers } from './bulk.ts';
import { createMatchEngine } from './engine.ts';
import type { MatchWorker } from './match.types.ts';
import { makeWorker } from './testing/match.factories.ts';
import { DEFAULT_THESAURUS_DIR, loadThesaurus } from './thesaurus.ts';

const now = (): number => Date.UTC(2025, 6, 1);

describe('bulk loading of worker profiles', () => {
  it('gives exactly the index and results of upserting one by one, with the thread doing part', () => {
    const corpus = new SyntheticCorpus({ jobs: 300, workers: 6000, seed: 3 }, loadThesaurus());
    const one = createMatchEngine({ now, retainWorkers: false });
    const bulk = createMatchEngine({ now, retainWorkers: false, bulkMinRecords: 1000 });
    const jobs = Array.from({ length: 300 }, (_, i) => corpus.job(i));
    for (const j of jobs) {
      one.upsertJob(j);
    }
    const workers: MatchWorker[] = [];
    for (let i = 0; i < 6000; i++) {
      const w = corpus.worker(i);
      // Real coordinates and limits are not round: the thread's results must not be rounded either.
      workers.push(
        i % 3 === 0
          ? {
              ...w,
              lat: (w.lat ?? 30) + 0.0000123 * i,
              lng: (w.lng ?? 120) - 0.0000071 * i,
              maxCommuteKm: 12.345,
            }
          : w,
      );
    }
    // An update of an earlier profile and a record with reserved characters inside the same load.
    workers.push({ ...corpus.worker(7), summary: '会开叉车，有叉车证。' });
    workers.push(makeWorker({ id: 'odd', summary: 'a\u0001b 焊工' }));
    workers.push(
      makeWorker({
        id: 'many',
        desiredTrades: ['焊工', '电工', '钳工', '叉车司机', '数控车工'],
        expectedSalary: 6543.21,
      }),
    );
    for (const w of workers) {
      one.upsertWorker(w);
    }
    // Any iterable (a generator here); a low threshold forces the parallel path on a small set.
    // The start-up call: jobs, then profiles (the thread starts on them while the jobs are indexed).
    bulk.load({
      jobs,
      workers: (function* () {
        yield* workers;
      })(),
    });
    // The first batches always go to the thread: none came back if it failed to start.
    expect(bulkStats.threadBatches).toBeGreaterThan(0);
    expect(bulk.stats()).toEqual(one.stats());
    for (let q = 0; q < 40; q++) {
      const w = `W${q * 149}`;
      expect(bulk.jobsForWorker(w)).toEqual(one.jobsForWorker(w));
      const j = `J${q * 7}`;
      expect(bulk.workersForJob(j, { locale: 'en' })).toEqual(one.workersForJob(j, { locale: 'en' }));
    }
    expect(bulk.jobsForWorker('odd')).toEqual(one.jobsForWorker('odd'));
  }, 60_000);

  it('ignores the thread when the thesaurus files changed after the engine loaded them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gy-thesaurus-'));
    try {
      cpSync(DEFAULT_THESAURUS_DIR, dir, { recursive: true });
      const corpus = new SyntheticCorpus({ jobs: 50, workers: 3000, seed: 5 }, loadThesaurus(dir));
      const one = createMatchEngine({ now, thesaurusDir: dir, retainWorkers: false });
      const bulk = createMatchEngine({ now, thesaurusDir: dir, retainWorkers: false, bulkMinRecords: 1000 });
      // A staff edit on disk that neither engine has reloaded yet.
      appendFileSync(join(dir, 'trades.tsv'), '搬砖工\t\t制造业\t\t\n');
      const workers = Array.from({ length: 3000 }, (_, i) => corpus.worker(i));
      for (const w of workers) {
        one.upsertWorker(w);
      }
      bulk.upsertWorkers(
        (function* () {
          yield* workers;
        })(),
      );
      expect(bulkStats.threadBatches).toBe(0);
      expect(bulk.stats()).toEqual(one.stats());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('loads a small set on the calling thread alone', () => {
    const sut = createMatchEngine({ now });
    const before = { ...bulkStats };
    sut.upsertWorkers([makeWorker({ id: 'a' }), makeWorker({ id: 'b', visible: false })]);
    expect(bulkStats).toEqual(before);
    expect(sut.stats()).toMatchObject({ workers: 2 });
    expect(sut.hasWorker('b')).toBe(true);
  });

  it('packs records for the thread without losing nulls, empty lists or empty strings', () => {
    const w = makeWorker({ desiredTrades: [''], skills: [], education: null, years: null, lat: 1.5 });
    const { id: _id, name: _name, visible: _visible, ...fields } = w;
    expect(unpackWorkers(packWorker(w) ?? '')).toEqual([{ ...fields, id: '', name: '' }]);
    expect(packWorker({ ...w, summary: 'a\u0002b' })).toBeUndefined();
  });
});

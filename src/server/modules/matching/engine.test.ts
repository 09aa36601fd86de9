import { describe, expect, it } from 'vitest';
import { createMatchEngine, MatchEngineError } from './engine.ts';
import { makeJob, makeWorker } from './testing/match.factories.ts';

function setup() {
  const sut = createMatchEngine({ now: () => Date.UTC(2025, 5, 1) });
  sut.upsertJob(makeJob({ id: 'cnc', title: '数控车工', trade: '数控车工' }));
  sut.upsertJob(
    makeJob({
      id: 'weld',
      title: '焊工',
      trade: '焊工',
      skills: ['二氧化碳保护焊', '氩弧焊'],
      certificates: ['焊工证'],
      tags: ['包住'],
      employer: '宁波焊接公司',
    }),
  );
  sut.upsertJob(
    makeJob({
      id: 'far',
      title: '数控车工',
      trade: '数控车工',
      city: '成都',
      district: '龙泉驿区',
      lat: 30.57,
      lng: 104.07,
    }),
  );
  sut.upsertWorker(makeWorker({ id: 'w-cnc' }));
  sut.upsertWorker(
    makeWorker({ id: 'w-weld', desiredTrades: ['电焊工'], skills: ['二保焊'], certificates: ['焊工证'] }),
  );
  sut.upsertWorker(makeWorker({ id: 'w-hidden', visible: false }));
  return sut;
}

describe('match engine', () => {
  it('ranks jobs for a worker: same trade nearby first, far away and other trades after', () => {
    const sut = setup();
    const ids = sut.jobsForWorker('w-cnc').map((h) => h.id);
    expect(ids[0]).toBe('cnc');
    expect(ids.indexOf('far')).toBeLessThan(ids.indexOf('weld') < 0 ? 99 : ids.indexOf('weld'));
  });

  it('ranks workers for a job and skips hidden profiles unless asked', () => {
    const sut = setup();
    const visible = sut.workersForJob('weld').map((h) => h.id);
    expect(visible[0]).toBe('w-weld');
    expect(sut.workersForJob('cnc').map((h) => h.id)).not.toContain('w-hidden');
    expect(sut.workersForJob('cnc', { onlyVisible: false }).map((h) => h.id)).toContain('w-hidden');
  });

  it('reflects upserts and removals immediately', () => {
    const sut = setup();
    sut.removeJob('cnc');
    expect(sut.jobsForWorker('w-cnc').map((h) => h.id)).not.toContain('cnc');
    sut.upsertJob(makeJob({ id: 'far', title: '数控车工', trade: '数控车工' }));
    expect(sut.jobsForWorker('w-cnc')[0]?.id).toBe('far');
    sut.upsertWorker(
      makeWorker({ id: 'w-cnc', desiredTrades: ['焊工'], skills: ['氩弧焊'], certificates: ['焊工证'] }),
    );
    expect(sut.jobsForWorker('w-cnc')[0]?.id).toBe('weld');
    expect(sut.removeWorker('w-cnc')).toBe(true);
    expect(() => sut.jobsForWorker('w-cnc')).toThrow(MatchEngineError);
    expect(sut.stats()).toMatchObject({ jobs: 2, workers: 2 });
  });

  it('accepts an unindexed profile described only in free text', () => {
    const sut = setup();
    const hits = sut.jobsForWorker(
      makeWorker({ id: 'new', desiredTrades: [], skills: [], summary: '会开数控车床，发那科系统，住北仑。' }),
    );
    expect(hits[0]?.id).toBe('cnc');
  });

  it('filters jobs and hides closed or invisible postings', () => {
    const sut = setup();
    sut.upsertJob(makeJob({ id: 'closed', status: 'closed' }));
    expect(sut.jobsForWorker('w-cnc', { filters: { city: '成都' } }).map((h) => h.id)).toEqual(['far']);
    expect(sut.jobsForWorker('w-cnc').map((h) => h.id)).not.toContain('closed');
    expect(sut.jobsForWorker('w-cnc', { filters: { ids: ['weld'] } }).map((h) => h.id)).toEqual(['weld']);
  });

  it('searches jobs by free text with filters', () => {
    const sut = setup();
    expect(sut.searchJobs('CNC操作工')[0]?.id).toMatch(/cnc|far/);
    expect(sut.searchJobs('电焊', { tags: ['包住'] }).map((h) => h.id)).toEqual(['weld']);
    expect(sut.searchJobs('', { employer: '焊接' }).map((h) => h.id)).toEqual(['weld']);
    expect(sut.searchJobs('数控车工', { district: '龙泉驿' }).map((h) => h.id)).toEqual(['far']);
    expect(sut.searchJobs('焊工', { trade: '电焊工', salaryMin: 8000 }).map((h) => h.id)).toEqual(['weld']);
  });
});

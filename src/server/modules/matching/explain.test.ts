import { describe, expect, it } from 'vitest';
import { createMatchEngine } from './engine.ts';
import { makeJob, makeWorker } from './testing/match.factories.ts';

describe('explanations', () => {
  const sut = createMatchEngine({ now: () => Date.UTC(2025, 5, 1) });
  sut.upsertJob(
    makeJob({
      id: 'J1',
      title: 'CNC操作员',
      trade: 'CNC操作工',
      skills: ['CNC编程', 'CAD', '数控车床', '五轴加工'],
      certificates: ['低压电工证'],
      priorityOrigins: ['贵州'],
      lat: 29.88,
      lng: 121.84,
      placesLeft: 3,
    }),
  );
  sut.upsertWorker(
    makeWorker({
      id: 'W1',
      desiredTrades: ['数控车工'],
      skills: ['数控编程', 'CAD', '数控车床'],
      hometownProvince: '贵州',
      expectedSalary: 8000,
    }),
  );

  it('zh-CN reasons name the trade, skills, missing certificate, distance and origin', () => {
    const [hit] = sut.jobsForWorker('W1', { locale: 'zh-CN' });
    expect(hit?.reasons).toContain('工种匹配：CNC操作工（同义：数控车工）');
    expect(hit?.reasons).toContain('技能 3/4：CNC编程、CAD、数控车床');
    expect(hit?.reasons).toContain('缺少：低压电工证');
    expect(hit?.reasons.some((r) => /^距离 \d+(\.\d)? 公里$/.test(r))).toBe(true);
    expect(hit?.reasons).toContain('黔籍优先岗位');
    expect(hit?.reasons).toContain('剩余名额 3');
    expect(hit?.factors.map((f) => f.factor)).toEqual(
      expect.arrayContaining(['trade', 'skills', 'certificates', 'origin']),
    );
  });

  it('en reasons', () => {
    const [hit] = sut.jobsForWorker('W1', { locale: 'en' });
    expect(hit?.reasons).toContain('Trade match: CNC操作工 (same as 数控车工)');
    expect(hit?.reasons).toContain('Skills 3/4: CNC编程, CAD, 数控车床');
    expect(hit?.reasons).toContain('Missing: 低压电工证');
    expect(hit?.reasons).toContain('Priority for natives of 贵州');
  });

  it('lo (Lao) reasons', () => {
    const [hit] = sut.workersForJob('J1', { locale: 'lo' });
    expect(hit?.id).toBe('W1');
    expect(hit?.reasons).toContain('ກົງກັບອາຊີບ: CNC操作工 (ຄືກັນກັບ: 数控车工)');
    expect(hit?.reasons).toContain('ທັກສະ 3/4: CNC编程, CAD, 数控车床');
    expect(hit?.reasons).toContain('ຂາດ: 低压电工证');
    expect(hit?.reasons.some((r) => r.startsWith('ໄລຍະທາງ '))).toBe(true);
  });
});

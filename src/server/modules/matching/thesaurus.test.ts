import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMatchEngine } from './engine.ts';
import { makeJob, makeWorker } from './testing/match.factories.ts';
import {
  DEFAULT_THESAURUS_DIR,
  loadThesaurus,
  lookup,
  scanMentions,
  TRADE_LEVEL,
  tradeLevel,
} from './thesaurus.ts';

const th = loadThesaurus();
const trade = (name: string): number => {
  const e = lookup(th, name, 'trade');
  if (!e) {
    throw new Error(`no trade ${name}`);
  }
  return e.id;
};

describe('thesaurus', () => {
  it('merges synonyms into one trade', () => {
    expect(trade('数控操作员')).toBe(trade('数控车工'));
    expect(trade('CNC操作工')).toBe(trade('数控车工'));
    expect(lookup(th, '数控操作员', 'trade')?.canonical).toBe(false);
  });

  it('knows families and related trades', () => {
    expect(tradeLevel(th, trade('焊工'), trade('焊轨工'))).toBeCloseTo(TRADE_LEVEL.parent, 5);
    expect(tradeLevel(th, trade('制胶工'), trade('橡胶加工'))).toBeCloseTo(TRADE_LEVEL.parent, 5);
    expect(tradeLevel(th, trade('数控车工'), trade('数控加工'))).toBeCloseTo(TRADE_LEVEL.parent, 5);
    expect(tradeLevel(th, trade('焊轨工'), trade('铁路线路工'))).toBeCloseTo(TRADE_LEVEL.related, 5);
    expect(tradeLevel(th, trade('会计'), trade('焊工'))).toBe(0);
  });

  it('maps skills, certificates with levels, languages and provinces', () => {
    expect(lookup(th, '可编程控制器', 'skill')?.id).toBe(lookup(th, 'PLC', 'skill')?.id);
    const low = th.certs[lookup(th, '低压电工作业证', 'cert')?.id ?? -1];
    expect(low?.name).toBe('低压电工证');
    expect(th.certs[lookup(th, 'N1', 'cert')?.id ?? -1]?.name).toBe('叉车证');
    const levels = th.levels.map((l) => l.name);
    expect(levels).toEqual(['初级工', '中级工', '高级工', '技师', '高级技师']);
    expect(lookup(th, '寮语', 'language')?.id).toBe(lookup(th, '老挝语', 'language')?.id);
    expect(lookup(th, '黔', 'province')?.id).toBe(lookup(th, '贵州', 'province')?.id);
    expect(lookup(th, '贵州省', 'province')?.id).toBe(lookup(th, '贵州', 'province')?.id);
  });

  it('scans free text with longest matches', () => {
    const kinds = scanMentions(th, '持低压电工作业证，会开数控车床，老挝话也会').map(
      (m) => `${m.kind}:${m.surface}`,
    );
    expect(kinds).toEqual(['cert:低压电工作业证', 'skill:开数控车床', 'language:老挝话']);
  });
});

describe('loadThesaurus from edited files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongyou-thesaurus-'));
  cpSync(DEFAULT_THESAURUS_DIR, dir, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('picks up a new synonym without code changes, also through engine.reloadThesaurus', () => {
    const sut = createMatchEngine({ thesaurusDir: dir });
    sut.upsertJob(makeJob({ id: 'J1', title: '胶乳师傅', trade: '胶乳师傅', skills: [] }));
    sut.upsertWorker(makeWorker({ id: 'W1', desiredTrades: ['制胶工'], skills: [] }));
    const before = sut.jobsForWorker('W1')[0]?.factors.find((f) => f.factor === 'trade')?.points ?? 0;

    const file = join(dir, 'trades.tsv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('制胶工\t制胶|', '制胶工\t胶乳师傅|制胶|'));
    expect(lookup(loadThesaurus(dir), '胶乳师傅', 'trade')?.id).toBe(lookup(th, '制胶工', 'trade')?.id);

    sut.reloadThesaurus();
    const after = sut.jobsForWorker('W1')[0]?.factors.find((f) => f.factor === 'trade')?.points ?? 0;
    expect(after).toBeGreaterThan(before);
    expect(after).toBe(sut.weights.trade);
  });
});

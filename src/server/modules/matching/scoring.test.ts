import { describe, expect, it } from 'vitest';
import { extractJob, extractWorker, TermDictionary } from './features.ts';
import type { FactorName, MatchJob, MatchWorker } from './match.types.ts';
import type { ScoreDetail } from './scoring.ts';
import { MATCH_WEIGHTS, scorePair } from './scoring.ts';
import { makeJob, makeWorker } from './testing/match.factories.ts';
import { createSegmenter } from './text.ts';
import { loadThesaurus, thesaurusWords } from './thesaurus.ts';

const th = loadThesaurus();
const seg = createSegmenter(thesaurusWords(th));
const NOW = Date.UTC(2025, 5, 1);

function score(job: MatchJob, worker: MatchWorker, text = 0): ScoreDetail {
  const dict = new TermDictionary();
  const ctx = { th, seg, dict };
  return scorePair(
    { th, dict, weights: { ...MATCH_WEIGHTS }, now: NOW },
    extractJob(ctx, job),
    extractWorker(ctx, worker),
    text,
  );
}

const points = (d: ScoreDetail, f: FactorName): number => d.factors.find((x) => x.factor === f)?.points ?? 0;
const W = MATCH_WEIGHTS;

describe('trade factor', () => {
  it('exact, synonym, family and related matches', () => {
    expect(score(makeJob(), makeWorker()).trade.kind).toBe('exact');
    const syn = score(makeJob({ title: 'CNC操作员', trade: 'CNC操作工' }), makeWorker());
    expect(syn.trade.kind).toBe('synonym');
    expect(points(syn, 'trade')).toBe(W.trade);
    const fam = score(
      makeJob({ title: '焊轨工', trade: '焊轨工', skills: [] }),
      makeWorker({ desiredTrades: ['焊工'], skills: [] }),
    );
    expect(fam.trade.kind).toBe('family');
    expect(points(fam, 'trade')).toBeCloseTo(W.trade * 0.9, 1);
    const rel = score(
      makeJob({ title: '铁路线路工', trade: '铁路线路工', skills: [] }),
      makeWorker({ desiredTrades: ['焊轨工'], skills: [] }),
    );
    expect(rel.trade.kind).toBe('related');
    const none = score(makeJob({ title: '会计', trade: '会计', skills: [] }), makeWorker({ skills: [] }));
    expect(none.trade.kind).toBe('none');
    expect(points(none, 'trade')).toBe(0);
  });

  it('reads trades from the summary when the lists are empty', () => {
    const d = score(
      makeJob(),
      makeWorker({ desiredTrades: [], skills: [], summary: '会开数控车床，发那科的，会看图纸。' }),
    );
    expect(d.trade.level).toBeGreaterThan(0.7);
    expect(d.skills.covered.length).toBeGreaterThanOrEqual(2);
  });

  it('matches trades the thesaurus does not know by their words', () => {
    const d = score(
      makeJob({ title: '陶瓷彩绘工', trade: '陶瓷彩绘工', skills: [] }),
      makeWorker({ desiredTrades: ['陶瓷彩绘'], skills: [] }),
    );
    expect(d.trade.kind).toBe('text');
    expect(d.trade.level).toBeGreaterThan(0.5);
  });
});

describe('skills factor', () => {
  it('counts covered job skills through synonyms', () => {
    const d = score(makeJob(), makeWorker({ skills: ['数控车床', '发那科'] }));
    expect(d.skills.total).toBe(4);
    expect(d.skills.covered).toEqual([0, 1]);
    expect(points(d, 'skills')).toBeCloseTo((W.skills * 2) / 4, 1);
  });
});

describe('certificates factor', () => {
  it('missing required certificate is a hard gap; （优先） is only a plus', () => {
    const missing = score(makeJob({ certificates: ['低压电工证'] }), makeWorker());
    expect(missing.certs.missing).toEqual([0]);
    expect(points(missing, 'certificates')).toBe(W.certMissing);
    const held = score(
      makeJob({ certificates: ['低压电工证'] }),
      makeWorker({ certificates: ['低压电工作业证'] }),
    );
    expect(held.certs.missing).toEqual([]);
    const preferred = score(makeJob({ certificates: ['叉车证（优先）'] }), makeWorker());
    expect(points(preferred, 'certificates')).toBe(0);
    const preferredHeld = score(
      makeJob({ certificates: ['叉车证（优先）'] }),
      makeWorker({ certificates: ['叉车证（N1）'] }),
    );
    expect(points(preferredHeld, 'certificates')).toBe(W.certPreferred);
  });

  it('compares levels: a higher level satisfies, a lower one is a soft gap', () => {
    const higher = score(
      makeJob({ certificates: ['数控车工中级证'] }),
      makeWorker({ certificates: ['数控车工高级证'] }),
    );
    expect(higher.certs.missing).toEqual([]);
    expect(higher.certs.lowLevel).toEqual([]);
    const lower = score(
      makeJob({ certificates: ['数控车工高级证'] }),
      makeWorker({ certificates: ['数控车工证（初级）'] }),
    );
    expect(lower.certs.lowLevel).toEqual([0]);
    expect(points(lower, 'certificates')).toBe(W.certLowLevel);
    const cet = score(
      makeJob({ certificates: ['英语四级（CET-4）'] }),
      makeWorker({ certificates: ['英语六级（CET-6）'] }),
    );
    expect(cet.certs.missing).toEqual([]);
  });

  it('ignores certificates the summary negates', () => {
    const d = score(
      makeJob({ certificates: ['叉车证（N1）'] }),
      makeWorker({ summary: '开叉车2年，叉车证去年到期了还没复审。' }),
    );
    expect(d.certs.missing).toEqual([0]);
    const d2 = score(
      makeJob({ certificates: ['叉车证（N1）'] }),
      makeWorker({ summary: '有叉车证，开了3年。' }),
    );
    expect(d2.certs.missing).toEqual([]);
  });
});

describe('distance factor', () => {
  it('within commute, relocation, and beyond the limit', () => {
    const within = score(makeJob(), makeWorker());
    expect(within.commute).toBe('within');
    expect(points(within, 'distance')).toBeCloseTo(W.commuteWithin, 1);
    const far = makeJob({ city: '成都', lat: 30.57, lng: 104.07 });
    const beyond = score(far, makeWorker());
    expect(beyond.commute).toBe('beyond');
    expect(points(beyond, 'distance')).toBe(W.commuteBeyond);
    const moving = score(far, makeWorker({ willingToRelocate: true }));
    expect(moving.commute).toBe('relocate');
    expect(points(moving, 'distance')).toBe(W.relocate);
  });

  it('respects province limits and named places in the summary', () => {
    const far = makeJob({ city: '成都', lat: 30.57, lng: 104.07 });
    const limited = score(
      far,
      makeWorker({ willingToRelocate: true, summary: '贵州省内都可以，不去外省。' }),
    );
    expect(limited.region).toBe('limit');
    const named = score(
      far,
      makeWorker({ willingToRelocate: true, hometownProvince: '河南', summary: '想去南京、合肥。' }),
    );
    expect(named.region).toBe('notPreferred');
    const wanted = score(far, makeWorker({ willingToRelocate: true, summary: '成都、重庆都可以。' }));
    expect(wanted.region).toBe('preferred');
  });
});

describe('salary, experience, education, languages, benefits, origin, freshness, places', () => {
  it('salary bands', () => {
    expect(score(makeJob(), makeWorker({ expectedSalary: 8000 })).salary).toBe('fit');
    const slightly = score(makeJob(), makeWorker({ expectedSalary: 9800 }));
    expect(slightly.salary).toBe('slightlyLow');
    expect(points(slightly, 'salary')).toBe(W.salarySlightlyLow);
    expect(score(makeJob(), makeWorker({ expectedSalary: 12000 })).salary).toBe('low');
  });

  it('experience', () => {
    expect(points(score(makeJob({ minYears: 3 }), makeWorker({ years: 2 })), 'experience')).toBe(
      W.yearsShortOne,
    );
    expect(points(score(makeJob({ minYears: 3 }), makeWorker({ years: 0 })), 'experience')).toBe(
      W.yearsShortMore,
    );
    expect(points(score(makeJob({ minYears: 3 }), makeWorker({ years: 5 })), 'experience')).toBe(W.yearsFit);
  });

  it('education', () => {
    expect(
      points(score(makeJob({ education: '大专及以上' }), makeWorker({ education: '中专' })), 'education'),
    ).toBe(W.educationShortOne);
    expect(
      points(score(makeJob({ education: '本科及以上' }), makeWorker({ education: '初中' })), 'education'),
    ).toBe(W.educationShortMore);
    expect(
      points(score(makeJob({ education: '初中及以上' }), makeWorker({ education: '中专' })), 'education'),
    ).toBe(0);
  });

  it('languages: required vs preferred', () => {
    const req = score(makeJob({ languages: ['老挝语', '普通话'] }), makeWorker());
    expect(req.languages.missing).toEqual([0]);
    expect(points(req, 'languages')).toBe(W.languageMissing);
    const pref = score(makeJob({ languages: ['老挝语（优先）'] }), makeWorker({ languages: ['寮语'] }));
    expect(points(pref, 'languages')).toBe(W.languagePreferred);
  });

  it('benefits the worker needs', () => {
    const d = score(makeJob({ tags: ['五险'] }), makeWorker({ summary: '要包吃住。' }));
    expect(d.benefitsMissing.length).toBe(1);
    expect(points(d, 'benefits')).toBe(W.benefitMissing);
    expect(
      score(makeJob({ tags: ['包吃住'] }), makeWorker({ summary: '要包吃住。' })).benefitsMissing,
    ).toEqual([]);
  });

  it('priority origin is a small plus and never a filter', () => {
    const job = makeJob({ priorityOrigins: ['贵州'] });
    expect(points(score(job, makeWorker({ hometownProvince: '贵州' })), 'origin')).toBe(W.origin);
    expect(points(score(job, makeWorker({ hometownProvince: '黔' })), 'origin')).toBe(W.origin);
    const other = score(job, makeWorker({ hometownProvince: '四川' }));
    expect(points(other, 'origin')).toBe(0);
    expect(other.total).toBeGreaterThan(40);
  });

  it('freshness and places left', () => {
    const fresh = score(makeJob({ postedAt: NOW }), makeWorker());
    expect(points(fresh, 'freshness')).toBeCloseTo(W.freshness, 2);
    const old = score(makeJob({ postedAt: NOW - 90 * 86_400_000 }), makeWorker());
    expect(points(old, 'freshness')).toBeLessThan(0.2);
    expect(points(score(makeJob({ placesLeft: 0 }), makeWorker()), 'places')).toBe(W.placesFull);
    expect(points(score(makeJob({ placesLeft: 10 }), makeWorker()), 'places')).toBe(W.placesOpen);
  });

  it('text similarity is a bounded tie-breaker', () => {
    expect(points(score(makeJob(), makeWorker(), 1), 'text')).toBe(W.text);
    expect(points(score(makeJob(), makeWorker(), 5), 'text')).toBe(W.text);
  });

  it('a clean match outranks one soft gap, which outranks a hard gap', () => {
    const clean = score(makeJob(), makeWorker()).total;
    const soft = score(makeJob({ minYears: 4 }), makeWorker()).total;
    const hard = score(makeJob({ certificates: ['数控车工证'] }), makeWorker()).total;
    expect(clean).toBeGreaterThan(soft);
    expect(soft).toBeGreaterThan(hard);
  });
});

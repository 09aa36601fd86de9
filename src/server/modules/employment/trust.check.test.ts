import { describe, expect, it } from 'vitest';
import { checkPosting, describeFinding, salaryNormFor, type TrustSubject } from './trust.check.ts';
import { TRUST_RULES } from './trust.rules.ts';

const clean: TrustSubject = {
  title: '数控车工',
  trade: '数控车工',
  description: '负责数控车床操作与日常保养，公司提供免费带薪培训，免费提供工装，包吃住，无押金。',
  tags: ['包吃住', '五险一金'],
  skills: ['FANUC系统', '看图纸'],
  salaryMin: 6500,
  salaryMax: 9000,
  employerVerified: true,
};

function rulesFired(overrides: Partial<TrustSubject>): string[] {
  return checkPosting({ ...clean, ...overrides }).map((f) => f.rule);
}

describe('trust checks on postings', () => {
  it('passes a clean posting (with harmless wording such as 无押金 and 免费提供工装)', () => {
    expect(checkPosting(clean)).toEqual([]);
  });

  it.each([
    ['押金', '入职需交押金500元'],
    ['培训费', '上岗前收取培训费800元'],
    ['服装费', '服装费从首月工资扣除'],
    ['收取费用', '报名时收取体检及办证费用'],
  ])('flags fees or deposits: %s', (_name, description) => {
    expect(rulesFired({ description })).toContain('fees');
  });

  it('does not flag fees the company pays', () => {
    expect(rulesFired({ description: '培训费用由公司承担，不收取任何费用' })).not.toContain('fees');
  });

  it('flags training-then-job schemes (招转培) and not plain paid training', () => {
    expect(rulesFired({ description: '招转培，先交学费学习三个月后推荐就业' })).toContain('training-scheme');
    expect(rulesFired({ description: '入职后带薪培训一个月' })).not.toContain('training-scheme');
  });

  it('flags buying or leasing a vehicle as a condition, not a company shuttle', () => {
    expect(
      rulesFired({ title: '网约车司机', trade: '司机', description: '需购买公司指定车辆，以租代购' }),
    ).toContain('vehicle-condition');
    expect(rulesFired({ description: '须租用公司车辆上岗' })).toContain('vehicle-condition');
    expect(rulesFired({ description: '公司提供班车接送' })).not.toContain('vehicle-condition');
  });

  it('flags order-brushing', () => {
    expect(rulesFired({ title: '手机兼职', trade: '客服', description: '在家刷单，日结' })).toContain(
      'order-brushing',
    );
    expect(rulesFired({ description: '电商客服，处理订单售后' })).not.toContain('order-brushing');
  });

  it('flags pay far above the trade’s usual range', () => {
    expect(rulesFired({ salaryMin: 15000, salaryMax: 25000 })).toContain('pay-far-above-norm');
    expect(rulesFired({ salaryMin: 8000, salaryMax: 12000 })).not.toContain('pay-far-above-norm');
    expect(salaryNormFor('数控车工').max).toBe(10000);
    expect(salaryNormFor('没有的工种')).toEqual({ min: 3500, max: 12000 });
  });

  it('flags a pay range wider than the norm', () => {
    expect(rulesFired({ salaryMin: 3000, salaryMax: 9000 })).toContain('pay-range-too-wide');
    expect(rulesFired({ salaryMin: 5000, salaryMax: 9000 })).not.toContain('pay-range-too-wide');
    expect(rulesFired({ salaryMin: null, salaryMax: 9000 })).not.toContain('pay-range-too-wide');
  });

  it('flags an unverified employer', () => {
    expect(rulesFired({ employerVerified: false })).toEqual(['employer-unverified']);
  });

  it('explains a finding in each language with its evidence', () => {
    const [finding] = checkPosting({ ...clean, description: '入职需交押金500元' });
    const context = { trade: clean.trade, salaryMin: 6500, salaryMax: 9000 };
    expect(describeFinding(finding!, 'zh-CN', context)).toContain('押金');
    expect(describeFinding(finding!, 'en', context)).toMatch(/fee or deposit/);
    const [pay] = checkPosting({ ...clean, salaryMin: 15000, salaryMax: 25000 }).filter(
      (f) => f.rule === 'pay-far-above-norm',
    );
    expect(describeFinding(pay!, 'en', { trade: '数控车工', salaryMin: 15000, salaryMax: 25000 })).toContain(
      '18000',
    );
  });

  it('has every rule id once and compiles every pattern', () => {
    const ids = TRUST_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of TRUST_RULES) {
      if (rule.kind === 'text') {
        for (const p of [...rule.patterns, ...(rule.exceptions ?? [])]) {
          expect(() => new RegExp(p)).not.toThrow();
        }
      }
    }
  });
});

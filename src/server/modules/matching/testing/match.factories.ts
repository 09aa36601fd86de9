import type { MatchJob, MatchWorker } from '../match.types.ts';

/** Test data factories (STYLE.md rule 11): a plausible record, overridden per test. */
export function makeJob(overrides: Partial<MatchJob> = {}): MatchJob {
  return {
    id: 'J1',
    title: '数控车工',
    trade: '数控车工',
    employer: '宁波测试机械有限公司',
    description: '操作数控车床，看图加工轴类零件。',
    skills: ['数控车床', 'FANUC系统', '对刀', '机械识图'],
    certificates: [],
    education: null,
    minYears: 0,
    city: '宁波',
    district: '北仑区',
    lat: 29.9,
    lng: 121.85,
    salaryMin: 6000,
    salaryMax: 9000,
    headcount: 5,
    tags: ['五险一金', '包吃住'],
    priorityOrigins: [],
    languages: [],
    shift: null,
    ...overrides,
  };
}

export function makeWorker(overrides: Partial<MatchWorker> = {}): MatchWorker {
  return {
    id: 'W1',
    name: '测试工友',
    desiredTrades: ['数控车工'],
    summary: '',
    skills: ['数控车床', 'FANUC', '对刀', '看图纸'],
    certificates: [],
    education: '中专',
    years: 3,
    hometownProvince: '四川',
    city: '宁波',
    lat: 29.9,
    lng: 121.85,
    maxCommuteKm: 20,
    willingToRelocate: false,
    expectedSalary: 7000,
    languages: ['普通话'],
    ...overrides,
  };
}

import type { JobFeatures } from './features.ts';
import { EDUCATION_NAMES } from './features.ts';
import type { MatchLocale } from './match.types.ts';
import type { ScoreDetail } from './scoring.ts';
import type { Thesaurus } from './thesaurus.ts';

export type ReasonKey =
  | 'tradeExact'
  | 'tradeSynonym'
  | 'tradeFamily'
  | 'tradeRelated'
  | 'tradeText'
  | 'tradeNone'
  | 'skills'
  | 'certMissing'
  | 'certLow'
  | 'certPreferred'
  | 'distance'
  | 'relocate'
  | 'beyond'
  | 'regionLimit'
  | 'regionAvoid'
  | 'regionNotPreferred'
  | 'regionPreferred'
  | 'salaryFit'
  | 'salarySlightlyLow'
  | 'salaryLow'
  | 'salaryFloor'
  | 'yearsShort'
  | 'education'
  | 'languageMissing'
  | 'languagePreferred'
  | 'benefitMissing'
  | 'origin'
  | 'placesLeft'
  | 'full'
  | 'fresh'
  | 'keywords';

type Catalogue = Record<ReasonKey, string>;

/** Reason templates per locale; {placeholders} are filled from the score detail. */
export const REASONS: Record<MatchLocale, Catalogue> = {
  'zh-CN': {
    tradeExact: '工种匹配：{job}',
    tradeSynonym: '工种匹配：{job}（同义：{worker}）',
    tradeFamily: '同类工种：{job}（{worker}）',
    tradeRelated: '相关工种：{job}（{worker}）',
    tradeText: '工种相近：{job}',
    tradeNone: '工种不符：{job}',
    skills: '技能 {n}/{m}：{list}',
    certMissing: '缺少：{cert}',
    certLow: '证书等级不足：{cert}',
    certPreferred: '持有优先证书：{cert}',
    distance: '距离 {km} 公里',
    relocate: '距离 {km} 公里（愿意异地就业）',
    beyond: '超出通勤范围：{km} 公里 > {limit} 公里',
    regionLimit: '不在意向省份内',
    regionAvoid: '求职者不考虑该地区',
    regionNotPreferred: '不是意向城市',
    regionPreferred: '意向城市',
    salaryFit: '薪资符合：期望 {expected}，岗位 {min}–{max} 元',
    salarySlightlyLow: '薪资略低：期望 {expected}，最高 {max} 元',
    salaryLow: '薪资偏低：期望 {expected}，最高 {max} 元',
    salaryFloor: '低于求职者底线 {floor} 元',
    yearsShort: '经验差 {n} 年（要求 {min} 年）',
    education: '学历要求：{edu}',
    languageMissing: '缺少语言：{lang}',
    languagePreferred: '会{lang}（优先）',
    benefitMissing: '不提供：{benefit}',
    origin: '{origin}籍优先岗位',
    placesLeft: '剩余名额 {n}',
    full: '名额已满',
    fresh: '新发布岗位',
    keywords: '关键词：{list}',
  },
  en: {
    tradeExact: 'Trade match: {job}',
    tradeSynonym: 'Trade match: {job} (same as {worker})',
    tradeFamily: 'Same trade family: {job} ({worker})',
    tradeRelated: 'Related trade: {job} ({worker})',
    tradeText: 'Similar trade: {job}',
    tradeNone: 'Different trade: {job}',
    skills: 'Skills {n}/{m}: {list}',
    certMissing: 'Missing: {cert}',
    certLow: 'Certificate level too low: {cert}',
    certPreferred: 'Holds preferred certificate: {cert}',
    distance: '{km} km away',
    relocate: '{km} km away (willing to relocate)',
    beyond: 'Beyond commute: {km} km > {limit} km',
    regionLimit: 'Outside the provinces the worker accepts',
    regionAvoid: 'In a region the worker rules out',
    regionNotPreferred: 'Not one of the preferred cities',
    regionPreferred: 'Preferred city',
    salaryFit: 'Salary fits: expects {expected}, pays {min}–{max} yuan',
    salarySlightlyLow: 'Salary a little low: expects {expected}, max {max} yuan',
    salaryLow: 'Salary too low: expects {expected}, max {max} yuan',
    salaryFloor: 'Below the worker’s floor of {floor} yuan',
    yearsShort: '{n} year(s) short of experience (needs {min})',
    education: 'Education required: {edu}',
    languageMissing: 'Missing language: {lang}',
    languagePreferred: 'Speaks {lang} (preferred)',
    benefitMissing: 'Does not offer: {benefit}',
    origin: 'Priority for natives of {origin}',
    placesLeft: '{n} place(s) left',
    full: 'No places left',
    fresh: 'Newly posted',
    keywords: 'Keywords: {list}',
  },
  lo: {
    tradeExact: 'ກົງກັບອາຊີບ: {job}',
    tradeSynonym: 'ກົງກັບອາຊີບ: {job} (ຄືກັນກັບ: {worker})',
    tradeFamily: 'ອາຊີບກຸ່ມດຽວກັນ: {job} ({worker})',
    tradeRelated: 'ອາຊີບທີ່ກ່ຽວຂ້ອງ: {job} ({worker})',
    tradeText: 'ອາຊີບໃກ້ຄຽງ: {job}',
    tradeNone: 'ອາຊີບບໍ່ກົງກັນ: {job}',
    skills: 'ທັກສະ {n}/{m}: {list}',
    certMissing: 'ຂາດ: {cert}',
    certLow: 'ລະດັບໃບຢັ້ງຢືນບໍ່ພໍ: {cert}',
    certPreferred: 'ມີໃບຢັ້ງຢືນທີ່ໄດ້ບູລິມະສິດ: {cert}',
    distance: 'ໄລຍະທາງ {km} ກິໂລແມັດ',
    relocate: 'ໄລຍະທາງ {km} ກິໂລແມັດ (ເຕັມໃຈຍ້າຍໄປເຮັດວຽກ)',
    beyond: 'ເກີນໄລຍະເດີນທາງ: {km} ກມ > {limit} ກມ',
    regionLimit: 'ຢູ່ນອກແຂວງທີ່ຕ້ອງການ',
    regionAvoid: 'ຢູ່ໃນເຂດທີ່ບໍ່ຕ້ອງການໄປ',
    regionNotPreferred: 'ບໍ່ແມ່ນເມືອງທີ່ຕ້ອງການ',
    regionPreferred: 'ເມືອງທີ່ຕ້ອງການ',
    salaryFit: 'ເງິນເດືອນເໝາະສົມ: ຄາດຫວັງ {expected}, ຈ່າຍ {min}–{max} ຢວນ',
    salarySlightlyLow: 'ເງິນເດືອນຕໍ່າໜ້ອຍໜຶ່ງ: ຄາດຫວັງ {expected}, ສູງສຸດ {max} ຢວນ',
    salaryLow: 'ເງິນເດືອນຕໍ່າເກີນໄປ: ຄາດຫວັງ {expected}, ສູງສຸດ {max} ຢວນ',
    salaryFloor: 'ຕໍ່າກວ່າເງິນເດືອນຂັ້ນຕ່ຳ {floor} ຢວນ',
    yearsShort: 'ປະສົບການຂາດ {n} ປີ (ຕ້ອງການ {min} ປີ)',
    education: 'ວຸດທິການສຶກສາທີ່ຕ້ອງການ: {edu}',
    languageMissing: 'ຂາດພາສາ: {lang}',
    languagePreferred: 'ເວົ້າ {lang} ໄດ້ (ບູລິມະສິດ)',
    benefitMissing: 'ບໍ່ມີ: {benefit}',
    origin: 'ບູລິມະສິດສຳລັບຄົນ {origin}',
    placesLeft: 'ເຫຼືອ {n} ບ່ອນ',
    full: 'ເຕັມແລ້ວ',
    fresh: 'ປະກາດໃໝ່',
    keywords: 'ຄຳຄົ້ນ: {list}',
  },
};

export function formatReason(
  locale: MatchLocale,
  msg: ReasonKey,
  vars: Record<string, string | number> = {},
): string {
  return REASONS[locale][msg].replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = vars[k];
    return v === undefined ? '' : String(v);
  });
}

export interface ExplainInput {
  th: Thesaurus;
  detail: ScoreDetail;
  job: JobFeatures;
  jobTrade: string;
  jobSkills: readonly string[];
  jobCerts: readonly string[];
  expectedSalary: number;
  maxCommuteKm: number;
}

function km(v: number): string {
  return v < 10 ? v.toFixed(1) : String(Math.round(v));
}

/** Short reasons for one scored pair, most important first. */
export function explain(input: ExplainInput, locale: MatchLocale): string[] {
  const { th, detail: d, job } = input;
  const out: Array<{ weight: number; text: string }> = [];
  const push = (weight: number, msg: ReasonKey, vars: Record<string, string | number> = {}): void => {
    out.push({ weight, text: formatReason(locale, msg, vars) });
  };
  const sep = locale === 'zh-CN' ? '、' : ', ';
  const workerTrade = th.trades[d.trade.workerTrade]?.name ?? '';
  const jobTradeName = input.jobTrade;
  const tradeMsg: Record<typeof d.trade.kind, ReasonKey> = {
    exact: 'tradeExact',
    synonym: 'tradeSynonym',
    family: 'tradeFamily',
    related: 'tradeRelated',
    text: 'tradeText',
    none: 'tradeNone',
  };
  const useSynonym = d.trade.kind === 'synonym' && workerTrade !== '' && workerTrade !== jobTradeName;
  push(100, useSynonym || d.trade.kind !== 'synonym' ? tradeMsg[d.trade.kind] : 'tradeExact', {
    job: jobTradeName,
    worker: workerTrade,
  });
  if (d.skills.total > 0) {
    const list = d.skills.covered.map((i) => input.jobSkills[i] ?? '').filter((s) => s !== '');
    const text = formatReason(locale, 'skills', {
      n: d.skills.covered.length,
      m: d.skills.total,
      list: list.join(sep),
    });
    // "技能 0/4" rather than a dangling colon when nothing is covered.
    out.push({ weight: 50, text: list.length > 0 ? text : text.replace(/[:：]\s*$/, '') });
  }
  for (const i of d.certs.missing) {
    push(90, 'certMissing', { cert: job.certs[i]?.name ?? input.jobCerts[i] ?? '' });
  }
  for (const i of d.certs.lowLevel) {
    push(60, 'certLow', { cert: job.certs[i]?.name ?? '' });
  }
  for (const i of d.certs.preferredHeld) {
    push(20, 'certPreferred', { cert: job.certs[i]?.name ?? '' });
  }
  if (Number.isFinite(d.distanceKm)) {
    if (d.commute === 'within') {
      push(40, 'distance', { km: km(d.distanceKm) });
    } else if (d.commute === 'relocate') {
      push(30, 'relocate', { km: km(d.distanceKm) });
    } else {
      push(85, 'beyond', { km: km(d.distanceKm), limit: km(input.maxCommuteKm) });
    }
  }
  const regionMsg: Record<string, ReasonKey> = {
    limit: 'regionLimit',
    avoid: 'regionAvoid',
    notPreferred: 'regionNotPreferred',
    preferred: 'regionPreferred',
  };
  if (d.region) {
    const m = regionMsg[d.region];
    if (m) {
      push(d.region === 'preferred' ? 15 : 70, m);
    }
  }
  const salaryVars = {
    expected: Number.isFinite(input.expectedSalary) ? input.expectedSalary : '',
    min: Number.isFinite(job.salaryMin) ? job.salaryMin : '',
    max: Number.isFinite(job.salaryMax) ? job.salaryMax : '',
  };
  if (d.salary === 'fit') {
    push(35, 'salaryFit', salaryVars);
  } else if (d.salary === 'slightlyLow') {
    push(65, 'salarySlightlyLow', salaryVars);
  } else if (d.salary === 'low') {
    push(80, 'salaryLow', salaryVars);
  }
  if (d.yearsShort > 0) {
    push(60, 'yearsShort', { n: d.yearsShort, min: job.minYears });
  }
  if (d.educationShort > 0) {
    push(55, 'education', { edu: EDUCATION_NAMES[job.education] ?? '' });
  }
  for (const i of d.languages.missing) {
    push(88, 'languageMissing', { lang: job.languages[i]?.name ?? '' });
  }
  for (const i of d.languages.preferredHeld) {
    push(25, 'languagePreferred', { lang: job.languages[i]?.name ?? '' });
  }
  for (const b of d.benefitsMissing) {
    push(58, 'benefitMissing', { benefit: th.benefits[b]?.name ?? '' });
  }
  if (d.origin) {
    for (const o of job.origins) {
      const p = th.provinces[o];
      const short = p?.synonyms.find((s) => s.length === 1);
      push(22, 'origin', { origin: locale === 'zh-CN' ? (short ?? p?.name ?? '') : (p?.name ?? '') });
    }
  }
  if (Number.isFinite(d.placesLeft)) {
    if (d.placesLeft <= 0) {
      push(95, 'full');
    } else {
      push(5, 'placesLeft', { n: d.placesLeft });
    }
  }
  return out.sort((a, b) => b.weight - a.weight).map((r) => r.text);
}

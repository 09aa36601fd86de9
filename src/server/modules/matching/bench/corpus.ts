import type { MatchJob, MatchWorker } from '../match.types.ts';
import type { Thesaurus } from '../thesaurus.ts';

/**
 * A reproducible synthetic corpus. Record i is a pure function of (seed, i), so a benchmark process can
 * stream a million profiles into an index without ever holding them all, and every engine process
 * sees exactly the same records and queries.
 */
export interface CorpusSpec {
  jobs: number;
  workers: number;
  seed: number;
}

function mulberry32(a: number): () => number {
  let s = a >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(seed: number, kind: number, i: number): number {
  let h = (seed ^ Math.imul(kind, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ i, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

interface TradeProfile {
  name: string;
  synonyms: string[];
  skills: string[];
  certs: string[];
}

const TAGS = [
  '五险一金',
  '五险',
  '包吃住',
  '包住',
  '工作餐',
  '班车',
  '双休',
  '年终奖',
  '夜班补贴',
  '计件',
  '餐补',
  '月休4天',
];
const EDU = [null, '初中及以上', '高中/中专及以上', '中专及以上', '大专及以上', '本科及以上'];
const WEDU = ['小学', '初中', '初中', '高中', '中专', '大专', '本科'];
const SHIFTS = ['长白班', '两班倒', '三班倒', '做六休一', null];
const SUFFIX = ['', '', '（包吃住）', '（长期）', '（急招）', '（熟手）', '（学徒可带）'];

export class SyntheticCorpus {
  private readonly trades: TradeProfile[];
  private readonly cities: Array<{ name: string; province: string; lat: number; lng: number }>;
  private readonly provinces: string[];

  constructor(
    readonly spec: CorpusSpec,
    th: Thesaurus,
  ) {
    // Trades that sit under a family and have skills pointing at them make believable postings.
    this.trades = th.trades
      .filter((t) => !t.isRoot)
      .map((t) => ({
        name: t.name,
        synonyms: t.synonyms.filter((s) => s.length >= 2),
        skills: th.skills
          .filter((s) => s.trades.includes(t.id) || t.parents.some((p) => s.trades.includes(p)))
          .map((s) => s.name),
        certs: th.certs.filter((c) => c.trades.includes(t.id)).map((c) => c.name),
      }))
      .filter((t) => t.skills.length >= 2);
    this.cities = th.cities.map((c) => ({
      name: c.name,
      province: th.provinces[c.province]?.name ?? '',
      lat: c.lat,
      lng: c.lng,
    }));
    this.provinces = th.provinces.slice(0, 31).map((p) => p.name);
  }

  private pick<T>(r: () => number, arr: readonly T[]): T {
    return arr[Math.floor(r() * arr.length)] as T;
  }

  /** Cities are drawn with a skew: big job markets get more postings. */
  private city(r: () => number): { name: string; province: string; lat: number; lng: number } {
    const i = Math.floor(this.cities.length * r() ** 2);
    return this.cities[i] as { name: string; province: string; lat: number; lng: number };
  }

  private sample(r: () => number, arr: readonly string[], n: number): string[] {
    const out = new Set<string>();
    for (let k = 0; k < n * 3 && out.size < Math.min(n, arr.length); k++) {
      out.add(this.pick(r, arr));
    }
    return [...out];
  }

  job(i: number): MatchJob {
    const r = mulberry32(hash(this.spec.seed, 1, i));
    const t = this.pick(r, this.trades);
    const c = this.city(r);
    const name = r() < 0.6 ? t.name : this.pick(r, t.synonyms.length > 0 ? t.synonyms : [t.name]);
    const skills = this.sample(r, t.skills, 3 + Math.floor(r() * 3));
    const min = 3500 + 500 * Math.floor(r() * 17);
    const certs: string[] = [];
    if (t.certs.length > 0 && r() < 0.4) {
      certs.push(this.pick(r, t.certs) + (r() < 0.5 ? '（优先）' : ''));
    }
    return {
      id: `J${i}`,
      title: `${name}${this.pick(r, SUFFIX)}`,
      trade: t.name,
      employer: `${c.name}${this.pick(r, ['宏达', '鑫源', '华泰', '永成', '金联', '恒信'])}${this.pick(r, ['制造', '科技', '物流', '建设', '服务'])}有限公司`,
      description: `招聘${name}，负责${skills.join('、')}等工作，${this.pick(r, ['有经验者优先', '可带学徒', '工作稳定', '多劳多得'])}。`,
      skills,
      certificates: certs,
      education: this.pick(r, EDU),
      minYears: Math.floor(r() * 4),
      city: c.name,
      district: null,
      lat: Math.round((c.lat + (r() - 0.5) * 0.2) * 100) / 100,
      lng: Math.round((c.lng + (r() - 0.5) * 0.2) * 100) / 100,
      salaryMin: min,
      salaryMax: min + 1000 + 500 * Math.floor(r() * 9),
      headcount: 1 + Math.floor(r() * 20),
      tags: this.sample(r, TAGS, 2 + Math.floor(r() * 3)),
      priorityOrigins: r() < 0.05 ? ['贵州'] : [],
      languages: r() < 0.03 ? ['英语（优先）'] : [],
      shift: this.pick(r, SHIFTS),
      postedAt: Date.UTC(2025, 0, 1) + Math.floor(r() * 180) * 86_400_000,
    };
  }

  worker(i: number): MatchWorker {
    const r = mulberry32(hash(this.spec.seed, 2, i));
    const t = this.pick(r, this.trades);
    const c = this.city(r);
    const years = Math.floor(r() * 12);
    const skills = this.sample(r, t.skills, 2 + Math.floor(r() * 4));
    const relocate = r() < 0.5;
    const salary = 4000 + 500 * Math.floor(r() * 16);
    const listsEmpty = r() < 0.1;
    const name = r() < 0.7 ? t.name : this.pick(r, t.synonyms.length > 0 ? t.synonyms : [t.name]);
    const summary = `在${c.name}做了${years}年${name}，会${skills.join('、')}。${relocate ? `愿意去外地，${this.pick(r, this.cities).name}也可以` : '想在附近找'}，期望月薪${salary}左右。`;
    return {
      id: `W${i}`,
      name: `工友${i}`,
      desiredTrades: listsEmpty ? [] : [name],
      summary,
      skills: listsEmpty ? [] : skills,
      certificates: t.certs.length > 0 && r() < 0.3 ? [this.pick(r, t.certs)] : [],
      education: this.pick(r, WEDU),
      years,
      hometownProvince: this.pick(r, this.provinces),
      city: c.name,
      lat: Math.round((c.lat + (r() - 0.5) * 0.2) * 100) / 100,
      lng: Math.round((c.lng + (r() - 0.5) * 0.2) * 100) / 100,
      maxCommuteKm: r() < 0.3 ? null : 10 + Math.floor(r() * 50),
      willingToRelocate: relocate,
      expectedSalary: salary,
      languages: ['普通话'],
    };
  }

  /** n query ids drawn reproducibly. */
  queries(kind: 'jobs' | 'workers', n: number): number[] {
    const r = mulberry32(hash(this.spec.seed, kind === 'jobs' ? 3 : 4, 0));
    const max = kind === 'jobs' ? this.spec.jobs : this.spec.workers;
    return Array.from({ length: n }, () => Math.floor(r() * max));
  }
}

import type { MatchJob, MatchWorker } from './match.types.ts';
import type { Segmenter } from './text.ts';
import { extractAmounts, normalizeText, OnceFilter } from './text.ts';
import type { LexEntry, Mention, Thesaurus } from './thesaurus.ts';
import { findCity, lookup, scanMentions } from './thesaurus.ts';

/** Interns strings (tokens, concept keys, certificate families) as small integers. */
export class TermDictionary {
  private readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  /** 1 when the term is a thesaurus concept ("§t:12"), 0 for a plain word. */
  private conceptFlags = new Uint8Array(1024);

  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      if (id >= this.conceptFlags.length) {
        const grown = new Uint8Array(this.conceptFlags.length * 2);
        grown.set(this.conceptFlags);
        this.conceptFlags = grown;
      }
      this.conceptFlags[id] = term.startsWith('§') ? 1 : 0;
    }
    return id;
  }

  get(term: string): number | undefined {
    return this.ids.get(term);
  }

  private readonly tradeIds: number[] = [];
  private readonly skillIds: number[] = [];

  /** Term id of a trade concept (memoised: called for every mention of every profile). */
  tradeConcept(trade: number): number {
    let id = this.tradeIds[trade];
    if (id === undefined) {
      id = this.intern(tradeTerm(trade));
      this.tradeIds[trade] = id;
    }
    return id;
  }

  /** Term id of a skill concept. */
  skillConcept(skill: number): number {
    let id = this.skillIds[skill];
    if (id === undefined) {
      id = this.intern(skillTerm(skill));
      this.skillIds[skill] = id;
    }
    return id;
  }

  isConcept(id: number): boolean {
    return this.conceptFlags[id] === 1;
  }

  /** Per term id, the stamp of the last bag it was added to (dedupe without a Set per record). */
  private bagStamp = new Int32Array(1024);
  private stamp = 0;

  /** Starts a new bag for addToBag (the bag array is the caller's). */
  newBag(): number {
    this.stamp++;
    if (this.stamp === 0x7fffffff) {
      this.bagStamp.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  /** Adds a term id to a bag unless it is already there. */
  addToBag(bag: number[], stamp: number, id: number): void {
    let st = this.bagStamp;
    if (id >= st.length) {
      let n = st.length * 2;
      while (n <= id) {
        n *= 2;
      }
      const grown = new Int32Array(n);
      grown.set(st);
      st = grown;
      this.bagStamp = grown;
    }
    if (st[id] !== stamp) {
      st[id] = stamp;
      bag.push(id);
    }
  }

  /** Memo for per-thesaurus constant lookups made for every record. */
  readonly memo = new Map<string, unknown>();

  get size(): number {
    return this.terms.length;
  }
}

export const tradeTerm = (id: number): string => `§t:${id}`;
export const skillTerm = (id: number): string => `§s:${id}`;
export const certTerm = (family: string): string => `§c:${family}`;

/** Education ranks; a job's requirement is the lowest level it names. */
const EDUCATION: Array<[RegExp, number]> = [
  [/博士/, 7],
  [/硕士|研究生/, 6],
  [/本科|学士/, 5],
  [/大专|专科|高职/, 4],
  [/高中|中专|中职|技校|职高|职校/, 3],
  [/初中/, 2],
  [/小学/, 1],
];

const educationRanks = new Map<string, number>();

export function educationRank(text: string | null): number {
  if (!text) {
    return 0;
  }
  // A handful of distinct values across a million profiles: memoised (bounded).
  let rank = educationRanks.get(text);
  if (rank === undefined) {
    rank = educationRankUncached(text);
    if (educationRanks.size >= 10_000) {
      educationRanks.clear();
    }
    educationRanks.set(text, rank);
  }
  return rank;
}

function educationRankUncached(text: string): number {
  let best = 0;
  for (const [re, rank] of EDUCATION) {
    if (re.test(text) && (best === 0 || rank < best)) {
      best = rank;
    }
  }
  return best;
}

export const EDUCATION_NAMES = ['', '小学', '初中', '高中/中专', '大专', '本科', '硕士', '博士'];

const PREFERRED_RE = /[(（]\s*优先\s*[)）]\s*$/;

export function isPreferred(entry: string): boolean {
  return PREFERRED_RE.test(entry.normalize('NFKC'));
}

export interface CertRequirement {
  /** Display name (without the （优先） marker). */
  name: string;
  preferred: boolean;
  /** Any one alternative satisfies the requirement. */
  alternatives: Array<{ family: number; rank: number }>;
}

export interface LanguageRequirement {
  name: string;
  preferred: boolean;
  language: number;
}

export interface SkillGroup {
  name: string;
  concepts: number[];
  tokens: number[];
}

export interface JobFeatures {
  trades: number[];
  tradeWeights: number[];
  /** Normalised trade and title strings, for matching trades the thesaurus does not know. */
  rawTrade: string;
  rawTitle: string;
  skills: SkillGroup[];
  certs: CertRequirement[];
  languages: LanguageRequirement[];
  education: number;
  educationSoft: boolean;
  minYears: number;
  lat: number;
  lng: number;
  city: number;
  province: number;
  salaryMin: number;
  salaryMax: number;
  /** Bitmask of benefit ids the job offers (implications applied). */
  offers: number;
  origins: number[];
  postedAt: number;
  placesLeft: number;
}

export interface WorkerFeatures {
  trades: number[];
  tradeWeights: number[];
  /** Normalised desired-trade strings the thesaurus does not know (term ids). */
  rawTrades: number[];
  /** Sorted unique term ids: skill/trade concepts and words from skills, trades and summary. */
  bag: number[];
  certFamilies: number[];
  certRanks: number[];
  languages: number[];
  education: number;
  years: number;
  lat: number;
  lng: number;
  city: number;
  province: number;
  homeProvince: number;
  maxCommuteKm: number;
  willingToRelocate: boolean;
  expectedSalary: number;
  salaryFloor: number;
  /** Bitmask of benefit ids the worker says they need. */
  needs: number;
  prefCities: number[];
  prefProvinces: number[];
  prefRegions: number[];
  avoidRegions: number[];
  avoidProvinces: number[];
  /** Provinces the worker limits themself to ("四川省内", "不去外省"); empty = no limit. */
  limitProvinces: number[];
  openAnywhere: boolean;
}

export interface ExtractContext {
  th: Thesaurus;
  seg: Segmenter;
  dict: TermDictionary;
}

function levelRank(ctx: ExtractContext, mentions: readonly Mention[]): number {
  let rank = 0;
  for (const m of mentions) {
    if (m.kind === 'level') {
      rank = Math.max(rank, ctx.th.levels[m.id]?.rank ?? 0);
    }
  }
  return rank;
}

/** Parses one certificate string into its family (interned) and rank. */
export function parseCertificate(ctx: ExtractContext, raw: string): Array<{ family: number; rank: number }> {
  const text = normalizeText(raw)
    .replace(/[(（]\s*优先\s*[)）]\s*$/, '')
    .trim();
  const parts = text.split(/或|\/|、/).filter((p) => p.trim() !== '');
  const out: Array<{ family: number; rank: number }> = [];
  for (const part of parts.length > 0 ? parts : [text]) {
    const mentions = scanMentions(ctx.th, part);
    const cert = mentions.find((m) => m.kind === 'cert');
    const level = levelRank(ctx, mentions);
    if (cert) {
      const entry = ctx.th.certs[cert.id];
      if (entry) {
        out.push({ family: ctx.dict.intern(certTerm(entry.family)), rank: entry.rank ?? level });
        continue;
      }
    }
    const trade = mentions.find((m) => m.kind === 'trade');
    if (trade && /证|资格|等级|职称/.test(part)) {
      out.push({ family: ctx.dict.intern(certTerm(`trade:${trade.id}`)), rank: level });
      continue;
    }
    // Unknown certificate: it only matches the same words.
    const key = part.replace(/[(（][^)）]*[)）]/g, '').trim();
    out.push({ family: ctx.dict.intern(certTerm(`raw:${key}`)), rank: level });
  }
  return out;
}

function benefitMask(ctx: ExtractContext, ids: Iterable<number>): number {
  let mask = 0;
  const stack = [...ids];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const b = stack.pop();
    if (b === undefined || seen.has(b)) {
      continue;
    }
    seen.add(b);
    if (b < 31) {
      mask |= 1 << b;
    }
    for (const i of ctx.th.benefits[b]?.implies ?? []) {
      stack.push(i);
    }
  }
  return mask;
}

function addTrade(trades: number[], weights: number[], id: number, w: number): void {
  const i = trades.indexOf(id);
  if (i < 0) {
    trades.push(id);
    weights.push(w);
  } else if ((weights[i] ?? 0) < w) {
    weights[i] = w;
  }
}

/** Trades named by a short string such as a desired trade or a job's trade field. */
function tradesOfLabel(ctx: ExtractContext, label: string): { trades: number[]; viaSkill: number[] } {
  const exact = lookup(ctx.th, label, 'trade');
  if (exact) {
    return { trades: [exact.id], viaSkill: [] };
  }
  const trades: number[] = [];
  const viaSkill: number[] = [];
  for (const m of scanMentions(ctx.th, normalizeText(label))) {
    if (m.kind === 'trade') {
      trades.push(m.id);
    } else if (m.kind === 'skill') {
      viaSkill.push(...(ctx.th.skills[m.id]?.trades ?? []));
    }
  }
  return { trades, viaSkill };
}

function toNumber(v: number | null | undefined): number {
  return v === null || v === undefined || !Number.isFinite(v) ? Number.NaN : v;
}

function parsePostedAt(v: string | number | undefined): number {
  if (v === undefined) {
    return Number.NaN;
  }
  const t = typeof v === 'number' ? v : Date.parse(v);
  return Number.isFinite(t) ? t : Number.NaN;
}

export function extractJob(ctx: ExtractContext, job: MatchJob): JobFeatures {
  const { th, seg, dict } = ctx;
  const trades: number[] = [];
  const tradeWeights: number[] = [];
  const fromTrade = tradesOfLabel(ctx, job.trade);
  for (const t of fromTrade.trades) {
    addTrade(trades, tradeWeights, t, 1);
  }
  for (const t of fromTrade.viaSkill) {
    addTrade(trades, tradeWeights, t, 0.9);
  }
  const title = normalizeText(job.title);
  for (const m of scanMentions(th, title)) {
    if (m.kind === 'trade') {
      addTrade(trades, tradeWeights, m.id, 1);
    } else if (m.kind === 'skill') {
      for (const t of th.skills[m.id]?.trades ?? []) {
        addTrade(trades, tradeWeights, t, 0.85);
      }
    }
  }
  const skills: SkillGroup[] = job.skills.map((s) => {
    const norm = normalizeText(s);
    const concepts: number[] = [];
    for (const m of scanMentions(th, norm)) {
      if (m.kind === 'skill') {
        concepts.push(dict.skillConcept(m.id));
        for (const t of th.skills[m.id]?.trades ?? []) {
          addTrade(trades, tradeWeights, t, 0.5);
        }
      } else if (m.kind === 'trade') {
        concepts.push(dict.tradeConcept(m.id));
      } else if (m.kind === 'language') {
        concepts.push(dict.intern(`§l:${m.id}`));
      }
    }
    const tokens = [...new Set(seg.terms(norm).map((t) => dict.intern(t)))];
    return { name: s, concepts: [...new Set(concepts)], tokens };
  });
  const certs: CertRequirement[] = job.certificates.map((c) => ({
    name: c
      .normalize('NFKC')
      .replace(/\(\s*优先\s*\)\s*$/, '')
      .trim(),
    preferred: isPreferred(c),
    alternatives: parseCertificate(ctx, c),
  }));
  const languages: LanguageRequirement[] = [];
  for (const l of job.languages) {
    const norm = normalizeText(l).replace(/[(（]\s*优先\s*[)）]\s*$/, '');
    const entry = lookup(th, norm, 'language') ?? scanMentions(th, norm).find((m) => m.kind === 'language');
    if (entry) {
      languages.push({
        name: th.languages[entry.id]?.name ?? norm,
        preferred: isPreferred(l),
        language: entry.id,
      });
    }
  }
  const city = findCity(th, job.city, job.lat, job.lng);
  const offerIds: number[] = [];
  const offerText = normalizeText(`${job.tags.join(' ')} ${job.description} ${job.title}`);
  for (const m of scanMentions(th, offerText)) {
    if (m.kind === 'benefit') {
      offerIds.push(m.id);
    }
  }
  const origins: number[] = [];
  for (const o of job.priorityOrigins) {
    const p = lookup(th, o.replace(/籍$/, ''), 'province');
    if (p) {
      origins.push(p.id);
    }
  }
  const placesLeft = job.placesLeft ?? job.headcount ?? Number.NaN;
  return {
    trades,
    tradeWeights,
    rawTrade: normalizeText(job.trade),
    rawTitle: title,
    skills,
    certs,
    languages,
    education: educationRank(job.education),
    educationSoft: job.education ? /不限|优先/.test(job.education) : true,
    minYears: toNumber(job.minYears),
    lat: toNumber(job.lat ?? city?.lat),
    lng: toNumber(job.lng ?? city?.lng),
    city: city?.id ?? -1,
    province: city?.province ?? -1,
    salaryMin: toNumber(job.salaryMin),
    salaryMax: toNumber(job.salaryMax ?? job.salaryMin),
    offers: benefitMask(ctx, offerIds),
    origins,
    postedAt: parsePostedAt(job.postedAt),
    placesLeft: toNumber(placesLeft),
  };
}

const CLAUSE_SPLIT = /[，。；！？,.;!?\n]+/;
const NEG_BEFORE = /(没有|没|未|无|不会|不懂|缺|不想|不做|不再|不考虑)[^，。]{0,3}$/;
const NEG_AFTER = /^[^，。]{0,6}(到期|过期|还没|没办|未办|正在办|在办|没考|没拿)/;
const OPEN_ANYWHERE =
  /哪里都|哪都|去哪都|城市不限|城市不挑|不限城市|城市可以谈|别的地方[^，。]*也|其他城市|别的城市|哪里[^，。]*去哪里|全国/;
const PROVINCE_LIMIT = /省内|不去外省|不去省外|省外不去|不出省|外省不去|不考虑外省|不出(.{1,3})/;
const AVOID = /不去|不考虑|太冷|太远|不想去/;

/** What a summary clause says, independent of the worker: memoised, clauses repeat across profiles. */
interface ClauseInfo {
  open: boolean;
  avoid: boolean;
  limit: RegExpExecArray | null;
  mentions: readonly Mention[];
  /** Per mention: 1 when negated ("没有叉车证"). */
  negated: Uint8Array;
  /**
   * Per mention: for a trade followed by 证 ("数控车工中级证") the level rank of the certificate, −1
   * otherwise; for a certificate the level rank named right after it.
   */
  level: Int32Array;
}

const CLAUSE_CACHE_MAX = 100_000;
const clauseCaches = new WeakMap<Thesaurus, Map<string, ClauseInfo>>();
const clauseSeen = new OnceFilter();

function clauseInfo(ctx: ExtractContext, clause: string): ClauseInfo {
  const th = ctx.th;
  let cache = clauseCaches.get(th);
  if (!cache) {
    cache = new Map();
    clauseCaches.set(th, cache);
  }
  const hit = cache.get(clause);
  if (hit) {
    return hit;
  }
  const mentions = scanMentions(th, clause);
  const negated = new Uint8Array(mentions.length);
  const level = new Int32Array(mentions.length).fill(-1);
  mentions.forEach((m, k) => {
    // A negation ends right before the mention (≤ 6 characters) or starts right after it (≤ 9).
    negated[k] =
      NEG_BEFORE.test(clause.slice(Math.max(0, m.start - 6), m.start)) ||
      NEG_AFTER.test(clause.slice(m.end, m.end + 9))
        ? 1
        : 0;
    if (m.kind === 'trade') {
      const follow = clause.slice(m.end, m.end + 6);
      if (/^[^，。]{0,4}证/.test(follow)) {
        level[k] = levelRank(ctx, scanMentions(th, follow));
      }
    } else if (m.kind === 'cert') {
      level[k] = levelRank(ctx, scanMentions(th, clause.slice(m.start, m.end + 6)));
    }
  });
  const info: ClauseInfo = {
    open: OPEN_ANYWHERE.test(clause),
    avoid: AVOID.test(clause),
    limit: PROVINCE_LIMIT.exec(clause),
    mentions,
    negated,
    level,
  };
  // Clauses seen once (a profile's own sentence) are not kept: only repeated ones are.
  if (clauseSeen.seenBefore(clause)) {
    if (cache.size >= CLAUSE_CACHE_MAX) {
      cache.clear();
    }
    cache.set(clause, info);
  }
  return info;
}

/** Adds a value to a small list unless present (lists of a profile hold a handful of ids). */
function addUnique(list: number[], v: number): void {
  if (!list.includes(v)) {
    list.push(v);
  }
}

const FLOOR_RE = /(低于|不低于|少于)([^，。]{1,8})(不考虑|不去|不干|以上)?/;

/** Free-text understanding of a worker profile; the lists win, the summary fills gaps. */
export function extractWorker(ctx: ExtractContext, w: MatchWorker): WorkerFeatures {
  const { th, seg, dict } = ctx;
  const trades: number[] = [];
  const tradeWeights: number[] = [];
  const rawTrades: number[] = [];
  // The bag is deduplicated with a stamp per term id instead of a Set (a million profiles at build).
  const bag: number[] = [];
  const stamp = dict.newBag();
  const hasDesired = w.desiredTrades.length > 0;
  // Normalised desired trades and skills, reused for the word terms below.
  let words = '';
  w.desiredTrades.forEach((d, order) => {
    // The first-listed trade is the main wish; later ones count slightly less.
    const first = Math.max(0.85, 1 - 0.04 * order);
    const r = tradesOfLabel(ctx, d);
    for (const t of r.trades) {
      addTrade(trades, tradeWeights, t, first);
    }
    for (const t of r.viaSkill) {
      addTrade(trades, tradeWeights, t, first * 0.95);
    }
    const norm = normalizeText(d);
    if (r.trades.length === 0 && r.viaSkill.length === 0) {
      rawTrades.push(dict.intern(norm));
    }
    words = order === 0 ? norm : `${words} ${norm}`;
  });
  const skillTradeWeight = hasDesired ? 0.6 : 0.8;
  let skillWords = '';
  for (let k = 0; k < w.skills.length; k++) {
    const norm = normalizeText(w.skills[k] as string);
    skillWords = k === 0 ? norm : `${skillWords} ${norm}`;
    for (const m of scanMentions(th, norm)) {
      if (m.kind === 'skill') {
        dict.addToBag(bag, stamp, dict.skillConcept(m.id));
        for (const t of th.skills[m.id]?.trades ?? []) {
          addTrade(trades, tradeWeights, t, skillTradeWeight);
        }
      } else if (m.kind === 'trade') {
        dict.addToBag(bag, stamp, dict.tradeConcept(m.id));
      } else if (m.kind === 'language') {
        dict.addToBag(bag, stamp, dict.intern(`§l:${m.id}`));
      }
    }
  }
  const certFamilies: number[] = [];
  const certRanks: number[] = [];
  const addCert = (family: number, rank: number): void => {
    const i = certFamilies.indexOf(family);
    if (i < 0) {
      certFamilies.push(family);
      certRanks.push(rank);
    } else if ((certRanks[i] ?? 0) < rank) {
      certRanks[i] = rank;
    }
  };
  for (const c of w.certificates) {
    for (const alt of parseCertificate(ctx, c)) {
      addCert(alt.family, alt.rank);
    }
  }
  const languages: number[] = [];
  for (const l of w.languages) {
    const e =
      lookup(th, l, 'language') ?? scanMentions(th, normalizeText(l)).find((m) => m.kind === 'language');
    if (e) {
      addUnique(languages, e.id);
    }
  }

  // Summary: clause by clause, skipping negated mentions ("没有叉车证", "焊工证还没办").
  const summary = normalizeText(w.summary);
  let needs = 0;
  const prefCities: number[] = [];
  const prefProvinces: number[] = [];
  const prefRegions: number[] = [];
  const avoidRegions: number[] = [];
  const avoidProvinces: number[] = [];
  const limitProvinces: number[] = [];
  let openAnywhere = false;
  const home = findCity(th, w.city, w.lat, w.lng);
  const summaryTradeWeight = hasDesired ? 0.7 : 0.85;
  for (const clause of summary.split(CLAUSE_SPLIT)) {
    if (clause.trim() === '') {
      continue;
    }
    const info = clauseInfo(ctx, clause);
    if (info.open) {
      openAnywhere = true;
    }
    const mentions = info.mentions;
    const avoid = info.avoid;
    const limit = info.limit;
    let clauseProvince = -1;
    for (let k = 0; k < mentions.length; k++) {
      const m = mentions[k];
      if (!m) {
        continue;
      }
      const negated = info.negated[k] === 1;
      switch (m.kind) {
        case 'trade': {
          const certLevel = info.level[k] ?? -1;
          if (certLevel >= 0) {
            // "数控车工中级证": a vocational certificate, not a wish for the trade.
            if (!negated) {
              addCert(dict.intern(certTerm(`trade:${m.id}`)), certLevel);
            }
          } else if (!negated) {
            addTrade(trades, tradeWeights, m.id, summaryTradeWeight);
            dict.addToBag(bag, stamp, dict.tradeConcept(m.id));
          }
          break;
        }
        case 'skill':
          if (!negated) {
            dict.addToBag(bag, stamp, dict.skillConcept(m.id));
            for (const t of th.skills[m.id]?.trades ?? []) {
              addTrade(trades, tradeWeights, t, hasDesired ? 0.5 : 0.8);
            }
          }
          break;
        case 'cert':
          if (!negated) {
            const entry = th.certs[m.id];
            if (entry) {
              addCert(dict.intern(certTerm(entry.family)), entry.rank ?? info.level[k] ?? 0);
            }
          }
          break;
        case 'language':
          if (!negated) {
            addUnique(languages, m.id);
          }
          break;
        case 'benefit':
          needs |= benefitMask(ctx, [m.id]);
          break;
        case 'city':
          // Cities named in a "不去…" clause are usually the worker's own surroundings; only wishes count.
          if (!avoid && m.id !== home?.id) {
            addUnique(prefCities, m.id);
          }
          break;
        case 'province':
          clauseProvince = m.id;
          if (avoid && !limit) {
            addUnique(avoidProvinces, m.id);
          } else {
            addUnique(prefProvinces, m.id);
          }
          break;
        case 'region':
          if (avoid) {
            addUnique(avoidRegions, m.id);
          } else {
            addUnique(prefRegions, m.id);
          }
          break;
        default:
          break;
      }
    }
    if (limit) {
      const named = limit[1] ? lookup(th, limit[1], 'province') : undefined;
      const p = named?.id ?? (clauseProvince >= 0 ? clauseProvince : (home?.province ?? -1));
      if (p >= 0) {
        addUnique(limitProvinces, p);
      }
    }
  }
  // One segmentation call for all free words: crossing into jieba per field costs more than the cut.
  // (Normalising each list entry and joining them with spaces gives the text's own normal form.)
  const terms = seg.terms(`${words} ${skillWords} ${summary}`);
  for (let k = 0; k < terms.length; k++) {
    dict.addToBag(bag, stamp, dict.intern(terms[k] as string));
  }
  for (const t of trades) {
    dict.addToBag(bag, stamp, dict.tradeConcept(t));
  }
  const homeProvinceEntry = w.hometownProvince
    ? lookup(
        th,
        w.hometownProvince.endsWith('籍') ? w.hometownProvince.slice(0, -1) : w.hometownProvince,
        'province',
      )
    : undefined;
  // People from a Chinese province speak 普通话 even when they do not list it.
  let mandarin = dict.memo.get('mandarin') as LexEntry | null | undefined;
  if (mandarin === undefined) {
    mandarin = lookup(th, '普通话', 'language') ?? null;
    dict.memo.set('mandarin', mandarin);
  }
  if (mandarin && (homeProvinceEntry || languages.length === 0)) {
    addUnique(languages, mandarin.id);
  }
  let floor = 0;
  if (summary.includes('低于') || summary.includes('少于')) {
    const floorMatch = FLOOR_RE.exec(summary);
    if (floorMatch?.[2]) {
      const v = extractAmounts(floorMatch[2])[0];
      if (v !== undefined && v >= 1000) {
        floor = v;
      }
    }
  }
  const expected = toNumber(w.expectedSalary);
  return {
    trades,
    tradeWeights,
    rawTrades,
    bag: bag.sort((a, b) => a - b),
    certFamilies,
    certRanks,
    languages,
    education: educationRank(w.education),
    years: toNumber(w.years),
    lat: toNumber(w.lat ?? home?.lat),
    lng: toNumber(w.lng ?? home?.lng),
    city: home?.id ?? -1,
    province: home?.province ?? -1,
    homeProvince: homeProvinceEntry?.id ?? -1,
    maxCommuteKm: toNumber(w.maxCommuteKm),
    willingToRelocate: w.willingToRelocate,
    expectedSalary: Number.isFinite(expected)
      ? expected
      : (extractAmounts(w.summary).find((a) => a >= 1000 && a <= 100000) ?? Number.NaN),
    salaryFloor: floor,
    needs,
    prefCities,
    prefProvinces,
    prefRegions,
    avoidRegions,
    avoidProvinces,
    limitProvinces,
    openAnywhere,
  };
}

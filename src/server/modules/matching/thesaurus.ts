import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeText, OnceFilter } from './text.ts';

/** The thesaurus that ships with the module (src/server/modules/matching/thesaurus). */
export const DEFAULT_THESAURUS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'thesaurus');

export type LexKind =
  | 'trade'
  | 'skill'
  | 'cert'
  | 'level'
  | 'language'
  | 'province'
  | 'city'
  | 'benefit'
  | 'region';

export interface TradeNode {
  id: number;
  name: string;
  synonyms: string[];
  parents: number[];
  related: number[];
  /** Similarity of two children of this node (families only). */
  sibling: number;
  isRoot: boolean;
}

export interface SkillEntry {
  id: number;
  name: string;
  synonyms: string[];
  trades: number[];
}

export interface CertEntry {
  id: number;
  name: string;
  synonyms: string[];
  /** Certificates with the same family key satisfy each other by rank. */
  family: string;
  /** Fixed rank, or null when the rank comes from a 职业技能等级 word. */
  rank: number | null;
  trades: number[];
}

export interface LevelEntry {
  id: number;
  name: string;
  rank: number;
}

export interface NamedEntry {
  id: number;
  name: string;
  synonyms: string[];
}

export interface ProvinceEntry extends NamedEntry {
  regions: number[];
}

export interface CityEntry extends NamedEntry {
  province: number;
  lat: number;
  lng: number;
}

export interface BenefitEntry extends NamedEntry {
  implies: number[];
}

export interface LexEntry {
  kind: LexKind;
  id: number;
  /** True when the surface is the canonical name (an exact match rather than a synonym). */
  canonical: boolean;
}

export interface Mention {
  kind: LexKind;
  id: number;
  canonical: boolean;
  start: number;
  end: number;
  surface: string;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  entries: LexEntry[] | null;
  surface: string | null;
}

export interface Thesaurus {
  dir: string;
  trades: TradeNode[];
  skills: SkillEntry[];
  certs: CertEntry[];
  levels: LevelEntry[];
  languages: NamedEntry[];
  provinces: ProvinceEntry[];
  regions: NamedEntry[];
  cities: CityEntry[];
  benefits: BenefitEntry[];
  /** Normalised surface → what it names. */
  lexicon: Map<string, LexEntry[]>;
  /** Trade × trade similarity (row-major, trades.length²). */
  tradeLevels: Float32Array;
  /** For each trade, the trades with similarity ≥ 0.3 (used to expand queries). */
  tradeNeighbours: Array<Array<{ id: number; level: number }>>;
  root: TrieNode;
  /** The root's children by first character (one array read instead of a Map lookup per position). */
  rootIndex: Array<TrieNode | undefined>;
}

interface Row {
  cells: string[];
}

function readTsv(dir: string, file: string): Row[] {
  const text = readFileSync(join(dir, file), 'utf8');
  const rows: Row[] = [];
  let header = true;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) {
      continue;
    }
    if (header) {
      // The first non-comment line names the columns.
      header = false;
      continue;
    }
    rows.push({ cells: line.split('\t').map((c) => c.trim()) });
  }
  return rows;
}

function list(cell: string | undefined): string[] {
  if (cell === undefined || cell === '') {
    return [];
  }
  return cell
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export class ThesaurusError extends Error {
  readonly code = 'matching/thesaurus-invalid';
}

/**
 * Loads the TSV files of a thesaurus folder. Union staff edit the files; calling this again (or
 * engine.reloadThesaurus) picks the changes up without a code change.
 */
export function loadThesaurus(dir: string = DEFAULT_THESAURUS_DIR): Thesaurus {
  const tradeRows = readTsv(dir, 'trades.tsv');
  const tradeIndex = new Map<string, number>();
  const trades: TradeNode[] = tradeRows.map((r, id) => {
    const name = r.cells[0] ?? '';
    tradeIndex.set(normalizeText(name), id);
    const sib = Number(r.cells[4]);
    return {
      id,
      name,
      synonyms: list(r.cells[1]),
      parents: [],
      related: [],
      sibling: r.cells[4] && Number.isFinite(sib) ? sib : 0.55,
      isRoot: false,
    };
  });
  const resolveTrade = (name: string, where: string): number => {
    const id = tradeIndex.get(normalizeText(name));
    if (id === undefined) {
      throw new ThesaurusError(`trades.tsv: unknown trade "${name}" in ${where}`);
    }
    return id;
  };
  tradeRows.forEach((r, id) => {
    const t = trades[id];
    if (!t) {
      return;
    }
    t.parents = list(r.cells[2]).map((p) => resolveTrade(p, `parents of ${t.name}`));
    t.related = list(r.cells[3]).map((p) => resolveTrade(p, `related of ${t.name}`));
    t.isRoot = t.parents.length === 0;
  });

  const skills: SkillEntry[] = readTsv(dir, 'skills.tsv').map((r, id) => ({
    id,
    name: r.cells[0] ?? '',
    synonyms: list(r.cells[1]),
    trades: list(r.cells[2]).map((t) => resolveTrade(t, `skills.tsv ${r.cells[0] ?? ''}`)),
  }));

  const certs: CertEntry[] = readTsv(dir, 'certificates.tsv').map((r, id) => {
    const tradesOf = list(r.cells[4]).map((t) => resolveTrade(t, `certificates.tsv ${r.cells[0] ?? ''}`));
    const rankCell = r.cells[3] ?? '';
    const skillRanked = rankCell === 'skill';
    const firstTrade = tradesOf[0];
    // Vocational certificates share a family per trade, so "数控车工证" and "数控车工中级证" compare.
    const family =
      skillRanked && firstTrade !== undefined ? `trade:${firstTrade}` : `cert:${r.cells[2] || r.cells[0]}`;
    return {
      id,
      name: r.cells[0] ?? '',
      synonyms: list(r.cells[1]),
      family,
      rank: skillRanked ? null : Number(rankCell) || 1,
      trades: tradesOf,
    };
  });

  const levels: LevelEntry[] = readTsv(dir, 'skill-levels.tsv').map((r, id) => ({
    id,
    name: r.cells[0] ?? '',
    synonyms: list(r.cells[1]),
    rank: Number(r.cells[2]) || id + 1,
  }));
  const levelSyn = readTsv(dir, 'skill-levels.tsv').map((r) => list(r.cells[1]));

  const languages: NamedEntry[] = readTsv(dir, 'languages.tsv').map((r, id) => ({
    id,
    name: r.cells[0] ?? '',
    synonyms: list(r.cells[1]),
  }));

  const regionIndex = new Map<string, number>();
  const regions: NamedEntry[] = [];
  const provinces: ProvinceEntry[] = readTsv(dir, 'provinces.tsv').map((r, id) => ({
    id,
    name: r.cells[0] ?? '',
    synonyms: list(r.cells[1]),
    regions: list(r.cells[2]).map((reg) => {
      let rid = regionIndex.get(reg);
      if (rid === undefined) {
        rid = regions.length;
        regionIndex.set(reg, rid);
        // 江浙沪 is usually written 江浙; 南方/北方 are also written 南边/北边.
        const syn = reg === '江浙沪' ? ['江浙', '江浙一带'] : reg === '南方' ? ['南边'] : [];
        regions.push({ id: rid, name: reg, synonyms: syn });
      }
      return rid;
    }),
  }));
  const provinceIndex = new Map<string, number>();
  for (const p of provinces) {
    provinceIndex.set(normalizeText(p.name), p.id);
    for (const s of p.synonyms) {
      provinceIndex.set(normalizeText(s), p.id);
    }
  }

  const cities: CityEntry[] = readTsv(dir, 'cities.tsv').map((r, id) => {
    const province = provinceIndex.get(normalizeText(r.cells[2] ?? ''));
    if (province === undefined) {
      throw new ThesaurusError(`cities.tsv: unknown province "${r.cells[2] ?? ''}" for ${r.cells[0] ?? ''}`);
    }
    return {
      id,
      name: r.cells[0] ?? '',
      synonyms: list(r.cells[1]),
      province,
      lat: Number(r.cells[3]),
      lng: Number(r.cells[4]),
    };
  });

  const benefitRows = readTsv(dir, 'benefits.tsv');
  const benefitIndex = new Map<string, number>();
  benefitRows.forEach((r, id) => {
    benefitIndex.set(r.cells[0] ?? '', id);
  });
  const benefits: BenefitEntry[] = benefitRows.map((r, id) => ({
    id,
    name: r.cells[0] ?? '',
    synonyms: list(r.cells[1]),
    implies: list(r.cells[2])
      .map((b) => benefitIndex.get(b))
      .filter((b): b is number => b !== undefined),
  }));

  const lexicon = new Map<string, LexEntry[]>();
  const add = (surface: string, entry: LexEntry): void => {
    const key = normalizeText(surface);
    if (key === '') {
      return;
    }
    const arr = lexicon.get(key);
    if (!arr) {
      lexicon.set(key, [entry]);
    } else if (!arr.some((e) => e.kind === entry.kind && e.id === entry.id)) {
      // A canonical spelling wins over the same word listed as a synonym.
      arr.push(entry);
    }
  };
  const addNamed = (kind: LexKind, items: Array<{ id: number; name: string; synonyms: string[] }>): void => {
    for (const it of items) {
      add(it.name, { kind, id: it.id, canonical: true });
    }
    for (const it of items) {
      for (const s of it.synonyms) {
        add(s, { kind, id: it.id, canonical: false });
      }
    }
  };
  addNamed('trade', trades);
  addNamed('skill', skills);
  addNamed('cert', certs);
  addNamed(
    'level',
    levels.map((l, i) => ({ id: l.id, name: l.name, synonyms: levelSyn[i] ?? [] })),
  );
  addNamed('language', languages);
  addNamed('province', provinces);
  addNamed('region', regions);
  addNamed('city', cities);
  addNamed('benefit', benefits);

  const root: TrieNode = { next: new Map(), entries: null, surface: null };
  for (const [surface, entries] of lexicon) {
    let node = root;
    for (let i = 0; i < surface.length; i++) {
      const c = surface.charCodeAt(i);
      let nx = node.next.get(c);
      if (!nx) {
        nx = { next: new Map(), entries: null, surface: null };
        node.next.set(c, nx);
      }
      node = nx;
    }
    node.entries = entries;
    node.surface = surface;
  }

  const rootIndex: Array<TrieNode | undefined> = new Array<TrieNode | undefined>(65536).fill(undefined);
  for (const [c, child] of root.next) {
    rootIndex[c] = child;
  }

  const { levelsMatrix, neighbours } = computeTradeLevels(trades);
  return {
    dir,
    trades,
    skills,
    certs,
    levels,
    languages,
    provinces,
    regions,
    cities,
    benefits,
    lexicon,
    tradeLevels: levelsMatrix,
    tradeNeighbours: neighbours,
    root,
    rootIndex,
  };
}

/** Ancestors of a trade with their distance (1 = parent). */
function ancestors(trades: TradeNode[], id: number): Map<number, number> {
  const out = new Map<number, number>();
  let frontier = [id];
  let depth = 0;
  while (frontier.length > 0 && depth < 8) {
    depth++;
    const next: number[] = [];
    for (const f of frontier) {
      for (const p of trades[f]?.parents ?? []) {
        if (!out.has(p)) {
          out.set(p, depth);
          next.push(p);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** Match levels; see the header of trades.tsv. */
export const TRADE_LEVEL = {
  same: 1,
  parent: 0.9,
  grandparent: 0.75,
  related: 0.35,
  cousinFactor: 0.6,
} as const;

function computeTradeLevels(trades: TradeNode[]): {
  levelsMatrix: Float32Array;
  neighbours: Array<Array<{ id: number; level: number }>>;
} {
  const n = trades.length;
  const m = new Float32Array(n * n);
  const anc = trades.map((t) => ancestors(trades, t.id));
  const relatedOf = trades.map((t) => {
    const s = new Set<number>(t.related);
    for (const p of t.parents) {
      const pt = trades[p];
      if (pt && !pt.isRoot) {
        for (const r of pt.related) {
          s.add(r);
        }
      }
    }
    return s;
  });
  for (let a = 0; a < n; a++) {
    const ta = trades[a];
    const aa = anc[a];
    if (!ta || !aa) {
      continue;
    }
    for (let b = 0; b < n; b++) {
      const tb = trades[b];
      const ab = anc[b];
      if (!tb || !ab) {
        continue;
      }
      let level = 0;
      if (a === b) {
        level = TRADE_LEVEL.same;
      } else {
        const up = aa.get(b) ?? ab.get(a);
        const upNode = aa.has(b) ? tb : ab.has(a) ? ta : undefined;
        if (up !== undefined && upNode) {
          level = upNode.isRoot ? upNode.sibling : up === 1 ? TRADE_LEVEL.parent : TRADE_LEVEL.grandparent;
        }
        // Lowest common ancestor: siblings share a family, cousins a grand-family, all share a sector.
        for (const [c, da] of aa) {
          const db = ab.get(c);
          const node = trades[c];
          if (db === undefined || !node) {
            continue;
          }
          const v =
            da === 1 && db === 1 && !node.isRoot
              ? node.sibling
              : node.isRoot
                ? node.sibling
                : node.sibling * TRADE_LEVEL.cousinFactor;
          if (v > level) {
            level = v;
          }
        }
        const rel =
          relatedOf[a]?.has(b) ||
          relatedOf[b]?.has(a) ||
          tb.parents.some((p) => relatedOf[a]?.has(p)) ||
          ta.parents.some((p) => relatedOf[b]?.has(p));
        if (rel && TRADE_LEVEL.related > level) {
          level = TRADE_LEVEL.related;
        }
      }
      m[a * n + b] = level;
    }
  }
  const neighbours = trades.map((_, a) => {
    const out: Array<{ id: number; level: number }> = [];
    for (let b = 0; b < n; b++) {
      const v = m[a * n + b] ?? 0;
      if (v >= 0.3) {
        out.push({ id: b, level: v });
      }
    }
    return out.sort((x, y) => y.level - x.level);
  });
  return { levelsMatrix: m, neighbours };
}

export function tradeLevel(th: Thesaurus, a: number, b: number): number {
  return th.tradeLevels[a * th.trades.length + b] ?? 0;
}

/**
 * Longest-match scan of a normalised text against every surface of the thesaurus. One-character
 * surfaces (province 简称 such as 黔) are skipped in free text: they collide with ordinary words.
 */
export function scanMentions(th: Thesaurus, text: string, minLength = 2): readonly Mention[] {
  // Short texts (skills, trades, summary clauses) repeat across profiles: memoise per thesaurus.
  if (minLength !== 2 || text.length > MENTION_CACHE_LEN) {
    return scanUncached(th, text, minLength);
  }
  let cache = mentionCaches.get(th);
  if (!cache) {
    cache = new Map();
    mentionCaches.set(th, cache);
  }
  let out = cache.get(text);
  if (out === undefined) {
    out = scanUncached(th, text, minLength);
    // Texts seen once (most summary clauses) are not kept: they would only churn the cache and the GC.
    if (mentionSeen.seenBefore(text)) {
      if (cache.size >= MENTION_CACHE_MAX) {
        cache.clear();
      }
      cache.set(text, out);
    }
  }
  return out;
}

const MENTION_CACHE_LEN = 64;
const MENTION_CACHE_MAX = 100_000;
const mentionCaches = new WeakMap<Thesaurus, Map<string, readonly Mention[]>>();
const mentionSeen = new OnceFilter();

function scanUncached(th: Thesaurus, text: string, minLength: number): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  const n = text.length;
  const rootIndex = th.rootIndex;
  while (i < n) {
    let node: TrieNode | undefined = rootIndex[text.charCodeAt(i)];
    if (node === undefined) {
      i++;
      continue;
    }
    let best: TrieNode | null = null;
    let bestEnd = i;
    let j = i + 1;
    if (node.entries && 1 >= minLength) {
      best = node;
      bestEnd = j;
    }
    while (j < n) {
      node = node.next.get(text.charCodeAt(j));
      if (!node) {
        break;
      }
      j++;
      if (node.entries && j - i >= minLength) {
        best = node;
        bestEnd = j;
      }
    }
    if (best?.entries) {
      // Latin surfaces must not be glued to other Latin letters ("plc" inside "plcxyz" is fine, "ui" in "build" not).
      const before = i > 0 ? text.charCodeAt(i - 1) : 32;
      const after = bestEnd < n ? text.charCodeAt(bestEnd) : 32;
      const latinStart = isLatin(text.charCodeAt(i));
      const latinEnd = isLatin(text.charCodeAt(bestEnd - 1));
      if ((latinStart && isLatin(before)) || (latinEnd && isLatin(after) && bestEnd - i < 3)) {
        i++;
        continue;
      }
      for (const e of best.entries) {
        out.push({
          kind: e.kind,
          id: e.id,
          canonical: e.canonical,
          start: i,
          end: bestEnd,
          surface: best.surface ?? '',
        });
      }
      i = bestEnd;
    } else {
      i++;
    }
  }
  return out;
}

function isLatin(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Exact lookup of a whole (normalised) string. */
export function lookup(th: Thesaurus, text: string, kind: LexKind): LexEntry | undefined {
  return th.lexicon.get(normalizeText(text))?.find((e) => e.kind === kind);
}

/** All surfaces, for the segmenter's custom dictionary. */
export function thesaurusWords(th: Thesaurus): string[] {
  return [...th.lexicon.keys()];
}

/** City of a name, or the nearest known city within 80 km of a point. */
export function findCity(
  th: Thesaurus,
  name: string | null,
  lat: number | null,
  lng: number | null,
): CityEntry | undefined {
  if (name) {
    const e = lookup(th, name, 'city');
    if (e) {
      return th.cities[e.id];
    }
    for (const m of scanMentions(th, normalizeText(name))) {
      if (m.kind === 'city') {
        return th.cities[m.id];
      }
    }
  }
  if (lat === null || lng === null) {
    return undefined;
  }
  let best: CityEntry | undefined;
  let bestD = 80;
  for (const c of th.cities) {
    const d = haversineKm(lat, lng, c.lat, c.lng);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** Great-circle distance in kilometres. */
export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const r = 6371;
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLng = (lng2 - lng1) * toRad;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
}

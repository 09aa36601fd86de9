import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import * as OpenCC from 'opencc-js';

// Traditional → Simplified. 'hk' covers both Taiwan and Hong Kong variants well enough for profiles.
const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

// Converting every string through OpenCC is the slowest step of indexing a million profiles, so we
// learn once which single characters it changes and skip strings that contain none of them.
// A bitmap over the CJK Unified Ideographs block: 1 where OpenCC changes the character.
const CJK_START = 0x4e00;
const CJK_END = 0x9fff;
const traditionalChars: Uint8Array = (() => {
  const map = new Uint8Array(CJK_END - CJK_START + 1);
  for (let c = CJK_START; c <= CJK_END; c++) {
    const ch = String.fromCharCode(c);
    if (toSimplified(ch) !== ch) {
      map[c - CJK_START] = 1;
    }
  }
  return map;
})();

function hasTraditional(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= CJK_START && c <= CJK_END && traditionalChars[c - CJK_START] === 1) {
      return true;
    }
  }
  return false;
}

/**
 * Remembers (approximately) which strings were seen before, so that memo caches keep only strings
 * that repeat: a string is cached on its second sighting. A fixed table of hashes; a collision only
 * makes a string cached one sighting early or late.
 */
export class OnceFilter {
  private readonly table: Int32Array;
  private readonly mask: number;

  constructor(bits = 18) {
    this.table = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
  }

  seenBefore(s: string): boolean {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
      h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    }
    h |= 1;
    const k = (h ^ (h >>> 15)) & this.mask;
    if (this.table[k] === h) {
      return true;
    }
    this.table[k] = h;
    return false;
  }
}

/**
 * Short strings (trades, skills, certificates, tags, cities) repeat across a million profiles, so
 * their normal forms are memoised; the cache is bounded (cleared when full). The last long input is
 * remembered too: callers often normalise the same summary twice in a row.
 */
const NORM_CACHE_MAX = 50_000;
const NORM_CACHE_LEN = 32;
const normCache = new Map<string, string>();
let lastIn = '';
let lastOut = '';

function normalizeUncached(input: string): string {
  let s = input.normalize('NFKC').toLowerCase();
  if (hasTraditional(s)) {
    s = toSimplified(s);
  }
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * True when normalizeUncached(s) === s, decided from the characters alone for the common case:
 * printable ASCII other than capitals, simplified CJK ideographs and the CJK full stop/enumeration
 * comma (all stable under NFKC, lower-casing and OpenCC; none combines with a neighbour), single
 * spaces, no space at either end. Anything else takes the full path.
 */
function isNormal(s: string): boolean {
  const n = s.length;
  let prevSpace = true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= CJK_START && c <= CJK_END) {
      if (traditionalChars[c - CJK_START] === 1) {
        return false;
      }
      prevSpace = false;
    } else if (c === 32) {
      if (prevSpace) {
        return false;
      }
      prevSpace = true;
    } else if ((c > 32 && c < 65) || (c > 90 && c < 127) || c === 0x3001 || c === 0x3002) {
      prevSpace = false;
    } else {
      return false;
    }
  }
  return !prevSpace || n === 0;
}

/** Full/half width (NFKC), lower case, traditional → simplified, single spaces. */
export function normalizeText(input: string): string {
  if (isNormal(input)) {
    return input;
  }
  if (input.length > NORM_CACHE_LEN) {
    if (input !== lastIn) {
      lastOut = normalizeUncached(input);
      lastIn = input;
    }
    return lastOut;
  }
  let out = normCache.get(input);
  if (out === undefined) {
    out = normalizeUncached(input);
    if (normCache.size >= NORM_CACHE_MAX) {
      normCache.clear();
    }
    normCache.set(input, out);
  }
  return out;
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/**
 * Parses a Chinese or Arabic amount: "5k" → 5000, "5千" → 5000, "5000元" → 5000, "1万" → 10000,
 * "1.3万" → 13000, "一万一" → 11000, "七千" → 7000, "二十万" → 200000. Returns null if not a number.
 */
export function parseAmount(input: string): number | null {
  const s = normalizeText(input).replace(/[元块,，\s]|rmb|左右|以上|以下|\/月|每月/g, '');
  if (s === '') {
    return null;
  }
  const arabic = /^(\d+(?:\.\d+)?)(k|w|千|万)?$/.exec(s);
  if (arabic) {
    const n = Number(arabic[1]);
    const unit = arabic[2];
    const mult = unit === 'k' || unit === '千' ? 1000 : unit === 'w' || unit === '万' ? 10000 : 1;
    return Math.round(n * mult);
  }
  return parseChineseNumeral(s);
}

function parseChineseNumeral(s: string): number | null {
  let total = 0;
  let section = 0;
  let digit = -1;
  let lastUnit = 1;
  for (const ch of s) {
    const d = CN_DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const u = CN_UNITS[ch];
    if (u === undefined) {
      return null;
    }
    if (u === 10000) {
      section = (section + Math.max(digit, 0)) * 10000;
      total += section;
      section = 0;
      lastUnit = 10000;
    } else {
      section += (digit >= 0 ? digit : 1) * u;
      lastUnit = u;
    }
    digit = -1;
  }
  if (digit >= 0) {
    // "一万一" means 11000 and "三千五" means 3500: a trailing digit counts in the next lower unit.
    section += lastUnit >= 10 ? (digit * lastUnit) / 10 : digit;
  }
  const value = total + section;
  return Number.isFinite(value) && value > 0 ? value : null;
}

const AMOUNT_RE =
  /(\d+(?:\.\d+)?\s*(?:k|w|千|万)?|[零〇一二两三四五六七八九十百千万]{2,}|[一二两三四五六七八九十]万)(?:元|块)?/g;

/** Every amount in a text, in order ("月薪一万左右，低于8k不去" → [10000, 8000]). */
export function extractAmounts(text: string): number[] {
  const s = normalizeText(text);
  const out: number[] = [];
  for (const m of s.matchAll(AMOUNT_RE)) {
    const v = parseAmount(m[0]);
    if (v !== null) {
      out.push(v);
    }
  }
  return out;
}

/** Rewrites amounts in a text as Arabic numbers so they index and compare as one form. */
export function normalizeAmounts(text: string): string {
  return normalizeText(text).replace(AMOUNT_RE, (m) => {
    // Only rewrite things that look like money or counts with a unit; leave words such as 一个 alone.
    if (!/[\d千万k]/.test(m)) {
      return m;
    }
    const v = parseAmount(m);
    return v === null ? m : String(v);
  });
}

const STOPWORDS = new Set(
  '的 了 和 与 及 或 也 都 在 是 有 会 能 可 可以 就 还 要 想 做 干 过 我 你 他 她 以上 以下 及以上 左右 一些 一点 比较 熟悉 熟练 负责 相关 经验 工作 优先 进行 使用 能够 具备 一年 等 每 个 人 对 从 到 把 被 让 给 上 下 中 不 没 很 好'.split(
    ' ',
  ),
);

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

const PUNCT_RE = /^[\s\p{P}\p{S}]+$/u;

/** Chinese word segmentation with jieba, extended with every surface form of the thesaurus. */
export interface Segmenter {
  /** Precise mode: each character belongs to one token. */
  cut(text: string): string[];
  /** Search mode plus filtering: long words also yield their sub-words; stopwords and punctuation dropped. */
  terms(text: string): string[];
}

/**
 * Builds a segmenter whose dictionary is jieba's default plus `extraWords` (thesaurus surfaces, normalised),
 * so that "cnc操作工" or "数控车床" come out as one token instead of being split.
 */
export function createSegmenter(extraWords: Iterable<string>): Segmenter {
  const jieba = Jieba.withDict(dict);
  const lines: string[] = [];
  for (const w of extraWords) {
    // jieba's dictionary format is "word freq tag"; words with spaces cannot be expressed.
    if (w.length >= 2 && !/\s/.test(w)) {
      lines.push(`${w} 200000 n`);
    }
  }
  if (lines.length > 0) {
    jieba.loadDict(Buffer.from(lines.join('\n'), 'utf8'));
  }
  const keep = (t: string): string | undefined => {
    // Single characters (CJK or Latin) carry too little meaning to match on.
    if (t.length < 2 || STOPWORDS.has(t)) {
      return undefined;
    }
    const c = t.charCodeAt(0);
    const plain = (c >= 0x4e00 && c <= 0x9fff) || (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
    if (!plain && PUNCT_RE.test(t.trim() || ' ')) {
      return undefined;
    }
    return plain ? t : t.trim();
  };
  // jieba segments each maximal run of CJK/Latin/digit characters on its own (its "han" blocks) and
  // emits every other character alone, which terms() drops as single characters. So the terms of a
  // text are the concatenated terms of its blocks, and blocks repeat a lot ("五险一金", "数控车床",
  // "期望月薪6000左右"): they are memoised per segmenter (bounded, cleared when full). Blocks not yet
  // seen are cut in one jieba call (crossing into native code per block would cost more than the cut),
  // joined by newlines, which jieba returns as tokens of their own.
  const blockCache = new Map<string, readonly string[]>();
  const BLOCK_CACHE_MAX = 100_000;
  const blockSeen = new OnceFilter();
  const missTerms: Array<readonly string[]> = [];
  const blocks: string[] = [];
  const found: Array<readonly string[] | undefined> = [];
  const misses: string[] = [];
  return {
    cut(text: string): string[] {
      return jieba.cut(text, false);
    },
    terms(text: string): string[] {
      blocks.length = 0;
      found.length = 0;
      misses.length = 0;
      let start = -1;
      for (let i = 0; i <= text.length; i++) {
        const c = i < text.length ? text.charCodeAt(i) : 32;
        if (isBlockChar(c)) {
          if (start < 0) {
            start = i;
          }
        } else if (start >= 0) {
          const block = text.slice(start, i);
          const hit = blockCache.get(block);
          blocks.push(block);
          found.push(hit);
          if (hit === undefined) {
            misses.push(block);
          }
          start = -1;
        }
      }
      if (misses.length > 0) {
        if (blockCache.size + misses.length > BLOCK_CACHE_MAX) {
          blockCache.clear();
        }
        missTerms.length = 0;
        let cur: string[] = [];
        for (const t of jieba.cutForSearch(misses.join('\n'), false)) {
          if (t === '\n') {
            missTerms.push(cur);
            cur = [];
            continue;
          }
          const v = keep(t);
          if (v !== undefined) {
            cur.push(v);
          }
        }
        missTerms.push(cur);
        // Blocks seen once (a profile's own sentence) are not cached: only repeated ones are.
        for (let k = 0; k < misses.length; k++) {
          const block = misses[k] as string;
          if (blockSeen.seenBefore(block)) {
            blockCache.set(block, missTerms[k] as readonly string[]);
          }
        }
        let k = 0;
        for (let i = 0; i < blocks.length; i++) {
          if (found[i] === undefined) {
            found[i] = missTerms[k++];
          }
        }
      }
      const out: string[] = [];
      for (const terms of found) {
        for (const t of terms ?? []) {
          out.push(t);
        }
      }
      return out;
    },
  };
}

/**
 * Characters that can belong to a jieba block (conservative superset of its han-block class: CJK
 * ideographs incl. extensions and compatibility forms, surrogates, ASCII letters and digits, +#&._%-).
 * Splitting only at other characters keeps the segmentation identical.
 */
function isBlockChar(c: number): boolean {
  return (
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    (c >= 48 && c <= 57) ||
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    c === 43 ||
    c === 35 ||
    c === 38 ||
    c === 46 ||
    c === 95 ||
    c === 37 ||
    c === 45
  );
}

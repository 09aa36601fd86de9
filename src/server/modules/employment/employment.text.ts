/**
 * Small normalisations shared by search, import and priority marking. Pure.
 */

/** 宁波市 → 宁波, 景洪市 → 景洪; keeps two-character names such as 沙市 whole. */
export function normalizeCity(value: string): string {
  const v = value.trim().replace(/\s+/g, '');
  return v.length > 2 && v.endsWith('市') ? v.slice(0, -1) : v;
}

const PROVINCE_SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '特别行政区', '省', '市'];

/** 贵州省 → 贵州, 广西壮族自治区 → 广西, 黔 → 贵州 (short names used in 黔籍 etc.). */
export function normalizeProvince(value: string): string {
  let v = value.trim();
  const short = PROVINCE_ABBREVIATIONS[v];
  if (short) {
    return short;
  }
  for (const suffix of PROVINCE_SUFFIXES) {
    if (v.length > suffix.length + 1 && v.endsWith(suffix)) {
      v = v.slice(0, -suffix.length);
      break;
    }
  }
  return v;
}

const PROVINCE_ABBREVIATIONS: Record<string, string> = {
  黔: '贵州',
  滇: '云南',
  川: '四川',
  蜀: '四川',
  渝: '重庆',
  湘: '湖南',
  鄂: '湖北',
  豫: '河南',
  皖: '安徽',
  赣: '江西',
  桂: '广西',
  浙: '浙江',
  苏: '江苏',
  粤: '广东',
};

/** The applicant counts as priority when the hometown is one of the provinces named. */
export function isPriorityOrigin(hometown: string | null, provinces: readonly string[]): boolean {
  if (!hometown) {
    return false;
  }
  const home = normalizeProvince(hometown);
  return provinces.some((p) => {
    const wanted = normalizeProvince(p);
    return wanted.length > 0 && (home === wanted || home.startsWith(wanted));
  });
}

/** Splits a cell such as `包吃住、五险一金` into its items. */
export function splitList(value: string | undefined | null): string[] {
  if (!value) {
    return [];
  }
  return value
    .split(/[,，、;；|/\n]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The lower-cased text the simple keyword search matches against. */
export function searchTextOf(parts: (string | null | undefined | readonly string[])[]): string {
  return parts
    .flatMap((p) => (Array.isArray(p) ? p : [p]))
    .filter((p): p is string => typeof p === 'string' && p.length > 0)
    .join(' ')
    .normalize('NFKC')
    .toLowerCase();
}

/** Keywords of a query: NFKC (full-width → half-width), lower case, split on spaces and punctuation. */
export function keywordsOf(q: string | undefined): string[] {
  if (!q) {
    return [];
  }
  return [
    ...new Set(
      q
        .normalize('NFKC')
        .toLowerCase()
        .split(/[\s,，、;；]+/)
        .filter(Boolean),
    ),
  ].slice(0, 8);
}

export const LOCALES = ['zh-CN', 'en', 'lo'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A text in every language the product speaks: the compiler refuses a missing one. */
export type Localized = Record<Locale, string>;

/** Picks the best supported language from an Accept-Language header (RFC 9110 weights). */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) {
    return DEFAULT_LOCALE;
  }
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (primary === 'zh') {
      return 'zh-CN';
    }
    if (primary === 'en') {
      return 'en';
    }
    if (primary === 'lo') {
      return 'lo';
    }
  }
  return DEFAULT_LOCALE;
}

/** Fills `{name}` placeholders. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

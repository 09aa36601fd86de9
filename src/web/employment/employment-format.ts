import type { TFunction } from 'i18next';
import { formatNumber } from '../shared/format.ts';
import type { ApplicationStatus } from './employment.api.ts';

/** "7,000–9,100 元/月", "5,000 元/月起", or "薪资面议". */
export function salaryText(min: number | null, max: number | null, t: TFunction, language: string): string {
  const f = (n: number) => formatNumber(n, language);
  if (min !== null && max !== null) {
    return min === max
      ? t('employment:salary.exact', { value: f(min) })
      : t('employment:salary.range', { min: f(min), max: f(max) });
  }
  if (min !== null) {
    return t('employment:salary.from', { value: f(min) });
  }
  if (max !== null) {
    return t('employment:salary.upTo', { value: f(max) });
  }
  return t('employment:salary.negotiable');
}

/** An entry ending in （优先） is preferred, any other is required (the dataset's convention). */
export function splitPreferred(items: readonly string[]): { required: string[]; preferred: string[] } {
  const required: string[] = [];
  const preferred: string[] = [];
  for (const item of items) {
    const m = /^(.*?)[（(]优先[）)]$/.exec(item);
    if (m?.[1]) {
      preferred.push(m[1]);
    } else {
      required.push(item);
    }
  }
  return { required, preferred };
}

/** Colours of antd-mobile tags for each application status. */
// antd-mobile's own success/warning colours miss WCAG AA on small tags; these keep the hue, darker.
export const STATUS_TAG: Record<ApplicationStatus, string> = {
  submitted: '#595959',
  viewed: '#0958d9',
  interview: '#ad4e00',
  hired: '#237804',
  onboarded: '#237804',
  rejected: '#595959',
  withdrawn: '#595959',
};

/** Parses a list typed as 「A、B，C」 or "A, B" into its items. */
export function splitList(text: string | undefined | null): string[] {
  return (text ?? '')
    .split(/[,，、;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A distance for people: "850 米" / "2.4 公里". */
export function distanceText(metres: number, t: TFunction): string {
  return metres < 1000
    ? t('employment:near.metres', { value: Math.round(metres) })
    : t('employment:near.km', { value: (metres / 1000).toFixed(1) });
}

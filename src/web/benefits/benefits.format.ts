import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { ApiError } from '../shared/api-client.ts';
import type { PriorityRule } from './benefits.api.ts';

/** Money is whole fen on the wire; people read yuan. */
export function yuan(fen: number): number {
  return fen / 100;
}

function intlLocale(language: string): string {
  return language === 'lo' ? 'lo-LA' : language;
}

/** ¥1,234 or ¥12.50 (cents only when there are any). */
export function formatYuan(fen: number, language: string): string {
  const whole = fen % 100 === 0;
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(yuan(fen));
}

/** Large sums on dashboards: ¥1.16亿 / ¥116M. */
export function formatYuanCompact(fen: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    maximumFractionDigits: 2,
  }).format(yuan(fen));
}

/** "满100减20" / "50元无门槛" in the reader's language (the server's label is Chinese). */
export function voucherLabel(t: TFunction, faceValueFen: number, thresholdFen: number): string {
  const value = String(yuan(faceValueFen));
  if (thresholdFen > 0) {
    return t('benefits:label.threshold', { threshold: String(yuan(thresholdFen)), value });
  }
  return t('benefits:label.noThreshold', { value });
}

export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return new Intl.DateTimeFormat(intlLocale(language), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

export function formatShortDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return new Intl.DateTimeFormat(intlLocale(language), {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

export function formatTime(iso: string, language: string): string {
  const date = new Date(iso);
  return new Intl.DateTimeFormat(intlLocale(language), {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(date);
}

/** 02:03:04, or "3天 02:03:04" through the catalogue when days remain. */
export function formatCountdown(ms: number, t: TFunction): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = `${pad(Math.floor((total % 86_400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return days > 0 ? t('benefits:countdown.days', { days, clock }) : clock;
}

/** The current time, ticking every `intervalMs`. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * The server's message, with any raw ISO instant in it (e.g. "已于 2026-11-29T23:01:15.555Z 核销")
 * shown as a local date and time.
 */
export function messageOf(e: unknown, t: TFunction, language?: string): string {
  if (e instanceof ApiError) {
    return e.message.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})/g, (iso) =>
      formatDateTimeShort(iso, language ?? 'zh-CN'),
    );
  }
  return t('shared:error.unknown');
}

/** Today in China time as YYYY-MM-DD (statements and day lists are China-dated). */
export function chinaToday(offsetDays = 0): string {
  const d = new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** Voucher codes are easier to read aloud in groups of four. */
export function groupDigits(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

export function priorityText(t: TFunction, rule: PriorityRule): string {
  return rule.kind === 'tag'
    ? t('benefits:route.priorityTag', { tag: rule.tag })
    : t('benefits:route.priorityYears', { years: rule.min });
}

function formatDateTimeShort(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return new Intl.DateTimeFormat(intlLocale(language), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

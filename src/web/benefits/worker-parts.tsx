import { Button, DotLoading, ErrorBlock } from 'antd-mobile';
import type { TFunction } from 'i18next';
import { type CSSProperties, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from './benefits.api.ts';

/** Small pieces the worker-app pages of this module share. */

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  // biome-ignore lint/correctness/useExhaustiveDependencies: deps are the caller's; tick reloads
  useEffect(() => {
    let cancelled = false;
    loadRef
      .current()
      .then((value) => {
        if (!cancelled) {
          setData(value);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (!cancelled) {
          setError(e instanceof Error ? e.message : String(e));
        }
      });
    return () => {
      cancelled = true;
    };
  }, [...deps, tick]);
  const reload = useCallback(async () => {
    setTick((n) => n + 1);
  }, []);
  return { data, error, reload };
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="gy-bf-loading" role="status">
      {t('benefits:common.loading')}
      <DotLoading />
    </div>
  );
}

export function LoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <ErrorBlock status="default" title={t('shared:error.loadFailed')} description={message}>
      <Button size="small" onClick={onRetry}>
        {t('shared:action.retry')}
      </Button>
    </ErrorBlock>
  );
}

export function acceptanceText(t: TFunction, campaign: Campaign | undefined): string {
  if (!campaign) {
    return t('benefits:voucher.acceptUnknown');
  }
  const parts: string[] = [];
  if (campaign.acceptCategories.length > 0) {
    parts.push(campaign.acceptCategories.map((c) => t(`benefits:category.${c}`)).join('、'));
  }
  if (campaign.acceptMerchantIds.length > 0) {
    parts.push(t('benefits:voucher.acceptListed', { count: campaign.acceptMerchantIds.length }));
  }
  return parts.length > 0 ? parts.join(' · ') : t('benefits:voucher.acceptAll');
}

export type ChipTone = 'danger' | 'success' | 'warning' | 'primary' | 'default';

/** A small status label; antd-mobile's coloured tags miss WCAG AA contrast on their tints. */
export function Chip({
  tone,
  children,
  style,
}: {
  tone: ChipTone;
  children: ReactNode;
  style?: CSSProperties;
}) {
  return (
    <span className={`gy-bf-chip gy-bf-chip-${tone}`} style={style}>
      {children}
    </span>
  );
}

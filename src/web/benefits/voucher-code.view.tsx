import { Button, NoticeBar, Steps } from 'antd-mobile';
import i18next from 'i18next';
import QRCode from 'qrcode';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shared/api-client.ts';
import { type Campaign, campaignApi, type Voucher, type VoucherCode, voucherApi } from './benefits.api.ts';
import {
  formatDate,
  formatShortDateTime,
  formatYuan,
  groupDigits,
  messageOf,
  useNow,
  voucherLabel,
  yuan,
} from './benefits.format.ts';
import { acceptanceText, Chip, LoadError, Loading, useLoad } from './worker-parts.tsx';

interface Shown {
  code: VoucherCode;
  image: string;
  /** When this code was fetched (client clock), to draw the countdown bar. */
  since: number;
  /** refreshAt on the client clock (corrects for a phone clock that is off). */
  refreshAt: number;
}

/** The rotating code: fetched again shortly before `refreshAt`, and when the page comes back into view. */
function useRotatingCode(voucherId: string, enabled: boolean) {
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const fetchCode = useCallback(async () => {
    clearTimeout(timer.current);
    try {
      const code = await voucherApi.code(voucherId);
      const receivedAt = Date.now();
      const image = await QRCode.toDataURL(code.qrPayload, {
        width: 480,
        margin: 1,
        errorCorrectionLevel: 'M',
        color: { dark: '#1f1f1f', light: '#ffffff' },
      });
      // Codes live until the next 30-second window. A phone whose clock is off would see a
      // refresh time in the past or far ahead; then assume most of a window is left.
      let lifetime = Date.parse(code.refreshAt) - receivedAt;
      if (!(lifetime > 0 && lifetime <= 30_000)) {
        lifetime = 25_000;
      }
      const refreshAt = receivedAt + lifetime;
      setShown({ code, image, since: receivedAt, refreshAt });
      setError(null);
      // fetch the next one a moment early, so the picture never shows an expired code
      timer.current = setTimeout(() => void fetchCode(), Math.max(1000, lifetime - 800));
    } catch (e) {
      setError(messageOf(e, i18next.t));
      if (!(e instanceof ApiError) || e.status === 0 || e.status >= 500) {
        timer.current = setTimeout(() => void fetchCode(), 5000);
      }
    }
  }, [voucherId]);

  useEffect(() => {
    if (!enabled) {
      return;
    }
    void fetchCode();
    const onVisible = () => {
      if (document.visibilityState === 'visible') {
        void fetchCode();
      } else {
        clearTimeout(timer.current);
      }
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer.current);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [enabled, fetchCode]);

  return { shown, error, refresh: fetchCode };
}

/** One voucher: its QR code and digits while usable, and its history. */
export function VoucherCodeView({ voucherId, onBack }: { voucherId: string; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data, error, reload } = useLoad(async () => {
    const voucher = await voucherApi.get(voucherId);
    const campaign = await campaignApi.get(voucher.campaignId).catch(() => undefined);
    return { voucher, campaign };
  }, [voucherId]);
  const usable = data?.voucher.usable ?? false;
  const rotating = useRotatingCode(voucherId, usable);

  if (error && !data) {
    return <LoadError message={error} onRetry={() => void reload()} />;
  }
  if (!data) {
    return <Loading />;
  }
  const { voucher, campaign } = data;
  return (
    <div className="gy-bf-page">
      <div className="gy-bf-subnav">
        <button type="button" className="gy-bf-link" onClick={onBack}>
          {t('benefits:voucher.backToList')}
        </button>
      </div>
      <section className="gy-bf-code-card" aria-labelledby="voucher-title">
        <header className="gy-bf-code-head">
          <div className="gy-bf-code-amount">
            <small>¥</small>
            {yuan(voucher.faceValueFen)}
          </div>
          <div>
            <h2 id="voucher-title" className="gy-bf-code-title">
              {voucher.campaignName}
            </h2>
            <div className="gy-bf-code-sub">
              {voucherLabel(t, voucher.faceValueFen, voucher.thresholdFen)} ·{' '}
              {t('benefits:voucher.no', { no: voucher.no })}
            </div>
          </div>
        </header>
        {usable ? (
          <CodeBlock rotating={rotating} />
        ) : (
          <div className="gy-bf-code-state">
            <Chip tone="default">{t(`benefits:voucherStatus.${voucher.status}`)}</Chip>
            <p>{t('benefits:voucher.notUsable')}</p>
          </div>
        )}
      </section>
      <VoucherFacts voucher={voucher} campaign={campaign} lang={lang} />
      {voucher.history && voucher.history.length > 0 && (
        <section className="gy-bf-panel" aria-labelledby="history-title">
          <h2 id="history-title" className="gy-bf-section-title">
            {t('benefits:voucher.historyTitle')}
          </h2>
          <Steps direction="vertical" current={voucher.history.length - 1}>
            {voucher.history.map((e) => (
              <Steps.Step
                key={`${e.at}-${e.to}`}
                title={t(`benefits:voucherStatus.${e.to}`)}
                description={[formatShortDateTime(e.at, lang), e.reason].filter(Boolean).join(' · ')}
                status="finish"
              />
            ))}
          </Steps>
        </section>
      )}
    </div>
  );
}

function CodeBlock({ rotating }: { rotating: ReturnType<typeof useRotatingCode> }) {
  const { t } = useTranslation();
  const now = useNow(250);
  const { shown, error } = rotating;
  if (!shown) {
    return error ? <NoticeBar content={error} color="error" wrap /> : <Loading />;
  }
  // codes live in 30-second windows; the ring shows how much of this one is left
  const total = 30_000;
  const left = Math.max(0, shown.refreshAt - now);
  const seconds = Math.ceil(left / 1000);
  const fraction = Math.min(1, left / total);
  const r = 15.9155;
  return (
    <div className="gy-bf-code-body">
      <img
        className="gy-bf-qr"
        src={shown.image}
        alt={t('benefits:voucher.qrAlt')}
        width={240}
        height={240}
      />
      <p className="gy-bf-digits gy-mono">{groupDigits(shown.code.code)}</p>
      <span className="gy-bf-code-raw" data-testid="voucher-code">
        {shown.code.code}
      </span>
      <div
        className="gy-bf-ring-row"
        role="timer"
        aria-live="off"
        aria-label={t('benefits:voucher.refreshIn', { seconds })}
      >
        <svg viewBox="0 0 36 36" width="36" height="36" aria-hidden="true">
          <circle cx="18" cy="18" r={r} fill="none" stroke="#f0f0f0" strokeWidth="3.5" />
          <circle
            cx="18"
            cy="18"
            r={r}
            fill="none"
            stroke="var(--gy-red)"
            strokeWidth="3.5"
            strokeDasharray={`${fraction * 100} 100`}
            strokeLinecap="round"
            transform="rotate(-90 18 18)"
          />
        </svg>
        <span>{t('benefits:voucher.refreshIn', { seconds })}</span>
        <Button size="mini" fill="none" color="primary" onClick={() => void rotating.refresh()}>
          {t('shared:action.refresh')}
        </Button>
      </div>
      <p className="gy-bf-code-note">{t('benefits:voucher.screenshotNote')}</p>
    </div>
  );
}

function VoucherFacts({
  voucher,
  campaign,
  lang,
}: {
  voucher: Voucher;
  campaign: Campaign | undefined;
  lang: string;
}) {
  const { t } = useTranslation();
  return (
    <section className="gy-bf-panel" aria-labelledby="facts-title">
      <h2 id="facts-title" className="gy-bf-section-title">
        {t('benefits:voucher.rules')}
      </h2>
      <dl className="gy-bf-facts">
        <dt>{t('benefits:voucher.value')}</dt>
        <dd>
          {voucher.thresholdFen > 0
            ? t('benefits:voucher.valueThreshold', {
                value: formatYuan(voucher.faceValueFen, lang),
                threshold: formatYuan(voucher.thresholdFen, lang),
              })
            : t('benefits:voucher.valueFlat', { value: formatYuan(voucher.faceValueFen, lang) })}
        </dd>
        <dt>{t('benefits:voucher.validity')}</dt>
        <dd>
          {formatDate(voucher.validFrom, lang)} – {formatDate(voucher.validUntil, lang)}
        </dd>
        <dt>{t('benefits:voucher.accepted')}</dt>
        <dd>{acceptanceText(t, campaign)}</dd>
        <dt>{t('benefits:voucher.issuedAt')}</dt>
        <dd>{formatShortDateTime(voucher.issuedAt, lang)}</dd>
        {campaign && (
          <>
            <dt>{t('benefits:voucher.fundedBy')}</dt>
            <dd>{campaign.orgName}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

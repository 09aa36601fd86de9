import { Button, Dialog, ErrorBlock, Input, NoticeBar, Popup, Tabs, TextArea, Toast } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../shared/api-client.ts';
import { cashierApi, newIdempotencyKey, type Redemption } from './benefits.api.ts';
import { chinaToday, formatShortDateTime, formatTime, formatYuan, messageOf } from './benefits.format.ts';
import { Chip, LoadError, Loading, useLoad } from './worker-parts.tsx';
import './benefits.css';

type TabKey = 'redeem' | 'today' | 'statement';

/** 商户核销: the cashier's page — redeem a code, today's redemptions (with reversal), statements. */
export function MerchantRedeemPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as TabKey | null) ?? 'redeem';
  const merchant = useLoad(() => cashierApi.me(), []);
  const [todaySignal, setTodaySignal] = useState(0);

  if (merchant.error && !merchant.data) {
    return <LoadError message={merchant.error} onRetry={() => void merchant.reload()} />;
  }
  if (!merchant.data) {
    return <Loading />;
  }
  const m = merchant.data;
  const outlet = m.outlets.find((o) => o.id === m.outletId);
  return (
    <div className="gy-bf-page">
      <header className="gy-bf-merchant-head">
        <h2 className="gy-bf-merchant-name">{m.name}</h2>
        <div className="gy-bf-merchant-sub">
          {outlet ? outlet.name : t('benefits:cashier.allOutlets')} · {t(`benefits:category.${m.category}`)}
          {!m.inContract && (
            <Chip tone="warning" style={{ marginLeft: 8 }}>
              {t('benefits:cashier.outOfContract')}
            </Chip>
          )}
        </div>
      </header>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        className="gy-bf-tabs"
      >
        <Tabs.Tab title={t('benefits:cashier.tabRedeem')} key="redeem">
          <RedeemForm outletId={m.outletId} onRedeemed={() => setTodaySignal((n) => n + 1)} />
        </Tabs.Tab>
        <Tabs.Tab title={t('benefits:cashier.tabToday')} key="today">
          <TodayList signal={todaySignal} />
        </Tabs.Tab>
        <Tabs.Tab title={t('benefits:cashier.tabStatement')} key="statement">
          <StatementView />
        </Tabs.Tab>
      </Tabs>
    </div>
  );
}

// ── redeem ───────────────────────────────────────────────────────────────────

/** Scanned QR codes carry `GYV1:<code>`; cashiers may also paste or type with spaces. */
export function cleanCode(raw: string): string {
  return raw
    .trim()
    .replace(/^GYV1:/i, '')
    .replace(/[\s-]/g, '');
}

function parseAmount(text: string): number | null {
  const value = text.trim().replace(/[,，¥￥\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(value)) {
    return null;
  }
  const fen = Math.round(Number(value) * 100);
  return fen > 0 ? fen : null;
}

function RedeemForm({ outletId, onRedeemed }: { outletId: string | null; onRedeemed: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [code, setCode] = useState('');
  const [amount, setAmount] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Redemption | null>(null);
  const [problem, setProblem] = useState<{ title: string; detail: string } | null>(null);
  const [fieldError, setFieldError] = useState<{ code?: string; amount?: string }>({});
  const [scanning, setScanning] = useState(false);
  const canScan = typeof window !== 'undefined' && 'BarcodeDetector' in window;

  const submit = async () => {
    const cleaned = cleanCode(code);
    const fen = parseAmount(amount);
    const errors: { code?: string; amount?: string } = {};
    if (!/^\d{7,40}$/.test(cleaned)) {
      errors.code = t('benefits:cashier.codeInvalid');
    }
    if (fen === null) {
      errors.amount = t('benefits:cashier.amountInvalid');
    }
    setFieldError(errors);
    if (errors.code || errors.amount || fen === null) {
      return;
    }
    setBusy(true);
    setProblem(null);
    setResult(null);
    const key = newIdempotencyKey();
    try {
      let redemption: Redemption | null = null;
      for (let attempt = 0; redemption === null; attempt++) {
        try {
          redemption = await cashierApi.redeem(
            { code: cleaned, orderAmountFen: fen, ...(outletId ? { outletId } : {}) },
            key,
          );
        } catch (e) {
          const transient = e instanceof ApiError && (e.status === 0 || e.status >= 500);
          if (!transient || attempt >= 2) {
            throw e;
          }
          await new Promise((resolve) => setTimeout(resolve, 700));
        }
      }
      setResult(redemption);
      setCode('');
      setAmount('');
      onRedeemed();
    } catch (e) {
      const already = e instanceof ApiError && e.code === 'benefits/already-redeemed';
      if (e instanceof ApiError && e.errors.length > 0) {
        const byField = e.fieldErrors();
        const codeErrors = byField.get('code');
        const amountErrors = byField.get('orderAmountFen');
        setFieldError({
          ...(codeErrors ? { code: codeErrors.join(' ') } : {}),
          ...(amountErrors ? { amount: amountErrors.join(' ') } : {}),
        });
      }
      setProblem({
        title: already ? t('benefits:cashier.alreadyTitle') : t('benefits:cashier.refusedTitle'),
        detail: messageOf(e, t, lang),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="gy-bf-redeem">
      {result && (
        <section className="gy-bf-result gy-bf-result-ok" role="status" aria-labelledby="redeem-ok">
          <h2 id="redeem-ok" className="gy-bf-result-title">
            {t('benefits:cashier.successTitle')}
          </h2>
          <dl className="gy-bf-facts">
            <dt>{t('benefits:cashier.campaign')}</dt>
            <dd>{result.campaignName}</dd>
            <dt>{t('benefits:cashier.voucherNo')}</dt>
            <dd className="gy-mono">{result.voucherNo}</dd>
            <dt>{t('benefits:cashier.orderAmount')}</dt>
            <dd>{formatYuan(result.orderAmountFen, lang)}</dd>
            <dt>{t('benefits:cashier.discount')}</dt>
            <dd className="gy-bf-red">−{formatYuan(result.discountFen, lang)}</dd>
            <dt>{t('benefits:cashier.payable')}</dt>
            <dd className="gy-bf-payable">{formatYuan(result.payableFen, lang)}</dd>
          </dl>
          <p className="gy-bf-hint">
            {t('benefits:cashier.redeemedAt', { time: formatTime(result.redeemedAt, lang) })}
          </p>
        </section>
      )}
      {problem && (
        <section className="gy-bf-result gy-bf-result-bad" role="alert" aria-labelledby="redeem-bad">
          <h2 id="redeem-bad" className="gy-bf-result-title">
            {problem.title}
          </h2>
          <p>{problem.detail}</p>
        </section>
      )}
      <form
        className="gy-bf-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <div className="gy-bf-field">
          <label htmlFor="redeem-code" className="gy-bf-label">
            {t('benefits:cashier.code')}
          </label>
          <div className="gy-bf-code-row">
            <Input
              id="redeem-code"
              className="gy-bf-code-input"
              inputMode="numeric"
              autoComplete="off"
              placeholder={t('benefits:cashier.codePlaceholder')}
              value={code}
              onChange={setCode}
              aria-invalid={fieldError.code ? true : undefined}
              aria-describedby={fieldError.code ? 'redeem-code-error' : undefined}
            />
            {canScan && (
              <Button color="primary" fill="outline" onClick={() => setScanning(true)}>
                {t('benefits:cashier.scan')}
              </Button>
            )}
          </div>
          {fieldError.code && (
            <div id="redeem-code-error" className="gy-bf-field-error">
              {fieldError.code}
            </div>
          )}
        </div>
        <div className="gy-bf-field">
          <label htmlFor="redeem-amount" className="gy-bf-label">
            {t('benefits:cashier.orderAmountYuan')}
          </label>
          <Input
            id="redeem-amount"
            className="gy-bf-amount-input"
            inputMode="decimal"
            autoComplete="off"
            placeholder={t('benefits:cashier.amountPlaceholder')}
            value={amount}
            onChange={setAmount}
            aria-invalid={fieldError.amount ? true : undefined}
            aria-describedby={fieldError.amount ? 'redeem-amount-error' : undefined}
          />
          {fieldError.amount && (
            <div id="redeem-amount-error" className="gy-bf-field-error">
              {fieldError.amount}
            </div>
          )}
        </div>
        <Button block type="submit" color="primary" size="large" loading={busy}>
          {t('benefits:cashier.redeem')}
        </Button>
        <p className="gy-bf-hint">{t('benefits:cashier.redeemHint')}</p>
      </form>
      {canScan && (
        <ScanPopup
          open={scanning}
          onClose={() => setScanning(false)}
          onCode={(value) => {
            setCode(cleanCode(value));
            setScanning(false);
          }}
        />
      )}
    </div>
  );
}

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorCtor = new (options?: { formats?: string[] }) => BarcodeDetectorLike;

/** Camera scanning where the browser has the BarcodeDetector API (Chrome on Android). */
function ScanPopup({
  open,
  onClose,
  onCode,
}: {
  open: boolean;
  onClose: () => void;
  onCode: (v: string) => void;
}) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  useEffect(() => {
    if (!open) {
      return;
    }
    let stream: MediaStream | null = null;
    let stopped = false;
    let frame = 0;
    const Detector = (window as unknown as { BarcodeDetector: BarcodeDetectorCtor }).BarcodeDetector;
    const detector = new Detector({ formats: ['qr_code'] });
    setError(null);
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s;
        const video = videoRef.current;
        if (!video || stopped) {
          return;
        }
        video.srcObject = s;
        await video.play();
        const tick = async () => {
          if (stopped) {
            return;
          }
          try {
            const found = await detector.detect(video);
            const first = found[0];
            if (first) {
              onCodeRef.current(first.rawValue);
              return;
            }
          } catch {
            // a frame that could not be read; try the next
          }
          frame = window.setTimeout(() => void tick(), 250);
        };
        void tick();
      })
      .catch(() => setError(t('benefits:cashier.cameraDenied')));
    return () => {
      stopped = true;
      clearTimeout(frame);
      for (const track of stream?.getTracks() ?? []) {
        track.stop();
      }
    };
  }, [open, t]);

  return (
    <Popup visible={open} onMaskClick={onClose} bodyStyle={{ padding: 16, borderRadius: '16px 16px 0 0' }}>
      <h2 className="gy-bf-section-title">{t('benefits:cashier.scanTitle')}</h2>
      {error ? (
        <NoticeBar content={error} color="error" wrap />
      ) : (
        <video
          ref={videoRef}
          className="gy-bf-video"
          muted
          playsInline
          aria-label={t('benefits:cashier.scanTitle')}
        />
      )}
      <Button block onClick={onClose} style={{ marginTop: 12 }}>
        {t('shared:action.cancel')}
      </Button>
    </Popup>
  );
}

// ── today ────────────────────────────────────────────────────────────────────

function TodayList({ signal }: { signal: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data, error, reload } = useLoad(() => cashierApi.today(), [signal]);
  const [reversing, setReversing] = useState<Redemption | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const now = Date.now();

  if (error && !data) {
    return <LoadError message={error} onRetry={() => void reload()} />;
  }
  if (!data) {
    return <Loading />;
  }
  const done = data.items.filter((r) => r.status === 'completed');
  const totalDiscount = done.reduce((sum, r) => sum + r.discountFen, 0);
  const totalOrders = done.reduce((sum, r) => sum + r.orderAmountFen, 0);

  const reverse = async () => {
    if (!reversing) {
      return;
    }
    if (reason.trim().length < 2) {
      setProblem(t('benefits:cashier.reasonRequired'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await cashierApi.reverse(reversing.id, reason.trim());
      setReversing(null);
      setReason('');
      Toast.show({ icon: 'success', content: t('benefits:cashier.reversed') });
      void reload();
    } catch (e) {
      setProblem(messageOf(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <section className="gy-bf-summary" aria-label={t('benefits:cashier.todaySummary')}>
        <div>
          <strong>{done.length}</strong>
          <span>{t('benefits:cashier.countLabel')}</span>
        </div>
        <div>
          <strong>{formatYuan(totalDiscount, lang)}</strong>
          <span>{t('benefits:cashier.discountLabel')}</span>
        </div>
        <div>
          <strong>{formatYuan(totalOrders, lang)}</strong>
          <span>{t('benefits:cashier.ordersLabel')}</span>
        </div>
      </section>
      {data.items.length === 0 ? (
        <ErrorBlock
          status="empty"
          title={t('benefits:cashier.todayEmptyTitle')}
          description={t('benefits:cashier.todayEmpty')}
        />
      ) : (
        <ul className="gy-bf-list" aria-label={t('benefits:cashier.tabToday')}>
          {data.items.map((r) => {
            const reversible =
              r.status === 'completed' && r.reversibleUntil !== null && Date.parse(r.reversibleUntil) > now;
            return (
              <li key={r.id} className="gy-bf-line">
                <div className="gy-bf-line-main">
                  <div className="gy-bf-line-title">
                    <span className="gy-mono">{r.voucherNo}</span>
                    <Chip tone={r.status === 'completed' ? 'success' : 'warning'}>
                      {t(`benefits:redemptionStatus.${r.status}`)}
                    </Chip>
                  </div>
                  <div className="gy-bf-outlet-sub">{r.campaignName}</div>
                  <div className="gy-bf-outlet-sub">
                    {formatTime(r.redeemedAt, lang)} ·{' '}
                    {t('benefits:cashier.lineAmounts', {
                      order: formatYuan(r.orderAmountFen, lang),
                      discount: formatYuan(r.discountFen, lang),
                    })}
                  </div>
                  {r.reverseReason && (
                    <div className="gy-bf-outlet-sub">
                      {t('benefits:cashier.reasonShown', { reason: r.reverseReason })}
                    </div>
                  )}
                </div>
                {reversible && (
                  <Button
                    size="small"
                    fill="outline"
                    onClick={() => {
                      setReversing(r);
                      setReason('');
                      setProblem(null);
                    }}
                    aria-label={`${t('benefits:cashier.reverse')} ${r.voucherNo}`}
                  >
                    {t('benefits:cashier.reverse')}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Popup
        visible={reversing !== null}
        onMaskClick={() => setReversing(null)}
        bodyStyle={{ padding: 16, borderRadius: '16px 16px 0 0' }}
      >
        <div role="dialog" aria-labelledby="reverse-title">
          <h2 id="reverse-title" className="gy-bf-section-title">
            {t('benefits:cashier.reverseTitle', { no: reversing?.voucherNo ?? '' })}
          </h2>
          <p className="gy-bf-hint">{t('benefits:cashier.reverseHint')}</p>
          {problem && <NoticeBar content={problem} color="error" wrap />}
          <label htmlFor="reverse-reason" className="gy-bf-label">
            {t('benefits:cashier.reason')}
          </label>
          <TextArea
            id="reverse-reason"
            value={reason}
            onChange={setReason}
            maxLength={200}
            showCount
            rows={3}
            placeholder={t('benefits:cashier.reasonPlaceholder')}
          />
          <div className="gy-bf-actions">
            <Button onClick={() => setReversing(null)}>{t('shared:action.cancel')}</Button>
            <Button color="primary" loading={busy} onClick={() => void reverse()}>
              {t('benefits:cashier.confirmReverse')}
            </Button>
          </div>
        </div>
      </Popup>
    </div>
  );
}

// ── statement ────────────────────────────────────────────────────────────────

function StatementView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [from, setFrom] = useState(() => `${chinaToday().slice(0, 8)}01`);
  const [to, setTo] = useState(() => chinaToday());
  const [period, setPeriod] = useState({ from, to });
  const { data, error, reload } = useLoad(() => cashierApi.statement(period.from, period.to), [period]);
  const [downloading, setDownloading] = useState(false);

  const download = async () => {
    setDownloading(true);
    try {
      await cashierApi.statementXlsx(period.from, period.to);
    } catch (e) {
      await Dialog.alert({
        'aria-label': t('shared:error.unknown'),
        content: messageOf(e, t),
        confirmText: t('shared:action.ok'),
      });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div>
      <form
        className="gy-bf-period"
        onSubmit={(e) => {
          e.preventDefault();
          if (from && to && from <= to) {
            setPeriod({ from, to });
          }
        }}
      >
        <label className="gy-bf-date">
          <span>{t('benefits:cashier.from')}</span>
          <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} required />
        </label>
        <label className="gy-bf-date">
          <span>{t('benefits:cashier.to')}</span>
          <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} required />
        </label>
        <Button type="submit" color="primary" size="small">
          {t('shared:action.search')}
        </Button>
      </form>
      {error && !data && <LoadError message={error} onRetry={() => void reload()} />}
      {!data && !error && <Loading />}
      {data && (
        <>
          <section className="gy-bf-summary" aria-label={t('benefits:cashier.statementSummary')}>
            <div>
              <strong>{data.count}</strong>
              <span>{t('benefits:cashier.countLabel')}</span>
            </div>
            <div>
              <strong>{formatYuan(data.owedFen, lang)}</strong>
              <span>{t('benefits:cashier.owedLabel')}</span>
            </div>
            <div>
              <strong>{formatYuan(data.orderAmountFen, lang)}</strong>
              <span>{t('benefits:cashier.ordersLabel')}</span>
            </div>
          </section>
          <div className="gy-bf-panel">
            <Button
              block
              color="primary"
              fill="outline"
              loading={downloading}
              onClick={() => void download()}
            >
              {t('benefits:cashier.downloadXlsx')}
            </Button>
          </div>
          {data.byCampaign.length > 0 && (
            <section className="gy-bf-panel" aria-labelledby="by-campaign">
              <h2 id="by-campaign" className="gy-bf-section-title">
                {t('benefits:cashier.byCampaign')}
              </h2>
              <ul className="gy-bf-plain">
                {data.byCampaign.map((c) => (
                  <li key={c.campaignId}>
                    <span>{c.campaignName}</span>
                    <span>
                      {t('benefits:cashier.campaignLine', {
                        count: c.count,
                        owed: formatYuan(c.owedFen, lang),
                      })}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="gy-bf-panel" aria-labelledby="lines">
            <h2 id="lines" className="gy-bf-section-title">
              {t('benefits:cashier.lines')}
            </h2>
            {data.lines.length === 0 ? (
              <p className="gy-bf-hint">{t('benefits:cashier.noLines')}</p>
            ) : (
              <ul className="gy-bf-plain">
                {data.lines.slice(0, 200).map((r) => (
                  <li key={r.id}>
                    <span>
                      {formatShortDateTime(r.redeemedAt, lang)} <span className="gy-mono">{r.voucherNo}</span>
                    </span>
                    <span className={r.status === 'reversed' ? 'gy-bf-struck' : ''}>
                      {formatYuan(r.discountFen, lang)}
                      {r.status === 'reversed' && ` (${t('benefits:redemptionStatus.reversed')})`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}

import { Button, Dialog, ErrorBlock, NoticeBar, ProgressBar, PullToRefresh, Tabs } from 'antd-mobile';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../shared/api-client.ts';
import {
  type Campaign,
  campaignApi,
  type NearbyOutlet,
  newIdempotencyKey,
  type Voucher,
  voucherApi,
} from './benefits.api.ts';
import {
  formatCountdown,
  formatDate,
  formatYuan,
  messageOf,
  useNow,
  voucherLabel,
  yuan,
} from './benefits.format.ts';
import { VoucherCodeView } from './voucher-code.view.tsx';
import { acceptanceText, Chip, LoadError, Loading, useLoad } from './worker-parts.tsx';
import './benefits.css';

type TabKey = 'claim' | 'mine' | 'nearby';

/** 工惠券: claim open campaigns, my vouchers, nearby partner merchants; `?voucher=` shows one code. */
export function VouchersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const voucherId = params.get('voucher');
  const tab = (params.get('tab') as TabKey | null) ?? 'claim';
  const campaignFilter = params.get('campaign') ?? undefined;

  if (voucherId) {
    return <VoucherCodeView voucherId={voucherId} onBack={() => setParams({ tab: 'mine' })} />;
  }
  return (
    <div className="gy-bf-page">
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        className="gy-bf-tabs"
      >
        <Tabs.Tab title={t('benefits:worker.tabClaim')} key="claim">
          <ClaimList onOpenVoucher={(id) => setParams({ voucher: id })} />
        </Tabs.Tab>
        <Tabs.Tab title={t('benefits:worker.tabMine')} key="mine">
          <MyVouchers
            onOpen={(id) => setParams({ voucher: id })}
            onNearby={(campaignId) => setParams({ tab: 'nearby', campaign: campaignId })}
          />
        </Tabs.Tab>
        <Tabs.Tab title={t('benefits:worker.tabNearby')} key="nearby">
          <NearbyMerchants campaignId={campaignFilter} />
        </Tabs.Tab>
      </Tabs>
    </div>
  );
}

// ── claim ────────────────────────────────────────────────────────────────────

type Outcome =
  | { kind: 'success'; voucher: Voucher }
  | { kind: 'sold-out' | 'limit' | 'other'; message: string };

async function claimWithRetry(campaignId: string): Promise<Voucher> {
  // One key per tap: a retry after a lost answer returns the first outcome, never a second voucher.
  const key = newIdempotencyKey();
  for (let attempt = 0; ; attempt++) {
    try {
      return await campaignApi.claim(campaignId, key);
    } catch (e) {
      const transient = e instanceof ApiError && (e.status === 0 || e.status >= 500 || e.status === 429);
      if (!transient || attempt >= 3) {
        throw e;
      }
      await new Promise((resolve) => setTimeout(resolve, 600 * (attempt + 1)));
    }
  }
}

function ClaimList({ onOpenVoucher }: { onOpenVoucher: (id: string) => void }) {
  const { t } = useTranslation();
  const { data, error, reload } = useLoad(() => campaignApi.list({ view: 'member', limit: 50 }), []);
  const now = useNow(1000);
  const [busy, setBusy] = useState<string | null>(null);

  // When a countdown reaches the rush minute, fetch again so the button opens.
  const nextStart = useMemo(() => {
    const starts = (data?.items ?? [])
      .filter((c) => c.phase === 'upcoming')
      .map((c) => new Date(c.claimStartsAt).getTime());
    return starts.length > 0 ? Math.min(...starts) : null;
  }, [data]);
  useEffect(() => {
    if (nextStart !== null && now >= nextStart) {
      void reload();
    }
  }, [now, nextStart, reload]);

  const showOutcome = async (campaign: Campaign, outcome: Outcome) => {
    if (outcome.kind === 'success') {
      const go = await Dialog.confirm({
        title: t('benefits:claim.successTitle'),
        'aria-label': t('benefits:claim.successTitle'),
        content: (
          <div className="gy-bf-dialog-body">
            <div className="gy-bf-dialog-value">
              {voucherLabel(t, campaign.faceValueFen, campaign.thresholdFen)}
            </div>
            <div>{t('benefits:claim.successBody', { no: outcome.voucher.no })}</div>
          </div>
        ),
        confirmText: t('benefits:claim.useNow'),
        cancelText: t('benefits:claim.later'),
      });
      if (go) {
        onOpenVoucher(outcome.voucher.id);
      }
      return;
    }
    const title =
      outcome.kind === 'sold-out'
        ? t('benefits:claim.soldOutTitle')
        : outcome.kind === 'limit'
          ? t('benefits:claim.limitTitle')
          : t('benefits:claim.failedTitle');
    await Dialog.alert({
      title,
      'aria-label': title,
      content: outcome.message,
      confirmText: t('shared:action.ok'),
    });
  };

  const claim = async (campaign: Campaign) => {
    setBusy(campaign.id);
    let outcome: Outcome;
    try {
      outcome = { kind: 'success', voucher: await claimWithRetry(campaign.id) };
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      outcome = {
        kind:
          code === 'benefits/sold-out' ? 'sold-out' : code === 'benefits/limit-reached' ? 'limit' : 'other',
        message: messageOf(e, t),
      };
    } finally {
      setBusy(null);
    }
    void reload();
    await showOutcome(campaign, outcome);
  };

  if (error && !data) {
    return <LoadError message={error} onRetry={() => void reload()} />;
  }
  if (!data) {
    return <Loading />;
  }
  if (data.items.length === 0) {
    return (
      <ErrorBlock
        status="empty"
        title={t('benefits:claim.emptyTitle')}
        description={t('benefits:claim.empty')}
      />
    );
  }
  return (
    <PullToRefresh onRefresh={reload}>
      <ul className="gy-bf-list" aria-label={t('benefits:claim.listLabel')}>
        {data.items.map((c) => (
          <li key={c.id}>
            <CampaignCard campaign={c} now={now} busy={busy === c.id} onClaim={() => void claim(c)} />
          </li>
        ))}
      </ul>
    </PullToRefresh>
  );
}

function CampaignCard({
  campaign: c,
  now,
  busy,
  onClaim,
}: {
  campaign: Campaign;
  now: number;
  busy: boolean;
  onClaim: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const mine = c.myClaimed ?? 0;
  const atLimit = mine >= c.perMemberLimit;
  const startsIn = new Date(c.claimStartsAt).getTime() - now;
  const upcoming = c.phase === 'upcoming' && startsIn > 0;
  const soldOut = c.phase === 'sold-out' || c.remaining <= 0;
  const percent = c.totalCount > 0 ? Math.round(((c.totalCount - c.remaining) / c.totalCount) * 100) : 0;

  let button: { text: string; disabled: boolean };
  if (atLimit) {
    button = { text: t('benefits:claim.atLimit'), disabled: true };
  } else if (soldOut) {
    button = { text: t('benefits:claim.soldOut'), disabled: true };
  } else if (upcoming) {
    button = { text: t('benefits:claim.soon'), disabled: true };
  } else if (c.phase === 'open') {
    button = { text: t('benefits:claim.claim'), disabled: false };
  } else {
    button = { text: t(`benefits:phase.${c.phase}`), disabled: true };
  }

  return (
    <article className="gy-bf-ticket" aria-labelledby={`camp-${c.id}`}>
      <div className="gy-bf-ticket-value">
        <span className="gy-bf-ticket-amount">
          <small>¥</small>
          {yuan(c.faceValueFen)}
        </span>
        <span className="gy-bf-ticket-cond">
          {c.thresholdFen > 0
            ? t('benefits:label.minOrder', { amount: formatYuan(c.thresholdFen, lang) })
            : t('benefits:label.noMin')}
        </span>
      </div>
      <div className="gy-bf-ticket-body">
        <h3 id={`camp-${c.id}`} className="gy-bf-ticket-title">
          {c.name}
        </h3>
        <div className="gy-bf-ticket-meta">
          <Chip tone="danger">{voucherLabel(t, c.faceValueFen, c.thresholdFen)}</Chip>
          <span>{t('benefits:claim.limit', { count: c.perMemberLimit })}</span>
        </div>
        <div className="gy-bf-ticket-meta">
          {t('benefits:claim.validity', {
            from: formatDate(c.validFrom, lang),
            to: formatDate(c.validUntil, lang),
          })}
        </div>
        {upcoming ? (
          <div className="gy-bf-countdown" aria-live="polite">
            {t('benefits:claim.startsIn')}
            <strong className="gy-mono">{formatCountdown(startsIn, t)}</strong>
          </div>
        ) : (
          <div className="gy-bf-stock">
            <ProgressBar
              percent={percent}
              style={{ '--fill-color': 'var(--gy-red)', '--track-width': '6px' }}
              aria-hidden
            />
            <span>{t('benefits:claim.remaining', { remaining: c.remaining, total: c.totalCount })}</span>
          </div>
        )}
        <div className="gy-bf-ticket-foot">
          <span className="gy-bf-ticket-org">{c.orgName}</span>
          <Button
            size="small"
            color="primary"
            shape="rounded"
            disabled={button.disabled}
            loading={busy}
            onClick={onClaim}
            aria-label={`${button.text} ${c.name}`}
          >
            {button.text}
          </Button>
        </div>
      </div>
    </article>
  );
}

// ── my vouchers ──────────────────────────────────────────────────────────────

function MyVouchers({
  onOpen,
  onNearby,
}: {
  onOpen: (id: string) => void;
  onNearby: (campaignId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data, error, reload } = useLoad(async () => {
    const { items } = await voucherApi.mine();
    const ids = [...new Set(items.map((v) => v.campaignId))];
    const campaigns = await Promise.all(ids.map((id) => campaignApi.get(id).catch(() => null)));
    return {
      items,
      campaigns: new Map(campaigns.filter((c): c is Campaign => c !== null).map((c) => [c.id, c])),
    };
  }, []);

  if (error && !data) {
    return <LoadError message={error} onRetry={() => void reload()} />;
  }
  if (!data) {
    return <Loading />;
  }
  if (data.items.length === 0) {
    return (
      <ErrorBlock
        status="empty"
        title={t('benefits:voucher.emptyTitle')}
        description={t('benefits:voucher.empty')}
      />
    );
  }
  const usable = data.items.filter((v) => v.usable);
  const others = data.items.filter((v) => !v.usable);
  const section = (title: string, list: Voucher[]) =>
    list.length > 0 && (
      <section aria-label={title}>
        <h2 className="gy-bf-section-title">
          {title} <span className="gy-bf-count">{list.length}</span>
        </h2>
        <ul className="gy-bf-list">
          {list.map((v) => (
            <li key={v.id}>
              <article
                className={`gy-bf-ticket ${v.usable ? '' : 'gy-bf-ticket-dim'}`}
                aria-labelledby={`v-${v.id}`}
              >
                <div className="gy-bf-ticket-value">
                  <span className="gy-bf-ticket-amount">
                    <small>¥</small>
                    {yuan(v.faceValueFen)}
                  </span>
                  <span className="gy-bf-ticket-cond">
                    {v.thresholdFen > 0
                      ? t('benefits:label.minOrder', { amount: formatYuan(v.thresholdFen, lang) })
                      : t('benefits:label.noMin')}
                  </span>
                </div>
                <div className="gy-bf-ticket-body">
                  <h3 id={`v-${v.id}`} className="gy-bf-ticket-title">
                    {v.campaignName}
                  </h3>
                  <div className="gy-bf-ticket-meta">
                    <Chip tone={statusColor(v.status, v.usable)}>
                      {t(`benefits:voucherStatus.${v.status}`)}
                    </Chip>
                    <span>{voucherLabel(t, v.faceValueFen, v.thresholdFen)}</span>
                  </div>
                  <div className="gy-bf-ticket-meta">
                    {t('benefits:claim.validity', {
                      from: formatDate(v.validFrom, lang),
                      to: formatDate(v.validUntil, lang),
                    })}
                  </div>
                  <div className="gy-bf-ticket-meta">
                    {t('benefits:voucher.acceptedAt', {
                      where: acceptanceText(t, data.campaigns.get(v.campaignId)),
                    })}
                  </div>
                  <div className="gy-bf-ticket-foot">
                    {v.usable ? (
                      <button type="button" className="gy-bf-link" onClick={() => onNearby(v.campaignId)}>
                        {t('benefits:voucher.findMerchants')}
                      </button>
                    ) : (
                      <span className="gy-bf-ticket-org">
                        {v.redeemedAt
                          ? t('benefits:voucher.usedOn', { date: formatDate(v.redeemedAt, lang) })
                          : ''}
                      </span>
                    )}
                    <Button
                      size="small"
                      color={v.usable ? 'primary' : 'default'}
                      shape="rounded"
                      onClick={() => onOpen(v.id)}
                      aria-label={`${v.usable ? t('benefits:voucher.show') : t('benefits:voucher.details')} ${v.campaignName} ${v.no}`}
                    >
                      {v.usable ? t('benefits:voucher.show') : t('benefits:voucher.details')}
                    </Button>
                  </div>
                </div>
              </article>
            </li>
          ))}
        </ul>
      </section>
    );

  return (
    <PullToRefresh onRefresh={reload}>
      {section(t('benefits:voucher.usable'), usable)}
      {section(t('benefits:voucher.history'), others)}
    </PullToRefresh>
  );
}

export function statusColor(
  status: Voucher['status'],
  usable: boolean,
): 'success' | 'default' | 'warning' | 'primary' {
  if (usable) {
    return 'success';
  }
  if (status === 'redeemed') {
    return 'primary';
  }
  if (status === 'reversed') {
    return 'warning';
  }
  return 'default';
}

// ── nearby ───────────────────────────────────────────────────────────────────

/** Where to look when the phone will not tell us: the city centre of 佛山, the festival's home. */
const FALLBACK = { lat: 23.0215, lng: 113.1214 };

function NearbyMerchants({ campaignId }: { campaignId: string | undefined }) {
  const { t } = useTranslation();
  const [origin, setOrigin] = useState<{ lat: number; lng: number; located: boolean } | null>(null);

  useEffect(() => {
    if (!('geolocation' in navigator)) {
      setOrigin({ ...FALLBACK, located: false });
      return;
    }
    let done = false;
    const fallback = setTimeout(() => {
      if (!done) {
        done = true;
        setOrigin({ ...FALLBACK, located: false });
      }
    }, 4000);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        if (!done) {
          done = true;
          clearTimeout(fallback);
          setOrigin({ lat: pos.coords.latitude, lng: pos.coords.longitude, located: true });
        }
      },
      () => {
        if (!done) {
          done = true;
          clearTimeout(fallback);
          setOrigin({ ...FALLBACK, located: false });
        }
      },
      { timeout: 3500, maximumAge: 300_000 },
    );
    return () => {
      done = true;
      clearTimeout(fallback);
    };
  }, []);

  const { data, error, reload } = useLoad<{ items: NearbyOutlet[] } | null>(
    () =>
      origin
        ? voucherApi.nearby({
            lat: origin.lat,
            lng: origin.lng,
            radiusKm: 30,
            limit: 50,
            ...(campaignId ? { campaignId } : {}),
          })
        : Promise.resolve(null),
    [origin, campaignId],
  );

  if (error) {
    return <LoadError message={error} onRetry={() => void reload()} />;
  }
  if (!origin || !data) {
    return <Loading />;
  }
  return (
    <div>
      {!origin.located && (
        <NoticeBar content={t('benefits:nearby.fallback')} color="info" wrap className="gy-bf-notice" />
      )}
      {campaignId && <p className="gy-bf-hint">{t('benefits:nearby.filtered')}</p>}
      {data.items.length === 0 ? (
        <ErrorBlock
          status="empty"
          title={t('benefits:nearby.emptyTitle')}
          description={t('benefits:nearby.empty')}
        />
      ) : (
        <ul className="gy-bf-list" aria-label={t('benefits:nearby.listLabel')}>
          {data.items.map((o) => (
            <li key={o.outletId} className="gy-bf-outlet">
              <div className="gy-bf-outlet-main">
                <h3 className="gy-bf-outlet-name">{o.merchantName}</h3>
                <div className="gy-bf-outlet-sub">
                  {o.outletName} · {t(`benefits:category.${o.category}`)}
                </div>
                <div className="gy-bf-outlet-sub">{o.address}</div>
              </div>
              <div className="gy-bf-outlet-side">
                <span className="gy-bf-distance">
                  {t('benefits:nearby.km', { km: o.distanceKm.toFixed(1) })}
                </span>
                <a
                  className="gy-bf-link"
                  href={`https://uri.amap.com/marker?position=${o.lng},${o.lat}&name=${encodeURIComponent(o.merchantName)}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  {t('benefits:nearby.map')}
                </a>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

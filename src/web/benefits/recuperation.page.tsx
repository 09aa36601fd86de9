import { Button, Dialog, ErrorBlock, InfiniteScroll, Popup, Steps, Tabs, Toast } from 'antd-mobile';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  type Application,
  type Departure,
  type Lottery,
  type Route,
  recuperationApi,
} from './benefits.api.ts';
import { formatDate, formatShortDateTime, formatYuan, messageOf, priorityText } from './benefits.format.ts';
import { Chip, LoadError, Loading, useLoad } from './worker-parts.tsx';
import './benefits.css';

/** 疗休养: routes (featured 四山两江 first), a route's departures, my applications and draws. */
export function RecuperationPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const routeId = params.get('route');
  const tab = params.get('tab') ?? 'routes';
  if (routeId) {
    return <RouteDetail routeId={routeId} onBack={() => setParams({ tab: 'routes' })} />;
  }
  return (
    <div className="gy-bf-page">
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        className="gy-bf-tabs"
      >
        <Tabs.Tab title={t('benefits:route.tabRoutes')} key="routes">
          <RouteList onOpen={(id) => setParams({ route: id })} />
        </Tabs.Tab>
        <Tabs.Tab title={t('benefits:route.tabMine')} key="mine">
          <MyApplications />
        </Tabs.Tab>
      </Tabs>
    </div>
  );
}

function RouteList({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const featured = useLoad(() => recuperationApi.routes({ featured: 'true', limit: 20, view: 'member' }), []);
  const [others, setOthers] = useState<Route[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  const loadMore = useCallback(async () => {
    try {
      const page = await recuperationApi.routes({
        featured: 'false',
        limit: 20,
        view: 'member',
        cursor: cursor ?? undefined,
      });
      setOthers((prev) => [...prev, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(messageOf(e, t));
      setCursor(null);
      throw e;
    }
  }, [cursor, t]);

  if (featured.error && !featured.data) {
    return <LoadError message={featured.error} onRetry={() => void featured.reload()} />;
  }
  if (!featured.data) {
    return <Loading />;
  }
  return (
    <div>
      {featured.data.items.length > 0 && (
        <section aria-labelledby="featured-title">
          <h2 id="featured-title" className="gy-bf-section-title">
            {t('benefits:route.featured')}
          </h2>
          <ul className="gy-bf-list">
            {featured.data.items.map((r) => (
              <li key={r.id}>
                <RouteCard route={r} onOpen={onOpen} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="more-title">
        <h2 id="more-title" className="gy-bf-section-title">
          {t('benefits:route.more')}
        </h2>
        <ul className="gy-bf-list">
          {others.map((r) => (
            <li key={r.id}>
              <RouteCard route={r} onOpen={onOpen} />
            </li>
          ))}
        </ul>
        {error && <p className="gy-bf-hint">{error}</p>}
        <InfiniteScroll loadMore={loadMore} hasMore={cursor !== null && !error} />
      </section>
    </div>
  );
}

function RouteCard({ route: r, onOpen }: { route: Route; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const open = (r.departures ?? []).filter((d) => d.status === 'open').length;
  return (
    <article className={`gy-bf-route ${r.featured ? 'gy-bf-route-featured' : ''}`}>
      <button type="button" className="gy-bf-route-button" onClick={() => onOpen(r.id)}>
        <span className="gy-bf-route-top">
          <span className="gy-bf-route-name">{r.name}</span>
          {r.featured && <Chip tone="danger">{t('benefits:route.featuredTag')}</Chip>}
        </span>
        <span className="gy-bf-outlet-sub">
          {r.region} · {t('benefits:route.days', { count: r.days })} ·{' '}
          {t('benefits:route.departures', { count: open })}
        </span>
        {r.summary && <span className="gy-bf-route-summary">{r.summary}</span>}
        <span className="gy-bf-route-cost">
          {r.costFen === 0
            ? t('benefits:route.free')
            : t('benefits:route.cost', { cost: formatYuan(r.costFen, i18n.language) })}
        </span>
      </button>
    </article>
  );
}

function departureState(d: Departure, now: number): 'before' | 'open' | 'closed' | 'drawn' | 'cancelled' {
  if (d.status === 'drawn') {
    return 'drawn';
  }
  if (d.status === 'cancelled') {
    return 'cancelled';
  }
  if (now < Date.parse(d.applyStartsAt)) {
    return 'before';
  }
  return now <= Date.parse(d.applyEndsAt) ? 'open' : 'closed';
}

function RouteDetail({ routeId, onBack }: { routeId: string; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data, error, reload } = useLoad(async () => {
    const [route, mine] = await Promise.all([recuperationApi.route(routeId), recuperationApi.mine()]);
    return { route, mine: mine.items };
  }, [routeId]);
  const [busy, setBusy] = useState<string | null>(null);
  const [lottery, setLottery] = useState<string | null>(null);

  if (error && !data) {
    return <LoadError message={error} onRetry={() => void reload()} />;
  }
  if (!data) {
    return <Loading />;
  }
  const { route, mine } = data;
  const now = Date.now();

  const apply = async (d: Departure) => {
    const ok = await Dialog.confirm({
      title: t('benefits:route.applyConfirmTitle'),
      'aria-label': t('benefits:route.applyConfirmTitle'),
      content: t('benefits:route.applyConfirm', { route: route.name, date: formatDate(d.departDate, lang) }),
      confirmText: t('benefits:route.apply'),
      cancelText: t('shared:action.cancel'),
    });
    if (!ok) {
      return;
    }
    setBusy(d.id);
    try {
      await recuperationApi.apply(d.id);
      Toast.show({ icon: 'success', content: t('benefits:route.applied') });
      void reload();
    } catch (e) {
      await Dialog.alert({
        title: t('benefits:route.applyFailed'),
        'aria-label': t('benefits:route.applyFailed'),
        content: messageOf(e, t),
        confirmText: t('shared:action.ok'),
      });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="gy-bf-page">
      <div className="gy-bf-subnav">
        <button type="button" className="gy-bf-link" onClick={onBack}>
          {t('benefits:route.backToList')}
        </button>
      </div>
      <section className="gy-bf-route-hero" aria-labelledby="route-title">
        <h2 id="route-title">{route.name}</h2>
        <p>
          {route.region} · {t('benefits:route.days', { count: route.days })} ·{' '}
          {route.costFen === 0
            ? t('benefits:route.free')
            : t('benefits:route.cost', { cost: formatYuan(route.costFen, lang) })}
        </p>
        {route.summary && <p className="gy-bf-route-hero-summary">{route.summary}</p>}
      </section>
      <section className="gy-bf-panel" aria-labelledby="itinerary-title">
        <h2 id="itinerary-title" className="gy-bf-section-title">
          {t('benefits:route.itinerary')}
        </h2>
        <Steps direction="vertical">
          {route.itinerary.map((day) => (
            <Steps.Step
              key={day.day}
              status="process"
              title={t('benefits:route.dayTitle', { day: day.day, title: day.title })}
              description={day.description}
            />
          ))}
        </Steps>
      </section>
      <section className="gy-bf-panel" aria-labelledby="rules-title">
        <h2 id="rules-title" className="gy-bf-section-title">
          {t('benefits:route.rules')}
        </h2>
        <p className="gy-bf-text">
          {route.eligibility.minMembershipYears > 0
            ? t('benefits:route.minYears', { years: route.eligibility.minMembershipYears })
            : t('benefits:route.allMembers')}
        </p>
        <p className="gy-bf-text">
          {route.priorities.length > 0
            ? t('benefits:route.priorities', {
                list: route.priorities.map((p) => priorityText(t, p)).join(' › '),
              })
            : t('benefits:route.noPriorities')}
        </p>
        <p className="gy-bf-hint">{t('benefits:route.lotteryNote')}</p>
      </section>
      <section className="gy-bf-panel" aria-labelledby="departures-title">
        <h2 id="departures-title" className="gy-bf-section-title">
          {t('benefits:route.departureList')}
        </h2>
        {(route.departures ?? []).length === 0 && (
          <p className="gy-bf-hint">{t('benefits:route.noDepartures')}</p>
        )}
        <ul className="gy-bf-plain gy-bf-departures">
          {(route.departures ?? []).map((d) => {
            const state = departureState(d, now);
            const applied = mine.find((a) => a.departureId === d.id && a.status !== 'cancelled');
            return (
              <li key={d.id}>
                <div>
                  <div className="gy-bf-line-title">
                    {formatDate(d.departDate, lang)}
                    <Chip tone={state === 'open' ? 'success' : 'default'}>
                      {t(`benefits:departureState.${state}`)}
                    </Chip>
                  </div>
                  <div className="gy-bf-outlet-sub">
                    {t('benefits:route.placesLine', { places: d.places, applicants: d.applicants })}
                  </div>
                  <div className="gy-bf-outlet-sub">
                    {t('benefits:route.window', {
                      from: formatShortDateTime(d.applyStartsAt, lang),
                      to: formatShortDateTime(d.applyEndsAt, lang),
                    })}
                  </div>
                </div>
                <div className="gy-bf-outlet-side">
                  {applied ? (
                    <Chip tone={appColor(applied.status)}>
                      {t(`benefits:applicationStatus.${applied.status}`)}
                    </Chip>
                  ) : state === 'open' ? (
                    <Button
                      size="small"
                      color="primary"
                      loading={busy === d.id}
                      onClick={() => void apply(d)}
                    >
                      {t('benefits:route.apply')}
                    </Button>
                  ) : null}
                  {state === 'drawn' && (
                    <button type="button" className="gy-bf-link" onClick={() => setLottery(d.id)}>
                      {t('benefits:route.viewDraw')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </section>
      <LotteryPopup departureId={lottery} onClose={() => setLottery(null)} />
    </div>
  );
}

function appColor(status: Application['status']): 'success' | 'warning' | 'default' | 'primary' {
  switch (status) {
    case 'won':
      return 'success';
    case 'waitlisted':
      return 'warning';
    case 'applied':
      return 'primary';
    default:
      return 'default';
  }
}

function MyApplications() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data, error, reload } = useLoad(() => recuperationApi.mine(), []);
  const [lottery, setLottery] = useState<string | null>(null);

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
        title={t('benefits:route.mineEmptyTitle')}
        description={t('benefits:route.mineEmpty')}
      />
    );
  }

  const cancel = async (a: Application) => {
    const ok = await Dialog.confirm({
      title: t('benefits:route.cancelTitle'),
      'aria-label': t('benefits:route.cancelTitle'),
      content: a.status === 'won' ? t('benefits:route.cancelWon') : t('benefits:route.cancelBody'),
      confirmText: t('benefits:route.cancelConfirm'),
      cancelText: t('benefits:route.keep'),
    });
    if (!ok) {
      return;
    }
    try {
      await recuperationApi.cancel(a.id);
      Toast.show({ icon: 'success', content: t('benefits:route.cancelled') });
      void reload();
    } catch (e) {
      await Dialog.alert({
        'aria-label': t('benefits:route.cancelTitle'),
        content: messageOf(e, t),
        confirmText: t('shared:action.ok'),
      });
    }
  };

  return (
    <div>
      <ul className="gy-bf-list">
        {data.items.map((a) => (
          <li key={a.id} className="gy-bf-line gy-bf-application">
            <div className="gy-bf-line-main">
              <div className="gy-bf-line-title">
                <span>{a.routeName}</span>
                <Chip tone={appColor(a.status)}>{t(`benefits:applicationStatus.${a.status}`)}</Chip>
              </div>
              <div className="gy-bf-outlet-sub">
                {t('benefits:route.departOn', { date: formatDate(a.departDate, lang) })} ·{' '}
                {t('benefits:route.appliedOn', { date: formatDate(a.createdAt, lang) })}
              </div>
              <div className="gy-bf-outlet-sub">{applicationExplain(t, a)}</div>
              <div className="gy-bf-app-actions">
                {a.drawOrder !== null && (
                  <button type="button" className="gy-bf-link" onClick={() => setLottery(a.departureId)}>
                    {t('benefits:route.viewDraw')}
                  </button>
                )}
                {a.status !== 'cancelled' && (
                  <Button size="mini" fill="outline" onClick={() => void cancel(a)}>
                    {t('benefits:route.cancel')}
                  </Button>
                )}
              </div>
            </div>
          </li>
        ))}
      </ul>
      <LotteryPopup departureId={lottery} onClose={() => setLottery(null)} />
    </div>
  );
}

function applicationExplain(t: TFunction, a: Application): string {
  switch (a.status) {
    case 'won':
      return t('benefits:route.wonExplain', { order: a.drawOrder ?? '—' });
    case 'waitlisted':
      return t('benefits:route.waitExplain', { rank: a.waitlistRank ?? '—' });
    case 'applied':
      return t('benefits:route.appliedExplain');
    default:
      return t('benefits:route.cancelledExplain');
  }
}

function LotteryPopup({ departureId, onClose }: { departureId: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<Lottery | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setData(null);
    setError(null);
    if (!departureId) {
      return;
    }
    recuperationApi
      .lottery(departureId)
      .then(setData)
      .catch((e: unknown) => setError(messageOf(e, t)));
  }, [departureId, t]);

  return (
    <Popup
      visible={departureId !== null}
      onMaskClick={onClose}
      bodyStyle={{ padding: 16, borderRadius: '16px 16px 0 0', maxHeight: '80vh', overflowY: 'auto' }}
    >
      <div role="dialog" aria-labelledby="lottery-title">
        <h2 id="lottery-title" className="gy-bf-section-title">
          {t('benefits:lottery.title')}
        </h2>
        {error && <p className="gy-bf-hint">{error}</p>}
        {!data && !error && <Loading />}
        {data && (
          <>
            <dl className="gy-bf-facts">
              <dt>{t('benefits:lottery.seed')}</dt>
              <dd className="gy-mono gy-bf-break">{data.seed}</dd>
              <dt>{t('benefits:lottery.places')}</dt>
              <dd>{data.places}</dd>
              <dt>{t('benefits:lottery.drawnAt')}</dt>
              <dd>{formatShortDateTime(data.drawnAt, i18n.language)}</dd>
              <dt>{t('benefits:lottery.priorities')}</dt>
              <dd>
                {data.priorities.length > 0
                  ? data.priorities.map((p) => priorityText(t, p)).join(' › ')
                  : t('benefits:route.noPriorities')}
              </dd>
            </dl>
            <p className="gy-bf-hint">{t('benefits:lottery.algorithm', { algorithm: data.algorithm })}</p>
            <ol className="gy-bf-plain gy-bf-draw">
              {data.order.map((o) => (
                <li key={o.applicationId}>
                  <span>
                    {o.position}. {o.memberName} <small>{t('benefits:lottery.tier', { tier: o.tier })}</small>
                  </span>
                  <Chip tone={o.won ? 'success' : 'default'}>
                    {o.won ? t('benefits:lottery.won') : t('benefits:lottery.waitlist')}
                  </Chip>
                </li>
              ))}
            </ol>
          </>
        )}
        <Button block onClick={onClose} style={{ marginTop: 12 }}>
          {t('shared:action.close')}
        </Button>
      </div>
    </Popup>
  );
}

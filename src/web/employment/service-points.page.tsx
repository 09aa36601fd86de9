import { Button, Card, Empty, ErrorBlock, Selector, Skeleton, Tag } from 'antd-mobile';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { employmentApi, type Nearby, type TravelMode } from './employment.api.ts';
import { distanceText } from './employment-format.ts';
import { PRESET_PLACES, type PresetPlace } from './provinces.ts';
import { useEmploymentReference } from './use-employment.ts';

// Leaflet loads only where a tile server is configured.
const ServicePointMap = lazy(() =>
  import('./service-point-map.tsx').then((m) => ({ default: m.ServicePointMap })),
);

type Origin = { kind: 'gps'; lat: number; lng: number } | { kind: 'preset'; key: PresetPlace };

const MINUTES = [15, 30, 60] as const;

function coordinatesOf(origin: Origin): { lat: number; lng: number } {
  if (origin.kind === 'gps') {
    return origin;
  }
  const preset = PRESET_PLACES.find((p) => p.key === origin.key) ?? PRESET_PLACES[0];
  return { lat: preset.lat, lng: preset.lng };
}

/**
 * 15分钟就业服务圈: service points within reach on foot or by e-bike, nearest first. Uses the
 * browser's location when the person allows it, else a city they pick. With a tile server
 * configured (MAP_TILE_URL) a map shows the points and the person above the list; without one,
 * the list with distances is the whole page.
 */
export function ServicePointsPage() {
  const { t } = useTranslation();
  const [origin, setOrigin] = useState<Origin>({ kind: 'preset', key: 'ningbo' });
  const [locating, setLocating] = useState(false);
  const [locateProblem, setLocateProblem] = useState<string | null>(null);
  const [mode, setMode] = useState<TravelMode>('ebike');
  const [minutes, setMinutes] = useState<number>(15);
  const [result, setResult] = useState<Nearby | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tiles = useEmploymentReference()?.map ?? null;
  const here = coordinatesOf(origin);
  const me = useMemo(
    () => ({ lat: here.lat, lng: here.lng, label: t('employment:near.you') }),
    [here.lat, here.lng, t],
  );
  const mapPoints = useMemo(
    () =>
      (result?.items ?? []).map((p) => ({
        id: p.id,
        name: p.name,
        lat: p.lat,
        lng: p.lng,
        detail: distanceText(p.distanceMetres, t),
      })),
    [result, t],
  );

  useEffect(() => {
    let cancelled = false;
    setResult(null);
    setError(null);
    employmentApi
      .nearby({ ...coordinatesOf(origin), minutes, mode })
      .then((r) => {
        if (!cancelled) {
          setResult(r);
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
  }, [origin, minutes, mode]);

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocateProblem(t('employment:near.noGps'));
      return;
    }
    setLocating(true);
    setLocateProblem(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setOrigin({ kind: 'gps', lat: pos.coords.latitude, lng: pos.coords.longitude });
      },
      () => {
        setLocating(false);
        setLocateProblem(t('employment:near.gpsDenied'));
      },
      { timeout: 10_000, maximumAge: 60_000 },
    );
  };

  return (
    <div className="gy-e-page">
      <Card className="gy-e-card">
        <h2 className="gy-e-card-title">{t('employment:near.where')}</h2>
        <div className="gy-e-near-gps">
          <Button size="small" color="primary" fill="outline" loading={locating} onClick={locate}>
            {t('employment:near.useGps')}
          </Button>
          <span className="gy-e-muted">
            {origin.kind === 'gps' ? t('employment:near.usingGps') : t(`employment:near.place.${origin.key}`)}
          </span>
        </div>
        {locateProblem && (
          <p className="gy-e-muted" role="status">
            {locateProblem}
          </p>
        )}
        <h3 className="gy-e-sheet-label">{t('employment:near.orPick')}</h3>
        <Selector
          columns={3}
          options={PRESET_PLACES.map((p) => ({ label: t(`employment:near.place.${p.key}`), value: p.key }))}
          value={origin.kind === 'preset' ? [origin.key] : []}
          onChange={(v) => {
            const key = v[0];
            if (key) {
              setOrigin({ kind: 'preset', key });
            }
          }}
        />
        <h3 className="gy-e-sheet-label">{t('employment:near.how')}</h3>
        <Selector
          columns={2}
          options={[
            { label: t('employment:near.walk'), value: 'walk' as const },
            { label: t('employment:near.ebike'), value: 'ebike' as const },
          ]}
          value={[mode]}
          onChange={(v) => v[0] && setMode(v[0])}
        />
        <h3 className="gy-e-sheet-label">{t('employment:near.within')}</h3>
        <Selector
          columns={3}
          options={MINUTES.map((m) => ({ label: t('employment:near.minutes', { count: m }), value: m }))}
          value={[minutes]}
          onChange={(v) => v[0] && setMinutes(v[0])}
        />
      </Card>

      {error ? (
        <ErrorBlock status="default" title={t('shared:error.loadFailed')} description={error} />
      ) : !result ? (
        <Skeleton.Paragraph lineCount={6} animated />
      ) : (
        <>
          <p className="gy-e-count" aria-live="polite">
            {t('employment:near.summary', {
              count: result.items.length,
              radius: distanceText(result.radiusMetres, t),
              speed: result.speedKmh,
            })}
          </p>
          {tiles && (
            <Suspense fallback={<Skeleton.Paragraph lineCount={5} animated />}>
              <div className="gy-e-map">
                <ServicePointMap tiles={tiles} points={mapPoints} me={me} label={t('employment:near.map')} />
              </div>
            </Suspense>
          )}
          {result.items.length === 0 ? (
            <Empty description={t('employment:near.empty')} />
          ) : (
            <ul className="gy-e-list" aria-label={t('employment:near.list')}>
              {result.items.map((p) => (
                <li key={p.id}>
                  <Card className="gy-e-card">
                    <div className="gy-e-job-top">
                      <h3 className="gy-e-job-title">{p.name}</h3>
                      <span className="gy-e-distance">{distanceText(p.distanceMetres, t)}</span>
                    </div>
                    <div className="gy-e-job-meta">
                      {t(`employment:near.by.${mode}`, { count: Math.max(1, Math.round(p.travelMinutes)) })}
                      {' · '}
                      {t(`employment:pointKind.${p.kind}`)}
                    </div>
                    <div className="gy-e-job-meta">{p.address}</div>
                    {p.hours && (
                      <div className="gy-e-job-meta">{t('employment:near.hours', { hours: p.hours })}</div>
                    )}
                    {p.phone && (
                      <div className="gy-e-job-meta">
                        <a href={`tel:${p.phone}`}>{p.phone}</a>
                      </div>
                    )}
                    {(p.services.length > 0 || p.languages.length > 0) && (
                      <div className="gy-e-tags">
                        {p.services.map((s) => (
                          <Tag key={s} color="default">
                            {s}
                          </Tag>
                        ))}
                        {p.languages.map((l) => (
                          <Tag key={l} color="primary" fill="outline">
                            {l}
                          </Tag>
                        ))}
                      </div>
                    )}
                  </Card>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

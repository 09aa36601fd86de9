import { Button, Empty, ErrorBlock, InfiniteScroll, Input, Popup, SearchBar, Selector } from 'antd-mobile';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { employmentApi, type Job, type JobFilters, type Zone } from './employment.api.ts';
import { JobCard } from './job-card.tsx';
import { JOB_CITIES } from './provinces.ts';
import { useEmploymentReference } from './use-employment.ts';

/** Monthly pay floors offered as a filter: jobs paying at least this at the top of their range. */
const SALARY_FLOORS = [5000, 7000, 9000, 12000] as const;

function filtersOf(params: URLSearchParams): JobFilters {
  const f: JobFilters = { publicOnly: 'true' };
  for (const key of ['q', 'city', 'trade', 'tags', 'zoneId'] as const) {
    const v = params.get(key);
    if (v) {
      f[key] = v;
    }
  }
  const salary = Number(params.get('salaryMin'));
  if (salary > 0) {
    f.salaryMin = salary;
  }
  return f;
}

function JobResults({ filters }: { filters: JobFilters }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Job[]>([]);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [hasMore, setHasMore] = useState(true);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadMore = async () => {
    try {
      const page = await employmentApi.searchJobs(filters, { cursor, limit: 20 });
      setItems((prev) => [...prev, ...page.items]);
      setTotal(page.total);
      setCursor(page.nextCursor ?? undefined);
      setHasMore(page.nextCursor !== null);
    } catch (e) {
      setError(e instanceof Error ? e.message : t('shared:error.loadFailed'));
      setHasMore(false);
    }
  };

  if (error) {
    return <ErrorBlock status="default" title={t('shared:error.loadFailed')} description={error} />;
  }
  return (
    <>
      {total !== null && (
        <p className="gy-e-count" aria-live="polite">
          {t('employment:list.found', { count: total })}
        </p>
      )}
      {total === 0 ? (
        <Empty description={t('employment:list.empty')} />
      ) : (
        <ul className="gy-e-list" aria-label={t('employment:list.results')}>
          {items.map((job) => (
            <li key={job.id}>
              <JobCard job={job} />
            </li>
          ))}
        </ul>
      )}
      <InfiniteScroll loadMore={loadMore} hasMore={hasMore}>
        {(more, failed) =>
          failed
            ? t('shared:error.loadFailed')
            : more
              ? t('employment:list.loading')
              : items.length > 0
                ? t('employment:list.end')
                : ''
        }
      </InfiniteScroll>
    </>
  );
}

/** 找工作: keyword search, the priority zones as chips, and a filter sheet (city, pay, perks, trade). */
export function JobListPage() {
  const { t } = useTranslation();
  const reference = useEmploymentReference();
  const [params, setParams] = useSearchParams();
  const [zones, setZones] = useState<Zone[]>([]);
  const [sheetOpen, setSheetOpen] = useState(false);
  const filters = useMemo(() => filtersOf(params), [params]);
  const [draft, setDraft] = useState<{ city: string[]; salary: string[]; tags: string[]; trade: string }>({
    city: [],
    salary: [],
    tags: [],
    trade: '',
  });

  useEffect(() => {
    employmentApi
      .zones()
      .then(setZones)
      .catch(() => setZones([]));
  }, []);

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) {
        next.set(k, v);
      } else {
        next.delete(k);
      }
    }
    setParams(next, { replace: true });
  };

  const openSheet = () => {
    setDraft({
      city: filters.city ? [filters.city] : [],
      salary: filters.salaryMin ? [String(filters.salaryMin)] : [],
      tags: filters.tags ? filters.tags.split(',') : [],
      trade: filters.trade ?? '',
    });
    setSheetOpen(true);
  };

  const activeCount = [filters.city, filters.salaryMin, filters.tags, filters.trade].filter(Boolean).length;

  return (
    <div className="gy-e-page">
      <div className="gy-e-search">
        <SearchBar
          defaultValue={filters.q ?? ''}
          placeholder={t('employment:list.searchPlaceholder')}
          onSearch={(q) => update({ q: q.trim() })}
          onClear={() => update({ q: undefined })}
        />
      </div>
      <fieldset className="gy-e-chips" aria-label={t('employment:list.filters')}>
        {zones.map((zone) => {
          const on = filters.zoneId === zone.id;
          return (
            <button
              key={zone.id}
              type="button"
              className={`gy-e-chip gy-e-chip-zone${on ? ' is-on' : ''}`}
              aria-pressed={on}
              onClick={() => update({ zoneId: on ? undefined : zone.id })}
            >
              {zone.name}
            </button>
          );
        })}
        <button
          type="button"
          className={`gy-e-chip${activeCount > 0 ? ' is-on' : ''}`}
          onClick={openSheet}
          aria-haspopup="dialog"
        >
          {activeCount > 0
            ? t('employment:list.filterCount', { count: activeCount })
            : t('employment:list.filter')}
        </button>
      </fieldset>
      {filters.zoneId && (
        <p className="gy-e-zone-note">{zones.find((z) => z.id === filters.zoneId)?.description ?? ''}</p>
      )}
      <JobResults key={params.toString()} filters={filters} />

      <Popup
        visible={sheetOpen}
        onMaskClick={() => setSheetOpen(false)}
        onClose={() => setSheetOpen(false)}
        bodyStyle={{
          borderTopLeftRadius: 16,
          borderTopRightRadius: 16,
          maxHeight: '85vh',
          overflowY: 'auto',
        }}
        showCloseButton
      >
        <section className="gy-e-sheet" role="dialog" aria-labelledby="gy-e-filter-title">
          <h2 id="gy-e-filter-title" className="gy-e-sheet-title">
            {t('employment:list.filter')}
          </h2>
          <h3 className="gy-e-sheet-label">{t('employment:list.city')}</h3>
          <Selector
            columns={3}
            options={JOB_CITIES.map((c) => ({ label: c, value: c }))}
            value={draft.city}
            onChange={(v) => setDraft((d) => ({ ...d, city: v }))}
          />
          <h3 className="gy-e-sheet-label">{t('employment:list.salary')}</h3>
          <Selector
            columns={2}
            options={SALARY_FLOORS.map((s) => ({
              label: t('employment:list.salaryAtLeast', { value: s }),
              value: String(s),
            }))}
            value={draft.salary}
            onChange={(v) => setDraft((d) => ({ ...d, salary: v }))}
          />
          <h3 className="gy-e-sheet-label">{t('employment:list.tags')}</h3>
          <Selector
            columns={3}
            multiple
            options={(reference?.tags ?? []).map((tag) => ({ label: tag, value: tag }))}
            value={draft.tags}
            onChange={(v) => setDraft((d) => ({ ...d, tags: v }))}
          />
          <h3 className="gy-e-sheet-label">
            <label htmlFor="gy-e-trade">{t('employment:list.trade')}</label>
          </h3>
          <Input
            id="gy-e-trade"
            className="gy-e-input"
            placeholder={t('employment:list.tradePlaceholder')}
            value={draft.trade}
            onChange={(v) => setDraft((d) => ({ ...d, trade: v }))}
          />
          <div className="gy-e-sheet-actions">
            <Button
              block
              onClick={() => {
                setSheetOpen(false);
                update({ city: undefined, salaryMin: undefined, tags: undefined, trade: undefined });
              }}
            >
              {t('shared:action.reset')}
            </Button>
            <Button
              block
              color="primary"
              onClick={() => {
                setSheetOpen(false);
                update({
                  city: draft.city[0],
                  salaryMin: draft.salary[0],
                  tags: draft.tags.join(','),
                  trade: draft.trade.trim(),
                });
              }}
            >
              {t('employment:list.apply')}
            </Button>
          </div>
        </section>
      </Popup>
    </div>
  );
}

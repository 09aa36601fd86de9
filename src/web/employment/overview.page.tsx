import { Alert, Card, Col, Empty, Flex, Row, Segmented, Skeleton, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, EChart } from '../shared/echart.tsx';
import { employmentApi, type Figures, type Overview } from './employment.api.ts';
import { useLoad } from './use-employment.ts';

type Dimension = 'organisation' | 'employer' | 'zone';
const SERIES: readonly (keyof Figures)[] = ['positions', 'places', 'applications', 'hires'];
const COLORS: Record<keyof Figures, string> = {
  openPositions: '#1d5bd8',
  placesLeft: '#13a8a8',
  positions: '#1d5bd8',
  places: '#13a8a8',
  applications: '#d46b08',
  hires: '#c8161d',
};

function rowsOf(o: Overview, d: Dimension): { name: string; figures: Figures }[] {
  if (d === 'organisation') {
    return o.byOrganisation.map((r) => ({ name: r.orgName, figures: r }));
  }
  if (d === 'employer') {
    return o.byEmployer.map((r) => ({ name: r.employerName, figures: r }));
  }
  return o.byZone.map((r) => ({ name: r.zoneName, figures: r }));
}

/** Positions, places, applications and hires per organisation, employer and priority zone. */
export function EmploymentOverviewPage() {
  const { t, i18n } = useTranslation();
  const overview = useLoad(() => employmentApi.overview(), []);
  const [dimension, setDimension] = useState<Dimension>('employer');

  const rows = useMemo(() => {
    if (!overview.data) {
      return [];
    }
    return rowsOf(overview.data, dimension)
      .sort((a, b) => b.figures.places - a.figures.places)
      .slice(0, 15);
  }, [overview.data, dimension]);

  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.name),
        axisLabel: { width: 220, overflow: 'truncate' },
      },
      series: SERIES.map((s) => ({
        type: 'bar' as const,
        name: t(`employment:overview.${s}`),
        data: rows.map((r) => r.figures[s]),
        barMaxWidth: 12,
        itemStyle: { color: COLORS[s] },
      })),
    }),
    [rows, t],
  );

  const o = overview.data;
  const separator = i18n.language === 'zh-CN' ? '；' : '; ';
  const stats: { key: string; value: number | undefined }[] = [
    { key: 'employers', value: o?.totals.employers },
    { key: 'positions', value: o?.totals.positions },
    { key: 'openPositions', value: o?.totals.openPositions },
    { key: 'places', value: o?.totals.places },
    { key: 'placesLeft', value: o?.totals.placesLeft },
    { key: 'applications', value: o?.totals.applications },
    { key: 'priorityApplicants', value: o?.totals.priorityApplicants },
    { key: 'hires', value: o?.totals.hires },
  ];

  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 18 }}>
          {t('employment:overview.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('employment:overview.description')}</Typography.Text>
      </Card>
      {overview.error && <Alert type="error" showIcon title={overview.error} />}
      <Row gutter={[16, 16]}>
        {stats.map((s) => (
          <Col key={s.key} xs={12} md={6}>
            <Card>
              <Skeleton loading={!o} active paragraph={{ rows: 1 }}>
                <Statistic title={t(`employment:overview.${s.key}`)} value={s.value ?? 0} />
              </Skeleton>
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        title={t('employment:overview.chartTitle')}
        extra={
          <Segmented<Dimension>
            value={dimension}
            onChange={setDimension}
            options={[
              { value: 'employer', label: t('employment:overview.byEmployer') },
              { value: 'organisation', label: t('employment:overview.byOrganisation') },
              { value: 'zone', label: t('employment:overview.byZone') },
            ]}
          />
        }
      >
        {!o ? (
          <Skeleton active />
        ) : rows.length === 0 ? (
          <Empty description={t('employment:overview.empty')} />
        ) : (
          <>
            <Flex gap={16} wrap className="gy-legend" aria-hidden>
              {SERIES.map((s) => (
                <span key={s}>
                  <i style={{ background: COLORS[s] }} />
                  {t(`employment:overview.${s}`)}
                </span>
              ))}
            </Flex>
            <EChart
              option={option}
              height={Math.max(260, rows.length * 52 + 60)}
              label={`${t('employment:overview.chartTitle')}: ${rows
                .map((r) =>
                  t('employment:overview.chartRow', {
                    name: r.name,
                    positions: r.figures.positions,
                    places: r.figures.places,
                    applications: r.figures.applications,
                    hires: r.figures.hires,
                  }),
                )
                .join(separator)}`}
            />
          </>
        )}
        <Typography.Text type="secondary">{t('employment:overview.top')}</Typography.Text>
      </Card>
    </Flex>
  );
}

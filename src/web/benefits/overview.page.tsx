import { Alert, Card, Col, Empty, Flex, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../shared/echart.tsx';
import { campaignApi, type Overview, type OverviewRow } from './benefits.api.ts';
import { asChartOption } from './benefits.charts.ts';
import { formatYuan, formatYuanCompact } from './benefits.format.ts';

const SERIES = [
  { key: 'budgetFen', color: '#bfbfbf' },
  { key: 'claimedFen', color: '#f5a623' },
  { key: 'redeemedFen', color: '#c8161d' },
  { key: 'orderAmountFen', color: '#1d5bd8' },
] as const;

/** 普惠总览: issued, claimed and redeemed amounts and the orders they drove, per organisation. */
export function BenefitsOverviewPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    campaignApi
      .overview()
      .then(setData)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  const option = useMemo(() => {
    const rows = data?.byOrganisation ?? [];
    return asChartOption({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => formatYuan(Math.round(Number(v) * 100), lang),
      },
      legend: { top: 0 },
      grid: { left: 16, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.orgName), axisLabel: { interval: 0 } },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => formatYuanCompact(v * 100, lang) },
      },
      series: SERIES.map((s) => ({
        type: 'bar' as const,
        name: t(`benefits:overview.${s.key}`),
        data: rows.map((r) => r[s.key] / 100),
        itemStyle: { color: s.color },
        barMaxWidth: 36,
      })),
    });
  }, [data, lang, t]);

  if (error) {
    return <Alert type="error" showIcon title={t('shared:error.loadFailed')} description={error} />;
  }
  if (!data) {
    return <Skeleton active />;
  }
  const totals = data.totals;
  const leverage = totals.redeemedFen > 0 ? totals.orderAmountFen / totals.redeemedFen : 0;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {t('benefits:overview.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('benefits:overview.subtitle')}</Typography.Text>
      </Card>
      <Row gutter={[16, 16]}>
        {(
          [
            [
              'budgetFen',
              formatYuan(totals.budgetFen, lang),
              t('benefits:overview.campaignsNote', { count: totals.campaigns }),
            ],
            [
              'claimedFen',
              formatYuan(totals.claimedFen, lang),
              t('benefits:overview.countNote', { count: totals.claimedCount }),
            ],
            [
              'redeemedFen',
              formatYuan(totals.redeemedFen, lang),
              t('benefits:overview.countNote', { count: totals.redeemedCount }),
            ],
            [
              'orderAmountFen',
              formatYuan(totals.orderAmountFen, lang),
              leverage > 0 ? t('benefits:overview.leverage', { ratio: leverage.toFixed(1) }) : '—',
            ],
          ] as const
        ).map(([key, value, note]) => (
          <Col key={key} xs={24} sm={12} xl={6}>
            <Card>
              <Statistic title={t(`benefits:overview.${key}`)} value={value} />
              <Typography.Text type="secondary">{note}</Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={t('benefits:overview.chartTitle')}>
        {data.byOrganisation.length === 0 ? (
          <Empty description={t('benefits:overview.empty')} />
        ) : (
          <EChart option={option} height={360} label={t('benefits:overview.chartLabel')} />
        )}
      </Card>
      <Card title={t('benefits:overview.tableTitle')}>
        <Table<OverviewRow>
          rowKey="orgId"
          size="middle"
          pagination={false}
          dataSource={data.byOrganisation}
          columns={[
            { title: t('benefits:overview.org'), dataIndex: 'orgName' },
            { title: t('benefits:overview.campaigns'), dataIndex: 'campaigns', align: 'right' },
            ...SERIES.map((s) => ({
              title: t(`benefits:overview.${s.key}`),
              key: s.key,
              align: 'right' as const,
              render: (_v: unknown, r: OverviewRow) => formatYuan(r[s.key], lang),
            })),
            {
              title: t('benefits:overview.redeemRate'),
              key: 'rate',
              align: 'right',
              render: (_v, r) =>
                r.claimedCount > 0 ? `${((r.redeemedCount / r.claimedCount) * 100).toFixed(1)}%` : '—',
            },
          ]}
        />
      </Card>
    </Flex>
  );
}

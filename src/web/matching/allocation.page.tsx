import { Alert, Button, Card, Col, Empty, Flex, List, Row, Select, Space, Statistic, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shared/api-client.ts';
import { type ChartOption, EChart } from '../shared/echart.tsx';
import { type AllocationMethod, type AllocationReport, type JobOption, matchingApi } from './matching.api.ts';

/** Fill rate per posting (the 15 postings with most places), as horizontal bars. */
function fillOption(method: AllocationMethod): ChartOption {
  const rows = [...method.fill].sort((a, b) => b.capacity - a.capacity).slice(0, 15);
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => `${r.title}（${r.filled}/${r.capacity}）`),
    },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => Math.round(r.fillRate * 100)),
        itemStyle: { color: method.method === 'deferred-acceptance' ? '#1d5bd8' : '#13a8a8' },
      },
    ],
  };
}

function MethodCard({ method }: { method: AllocationMethod }) {
  const { t } = useTranslation();
  const option = useMemo(() => fillOption(method), [method]);
  const title =
    method.method === 'deferred-acceptance'
      ? t('matching:allocation.stable')
      : t('matching:allocation.welfare');
  return (
    <Card title={title}>
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title={t('matching:allocation.placed')} value={method.placed} />
        </Col>
        <Col span={8}>
          <Statistic title={t('matching:allocation.totalScore')} value={method.totalScore} precision={1} />
        </Col>
        <Col span={8}>
          <Statistic title={t('matching:allocation.blockingPairs')} value={method.blockingPairs} />
        </Col>
      </Row>
      <Typography.Text type="secondary">
        {t('matching:allocation.millis')}: {method.millis}
      </Typography.Text>
      <Typography.Title level={5}>{t('matching:allocation.fillRates')}</Typography.Title>
      <EChart option={option} height={Math.max(160, Math.min(15, method.fill.length) * 28)} label={title} />
      <Typography.Title level={5}>
        {t('matching:allocation.unplaced')} ({method.unplaced.length})
      </Typography.Title>
      {method.unplaced.length === 0 ? (
        <Empty description={t('matching:allocation.noUnplaced')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List size="small" dataSource={method.unplaced} renderItem={(u) => <List.Item>{u.name}</List.Item>} />
      )}
    </Card>
  );
}

/** Staff pick the postings of a recruitment event (or a zone), run both methods and compare. */
export function AllocationPage() {
  const { t } = useTranslation();
  const [zones, setZones] = useState<{ id: string; name: string }[]>([]);
  const [zoneId, setZoneId] = useState<string | undefined>();
  const [options, setOptions] = useState<JobOption[]>([]);
  const [jobIds, setJobIds] = useState<string[]>([]);
  const [report, setReport] = useState<AllocationReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  useEffect(() => {
    matchingApi.zones().then(setZones, () => setZones([]));
  }, []);

  const search = (q: string) => {
    if (q.trim() === '') {
      return;
    }
    matchingApi.searchJobs(q).then(
      (found) => setOptions((old) => [...old.filter((o) => jobIds.includes(o.id)), ...found]),
      () => undefined,
    );
  };

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      setReport(await matchingApi.allocate({ jobIds, ...(zoneId ? { zoneId } : {}) }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('matching:allocation.title')}</Typography.Title>
      <Typography.Text type="secondary">{t('matching:allocation.intro')}</Typography.Text>
      <Space wrap>
        <Select
          aria-label={t('matching:allocation.zone')}
          placeholder={t('matching:allocation.zone')}
          allowClear
          style={{ minWidth: 220 }}
          value={zoneId}
          onChange={(v: string | undefined) => setZoneId(v)}
          options={zones.map((z) => ({ value: z.id, label: z.name }))}
        />
        <Select
          aria-label={t('matching:allocation.jobs')}
          mode="multiple"
          showSearch={{ filterOption: false, onSearch: search }}
          placeholder={t('matching:allocation.jobsPlaceholder')}
          style={{ minWidth: 360 }}
          value={jobIds}
          onChange={(v: string[]) => setJobIds(v)}
          options={options.map((o) => ({ value: o.id, label: `${o.title} · ${o.employerName}` }))}
        />
        <Button type="primary" loading={running} disabled={!zoneId && jobIds.length === 0} onClick={run}>
          {t('matching:allocation.run')}
        </Button>
      </Space>
      {!zoneId && jobIds.length === 0 ? (
        <Alert type="info" title={t('matching:allocation.pickSomething')} />
      ) : null}
      {error ? <Alert type="error" title={error} /> : null}
      {report ? (
        <>
          <Typography.Text>
            {t('matching:allocation.summary', {
              jobs: report.jobs,
              places: report.places,
              applicants: report.applicants,
              applications: report.applications,
            })}
          </Typography.Text>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <MethodCard method={report.deferredAcceptance} />
            </Col>
            <Col xs={24} lg={12}>
              <MethodCard method={report.welfare} />
            </Col>
          </Row>
        </>
      ) : null}
    </Flex>
  );
}

import { DownloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Progress,
  Result,
  Row,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../shared/api-client.ts';
import { formatNumber } from '../shared/format.ts';
import { BackLink } from './back-link.tsx';
import { LiveChart } from './live-charts.tsx';
import { formatShort } from './live-format.ts';
import { liveApi, type Report } from './livestream.api.ts';
import { SurveyResultsView } from './survey-results.view.tsx';

/** The event report: audience, the job channel's results by employer and job, the priority zone, surveys; .xlsx export. */
export function LiveReportPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const n = (v: number) => formatNumber(v, i18n.language);

  useEffect(() => {
    liveApi
      .report(id)
      .then(setReport)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : t('shared:error.loadFailed')));
  }, [id, t]);

  if (error) {
    return <Result status="warning" title={t('shared:error.loadFailed')} subTitle={error} />;
  }
  if (!report) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin size="large" />
      </Flex>
    );
  }

  const s = report.session;
  const topEmployers = [...report.byEmployer]
    .sort((a, b) => b.applications - a.applications || b.places - a.places)
    .slice(0, 10);
  const employerOption = {
    color: ['#1d5bd8', '#2f9e44'],
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: topEmployers.map((e) => e.employerName),
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: t('livestream:report.applications'),
        data: topEmployers.map((e) => e.applications),
        barMaxWidth: 14,
      },
      {
        type: 'bar',
        name: t('livestream:report.hires'),
        data: topEmployers.map((e) => e.hires),
        barMaxWidth: 14,
      },
    ],
  };
  const funnelOption = {
    color: ['#1d5bd8', '#e8590c', '#c8161d', '#2f9e44'],
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '4%',
        width: '58%',
        top: 8,
        bottom: 8,
        minSize: '14%',
        gap: 2,
        label: { show: true, position: 'right', formatter: '{b}  {c}', color: '#1f1f1f', fontSize: 13 },
        labelLine: { show: true, length: 12 },
        data: [
          { name: t('livestream:funnel.views'), value: report.exposures },
          { name: t('livestream:funnel.opens'), value: report.jobOpeners },
          { name: t('livestream:funnel.applications'), value: report.applications },
          { name: t('livestream:funnel.hires'), value: report.hires },
        ],
      },
    ],
  };

  const figures: { label: string; value: number; hint?: string }[] = [
    {
      label: t('livestream:counter.exposures'),
      value: report.exposures,
      hint: t('livestream:counter.exposuresHint'),
    },
    { label: t('livestream:counter.peak'), value: report.peakConcurrent },
    { label: t('livestream:counter.likes'), value: report.likes },
    { label: t('livestream:report.jobOpeners'), value: report.jobOpeners },
    {
      label: t('livestream:counter.applications'),
      value: report.applications,
      hint: t('livestream:report.afterEnd', { n: report.applicationsAfterEnd }),
    },
    { label: t('livestream:report.hires'), value: report.hires },
  ];

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="start" wrap gap={12}>
          <Flex vertical gap={4}>
            <BackLink to={`/live/${id}`} label={t('livestream:report.backToHost')} />
            <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
              {t('livestream:report.title', { title: s.title })}
            </Typography.Title>
            <Typography.Text type="secondary">
              {s.organisers.map((o) => o.name).join(' · ')} ·{' '}
              {formatShort(s.startedAt ?? s.scheduledStart, i18n.language)} –{' '}
              {formatShort(s.endedAt ?? s.scheduledEnd, i18n.language)} · {s.statusLabel}
            </Typography.Text>
          </Flex>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => {
              setExporting(true);
              liveApi
                .exportReport(id)
                .catch(
                  (e: unknown) =>
                    void message.error(e instanceof ApiError ? e.message : t('shared:error.unknown')),
                )
                .finally(() => setExporting(false));
            }}
          >
            {t('livestream:report.export')}
          </Button>
        </Flex>
      </Card>

      <Row gutter={[16, 16]}>
        {figures.map((f) => (
          <Col key={f.label} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={f.label} value={f.value} formatter={(v) => n(Number(v))} />
              {f.hint && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {f.hint}
                </Typography.Text>
              )}
            </Card>
          </Col>
        ))}
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('livestream:report.scale')} style={{ height: '100%' }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'e', label: t('livestream:report.employers'), children: n(report.employers) },
                { key: 'j', label: t('livestream:report.jobs'), children: n(report.jobs) },
                { key: 'p', label: t('livestream:report.places'), children: n(report.places) },
              ]}
            />
            {report.priorityZone && (
              <Flex vertical gap={8} style={{ marginTop: 16 }}>
                <Typography.Text strong>
                  {t('livestream:report.zone', { name: report.priorityZone.name })}
                </Typography.Text>
                <Progress
                  percent={report.priorityZone.share}
                  strokeColor="#c8161d"
                  aria-label={t('livestream:report.zoneShare')}
                  format={(p) => `${p}%`}
                />
                <Typography.Text type="secondary">
                  {t('livestream:report.zoneDetail', {
                    jobs: report.priorityZone.jobs,
                    applications: report.priorityZone.applications,
                    hires: report.priorityZone.hires,
                  })}
                </Typography.Text>
              </Flex>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Card size="small" title={t('livestream:host.funnel')}>
            <LiveChart
              option={funnelOption}
              height={260}
              label={t('livestream:host.funnelLabel', {
                views: report.exposures,
                opens: report.jobOpeners,
                applications: report.applications,
                hires: report.hires,
              })}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Card size="small" title={t('livestream:report.topEmployers')}>
            <LiveChart option={employerOption} height={260} label={t('livestream:report.topEmployers')} />
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('livestream:report.byEmployer')}>
        <Table
          size="small"
          rowKey="employerId"
          dataSource={report.byEmployer}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          columns={[
            { title: t('livestream:report.employer'), dataIndex: 'employerName' },
            {
              title: t('livestream:report.jobs'),
              dataIndex: 'jobs',
              align: 'right',
              sorter: (a, b) => a.jobs - b.jobs,
            },
            {
              title: t('livestream:report.places'),
              dataIndex: 'places',
              align: 'right',
              sorter: (a, b) => a.places - b.places,
            },
            {
              title: t('livestream:report.applications'),
              dataIndex: 'applications',
              align: 'right',
              sorter: (a, b) => a.applications - b.applications,
              defaultSortOrder: 'descend',
            },
            {
              title: t('livestream:report.hires'),
              dataIndex: 'hires',
              align: 'right',
              sorter: (a, b) => a.hires - b.hires,
            },
          ]}
        />
      </Card>

      <Card size="small" title={t('livestream:report.byJob')}>
        <Table
          size="small"
          rowKey="jobId"
          dataSource={report.byJob}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          columns={[
            {
              title: t('livestream:host.job'),
              dataIndex: 'title',
              render: (title: string, row) => (
                <span>
                  {title}
                  {row.priorityZone && (
                    <Tag color="#874d00" style={{ marginInlineStart: 6 }}>
                      {t('livestream:job.zone')}
                    </Tag>
                  )}
                </span>
              ),
            },
            { title: t('livestream:report.employer'), dataIndex: 'employerName' },
            { title: t('livestream:report.places'), dataIndex: 'places', align: 'right' },
            {
              title: t('livestream:host.opens'),
              dataIndex: 'opens',
              align: 'right',
              sorter: (a, b) => a.opens - b.opens,
            },
            {
              title: t('livestream:report.applications'),
              dataIndex: 'applications',
              align: 'right',
              sorter: (a, b) => a.applications - b.applications,
              defaultSortOrder: 'descend',
            },
            {
              title: t('livestream:report.hires'),
              dataIndex: 'hires',
              align: 'right',
              sorter: (a, b) => a.hires - b.hires,
            },
          ]}
        />
      </Card>

      {report.surveys.map((survey) => (
        <Card
          key={survey.surveyId}
          title={t('livestream:report.survey', { title: survey.title, n: n(survey.responses) })}
          styles={{ body: { background: '#f5f7fa' } }}
        >
          <SurveyResultsView results={survey} />
        </Card>
      ))}
    </Flex>
  );
}

import {
  BarChartOutlined,
  CaretRightOutlined,
  EyeOutlined,
  NotificationOutlined,
  PoweroffOutlined,
  PushpinFilled,
  PushpinOutlined,
  StepForwardOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Input,
  Result,
  Row,
  Spin,
  Statistic,
  Steps,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMe } from '../org/session.context.tsx';
import { ApiError } from '../shared/api-client.ts';
import { formatNumber } from '../shared/format.ts';
import { BackLink } from './back-link.tsx';
import { LiveChart, PALETTE } from './live-charts.tsx';
import { formatShort, formatTime } from './live-format.ts';
import { type HostStats, type JobCard, liveApi, type SessionView } from './livestream.api.ts';
import { ModerationPanel } from './moderation.panel.tsx';
import { STATUS_BADGE } from './session-list.page.tsx';
import { type LiveHandlers, useLiveEvents } from './use-live-events.ts';

interface JobRow extends JobCard {
  opens: number;
  applications: number;
  hires: number;
}

function Figure({ label, value, hint }: { label: string; value: number; hint?: string }) {
  const { i18n } = useTranslation();
  return (
    <section aria-label={label}>
      <Card size="small">
        <Statistic title={label} value={value} formatter={(v) => formatNumber(Number(v), i18n.language)} />
        {hint && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hint}
          </Typography.Text>
        )}
      </Card>
    </section>
  );
}

/** The host's desk for one session: on air / off air, the rundown, the pinned job, announcements, live figures. */
export function HostConsolePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const canHost = me.permissions.includes('live:host');
  const canModerate = me.permissions.includes('live:moderate');
  const canManage = me.permissions.includes('live:manage');
  const [session, setSession] = useState<SessionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [jobs, setJobs] = useState<JobCard[]>([]);
  const [initialStats, setInitialStats] = useState<HostStats | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const chatEvents = useRef<LiveHandlers>({});

  const load = useCallback(() => {
    liveApi
      .get(id)
      .then(setSession)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : t('shared:error.loadFailed')));
    liveApi
      .channel(id)
      .then((c) => setJobs(c.items))
      .catch(() => setJobs([]));
    if (canHost) {
      liveApi
        .stats(id)
        .then(setInitialStats)
        .catch(() => undefined);
    }
  }, [id, t, canHost]);

  useEffect(() => {
    load();
  }, [load]);

  const live = useLiveEvents(id, {
    host: canHost,
    onMessage: (m) => chatEvents.current.onMessage?.(m),
    onMessageRemoved: (mid) => chatEvents.current.onMessageRemoved?.(mid),
    onMessagePinned: (mid, p) => chatEvents.current.onMessagePinned?.(mid, p),
    onStatus: () => load(),
  });

  const stats = live.hostStats ?? initialStats;
  const status = live.status ?? session?.status;
  const segment = live.status ? live.currentSegment : (session?.currentSegment ?? null);
  const pinned = live.status ? live.pinnedJob : (session?.pinnedJob ?? null);
  const counters = live.counters ?? stats ?? session?.counters;
  const announcements = live.status ? live.announcements : (session?.announcements ?? []);

  const rows: JobRow[] = useMemo(() => {
    const perJob = new Map((stats?.jobs ?? []).map((j) => [j.jobId, j]));
    return jobs.map((j) => ({
      ...j,
      opens: perJob.get(j.id)?.opens ?? 0,
      applications: perJob.get(j.id)?.applications ?? 0,
      hires: perJob.get(j.id)?.hires ?? 0,
    }));
  }, [jobs, stats]);

  const run = async (key: string, action: () => Promise<unknown>, done?: string) => {
    setBusy(key);
    try {
      await action();
      if (done) {
        void message.success(done);
      }
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : t('shared:error.unknown'));
    } finally {
      setBusy(null);
    }
  };

  if (error) {
    return <Result status="warning" title={t('shared:error.loadFailed')} subTitle={error} />;
  }
  if (!session || !status) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin size="large" />
      </Flex>
    );
  }

  const isLive = status === 'live';
  const funnel = stats?.funnel;
  const currentIndex = segment ? session.segments.findIndex((s) => s.id === segment.id) : -1;

  const goLive = () =>
    modal.confirm({
      title: t('livestream:host.startConfirm'),
      content: t('livestream:host.startConfirmText'),
      okText: t('livestream:host.start'),
      cancelText: t('shared:action.cancel'),
      onOk: () =>
        run('status', async () => setSession(await liveApi.start(id)), t('livestream:host.started')),
    });
  const endLive = () =>
    modal.confirm({
      title: t('livestream:host.endConfirm'),
      content: t('livestream:host.endConfirmText'),
      okText: t('livestream:host.end'),
      okButtonProps: { danger: true },
      cancelText: t('shared:action.cancel'),
      onOk: () => run('status', async () => setSession(await liveApi.end(id)), t('livestream:host.ended')),
    });

  const jobColumns: TableColumnsType<JobRow> = [
    {
      title: t('livestream:host.job'),
      dataIndex: 'title',
      render: (title: string, row) => (
        <Flex vertical gap={2}>
          <span>
            <Typography.Text strong>{title}</Typography.Text>
            {row.priorityZone && (
              <Tag color="#874d00" style={{ marginInlineStart: 6 }}>
                {t('livestream:job.zone')}
              </Tag>
            )}
            {pinned?.id === row.id && (
              <Tag color="red" icon={<PushpinFilled />}>
                {t('livestream:host.pinnedTag')}
              </Tag>
            )}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.employerName} · {t('livestream:job.places', { left: row.placesLeft, total: row.headcount })}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('livestream:host.opens'), dataIndex: 'opens', align: 'right', width: 80 },
    {
      title: t('livestream:host.applications'),
      dataIndex: 'applications',
      align: 'right',
      width: 80,
      render: (n: number, row) => (
        <span
          data-testid={`applications-${row.id}`}
          title={t('livestream:host.applicationsFor', { title: row.title, n })}
        >
          {n}
        </span>
      ),
    },
    {
      title: t('shared:list.actions'),
      key: 'pin',
      width: 120,
      render: (_: unknown, row) =>
        pinned?.id === row.id ? (
          <Button
            size="small"
            danger
            disabled={!isLive || !canHost}
            loading={busy === `pin:${row.id}`}
            onClick={() => void run(`pin:${row.id}`, () => liveApi.unpin(id))}
            aria-label={t('livestream:host.unpinNamed', { title: row.title })}
          >
            {t('livestream:host.unpin')}
          </Button>
        ) : (
          <Button
            size="small"
            icon={<PushpinOutlined />}
            disabled={!isLive || !canHost}
            loading={busy === `pin:${row.id}`}
            onClick={() =>
              void run(
                `pin:${row.id}`,
                () => liveApi.pin(id, row.id),
                t('livestream:host.pinned', { title: row.title }),
              )
            }
            aria-label={t('livestream:host.pinNamed', { title: row.title })}
          >
            {t('livestream:host.pin')}
          </Button>
        ),
    },
  ];

  const funnelOption = {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [
      {
        type: 'funnel',
        left: '4%',
        width: '58%',
        top: 8,
        bottom: 8,
        minSize: '12%',
        sort: 'none',
        gap: 2,
        label: { show: true, position: 'right', formatter: '{b}  {c}', color: '#1f1f1f', fontSize: 13 },
        labelLine: { show: true, length: 12 },
        data: [
          { name: t('livestream:funnel.views'), value: funnel?.views ?? 0 },
          { name: t('livestream:funnel.opens'), value: funnel?.jobOpens ?? 0 },
          { name: t('livestream:funnel.applications'), value: funnel?.applications ?? 0 },
          { name: t('livestream:funnel.hires'), value: funnel?.hires ?? 0 },
        ],
      },
    ],
  };

  const lineOption = {
    color: ['#c8161d'],
    grid: { left: 40, right: 12, top: 12, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: live.history.map((p) => formatTime(p.at, i18n.language, true)),
      boundaryGap: false,
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'line',
        smooth: true,
        showSymbol: false,
        areaStyle: { opacity: 0.12 },
        data: live.history.map((p) => p.concurrent),
      },
    ],
  };

  const desk = (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={9}>
        <Flex vertical gap={16}>
          <Card
            size="small"
            title={t('livestream:host.rundown')}
            extra={
              <Button
                size="small"
                icon={<StepForwardOutlined />}
                disabled={!isLive || !canHost || currentIndex >= session.segments.length - 1}
                loading={busy === 'segment'}
                onClick={() => void run('segment', () => liveApi.moveSegment(id, { move: 'next' }))}
              >
                {t('livestream:host.nextSegment')}
              </Button>
            }
          >
            {session.segments.length === 0 ? (
              <Empty description={t('livestream:host.noRundown')} />
            ) : (
              <Steps
                orientation="vertical"
                size="small"
                current={Math.max(currentIndex, 0)}
                status={isLive ? 'process' : status === 'scheduled' ? 'wait' : 'finish'}
                items={session.segments.map((s, i) => ({
                  title: s.title,
                  content: (
                    <Flex gap={6} wrap>
                      <Tag>{t(`livestream:segmentKind.${s.kind}`)}</Tag>
                      {isLive && i === currentIndex && <Tag color="red">{t('livestream:viewer.now')}</Tag>}
                      {s.startedAt && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatTime(s.startedAt, i18n.language)}
                        </Typography.Text>
                      )}
                    </Flex>
                  ),
                }))}
              />
            )}
          </Card>
          <Card size="small" title={t('livestream:host.announcements')}>
            <Flex vertical gap={8}>
              <Input.TextArea
                aria-label={t('livestream:host.announcementText')}
                placeholder={t('livestream:host.announcementText')}
                value={announcement}
                onChange={(e) => setAnnouncement(e.target.value)}
                maxLength={500}
                rows={2}
                disabled={!canHost || status === 'archived'}
              />
              <Flex justify="end">
                <Button
                  type="primary"
                  icon={<NotificationOutlined />}
                  disabled={!announcement.trim() || !canHost}
                  loading={busy === 'announce'}
                  onClick={() =>
                    void run(
                      'announce',
                      async () => {
                        await liveApi.announce(id, announcement.trim());
                        setAnnouncement('');
                      },
                      t('livestream:host.announced'),
                    )
                  }
                >
                  {t('livestream:host.announce')}
                </Button>
              </Flex>
              {announcements.slice(0, 5).map((a) => (
                <Alert key={a.id} type="info" title={a.text} description={formatShort(a.at, i18n.language)} />
              ))}
            </Flex>
          </Card>
        </Flex>
      </Col>
      <Col xs={24} xl={15}>
        <Flex vertical gap={16}>
          <Card
            size="small"
            title={t('livestream:host.jobs', { count: jobs.length })}
            extra={
              pinned ? (
                <Typography.Text>
                  <PushpinFilled style={{ color: '#c8161d' }} />{' '}
                  {t('livestream:host.nowPinned', { title: pinned.title })}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('livestream:host.nothingPinned')}</Typography.Text>
              )
            }
          >
            <Table<JobRow>
              size="small"
              rowKey="id"
              columns={jobColumns}
              dataSource={rows}
              pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              onRow={(row) => (pinned?.id === row.id ? { style: { background: '#fff7e6' } } : {})}
            />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12}>
              <Card size="small" title={t('livestream:host.funnel')}>
                <LiveChart
                  option={funnelOption}
                  height={220}
                  label={t('livestream:host.funnelLabel', {
                    views: funnel?.views ?? 0,
                    opens: funnel?.jobOpens ?? 0,
                    applications: funnel?.applications ?? 0,
                    hires: funnel?.hires ?? 0,
                  })}
                />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small" title={t('livestream:host.concurrentLine')}>
                {live.history.length < 2 ? (
                  <Flex align="center" justify="center" style={{ height: 220 }}>
                    <Typography.Text type="secondary">
                      {isLive ? t('livestream:host.collecting') : t('livestream:host.notLive')}
                    </Typography.Text>
                  </Flex>
                ) : (
                  <LiveChart option={lineOption} height={220} label={t('livestream:host.concurrentLine')} />
                )}
              </Card>
            </Col>
          </Row>
        </Flex>
      </Col>
    </Row>
  );

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="start" wrap gap={12}>
          <Flex vertical gap={4}>
            <BackLink to="/live" label={t('livestream:host.back')} />
            <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
              {session.title}
            </Typography.Title>
            <Flex gap={12} wrap align="center">
              <Badge status={STATUS_BADGE[status]} text={t(`livestream:status.${status}`)} />
              <Typography.Text type="secondary">
                {session.organisers.map((o) => o.name).join(' · ')}
              </Typography.Text>
              <Typography.Text type="secondary">
                {formatShort(session.scheduledStart, i18n.language)} –{' '}
                {formatShort(session.scheduledEnd, i18n.language)}
              </Typography.Text>
              {isLive && (
                <Badge
                  status={live.connected ? 'success' : 'warning'}
                  text={live.connected ? t('livestream:host.connected') : t('livestream:host.reconnecting')}
                />
              )}
            </Flex>
          </Flex>
          <Flex gap={8} wrap>
            <Button icon={<EyeOutlined />} href={`/live?session=${id}`} target="_blank">
              {t('livestream:host.viewerPage')}
            </Button>
            {canManage && status !== 'scheduled' && (
              <Button icon={<BarChartOutlined />} onClick={() => void navigate(`/live/${id}/report`)}>
                {t('livestream:session.report')}
              </Button>
            )}
            {canHost && status === 'scheduled' && (
              <Button
                type="primary"
                icon={<CaretRightOutlined />}
                loading={busy === 'status'}
                onClick={goLive}
              >
                {t('livestream:host.start')}
              </Button>
            )}
            {canHost && isLive && (
              <Button
                danger
                type="primary"
                icon={<PoweroffOutlined />}
                loading={busy === 'status'}
                onClick={endLive}
              >
                {t('livestream:host.end')}
              </Button>
            )}
          </Flex>
        </Flex>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={12} md={8} xl={4}>
          <Figure
            label={t('livestream:counter.exposures')}
            value={counters?.exposures ?? 0}
            hint={t('livestream:counter.exposuresHint')}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Figure label={t('livestream:counter.concurrent')} value={counters?.concurrent ?? 0} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Figure label={t('livestream:counter.peak')} value={counters?.peakConcurrent ?? 0} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Figure label={t('livestream:counter.likes')} value={counters?.likes ?? 0} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Figure label={t('livestream:counter.jobOpens')} value={stats?.jobOpens ?? 0} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Figure label={t('livestream:counter.applications')} value={counters?.applications ?? 0} />
        </Col>
      </Row>

      <Tabs
        items={[
          { key: 'desk', label: t('livestream:host.tabDesk'), children: desk },
          ...(canModerate
            ? [
                {
                  key: 'group',
                  label: t('livestream:host.tabGroup'),
                  children: <ModerationPanel sessionId={id} events={chatEvents} />,
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}

import { ArrowLeftOutlined, AuditOutlined, StopOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Popconfirm,
  Result,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EChart } from '../shared/echart.tsx';
import { formatDateTime } from '../shared/format.ts';
import { type Campaign, type CampaignProgress, campaignApi, type Reconciliation } from './benefits.api.ts';
import { asChartOption } from './benefits.charts.ts';
import { formatTime, formatYuan, voucherLabel } from './benefits.format.ts';
import { PhaseBadge, useCampaignActions } from './campaign-list.page.tsx';

const POLL_MS = 3000;

/** The server names its reconciliation checks in English; show them in the reader's language. */
const CHECK_KEYS: Record<string, string> = {
  'claimed = vouchers issued': 'claimedIssued',
  'vouchers = member claim counters': 'claimCounters',
  'redeemed vouchers = standing redemptions': 'redeemedStanding',
  'redeemed face value = redemption discounts (fen)': 'redeemedValue',
  'members over the per-member limit': 'overLimit',
  'vouchers whose status disagrees with their history': 'historyMismatch',
  'budget = redeemed + outstanding + expired + unclaimed (fen)': 'budgetBalance',
  'returned = unclaimed + expired': 'returned',
};

/** One campaign: facts, approval, live claim progress, reconciliation and closing. */
export function CampaignDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { actions, rejectPanel, canManage } = useCampaignActions((c) => setCampaign(c));
  const [recon, setRecon] = useState<Reconciliation | null>(null);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    campaignApi
      .get(id)
      .then(setCampaign)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [id]);

  if (error) {
    return <Result status="warning" title={t('shared:error.loadFailed')} subTitle={error} />;
  }
  if (!campaign) {
    return <Skeleton active />;
  }
  const c = campaign;
  const closable = canManage && c.status === 'approved' && Date.parse(c.validUntil) < Date.now();

  const check = async () => {
    setChecking(true);
    try {
      setRecon(await campaignApi.reconciliation(c.id));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : t('shared:error.unknown'));
    } finally {
      setChecking(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Flex vertical gap={2} style={{ paddingBlock: 12 }}>
            <Link to=".." relative="path" className="gy-link">
              <ArrowLeftOutlined /> {t('benefits:campaign.backToList')}
            </Link>
            <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
              {c.name}{' '}
              <Tag style={{ verticalAlign: 'middle', fontSize: 13 }}>
                <PhaseBadge phase={c.phase} />
              </Tag>
            </Typography.Title>
          </Flex>
        }
        extra={
          <Space wrap>
            {actions(c)}
            {closable && (
              <Popconfirm
                title={t('benefits:campaign.closeConfirm')}
                okText={t('benefits:campaign.close')}
                cancelText={t('shared:action.cancel')}
                onConfirm={async () => {
                  try {
                    const r = await campaignApi.close(c.id);
                    void message.success(
                      t('benefits:campaign.closed', {
                        count: r.returnedCount,
                        amount: formatYuan(r.returnedFen, lang),
                      }),
                    );
                    setCampaign(await campaignApi.get(c.id));
                  } catch (e) {
                    void message.error(e instanceof Error ? e.message : t('shared:error.unknown'));
                  }
                }}
              >
                <Button icon={<StopOutlined />}>{t('benefits:campaign.close')}</Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        {c.rejectedReason && c.status === 'rejected' && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('benefits:campaign.rejectedReason', { reason: c.rejectedReason })}
          />
        )}
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('benefits:campaign.fundingOrg')}>{c.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('benefits:campaign.faceValue')}>
            {voucherLabel(t, c.faceValueFen, c.thresholdFen)}
          </Descriptions.Item>
          <Descriptions.Item label={t('benefits:campaign.budget')}>
            {t('benefits:campaign.budgetLine', {
              count: c.totalCount,
              amount: formatYuan(c.budgetFen, lang),
            })}
          </Descriptions.Item>
          <Descriptions.Item label={t('benefits:campaign.perMemberLimit')}>
            {c.perMemberLimit}
          </Descriptions.Item>
          <Descriptions.Item label={t('benefits:campaign.claimWindow')}>
            {formatDateTime(c.claimStartsAt, lang)} – {formatDateTime(c.claimEndsAt, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('benefits:campaign.validity')}>
            {formatDateTime(c.validFrom, lang)} – {formatDateTime(c.validUntil, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('benefits:campaign.acceptCategories')}>
            {c.acceptCategories.length === 0 && c.acceptMerchantIds.length === 0
              ? t('benefits:voucher.acceptAll')
              : [
                  ...c.acceptCategories.map((x) => t(`benefits:category.${x}`)),
                  ...(c.acceptMerchantIds.length > 0
                    ? [t('benefits:voucher.acceptListed', { count: c.acceptMerchantIds.length })]
                    : []),
                ].join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t('benefits:campaign.eligibility')}>
            {[
              c.eligibility.tagsAny.length > 0
                ? t('benefits:campaign.tagsLine', { tags: c.eligibility.tagsAny.join('、') })
                : null,
              c.eligibility.minMembershipYears > 0
                ? t('benefits:route.minYears', { years: c.eligibility.minMembershipYears })
                : null,
            ]
              .filter(Boolean)
              .join(' ') || t('benefits:campaign.allMembersOf', { org: c.orgName })}
          </Descriptions.Item>
          <Descriptions.Item label={t('benefits:campaign.approval')}>
            {c.approvedAt
              ? t('benefits:campaign.approvedAt', { at: formatDateTime(c.approvedAt, lang) })
              : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {c.status === 'approved' || c.status === 'closed' ? (
        <LiveProgress campaign={c} />
      ) : (
        <Card>
          <Typography.Text type="secondary">{t('benefits:campaign.progressAfterApproval')}</Typography.Text>
        </Card>
      )}
      {(c.status === 'approved' || c.status === 'closed') && (
        <Card
          title={t('benefits:campaign.reconTitle')}
          extra={
            <Button icon={<AuditOutlined />} loading={checking} onClick={() => void check()}>
              {t('benefits:campaign.reconRun')}
            </Button>
          }
        >
          {!recon ? (
            <Typography.Text type="secondary">{t('benefits:campaign.reconHint')}</Typography.Text>
          ) : (
            <Flex vertical gap={12}>
              <Alert
                type={recon.balanced ? 'success' : 'error'}
                showIcon
                title={recon.balanced ? t('benefits:campaign.reconOk') : t('benefits:campaign.reconBad')}
              />
              <Row gutter={16}>
                {(
                  [
                    ['budgetFen', recon.budgetFen],
                    ['redeemedFen', recon.redeemedFen],
                    ['outstandingFen', recon.outstandingFen],
                    ['returnedFen', recon.returnedFen],
                  ] as const
                ).map(([key, value]) => (
                  <Col key={key} xs={12} md={6}>
                    <Statistic title={t(`benefits:recon.${key}`)} value={formatYuan(value, lang)} />
                  </Col>
                ))}
              </Row>
              <Table
                size="small"
                pagination={false}
                rowKey="name"
                dataSource={recon.checks}
                columns={[
                  {
                    title: t('benefits:recon.check'),
                    dataIndex: 'name',
                    render: (name: string) => {
                      const key = CHECK_KEYS[name];
                      return key ? t(`benefits:recon.checks.${key}`) : name;
                    },
                  },
                  { title: t('benefits:recon.expected'), dataIndex: 'expected', align: 'right' },
                  { title: t('benefits:recon.actual'), dataIndex: 'actual', align: 'right' },
                  {
                    title: t('benefits:recon.result'),
                    dataIndex: 'ok',
                    render: (ok: boolean) =>
                      ok ? (
                        <Badge status="success" text={t('benefits:recon.pass')} />
                      ) : (
                        <Badge status="error" text={t('benefits:recon.fail')} />
                      ),
                  },
                ]}
              />
            </Flex>
          )}
        </Card>
      )}
      {rejectPanel}
    </Flex>
  );
}

function LiveProgress({ campaign }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [progress, setProgress] = useState<CampaignProgress | null>(null);
  const [points, setPoints] = useState<{ at: string; claimed: number; redeemed: number }[]>([]);
  const timer = useRef<ReturnType<typeof setInterval> | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    const poll = async () => {
      try {
        const p = await campaignApi.progress(campaign.id);
        if (cancelled) {
          return;
        }
        setProgress(p);
        setPoints((prev) => [...prev.slice(-59), { at: p.at, claimed: p.claimed, redeemed: p.redeemed }]);
      } catch {
        // keep the last figures; the next poll tries again
      }
    };
    void poll();
    timer.current = setInterval(() => {
      if (document.visibilityState === 'visible') {
        void poll();
      }
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer.current);
    };
  }, [campaign.id]);

  const gauge = useMemo(() => {
    const claimed = progress?.claimed ?? campaign.claimed;
    const total = progress?.totalCount ?? campaign.totalCount;
    return asChartOption({
      series: [
        {
          type: 'gauge',
          min: 0,
          max: 100,
          progress: { show: true, width: 16, itemStyle: { color: '#c8161d' } },
          axisLine: { lineStyle: { width: 16 } },
          axisTick: { show: false },
          splitLine: { length: 8, lineStyle: { width: 1, color: '#999' } },
          axisLabel: { distance: 22, color: '#595959', fontSize: 11 },
          pointer: { show: false },
          anchor: { show: false },
          title: { show: true, offsetCenter: [0, '32%'], fontSize: 13, color: '#595959' },
          detail: {
            valueAnimation: true,
            offsetCenter: [0, '0%'],
            fontSize: 28,
            fontWeight: 'bold',
            formatter: '{value}%',
            color: '#1f1f1f',
          },
          data: [
            {
              value: Math.round((claimed / Math.max(1, total)) * 1000) / 10,
              name: t('benefits:campaign.gaugeName'),
            },
          ],
        },
      ],
    });
  }, [progress, campaign, t]);

  const line = useMemo(
    () =>
      asChartOption({
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 48, right: 16, top: 36, bottom: 28 },
        xAxis: { type: 'category', data: points.map((p) => formatTime(p.at, lang)), boundaryGap: false },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            type: 'line',
            name: t('benefits:progress.claimed'),
            data: points.map((p) => p.claimed),
            showSymbol: false,
            areaStyle: { opacity: 0.08 },
            itemStyle: { color: '#c8161d' },
          },
          {
            type: 'line',
            name: t('benefits:progress.redeemed'),
            data: points.map((p) => p.redeemed),
            showSymbol: false,
            itemStyle: { color: '#1d5bd8' },
          },
        ],
      }),
    [points, lang, t],
  );

  const p = progress;
  return (
    <Card
      title={t('benefits:campaign.liveTitle')}
      extra={
        <Typography.Text type="secondary">
          {p
            ? t('benefits:campaign.updatedAt', { time: formatTime(p.at, lang), seconds: POLL_MS / 1000 })
            : ''}
        </Typography.Text>
      }
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={8}>
          <EChart option={gauge} height={240} label={t('benefits:campaign.gaugeLabel')} />
        </Col>
        <Col xs={24} lg={16}>
          <EChart option={line} height={240} label={t('benefits:campaign.lineLabel')} />
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 8 }}>
        {(
          [
            ['remaining', p?.remaining ?? campaign.remaining],
            ['claimed', p?.claimed ?? campaign.claimed],
            ['claimants', p?.claimants ?? 0],
            ['redeemed', p?.redeemed ?? 0],
            ['reversed', p?.reversed ?? 0],
            ['expired', p?.expired ?? 0],
          ] as const
        ).map(([key, value]) => (
          <Col key={key} xs={12} md={8} xl={4}>
            <Statistic title={t(`benefits:progress.${key}`)} value={value} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

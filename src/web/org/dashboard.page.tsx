import { ApartmentOutlined, AuditOutlined, ClusterOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Empty, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ChartOption, EChart } from '../shared/echart.tsx';
import { memberApi } from './org.api.ts';
import { countNodes } from './org-tree.ts';
import { useMe, useSession } from './session.context.tsx';
import { useOrganisations } from './use-org-data.ts';

/** Home of the console: the caller's scope in a few real figures. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { can } = useSession();
  const orgs = useOrganisations();
  const [memberTotal, setMemberTotal] = useState<number | null>(null);

  useEffect(() => {
    if (!can('member:read')) {
      return;
    }
    let cancelled = false;
    memberApi
      .list({ status: 'active' }, { limit: 1 })
      .then((page) => {
        if (!cancelled) {
          setMemberTotal(page.total);
        }
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [can]);

  const root = orgs.roots[0];
  const children = useMemo(
    () => (root ? [...root.children].sort((a, b) => b.subtreeMembers - a.subtreeMembers) : []),
    [root],
  );
  const activeMembers = memberTotal ?? orgs.roots.reduce((acc, r) => acc + r.subtreeMembers, 0);

  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: children.map((c) => c.org.name),
        axisLabel: { width: 220, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('org:dashboard.chartSeries'),
          data: children.map((c) => c.subtreeMembers),
          barMaxWidth: 22,
          itemStyle: { color: '#1d5bd8', borderRadius: [0, 4, 4, 0] },
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [children, t],
  );

  const quickLinks = [
    {
      to: '/organisations',
      icon: <ApartmentOutlined />,
      label: t('org:menu.organisations'),
      ok: can('org:read'),
    },
    { to: '/members', icon: <TeamOutlined />, label: t('org:menu.members'), ok: can('member:read') },
    { to: '/audit', icon: <AuditOutlined />, label: t('org:menu.audit'), ok: can('audit:read') },
  ].filter((l) => l.ok);

  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 22 }}>
          {t('org:dashboard.greeting', { name: me.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('org:dashboard.scope', { org: me.organisation?.name ?? '—' })}
        </Typography.Text>
      </Card>
      {orgs.error && <Alert type="error" showIcon title={orgs.error} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card>
            <Skeleton loading={orgs.loading} active paragraph={{ rows: 1 }}>
              <Statistic
                title={t('org:dashboard.members')}
                value={activeMembers}
                prefix={<TeamOutlined />}
                suffix={t('org:dashboard.unit')}
              />
            </Skeleton>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Skeleton loading={orgs.loading} active paragraph={{ rows: 1 }}>
              <Statistic
                title={t('org:dashboard.organisations')}
                value={countNodes(orgs.roots)}
                prefix={<ApartmentOutlined />}
              />
            </Skeleton>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Skeleton loading={orgs.loading} active paragraph={{ rows: 1 }}>
              <Statistic
                title={t('org:dashboard.children')}
                value={children.length}
                prefix={<ClusterOutlined />}
              />
            </Skeleton>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('org:dashboard.chartTitle')}>
            {orgs.loading ? (
              <Skeleton active />
            ) : children.length === 0 ? (
              <Empty description={t('org:dashboard.chartEmpty')} />
            ) : (
              <EChart
                option={option}
                height={Math.max(240, children.length * 40 + 40)}
                label={`${t('org:dashboard.chartTitle')}: ${children
                  .map((c) => `${c.org.name} ${c.subtreeMembers}`)
                  .join(i18n.language === 'zh-CN' ? '，' : ', ')}`}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('org:dashboard.quickLinks')}>
            <Flex vertical gap={8}>
              {quickLinks.map((l) => (
                <Link key={l.to} to={l.to} className="gy-link">
                  <Flex gap={8} align="center" style={{ padding: '8px 4px' }}>
                    {l.icon}
                    <span>{l.label}</span>
                  </Flex>
                </Link>
              ))}
            </Flex>
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

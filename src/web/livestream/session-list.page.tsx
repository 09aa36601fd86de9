import { BarChartOutlined, EditOutlined, PlusOutlined, VideoCameraOutlined } from '@ant-design/icons';
import {
  App,
  Badge,
  Button,
  Flex,
  Form,
  Input,
  Select,
  Space,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../org/session.context.tsx';
import { formatNumber } from '../shared/format.ts';
import { ListPage } from '../shared/list-page.tsx';
import { formatShort } from './live-format.ts';
import {
  liveApi,
  SESSION_STATUSES,
  type SessionFilters,
  type SessionStatus,
  type SessionSummary,
  type SessionView,
} from './livestream.api.ts';
import { SessionFormPanel } from './session-form.panel.tsx';

export const STATUS_BADGE: Record<SessionStatus, 'processing' | 'success' | 'default' | 'warning'> = {
  scheduled: 'warning',
  live: 'processing',
  ended: 'success',
  archived: 'default',
};

/** The sessions of the unions where the caller may host, with their live status. */
export function SessionListPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const canManage = me.permissions.includes('live:manage');
  const [editing, setEditing] = useState<SessionView | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [reloadSignal, setReloadSignal] = useState(0);

  const columns: TableColumnsType<SessionSummary> = [
    {
      title: t('livestream:session.title'),
      dataIndex: 'title',
      render: (title: string, row) => (
        <Flex vertical gap={2} style={{ minWidth: 240 }}>
          <Typography.Link onClick={() => void navigate(`/live/${row.id}`)}>{title}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.organisers.map((o) => o.name).join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('livestream:session.status'),
      dataIndex: 'status',
      render: (s: SessionStatus, row) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <Badge status={STATUS_BADGE[s]} text={row.statusLabel} />
        </span>
      ),
    },
    {
      title: t('livestream:session.schedule'),
      key: 'schedule',
      render: (_: unknown, row) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatShort(row.scheduledStart, i18n.language)} – {formatShort(row.scheduledEnd, i18n.language)}
        </span>
      ),
    },
    {
      title: t('livestream:counter.likes'),
      dataIndex: 'likes',
      align: 'right',
      render: (n: number) => formatNumber(n, i18n.language),
    },
  ];

  return (
    <>
      <ListPage<SessionSummary, SessionFilters>
        title={t('livestream:session.listTitle')}
        description={t('livestream:session.listDescription')}
        rowKey={(s) => s.id}
        columns={columns}
        reloadSignal={reloadSignal}
        search={[
          <Form.Item key="q" name="q" label={t('livestream:session.keyword')} style={{ width: '100%' }}>
            <Input allowClear />
          </Form.Item>,
          <Form.Item
            key="status"
            name="status"
            label={t('livestream:session.status')}
            style={{ width: '100%' }}
          >
            <Select
              allowClear
              placeholder={t('livestream:session.any')}
              options={SESSION_STATUSES.map((s) => ({ value: s, label: t(`livestream:status.${s}`) }))}
            />
          </Form.Item>,
        ]}
        fetchPage={({ filters, cursor, limit }) =>
          liveApi.list({ ...filters, mine: true }, { cursor, limit })
        }
        toolbar={() =>
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setEditing(null);
                setFormOpen(true);
              }}
            >
              {t('livestream:session.create')}
            </Button>
          )
        }
        rowActionsWidth={260}
        rowActions={(row) => (
          <Space size={4}>
            <Button
              size="small"
              type={row.status === 'live' ? 'primary' : 'default'}
              icon={<VideoCameraOutlined />}
              onClick={() => void navigate(`/live/${row.id}`)}
            >
              {t('livestream:session.host')}
            </Button>
            {canManage && (
              <Button
                size="small"
                icon={<EditOutlined />}
                aria-label={t('livestream:session.editNamed', { title: row.title })}
                onClick={() => {
                  liveApi
                    .get(row.id)
                    .then((s) => {
                      setEditing(s);
                      setFormOpen(true);
                    })
                    .catch((e: unknown) => void message.error(e instanceof Error ? e.message : ''));
                }}
              >
                {t('shared:action.edit')}
              </Button>
            )}
            {canManage && row.status !== 'scheduled' && (
              <Button
                size="small"
                icon={<BarChartOutlined />}
                onClick={() => void navigate(`/live/${row.id}/report`)}
              >
                {t('livestream:session.report')}
              </Button>
            )}
          </Space>
        )}
      />
      <SessionFormPanel
        open={formOpen}
        session={editing}
        onClose={() => setFormOpen(false)}
        onSaved={(saved) => {
          void message.success(t('livestream:form.saved', { title: saved.title }));
          setReloadSignal((n) => n + 1);
        }}
      />
    </>
  );
}

import { Badge, Descriptions, Form, Input, Select, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shared/format.ts';
import { ListPage } from '../shared/list-page.tsx';
import { type AuditEntry, auditApi } from './org.api.ts';
import { orgI18n } from './org.i18n.ts';

interface AuditFilters {
  action?: string;
  entity?: string;
  actor?: string;
}

const ACTIONS = Object.keys(orgI18n['zh-CN'].audit.actions);
const ENTITIES = Object.keys(orgI18n['zh-CN'].audit.entities);
const ACTION_COLOR: Record<string, string> = {
  login: '#52c41a',
  login_failed: '#fa8c16',
  denied: '#f5222d',
  read_sensitive: '#722ed1',
  export: '#faad14',
  import: '#13c2c2',
  grant: '#1d5bd8',
  revoke: '#eb2f96',
};

function json(value: unknown): string {
  return value === null || value === undefined ? '—' : JSON.stringify(value, null, 2);
}

/** The append-only audit log of the caller's subtree (audit administrator). */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const actionLabel = (a: string) => (ACTIONS.includes(a) ? t(`org:audit.actions.${a}`) : a);
  const entityLabel = (e: string) => (ENTITIES.includes(e) ? t(`org:audit.entities.${e}`) : e);

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('org:audit.at'),
      dataIndex: 'at',
      width: 190,
      render: (v: string) => formatDateTime(v, i18n.language),
    },
    {
      title: t('org:audit.actor'),
      dataIndex: 'actor',
      width: 140,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t('org:audit.system')}</Typography.Text>,
    },
    {
      title: t('org:audit.action'),
      dataIndex: 'action',
      width: 140,
      render: (a: string) => <Badge color={ACTION_COLOR[a] ?? '#8c8c8c'} text={actionLabel(a)} />,
    },
    { title: t('org:audit.entity'), dataIndex: 'entity', width: 110, render: entityLabel },
    {
      title: t('org:audit.detail'),
      dataIndex: 'detail',
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('org:audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <ListPage<AuditEntry, AuditFilters>
      title={t('org:audit.title')}
      description={t('org:audit.description')}
      rowKey={(e) => String(e.id)}
      columns={columns}
      pageSizes={[50, 100, 200]}
      search={[
        <Form.Item key="action" name="action" label={t('org:audit.action')} style={{ width: '100%' }}>
          <Select allowClear options={ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))} />
        </Form.Item>,
        <Form.Item key="entity" name="entity" label={t('org:audit.entity')} style={{ width: '100%' }}>
          <Select allowClear options={ENTITIES.map((e) => ({ value: e, label: entityLabel(e) }))} />
        </Form.Item>,
        <Form.Item key="actor" name="actor" label={t('org:audit.actor')} style={{ width: '100%' }}>
          <Input allowClear placeholder={t('org:audit.actorPlaceholder')} />
        </Form.Item>,
      ]}
      fetchPage={async ({ filters, cursor, limit }) => {
        const page = await auditApi.list({ ...filters, limit, cursor });
        return { items: page.items, nextCursor: page.nextCursor === null ? null : String(page.nextCursor) };
      }}
      expandable={{
        expandedRowRender: (e) => (
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'entityId', label: t('org:audit.entityId'), children: e.entityId ?? '—' },
              { key: 'requestId', label: t('org:audit.requestId'), children: e.requestId ?? '—' },
              {
                key: 'before',
                label: t('org:audit.before'),
                children: <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{json(e.before)}</pre>,
              },
              {
                key: 'after',
                label: t('org:audit.after'),
                children: <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{json(e.after)}</pre>,
              },
            ]}
          />
        ),
      }}
    />
  );
}

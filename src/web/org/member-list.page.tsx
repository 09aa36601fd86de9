import {
  DownloadOutlined,
  EditOutlined,
  EyeOutlined,
  LockOutlined,
  PlusOutlined,
  TagsOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Badge,
  Button,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FormPanel } from '../shared/form-panel.tsx';
import { ListPage } from '../shared/list-page.tsx';
import { requiredRule, tagRules } from '../shared/validators.ts';
import { MemberFormPanel } from './member-form.panel.tsx';
import { MemberImportModal } from './member-import.modal.tsx';
import {
  GENDERS,
  MEMBER_STATUSES,
  type Member,
  type MemberFilters,
  type MemberStatus,
  memberApi,
} from './org.api.ts';
import { OrgSelect } from './org-select.tsx';
import { useSession } from './session.context.tsx';
import { useOrganisations } from './use-org-data.ts';

// Badge dots carry the colour; the text stays at full contrast.
const STATUS_BADGE: Record<MemberStatus, 'success' | 'processing' | 'warning' | 'default'> = {
  active: 'success',
  transferred: 'processing',
  retired: 'warning',
  left: 'default',
};

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

type Bulk = 'tags' | 'status' | null;

/** The member register of the caller's subtree. */
export function MemberListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [params] = useSearchParams();
  const orgs = useOrganisations();
  const [editing, setEditing] = useState<Member | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [bulk, setBulk] = useState<Bulk>(null);
  const [reloadSignal, setReloadSignal] = useState(0);
  const [exporting, setExporting] = useState(false);
  const initialOrgId = params.get('orgId') ?? undefined;
  const initialFilters = useMemo<MemberFilters>(
    () => (initialOrgId ? { orgId: initialOrgId } : {}),
    [initialOrgId],
  );

  // Compact columns so the row actions stay on screen without horizontal scrolling at 1280px and up.
  const columns: TableColumnsType<Member> = [
    {
      title: t('org:member.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Flex vertical gap={2} style={{ minWidth: 120 }}>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {[t(`org:gender.${row.gender}`), row.ethnicity, row.trade].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('org:member.phone'),
      dataIndex: 'phone',
      render: (phone: string) => <span style={{ ...mono, whiteSpace: 'nowrap' }}>{phone}</span>,
    },
    {
      title: t('org:member.nationalId'),
      dataIndex: 'nationalId',
      render: (id: string) => <span style={{ ...mono, whiteSpace: 'nowrap' }}>{id}</span>,
    },
    {
      title: t('org:member.org'),
      dataIndex: 'orgName',
      render: (org: string) => <div style={{ minWidth: 160, maxWidth: 240 }}>{org}</div>,
    },
    {
      title: t('org:member.status'),
      dataIndex: 'status',
      render: (s: MemberStatus) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <Badge status={STATUS_BADGE[s]} text={t(`org:memberStatus.${s}`)} />
        </span>
      ),
    },
    {
      title: t('org:member.tags'),
      dataIndex: 'tags',
      render: (tags: string[]) =>
        tags.length === 0 ? (
          '—'
        ) : (
          <Space size={[0, 4]} wrap style={{ maxWidth: 180 }}>
            {tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </Space>
        ),
    },
    {
      title: t('org:member.joinDate'),
      dataIndex: 'joinDate',
      render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{d}</span>,
    },
  ];

  const searchFields = [
    <Form.Item key="q" name="q" label={t('org:member.keyword')} style={{ width: '100%' }}>
      <Input allowClear placeholder={t('org:member.keywordPlaceholder')} />
    </Form.Item>,
    <Form.Item key="orgId" name="orgId" label={t('org:member.org')} style={{ width: '100%' }}>
      <OrgSelect roots={orgs.roots} placeholder={t('org:member.any')} />
    </Form.Item>,
    <Form.Item key="status" name="status" label={t('org:member.status')} style={{ width: '100%' }}>
      <Select
        allowClear
        placeholder={t('org:member.any')}
        options={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`org:memberStatus.${s}`) }))}
      />
    </Form.Item>,
    <Form.Item key="gender" name="gender" label={t('org:member.gender')} style={{ width: '100%' }}>
      <Select
        allowClear
        placeholder={t('org:member.any')}
        options={GENDERS.map((g) => ({ value: g, label: t(`org:gender.${g}`) }))}
      />
    </Form.Item>,
    <Form.Item key="tag" name="tag" label={t('org:member.tags')} style={{ width: '100%' }}>
      <Input allowClear />
    </Form.Item>,
  ];

  const runBulk = async (rows: Member[], patch: (m: Member) => Parameters<typeof memberApi.update>[1]) => {
    const results = await Promise.allSettled(rows.map((m) => memberApi.update(m.id, patch(m))));
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed.length === 0) {
      void message.success(t('org:member.bulkDone', { count: rows.length }));
    } else {
      const reason = failed[0]?.reason;
      void message.warning(
        t('org:member.bulkPartial', {
          done: rows.length - failed.length,
          failed: failed.length,
          reason: reason instanceof Error ? reason.message : '',
        }),
      );
    }
    setReloadSignal((n) => n + 1);
  };

  return (
    <ListPage<Member, MemberFilters>
      key={initialOrgId ?? 'all'}
      title={t('org:member.title')}
      description={t('org:member.description')}
      rowKey={(m) => m.id}
      columns={columns}
      search={searchFields}
      initialFilters={initialFilters}
      reloadSignal={reloadSignal}
      fetchPage={({ filters, cursor, limit }) => memberApi.list(filters, { cursor, limit })}
      notice={<Alert type="info" showIcon icon={<LockOutlined />} title={t('org:member.unmaskNote')} />}
      toolbar={(ctx) => (
        <>
          {can('member:write') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setEditing(null);
                setFormOpen(true);
              }}
            >
              {t('org:member.create')}
            </Button>
          )}
          {can('member:import') && (
            <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
              {t('org:member.import')}
            </Button>
          )}
          {can('member:export') && (
            <Tooltip title={t('org:member.exportNote')}>
              <Button
                icon={<DownloadOutlined />}
                loading={exporting}
                onClick={async () => {
                  setExporting(true);
                  try {
                    await memberApi.export(ctx.filters, t('org:member.exportName'));
                  } catch (e) {
                    void message.error(e instanceof Error ? e.message : t('shared:error.unknown'));
                  } finally {
                    setExporting(false);
                  }
                }}
              >
                {t('org:member.export')}
              </Button>
            </Tooltip>
          )}
          <MemberFormPanel
            open={formOpen}
            member={editing}
            roots={orgs.roots}
            defaultOrgId={ctx.filters.orgId ?? orgs.roots[0]?.org.id}
            onClose={() => setFormOpen(false)}
            onSaved={(saved, created) => {
              if (created) {
                void message.success(t('org:member.created', { name: saved.name }));
                setReloadSignal((n) => n + 1);
              } else {
                void message.success(t('org:member.updated', { name: saved.name }));
                ctx.updateRow(saved);
              }
            }}
          />
          <MemberImportModal
            open={importOpen}
            onClose={() => setImportOpen(false)}
            onImported={() => setReloadSignal((n) => n + 1)}
          />
          <FormPanel<{ tags: string[] }>
            variant="modal"
            open={bulk === 'tags'}
            title={t('org:member.bulkTagTitle', { count: ctx.selectedRows.length })}
            onClose={() => setBulk(null)}
            onSubmit={async ({ tags }) => {
              await runBulk(ctx.selectedRows, (m) => ({
                tags: [...new Set([...m.tags, ...tags])].slice(0, 20),
              }));
            }}
          >
            <Form.Item name="tags" label={t('org:member.tags')} rules={[requiredRule(), ...tagRules(20, 20)]}>
              <Select
                mode="tags"
                placeholder={t('org:member.tagsPlaceholder')}
                tokenSeparators={[',', '，', ' ']}
              />
            </Form.Item>
          </FormPanel>
          <FormPanel<{ status: MemberStatus }>
            variant="modal"
            open={bulk === 'status'}
            title={t('org:member.bulkStatusTitle', { count: ctx.selectedRows.length })}
            onClose={() => setBulk(null)}
            onSubmit={async ({ status }) => {
              await runBulk(ctx.selectedRows, () => ({ status }));
            }}
          >
            <Form.Item name="status" label={t('org:member.newStatus')} rules={[requiredRule()]}>
              <Select
                options={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`org:memberStatus.${s}`) }))}
              />
            </Form.Item>
          </FormPanel>
        </>
      )}
      {...(can('member:write')
        ? {
            bulkActions: () => (
              <>
                <Button size="small" icon={<TagsOutlined />} onClick={() => setBulk('tags')}>
                  {t('org:member.bulkTag')}
                </Button>
                <Button size="small" onClick={() => setBulk('status')}>
                  {t('org:member.bulkStatus')}
                </Button>
              </>
            ),
          }
        : {})}
      rowActionsWidth={170}
      rowActions={(row, ctx) => (
        <Space size={0}>
          {can('member:write') && (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => {
                setEditing(row);
                setFormOpen(true);
              }}
            >
              {t('org:member.edit')}
            </Button>
          )}
          {can('member:unmask') && row.masked && (
            <Popconfirm
              title={t('org:member.unmask')}
              description={<div style={{ maxWidth: 280 }}>{t('org:member.unmaskConfirm')}</div>}
              okText={t('shared:action.confirm')}
              cancelText={t('shared:action.cancel')}
              onConfirm={async () => {
                try {
                  ctx.updateRow(await memberApi.get(row.id, true));
                  void message.info(t('org:member.unmasked'));
                } catch (e) {
                  void message.error(e instanceof Error ? e.message : t('shared:error.unknown'));
                }
              }}
            >
              <Button type="link" size="small" icon={<EyeOutlined />}>
                {t('org:member.unmaskShort')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
    />
  );
}

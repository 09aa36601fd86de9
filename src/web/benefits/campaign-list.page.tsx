import {
  CheckOutlined,
  CloseOutlined,
  EditOutlined,
  EyeOutlined,
  PlusOutlined,
  SendOutlined,
} from '@ant-design/icons';
import {
  App,
  Badge,
  Button,
  Flex,
  Form,
  Input,
  Popconfirm,
  Progress,
  Select,
  Space,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../org/session.context.tsx';
import { FormPanel } from '../shared/form-panel.tsx';
import { ListPage } from '../shared/list-page.tsx';
import { plainTextRules } from '../shared/validators.ts';
import {
  CAMPAIGN_STATUSES,
  type Campaign,
  type CampaignPhase,
  type CampaignStatus,
  campaignApi,
} from './benefits.api.ts';
import { formatDate, formatYuan, voucherLabel } from './benefits.format.ts';
import { CampaignFormPanel } from './campaign-form.panel.tsx';

// Badge dots carry the colour; the text stays at full contrast.
export const PHASE_BADGE: Record<CampaignPhase, 'default' | 'processing' | 'success' | 'warning' | 'error'> =
  {
    draft: 'default',
    pending: 'warning',
    rejected: 'error',
    upcoming: 'processing',
    open: 'success',
    'sold-out': 'error',
    ended: 'default',
    closed: 'default',
  };

export function PhaseBadge({ phase }: { phase: CampaignPhase }) {
  const { t } = useTranslation();
  return (
    <Badge status={PHASE_BADGE[phase]} text={t(`benefits:phase.${phase}`)} style={{ whiteSpace: 'nowrap' }} />
  );
}

/** Who may act on a pending campaign: anyone with benefit:approve except its creator. */
export function useCampaignActions(onChanged: (c: Campaign) => void) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [rejecting, setRejecting] = useState<Campaign | null>(null);
  const canManage = me.permissions.includes('benefit:manage');
  const canApprove = me.permissions.includes('benefit:approve');

  const run = async (work: () => Promise<Campaign>, done: string) => {
    try {
      const c = await work();
      void message.success(done);
      onChanged(c);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : t('shared:error.unknown'));
    }
  };

  const actions = (c: Campaign, options: { showView?: boolean; onEdit?: (c: Campaign) => void } = {}) => {
    const isCreator = c.createdBy === me.id;
    return (
      <Space size={4} wrap>
        {options.showView && (
          <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => void navigate(c.id)}>
            {t('benefits:campaign.view')}
          </Button>
        )}
        {canManage && (c.status === 'draft' || c.status === 'rejected') && options.onEdit && (
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => options.onEdit?.(c)}>
            {t('shared:action.edit')}
          </Button>
        )}
        {canManage && (c.status === 'draft' || c.status === 'rejected') && (
          <Popconfirm
            title={t('benefits:campaign.submitConfirm')}
            okText={t('shared:action.confirm')}
            cancelText={t('shared:action.cancel')}
            onConfirm={() => run(() => campaignApi.submit(c.id), t('benefits:campaign.submitted'))}
          >
            <Button type="link" size="small" icon={<SendOutlined />}>
              {t('benefits:campaign.submit')}
            </Button>
          </Popconfirm>
        )}
        {canApprove && c.status === 'pending' && (
          <>
            <Tooltip title={isCreator ? t('benefits:campaign.makerChecker') : undefined}>
              <span>
                <Popconfirm
                  title={t('benefits:campaign.approveConfirm', { name: c.name })}
                  okText={t('benefits:campaign.approve')}
                  cancelText={t('shared:action.cancel')}
                  disabled={isCreator}
                  onConfirm={() => run(() => campaignApi.approve(c.id), t('benefits:campaign.approved'))}
                >
                  <Button type="link" size="small" icon={<CheckOutlined />} disabled={isCreator}>
                    {t('benefits:campaign.approve')}
                  </Button>
                </Popconfirm>
              </span>
            </Tooltip>
            <Tooltip title={isCreator ? t('benefits:campaign.makerChecker') : undefined}>
              <span>
                <Button
                  type="link"
                  size="small"
                  danger
                  icon={<CloseOutlined />}
                  disabled={isCreator}
                  onClick={() => setRejecting(c)}
                >
                  {t('benefits:campaign.reject')}
                </Button>
              </span>
            </Tooltip>
          </>
        )}
      </Space>
    );
  };

  const rejectPanel = (
    <FormPanel<{ reason: string }>
      variant="modal"
      open={rejecting !== null}
      title={t('benefits:campaign.rejectTitle', { name: rejecting?.name ?? '' })}
      danger
      submitText={t('benefits:campaign.reject')}
      onClose={() => setRejecting(null)}
      onSubmit={async ({ reason }) => {
        if (!rejecting) {
          return;
        }
        const c = await campaignApi.reject(rejecting.id, reason);
        void message.success(t('benefits:campaign.rejected'));
        onChanged(c);
      }}
    >
      <Form.Item
        name="reason"
        label={t('benefits:campaign.rejectReason')}
        rules={plainTextRules({ max: 500, min: 2, required: true })}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormPanel>
  );

  return { actions, rejectPanel, canManage };
}

export function CampaignListPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [editing, setEditing] = useState<Campaign | null | 'new'>(null);
  const [signal, setSignal] = useState(0);
  const reload = () => setSignal((n) => n + 1);
  const { actions, rejectPanel, canManage } = useCampaignActions(reload);

  const columns: TableColumnsType<Campaign> = [
    {
      title: t('benefits:campaign.name'),
      key: 'name',
      render: (_v, c) => (
        <Flex vertical gap={2}>
          <Link to={c.id} className="gy-link">
            {c.name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.orgName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('benefits:campaign.faceValue'),
      key: 'label',
      render: (_v, c) => <Tag color="red">{voucherLabel(t, c.faceValueFen, c.thresholdFen)}</Tag>,
    },
    {
      title: t('benefits:campaign.budget'),
      key: 'budget',
      align: 'right',
      render: (_v, c) => formatYuan(c.budgetFen, lang),
    },
    {
      title: t('benefits:campaign.claimedCol'),
      key: 'claimed',
      width: 200,
      render: (_v, c) => (
        <Flex vertical gap={0}>
          <Progress
            percent={Math.round((c.claimed / Math.max(1, c.totalCount)) * 100)}
            size="small"
            aria-label={t('benefits:campaign.claimedOf', { claimed: c.claimed, total: c.totalCount })}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('benefits:campaign.claimedOf', { claimed: c.claimed, total: c.totalCount })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('benefits:campaign.claimWindow'),
      key: 'window',
      render: (_v, c) => `${formatDate(c.claimStartsAt, lang)} – ${formatDate(c.claimEndsAt, lang)}`,
    },
    {
      title: t('benefits:campaign.phase'),
      key: 'phase',
      render: (_v, c) => <PhaseBadge phase={c.phase} />,
    },
  ];

  return (
    <>
      <ListPage<Campaign, { status?: CampaignStatus }>
        title={t('benefits:campaign.listTitle')}
        description={t('benefits:campaign.listDescription')}
        rowKey={(c) => c.id}
        columns={columns}
        reloadSignal={signal}
        search={
          <Form.Item name="status" label={t('benefits:campaign.status')}>
            <Select
              allowClear
              style={{ minWidth: 160 }}
              options={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`benefits:campaignStatus.${s}`) }))}
            />
          </Form.Item>
        }
        fetchPage={({ filters, cursor, limit }) =>
          campaignApi.list({
            view: 'staff',
            cursor,
            limit,
            ...(filters.status ? { status: filters.status } : {}),
          })
        }
        toolbar={() =>
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('benefits:campaign.create')}
            </Button>
          )
        }
        rowActionsWidth={250}
        rowActions={(c) => actions(c, { showView: true, onEdit: (x) => setEditing(x) })}
      />
      <CampaignFormPanel
        open={editing !== null}
        campaign={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={reload}
      />
      {rejectPanel}
    </>
  );
}

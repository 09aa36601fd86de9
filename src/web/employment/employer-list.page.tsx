import { PlusOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import {
  App,
  Badge,
  Button,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Radio,
  Select,
  Space,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../org/org-select.tsx';
import { useOrganisations } from '../org/use-org-data.ts';
import { FormPanel } from '../shared/form-panel.tsx';
import { ListPage } from '../shared/list-page.tsx';
import { mobileRules, plainTextRules, requiredRule } from '../shared/validators.ts';
import {
  type Employer,
  type EmployerInput,
  employmentApi,
  VERIFICATIONS,
  type Verification,
} from './employment.api.ts';
import { useCan, useEmploymentReference, useLoad } from './use-employment.ts';

const VERIFICATION_BADGE: Record<Verification, 'success' | 'warning' | 'error'> = {
  verified: 'success',
  pending: 'warning',
  rejected: 'error',
};

function HrAccountsDrawer({ employer, onClose }: { employer: Employer | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const accounts = useLoad(
    () => (employer ? employmentApi.hrAccounts(employer.id) : Promise.resolve([])),
    [employer?.id],
  );
  return (
    <Drawer
      open={employer !== null}
      onClose={onClose}
      size={480}
      title={t('employment:employers.hrTitle', { name: employer?.name ?? '' })}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('employment:employers.hrCreate')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('employment:employers.hrHelp')}</Typography.Paragraph>
      {accounts.data && accounts.data.length === 0 ? (
        <Empty description={t('employment:employers.hrEmpty')} />
      ) : (
        <List
          loading={accounts.loading}
          dataSource={accounts.data ?? []}
          renderItem={(a) => (
            <List.Item>
              <List.Item.Meta
                avatar={<TeamOutlined />}
                title={a.displayName ?? <span className="gy-mono">{a.accountId.slice(0, 8)}</span>}
                description={[
                  a.username,
                  t('employment:employers.hrSince', { date: dayjs(a.since).format('YYYY-MM-DD') }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </List.Item>
          )}
        />
      )}
      <FormPanel<{ username: string; displayName: string; phone?: string; password: string }>
        open={creating}
        variant="modal"
        title={t('employment:employers.hrCreate')}
        onClose={() => setCreating(false)}
        onSubmit={async (v) => {
          if (!employer) {
            return;
          }
          await employmentApi.createHrAccount(employer.id, {
            username: v.username.trim(),
            displayName: v.displayName.trim(),
            password: v.password,
            ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
          });
          void message.success(t('shared:feedback.saved'));
          accounts.reload();
        }}
      >
        <Form.Item
          name="username"
          label={t('employment:employers.hrUsername')}
          extra={t('employment:employers.hrUsernameHelp')}
          rules={[requiredRule()]}
        >
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('employment:employers.hrName')}
          rules={plainTextRules({ max: 40, required: true })}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="phone" label={t('employment:employers.contactPhone')} rules={mobileRules(false)}>
          <Input maxLength={11} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('employment:employers.hrPassword')}
          extra={t('employment:register.passwordHelp')}
          rules={[requiredRule()]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
      </FormPanel>
    </Drawer>
  );
}

/** Employers served by the caller's unions: verification, HR accounts, new employers. */
export function EmployerListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const orgs = useOrganisations();
  const reference = useEmploymentReference();
  const [creating, setCreating] = useState(false);
  const [verifying, setVerifying] = useState<Employer | null>(null);
  const [hrOf, setHrOf] = useState<Employer | null>(null);
  const [reloadSignal, setReloadSignal] = useState(0);
  const [updateRow, setUpdateRow] = useState<((e: Employer) => void) | null>(null);

  const columns: TableColumnsType<Employer> = [
    {
      title: t('employment:employers.name'),
      dataIndex: 'name',
      render: (name: string, e) => (
        <Flex vertical gap={2} style={{ minWidth: 200 }}>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" className="gy-mono" style={{ fontSize: 12 }}>
            {e.creditCode ?? '—'}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('employment:employers.industry'), dataIndex: 'industry' },
    {
      title: t('employment:employers.place'),
      key: 'place',
      render: (_v, e) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {[e.city, e.district].filter(Boolean).join(' · ') || '—'}
        </span>
      ),
    },
    {
      title: t('employment:employers.contact'),
      key: 'contact',
      render: (_v, e) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {[e.contactName, e.contactPhone].filter(Boolean).join(' ') || '—'}
        </span>
      ),
    },
    {
      title: t('employment:employers.positions'),
      key: 'positions',
      render: (_v, e) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {t('employment:employers.positionsValue', { positions: e.positions, places: e.openPlaces })}
        </span>
      ),
    },
    {
      title: t('employment:employers.verification'),
      dataIndex: 'verification',
      render: (v: Verification, e) => (
        <Flex vertical gap={2}>
          <span style={{ whiteSpace: 'nowrap' }}>
            <Badge status={VERIFICATION_BADGE[v]} text={t(`employment:verification.${v}`)} />
          </span>
          {e.verificationNote && (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12, maxWidth: 180 }}
              ellipsis={{ tooltip: e.verificationNote }}
            >
              {e.verificationNote}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <ListPage<Employer, { q?: string; industry?: string; verification?: Verification }>
        title={t('employment:employers.title')}
        description={t('employment:employers.description')}
        rowKey={(e) => e.id}
        columns={columns}
        reloadSignal={reloadSignal}
        rowActionsWidth={200}
        search={[
          <Form.Item key="q" name="q" label={t('employment:manage.keyword')} style={{ width: '100%' }}>
            <Input allowClear placeholder={t('employment:employers.keywordPlaceholder')} />
          </Form.Item>,
          <Form.Item
            key="industry"
            name="industry"
            label={t('employment:employers.industry')}
            style={{ width: '100%' }}
          >
            <Select
              allowClear
              placeholder={t('employment:manage.any')}
              options={(reference?.industries ?? []).map((i) => ({ value: i, label: i }))}
            />
          </Form.Item>,
          <Form.Item
            key="verification"
            name="verification"
            label={t('employment:employers.verification')}
            style={{ width: '100%' }}
          >
            <Select
              allowClear
              placeholder={t('employment:manage.any')}
              options={VERIFICATIONS.map((v) => ({ value: v, label: t(`employment:verification.${v}`) }))}
            />
          </Form.Item>,
        ]}
        fetchPage={({ filters, cursor, limit }) => employmentApi.employers(filters, { cursor, limit })}
        toolbar={() =>
          can('employer:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('employment:employers.create')}
            </Button>
          )
        }
        rowActions={(e, ctx) => (
          <Space size={0}>
            {can('employer:verify') && (
              <Button
                type="link"
                size="small"
                icon={<SafetyCertificateOutlined />}
                onClick={() => {
                  setVerifying(e);
                  setUpdateRow(() => ctx.updateRow);
                }}
              >
                {t('employment:employers.verify')}
              </Button>
            )}
            {can('employer:write') && (
              <Button type="link" size="small" icon={<TeamOutlined />} onClick={() => setHrOf(e)}>
                {t('employment:employers.hr')}
              </Button>
            )}
          </Space>
        )}
      />
      <FormPanel<EmployerInput>
        open={creating}
        title={t('employment:employers.create')}
        onClose={() => setCreating(false)}
        onSubmit={async (v) => {
          const clean = Object.fromEntries(
            Object.entries(v).filter(([, value]) => typeof value !== 'string' || value.trim() !== ''),
          ) as unknown as EmployerInput;
          await employmentApi.createEmployer(clean);
          void message.success(t('shared:feedback.saved'));
          setReloadSignal((n) => n + 1);
        }}
      >
        <Form.Item
          name="orgId"
          label={t('employment:employers.org')}
          extra={t('employment:employers.orgHelp')}
          rules={[requiredRule()]}
        >
          <OrgSelect roots={orgs.roots} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('employment:employers.name')}
          rules={plainTextRules({ max: 80, min: 2, required: true })}
        >
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t('employment:employers.creditCode')}
          extra={t('employment:employers.creditCodeHelp')}
          rules={[requiredRule()]}
        >
          <Input maxLength={18} className="gy-mono" />
        </Form.Item>
        <Form.Item name="industry" label={t('employment:employers.industry')} rules={[requiredRule()]}>
          <Select options={(reference?.industries ?? []).map((i) => ({ value: i, label: i }))} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="city"
            label={t('employment:job.city')}
            style={{ flex: 1 }}
            rules={plainTextRules({ max: 20 })}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item
            name="district"
            label={t('employment:job.district')}
            style={{ flex: 1 }}
            rules={plainTextRules({ max: 40 })}
          >
            <Input maxLength={40} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="address"
          label={t('employment:employers.address')}
          rules={plainTextRules({ max: 120 })}
        >
          <Input maxLength={120} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="contactName"
            label={t('employment:employers.contactName')}
            style={{ flex: 1 }}
            rules={plainTextRules({ max: 40 })}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label={t('employment:employers.contactPhone')}
            style={{ flex: 1 }}
            rules={mobileRules(false)}
          >
            <Input maxLength={11} />
          </Form.Item>
        </Flex>
      </FormPanel>
      <FormPanel<{ verification: 'verified' | 'rejected'; note?: string }>
        open={verifying !== null}
        variant="modal"
        title={t('employment:employers.verifyTitle', { name: verifying?.name ?? '' })}
        initialValues={{ verification: 'verified' }}
        onClose={() => setVerifying(null)}
        onSubmit={async (v) => {
          if (!verifying) {
            return;
          }
          const updated = await employmentApi.verifyEmployer(verifying.id, v.verification, v.note?.trim());
          updateRow?.(updated);
          void message.success(t('shared:feedback.saved'));
        }}
      >
        <Typography.Paragraph type="secondary">{t('employment:employers.verifyHelp')}</Typography.Paragraph>
        <Form.Item
          name="verification"
          label={t('employment:employers.verification')}
          rules={[requiredRule()]}
        >
          <Radio.Group
            options={[
              { value: 'verified', label: t('employment:verification.verified') },
              { value: 'rejected', label: t('employment:verification.rejected') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('employment:employers.verifyNote')}
          rules={plainTextRules({ max: 200 })}
        >
          <Input.TextArea rows={3} maxLength={200} />
        </Form.Item>
      </FormPanel>
      <HrAccountsDrawer employer={hrOf} onClose={() => setHrOf(null)} />
    </>
  );
}

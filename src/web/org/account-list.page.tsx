import { PlusOutlined, SafetyCertificateOutlined, UnlockOutlined } from '@ant-design/icons';
import {
  App,
  Badge,
  Button,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormPanel } from '../shared/form-panel.tsx';
import { formatDateTime } from '../shared/format.ts';
import { ListPage } from '../shared/list-page.tsx';
import { mobileRules, plainTextRules, requiredRule } from '../shared/validators.ts';
import { type Account, accountApi, ROLES } from './org.api.ts';
import { OrgSelect } from './org-select.tsx';
import { roleLabel } from './role-label.ts';
import { useSession } from './session.context.tsx';
import { useOrganisations, useReference } from './use-org-data.ts';

interface AccountFilters {
  q?: string;
}

/** Accounts in scope; role grants and unlocks for the security admin, new accounts for the system admin. */
export function AccountListPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const orgs = useOrganisations();
  const reference = useReference();
  const [granting, setGranting] = useState<Account | null>(null);
  const [creating, setCreating] = useState(false);
  const [reloadSignal, setReloadSignal] = useState(0);
  const reload = () => setReloadSignal((n) => n + 1);

  const columns: TableColumnsType<Account> = [
    {
      title: t('org:account.username'),
      dataIndex: 'username',
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    { title: t('org:account.displayName'), dataIndex: 'displayName' },
    {
      title: t('org:account.grants'),
      dataIndex: 'grants',
      render: (_: unknown, account) =>
        account.grants.length === 0 ? (
          <Typography.Text type="secondary">{t('org:account.noGrants')}</Typography.Text>
        ) : (
          <Space size={[4, 4]} wrap style={{ maxWidth: 420 }}>
            {account.grants.map((g) =>
              can('role:grant') ? (
                <Popconfirm
                  key={g.id}
                  title={t('org:account.revoke')}
                  description={t('org:account.revokeConfirm', {
                    name: account.displayName,
                    role: roleLabel(g.role),
                    org: g.orgName,
                  })}
                  okText={t('org:account.revoke')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('shared:action.cancel')}
                  onConfirm={async () => {
                    try {
                      await accountApi.revoke(account.id, g.id);
                      void message.success(t('org:account.revoked'));
                      reload();
                    } catch (e) {
                      void message.error(e instanceof Error ? e.message : t('shared:error.unknown'));
                    }
                  }}
                >
                  <Tag color="blue" style={{ cursor: 'pointer' }} title={t('org:account.revoke')}>
                    {roleLabel(g.role)} · {g.orgName}
                  </Tag>
                </Popconfirm>
              ) : (
                <Tag key={g.id} color="blue">
                  {roleLabel(g.role)} · {g.orgName}
                </Tag>
              ),
            )}
          </Space>
        ),
    },
    {
      title: t('org:account.status'),
      key: 'status',
      render: (_: unknown, a) => (
        <Space size={4}>
          {a.status === 'active' ? (
            <Badge status="success" text={t('org:account.active')} />
          ) : (
            <Badge status="default" text={t('org:account.disabled')} />
          )}
          {a.locked && <Tag color="red">{t('org:account.locked')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('org:account.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (v: string | null) => (v ? formatDateTime(v, i18n.language) : t('org:account.never')),
    },
  ];

  const showActions = can('role:grant') || can('account:unlock');

  return (
    <>
      <ListPage<Account, AccountFilters>
        title={t('org:account.title')}
        description={t('org:account.description')}
        rowKey={(a) => a.id}
        columns={columns}
        reloadSignal={reloadSignal}
        pageSizes={[50, 100]}
        search={[
          <Form.Item key="q" name="q" label={t('org:account.username')} style={{ width: '100%' }}>
            <Input allowClear placeholder={t('org:account.keywordPlaceholder')} />
          </Form.Item>,
        ]}
        fetchPage={async ({ filters }) => {
          const items = await accountApi.list(filters.q);
          return { items, nextCursor: null, total: items.length };
        }}
        toolbar={() =>
          can('account:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('org:account.create')}
            </Button>
          )
        }
        {...(showActions
          ? {
              rowActionsWidth: 200,
              rowActions: (account: Account) => (
                <Space size={0}>
                  {can('role:grant') && (
                    <Button
                      type="link"
                      size="small"
                      icon={<SafetyCertificateOutlined />}
                      onClick={() => setGranting(account)}
                    >
                      {t('org:account.grant')}
                    </Button>
                  )}
                  {can('account:unlock') && account.locked && (
                    <Popconfirm
                      title={t('org:account.unlock')}
                      description={t('org:account.unlockConfirm', { name: account.displayName })}
                      okText={t('org:account.unlock')}
                      cancelText={t('shared:action.cancel')}
                      onConfirm={async () => {
                        try {
                          await accountApi.unlock(account.id);
                          void message.success(t('org:account.unlocked', { name: account.displayName }));
                          reload();
                        } catch (e) {
                          void message.error(e instanceof Error ? e.message : t('shared:error.unknown'));
                        }
                      }}
                    >
                      <Button type="link" size="small" icon={<UnlockOutlined />}>
                        {t('org:account.unlock')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            }
          : {})}
      />

      <FormPanel<{ role: string; orgId: string }>
        variant="modal"
        open={granting !== null}
        title={t('org:account.grantTitle', { name: granting?.displayName ?? '' })}
        onClose={() => setGranting(null)}
        submitText={t('org:account.grant')}
        onSubmit={async (values) => {
          if (granting) {
            await accountApi.grant(granting.id, values.role, values.orgId);
            void message.success(t('org:account.granted'));
            reload();
          }
        }}
      >
        <Form.Item name="role" label={t('org:account.role')} rules={[requiredRule()]}>
          <Select options={(reference?.roles ?? ROLES).map((r) => ({ value: r, label: roleLabel(r) }))} />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('org:account.grantOrg')}
          extra={t('org:account.grantOrgHint')}
          rules={[requiredRule()]}
        >
          <OrgSelect roots={orgs.roots} />
        </Form.Item>
      </FormPanel>

      <FormPanel<{ username: string; displayName: string; phone?: string; password: string; orgId: string }>
        open={creating}
        title={t('org:account.create')}
        onClose={() => setCreating(false)}
        submitText={t('shared:action.create')}
        onSubmit={async (values) => {
          const phone = values.phone?.trim();
          const created = await accountApi.create({
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            password: values.password,
            orgId: values.orgId,
            ...(phone ? { phone } : {}),
          });
          void message.success(t('org:account.created', { name: created.username }));
          reload();
        }}
      >
        <Form.Item
          name="username"
          label={t('org:account.username')}
          extra={t('org:account.usernameHint')}
          rules={[
            requiredRule(),
            { pattern: /^[a-z][a-z0-9_-]{2,31}$/, message: t('shared:validation.format') },
          ]}
        >
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('org:account.displayName')}
          rules={plainTextRules({ max: 40, required: true })}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="phone" label={t('org:account.phone')} rules={mobileRules(false)}>
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="orgId" label={t('org:account.org')} rules={[requiredRule()]}>
          <OrgSelect roots={orgs.roots} />
        </Form.Item>
        <Form.Item name="password" label={t('org:account.password')} rules={[requiredRule()]}>
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
      </FormPanel>
    </>
  );
}

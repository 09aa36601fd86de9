import {
  DeleteOutlined,
  DownloadOutlined,
  FileTextOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import {
  App,
  Badge,
  Button,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate } from 'react-router';
import { OrgSelect } from '../org/org-select.tsx';
import { useMe } from '../org/session.context.tsx';
import { useOrganisations } from '../org/use-org-data.ts';
import { FormPanel } from '../shared/form-panel.tsx';
import { ListPage } from '../shared/list-page.tsx';
import { mobileRules, plainTextRules, requiredRule } from '../shared/validators.ts';
import {
  MERCHANT_CATEGORIES,
  MERCHANT_STATUSES,
  type Merchant,
  type MerchantCategory,
  type MerchantInput,
  type MerchantStatus,
  merchantApi,
  type Statement,
} from './benefits.api.ts';
import { chinaToday, formatShortDateTime, formatYuan } from './benefits.format.ts';
import { PlaquePage } from './plaque.page.tsx';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

const STATUS_BADGE: Record<MerchantStatus, 'success' | 'warning' | 'default'> = {
  active: 'success',
  suspended: 'warning',
  terminated: 'default',
};

interface Filters {
  q?: string;
  category?: MerchantCategory;
  status?: MerchantStatus;
}

/** Console: partner merchants, their plaques (`merchants/:id/plaque`) and statements. */
export function MerchantsRoute() {
  return (
    <Routes>
      <Route index element={<MerchantListPage />} />
      <Route path=":id/plaque" element={<PlaquePage />} />
    </Routes>
  );
}

function MerchantListPage() {
  const { t } = useTranslation();
  const canManage = useMe().permissions.includes('benefit:manage');
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [statementOf, setStatementOf] = useState<Merchant | null>(null);
  const [accountFor, setAccountFor] = useState<Merchant | null>(null);
  const [signal, setSignal] = useState(0);
  const { message } = App.useApp();

  const columns: TableColumnsType<Merchant> = [
    {
      title: t('benefits:merchant.name'),
      key: 'name',
      render: (_v, m) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{m.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ ...mono, fontSize: 12 }}>
            {m.creditCode}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('benefits:merchant.category'),
      dataIndex: 'category',
      render: (c: MerchantCategory) => <Tag>{t(`benefits:category.${c}`)}</Tag>,
    },
    {
      title: t('benefits:merchant.outlets'),
      key: 'outlets',
      render: (_v, m) => (
        <Typography.Text>
          {m.outlets.length}{' '}
          <Typography.Text type="secondary">
            {m.outlets
              .slice(0, 2)
              .map((o) => o.name)
              .join('、')}
            {m.outlets.length > 2 ? '…' : ''}
          </Typography.Text>
        </Typography.Text>
      ),
    },
    {
      title: t('benefits:merchant.contract'),
      key: 'contract',
      render: (_v, m) => `${m.contractStart} – ${m.contractEnd}`,
    },
    {
      title: t('benefits:merchant.status'),
      key: 'status',
      render: (_v, m) => (
        <Space size={4}>
          <Badge status={STATUS_BADGE[m.status]} text={t(`benefits:merchantStatus.${m.status}`)} />
          {m.status === 'active' && !m.inContract && <Tag>{t('benefits:merchant.outOfContract')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('benefits:merchant.plaqueNo'),
      dataIndex: 'plaqueNo',
      render: (v: string) => <span style={mono}>{v}</span>,
    },
  ];

  return (
    <>
      <ListPage<Merchant, Filters>
        title={t('benefits:merchant.listTitle')}
        description={t('benefits:merchant.listDescription')}
        rowKey={(m) => m.id}
        columns={columns}
        reloadSignal={signal}
        search={[
          <Form.Item key="q" name="q" label={t('benefits:merchant.name')}>
            <Input allowClear placeholder={t('benefits:merchant.searchPlaceholder')} />
          </Form.Item>,
          <Form.Item key="category" name="category" label={t('benefits:merchant.category')}>
            <Select
              allowClear
              options={MERCHANT_CATEGORIES.map((c) => ({ value: c, label: t(`benefits:category.${c}`) }))}
            />
          </Form.Item>,
          <Form.Item key="status" name="status" label={t('benefits:merchant.status')}>
            <Select
              allowClear
              options={MERCHANT_STATUSES.map((s) => ({ value: s, label: t(`benefits:merchantStatus.${s}`) }))}
            />
          </Form.Item>,
        ]}
        fetchPage={({ filters, cursor, limit }) => merchantApi.list({ ...filters, cursor, limit })}
        toolbar={() =>
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('benefits:merchant.create')}
            </Button>
          )
        }
        rowActionsWidth={280}
        rowActions={(m) => (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              icon={<SafetyCertificateOutlined />}
              onClick={() => void navigate(`${m.id}/plaque`)}
            >
              {t('benefits:merchant.plaque')}
            </Button>
            <Button type="link" size="small" icon={<FileTextOutlined />} onClick={() => setStatementOf(m)}>
              {t('benefits:merchant.statement')}
            </Button>
            {canManage && (
              <Button type="link" size="small" icon={<UserAddOutlined />} onClick={() => setAccountFor(m)}>
                {t('benefits:merchant.addCashier')}
              </Button>
            )}
          </Space>
        )}
      />
      <MerchantFormPanel
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => setSignal((n) => n + 1)}
      />
      <StatementDrawer merchant={statementOf} onClose={() => setStatementOf(null)} />
      <FormPanel<{ username: string; displayName: string; password: string; outletId?: string }>
        variant="modal"
        open={accountFor !== null}
        title={t('benefits:merchant.addCashierTitle', { name: accountFor?.name ?? '' })}
        onClose={() => setAccountFor(null)}
        submitText={t('shared:action.create')}
        onSubmit={async (values) => {
          if (!accountFor) {
            return;
          }
          await merchantApi.addAccount(accountFor.id, values);
          void message.success(t('benefits:merchant.cashierCreated', { username: values.username }));
        }}
      >
        <Form.Item
          name="username"
          label={t('benefits:merchant.username')}
          rules={[
            requiredRule(),
            { pattern: /^[a-z0-9][a-z0-9._-]{2,31}$/, message: t('benefits:merchant.usernameRule') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('benefits:merchant.displayName')}
          rules={plainTextRules({ max: 40, min: 2, required: true })}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('benefits:merchant.password')}
          rules={[requiredRule(), { min: 10, message: t('benefits:merchant.passwordRule') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="outletId" label={t('benefits:merchant.outlet')}>
          <Select
            allowClear
            options={(accountFor?.outlets ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
      </FormPanel>
    </>
  );
}

interface MerchantValues extends Omit<MerchantInput, 'contractStart' | 'contractEnd'> {
  contract: [Dayjs, Dayjs];
}

function MerchantFormPanel({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  return (
    <FormPanel<MerchantValues>
      open={open}
      title={t('benefits:merchant.createTitle')}
      width={720}
      onClose={onClose}
      initialValues={{
        ...(orgs.items[0] ? { orgId: orgs.items[0].id } : {}),
        contract: [dayjs(), dayjs().add(2, 'year')],
        outlets: [{ name: '', address: '', lat: 23.02, lng: 113.12 }],
      }}
      onSubmit={async (v) => {
        const { contract, ...rest } = v;
        await merchantApi.create({
          ...rest,
          contractStart: contract[0].format('YYYY-MM-DD'),
          contractEnd: contract[1].format('YYYY-MM-DD'),
          outlets: v.outlets ?? [],
        });
        onSaved();
      }}
    >
      <Form.Item name="orgId" label={t('benefits:merchant.servesOrg')} rules={[requiredRule()]}>
        <OrgSelect roots={orgs.roots} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item
            name="name"
            label={t('benefits:merchant.name')}
            rules={plainTextRules({ max: 80, min: 2, required: true })}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="category" label={t('benefits:merchant.category')} rules={[requiredRule()]}>
            <Select
              options={MERCHANT_CATEGORIES.map((c) => ({ value: c, label: t(`benefits:category.${c}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            name="creditCode"
            label={t('benefits:merchant.creditCode')}
            rules={[
              requiredRule(),
              { pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/, message: t('benefits:merchant.creditCodeRule') },
            ]}
            normalize={(v: string) => v?.toUpperCase().trim()}
          >
            <Input style={mono} maxLength={18} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="contract" label={t('benefits:merchant.contract')} rules={[requiredRule()]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="contactName"
            label={t('benefits:merchant.contactName')}
            rules={plainTextRules({ max: 40 })}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="contactPhone"
            label={t('benefits:merchant.contactPhone')}
            rules={mobileRules(false)}
          >
            <Input inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('benefits:merchant.outlets')}
      </Typography.Title>
      <Form.List name="outlets">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Row key={field.key} gutter={8} align="top">
                <Col span={7}>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={index === 0 ? t('benefits:merchant.outletName') : undefined}
                    rules={plainTextRules({ max: 60, min: 2, required: true })}
                  >
                    <Input aria-label={t('benefits:merchant.outletName')} />
                  </Form.Item>
                </Col>
                <Col span={9}>
                  <Form.Item
                    name={[field.name, 'address']}
                    label={index === 0 ? t('benefits:merchant.address') : undefined}
                    rules={plainTextRules({ max: 120, min: 2, required: true })}
                  >
                    <Input aria-label={t('benefits:merchant.address')} />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item
                    name={[field.name, 'lat']}
                    label={index === 0 ? t('benefits:merchant.lat') : undefined}
                    rules={[requiredRule()]}
                  >
                    <InputNumber
                      min={-90}
                      max={90}
                      step={0.0001}
                      style={{ width: '100%' }}
                      aria-label={t('benefits:merchant.lat')}
                    />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item
                    name={[field.name, 'lng']}
                    label={index === 0 ? t('benefits:merchant.lng') : undefined}
                    rules={[requiredRule()]}
                  >
                    <InputNumber
                      min={-180}
                      max={180}
                      step={0.0001}
                      style={{ width: '100%' }}
                      aria-label={t('benefits:merchant.lng')}
                    />
                  </Form.Item>
                </Col>
                <Col span={2} style={{ paddingTop: index === 0 ? 30 : 0 }}>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('benefits:merchant.removeOutlet')}
                    onClick={() => remove(field.name)}
                  />
                </Col>
              </Row>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ name: '', address: '', lat: 23.02, lng: 113.12 })}
            >
              {t('benefits:merchant.addOutlet')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </FormPanel>
  );
}

function StatementDrawer({ merchant, onClose }: { merchant: Merchant | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [
    dayjs(chinaToday()).startOf('month'),
    dayjs(chinaToday()),
  ]);
  const [data, setData] = useState<Statement | null>(null);
  const [loading, setLoading] = useState(false);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');

  useEffect(() => {
    if (!merchant) {
      setData(null);
      return;
    }
    setLoading(true);
    merchantApi
      .statement(merchant.id, from, to)
      .then(setData)
      .catch((e: unknown) => void message.error(e instanceof Error ? e.message : String(e)))
      .finally(() => setLoading(false));
  }, [merchant, from, to, message]);

  return (
    <Drawer
      open={merchant !== null}
      onClose={onClose}
      size={860}
      title={t('benefits:merchant.statementTitle', { name: merchant?.name ?? '' })}
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() => {
            if (merchant) {
              merchantApi
                .statementXlsx(merchant.id, from, to)
                .catch((e: unknown) => void message.error(e instanceof Error ? e.message : String(e)));
            }
          }}
        >
          {t('benefits:merchant.downloadXlsx')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          aria-label={t('benefits:merchant.period')}
          onChange={(v) => {
            if (v?.[0] && v[1]) {
              setRange([v[0], v[1]]);
            }
          }}
          presets={[
            { label: t('benefits:merchant.thisMonth'), value: [dayjs().startOf('month'), dayjs()] },
            {
              label: t('benefits:merchant.lastMonth'),
              value: [
                dayjs().subtract(1, 'month').startOf('month'),
                dayjs().subtract(1, 'month').endOf('month'),
              ],
            },
            { label: t('benefits:merchant.thisYear'), value: [dayjs().startOf('year'), dayjs()] },
          ]}
        />
        <Row gutter={16}>
          <Col span={8}>
            <Statistic title={t('benefits:cashier.countLabel')} value={data?.count ?? 0} loading={loading} />
          </Col>
          <Col span={8}>
            <Statistic
              title={t('benefits:cashier.owedLabel')}
              value={formatYuan(data?.owedFen ?? 0, lang)}
              loading={loading}
            />
          </Col>
          <Col span={8}>
            <Statistic
              title={t('benefits:cashier.ordersLabel')}
              value={formatYuan(data?.orderAmountFen ?? 0, lang)}
              loading={loading}
            />
          </Col>
        </Row>
        <Table
          size="small"
          rowKey="campaignId"
          loading={loading}
          pagination={false}
          dataSource={data?.byCampaign ?? []}
          locale={{ emptyText: t('benefits:cashier.noLines') }}
          columns={[
            { title: t('benefits:cashier.campaign'), dataIndex: 'campaignName' },
            { title: t('benefits:cashier.countLabel'), dataIndex: 'count', align: 'right' },
            {
              title: t('benefits:cashier.owedLabel'),
              dataIndex: 'owedFen',
              align: 'right',
              render: (v: number) => formatYuan(v, lang),
            },
            {
              title: t('benefits:cashier.ordersLabel'),
              dataIndex: 'orderAmountFen',
              align: 'right',
              render: (v: number) => formatYuan(v, lang),
            },
          ]}
        />
        <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
          {t('benefits:cashier.lines')}
        </Typography.Title>
        <Table
          size="small"
          rowKey="id"
          loading={loading}
          dataSource={data?.lines ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: t('benefits:cashier.noLines') }}
          columns={[
            {
              title: t('benefits:merchant.redeemedAt'),
              dataIndex: 'redeemedAt',
              render: (v: string) => formatShortDateTime(v, lang),
            },
            {
              title: t('benefits:cashier.voucherNo'),
              dataIndex: 'voucherNo',
              render: (v: string) => <span style={mono}>{v}</span>,
            },
            { title: t('benefits:cashier.campaign'), dataIndex: 'campaignName' },
            {
              title: t('benefits:cashier.orderAmount'),
              dataIndex: 'orderAmountFen',
              align: 'right',
              render: (v: number) => formatYuan(v, lang),
            },
            {
              title: t('benefits:cashier.discount'),
              dataIndex: 'discountFen',
              align: 'right',
              render: (v: number) => formatYuan(v, lang),
            },
            {
              title: t('benefits:merchant.status'),
              dataIndex: 'status',
              render: (v: 'completed' | 'reversed') => (
                <Badge
                  status={v === 'completed' ? 'success' : 'warning'}
                  text={t(`benefits:redemptionStatus.${v}`)}
                />
              ),
            },
          ]}
        />
      </Flex>
    </Drawer>
  );
}

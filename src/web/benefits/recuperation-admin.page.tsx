import { PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Badge,
  Button,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../org/org-select.tsx';
import { useMe } from '../org/session.context.tsx';
import { useOrganisations } from '../org/use-org-data.ts';
import { FormPanel } from '../shared/form-panel.tsx';
import { formatDateTime } from '../shared/format.ts';
import { ListPage } from '../shared/list-page.tsx';
import { plainTextRules, requiredRule } from '../shared/validators.ts';
import {
  type Application,
  type Departure,
  type Lottery,
  type Route,
  recuperationApi,
} from './benefits.api.ts';
import { formatYuan, priorityText } from './benefits.format.ts';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

const APP_BADGE: Record<Application['status'], 'processing' | 'success' | 'warning' | 'default'> = {
  applied: 'processing',
  won: 'success',
  waitlisted: 'warning',
  cancelled: 'default',
};

/** Console: recuperation routes, their departures, applications and lottery runs. */
export function RecuperationAdminPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const canManage = useMe().permissions.includes('benefit:manage');
  const [creating, setCreating] = useState(false);
  const [departureFor, setDepartureFor] = useState<Route | null>(null);
  const [applicationsOf, setApplicationsOf] = useState<{ route: Route; departure: Departure } | null>(null);
  const [lotteryOf, setLotteryOf] = useState<{ route: Route; departure: Departure } | null>(null);
  const [drawing, setDrawing] = useState<{ route: Route; departure: Departure } | null>(null);
  const [signal, setSignal] = useState(0);
  const reload = () => setSignal((n) => n + 1);
  const { message } = App.useApp();

  const columns: TableColumnsType<Route> = [
    {
      title: t('benefits:route.name'),
      key: 'name',
      render: (_v, r) => (
        <Space size={6}>
          <Typography.Text strong>{r.name}</Typography.Text>
          {r.featured && <Tag>{t('benefits:route.featuredTag')}</Tag>}
        </Space>
      ),
    },
    { title: t('benefits:route.region'), dataIndex: 'region' },
    { title: t('benefits:route.daysCol'), dataIndex: 'days', align: 'right' },
    {
      title: t('benefits:route.costCol'),
      dataIndex: 'costFen',
      align: 'right',
      render: (v: number) => formatYuan(v, lang),
    },
    {
      title: t('benefits:route.departureList'),
      key: 'departures',
      align: 'right',
      render: (_v, r) => (r.departures ?? []).length,
    },
    {
      title: t('benefits:route.prioritiesCol'),
      key: 'priorities',
      render: (_v, r) => r.priorities.map((p) => priorityText(t, p)).join(' › ') || '—',
    },
  ];

  const departureColumns = (route: Route): TableColumnsType<Departure> => [
    { title: t('benefits:route.departDate'), dataIndex: 'departDate' },
    { title: t('benefits:route.places'), dataIndex: 'places', align: 'right' },
    { title: t('benefits:route.applicants'), dataIndex: 'applicants', align: 'right' },
    {
      title: t('benefits:route.windowCol'),
      key: 'window',
      render: (_v, d) => `${formatDateTime(d.applyStartsAt, lang)} – ${formatDateTime(d.applyEndsAt, lang)}`,
    },
    {
      title: t('benefits:route.statusCol'),
      dataIndex: 'status',
      render: (s: Departure['status']) => (
        <Badge
          status={s === 'drawn' ? 'success' : s === 'open' ? 'processing' : 'default'}
          text={t(`benefits:departureStatus.${s}`)}
        />
      ),
    },
    {
      title: t('shared:list.actions'),
      key: 'actions',
      render: (_v, d) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setApplicationsOf({ route, departure: d })}>
            {t('benefits:route.applications')}
          </Button>
          {d.status === 'open' && canManage && (
            <Button
              type="link"
              size="small"
              icon={<TrophyOutlined />}
              disabled={Date.parse(d.applyEndsAt) > Date.now()}
              title={Date.parse(d.applyEndsAt) > Date.now() ? t('benefits:route.drawAfterWindow') : undefined}
              onClick={() => setDrawing({ route, departure: d })}
            >
              {t('benefits:route.draw')}
            </Button>
          )}
          {d.status === 'drawn' && (
            <Button type="link" size="small" onClick={() => setLotteryOf({ route, departure: d })}>
              {t('benefits:route.viewDraw')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <ListPage<Route, { q?: string; featured?: 'true' | 'false' }>
        title={t('benefits:route.listTitle')}
        description={t('benefits:route.listDescription')}
        rowKey={(r) => r.id}
        columns={columns}
        reloadSignal={signal}
        search={[
          <Form.Item key="q" name="q" label={t('benefits:route.name')}>
            <Input allowClear />
          </Form.Item>,
          <Form.Item key="featured" name="featured" label={t('benefits:route.featuredFilter')}>
            <Select
              allowClear
              options={[
                { value: 'true', label: t('benefits:route.featuredOnly') },
                { value: 'false', label: t('benefits:route.notFeatured') },
              ]}
            />
          </Form.Item>,
        ]}
        fetchPage={({ filters, cursor, limit }) =>
          recuperationApi.routes({ ...filters, view: 'staff', cursor, limit })
        }
        toolbar={() =>
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('benefits:route.create')}
            </Button>
          )
        }
        rowActionsWidth={130}
        rowActions={(r) =>
          canManage && (
            <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setDepartureFor(r)}>
              {t('benefits:route.addDeparture')}
            </Button>
          )
        }
        expandable={{
          expandedRowRender: (r) => (
            <Table<Departure>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={r.departures ?? []}
              columns={departureColumns(r)}
              locale={{ emptyText: t('benefits:route.noDepartures') }}
            />
          ),
        }}
      />
      <RouteFormPanel open={creating} onClose={() => setCreating(false)} onSaved={reload} />
      <FormPanel<{ departDate: Dayjs; places: number; window: [Dayjs, Dayjs] }>
        variant="modal"
        open={departureFor !== null}
        title={t('benefits:route.addDepartureTitle', { name: departureFor?.name ?? '' })}
        onClose={() => setDepartureFor(null)}
        initialValues={{
          places: 30,
          window: [dayjs(), dayjs().add(14, 'day')],
          departDate: dayjs().add(30, 'day'),
        }}
        onSubmit={async (v) => {
          if (!departureFor) {
            return;
          }
          await recuperationApi.addDeparture(departureFor.id, {
            departDate: v.departDate.format('YYYY-MM-DD'),
            places: v.places,
            applyStartsAt: v.window[0].format(),
            applyEndsAt: v.window[1].format(),
          });
          reload();
        }}
      >
        <Form.Item name="departDate" label={t('benefits:route.departDate')} rules={[requiredRule()]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="places" label={t('benefits:route.places')} rules={[requiredRule()]}>
          <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="window" label={t('benefits:route.windowCol')} rules={[requiredRule()]}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
          />
        </Form.Item>
      </FormPanel>
      <FormPanel<{ seed?: string }>
        variant="modal"
        open={drawing !== null}
        title={t('benefits:route.drawTitle', {
          name: drawing?.route.name ?? '',
          date: drawing?.departure.departDate ?? '',
        })}
        submitText={t('benefits:route.draw')}
        onClose={() => setDrawing(null)}
        onSubmit={async ({ seed }) => {
          if (!drawing) {
            return;
          }
          const r = await recuperationApi.draw(drawing.departure.id, seed?.trim() || undefined);
          void message.success(t('benefits:route.drawn', { winners: r.winners, seed: r.seed }));
          reload();
          setLotteryOf(drawing);
        }}
      >
        <Alert type="info" showIcon title={t('benefits:route.drawHint')} style={{ marginBottom: 16 }} />
        <Form.Item
          name="seed"
          label={t('benefits:lottery.seed')}
          extra={t('benefits:route.seedHelp')}
          rules={[{ pattern: /^[\w.:-]{8,128}$/, message: t('benefits:route.seedRule') }]}
        >
          <Input style={mono} />
        </Form.Item>
      </FormPanel>
      <ApplicationsDrawer target={applicationsOf} onClose={() => setApplicationsOf(null)} />
      <LotteryDrawer target={lotteryOf} onClose={() => setLotteryOf(null)} />
    </>
  );
}

function ApplicationsDrawer({
  target,
  onClose,
}: {
  target: { route: Route; departure: Departure } | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<Application[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setItems(null);
    setError(null);
    if (target) {
      recuperationApi
        .applications(target.departure.id)
        .then((r) => setItems(r.items))
        .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    }
  }, [target]);
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={760}
      title={t('benefits:route.applicationsTitle', {
        name: target?.route.name ?? '',
        date: target?.departure.departDate ?? '',
      })}
    >
      {error && <Alert type="error" showIcon title={error} />}
      <Table<Application>
        size="small"
        rowKey="id"
        loading={items === null && !error}
        dataSource={items ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        locale={{ emptyText: t('benefits:route.noApplications') }}
        columns={[
          { title: t('benefits:route.member'), dataIndex: 'memberName' },
          { title: t('benefits:route.tier'), dataIndex: 'tier', align: 'right' },
          { title: t('benefits:route.years'), dataIndex: 'membershipYears', align: 'right' },
          {
            title: t('benefits:route.statusCol'),
            dataIndex: 'status',
            render: (s: Application['status']) => (
              <Badge status={APP_BADGE[s]} text={t(`benefits:applicationStatus.${s}`)} />
            ),
          },
          {
            title: t('benefits:route.drawOrder'),
            dataIndex: 'drawOrder',
            align: 'right',
            render: (v: number | null) => v ?? '—',
          },
          {
            title: t('benefits:route.waitRank'),
            dataIndex: 'waitlistRank',
            align: 'right',
            render: (v: number | null) => v ?? '—',
          },
          {
            title: t('benefits:route.appliedAt'),
            dataIndex: 'createdAt',
            render: (v: string) => formatDateTime(v, i18n.language),
          },
        ]}
      />
    </Drawer>
  );
}

function LotteryDrawer({
  target,
  onClose,
}: {
  target: { route: Route; departure: Departure } | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<Lottery | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setData(null);
    setError(null);
    if (target) {
      recuperationApi
        .lottery(target.departure.id)
        .then(setData)
        .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    }
  }, [target]);
  const winners = data?.order.filter((o) => o.won) ?? [];
  const waitlist = data?.order.filter((o) => !o.won) ?? [];
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={760}
      title={t('benefits:lottery.runTitle', {
        name: target?.route.name ?? '',
        date: target?.departure.departDate ?? '',
      })}
    >
      {error && <Alert type="error" showIcon title={error} />}
      {data && (
        <Flex vertical gap={16}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('benefits:lottery.seed')}>
              <Typography.Text copyable style={mono}>
                {data.seed}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('benefits:lottery.algorithmLabel')}>
              {data.algorithm}
            </Descriptions.Item>
            <Descriptions.Item label={t('benefits:lottery.priorities')}>
              {data.priorities.map((p) => priorityText(t, p)).join(' › ') || t('benefits:route.noPriorities')}
            </Descriptions.Item>
            <Descriptions.Item label={t('benefits:lottery.places')}>
              {t('benefits:lottery.placesLine', { places: data.places, applicants: data.order.length })}
            </Descriptions.Item>
            <Descriptions.Item label={t('benefits:lottery.drawnAt')}>
              {formatDateTime(data.drawnAt, i18n.language)}
            </Descriptions.Item>
          </Descriptions>
          <Row gutter={16}>
            {(
              [
                ['winners', winners],
                ['waitlistTitle', waitlist],
              ] as const
            ).map(([key, rows]) => (
              <Col key={key} xs={24} lg={12}>
                <Typography.Title level={3} style={{ fontSize: 15 }}>
                  {t(`benefits:lottery.${key}`, { count: rows.length })}
                </Typography.Title>
                <Table
                  size="small"
                  rowKey="applicationId"
                  pagination={false}
                  dataSource={rows}
                  columns={[
                    { title: '#', dataIndex: 'position', width: 48 },
                    { title: t('benefits:route.member'), dataIndex: 'memberName' },
                    { title: t('benefits:route.tier'), dataIndex: 'tier', width: 70 },
                    {
                      title: t('benefits:lottery.ticket'),
                      dataIndex: 'ticket',
                      render: (v: string) => <span style={{ ...mono, fontSize: 12 }}>{v.slice(0, 12)}…</span>,
                    },
                  ]}
                />
              </Col>
            ))}
          </Row>
        </Flex>
      )}
    </Drawer>
  );
}

interface RouteValues {
  orgId: string;
  name: string;
  region: string;
  summary?: string;
  days: number;
  costFen: number;
  featured: boolean;
  itinerary: { title: string; description?: string }[];
  priorityTags: string[];
  priorityYears?: number;
}

function RouteFormPanel({
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
    <FormPanel<RouteValues>
      open={open}
      width={640}
      title={t('benefits:route.createTitle')}
      onClose={onClose}
      initialValues={{
        ...(orgs.items[0] ? { orgId: orgs.items[0].id } : {}),
        days: 3,
        costFen: 98_000,
        featured: false,
        itinerary: [{ title: '' }],
        priorityTags: ['劳模'],
        priorityYears: 10,
      }}
      onSubmit={async (v) => {
        await recuperationApi.createRoute({
          orgId: v.orgId,
          name: v.name,
          region: v.region,
          ...(v.summary ? { summary: v.summary } : {}),
          days: v.days,
          costFen: v.costFen,
          featured: v.featured ?? false,
          itinerary: (v.itinerary ?? []).map((d, i) => ({
            day: i + 1,
            title: d.title,
            ...(d.description ? { description: d.description } : {}),
          })),
          priorities: [
            ...(v.priorityTags ?? []).map((tag) => ({ kind: 'tag' as const, tag })),
            ...(v.priorityYears ? [{ kind: 'membership-years' as const, min: v.priorityYears }] : []),
          ],
        });
        onSaved();
      }}
    >
      <Form.Item name="orgId" label={t('benefits:campaign.fundingOrg')} rules={[requiredRule()]}>
        <OrgSelect roots={orgs.roots} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item
            name="name"
            label={t('benefits:route.name')}
            rules={plainTextRules({ max: 60, min: 2, required: true })}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item
            name="region"
            label={t('benefits:route.region')}
            rules={plainTextRules({ max: 40, min: 2, required: true })}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="days" label={t('benefits:route.daysCol')} rules={[requiredRule()]}>
            <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="costFen"
            label={t('benefits:route.costCol')}
            rules={[requiredRule()]}
            getValueProps={(v: number | undefined) => ({ value: v === undefined ? v : v / 100 })}
            normalize={(v: number | null) => (v === null ? v : Math.round(v * 100))}
          >
            <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="featured" label={t('benefits:route.featuredFilter')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="summary" label={t('benefits:route.summary')} rules={plainTextRules({ max: 500 })}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('benefits:route.itinerary')}
      </Typography.Title>
      <Form.List name="itinerary">
        {(fields, { add, remove }) => (
          <Flex vertical gap={4}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item
                  name={[field.name, 'title']}
                  style={{ flex: 1 }}
                  rules={plainTextRules({ max: 60, min: 1, required: true })}
                >
                  <Input
                    addonBefore={t('benefits:route.dayN', { day: index + 1 })}
                    aria-label={t('benefits:route.dayN', { day: index + 1 })}
                  />
                </Form.Item>
                <Button onClick={() => remove(field.name)} disabled={fields.length === 1}>
                  {t('shared:action.delete')}
                </Button>
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '' })}>
              {t('benefits:route.addDay')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
        {t('benefits:route.rules')}
      </Typography.Title>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item
            name="priorityTags"
            label={t('benefits:route.priorityTags')}
            extra={t('benefits:route.priorityTagsHelp')}
          >
            <Select mode="tags" open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="priorityYears" label={t('benefits:route.priorityYearsLabel')}>
            <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormPanel>
  );
}

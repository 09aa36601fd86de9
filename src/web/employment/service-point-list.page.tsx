import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../org/org-select.tsx';
import { useOrganisations } from '../org/use-org-data.ts';
import { FormPanel } from '../shared/form-panel.tsx';
import { ListPage } from '../shared/list-page.tsx';
import { plainTextRules, requiredRule, tagRules } from '../shared/validators.ts';
import {
  employmentApi,
  SERVICE_POINT_KINDS,
  type ServicePoint,
  type ServicePointInput,
  type ServicePointKind,
} from './employment.api.ts';
import { useEmploymentReference, useLoad } from './use-employment.ts';

// Leaflet loads only where a tile server is configured (MAP_TILE_URL).
const ServicePointMap = lazy(() =>
  import('./service-point-map.tsx').then((m) => ({ default: m.ServicePointMap })),
);

/** Employment service points (union stations, community centres, the cross-border station) with coordinates. */
export function ServicePointListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const orgs = useOrganisations();
  const [editing, setEditing] = useState<ServicePoint | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [reloadSignal, setReloadSignal] = useState(0);
  const tiles = useEmploymentReference()?.map ?? null;
  const all = useLoad(
    () => (tiles ? employmentApi.servicePoints() : Promise.resolve([])),
    [tiles, reloadSignal],
  );
  const mapPoints = useMemo(
    () =>
      (all.data ?? []).map((p) => ({ id: p.id, name: p.name, lat: p.lat, lng: p.lng, detail: p.address })),
    [all.data],
  );

  const columns: TableColumnsType<ServicePoint> = [
    {
      title: t('employment:points.name'),
      dataIndex: 'name',
      render: (name: string, p) => (
        <Flex vertical gap={2} style={{ minWidth: 180 }}>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.address}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('employment:points.kind'),
      dataIndex: 'kind',
      render: (k: ServicePointKind) => <Tag>{t(`employment:pointKind.${k}`)}</Tag>,
    },
    {
      title: t('employment:points.coordinates'),
      key: 'coords',
      render: (_v, p) => (
        <span
          className="gy-mono"
          style={{ whiteSpace: 'nowrap' }}
        >{`${p.lat.toFixed(3)}, ${p.lng.toFixed(3)}`}</span>
      ),
    },
    { title: t('employment:points.hours'), dataIndex: 'hours', render: (h: string) => h || '—' },
    {
      title: t('employment:points.services'),
      key: 'services',
      render: (_v, p) => (
        <Space size={[0, 4]} wrap style={{ maxWidth: 260 }}>
          {p.services.map((s) => (
            <Tag key={s}>{s}</Tag>
          ))}
          {p.languages.map((l) => (
            <Tag key={l} color="blue">
              {l}
            </Tag>
          ))}
        </Space>
      ),
    },
  ];

  return (
    <>
      <ListPage<ServicePoint, { q?: string; kind?: ServicePointKind }>
        title={t('employment:points.title')}
        description={t('employment:points.description')}
        rowKey={(p) => p.id}
        columns={columns}
        reloadSignal={reloadSignal}
        pageSizes={[100]}
        {...(tiles
          ? {
              notice: (
                <Suspense fallback={null}>
                  <ServicePointMap
                    tiles={tiles}
                    points={mapPoints}
                    label={t('employment:points.map')}
                    height={320}
                  />
                </Suspense>
              ),
            }
          : {})}
        search={[
          <Form.Item key="q" name="q" label={t('employment:manage.keyword')} style={{ width: '100%' }}>
            <Input allowClear />
          </Form.Item>,
          <Form.Item key="kind" name="kind" label={t('employment:points.kind')} style={{ width: '100%' }}>
            <Select
              allowClear
              placeholder={t('employment:manage.any')}
              options={SERVICE_POINT_KINDS.map((k) => ({ value: k, label: t(`employment:pointKind.${k}`) }))}
            />
          </Form.Item>,
        ]}
        fetchPage={async ({ filters }) => {
          const items = await employmentApi.servicePoints(filters);
          return { items, nextCursor: null, total: items.length };
        }}
        toolbar={() => (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setFormOpen(true);
            }}
          >
            {t('employment:points.create')}
          </Button>
        )}
        rowActions={(p) => (
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => {
              setEditing(p);
              setFormOpen(true);
            }}
          >
            {t('shared:action.edit')}
          </Button>
        )}
        rowActionsWidth={100}
      />
      <FormPanel<ServicePointInput>
        open={formOpen}
        title={
          editing ? t('employment:points.editTitle', { name: editing.name }) : t('employment:points.create')
        }
        initialValues={
          editing
            ? {
                name: editing.name,
                kind: editing.kind,
                address: editing.address,
                lat: editing.lat,
                lng: editing.lng,
                hours: editing.hours,
                ...(editing.phone ? { phone: editing.phone } : {}),
                services: editing.services,
                languages: editing.languages,
              }
            : { kind: 'union-station', services: [], languages: [] }
        }
        onClose={() => setFormOpen(false)}
        onSubmit={async (v) => {
          const phone = v.phone?.trim();
          const patch = {
            name: v.name,
            kind: v.kind,
            address: v.address,
            lat: v.lat,
            lng: v.lng,
            hours: v.hours ?? '',
            services: v.services ?? [],
            languages: v.languages ?? [],
            ...(phone ? { phone } : {}),
          };
          if (editing) {
            await employmentApi.updateServicePoint(editing.id, patch);
          } else {
            await employmentApi.createServicePoint({ ...patch, orgId: v.orgId });
          }
          void message.success(t('shared:feedback.saved'));
          setReloadSignal((n) => n + 1);
        }}
      >
        {!editing && (
          <Form.Item name="orgId" label={t('employment:points.org')} rules={[requiredRule()]}>
            <OrgSelect roots={orgs.roots} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('employment:points.name')}
          rules={plainTextRules({ max: 80, min: 2, required: true })}
        >
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="kind" label={t('employment:points.kind')} rules={[requiredRule()]}>
          <Select
            options={SERVICE_POINT_KINDS.map((k) => ({ value: k, label: t(`employment:pointKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="address"
          label={t('employment:points.address')}
          rules={plainTextRules({ max: 120, required: true })}
        >
          <Input maxLength={120} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="lat"
            label={t('employment:points.lat')}
            style={{ flex: 1 }}
            rules={[requiredRule()]}
          >
            <InputNumber min={-90} max={90} step={0.001} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="lng"
            label={t('employment:points.lng')}
            style={{ flex: 1 }}
            rules={[requiredRule()]}
          >
            <InputNumber min={-180} max={180} step={0.001} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="hours"
          label={t('employment:points.hours')}
          rules={plainTextRules({ max: 80, min: 0 })}
        >
          <Input maxLength={80} placeholder={t('employment:points.hoursPlaceholder')} />
        </Form.Item>
        <Form.Item name="phone" label={t('employment:points.phone')} rules={plainTextRules({ max: 20 })}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="services" label={t('employment:points.services')} rules={tagRules(20, 40)}>
          <Select
            mode="tags"
            options={['求职登记', '岗位推荐', '技能培训', '法律援助', '跨境用工咨询'].map((s) => ({
              value: s,
              label: s,
            }))}
          />
        </Form.Item>
        <Form.Item name="languages" label={t('employment:points.languages')} rules={tagRules(10, 40)}>
          <Select
            mode="tags"
            options={['普通话', '老挝语', '傣语', '英语'].map((s) => ({ value: s, label: s }))}
          />
        </Form.Item>
      </FormPanel>
    </>
  );
}

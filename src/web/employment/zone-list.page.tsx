import { DeleteOutlined, EditOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../org/org-select.tsx';
import { useOrganisations } from '../org/use-org-data.ts';
import { ApiError } from '../shared/api-client.ts';
import { FormPanel } from '../shared/form-panel.tsx';
import { plainTextRules, requiredRule, tagRules } from '../shared/validators.ts';
import { employmentApi, type Job, type Zone } from './employment.api.ts';
import { salaryText } from './employment-format.ts';
import { useLoad } from './use-employment.ts';

/** The postings of one zone: remove any, add more found by keyword. */
function ZoneJobsDrawer({
  zone,
  onClose,
  onChanged,
}: {
  zone: Zone | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const detail = useLoad(() => (zone ? employmentApi.zone(zone.id) : Promise.resolve(null)), [zone?.id]);
  const [options, setOptions] = useState<Job[]>([]);
  const [adding, setAdding] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const searchSeq = useRef(0);
  const jobs = detail.data?.jobs ?? [];

  const save = async (ids: string[]) => {
    if (!zone) {
      return;
    }
    setSaving(true);
    try {
      await employmentApi.setZoneJobs(zone.id, ids);
      void message.success(t('shared:feedback.saved'));
      detail.reload();
      onChanged();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : t('shared:error.unknown'));
    } finally {
      setSaving(false);
    }
  };

  const search = (q: string) => {
    const seq = ++searchSeq.current;
    void employmentApi
      .searchJobs({ q, status: 'open' }, { limit: 20 })
      .then((page) => {
        if (seq === searchSeq.current) {
          setOptions(page.items);
        }
      })
      .catch(() => undefined);
  };

  return (
    <Drawer
      open={zone !== null}
      onClose={onClose}
      size={640}
      title={t('employment:zones.jobsTitle', { name: zone?.name ?? '' })}
    >
      <Flex vertical gap={12}>
        <Flex gap={8}>
          <Select
            mode="multiple"
            style={{ flex: 1 }}
            aria-label={t('employment:zones.addJobs')}
            placeholder={t('employment:zones.searchJobs')}
            showSearch={{ filterOption: false, onSearch: search }}
            value={adding}
            onChange={setAdding}
            onFocus={() => options.length === 0 && search('')}
            options={options
              .filter((j) => !jobs.some((x) => x.id === j.id))
              .map((j) => ({ value: j.id, label: `${j.title} · ${j.employerName}` }))}
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={adding.length === 0}
            loading={saving}
            onClick={() => {
              void save([...jobs.map((j) => j.id), ...adding]).then(() => setAdding([]));
            }}
          >
            {t('employment:zones.addJobs')}
          </Button>
        </Flex>
        {detail.error && <Alert type="error" showIcon title={detail.error} />}
        <Typography.Text type="secondary">
          {t('employment:zones.jobCount', { count: jobs.length })}
        </Typography.Text>
        <List
          loading={detail.loading}
          dataSource={jobs}
          pagination={jobs.length > 20 ? { pageSize: 20, size: 'small' } : false}
          locale={{ emptyText: t('employment:zones.noJobs') }}
          renderItem={(j) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="link"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('employment:zones.removeJob', { title: j.title })}
                  onClick={() => void save(jobs.filter((x) => x.id !== j.id).map((x) => x.id))}
                >
                  {t('employment:zones.remove')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={j.title}
                description={`${j.employerName} · ${j.city} · ${salaryText(j.salaryMin, j.salaryMax, t, i18n.language)} · ${t('employment:job.placesLeftShort', { count: j.placesLeft })}`}
              />
            </List.Item>
          )}
        />
      </Flex>
    </Drawer>
  );
}

interface ZoneValues {
  orgId: string;
  name: string;
  description?: string;
  provinces: string[];
}

/** Priority zones (e.g. 黔籍员工优先岗位专区): named lists of postings whose applicants from the named provinces come first. */
export function ZoneListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const orgs = useOrganisations();
  const zones = useLoad(() => employmentApi.zones(), []);
  const [editing, setEditing] = useState<Zone | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [jobsOf, setJobsOf] = useState<Zone | null>(null);

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <div>
            <Typography.Title level={2} style={{ marginTop: 0, fontSize: 18 }}>
              {t('employment:zones.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('employment:zones.description')}</Typography.Text>
          </div>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setFormOpen(true);
            }}
          >
            {t('employment:zones.create')}
          </Button>
        </Flex>
      </Card>
      {zones.error && <Alert type="error" showIcon title={zones.error} />}
      {!zones.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : zones.data.length === 0 ? (
        <Card>
          <Empty description={t('employment:zones.empty')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {zones.data.map((z) => (
            <Col key={z.id} xs={24} xl={12}>
              <Card
                title={z.name}
                actions={[
                  <Button
                    key="jobs"
                    type="link"
                    icon={<UnorderedListOutlined />}
                    onClick={() => setJobsOf(z)}
                  >
                    {t('employment:zones.manageJobs')}
                  </Button>,
                  <Button
                    key="edit"
                    type="link"
                    icon={<EditOutlined />}
                    onClick={() => {
                      setEditing(z);
                      setFormOpen(true);
                    }}
                  >
                    {t('shared:action.edit')}
                  </Button>,
                ]}
              >
                <Typography.Paragraph type="secondary">{z.description}</Typography.Paragraph>
                <Space wrap style={{ marginBottom: 12 }}>
                  <span>{t('employment:zones.provinces')}：</span>
                  {z.provinces.map((p) => (
                    <Tag key={p} color="magenta">
                      {p}
                    </Tag>
                  ))}
                </Space>
                <Row gutter={16}>
                  <Col span={12}>
                    <Statistic title={t('employment:zones.jobs')} value={z.jobCount} />
                  </Col>
                  <Col span={12}>
                    <Statistic title={t('employment:zones.openPlaces')} value={z.openPlaces} />
                  </Col>
                </Row>
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <FormPanel<ZoneValues>
        open={formOpen}
        title={
          editing ? t('employment:zones.editTitle', { name: editing.name }) : t('employment:zones.create')
        }
        initialValues={
          editing
            ? { name: editing.name, description: editing.description, provinces: editing.provinces }
            : { provinces: ['贵州'] }
        }
        onClose={() => setFormOpen(false)}
        onSubmit={async (v) => {
          const body = {
            name: v.name.trim(),
            description: v.description?.trim() ?? '',
            provinces: v.provinces,
          };
          if (editing) {
            await employmentApi.updateZone(editing.id, body);
          } else {
            await employmentApi.createZone({ ...body, orgId: v.orgId });
          }
          void message.success(t('shared:feedback.saved'));
          zones.reload();
        }}
      >
        {!editing && (
          <Form.Item name="orgId" label={t('employment:zones.org')} rules={[requiredRule()]}>
            <OrgSelect roots={orgs.roots} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('employment:zones.name')}
          rules={plainTextRules({ max: 60, min: 2, required: true })}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('employment:zones.descriptionLabel')}
          rules={plainTextRules({ max: 1000, min: 0 })}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item
          name="provinces"
          label={t('employment:zones.provinces')}
          extra={t('employment:zones.provincesHelp')}
          rules={[requiredRule(), ...tagRules(10, 40)]}
        >
          <Select mode="tags" options={['贵州', '云南', '四川'].map((p) => ({ value: p, label: p }))} />
        </Form.Item>
      </FormPanel>
      <ZoneJobsDrawer zone={jobsOf} onClose={() => setJobsOf(null)} onChanged={() => zones.reload()} />
    </Flex>
  );
}

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  DatePicker,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgNode } from '../org/org-tree.ts';
import { useOrganisations } from '../org/use-org-data.ts';
import { FormPanel } from '../shared/form-panel.tsx';
import { plainTextRules, requiredRule } from '../shared/validators.ts';
import {
  type EmployerOption,
  type JobOption,
  liveApi,
  SEGMENT_KINDS,
  type SegmentKind,
  type SessionInput,
  type SessionView,
  type ZoneOption,
} from './livestream.api.ts';

interface SegmentValues {
  id?: string;
  kind: SegmentKind;
  title: string;
  employerId?: string | null;
  jobId?: string | null;
  plannedMinutes?: number | null;
}

interface FormValues {
  title: string;
  description?: string;
  orgIds: string[];
  schedule: [Dayjs, Dayjs];
  streamKind: 'none' | 'hls' | 'external';
  streamUrl?: string;
  replayUrl?: string;
  zoneId?: string | null;
  employerIds: string[];
  jobIds: string[];
  segments: SegmentValues[];
}

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

function toTree(nodes: readonly OrgNode[]): TreeOption[] {
  return nodes.map((n) => ({ value: n.org.id, title: n.org.name, children: toTree(n.children) }));
}

const urlRules = (t: (k: string) => string) => [
  { type: 'url' as const, message: t('livestream:form.urlInvalid') },
  { pattern: /^https?:\/\//, message: t('livestream:form.urlInvalid') },
];

/** Create or edit a session: organisers, schedule, rundown, stream, the job channel and its priority zone. */
export function SessionFormPanel(props: {
  open: boolean;
  session: SessionView | null;
  onClose: () => void;
  onSaved: (session: SessionView) => void;
}) {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  const [employers, setEmployers] = useState<EmployerOption[]>([]);
  const [jobs, setJobs] = useState<JobOption[]>([]);
  const [zones, setZones] = useState<ZoneOption[]>([]);
  const { session, open } = props;

  useEffect(() => {
    if (!open) {
      return;
    }
    liveApi
      .employers()
      .then(setEmployers)
      .catch(() => setEmployers([]));
    liveApi
      .zones()
      .then(setZones)
      .catch(() => setZones([]));
    const known = session ? liveApi.channel(session.id).then((c) => c.items) : Promise.resolve([]);
    Promise.all([known, liveApi.jobs({}).catch(() => [])])
      .then(([inSession, recent]) => {
        const byId = new Map<string, JobOption>();
        for (const j of [...inSession, ...recent]) {
          byId.set(j.id, {
            id: j.id,
            title: j.title,
            employerId: j.employerId,
            employerName: j.employerName,
            city: j.city,
          });
        }
        setJobs([...byId.values()]);
      })
      .catch(() => setJobs([]));
  }, [open, session]);

  const searchJobs = (q: string) => {
    if (q.trim().length < 1) {
      return;
    }
    liveApi
      .jobs({ q })
      .then((found) =>
        setJobs((prev) => {
          const byId = new Map(prev.map((j) => [j.id, j]));
          for (const j of found) {
            byId.set(j.id, j);
          }
          return [...byId.values()];
        }),
      )
      .catch(() => undefined);
  };

  // Organisers outside the caller's subtree (a partner province) still show by name.
  const orgTree = useMemo(() => {
    const tree = toTree(orgs.roots);
    for (const o of session?.organisers ?? []) {
      if (!orgs.byId.has(o.orgId)) {
        tree.push({ value: o.orgId, title: o.name, children: [] });
      }
    }
    return tree;
  }, [orgs.roots, orgs.byId, session]);

  const employerOptions = employers.map((e) => ({ value: e.id, label: e.name }));
  const jobOptions = jobs.map((j) => ({ value: j.id, label: `${j.title} · ${j.employerName}` }));

  const initialValues: Partial<FormValues> = session
    ? {
        title: session.title,
        description: session.description,
        orgIds: session.organisers.map((o) => o.orgId),
        schedule: [dayjs(session.scheduledStart), dayjs(session.scheduledEnd)],
        streamKind: session.stream?.kind ?? 'none',
        streamUrl: session.stream?.url ?? '',
        replayUrl: session.replayUrl ?? '',
        zoneId: session.zoneId,
        employerIds: session.employerIds,
        jobIds: [],
        segments: session.segments.map((s) => ({
          id: s.id,
          kind: s.kind,
          title: s.title,
          employerId: s.employerId,
          jobId: s.jobId,
          plannedMinutes: s.plannedMinutes,
        })),
      }
    : {
        orgIds: orgs.roots[0] ? [orgs.roots[0].org.id] : [],
        streamKind: 'none',
        employerIds: [],
        jobIds: [],
        segments: [
          { kind: 'factory-tour', title: t('livestream:segmentKind.factory-tour') },
          { kind: 'job-intro', title: t('livestream:segmentKind.job-intro') },
          { kind: 'policy', title: t('livestream:segmentKind.policy') },
          { kind: 'qa', title: t('livestream:segmentKind.qa') },
        ],
      };

  return (
    <FormPanel<FormValues>
      open={open}
      title={session ? t('livestream:form.editTitle') : t('livestream:form.createTitle')}
      onClose={props.onClose}
      width={720}
      initialValues={initialValues}
      onSubmit={async (values) => {
        const body: SessionInput = {
          title: values.title.trim(),
          description: (values.description ?? '').trim(),
          orgIds: values.orgIds,
          scheduledStart: values.schedule[0].toISOString(),
          scheduledEnd: values.schedule[1].toISOString(),
          stream:
            values.streamKind === 'none' || !values.streamUrl
              ? null
              : { kind: values.streamKind, url: values.streamUrl.trim() },
          replayUrl: values.replayUrl?.trim() ? values.replayUrl.trim() : null,
          zoneId: values.zoneId ?? null,
          employerIds: values.employerIds ?? [],
          jobIds: values.jobIds ?? [],
          segments: (values.segments ?? []).map((s) => ({
            ...(s.id ? { id: s.id } : {}),
            kind: s.kind,
            title: s.title.trim(),
            employerId: s.employerId ?? null,
            jobId: s.jobId ?? null,
            plannedMinutes: s.plannedMinutes ?? null,
          })),
        };
        if (session) {
          // The job channel is only replaced when the editor touched it.
          const { jobIds, ...rest } = body;
          props.onSaved(await liveApi.update(session.id, jobIds.length > 0 ? body : rest));
        } else {
          props.onSaved(await liveApi.create(body));
        }
      }}
    >
      <Form.Item
        name="title"
        label={t('livestream:form.title')}
        rules={plainTextRules({ max: 120, required: true })}
      >
        <Input placeholder={t('livestream:form.titlePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="orgIds"
        label={t('livestream:form.organisers')}
        rules={[requiredRule()]}
        extra={t('livestream:form.organisersHint')}
      >
        <TreeSelect
          multiple
          treeData={orgTree}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandedKeys={orgs.roots.map((r) => r.org.id)}
          placeholder={t('livestream:form.organisers')}
        />
      </Form.Item>
      <Form.Item name="schedule" label={t('livestream:form.schedule')} rules={[requiredRule()]}>
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('livestream:form.description')}
        rules={plainTextRules({ max: 2000 })}
      >
        <Input.TextArea rows={3} />
      </Form.Item>

      <Divider titlePlacement="start">{t('livestream:form.rundown')}</Divider>
      <Form.List name="segments">
        {(fields, { add, remove, move }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Card key={field.key} size="small" styles={{ body: { paddingBottom: 0 } }}>
                <Flex gap={8} align="start" wrap>
                  <Typography.Text strong style={{ lineHeight: '32px', width: 24 }}>
                    {index + 1}
                  </Typography.Text>
                  <Form.Item name={[field.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} rules={[requiredRule()]} style={{ width: 130 }}>
                    <Select
                      aria-label={t('livestream:form.segmentKind')}
                      options={SEGMENT_KINDS.map((k) => ({
                        value: k,
                        label: t(`livestream:segmentKind.${k}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'title']}
                    rules={plainTextRules({ max: 80, required: true })}
                    style={{ flex: 1, minWidth: 200 }}
                  >
                    <Input
                      aria-label={t('livestream:form.segmentTitle')}
                      placeholder={t('livestream:form.segmentTitle')}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'plannedMinutes']} style={{ width: 110 }}>
                    <InputNumber
                      min={1}
                      max={600}
                      aria-label={t('livestream:form.minutes')}
                      placeholder={t('livestream:form.minutes')}
                    />
                  </Form.Item>
                  <Button
                    aria-label={t('livestream:form.moveUp')}
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                  >
                    ↑
                  </Button>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('livestream:form.removeSegment')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
                <Flex gap={8} style={{ paddingLeft: 32 }} wrap>
                  <Form.Item name={[field.name, 'employerId']} style={{ flex: 1, minWidth: 200 }}>
                    <Select
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      aria-label={t('livestream:form.segmentEmployer')}
                      placeholder={t('livestream:form.segmentEmployer')}
                      options={employerOptions}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'jobId']} style={{ flex: 1, minWidth: 200 }}>
                    <Select
                      allowClear
                      showSearch={{ optionFilterProp: 'label', onSearch: searchJobs }}
                      aria-label={t('livestream:form.segmentJob')}
                      placeholder={t('livestream:form.segmentJob')}
                      options={jobOptions}
                    />
                  </Form.Item>
                </Flex>
              </Card>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ kind: 'job-intro', title: '' })}
            >
              {t('livestream:form.addSegment')}
            </Button>
          </Flex>
        )}
      </Form.List>

      <Divider titlePlacement="start">{t('livestream:form.streamSection')}</Divider>
      <Flex gap={12} wrap>
        <Form.Item name="streamKind" label={t('livestream:form.streamKind')} style={{ width: 180 }}>
          <Select
            options={(['none', 'hls', 'external'] as const).map((k) => ({
              value: k,
              label: t(`livestream:streamKind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['streamKind']}>
          {({ getFieldValue }) =>
            getFieldValue('streamKind') !== 'none' && (
              <Form.Item
                name="streamUrl"
                label={t('livestream:form.streamUrl')}
                rules={[requiredRule(), ...urlRules(t)]}
                style={{ flex: 1, minWidth: 260 }}
              >
                <Input placeholder="https://…/index.m3u8" />
              </Form.Item>
            )
          }
        </Form.Item>
      </Flex>
      <Form.Item name="replayUrl" label={t('livestream:form.replayUrl')} rules={urlRules(t)}>
        <Input placeholder="https://" />
      </Form.Item>

      <Divider titlePlacement="start">{t('livestream:form.channelSection')}</Divider>
      <Form.Item name="zoneId" label={t('livestream:form.zone')} extra={t('livestream:form.zoneHint')}>
        <Select
          allowClear
          options={zones.map((z) => ({ value: z.id, label: `${z.name}（${z.provinces.join('、')}）` }))}
        />
      </Form.Item>
      <Form.Item name="employerIds" label={t('livestream:form.employers')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={employerOptions}
          maxTagCount={8}
        />
      </Form.Item>
      <Form.Item
        name="jobIds"
        label={t('livestream:form.jobs')}
        extra={
          session ? t('livestream:form.jobsKeep', { count: session.jobCount }) : t('livestream:form.jobsHint')
        }
      >
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label', onSearch: searchJobs }}
          options={jobOptions}
          maxTagCount={8}
        />
      </Form.Item>
    </FormPanel>
  );
}

import {
  CheckCircleOutlined,
  DownloadOutlined,
  EditOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  PlusOutlined,
  ProjectOutlined,
  StopOutlined,
  UploadOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import {
  App,
  Badge,
  Button,
  Card,
  Dropdown,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../shared/api-client.ts';
import { ListPage } from '../shared/list-page.tsx';
import {
  type Employer,
  employmentApi,
  JOB_STATUSES,
  type Job,
  type JobFilters,
  type JobStatus,
  REVIEW_STATUSES,
  type ReviewStatus,
  type Zone,
} from './employment.api.ts';
import { salaryText } from './employment-format.ts';
import { JobFormPanel } from './job-form.panel.tsx';
import { type Tone, ToneTag } from './tone-tag.tsx';
import { TransferImportModal } from './transfer-import.modal.tsx';
import { useCan, useHrEmployerIds } from './use-employment.ts';

export const JOB_STATUS_BADGE: Record<JobStatus, 'default' | 'processing' | 'warning' | 'success' | 'error'> =
  {
    draft: 'default',
    open: 'success',
    paused: 'warning',
    closed: 'default',
  };

export const REVIEW_TONE: Record<ReviewStatus, Tone> = {
  clear: 'success',
  pending: 'warning',
  approved: 'info',
  rejected: 'danger',
};

/** What a status action may be applied to (the server refuses the rest with a reason). */
const NEXT: Record<JobStatus, JobStatus[]> = {
  draft: ['open', 'closed'],
  open: ['paused', 'closed'],
  paused: ['open', 'closed'],
  closed: [],
};

type JobListFilters = Omit<JobFilters, 'salaryMin' | 'tags'> & { salaryMin?: number; tags?: string[] };

/** Postings the caller manages: union staff see their subtree's, HR their employer's. */
export function JobManagePage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const can = useCan();
  const [employers, setEmployers] = useState<Employer[]>([]);
  const [zones, setZones] = useState<Zone[]>([]);
  const [editing, setEditing] = useState<Job | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [importing, setImporting] = useState(false);
  const [reloadSignal, setReloadSignal] = useState(0);
  const isStaff = can('employer:read');
  // HR see their own employer's postings only (the search also returns every public posting).
  const hrEmployerIds = useHrEmployerIds(!isStaff);
  const hrEmployerId = hrEmployerIds?.[0];

  useEffect(() => {
    if (isStaff) {
      employmentApi
        .employers({}, { limit: 200 })
        .then((p) => setEmployers(p.items))
        .catch(() => setEmployers([]));
    }
    employmentApi
      .zones()
      .then(setZones)
      .catch(() => setZones([]));
  }, [isStaff]);

  const statusLabel = (s: JobStatus) => t(`employment:jobStatus.${s}`);

  const runBulk = async (rows: Job[], status: JobStatus, clear: () => void) => {
    try {
      const { results } = await employmentApi.bulkJobStatus(
        rows.map((r) => r.id),
        status,
      );
      const failed = results.filter((r) => !r.ok);
      if (failed.length === 0) {
        void message.success(t('employment:manage.bulkDone', { count: results.length }));
      } else {
        const titles = new Map(rows.map((r) => [r.id, r.title]));
        modal.warning({
          title: t('employment:manage.bulkPartial', {
            done: results.length - failed.length,
            failed: failed.length,
          }),
          content: (
            <ul style={{ paddingLeft: 18, margin: 0 }}>
              {failed.slice(0, 10).map((f) => (
                <li key={f.id}>
                  {titles.get(f.id)}：{f.message}
                </li>
              ))}
            </ul>
          ),
        });
      }
      clear();
      setReloadSignal((n) => n + 1);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : t('shared:error.unknown'));
    }
  };

  const changeStatus = async (job: Job, status: JobStatus, update: (row: Job) => void) => {
    try {
      update(await employmentApi.setJobStatus(job.id, status));
      void message.success(t('employment:manage.statusChanged', { status: statusLabel(status) }));
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : t('shared:error.unknown'));
    }
  };

  const columns: TableColumnsType<Job> = [
    {
      title: t('employment:job.title'),
      dataIndex: 'title',
      render: (_v, job) => (
        <Flex vertical gap={2} style={{ minWidth: 160 }}>
          <Typography.Text strong>
            {job.title}
            {job.featured && (
              <Tag color="red" style={{ marginInlineStart: 6 }}>
                {t('employment:job.featured')}
              </Tag>
            )}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[job.trade, job.shift].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('employment:job.employer'),
      dataIndex: 'employerName',
      render: (name: string, job) => (
        <div style={{ minWidth: 140, maxWidth: 220 }}>
          {name}
          {!job.employerVerified && (
            <>
              {' '}
              <ToneTag tone="warning">{t('employment:verification.pending')}</ToneTag>
            </>
          )}
        </div>
      ),
    },
    {
      title: t('employment:job.place'),
      dataIndex: 'city',
      render: (_v, job) => (
        <span style={{ whiteSpace: 'nowrap' }}>{[job.city, job.district].filter(Boolean).join(' · ')}</span>
      ),
    },
    {
      title: t('employment:job.salary'),
      key: 'salary',
      render: (_v, job) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {salaryText(job.salaryMin, job.salaryMax, t, i18n.language)}
        </span>
      ),
    },
    {
      title: t('employment:job.places'),
      key: 'places',
      onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (_v, job) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {job.placesLeft} / {job.headcount}
        </span>
      ),
    },
    {
      title: t('employment:job.status'),
      dataIndex: 'status',
      render: (s: JobStatus, job) => (
        <Flex vertical gap={4} style={{ whiteSpace: 'nowrap' }}>
          <Badge status={JOB_STATUS_BADGE[s]} text={statusLabel(s)} />
          {job.reviewStatus !== 'clear' && (
            <Tooltip
              title={
                job.reviewReasons.length > 0 ? (
                  <ul style={{ margin: 0, paddingLeft: 16 }}>
                    {job.reviewReasons.map((r) => (
                      <li key={r.rule}>{r.message}</li>
                    ))}
                  </ul>
                ) : undefined
              }
            >
              <ToneTag
                tone={REVIEW_TONE[job.reviewStatus]}
                icon={job.reviewStatus === 'pending' ? <WarningOutlined /> : undefined}
              >
                {t(`employment:reviewStatus.${job.reviewStatus}`)}
                {job.reviewReasons.length > 0 && ` · ${job.reviewReasons.length}`}
              </ToneTag>
            </Tooltip>
          )}
          {job.openReports > 0 && (
            <ToneTag tone="danger">{t('employment:manage.reports', { count: job.openReports })}</ToneTag>
          )}
        </Flex>
      ),
    },
    {
      title: t('employment:job.zones'),
      dataIndex: 'zones',
      render: (zs: Job['zones'], job) =>
        zs.length === 0 && job.priorityOrigins.length === 0 ? (
          '—'
        ) : (
          <Space size={[0, 4]} wrap style={{ maxWidth: 160 }}>
            {job.priorityOrigins.map((p) => (
              <Tag key={p} color="magenta">
                {t('employment:board.priorityOrigin', { origin: p })}
              </Tag>
            ))}
            {zs.length > 0 && <Tag>{t('employment:manage.inZones', { count: zs.length })}</Tag>}
          </Space>
        ),
    },
  ];

  const search = [
    <Form.Item key="q" name="q" label={t('employment:manage.keyword')} style={{ width: '100%' }}>
      <Input allowClear placeholder={t('employment:manage.keywordPlaceholder')} />
    </Form.Item>,
    <Form.Item key="status" name="status" label={t('employment:job.status')} style={{ width: '100%' }}>
      <Select
        allowClear
        placeholder={t('employment:manage.any')}
        options={JOB_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
      />
    </Form.Item>,
    <Form.Item
      key="reviewStatus"
      name="reviewStatus"
      label={t('employment:manage.review')}
      style={{ width: '100%' }}
    >
      <Select
        allowClear
        placeholder={t('employment:manage.any')}
        options={REVIEW_STATUSES.map((s) => ({ value: s, label: t(`employment:reviewStatus.${s}`) }))}
      />
    </Form.Item>,
    ...(isStaff
      ? [
          <Form.Item
            key="employerId"
            name="employerId"
            label={t('employment:job.employer')}
            style={{ width: '100%' }}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('employment:manage.any')}
              options={employers.map((e) => ({ value: e.id, label: e.name }))}
            />
          </Form.Item>,
        ]
      : []),
    <Form.Item key="city" name="city" label={t('employment:job.city')} style={{ width: '100%' }}>
      <Input allowClear />
    </Form.Item>,
    <Form.Item key="zoneId" name="zoneId" label={t('employment:job.zones')} style={{ width: '100%' }}>
      <Select
        allowClear
        placeholder={t('employment:manage.any')}
        options={zones.map((z) => ({ value: z.id, label: z.name }))}
      />
    </Form.Item>,
    <Form.Item
      key="salaryMin"
      name="salaryMin"
      label={t('employment:manage.salaryAtLeast')}
      style={{ width: '100%' }}
    >
      <InputNumber min={0} step={1000} style={{ width: '100%' }} />
    </Form.Item>,
    <Form.Item key="tags" name="tags" label={t('employment:job.tags')} style={{ width: '100%' }}>
      <Select
        mode="tags"
        allowClear
        options={['包吃住', '五险一金', '班车', '夜班补贴'].map((v) => ({ value: v, label: v }))}
      />
    </Form.Item>,
  ];

  if (hrEmployerIds === null) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }

  return (
    <>
      <ListPage<Job, JobListFilters>
        title={t('employment:manage.title')}
        description={isStaff ? t('employment:manage.descriptionStaff') : t('employment:manage.descriptionHr')}
        rowKey={(j) => j.id}
        columns={columns}
        search={search}
        reloadSignal={reloadSignal}
        rowActionsWidth={230}
        fetchPage={({ filters, cursor, limit }) => {
          const { tags, ...rest } = filters;
          return employmentApi.searchJobs(
            {
              ...rest,
              ...(tags && tags.length > 0 ? { tags: tags.join(',') } : {}),
              ...(hrEmployerId ? { employerId: hrEmployerId } : {}),
              sort: 'newest',
            },
            { cursor, limit },
          );
        }}
        toolbar={() => (
          <>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setEditing(null);
                setFormOpen(true);
              }}
            >
              {t('employment:manage.create')}
            </Button>
            {can('employment:import') && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('employment:transfer.importJobs')}
              </Button>
            )}
            {can('employment:export') && (
              <Button
                icon={<DownloadOutlined />}
                onClick={() =>
                  void employmentApi
                    .exportJobs()
                    .catch((e: unknown) => message.error(e instanceof Error ? e.message : String(e)))
                }
              >
                {t('employment:manage.export')}
              </Button>
            )}
          </>
        )}
        bulkActions={(ctx) => (
          <>
            <Button
              icon={<PlayCircleOutlined />}
              onClick={() => void runBulk(ctx.selectedRows, 'open', ctx.clearSelection)}
            >
              {t('employment:manage.bulkOpen')}
            </Button>
            <Button
              icon={<PauseCircleOutlined />}
              onClick={() => void runBulk(ctx.selectedRows, 'paused', ctx.clearSelection)}
            >
              {t('employment:manage.bulkPause')}
            </Button>
            <Popconfirm
              title={t('employment:manage.bulkCloseConfirm', { count: ctx.selectedRows.length })}
              okText={t('shared:action.confirm')}
              cancelText={t('shared:action.cancel')}
              onConfirm={() => runBulk(ctx.selectedRows, 'closed', ctx.clearSelection)}
            >
              <Button danger icon={<StopOutlined />}>
                {t('employment:manage.bulkClose')}
              </Button>
            </Popconfirm>
          </>
        )}
        rowActions={(job, ctx) => (
          <Space size={0} wrap={false}>
            <Link to={`/jobs/${job.id}/board`}>
              <Button type="link" size="small" icon={<ProjectOutlined />}>
                {t('employment:manage.board')}
              </Button>
            </Link>
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => {
                setEditing(job);
                setFormOpen(true);
              }}
            >
              {t('shared:action.edit')}
            </Button>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  ...NEXT[job.status].map((s) => ({
                    key: s,
                    icon:
                      s === 'open' ? (
                        <PlayCircleOutlined />
                      ) : s === 'paused' ? (
                        <PauseCircleOutlined />
                      ) : (
                        <StopOutlined />
                      ),
                    label: t('employment:manage.setStatus', { status: statusLabel(s) }),
                    danger: s === 'closed',
                  })),
                  ...(can('job:review')
                    ? [
                        {
                          key: 'feature',
                          icon: <CheckCircleOutlined />,
                          label: job.featured
                            ? t('employment:manage.unfeature')
                            : t('employment:manage.feature'),
                        },
                      ]
                    : []),
                ],
                onClick: ({ key }) => {
                  if (key === 'feature') {
                    void employmentApi
                      .feature(job.id, !job.featured)
                      .then(ctx.updateRow)
                      .catch((e: unknown) => message.error(e instanceof Error ? e.message : String(e)));
                  } else {
                    void changeStatus(job, key as JobStatus, ctx.updateRow);
                  }
                },
              }}
            >
              <Button type="link" size="small">
                {t('shared:action.more')}
              </Button>
            </Dropdown>
          </Space>
        )}
      />
      <JobFormPanel
        open={formOpen}
        job={editing}
        employers={employers}
        onClose={() => setFormOpen(false)}
        onSaved={(job) => {
          if (job.reviewStatus === 'pending') {
            modal.warning({
              title: t('employment:manage.flaggedTitle'),
              content: (
                <ul style={{ paddingLeft: 18, margin: 0 }}>
                  {job.reviewReasons.map((r) => (
                    <li key={r.rule}>{r.message}</li>
                  ))}
                </ul>
              ),
            });
          } else {
            void message.success(t('shared:feedback.saved'));
          }
          setReloadSignal((n) => n + 1);
        }}
      />
      <TransferImportModal
        kind="jobs"
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => setReloadSignal((n) => n + 1)}
      />
    </>
  );
}

import { BarChartOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Flex, Result, Space, Spin, type TableColumnsType, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../shared/api-client.ts';
import { formatNumber } from '../shared/format.ts';
import { ListPage } from '../shared/list-page.tsx';
import { BackLink } from './back-link.tsx';
import { formatShort } from './live-format.ts';
import { type Survey, type SurveyResults, type SurveyStatus, surveyApi } from './livestream.api.ts';
import { SurveyBuilderPanel } from './survey-builder.panel.tsx';
import { SurveyResultsView } from './survey-results.view.tsx';

const SURVEY_BADGE: Record<SurveyStatus, 'default' | 'processing' | 'success'> = {
  draft: 'default',
  open: 'processing',
  closed: 'success',
};

/** Questionnaires of the caller's unions, with the builder. */
export function SurveyListPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [editing, setEditing] = useState<Survey | null>(null);
  const [open, setOpen] = useState(false);
  const [reloadSignal, setReloadSignal] = useState(0);

  const columns: TableColumnsType<Survey> = [
    {
      title: t('livestream:builder.title'),
      dataIndex: 'title',
      render: (title: string, row) => (
        <Flex vertical gap={2}>
          <Typography.Link onClick={() => void navigate(`/surveys/${row.id}`)}>{title}</Typography.Link>
          {row.description && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.description}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('livestream:builder.status'),
      dataIndex: 'status',
      render: (s: SurveyStatus) => (
        <Badge status={SURVEY_BADGE[s]} text={t(`livestream:surveyStatus.${s}`)} />
      ),
    },
    {
      title: t('livestream:builder.questions'),
      key: 'questions',
      align: 'right',
      render: (_: unknown, row) => row.questions.length,
    },
    {
      title: t('livestream:results.responses'),
      dataIndex: 'responses',
      align: 'right',
      render: (n: number) => formatNumber(n, i18n.language),
    },
    {
      title: t('livestream:builder.created'),
      dataIndex: 'createdAt',
      render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatShort(d, i18n.language)}</span>,
    },
  ];

  return (
    <>
      <ListPage<Survey, Record<string, never>>
        title={t('livestream:builder.listTitle')}
        description={t('livestream:builder.listDescription')}
        rowKey={(s) => s.id}
        columns={columns}
        reloadSignal={reloadSignal}
        fetchPage={async () => ({ items: await surveyApi.list(), nextCursor: null })}
        toolbar={() => (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
          >
            {t('livestream:builder.create')}
          </Button>
        )}
        rowActionsWidth={200}
        rowActions={(row) => (
          <Space size={4}>
            <Button
              size="small"
              icon={<BarChartOutlined />}
              onClick={() => void navigate(`/surveys/${row.id}`)}
            >
              {t('livestream:builder.results')}
            </Button>
            <Button
              size="small"
              icon={<EditOutlined />}
              aria-label={t('livestream:builder.editNamed', { title: row.title })}
              onClick={() => {
                setEditing(row);
                setOpen(true);
              }}
            >
              {t('shared:action.edit')}
            </Button>
          </Space>
        )}
      />
      <SurveyBuilderPanel
        open={open}
        survey={editing}
        onClose={() => setOpen(false)}
        onSaved={(s) => {
          void message.success(t('livestream:builder.saved', { title: s.title }));
          setReloadSignal((n) => n + 1);
        }}
      />
    </>
  );
}

/** One questionnaire's results: charts per question, a cross-tab by a single-choice question, export. */
export function SurveyResultsPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [survey, setSurvey] = useState<Survey | null>(null);
  const [results, setResults] = useState<SurveyResults | null>(null);
  const [by, setBy] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    surveyApi
      .get(id)
      .then((s) => {
        setSurvey(s);
        setBy((prev) => prev ?? s.questions.find((q) => q.kind === 'single')?.id);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : t('shared:error.loadFailed')));
  }, [id, t]);

  useEffect(() => {
    if (!survey) {
      return;
    }
    surveyApi
      .results(id, by)
      .then(setResults)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : t('shared:error.loadFailed')));
  }, [id, by, survey, t]);

  const byOptions = useMemo(
    () =>
      (survey?.questions ?? [])
        .filter((q) => q.kind === 'single')
        .map((q) => ({ value: q.id, label: q.title })),
    [survey],
  );

  if (error) {
    return <Result status="warning" title={t('shared:error.loadFailed')} subTitle={error} />;
  }
  if (!survey || !results) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin size="large" />
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="start" wrap gap={12}>
          <Flex vertical gap={4}>
            <BackLink to="/surveys" label={t('livestream:builder.back')} />
            <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
              {survey.title}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('livestream:results.summary', {
                n: formatNumber(results.responses, i18n.language),
                status: t(`livestream:surveyStatus.${survey.status}`),
              })}
            </Typography.Text>
          </Flex>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => {
              setExporting(true);
              surveyApi
                .exportResults(id)
                .catch(
                  (e: unknown) =>
                    void message.error(e instanceof ApiError ? e.message : t('shared:error.unknown')),
                )
                .finally(() => setExporting(false));
            }}
          >
            {t('livestream:results.export')}
          </Button>
        </Flex>
      </Card>
      <SurveyResultsView results={results} byOptions={byOptions} by={by} onBy={setBy} />
    </Flex>
  );
}

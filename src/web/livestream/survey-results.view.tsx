import { Card, Col, Empty, Flex, List, Row, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LiveChart, PALETTE } from './live-charts.tsx';
import type { QuestionResult, SurveyResults } from './livestream.api.ts';

/** The latest short answers, each distinct answer once with how often it came. */
function groupTexts(texts: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

function QuestionChart({ q }: { q: QuestionResult }) {
  const { t } = useTranslation();
  const label = t('livestream:results.chartLabel', {
    title: q.title,
    values: q.counts.map((c) => `${c.option} ${c.count}`).join('，'),
  });
  if (q.kind === 'single' && q.counts.length <= 8) {
    return (
      <LiveChart
        height={240}
        label={label}
        option={{
          color: PALETTE,
          tooltip: {
            trigger: 'item',
            formatter: (p: { name: string; value: number; percent?: number }) =>
              `${p.name}: ${p.value}（${(p.percent ?? 0).toFixed(1)}%）`,
          },
          legend: { type: 'scroll', bottom: 0 },
          series: [
            {
              type: 'pie',
              radius: ['38%', '66%'],
              center: ['50%', '44%'],
              label: { formatter: (p: { percent?: number }) => `${(p.percent ?? 0).toFixed(1)}%` },
              data: q.counts.map((c) => ({ name: c.option, value: c.count })),
            },
          ],
        }}
      />
    );
  }
  return (
    <LiveChart
      height={Math.max(180, q.counts.length * 30 + 40)}
      label={label}
      option={{
        color: [q.kind === 'rating' ? '#e8590c' : '#1d5bd8'],
        grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: q.counts.map((c) => c.option) },
        series: [
          {
            type: 'bar',
            barMaxWidth: 18,
            label: {
              show: true,
              position: 'right',
              formatter: (p: { dataIndex: number }) => `${q.counts[p.dataIndex]?.share ?? 0}%`,
            },
            data: q.counts.map((c) => c.count),
          },
        ],
      }}
    />
  );
}

/** Results per question (pies for single choice, bars otherwise) and the cross-tab by one question. */
export function SurveyResultsView({
  results,
  byOptions,
  by,
  onBy,
}: {
  results: SurveyResults;
  byOptions?: { value: string; label: string }[];
  by?: string | undefined;
  onBy?: (by: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const cross = results.crossTab;
  const crossQuestions = cross ? results.questions.filter((q) => q.id !== cross.by && q.kind !== 'text') : [];

  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        {results.questions.map((q, i) => (
          <Col key={q.id} xs={24} lg={12}>
            <Card
              size="small"
              title={`${i + 1}. ${q.title}`}
              extra={
                <Typography.Text type="secondary">
                  {q.average !== null
                    ? t('livestream:results.average', { avg: q.average.toFixed(2), n: q.answered })
                    : t('livestream:results.answered', { n: q.answered })}
                </Typography.Text>
              }
            >
              {q.kind === 'text' ? (
                q.texts.length === 0 ? (
                  <Empty description={t('livestream:results.noTexts')} />
                ) : (
                  <List
                    size="small"
                    dataSource={groupTexts(q.texts).slice(0, 8)}
                    renderItem={([text, count]) => (
                      <List.Item extra={count > 1 ? `×${count}` : undefined}>{text}</List.Item>
                    )}
                  />
                )
              ) : (
                <QuestionChart q={q} />
              )}
            </Card>
          </Col>
        ))}
      </Row>
      {((onBy && byOptions) || cross) && (
        <Card
          size="small"
          title={
            cross
              ? t('livestream:results.crossTabBy', { by: cross.byTitle })
              : t('livestream:results.crossTab')
          }
          extra={
            onBy &&
            byOptions && (
              <Select
                aria-label={t('livestream:results.crossBy')}
                placeholder={t('livestream:results.crossBy')}
                allowClear
                style={{ width: 240 }}
                value={by}
                options={byOptions}
                onChange={(v?: string) => onBy(v)}
              />
            )
          }
        >
          {!cross ? (
            <Typography.Text type="secondary">{t('livestream:results.crossHint')}</Typography.Text>
          ) : (
            <Flex vertical gap={16}>
              {crossQuestions.map((q) => {
                const options = q.counts.map((c) => c.option);
                const dataSource = cross.groups.map((g) => {
                  const counts = g.questions.find((x) => x.id === q.id)?.counts ?? [];
                  const row: Record<string, string | number> = {
                    key: g.value,
                    group: g.value,
                    responses: g.responses,
                  };
                  for (const c of counts) {
                    row[c.option] = `${c.count}（${c.share}%）`;
                  }
                  return row;
                });
                return (
                  <div key={q.id}>
                    <Typography.Title level={3} style={{ fontSize: 14, marginTop: 0 }}>
                      {q.title}
                    </Typography.Title>
                    <div style={{ overflowX: 'auto' }}>
                      <Table
                        size="small"
                        pagination={false}
                        dataSource={dataSource}
                        columns={[
                          { title: cross.byTitle, dataIndex: 'group' },
                          {
                            title: t('livestream:results.responses'),
                            dataIndex: 'responses',
                            align: 'right' as const,
                          },
                          ...options.map((o) => ({ title: o, dataIndex: o, align: 'right' as const })),
                        ]}
                      />
                    </div>
                  </div>
                );
              })}
            </Flex>
          )}
        </Card>
      )}
    </Flex>
  );
}

import { CheckOutlined, CloseOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormPanel } from '../shared/form-panel.tsx';
import { plainTextRules } from '../shared/validators.ts';
import { employmentApi, type ReviewItem } from './employment.api.ts';
import { salaryText } from './employment-format.ts';
import { useLoad } from './use-employment.ts';

/** Postings the trust check flagged or workers reported: the reasons, then approve or reject. */
export function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queue = useLoad(() => employmentApi.reviewQueue(), [i18n.language]);
  const [deciding, setDeciding] = useState<{ item: ReviewItem; decision: 'approve' | 'reject' } | null>(null);

  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 18 }}>
          {t('employment:review.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('employment:review.description')}</Typography.Text>
      </Card>
      {queue.error && <Alert type="error" showIcon title={queue.error} />}
      {!queue.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : queue.data.length === 0 ? (
        <Card>
          <Empty description={t('employment:review.empty')} />
        </Card>
      ) : (
        <List
          dataSource={queue.data}
          pagination={
            queue.data.length > 10 ? { pageSize: 10, showSizeChanger: false, align: 'center' } : false
          }
          renderItem={(item) => {
            const j = item.job;
            return (
              <List.Item style={{ display: 'block', padding: 0, border: 0 }}>
                <Card
                  style={{ marginBottom: 12, width: '100%' }}
                  title={
                    <Space wrap>
                      <span>{j.title}</span>
                      <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                        {j.employerName}
                      </Typography.Text>
                    </Space>
                  }
                  extra={
                    <Space>
                      <Button
                        type="primary"
                        icon={<CheckOutlined />}
                        onClick={() => setDeciding({ item, decision: 'approve' })}
                      >
                        {t('employment:review.approve')}
                      </Button>
                      <Button
                        danger
                        icon={<CloseOutlined />}
                        onClick={() => setDeciding({ item, decision: 'reject' })}
                      >
                        {t('employment:review.reject')}
                      </Button>
                    </Space>
                  }
                >
                  <Flex vertical gap={8}>
                    <Typography.Text>
                      {[j.trade, j.city, salaryText(j.salaryMin, j.salaryMax, t, i18n.language)].join(' · ')}
                    </Typography.Text>
                    {j.reviewReasons.length > 0 && (
                      <div>
                        <Typography.Text strong>{t('employment:review.flags')}</Typography.Text>
                        <ul className="gy-review-reasons">
                          {j.reviewReasons.map((r) => (
                            <li key={r.rule}>
                              <WarningOutlined style={{ color: '#d46b08' }} /> {r.message}
                            </li>
                          ))}
                        </ul>
                      </div>
                    )}
                    {item.reports.length > 0 && (
                      <div>
                        <Typography.Text strong>
                          {t('employment:review.reports', { count: item.reports.length })}
                        </Typography.Text>
                        <ul className="gy-review-reasons">
                          {item.reports.map((r) => (
                            <li key={`${r.reason}-${r.at}`}>
                              <Tag>
                                {t(`employment:reportReason.${r.reason}`, { defaultValue: r.reason })}
                              </Tag>
                              {r.detail}{' '}
                              <Typography.Text type="secondary">
                                {dayjs(r.at).format('YYYY-MM-DD HH:mm')}
                              </Typography.Text>
                            </li>
                          ))}
                        </ul>
                      </div>
                    )}
                    {j.description && (
                      <Typography.Paragraph
                        type="secondary"
                        ellipsis={{ rows: 3, expandable: true }}
                        style={{ marginBottom: 0 }}
                      >
                        {j.description}
                      </Typography.Paragraph>
                    )}
                  </Flex>
                </Card>
              </List.Item>
            );
          }}
        />
      )}
      <FormPanel<{ note?: string }>
        open={deciding !== null}
        variant="modal"
        danger={deciding?.decision === 'reject'}
        title={
          deciding?.decision === 'reject'
            ? t('employment:review.rejectTitle', { title: deciding.item.job.title })
            : t('employment:review.approveTitle', { title: deciding?.item.job.title ?? '' })
        }
        submitText={
          deciding?.decision === 'reject' ? t('employment:review.reject') : t('employment:review.approve')
        }
        onClose={() => setDeciding(null)}
        onSubmit={async (v) => {
          if (!deciding) {
            return;
          }
          await employmentApi.review(deciding.item.job.id, deciding.decision, v.note?.trim());
          void message.success(t('shared:feedback.done'));
          queue.reload();
        }}
      >
        <Form.Item name="note" label={t('employment:review.note')} rules={plainTextRules({ max: 200 })}>
          <Input.TextArea rows={3} maxLength={200} />
        </Form.Item>
      </FormPanel>
    </Flex>
  );
}

import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../shared/list-page.tsx';
import { employmentApi, type Profile } from './employment.api.ts';
import { ToneTag } from './tone-tag.tsx';
import { TransferImportModal } from './transfer-import.modal.tsx';
import { useCan } from './use-employment.ts';

/** Job-seeker profiles kept in the caller's subtree (phones masked), with import and .xlsx export. */
export function ProfileListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [importing, setImporting] = useState(false);
  const [reloadSignal, setReloadSignal] = useState(0);

  const columns: TableColumnsType<Profile> = [
    {
      title: t('employment:profiles.name'),
      dataIndex: 'name',
      render: (name: string, p) => (
        <Flex vertical gap={2} style={{ minWidth: 120 }}>
          <Typography.Text strong>{name}</Typography.Text>
          {p.phone && (
            <Typography.Text type="secondary" className="gy-mono" style={{ fontSize: 12 }}>
              {p.phone}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('employment:profiles.trades'),
      key: 'trades',
      render: (_v, p) => (
        <Flex wrap gap={4} style={{ maxWidth: 220 }}>
          {p.desiredTrades.map((trade) => (
            <Tag key={trade}>{trade}</Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('employment:profiles.school'), dataIndex: 'school', render: (v: string | null) => v ?? '—' },
    {
      title: t('employment:profiles.education'),
      dataIndex: 'education',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('employment:profiles.hometown'),
      dataIndex: 'hometownProvince',
      render: (v: string | null) => v ?? '—',
    },
    { title: t('employment:profiles.city'), dataIndex: 'city', render: (v: string | null) => v ?? '—' },
    {
      title: t('employment:profiles.visibility'),
      dataIndex: 'visible',
      render: (v: boolean) => (
        <ToneTag tone={v ? 'success' : 'neutral'}>
          {v ? t('employment:profiles.visible') : t('employment:profiles.hidden')}
        </ToneTag>
      ),
    },
    {
      title: t('employment:profiles.updated'),
      dataIndex: 'updatedAt',
      render: (v: string) => dayjs(v).format('YYYY-MM-DD'),
    },
  ];

  return (
    <>
      <ListPage<Profile, { q?: string }>
        title={t('employment:profiles.title')}
        description={t('employment:profiles.description')}
        rowKey={(p) => p.id}
        columns={columns}
        reloadSignal={reloadSignal}
        search={[
          <Form.Item key="q" name="q" label={t('employment:manage.keyword')} style={{ width: '100%' }}>
            <Input allowClear placeholder={t('employment:profiles.keyword')} />
          </Form.Item>,
        ]}
        fetchPage={({ filters, cursor, limit }) => employmentApi.profiles(filters, { cursor, limit })}
        toolbar={() => (
          <>
            {can('employment:import') && (
              <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('employment:transfer.importProfiles')}
              </Button>
            )}
            {can('employment:export') && (
              <Button
                icon={<DownloadOutlined />}
                onClick={() =>
                  void employmentApi
                    .exportProfiles()
                    .catch((e: unknown) => message.error(e instanceof Error ? e.message : String(e)))
                }
              >
                {t('employment:transfer.export')}
              </Button>
            )}
          </>
        )}
      />
      <TransferImportModal
        kind="profiles"
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => setReloadSignal((n) => n + 1)}
      />
    </>
  );
}

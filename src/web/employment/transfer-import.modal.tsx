import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Form, Modal, Result, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../org/org-select.tsx';
import { useOrganisations } from '../org/use-org-data.ts';
import { saveBlob } from '../shared/api-client.ts';
import { employmentApi, type ImportReport } from './employment.api.ts';

export type TransferKind = 'jobs' | 'profiles';

// The server reads these Chinese headers whatever the UI language (or the dataset's field names).
const TEMPLATE_HEADERS: Record<TransferKind, readonly string[]> = {
  jobs: [
    '编号',
    '职位名称',
    '工种',
    '用人单位',
    '岗位描述',
    '技能',
    '证书',
    '学历',
    '最低年限',
    '城市',
    '区县',
    '纬度',
    '经度',
    '最低月薪',
    '最高月薪',
    '招聘人数',
    '福利标签',
    '优先籍贯',
    '语言',
    '班制',
  ],
  profiles: [
    '编号',
    '姓名',
    '手机号',
    '意向工种',
    '自我介绍',
    '技能',
    '证书',
    '学历',
    '学校',
    '工作年限',
    '籍贯省份',
    '所在城市',
    '纬度',
    '经度',
    '通勤上限公里',
    '愿意异地',
    '期望月薪',
    '语言',
  ],
};

export interface TransferImportModalProps {
  kind: TransferKind;
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}

/**
 * Import postings or job-seeker profiles from .xlsx / .csv / .jsonl: every rejected row is listed
 * with its row and field, nothing is imported from a file with errors unless the person chooses
 * to import only the valid rows (the members import's pattern).
 */
export function TransferImportModal({ kind, open, onClose, onImported }: TransferImportModalProps) {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const [file, setFile] = useState<File | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [visible, setVisible] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const firstRoot = orgs.roots[0]?.org.id;
  useEffect(() => {
    if (orgId === undefined && firstRoot) {
      setOrgId(firstRoot);
    }
  }, [orgId, firstRoot]);

  const reset = () => {
    setFile(null);
    setReport(null);
    setProblem(null);
    setValidOnly(false);
    setVisible(false);
  };
  const close = () => {
    reset();
    onClose();
  };

  const run = async (onlyValid: boolean) => {
    if (!file || !orgId) {
      setProblem(t('org:import.chooseFile'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const result =
        kind === 'jobs'
          ? await employmentApi.importJobs(file, orgId, onlyValid)
          : await employmentApi.importProfiles(file, orgId, onlyValid, visible);
      setReport(result);
      if (result.imported > 0) {
        onImported();
      }
    } catch (e) {
      setProblem(e instanceof Error ? e.message : t('shared:error.unknown'));
    } finally {
      setBusy(false);
    }
  };

  const rejectedRows = report ? new Set(report.errors.map((e) => e.row)).size : 0;
  const validRows = report ? Math.max(0, report.total - rejectedRows) : 0;
  const nothingImported = report !== null && report.imported === 0 && report.errors.length > 0;
  const summary = report
    ? t('org:import.summary', { total: report.total, imported: report.imported, rejected: report.rejected })
    : '';

  const footer = report ? (
    <Flex justify="end" gap={8}>
      <Button onClick={reset}>{t('org:import.again')}</Button>
      {nothingImported && validRows > 0 && (
        <Button type="primary" loading={busy} onClick={() => void run(true)}>
          {t('org:import.importValid', { count: validRows })}
        </Button>
      )}
      <Button type={nothingImported ? 'default' : 'primary'} onClick={close}>
        {t('shared:action.close')}
      </Button>
    </Flex>
  ) : (
    <Flex justify="end" gap={8}>
      <Button onClick={close}>{t('shared:action.cancel')}</Button>
      <Button type="primary" loading={busy} disabled={!file || !orgId} onClick={() => void run(validOnly)}>
        {t('org:import.submit')}
      </Button>
    </Flex>
  );

  return (
    <Modal
      open={open}
      title={kind === 'jobs' ? t('employment:transfer.importJobs') : t('employment:transfer.importProfiles')}
      onCancel={close}
      footer={footer}
      width={760}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        {problem && <Alert type="error" showIcon title={problem} role="alert" />}
        {!report && (
          <>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {kind === 'jobs' ? t('employment:transfer.jobsHint') : t('employment:transfer.profilesHint')}
            </Typography.Paragraph>
            <div>
              <Button
                icon={<DownloadOutlined />}
                onClick={() =>
                  saveBlob(
                    new Blob([`\uFEFF${TEMPLATE_HEADERS[kind].join(',')}\n`], {
                      type: 'text/csv;charset=utf-8',
                    }),
                    kind === 'jobs'
                      ? t('employment:transfer.jobsTemplateName')
                      : t('employment:transfer.profilesTemplateName'),
                  )
                }
              >
                {t('employment:transfer.template')}
              </Button>
            </div>
            <Form layout="vertical" component="div">
              <Form.Item
                label={t('employment:transfer.org')}
                extra={
                  kind === 'jobs'
                    ? t('employment:transfer.jobsOrgHelp')
                    : t('employment:transfer.profilesOrgHelp')
                }
                style={{ marginBottom: 0 }}
              >
                <OrgSelect
                  roots={orgs.roots}
                  loading={orgs.loading}
                  {...(orgId ? { value: orgId } : {})}
                  onChange={setOrgId}
                  aria-label={t('employment:transfer.org')}
                />
              </Form.Item>
            </Form>
            <Upload.Dragger
              accept=".xlsx,.csv,.jsonl"
              maxCount={1}
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
              beforeUpload={(f) => {
                setFile(f);
                setProblem(null);
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('org:import.drag')}</p>
              <p className="ant-upload-hint">{t('employment:transfer.dragHint')}</p>
            </Upload.Dragger>
            <Checkbox checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)}>
              {t('org:import.validOnly')}
            </Checkbox>
            {kind === 'profiles' && (
              <Checkbox checked={visible} onChange={(e) => setVisible(e.target.checked)}>
                {t('employment:transfer.visible')}
              </Checkbox>
            )}
          </>
        )}
        {report && report.errors.length === 0 && (
          <Result status="success" title={t('org:import.allImported')} subTitle={summary} />
        )}
        {report && report.errors.length > 0 && (
          <>
            <Alert
              type={nothingImported ? 'warning' : 'success'}
              showIcon
              title={summary}
              {...(nothingImported ? { description: t('org:import.nothingImported') } : {})}
            />
            <Table
              size="small"
              rowKey={(e) => `${e.row}-${e.field}-${e.message}`}
              dataSource={report.errors}
              pagination={report.errors.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
              columns={[
                { title: t('org:import.row'), dataIndex: 'row', width: 80 },
                { title: t('org:import.field'), dataIndex: 'field', width: 140 },
                { title: t('org:import.problem'), dataIndex: 'message' },
              ]}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}

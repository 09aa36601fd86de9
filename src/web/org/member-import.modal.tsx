import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Modal, Result, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../shared/api-client.ts';
import { type ImportReport, memberApi } from './org.api.ts';

// The server reads these Chinese headers whatever the UI language.
const TEMPLATE_HEADERS = [
  '姓名',
  '性别',
  '民族',
  '手机号',
  '身份证号',
  '所属组织',
  '工种',
  '入会日期',
  '状态',
  '标签',
];

export interface MemberImportModalProps {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}

/** Upload a register, see every rejected row, and choose whether to import only the valid rows. */
export function MemberImportModal({ open, onClose, onImported }: MemberImportModalProps) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const reset = () => {
    setFile(null);
    setReport(null);
    setProblem(null);
    setValidOnly(false);
  };

  const run = async (onlyValid: boolean) => {
    if (!file) {
      setProblem(t('org:import.chooseFile'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const result = await memberApi.import(file, onlyValid);
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
  const validRows = report ? report.total - rejectedRows : 0;
  const nothingImported = report !== null && report.imported === 0 && report.errors.length > 0;

  const footer = report ? (
    <Flex justify="end" gap={8}>
      <Button onClick={reset}>{t('org:import.again')}</Button>
      {nothingImported && validRows > 0 && (
        <Button type="primary" loading={busy} onClick={() => void run(true)}>
          {t('org:import.importValid', { count: validRows })}
        </Button>
      )}
      <Button
        type={nothingImported ? 'default' : 'primary'}
        onClick={() => {
          reset();
          onClose();
        }}
      >
        {t('shared:action.close')}
      </Button>
    </Flex>
  ) : (
    <Flex justify="end" gap={8}>
      <Button onClick={onClose}>{t('shared:action.cancel')}</Button>
      <Button type="primary" loading={busy} disabled={!file} onClick={() => void run(validOnly)}>
        {t('org:import.submit')}
      </Button>
    </Flex>
  );

  return (
    <Modal
      open={open}
      title={t('org:import.title')}
      onCancel={() => {
        reset();
        onClose();
      }}
      footer={footer}
      width={720}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        {problem && <Alert type="error" showIcon title={problem} role="alert" />}
        {!report && (
          <>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('org:import.hint')}
            </Typography.Paragraph>
            <div>
              <Button
                icon={<DownloadOutlined />}
                onClick={() =>
                  saveBlob(
                    new Blob([`\uFEFF${TEMPLATE_HEADERS.join(',')}\n`], { type: 'text/csv;charset=utf-8' }),
                    t('org:import.templateName'),
                  )
                }
              >
                {t('org:import.template')}
              </Button>
            </div>
            <Upload.Dragger
              accept=".xlsx,.csv"
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
              <p className="ant-upload-hint">{t('org:import.dragHint')}</p>
            </Upload.Dragger>
            <Checkbox checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)}>
              {t('org:import.validOnly')}
            </Checkbox>
          </>
        )}
        {report && report.errors.length === 0 && (
          <Result
            status="success"
            title={t('org:import.allImported')}
            subTitle={t('org:import.summary', {
              total: report.total,
              imported: report.imported,
              rejected: report.rejected,
            })}
          />
        )}
        {report && report.errors.length > 0 && (
          <>
            <Alert
              type={nothingImported ? 'warning' : 'success'}
              showIcon
              title={t('org:import.summary', {
                total: report.total,
                imported: report.imported,
                rejected: report.rejected,
              })}
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

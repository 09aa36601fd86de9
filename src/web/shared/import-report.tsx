import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Result, Table, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from './api-client.ts';

/** What the server answers to a file import: every rejected row with its row number and field. */
export interface ImportReport {
  total: number;
  imported: number;
  rejected: number;
  errors: { row: number; field: string; message: string }[];
}

/** A file import's state: the chosen file, the "valid rows only" choice, and the last report. */
export interface ImportFlow {
  file: File | null;
  chooseFile: (file: File | null) => void;
  validOnly: boolean;
  setValidOnly: (validOnly: boolean) => void;
  report: ImportReport | null;
  busy: boolean;
  problem: string | null;
  run: (validRowsOnly: boolean) => Promise<void>;
  reset: () => void;
}

/**
 * Upload, report, and — when the server refused a file with errors — import only the valid rows.
 * `upload` is null while the import is not ready to send (e.g. no organisation chosen yet).
 */
export function useImportFlow(
  upload: ((file: File, validRowsOnly: boolean) => Promise<ImportReport>) | null,
  onImported: () => void,
): ImportFlow {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const chooseFile = (f: File | null) => {
    setFile(f);
    if (f) {
      setProblem(null);
    }
  };

  const reset = () => {
    setFile(null);
    setReport(null);
    setProblem(null);
    setValidOnly(false);
  };

  const run = async (validRowsOnly: boolean) => {
    if (!file || !upload) {
      setProblem(t('org:import.chooseFile'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const result = await upload(file, validRowsOnly);
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

  return { file, chooseFile, validOnly, setValidOnly, report, busy, problem, run, reset };
}

function outcome(report: ImportReport) {
  const rejectedRows = new Set(report.errors.map((e) => e.row)).size;
  return {
    validRows: Math.max(0, report.total - rejectedRows),
    // the server imports nothing from a file with errors unless asked for the valid rows only
    nothingImported: report.imported === 0 && report.errors.length > 0,
  };
}

export interface ImportTemplateButtonProps {
  /** The header row the server reads (Chinese, whatever the UI language). */
  headers: readonly string[];
  fileName: string;
  label: string;
}

/** Downloads an empty .csv with the header row (with a BOM, so Excel reads it as UTF-8). */
export function ImportTemplateButton({ headers, fileName, label }: ImportTemplateButtonProps) {
  return (
    <div>
      <Button
        icon={<DownloadOutlined />}
        onClick={() =>
          saveBlob(new Blob([`\uFEFF${headers.join(',')}\n`], { type: 'text/csv;charset=utf-8' }), fileName)
        }
      >
        {label}
      </Button>
    </div>
  );
}

export interface ImportFilePickerProps {
  flow: ImportFlow;
  accept: string;
  hint: string;
}

/** The drop zone for one file and the "skip rows with errors" choice. */
export function ImportFilePicker({ flow, accept, hint }: ImportFilePickerProps) {
  const { t } = useTranslation();
  return (
    <>
      <Upload.Dragger
        accept={accept}
        maxCount={1}
        fileList={flow.file ? [{ uid: 'file', name: flow.file.name, status: 'done' }] : []}
        beforeUpload={(f) => {
          flow.chooseFile(f);
          return false;
        }}
        onRemove={() => flow.chooseFile(null)}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('org:import.drag')}</p>
        <p className="ant-upload-hint">{hint}</p>
      </Upload.Dragger>
      <Checkbox checked={flow.validOnly} onChange={(e) => flow.setValidOnly(e.target.checked)}>
        {t('org:import.validOnly')}
      </Checkbox>
    </>
  );
}

/** The report: a success result, or the counts and every rejected row naming its row and field. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const summary = t('org:import.summary', {
    total: report.total,
    imported: report.imported,
    rejected: report.rejected,
  });
  if (report.errors.length === 0) {
    return <Result status="success" title={t('org:import.allImported')} subTitle={summary} />;
  }
  const { nothingImported } = outcome(report);
  return (
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
  );
}

export interface ImportFooterProps {
  flow: ImportFlow;
  /** Whatever else the import needs besides the file has been given. */
  ready?: boolean;
  onCancel: () => void;
  onAgain: () => void;
  onClose: () => void;
}

/** Before the upload: cancel or send; after it: choose another file, import the valid rows, or close. */
export function ImportFooter({ flow, ready = true, onCancel, onAgain, onClose }: ImportFooterProps) {
  const { t } = useTranslation();
  const { report, busy } = flow;
  if (!report) {
    return (
      <Flex justify="end" gap={8}>
        <Button onClick={onCancel}>{t('shared:action.cancel')}</Button>
        <Button
          type="primary"
          loading={busy}
          disabled={!flow.file || !ready}
          onClick={() => void flow.run(flow.validOnly)}
        >
          {t('org:import.submit')}
        </Button>
      </Flex>
    );
  }
  const { validRows, nothingImported } = outcome(report);
  return (
    <Flex justify="end" gap={8}>
      <Button onClick={onAgain}>{t('org:import.again')}</Button>
      {nothingImported && validRows > 0 && (
        <Button type="primary" loading={busy} onClick={() => void flow.run(true)}>
          {t('org:import.importValid', { count: validRows })}
        </Button>
      )}
      <Button type={nothingImported ? 'default' : 'primary'} onClick={onClose}>
        {t('shared:action.close')}
      </Button>
    </Flex>
  );
}

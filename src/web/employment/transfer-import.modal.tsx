import { Alert, Checkbox, Flex, Form, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../org/org-select.tsx';
import { useOrganisations } from '../org/use-org-data.ts';
import {
  ImportFilePicker,
  ImportFooter,
  ImportReportView,
  ImportTemplateButton,
  useImportFlow,
} from '../shared/import-report.tsx';
import { employmentApi } from './employment.api.ts';

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
  const [visible, setVisible] = useState(false);
  const flow = useImportFlow(
    orgId
      ? (file, validRowsOnly) =>
          kind === 'jobs'
            ? employmentApi.importJobs(file, orgId, validRowsOnly)
            : employmentApi.importProfiles(file, orgId, validRowsOnly, visible)
      : null,
    onImported,
  );

  const firstRoot = orgs.roots[0]?.org.id;
  useEffect(() => {
    if (orgId === undefined && firstRoot) {
      setOrgId(firstRoot);
    }
  }, [orgId, firstRoot]);

  const reset = () => {
    flow.reset();
    setVisible(false);
  };
  const close = () => {
    reset();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={kind === 'jobs' ? t('employment:transfer.importJobs') : t('employment:transfer.importProfiles')}
      onCancel={close}
      footer={
        <ImportFooter flow={flow} ready={Boolean(orgId)} onCancel={close} onAgain={reset} onClose={close} />
      }
      width={760}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        {flow.problem && <Alert type="error" showIcon title={flow.problem} role="alert" />}
        {flow.report ? (
          <ImportReportView report={flow.report} />
        ) : (
          <>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {kind === 'jobs' ? t('employment:transfer.jobsHint') : t('employment:transfer.profilesHint')}
            </Typography.Paragraph>
            <ImportTemplateButton
              headers={TEMPLATE_HEADERS[kind]}
              fileName={
                kind === 'jobs'
                  ? t('employment:transfer.jobsTemplateName')
                  : t('employment:transfer.profilesTemplateName')
              }
              label={t('employment:transfer.template')}
            />
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
            <ImportFilePicker
              flow={flow}
              accept=".xlsx,.csv,.jsonl"
              hint={t('employment:transfer.dragHint')}
            />
            {kind === 'profiles' && (
              <Checkbox checked={visible} onChange={(e) => setVisible(e.target.checked)}>
                {t('employment:transfer.visible')}
              </Checkbox>
            )}
          </>
        )}
      </Flex>
    </Modal>
  );
}

import { Alert, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ImportFilePicker,
  ImportFooter,
  ImportReportView,
  ImportTemplateButton,
  useImportFlow,
} from '../shared/import-report.tsx';
import { memberApi } from './org.api.ts';

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
  const flow = useImportFlow(memberApi.import, onImported);
  const close = () => {
    flow.reset();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('org:import.title')}
      onCancel={close}
      footer={<ImportFooter flow={flow} onCancel={onClose} onAgain={flow.reset} onClose={close} />}
      width={720}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        {flow.problem && <Alert type="error" showIcon title={flow.problem} role="alert" />}
        {flow.report ? (
          <ImportReportView report={flow.report} />
        ) : (
          <>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('org:import.hint')}
            </Typography.Paragraph>
            <ImportTemplateButton
              headers={TEMPLATE_HEADERS}
              fileName={t('org:import.templateName')}
              label={t('org:import.template')}
            />
            <ImportFilePicker flow={flow} accept=".xlsx,.csv" hint={t('org:import.dragHint')} />
          </>
        )}
      </Flex>
    </Modal>
  );
}

import { Alert, Button, Drawer, Flex, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client.ts';

export interface FormPanelProps<V> {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  /** Resolve to close the panel; throw an ApiError to show it on the form. */
  onSubmit: (values: V, form: FormInstance<V>) => Promise<void>;
  initialValues?: Partial<V>;
  children: ReactNode;
  /** Drawers for record forms, modals for one- or two-field actions. */
  variant?: 'drawer' | 'modal';
  width?: number;
  submitText?: ReactNode;
  danger?: boolean;
}

/**
 * The form pattern every module uses: client-side rules first, then the server's
 * problem+json mapped back onto the fields it names (`body.phone` → `phone`), with the
 * overall message on top.
 */
export function FormPanel<V extends object>(props: FormPanelProps<V>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { open } = props;
  const initialRef = useRef(props.initialValues);
  initialRef.current = props.initialValues;

  // Fill the form each time the panel opens (not on every render, which would wipe typing).
  useEffect(() => {
    if (open) {
      setProblem(null);
      form.resetFields();
      if (initialRef.current) {
        form.setFieldsValue(initialRef.current as Parameters<typeof form.setFieldsValue>[0]);
      }
    }
  }, [open, form]);

  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // the fields show their own messages
    }
    setSubmitting(true);
    setProblem(null);
    try {
      await props.onSubmit(values, form);
      props.onClose();
    } catch (e) {
      if (e instanceof ApiError) {
        const known = new Set(Object.keys(form.getFieldsValue(true) as object));
        const fieldErrors = [...e.fieldErrors()].filter(([name]) => known.has(name));
        form.setFields(fieldErrors.map(([name, errors]) => ({ name: name as never, errors })));
        setProblem(e.message);
      } else {
        setProblem(t('shared:error.unknown'));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const body = (
    <Flex vertical gap={16}>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
      <Form<V> form={form} layout="vertical" requiredMark onFinish={() => void submit()} preserve={false}>
        {props.children}
        {/* lets Enter submit from any field */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Flex>
  );

  const footer = (
    <Flex justify="end" gap={8}>
      <Button onClick={props.onClose}>{t('shared:action.cancel')}</Button>
      <Button
        type="primary"
        danger={props.danger ?? false}
        loading={submitting}
        onClick={() => void submit()}
      >
        {props.submitText ?? t('shared:action.save')}
      </Button>
    </Flex>
  );

  if (props.variant === 'modal') {
    return (
      <Modal
        open={props.open}
        title={props.title}
        onCancel={props.onClose}
        footer={footer}
        width={props.width ?? 480}
        destroyOnHidden
        forceRender
      >
        {body}
      </Modal>
    );
  }
  return (
    <Drawer
      open={props.open}
      title={props.title}
      onClose={props.onClose}
      footer={footer}
      size={props.width ?? 560}
      destroyOnHidden
      forceRender
    >
      {body}
    </Drawer>
  );
}

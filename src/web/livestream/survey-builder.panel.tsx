import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../org/org-select.tsx';
import { useOrganisations } from '../org/use-org-data.ts';
import { FormPanel } from '../shared/form-panel.tsx';
import { plainTextRules, requiredRule } from '../shared/validators.ts';
import {
  liveApi,
  QUESTION_KINDS,
  type QuestionKind,
  type SessionSummary,
  type Survey,
  type SurveyInput,
  type SurveyStatus,
  surveyApi,
} from './livestream.api.ts';

interface QuestionValues {
  id?: string;
  kind: QuestionKind;
  title: string;
  required: boolean;
  options?: string[];
  scaleMin?: number;
  scaleMax?: number;
  minLabel?: string;
  maxLabel?: string;
}

interface FormValues {
  orgId: string;
  title: string;
  description?: string;
  sessionId?: string | null;
  status: SurveyStatus;
  questions: QuestionValues[];
}

/** Builds a questionnaire: the four kinds of question, required or optional, options, a rating scale, order. */
export function SurveyBuilderPanel(props: {
  open: boolean;
  survey: Survey | null;
  onClose: () => void;
  onSaved: (survey: Survey) => void;
}) {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  const [sessions, setSessions] = useState<SessionSummary[]>([]);
  const { survey, open } = props;
  const locked = (survey?.responses ?? 0) > 0;

  useEffect(() => {
    if (open) {
      liveApi
        .list({ mine: true }, { limit: 100 })
        .then((p) => setSessions(p.items))
        .catch(() => setSessions([]));
    }
  }, [open]);

  const initialValues: Partial<FormValues> = survey
    ? {
        orgId: survey.orgId,
        title: survey.title,
        description: survey.description,
        sessionId: survey.target?.type === 'live-session' ? survey.target.id : null,
        status: survey.status,
        questions: survey.questions.map((q) => ({
          id: q.id,
          kind: q.kind,
          title: q.title,
          required: q.required,
          ...(q.options ? { options: q.options } : {}),
          ...(q.scale
            ? {
                scaleMin: q.scale.min,
                scaleMax: q.scale.max,
                ...(q.scale.minLabel ? { minLabel: q.scale.minLabel } : {}),
                ...(q.scale.maxLabel ? { maxLabel: q.scale.maxLabel } : {}),
              }
            : {}),
        })),
      }
    : {
        ...(orgs.roots[0] ? { orgId: orgs.roots[0].org.id } : {}),
        status: 'open',
        questions: [{ kind: 'single', title: '', required: true, options: [] }],
      };

  return (
    <FormPanel<FormValues>
      open={open}
      width={760}
      title={survey ? t('livestream:builder.editTitle') : t('livestream:builder.createTitle')}
      onClose={props.onClose}
      initialValues={initialValues}
      onSubmit={async (values) => {
        const body: SurveyInput = {
          title: values.title.trim(),
          description: (values.description ?? '').trim(),
          target: values.sessionId ? { type: 'live-session', id: values.sessionId } : null,
          status: values.status,
          questions: values.questions.map((q) => ({
            ...(q.id ? { id: q.id } : {}),
            kind: q.kind,
            title: q.title.trim(),
            required: q.required ?? false,
            ...(q.kind === 'single' || q.kind === 'multiple'
              ? { options: (q.options ?? []).map((o) => o.trim()) }
              : {}),
            ...(q.kind === 'rating'
              ? {
                  scale: {
                    min: q.scaleMin ?? 1,
                    max: q.scaleMax ?? 5,
                    ...(q.minLabel?.trim() ? { minLabel: q.minLabel.trim() } : {}),
                    ...(q.maxLabel?.trim() ? { maxLabel: q.maxLabel.trim() } : {}),
                  },
                }
              : {}),
          })),
        };
        if (survey) {
          const { questions, ...rest } = body;
          props.onSaved(await surveyApi.update(survey.id, locked ? rest : { ...rest, questions }));
        } else {
          props.onSaved(await surveyApi.create({ ...body, orgId: values.orgId }));
        }
      }}
    >
      {locked && (
        <Alert type="info" showIcon title={t('livestream:builder.locked')} style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="orgId" label={t('livestream:builder.org')} rules={[requiredRule()]}>
        <OrgSelect roots={orgs.roots} disabled={Boolean(survey)} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('livestream:builder.title')}
        rules={plainTextRules({ max: 120, required: true })}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('livestream:builder.description')}
        rules={plainTextRules({ max: 1000 })}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item
          name="sessionId"
          label={t('livestream:builder.session')}
          style={{ flex: 1, minWidth: 260 }}
        >
          <Select allowClear options={sessions.map((s) => ({ value: s.id, label: s.title }))} />
        </Form.Item>
        <Form.Item name="status" label={t('livestream:builder.status')} style={{ width: 160 }}>
          <Select
            options={(['draft', 'open', 'closed'] as const).map((s) => ({
              value: s,
              label: t(`livestream:surveyStatus.${s}`),
            }))}
          />
        </Form.Item>
      </Flex>

      <Divider titlePlacement="start">{t('livestream:builder.questions')}</Divider>
      <Form.List name="questions">
        {(fields, { add, remove, move }) => (
          <Flex vertical gap={10}>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                title={t('livestream:builder.questionN', { n: index + 1 })}
                extra={
                  <Flex gap={4}>
                    <Button
                      size="small"
                      icon={<ArrowUpOutlined />}
                      aria-label={t('livestream:builder.moveUp', { n: index + 1 })}
                      disabled={locked || index === 0}
                      onClick={() => move(index, index - 1)}
                    />
                    <Button
                      size="small"
                      icon={<ArrowDownOutlined />}
                      aria-label={t('livestream:builder.moveDown', { n: index + 1 })}
                      disabled={locked || index === fields.length - 1}
                      onClick={() => move(index, index + 1)}
                    />
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('livestream:builder.remove', { n: index + 1 })}
                      disabled={locked || fields.length === 1}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                }
              >
                <Form.Item name={[field.name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <Flex gap={12} wrap align="start">
                  <Form.Item
                    name={[field.name, 'kind']}
                    label={t('livestream:builder.kind')}
                    style={{ width: 150 }}
                  >
                    <Select
                      disabled={locked}
                      options={QUESTION_KINDS.map((k) => ({
                        value: k,
                        label: t(`livestream:questionKind.${k}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'title']}
                    label={t('livestream:builder.questionTitle')}
                    rules={plainTextRules({ max: 200, required: true })}
                    style={{ flex: 1, minWidth: 240 }}
                  >
                    <Input disabled={locked} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'required']}
                    label={t('livestream:builder.required')}
                    valuePropName="checked"
                  >
                    <Switch disabled={locked} />
                  </Form.Item>
                </Flex>
                <Form.Item noStyle dependencies={[['questions', field.name, 'kind']]}>
                  {({ getFieldValue }) => {
                    const kind = getFieldValue(['questions', field.name, 'kind']) as QuestionKind;
                    if (kind === 'single' || kind === 'multiple') {
                      return (
                        <Form.Item
                          name={[field.name, 'options']}
                          label={t('livestream:builder.options')}
                          extra={t('livestream:builder.optionsHint')}
                          rules={[
                            {
                              validator: async (_r, v: unknown) => {
                                if (!Array.isArray(v) || v.length < 2) {
                                  throw new Error(t('livestream:builder.optionsMin'));
                                }
                              },
                            },
                          ]}
                        >
                          <Select
                            mode="tags"
                            disabled={locked}
                            open={false}
                            suffixIcon={null}
                            tokenSeparators={['\n', '；', ';']}
                          />
                        </Form.Item>
                      );
                    }
                    if (kind === 'rating') {
                      return (
                        <Flex gap={12} wrap>
                          <Form.Item
                            name={[field.name, 'scaleMin']}
                            label={t('livestream:builder.scaleMin')}
                            initialValue={1}
                          >
                            <InputNumber min={0} max={1} disabled={locked} />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, 'scaleMax']}
                            label={t('livestream:builder.scaleMax')}
                            initialValue={5}
                          >
                            <InputNumber min={2} max={10} disabled={locked} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'minLabel']} label={t('livestream:builder.minLabel')}>
                            <Input disabled={locked} maxLength={20} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'maxLabel']} label={t('livestream:builder.maxLabel')}>
                            <Input disabled={locked} maxLength={20} />
                          </Form.Item>
                        </Flex>
                      );
                    }
                    return (
                      <Typography.Text type="secondary">{t('livestream:builder.textHint')}</Typography.Text>
                    );
                  }}
                </Form.Item>
              </Card>
            ))}
            <Flex gap={8} wrap>
              {QUESTION_KINDS.map((k) => (
                <Button
                  key={k}
                  type="dashed"
                  icon={<PlusOutlined />}
                  disabled={locked}
                  onClick={() =>
                    add(
                      k === 'rating'
                        ? { kind: k, title: '', required: true, scaleMin: 1, scaleMax: 5 }
                        : { kind: k, title: '', required: k !== 'text', options: [] },
                    )
                  }
                >
                  {t(`livestream:questionKind.${k}`)}
                </Button>
              ))}
            </Flex>
          </Flex>
        )}
      </Form.List>
    </FormPanel>
  );
}

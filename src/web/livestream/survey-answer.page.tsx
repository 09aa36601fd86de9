import {
  Button,
  Checkbox,
  ErrorBlock,
  Form,
  Radio,
  Result,
  Selector,
  Space,
  SpinLoading,
  TextArea,
} from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../shared/api-client.ts';
import { type AnswerValue, type Question, type Survey, surveyApi } from './livestream.api.ts';

function RatingInput({
  question,
  value,
  onChange,
}: {
  question: Question;
  value?: number;
  onChange?: (v: number | undefined) => void;
}) {
  const scale = question.scale ?? { min: 1, max: 5 };
  const points: number[] = [];
  for (let p = scale.min; p <= scale.max; p++) {
    points.push(p);
  }
  return (
    <div>
      <Selector
        columns={Math.min(points.length, 5)}
        options={points.map((p) => ({ label: String(p), value: p }))}
        value={value === undefined ? [] : [value]}
        onChange={(v) => onChange?.(v[0])}
      />
      {(scale.minLabel || scale.maxLabel) && (
        <div className="gy-survey-scale">
          <span>{scale.minLabel}</span>
          <span>{scale.maxLabel}</span>
        </div>
      )}
    </div>
  );
}

/** A questionnaire on the phone: the four kinds of question, required marks, one answer per person. */
export function SurveyAnswerPage({ surveyId, backTo }: { surveyId: string; backTo: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, AnswerValue>>();
  const [survey, setSurvey] = useState<Survey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    surveyApi
      .get(surveyId)
      .then(setSurvey)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : t('shared:error.loadFailed')));
  }, [surveyId, t]);

  if (error) {
    return <ErrorBlock status="default" title={t('shared:error.loadFailed')} description={error} />;
  }
  if (!survey) {
    return (
      <div className="gy-live-loading">
        <SpinLoading color="primary" />
      </div>
    );
  }

  const back = (
    <Link to={backTo} className="gy-live-backlink">
      {t('livestream:survey.back')}
    </Link>
  );

  if (done || survey.answered) {
    return (
      <div className="gy-survey">
        {back}
        <Result
          status="success"
          title={done ? t('livestream:survey.thanks') : t('livestream:survey.already')}
          description={survey.title}
        />
      </div>
    );
  }
  if (survey.status !== 'open') {
    return (
      <div className="gy-survey">
        {back}
        <Result status="info" title={t('livestream:survey.notOpen')} description={survey.title} />
      </div>
    );
  }

  const submit = async (values: Record<string, AnswerValue | undefined>) => {
    const answers: Record<string, AnswerValue> = {};
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
        continue;
      }
      answers[key] = typeof value === 'string' ? value.trim() : value;
    }
    setSubmitting(true);
    setProblem(null);
    try {
      await surveyApi.respond(survey.id, answers);
      setDone(true);
    } catch (e) {
      if (e instanceof ApiError) {
        if (e.status === 409) {
          setDone(true);
          return;
        }
        form.setFields(
          [...e.fieldErrors()].map(([name, errors]) => ({ name: name.replace(/^answers\./, ''), errors })),
        );
      }
      setProblem(e instanceof Error ? e.message : t('shared:error.unknown'));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="gy-survey">
      {back}
      <header className="gy-survey-head">
        <h2 className="gy-survey-title">{survey.title}</h2>
        {survey.description && <p className="gy-survey-desc">{survey.description}</p>}
        <p className="gy-survey-note">{t('livestream:survey.requiredNote')}</p>
      </header>
      {problem && (
        <p className="gy-live-chat-problem" role="alert">
          {problem}
        </p>
      )}
      <Form
        form={form}
        layout="vertical"
        requiredMarkStyle="asterisk"
        onFinish={(v) => void submit(v)}
        footer={
          <Button block type="submit" color="primary" size="large" loading={submitting}>
            {t('livestream:survey.submit')}
          </Button>
        }
      >
        {survey.questions.map((q, index) => {
          const label = `${index + 1}. ${q.title}${q.kind === 'multiple' ? t('livestream:survey.multipleHint') : ''}`;
          const rules = q.required ? [{ required: true, message: t('livestream:survey.requiredError') }] : [];
          if (q.kind === 'single') {
            return (
              <Form.Item key={q.id} name={q.id} label={label} required={q.required} rules={rules}>
                <Radio.Group>
                  <Space direction="vertical">
                    {(q.options ?? []).map((o) => (
                      <Radio key={o} value={o}>
                        {o}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </Form.Item>
            );
          }
          if (q.kind === 'multiple') {
            return (
              <Form.Item key={q.id} name={q.id} label={label} required={q.required} rules={rules}>
                <Checkbox.Group>
                  <Space direction="vertical">
                    {(q.options ?? []).map((o) => (
                      <Checkbox key={o} value={o}>
                        {o}
                      </Checkbox>
                    ))}
                  </Space>
                </Checkbox.Group>
              </Form.Item>
            );
          }
          if (q.kind === 'rating') {
            return (
              <Form.Item key={q.id} name={q.id} label={label} required={q.required} rules={rules}>
                <RatingInput question={q} />
              </Form.Item>
            );
          }
          return (
            <Form.Item key={q.id} name={q.id} label={label} required={q.required} rules={rules}>
              <TextArea
                aria-label={q.title}
                maxLength={500}
                rows={3}
                showCount
                placeholder={t('livestream:survey.textPlaceholder')}
              />
            </Form.Item>
          );
        })}
      </Form>
    </div>
  );
}

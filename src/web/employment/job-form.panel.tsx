import { Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormPanel } from '../shared/form-panel.tsx';
import { plainTextRules, requiredRule, tagRules } from '../shared/validators.ts';
import { type Employer, employmentApi, type Job, type JobInput } from './employment.api.ts';
import { useEmploymentReference } from './use-employment.ts';

interface JobFormValues {
  employerId?: string;
  status?: 'draft' | 'open';
  title: string;
  trade: string;
  description?: string;
  skills?: string[];
  certificates?: string[];
  education?: string;
  minYears?: number | null;
  city: string;
  district?: string;
  salaryMin?: number | null;
  salaryMax?: number | null;
  headcount: number;
  tags?: string[];
  priorityOrigins?: string[];
  languages?: string[];
  shift?: string;
  opensOn?: Dayjs | null;
  closesOn?: Dayjs | null;
}

function valuesOf(job: Job): JobFormValues {
  return {
    title: job.title,
    trade: job.trade,
    description: job.description,
    skills: job.skills,
    certificates: job.certificates,
    education: job.education ?? '',
    minYears: job.minYears,
    city: job.city,
    district: job.district ?? '',
    salaryMin: job.salaryMin,
    salaryMax: job.salaryMax,
    headcount: job.headcount,
    tags: job.tags,
    priorityOrigins: job.priorityOrigins,
    languages: job.languages,
    shift: job.shift ?? '',
    opensOn: job.opensOn ? dayjs(job.opensOn) : null,
    closesOn: job.closesOn ? dayjs(job.closesOn) : null,
  };
}

const text = (v: string | undefined) => (v?.trim() ? v.trim() : null);

function inputOf(v: JobFormValues): JobInput {
  return {
    title: v.title.trim(),
    trade: v.trade.trim(),
    description: v.description?.trim() ?? '',
    skills: v.skills ?? [],
    certificates: v.certificates ?? [],
    education: text(v.education),
    minYears: v.minYears ?? null,
    city: v.city.trim(),
    district: text(v.district),
    salaryMin: v.salaryMin ?? null,
    salaryMax: v.salaryMax ?? null,
    headcount: v.headcount,
    tags: v.tags ?? [],
    priorityOrigins: v.priorityOrigins ?? [],
    languages: v.languages ?? [],
    shift: text(v.shift),
    opensOn: v.opensOn ? v.opensOn.format('YYYY-MM-DD') : null,
    closesOn: v.closesOn ? v.closesOn.format('YYYY-MM-DD') : null,
  };
}

/** Create or edit a posting with every field; the server's trust check runs on save. */
export function JobFormPanel(props: {
  open: boolean;
  job: Job | null;
  /** Employers the caller may post for (union staff); empty for HR, whose employer the server knows. */
  employers: Employer[];
  onClose: () => void;
  onSaved: (job: Job) => void;
}) {
  const { t } = useTranslation();
  const reference = useEmploymentReference();
  const editing = props.job;
  const onlyEmployer = props.employers.length === 1 ? props.employers[0] : undefined;
  const tagsSelect = (options: readonly string[] = []) => (
    <Select
      mode="tags"
      tokenSeparators={[',', '，', '、']}
      options={options.map((o) => ({ value: o, label: o }))}
    />
  );

  return (
    <FormPanel<JobFormValues>
      open={props.open}
      width={720}
      title={
        editing
          ? t('employment:jobForm.editTitle', { title: editing.title })
          : t('employment:jobForm.createTitle')
      }
      onClose={props.onClose}
      initialValues={
        editing
          ? valuesOf(editing)
          : {
              status: 'open',
              headcount: 1,
              priorityOrigins: [],
              tags: [],
              ...(onlyEmployer ? { employerId: onlyEmployer.id } : {}),
            }
      }
      onSubmit={async (values) => {
        const input = inputOf(values);
        const saved = editing
          ? await employmentApi.updateJob(editing.id, input)
          : await employmentApi.createJob({
              ...input,
              ...(values.employerId ? { employerId: values.employerId } : {}),
              status: values.status ?? 'open',
            });
        props.onSaved(saved);
      }}
    >
      {!editing && props.employers.length > 0 && (
        <Form.Item name="employerId" label={t('employment:job.employer')} rules={[requiredRule()]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={props.employers.map((e) => ({ value: e.id, label: e.name }))}
          />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item
            name="title"
            label={t('employment:job.title')}
            rules={plainTextRules({ max: 60, min: 2, required: true })}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item
            name="trade"
            label={t('employment:job.trade')}
            rules={plainTextRules({ max: 40, required: true })}
          >
            <Input maxLength={40} placeholder={t('employment:jobForm.tradePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="description"
        label={t('employment:job.description')}
        rules={plainTextRules({ max: 4000, min: 0 })}
      >
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="salaryMin" label={t('employment:job.salaryMin')}>
            <InputNumber min={0} max={500000} step={500} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="salaryMax"
            label={t('employment:job.salaryMax')}
            dependencies={['salaryMin']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_r, v: number | null | undefined) => {
                  const min = getFieldValue('salaryMin') as number | null | undefined;
                  if (v != null && min != null && v < min) {
                    throw new Error(t('employment:jobForm.salaryOrder'));
                  }
                },
              }),
            ]}
          >
            <InputNumber min={0} max={500000} step={500} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="headcount" label={t('employment:job.headcount')} rules={[requiredRule()]}>
            <InputNumber min={1} max={10000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name="city"
            label={t('employment:job.city')}
            rules={plainTextRules({ max: 20, required: true })}
          >
            <Input maxLength={20} placeholder="宁波" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="district" label={t('employment:job.district')} rules={plainTextRules({ max: 40 })}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="shift" label={t('employment:job.shift')} rules={plainTextRules({ max: 20 })}>
            <Input maxLength={20} placeholder={t('employment:jobForm.shiftPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="education"
            label={t('employment:job.education')}
            rules={plainTextRules({ max: 20 })}
          >
            <Input maxLength={20} placeholder={t('employment:jobForm.educationPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="minYears" label={t('employment:job.minYears')}>
            <InputNumber min={0} max={40} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="skills" label={t('employment:job.skills')} rules={tagRules(30, 40)}>
        {tagsSelect()}
      </Form.Item>
      <Form.Item
        name="certificates"
        label={t('employment:job.certificates')}
        extra={t('employment:jobForm.preferredHelp')}
        rules={tagRules(30, 40)}
      >
        {tagsSelect()}
      </Form.Item>
      <Form.Item name="tags" label={t('employment:job.tags')} rules={tagRules(20, 40)}>
        {tagsSelect(reference?.tags)}
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="priorityOrigins"
            label={t('employment:job.priorityOrigins')}
            extra={t('employment:jobForm.priorityHelp')}
            rules={tagRules(10, 40)}
          >
            {tagsSelect(['贵州', '云南', '四川'])}
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="languages"
            label={t('employment:job.languages')}
            extra={t('employment:jobForm.preferredHelp')}
            rules={tagRules(10, 40)}
          >
            {tagsSelect(['普通话', '老挝语', '老挝语（优先）', '英语（优先）'])}
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="opensOn" label={t('employment:job.opensOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="closesOn" label={t('employment:job.closesOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {!editing && (
        <Form.Item name="status" label={t('employment:jobForm.publish')}>
          <Radio.Group
            options={[
              { value: 'open', label: t('employment:jobForm.publishNow') },
              { value: 'draft', label: t('employment:jobForm.saveDraft') },
            ]}
          />
        </Form.Item>
      )}
      <p className="gy-e-form-note">{t('employment:jobForm.trustNote')}</p>
    </FormPanel>
  );
}

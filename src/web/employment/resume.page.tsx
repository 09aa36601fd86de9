import { Button, Form, Input, NoticeBar, Picker, Skeleton, Switch, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shared/api-client.ts';
import { employmentApi, type Profile, type ProfilePatch } from './employment.api.ts';
import { splitList } from './employment-format.ts';
import { PROVINCES } from './provinces.ts';
import { useLoad } from './use-employment.ts';

interface ResumeValues {
  name: string;
  desiredTrades: string;
  summary: string;
  skills: string;
  certificates: string;
  education: string;
  school: string;
  years: string;
  hometownProvince: string[];
  city: string;
  maxCommuteKm: string;
  willingToRelocate: boolean;
  expectedSalary: string;
  languages: string;
  visible: boolean;
}

function valuesOf(p: Profile, separator: string): ResumeValues {
  return {
    name: p.name,
    desiredTrades: p.desiredTrades.join(separator),
    summary: p.summary,
    skills: p.skills.join(separator),
    certificates: p.certificates.join(separator),
    education: p.education ?? '',
    school: p.school ?? '',
    years: p.years === null ? '' : String(p.years),
    hometownProvince: p.hometownProvince ? [p.hometownProvince] : [],
    city: p.city ?? '',
    maxCommuteKm: p.maxCommuteKm === null ? '' : String(p.maxCommuteKm),
    willingToRelocate: p.willingToRelocate,
    expectedSalary: p.expectedSalary === null ? '' : String(p.expectedSalary),
    languages: p.languages.join(separator),
    visible: p.visible,
  };
}

function numberOrNull(text: string): number | null {
  return text.trim() === '' ? null : Number(text.trim());
}

function patchOf(v: ResumeValues): ProfilePatch {
  const salary = v.expectedSalary.trim();
  return {
    name: v.name.trim(),
    desiredTrades: splitList(v.desiredTrades),
    summary: v.summary.trim(),
    skills: splitList(v.skills),
    certificates: splitList(v.certificates),
    education: v.education.trim() || null,
    school: v.school.trim() || null,
    years: numberOrNull(v.years),
    hometownProvince: v.hometownProvince[0] ?? null,
    city: v.city.trim() || null,
    maxCommuteKm: numberOrNull(v.maxCommuteKm),
    willingToRelocate: v.willingToRelocate,
    expectedSalary: salary === '' ? null : Number(salary),
    languages: splitList(v.languages),
    visible: v.visible,
  };
}

/** 我的简历: the profile employers see when the person applies (and, if visible, when they search). */
export function ResumePage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<ResumeValues>();
  const profile = useLoad(() => employmentApi.myProfile(), []);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pickerOpen, setPickerOpen] = useState(false);
  const separator = t('employment:list.separator');

  if (profile.error) {
    return <NoticeBar content={profile.error} color="error" wrap />;
  }
  if (!profile.data) {
    return (
      <div className="gy-e-page">
        <Skeleton.Paragraph lineCount={10} animated />
      </div>
    );
  }

  const save = async (values: ResumeValues) => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = await employmentApi.updateProfile(patchOf(values));
      profile.set(saved);
      Toast.show({ icon: 'success', content: t('shared:feedback.saved') });
    } catch (e) {
      if (e instanceof ApiError) {
        setProblem(e.message);
        const known = new Set(Object.keys(values));
        form.setFields(
          [...e.fieldErrors()]
            .filter(([name]) => known.has(name))
            .map(([name, errors]) => ({ name: name as keyof ResumeValues, errors })),
        );
      } else {
        setProblem(t('shared:error.unknown'));
      }
    } finally {
      setBusy(false);
    }
  };

  const listHelp = t('employment:resume.listHelp');
  const wholeNumber = (max: number) => [
    {
      validator: async (_r: unknown, v: unknown) => {
        if (typeof v === 'string' && v.trim() !== '' && !(/^\d+$/.test(v.trim()) && Number(v) <= max)) {
          throw new Error(t('employment:resume.numberInvalid', { max }));
        }
      },
    },
  ];
  return (
    <div className="gy-e-page gy-e-resume">
      {problem && (
        <div role="alert" className="gy-e-alert">
          <NoticeBar content={problem} color="error" wrap />
        </div>
      )}
      <Form
        form={form}
        layout="horizontal"
        mode="card"
        initialValues={valuesOf(profile.data, separator)}
        onFinish={(v) => void save(v)}
        footer={
          <Button block type="submit" color="primary" size="large" loading={busy}>
            {t('shared:action.save')}
          </Button>
        }
      >
        <Form.Header>{t('employment:resume.basics')}</Form.Header>
        <Form.Item
          name="name"
          label={t('employment:resume.name')}
          rules={[{ required: true, whitespace: true, message: t('shared:validation.required') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="hometownProvince"
          label={t('employment:resume.hometown')}
          trigger="onConfirm"
          onClick={() => setPickerOpen(true)}
          arrowIcon
        >
          <Picker
            columns={[PROVINCES.map((p) => ({ label: p, value: p }))]}
            visible={pickerOpen}
            onClose={() => setPickerOpen(false)}
            confirmText={t('shared:action.confirm')}
            cancelText={t('shared:action.cancel')}
          >
            {(items) => (
              <button type="button" className="gy-e-picker-value">
                {items[0]?.label ?? t('employment:register.pick')}
              </button>
            )}
          </Picker>
        </Form.Item>
        <Form.Item name="education" label={t('employment:resume.education')}>
          <Input placeholder={t('employment:resume.educationPlaceholder')} maxLength={20} />
        </Form.Item>
        <Form.Item name="school" label={t('employment:resume.school')}>
          <Input placeholder={t('employment:register.schoolPlaceholder')} maxLength={60} />
        </Form.Item>
        <Form.Item name="years" label={t('employment:resume.years')} rules={wholeNumber(60)}>
          <Input type="number" inputMode="numeric" min={0} max={60} />
        </Form.Item>
        <Form.Item name="languages" label={t('employment:resume.languages')} help={listHelp}>
          <Input placeholder={t('employment:resume.languagesPlaceholder')} />
        </Form.Item>

        <Form.Header>{t('employment:resume.wishes')}</Form.Header>
        <Form.Item name="desiredTrades" label={t('employment:resume.desiredTrades')} help={listHelp}>
          <Input placeholder={t('employment:resume.desiredTradesPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="expectedSalary"
          label={t('employment:resume.expectedSalary')}
          rules={[
            {
              validator: async (_r, v: unknown) => {
                if (typeof v === 'string' && v.trim() !== '' && !/^\d{1,6}$/.test(v.trim())) {
                  throw new Error(t('employment:resume.salaryInvalid'));
                }
              },
            },
          ]}
        >
          <Input type="number" inputMode="numeric" placeholder={t('employment:resume.salaryPlaceholder')} />
        </Form.Item>
        <Form.Item name="city" label={t('employment:resume.city')}>
          <Input placeholder={t('employment:resume.cityPlaceholder')} maxLength={20} />
        </Form.Item>
        <Form.Item name="maxCommuteKm" label={t('employment:resume.commute')} rules={wholeNumber(5000)}>
          <Input type="number" inputMode="numeric" min={0} max={5000} />
        </Form.Item>
        <Form.Item name="willingToRelocate" label={t('employment:resume.relocate')} valuePropName="checked">
          <Switch />
        </Form.Item>

        <Form.Header>{t('employment:resume.experience')}</Form.Header>
        <Form.Item name="skills" label={t('employment:resume.skills')} help={listHelp}>
          <Input placeholder={t('employment:resume.skillsPlaceholder')} />
        </Form.Item>
        <Form.Item name="certificates" label={t('employment:resume.certificates')} help={listHelp}>
          <Input placeholder={t('employment:resume.certificatesPlaceholder')} />
        </Form.Item>
        <Form.Item name="summary" label={t('employment:resume.summary')} layout="vertical">
          <TextArea
            placeholder={t('employment:resume.summaryPlaceholder')}
            maxLength={2000}
            showCount
            autoSize={{ minRows: 3, maxRows: 8 }}
          />
        </Form.Item>

        <Form.Header>{t('employment:resume.privacy')}</Form.Header>
        <Form.Item
          name="visible"
          label={t('employment:resume.visible')}
          help={t('employment:resume.visibleHelp')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
      </Form>
    </div>
  );
}

import { Button, Form, Input, NoticeBar, Picker } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isValidMobile } from '../../server/platform/identity.ts';
import { useSession } from '../org/session.context.tsx';
import { ApiError } from '../shared/api-client.ts';
import { employmentApi } from './employment.api.ts';
import { PROVINCES } from './provinces.ts';

interface RegisterValues {
  phone: string;
  password: string;
  confirm: string;
  name: string;
  hometownProvince: string[];
  school?: string;
}

/** Mirrors the server's password policy: 10+ characters of two kinds, not containing the phone. */
function passwordProblem(password: string, phone: string): boolean {
  if (password.length < 10 || password.length > 128) {
    return true;
  }
  const classes = [/[A-Za-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return classes < 2 || (phone.length >= 3 && password.includes(phone));
}

/** 注册找工作: a job seeker (member or not, e.g. a vocational-school student) signs up with a phone. */
export function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { refresh } = useSession();
  const [form] = Form.useForm<RegisterValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pickerOpen, setPickerOpen] = useState(false);

  const submit = async (values: RegisterValues) => {
    setBusy(true);
    setProblem(null);
    const province = values.hometownProvince[0];
    const school = values.school?.trim();
    try {
      await employmentApi.register({
        phone: values.phone.trim(),
        password: values.password,
        name: values.name.trim(),
        ...(province ? { hometownProvince: province, region: province } : {}),
        ...(school ? { school } : {}),
      });
      void navigate('/jobs', { replace: true });
      await refresh();
    } catch (e) {
      if (e instanceof ApiError) {
        setProblem(e.message);
        const fields = [...e.fieldErrors()].filter(([name]) =>
          ['phone', 'password', 'name', 'school'].includes(name),
        );
        form.setFields(fields.map(([name, errors]) => ({ name: name as keyof RegisterValues, errors })));
      } else {
        setProblem(t('shared:error.unknown'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="gy-w-login">
      <header className="gy-w-hero gy-w-hero-login">
        <div className="gy-w-hero-top">
          <Link to="/" className="gy-e-hero-back">
            ‹ {t('employment:register.toLogin')}
          </Link>
        </div>
        <h1 className="gy-w-title">{t('employment:register.title')}</h1>
        <p className="gy-w-subtitle">{t('employment:register.subtitle')}</p>
      </header>
      <section className="gy-w-login-card">
        {problem && (
          <div role="alert" style={{ marginBottom: 12 }}>
            <NoticeBar content={problem} color="error" wrap />
          </div>
        )}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ hometownProvince: ['贵州省'] }}
          onFinish={(v) => void submit(v)}
          footer={
            <Button block type="submit" color="primary" size="large" loading={busy}>
              {t('employment:register.submit')}
            </Button>
          }
        >
          <Form.Item
            name="phone"
            label={t('employment:register.phone')}
            rules={[
              { required: true, message: t('shared:validation.required') },
              {
                validator: async (_r, v: unknown) => {
                  if (typeof v === 'string' && v.trim() !== '' && !isValidMobile(v.trim())) {
                    throw new Error(t('shared:validation.phone'));
                  }
                },
              },
            ]}
          >
            <Input type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('employment:register.password')}
            help={t('employment:register.passwordHelp')}
            rules={[
              { required: true, message: t('shared:validation.required') },
              {
                validator: async (_r, v: unknown) => {
                  const phone = String(form.getFieldValue('phone') ?? '').trim();
                  if (typeof v === 'string' && v !== '' && passwordProblem(v, phone)) {
                    throw new Error(t('employment:register.passwordWeak'));
                  }
                },
              },
            ]}
          >
            <Input type="password" autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('employment:register.confirm')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('shared:validation.required') },
              {
                validator: async (_r, v: unknown) => {
                  if (v && v !== form.getFieldValue('password')) {
                    throw new Error(t('employment:register.mismatch'));
                  }
                },
              },
            ]}
          >
            <Input type="password" autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('employment:register.name')}
            rules={[{ required: true, whitespace: true, message: t('shared:validation.required') }]}
          >
            <Input autoComplete="name" maxLength={40} />
          </Form.Item>
          <Form.Item
            name="hometownProvince"
            label={t('employment:register.hometown')}
            help={t('employment:register.hometownHelp')}
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
          <Form.Item name="school" label={t('employment:register.school')}>
            <Input
              placeholder={t('employment:register.schoolPlaceholder')}
              maxLength={60}
              autoComplete="organization"
            />
          </Form.Item>
        </Form>
        <p className="gy-w-hint">{t('employment:register.privacy')}</p>
        <p className="gy-w-hint">
          <Link to="/">{t('employment:register.haveAccount')}</Link>
        </p>
      </section>
    </main>
  );
}

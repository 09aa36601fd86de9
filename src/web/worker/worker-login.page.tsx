import { Button, Form, Input, NoticeBar } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../org/session.context.tsx';
import { ApiError } from '../shared/api-client.ts';
import { workerPublicPages } from './worker.tiles.ts';
import { WorkerLanguageSwitch } from './worker-language.tsx';

interface LoginValues {
  username: string;
  password: string;
}

/** Sign-in for workers, phone first. */
export function WorkerLoginPage({ expired }: { expired: boolean }) {
  const { t } = useTranslation();
  const { login } = useSession();
  const [problem, setProblem] = useState<string | null>(expired ? t('shared:error.sessionExpired') : null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: LoginValues) => {
    setBusy(true);
    setProblem(null);
    try {
      await login(values.username.trim(), values.password);
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : t('shared:error.unknown'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="gy-w-login">
      <header className="gy-w-hero gy-w-hero-login">
        <div className="gy-w-hero-top">
          <span className="gy-w-mark" aria-hidden>
            工
          </span>
          <WorkerLanguageSwitch tone="light" />
        </div>
        <h1 className="gy-w-title">{t('worker:login.title')}</h1>
        <p className="gy-w-subtitle">{t('worker:login.subtitle')}</p>
      </header>
      <section className="gy-w-login-card">
        {problem && (
          <div role="alert" style={{ marginBottom: 12 }}>
            <NoticeBar content={problem} color="error" wrap />
          </div>
        )}
        <Form
          layout="vertical"
          onFinish={(v: LoginValues) => void submit(v)}
          footer={
            <Button block type="submit" color="primary" size="large" loading={busy}>
              {t('worker:login.submit')}
            </Button>
          }
        >
          <Form.Item
            name="username"
            label={t('shared:login.username')}
            rules={[{ required: true, whitespace: true, message: t('shared:login.usernameRequired') }]}
          >
            <Input placeholder={t('shared:login.usernamePlaceholder')} autoComplete="username" clearable />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('shared:login.password')}
            rules={[{ required: true, message: t('shared:login.passwordRequired') }]}
          >
            <Input
              type="password"
              placeholder={t('shared:login.passwordPlaceholder')}
              autoComplete="current-password"
            />
          </Form.Item>
        </Form>
        {workerPublicPages.map((p) => (
          <p key={p.path} className="gy-w-public-link">
            <Link to={p.path}>{t(p.linkKey)}</Link>
          </p>
        ))}
        <p className="gy-w-hint">{t('shared:login.demoHint')}</p>
        <p className="gy-w-hint">
          <a href="/admin">{t('worker:login.consoleLink')}</a>
        </p>
      </section>
    </main>
  );
}

import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../org/session.context.tsx';
import { ApiError } from '../shared/api-client.ts';
import { LanguageMenu } from './language-menu.tsx';

interface LoginValues {
  username: string;
  password: string;
}

/** The console's sign-in page. */
export function ConsoleLoginPage({ expired }: { expired: boolean }) {
  const { t } = useTranslation();
  const { login } = useSession();
  const [form] = Form.useForm<LoginValues>();
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
    <main className="gy-login">
      <header className="gy-login-top">
        <Flex align="center" gap={10}>
          <span className="gy-logo" aria-hidden>
            工
          </span>
          <span className="gy-login-brand">{t('shared:product.name')}</span>
        </Flex>
        <LanguageMenu dark />
      </header>
      <Flex className="gy-login-body" align="center" justify="center" gap={64} wrap>
        <div className="gy-login-intro">
          <Typography.Title level={1} style={{ color: '#fff', marginBottom: 12 }}>
            {t('console:login.title')}
          </Typography.Title>
          <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)', fontSize: 18 }}>
            {t('console:login.subtitle')}
          </Typography.Paragraph>
        </div>
        <Card className="gy-login-card" styles={{ body: { padding: 32 } }}>
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 24 }}>
            {t('console:login.welcome')}
          </Typography.Title>
          <Form<LoginValues>
            form={form}
            layout="vertical"
            size="large"
            onFinish={(v) => void submit(v)}
            requiredMark={false}
          >
            {problem && (
              <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 16 }} />
            )}
            <Form.Item
              name="username"
              label={t('shared:login.username')}
              rules={[{ required: true, whitespace: true, message: t('shared:login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                placeholder={t('shared:login.usernamePlaceholder')}
                autoComplete="username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('shared:login.password')}
              rules={[{ required: true, message: t('shared:login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                placeholder={t('shared:login.passwordPlaceholder')}
                autoComplete="current-password"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('shared:login.submit')}
            </Button>
          </Form>
          <Flex vertical gap={8} style={{ marginTop: 20 }}>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('shared:login.demoHint')}
            </Typography.Text>
            <Typography.Link href="/">{t('console:login.workerLink')}</Typography.Link>
          </Flex>
        </Card>
      </Flex>
      <footer className="gy-login-footer">{t('console:login.footer')}</footer>
    </main>
  );
}

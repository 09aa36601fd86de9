import { Button, Flex, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { SessionProvider, useSession } from '../org/session.context.tsx';
import { ConsoleProviders } from '../shared/console-providers.tsx';
import { allowedRoutes } from './console.routes.ts';
import { ConsoleLayout } from './console-layout.tsx';
import { ConsoleLoginPage } from './console-login.page.tsx';

function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('shared:notFound.title')}
      subTitle={t('shared:notFound.subtitle')}
      extra={
        <Button type="primary" href="/admin">
          {t('shared:notFound.home')}
        </Button>
      }
    />
  );
}

function ConsoleGate() {
  const { t } = useTranslation();
  const { state, logout } = useSession();

  if (state.status === 'loading') {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (state.status === 'anonymous') {
    return <ConsoleLoginPage expired={state.expired} />;
  }

  const routes = allowedRoutes(state.me.permissions);
  if (routes.length === 0) {
    return (
      <main>
        <Result
          status="403"
          title={t('console:noAccess.title')}
          subTitle={t('console:noAccess.subtitle')}
          extra={[
            <Button key="worker" type="primary" href="/">
              {t('console:noAccess.worker')}
            </Button>,
            <Button key="logout" onClick={() => void logout()}>
              {t('shared:action.logout')}
            </Button>,
          ]}
        />
      </main>
    );
  }
  const home = routes.find((r) => r.path === '');
  return (
    <Routes>
      <Route element={<ConsoleLayout routes={routes} />}>
        {!home && routes[0] && <Route index element={<Navigate to={`/${routes[0].path}`} replace />} />}
        {routes.map((r) =>
          r.path === '' ? (
            <Route key="home" index element={r.element} />
          ) : (
            <Route key={r.path} path={`${r.path}/*`} element={r.element} />
          ),
        )}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/** The union staff console at /admin. */
export function ConsoleApp() {
  return (
    <ConsoleProviders>
      <SessionProvider>
        <BrowserRouter basename="/admin">
          <ConsoleGate />
        </BrowserRouter>
      </SessionProvider>
    </ConsoleProviders>
  );
}

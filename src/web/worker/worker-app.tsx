import { ConfigProvider, ErrorBlock, SpinLoading } from 'antd-mobile';
import * as enUSModule from 'antd-mobile/es/locales/en-US.js';
import * as zhCNModule from 'antd-mobile/es/locales/zh-CN.js';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { SessionProvider, useSession } from '../org/session.context.tsx';
import { moduleDefault } from '../shared/module-default.ts';
import { visibleTiles, workerPublicPages } from './worker.tiles.ts';
import { WorkerHomePage } from './worker-home.page.tsx';
import { WorkerLoginPage } from './worker-login.page.tsx';

const zhCN = moduleDefault(zhCNModule);
const enUS = moduleDefault(enUSModule);

function SubPage({ title, children, base = '/' }: { title: string; children: ReactNode; base?: string }) {
  const navigate = useNavigate();
  const location = useLocation();
  const { t } = useTranslation();
  // A tile may have pages below it (a job under the job list): "back" returns to where the
  // person came from inside the app, else one level up (a link opened from outside).
  const back = () => {
    if (location.key !== 'default') {
      void navigate(-1);
    } else {
      void navigate(location.pathname.replace(/\/+$/, '') === base ? '/' : base);
    }
  };
  return (
    <div className="gy-w-sub">
      <header className="gy-w-navbar">
        {/* antd-mobile's NavBar hides its back label from screen readers, so a plain button */}
        <button type="button" className="gy-w-back" onClick={back}>
          <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
            <path
              d="M15 5l-7 7 7 7"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            />
          </svg>
          {t('shared:action.back')}
        </button>
        <h1 className="gy-w-navbar-title">{title}</h1>
      </header>
      <main className="gy-w-sub-body">{children}</main>
    </div>
  );
}

function WorkerGate() {
  const { t } = useTranslation();
  const { state } = useSession();
  if (state.status === 'loading') {
    return (
      <div className="gy-w-center">
        <SpinLoading color="primary" />
      </div>
    );
  }
  if (state.status === 'anonymous') {
    // Pages open without an account (e.g. a job seeker's registration); the rest is the sign-in page.
    return (
      <Routes>
        {workerPublicPages.map((p) => (
          <Route key={p.path} path={p.path} element={p.element} />
        ))}
        <Route path="*" element={<WorkerLoginPage expired={state.expired} />} />
      </Routes>
    );
  }
  const tiles = visibleTiles({ isMember: state.me.member !== null, permissions: state.me.permissions });
  return (
    <Routes>
      <Route index element={<WorkerHomePage />} />
      {/* Static hosts and bookmarks sometimes open the page by its file name. */}
      <Route path="index.html" element={<Navigate to="/" replace />} />
      {tiles.map((tile) => (
        <Route
          key={tile.key}
          path={`${tile.path}/*`}
          element={
            <SubPage title={t(tile.labelKey)} base={tile.path}>
              {tile.element}
            </SubPage>
          }
        />
      ))}
      <Route
        path="*"
        element={
          <SubPage title={t('shared:notFound.title')}>
            <ErrorBlock
              status="empty"
              title={t('shared:notFound.title')}
              description={t('shared:notFound.subtitle')}
            />
          </SubPage>
        }
      />
    </Routes>
  );
}

/** The worker app at `/` (mobile first). */
export function WorkerApp() {
  const { i18n } = useTranslation();
  // antd-mobile has no Lao locale: its few component texts fall back to English.
  return (
    <ConfigProvider locale={i18n.language === 'zh-CN' ? zhCN : enUS}>
      <SessionProvider>
        <BrowserRouter>
          <WorkerGate />
        </BrowserRouter>
      </SessionProvider>
    </ConfigProvider>
  );
}

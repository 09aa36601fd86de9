import { FormOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import type { ConsoleRoute } from '../shared/module-registry.ts';

// Pages load on first visit, so the sign-in page does not pay for tables and charts.
const SessionListPage = lazy(() =>
  import('./session-list.page.tsx').then((m) => ({ default: m.SessionListPage })),
);
const HostConsolePage = lazy(() =>
  import('./host-console.page.tsx').then((m) => ({ default: m.HostConsolePage })),
);
const LiveReportPage = lazy(() =>
  import('./live-report.page.tsx').then((m) => ({ default: m.LiveReportPage })),
);
const SurveyListPage = lazy(() =>
  import('./survey-list.page.tsx').then((m) => ({ default: m.SurveyListPage })),
);
const SurveyResultsPage = lazy(() =>
  import('./survey-list.page.tsx').then((m) => ({ default: m.SurveyResultsPage })),
);

function LiveRoutes() {
  return (
    <Routes>
      <Route index element={<SessionListPage />} />
      <Route path=":id" element={<HostConsolePage />} />
      <Route path=":id/report" element={<LiveReportPage />} />
    </Routes>
  );
}

function SurveyRoutes() {
  return (
    <Routes>
      <Route index element={<SurveyListPage />} />
      <Route path=":id" element={<SurveyResultsPage />} />
    </Routes>
  );
}

/** The livestream module's console pages: sessions and the host desk, event reports, surveys. */
export const livestreamConsoleRoutes: ConsoleRoute[] = [
  {
    path: 'live',
    labelKey: 'livestream:menu.sessions',
    icon: <VideoCameraOutlined />,
    anyOf: ['live:manage', 'live:host', 'live:moderate'],
    element: <LiveRoutes />,
    order: 300,
  },
  {
    path: 'surveys',
    labelKey: 'livestream:menu.surveys',
    icon: <FormOutlined />,
    anyOf: ['survey:manage'],
    element: <SurveyRoutes />,
    order: 310,
  },
];

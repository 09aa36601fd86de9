import {
  AimOutlined,
  BankOutlined,
  BarChartOutlined,
  EnvironmentOutlined,
  SafetyOutlined,
  SolutionOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import type { ConsoleRoute } from '../shared/module-registry.ts';
import './employment-console.css';

// Pages load on first visit, so the sign-in page does not pay for tables, boards and charts.
const JobManagePage = lazy(() => import('./job-manage.page.tsx').then((m) => ({ default: m.JobManagePage })));
const ApplicationBoardPage = lazy(() =>
  import('./application-board.page.tsx').then((m) => ({ default: m.ApplicationBoardPage })),
);
const EmployerListPage = lazy(() =>
  import('./employer-list.page.tsx').then((m) => ({ default: m.EmployerListPage })),
);
const ReviewQueuePage = lazy(() =>
  import('./review-queue.page.tsx').then((m) => ({ default: m.ReviewQueuePage })),
);
const ZoneListPage = lazy(() => import('./zone-list.page.tsx').then((m) => ({ default: m.ZoneListPage })));
const ServicePointListPage = lazy(() =>
  import('./service-point-list.page.tsx').then((m) => ({ default: m.ServicePointListPage })),
);
const ProfileListPage = lazy(() =>
  import('./profile-list.page.tsx').then((m) => ({ default: m.ProfileListPage })),
);
const EmploymentOverviewPage = lazy(() =>
  import('./overview.page.tsx').then((m) => ({ default: m.EmploymentOverviewPage })),
);

/** Postings and, below each, its applications board. */
function JobsSection() {
  return (
    <Routes>
      <Route index element={<JobManagePage />} />
      <Route path=":id/board" element={<ApplicationBoardPage />} />
    </Routes>
  );
}

/** The employment module's console pages and their menu entries. */
export const employmentConsoleRoutes: ConsoleRoute[] = [
  {
    path: 'employment',
    labelKey: 'employment:menu.overview',
    icon: <BarChartOutlined />,
    anyOf: ['employment:stats'],
    element: <EmploymentOverviewPage />,
    order: 100,
  },
  {
    path: 'employers',
    labelKey: 'employment:menu.employers',
    icon: <BankOutlined />,
    anyOf: ['employer:read'],
    element: <EmployerListPage />,
    order: 101,
  },
  {
    path: 'jobs',
    labelKey: 'employment:menu.jobs',
    icon: <SolutionOutlined />,
    anyOf: ['job:write'],
    element: <JobsSection />,
    order: 102,
  },
  {
    path: 'job-review',
    labelKey: 'employment:menu.review',
    icon: <SafetyOutlined />,
    anyOf: ['job:review'],
    element: <ReviewQueuePage />,
    order: 103,
  },
  {
    path: 'priority-zones',
    labelKey: 'employment:menu.zones',
    icon: <AimOutlined />,
    anyOf: ['zone:write'],
    element: <ZoneListPage />,
    order: 104,
  },
  {
    path: 'service-points',
    labelKey: 'employment:menu.servicePoints',
    icon: <EnvironmentOutlined />,
    anyOf: ['service-point:write'],
    element: <ServicePointListPage />,
    order: 105,
  },
  {
    path: 'job-seekers',
    labelKey: 'employment:menu.profiles',
    icon: <UserOutlined />,
    anyOf: ['profile:read'],
    element: <ProfileListPage />,
    order: 106,
  },
];

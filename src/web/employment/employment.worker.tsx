import { lazy, type ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import type { WorkerTile } from '../shared/module-registry.ts';
import './employment-worker.css';

// Pages load on first visit, so the home screen does not pay for them.
const JobListPage = lazy(() => import('./job-list.page.tsx').then((m) => ({ default: m.JobListPage })));
const JobDetailPage = lazy(() => import('./job-detail.page.tsx').then((m) => ({ default: m.JobDetailPage })));
const MyApplicationsPage = lazy(() =>
  import('./my-applications.page.tsx').then((m) => ({ default: m.MyApplicationsPage })),
);
const ResumePage = lazy(() => import('./resume.page.tsx').then((m) => ({ default: m.ResumePage })));
const RecommendedPage = lazy(() =>
  import('./recommended.page.tsx').then((m) => ({ default: m.RecommendedPage })),
);
const NotificationsPage = lazy(() =>
  import('./notifications.page.tsx').then((m) => ({ default: m.NotificationsPage })),
);
const ServicePointsPage = lazy(() =>
  import('./service-points.page.tsx').then((m) => ({ default: m.ServicePointsPage })),
);
const RegisterPage = lazy(() => import('./register.page.tsx').then((m) => ({ default: m.RegisterPage })));

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<div className="gy-e-loading" />}>{children}</Suspense>;
}

function Icon({ d }: { d: string }) {
  return (
    <svg width="1em" height="1em" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path d={d} stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

const ICONS = {
  jobs: 'M4 8.5h16v10.5a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 4 19V8.5zM9 8.5V6a1.5 1.5 0 0 1 1.5-1.5h3A1.5 1.5 0 0 1 15 6v2.5M4 13h16',
  recommended: 'M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9L12 3.5z',
  applications: 'M7 3.5h8l4 4v12a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1v-15a1 1 0 0 1 1-1zM9.5 12.5l2 2 3.5-4',
  resume: 'M6 3.5h12a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-15a1 1 0 0 1 1-1zM9 8h6M9 12h6M9 16h4',
  notices: 'M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16zM10 20.5a2 2 0 0 0 4 0',
  points:
    'M12 21s-6.5-6-6.5-11a6.5 6.5 0 0 1 13 0c0 5-6.5 11-6.5 11zM12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
};

/** Workers and job seekers; not the employer side (HR and staff reach postings in the console). */
const seeker = (ctx: { isMember: boolean; permissions: readonly string[] }) =>
  ctx.isMember || !ctx.permissions.includes('application:manage');

function JobsTile() {
  return (
    <Loading>
      <Routes>
        <Route index element={<JobListPage />} />
        <Route path=":id" element={<JobDetailPage />} />
      </Routes>
    </Loading>
  );
}

/** The employment module's tiles on the worker home screen (members and registered job seekers). */
export const employmentWorkerTiles: WorkerTile[] = [
  {
    key: 'jobs',
    path: '/jobs',
    labelKey: 'employment:tile.jobs',
    hintKey: 'employment:tile.jobsHint',
    icon: <Icon d={ICONS.jobs} />,
    color: '#1d5bd8',
    element: <JobsTile />,
    visible: seeker,
    order: 10,
  },
  {
    key: 'recommended',
    path: '/recommended',
    labelKey: 'employment:tile.recommended',
    hintKey: 'employment:tile.recommendedHint',
    icon: <Icon d={ICONS.recommended} />,
    color: '#d46b08',
    element: (
      <Loading>
        <RecommendedPage />
      </Loading>
    ),
    visible: seeker,
    order: 11,
  },
  {
    key: 'applications',
    path: '/applications',
    labelKey: 'employment:tile.applications',
    hintKey: 'employment:tile.applicationsHint',
    icon: <Icon d={ICONS.applications} />,
    color: '#08979c',
    element: (
      <Loading>
        <MyApplicationsPage />
      </Loading>
    ),
    visible: seeker,
    order: 12,
  },
  {
    key: 'resume',
    path: '/resume',
    labelKey: 'employment:tile.resume',
    hintKey: 'employment:tile.resumeHint',
    icon: <Icon d={ICONS.resume} />,
    color: '#531dab',
    element: (
      <Loading>
        <ResumePage />
      </Loading>
    ),
    visible: seeker,
    order: 13,
  },
  {
    key: 'notifications',
    path: '/notifications',
    labelKey: 'employment:tile.notifications',
    hintKey: 'employment:tile.notificationsHint',
    icon: <Icon d={ICONS.notices} />,
    color: '#c41d7f',
    element: (
      <Loading>
        <NotificationsPage />
      </Loading>
    ),
    visible: seeker,
    order: 14,
  },
  {
    key: 'service-points',
    path: '/service-points',
    labelKey: 'employment:tile.servicePoints',
    hintKey: 'employment:tile.servicePointsHint',
    icon: <Icon d={ICONS.points} />,
    color: '#389e0d',
    element: (
      <Loading>
        <ServicePointsPage />
      </Loading>
    ),
    order: 15,
  },
];

/** Open without an account: the sign-in page links to it as 注册找工作. */
export const employmentPublicPages = [
  {
    path: '/register',
    linkKey: 'employment:register.link',
    element: (
      <Loading>
        <RegisterPage />
      </Loading>
    ),
  },
];

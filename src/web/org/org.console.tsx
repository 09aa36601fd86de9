import {
  ApartmentOutlined,
  AuditOutlined,
  DashboardOutlined,
  SafetyOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleRoute } from '../shared/module-registry.ts';

// Pages load on first visit, so the sign-in page does not pay for tables and charts.
const DashboardPage = lazy(() => import('./dashboard.page.tsx').then((m) => ({ default: m.DashboardPage })));
const OrganisationTreePage = lazy(() =>
  import('./organisation-tree.page.tsx').then((m) => ({ default: m.OrganisationTreePage })),
);
const MemberListPage = lazy(() =>
  import('./member-list.page.tsx').then((m) => ({ default: m.MemberListPage })),
);
const AccountListPage = lazy(() =>
  import('./account-list.page.tsx').then((m) => ({ default: m.AccountListPage })),
);
const AuditLogPage = lazy(() => import('./audit-log.page.tsx').then((m) => ({ default: m.AuditLogPage })));

/** The org module's console pages and their menu entries. */
export const orgConsoleRoutes: ConsoleRoute[] = [
  {
    path: '',
    labelKey: 'org:menu.dashboard',
    icon: <DashboardOutlined />,
    anyOf: ['org:read'],
    element: <DashboardPage />,
    order: 0,
  },
  {
    path: 'organisations',
    labelKey: 'org:menu.organisations',
    icon: <ApartmentOutlined />,
    anyOf: ['org:read'],
    element: <OrganisationTreePage />,
    order: 10,
  },
  {
    path: 'members',
    labelKey: 'org:menu.members',
    icon: <TeamOutlined />,
    anyOf: ['member:read'],
    element: <MemberListPage />,
    order: 20,
  },
  {
    path: 'accounts',
    labelKey: 'org:menu.accounts',
    icon: <SafetyOutlined />,
    anyOf: ['account:read'],
    element: <AccountListPage />,
    order: 900,
  },
  {
    path: 'audit',
    labelKey: 'org:menu.audit',
    icon: <AuditOutlined />,
    anyOf: ['audit:read'],
    element: <AuditLogPage />,
    order: 910,
  },
];

import { CarOutlined, FundOutlined, GiftOutlined, ShopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleRoute } from '../shared/module-registry.ts';

// Pages load on first visit, so the sign-in page does not pay for tables and charts.
const CampaignsRoute = lazy(() =>
  import('./campaigns.route.tsx').then((m) => ({ default: m.CampaignsRoute })),
);
const MerchantsRoute = lazy(() =>
  import('./merchant-list.page.tsx').then((m) => ({ default: m.MerchantsRoute })),
);
const RecuperationAdminPage = lazy(() =>
  import('./recuperation-admin.page.tsx').then((m) => ({ default: m.RecuperationAdminPage })),
);
const BenefitsOverviewPage = lazy(() =>
  import('./overview.page.tsx').then((m) => ({ default: m.BenefitsOverviewPage })),
);

/** The benefits module's console pages: campaigns, merchants, recuperation, overview. */
export const benefitsConsoleRoutes: ConsoleRoute[] = [
  {
    path: 'benefits',
    labelKey: 'benefits:menu.overview',
    icon: <FundOutlined />,
    anyOf: ['benefit:read'],
    element: <BenefitsOverviewPage />,
    order: 400,
  },
  {
    path: 'voucher-campaigns',
    labelKey: 'benefits:menu.campaigns',
    icon: <GiftOutlined />,
    anyOf: ['benefit:read'],
    element: <CampaignsRoute />,
    order: 401,
  },
  {
    path: 'partner-merchants',
    labelKey: 'benefits:menu.merchants',
    icon: <ShopOutlined />,
    anyOf: ['benefit:read'],
    element: <MerchantsRoute />,
    order: 402,
  },
  {
    path: 'recuperation',
    labelKey: 'benefits:menu.recuperation',
    icon: <CarOutlined />,
    anyOf: ['benefit:read'],
    element: <RecuperationAdminPage />,
    order: 403,
  },
];

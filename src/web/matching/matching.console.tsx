import { PartitionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleRoute } from '../shared/module-registry.ts';

const AllocationPage = lazy(() =>
  import('./allocation.page.tsx').then((m) => ({ default: m.AllocationPage })),
);

/** The matching module's console pages. */
export const matchingConsoleRoutes: ConsoleRoute[] = [
  {
    path: 'allocation',
    labelKey: 'matching:menu.allocation',
    icon: <PartitionOutlined />,
    anyOf: ['allocation:run'],
    element: <AllocationPage />,
    order: 108,
  },
];

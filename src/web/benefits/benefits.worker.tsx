import { DotLoading } from 'antd-mobile';
import { lazy, type ReactNode, Suspense } from 'react';
import type { WorkerTile } from '../shared/module-registry.ts';

const VouchersPage = lazy(() => import('./vouchers.page.tsx').then((m) => ({ default: m.VouchersPage })));
const RecuperationPage = lazy(() =>
  import('./recuperation.page.tsx').then((m) => ({ default: m.RecuperationPage })),
);
const MerchantRedeemPage = lazy(() =>
  import('./merchant-redeem.page.tsx').then((m) => ({ default: m.MerchantRedeemPage })),
);

function Lazy({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="gy-w-center" style={{ minHeight: 200 }}>
          <DotLoading color="primary" />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

// Plain SVGs keep the worker app free of the console's icon set.
function VoucherIcon() {
  return (
    <svg width="1em" height="1em" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path
        d="M3 7.5A1.5 1.5 0 0 1 4.5 6h15A1.5 1.5 0 0 1 21 7.5V10a2 2 0 0 0 0 4v2.5a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 16.5V14a2 2 0 0 0 0-4V7.5Z"
        stroke="currentColor"
        strokeWidth="1.8"
      />
      <path d="M15 6v12" stroke="currentColor" strokeWidth="1.8" strokeDasharray="2 2" />
      <path d="M7.5 10h4M7.5 14h3" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

function MountainIcon() {
  return (
    <svg width="1em" height="1em" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path
        d="M2.5 19 9 8.5l3.5 5.5 2.5-3.5 6.5 8.5h-19Z"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
      <circle cx="17" cy="6" r="2" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}

function CashierIcon() {
  return (
    <svg width="1em" height="1em" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path d="M4 4h5v5H4zM15 4h5v5h-5zM4 15h5v5H4z" stroke="currentColor" strokeWidth="1.8" />
      <path d="M14 14h2.5v2.5H14zM18 18h2v2h-2zM14 19v1M20 14v1.5" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}

/** The benefits module's tiles: vouchers and recuperation for members, redemption for cashiers. */
export const benefitsWorkerTiles: WorkerTile[] = [
  {
    key: 'vouchers',
    path: '/vouchers',
    labelKey: 'benefits:menu.vouchers',
    hintKey: 'benefits:menu.vouchersHint',
    icon: <VoucherIcon />,
    color: '#e8590c',
    element: (
      <Lazy>
        <VouchersPage />
      </Lazy>
    ),
    visible: ({ isMember }) => isMember,
    order: 40,
  },
  {
    key: 'recuperation',
    path: '/recuperation',
    labelKey: 'benefits:menu.recuperationTile',
    hintKey: 'benefits:menu.recuperationHint',
    icon: <MountainIcon />,
    color: '#2b8a3e',
    element: (
      <Lazy>
        <RecuperationPage />
      </Lazy>
    ),
    visible: ({ isMember }) => isMember,
    order: 41,
  },
  {
    key: 'merchant',
    path: '/merchant',
    labelKey: 'benefits:menu.cashier',
    hintKey: 'benefits:menu.cashierHint',
    icon: <CashierIcon />,
    color: '#1d5bd8',
    element: (
      <Lazy>
        <MerchantRedeemPage />
      </Lazy>
    ),
    visible: ({ permissions }) => permissions.includes('merchant:redeem'),
    order: 42,
  },
];

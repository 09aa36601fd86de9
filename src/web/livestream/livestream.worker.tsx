import { SpinLoading } from 'antd-mobile';
import { lazy, Suspense } from 'react';
import type { WorkerTile } from '../shared/module-registry.ts';
import './livestream.css';

const LiveHomePage = lazy(() => import('./live-home.page.tsx').then((m) => ({ default: m.LiveHomePage })));

function LiveIcon() {
  return (
    <svg width="1em" height="1em" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <rect x="2.5" y="5" width="14" height="14" rx="2.5" stroke="currentColor" strokeWidth="1.8" />
      <path
        d="M16.5 10.2l4.2-2.6v8.8l-4.2-2.6"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
      <circle cx="7" cy="9.5" r="1.5" fill="currentColor" />
    </svg>
  );
}

/** 直播带岗: every signed-in worker and job seeker can watch, apply from the job channel and answer surveys. */
export const livestreamWorkerTiles: WorkerTile[] = [
  {
    key: 'live',
    path: '/live',
    labelKey: 'livestream:menu.worker',
    hintKey: 'livestream:menu.workerHint',
    icon: <LiveIcon />,
    color: '#e8590c',
    element: (
      <Suspense
        fallback={
          <div className="gy-live-loading">
            <SpinLoading color="primary" />
          </div>
        }
      >
        <LiveHomePage />
      </Suspense>
    ),
    order: 20,
  },
];

import type { WorkerTile } from '../shared/module-registry.ts';
import { MyProfilePage } from './my-profile.page.tsx';

// A plain SVG keeps the worker app free of the console's icon set (and its antd dependencies).
function ProfileIcon() {
  return (
    <svg width="1em" height="1em" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <rect x="2.5" y="4.5" width="19" height="15" rx="2.5" stroke="currentColor" strokeWidth="1.8" />
      <circle cx="8.5" cy="11" r="2.3" stroke="currentColor" strokeWidth="1.8" />
      <path
        d="M5 16.5c.7-1.6 2-2.4 3.5-2.4s2.8.8 3.5 2.4"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
      <path d="M14.5 9.5h4M14.5 13h4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

/** The org module's tiles on the worker home screen. */
export const orgWorkerTiles: WorkerTile[] = [
  {
    key: 'profile',
    path: '/profile',
    labelKey: 'org:menu.profile',
    hintKey: 'org:profile.tileHint',
    icon: <ProfileIcon />,
    color: '#c8161d',
    element: <MyProfilePage />,
    order: 0,
  },
];

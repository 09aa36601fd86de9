import type { ReactNode } from 'react';
import { benefitsWorkerTiles } from '../benefits/benefits.worker.tsx';
import { employmentPublicPages, employmentWorkerTiles } from '../employment/employment.worker.tsx';
import { livestreamWorkerTiles } from '../livestream/livestream.worker.tsx';
import { orgWorkerTiles } from '../org/org.worker.tsx';
import type { WorkerTile } from '../shared/module-registry.ts';

/** Home-screen tiles of every module that has a worker service; a new module appends its list here. */
export const workerTiles: WorkerTile[] = [
  ...orgWorkerTiles,
  ...benefitsWorkerTiles,
  ...employmentWorkerTiles,
  ...livestreamWorkerTiles,
].sort((a, b) => a.order - b.order);

export function visibleTiles(ctx: { isMember: boolean; permissions: readonly string[] }): WorkerTile[] {
  return workerTiles.filter((tile) => tile.visible?.(ctx) ?? true);
}

/** A page open without signing in (e.g. registration); the sign-in page links to it. */
export interface WorkerPublicPage {
  path: string;
  /** The sign-in page's link to it; an i18n key with its namespace. */
  linkKey: string;
  element: ReactNode;
}

export const workerPublicPages: WorkerPublicPage[] = [...employmentPublicPages];

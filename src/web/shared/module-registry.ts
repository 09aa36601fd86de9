import type { ReactNode } from 'react';

/**
 * How a module plugs into the two apps without the shells knowing it: the console asks
 * each module for its routes (menu entries), the worker app for its home-screen tiles.
 */
export interface ConsoleRoute {
  /** Relative to `/admin`; `''` is the home page. */
  path: string;
  /** An i18n key with its namespace, e.g. `org:menu.members`. */
  labelKey: string;
  icon: ReactNode;
  /** Shown only to accounts holding any one of these; empty means every console user. */
  anyOf: readonly string[];
  element: ReactNode;
  /** Orders the menu; lower first. */
  order: number;
}

export interface WorkerTile {
  key: string;
  path: string;
  labelKey: string;
  /** A one-line description under the label. */
  hintKey: string;
  icon: ReactNode;
  /** Tile accent, from the product palette. */
  color: string;
  element: ReactNode;
  /** Shown when this returns true for the signed-in account (e.g. only to members). */
  visible?: (ctx: { isMember: boolean; permissions: readonly string[] }) => boolean;
  order: number;
}

import { benefitsConsoleRoutes } from '../benefits/benefits.console.tsx';
import { employmentConsoleRoutes } from '../employment/employment.console.tsx';
import { livestreamConsoleRoutes } from '../livestream/livestream.console.tsx';
import { matchingConsoleRoutes } from '../matching/matching.console.tsx';
import { orgConsoleRoutes } from '../org/org.console.tsx';
import type { ConsoleRoute } from '../shared/module-registry.ts';

/** Every module's console pages; a new module appends its list here. */
export const consoleRoutes: ConsoleRoute[] = [
  ...orgConsoleRoutes,
  ...benefitsConsoleRoutes,
  ...employmentConsoleRoutes,
  ...livestreamConsoleRoutes,
  ...matchingConsoleRoutes,
].sort((a, b) => a.order - b.order);

export function allowedRoutes(permissions: readonly string[]): ConsoleRoute[] {
  const held = new Set(permissions);
  return consoleRoutes.filter((r) => r.anyOf.length === 0 || r.anyOf.some((p) => held.has(p)));
}

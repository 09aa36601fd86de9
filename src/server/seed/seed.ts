import type { App } from '../app.ts';
import { seedBenefits } from '../modules/benefits/index.ts';
import { seedEmployment } from '../modules/employment/index.ts';
import { seedLivestream } from '../modules/livestream/index.ts';
import { systemClock } from '../platform/clock.ts';
import type { Database } from '../platform/db/database.ts';
import { DEMO_PASSWORD, isEmpty, seedOrg } from './org.seed.ts';

/** Seeds every module's demo data, in dependency order, through the modules' services. */
export async function seedDemo(
  app: App,
  database: Database,
  log: (line: string) => void = () => undefined,
): Promise<{ seeded: boolean }> {
  if (!(await isEmpty(database.db))) {
    return { seeded: false };
  }
  // Long work shows progress: one line per module with its time.
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    log(`seeding ${name}…`);
    const result = await work();
    log(`seeded ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };
  const orgIds = await step('organisations, members and accounts', () =>
    seedOrg(database.db, app.modules.org),
  );
  await step('benefits', () => seedBenefits(database.db, app.modules, orgIds, systemClock));
  await step('employment', () =>
    seedEmployment(database.db, app.modules, orgIds, systemClock, { password: DEMO_PASSWORD }),
  );
  await step('livestreams', () =>
    seedLivestream(database.db, app.modules, orgIds, systemClock, { password: DEMO_PASSWORD }),
  );
  return { seeded: true };
}

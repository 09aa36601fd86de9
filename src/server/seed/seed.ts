import type { App } from '../app.ts';
import { seedBenefits } from '../modules/benefits/index.ts';
import { seedEmployment } from '../modules/employment/index.ts';
import { seedLivestream } from '../modules/livestream/index.ts';
import { systemClock } from '../platform/clock.ts';
import type { Database } from '../platform/db/database.ts';
import { DEMO_PASSWORD, isEmpty, seedOrg } from './org.seed.ts';

/** Seeds every module's demo data, in dependency order, through the modules' services. */
export async function seedDemo(app: App, database: Database): Promise<{ seeded: boolean }> {
  if (!(await isEmpty(database.db))) {
    return { seeded: false };
  }
  const orgIds = await seedOrg(database.db, app.modules.org);
  await seedBenefits(database.db, app.modules, orgIds, systemClock);
  await seedEmployment(database.db, app.modules, orgIds, systemClock, { password: DEMO_PASSWORD });
  await seedLivestream(database.db, app.modules, orgIds, systemClock, { password: DEMO_PASSWORD });
  return { seeded: true };
}

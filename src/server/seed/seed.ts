import type { App } from '../app.ts';
import type { Database } from '../platform/db/database.ts';
import { isEmpty, seedOrg } from './org.seed.ts';

/** Seeds every module's demo data, in dependency order, through the modules' services. */
export async function seedDemo(app: App, database: Database): Promise<{ seeded: boolean }> {
  if (!(await isEmpty(database.db))) {
    return { seeded: false };
  }
  await seedOrg(database.db, app.modules.org);
  return { seeded: true };
}

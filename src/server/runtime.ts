import { resolve } from 'node:path';
import { type App, buildApp } from './app.ts';
import { systemClock } from './platform/clock.ts';
import { createFieldCrypto, loadMasterKey } from './platform/crypto.ts';
import { type Database, openDatabase } from './platform/db/database.ts';
import { type Env, readEnv } from './platform/env.ts';
import { createRealtimeBus } from './platform/realtime/bus.ts';

export interface Runtime {
  env: Env;
  database: Database;
  app: App;
  close(): Promise<void>;
}

/** Opens the database (migrating it) and builds the app from the environment: used by every CLI command. */
export async function startRuntime(options: { serveWeb?: boolean; logger?: boolean } = {}): Promise<Runtime> {
  const env = readEnv();
  const dataDir = resolve(env.DATA_DIR);
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
  const crypto = createFieldCrypto(loadMasterKey(env.SECRET_KEY, dataDir));
  const bus = await createRealtimeBus(database);
  const app = await buildApp({
    env,
    database,
    clock: systemClock,
    crypto,
    bus,
    serveWeb: options.serveWeb ?? false,
    logger: options.logger ?? true,
  });
  return {
    env,
    database,
    app,
    async close() {
      await app.server.close();
      await bus.close();
      await database.close();
    },
  };
}

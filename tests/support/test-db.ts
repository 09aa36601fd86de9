import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/server/platform/db/database.ts';
import { withDatabase } from './postgres-template.ts';

/**
 * A fresh database for one test file: in-memory PGlite, or — in the `int-postgres`
 * project — a new PostgreSQL database cloned from the migrated template and dropped after.
 */
export async function createTestDatabase(): Promise<Database> {
  if (process.env.GONGYOU_TEST_DB !== 'postgres') {
    return openDatabase({ dataDir: null });
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error('TEST_DATABASE_URL is not set');
  }
  const template = inject('pgTemplate');
  const name = `${template}_f${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 20 });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

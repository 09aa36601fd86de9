import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/platform/db/database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}

/**
 * Once per run: a database migrated to the latest schema that every PostgreSQL test file
 * clones (CREATE DATABASE … TEMPLATE), so each file gets a fresh, isolated database fast.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error('TEST_DATABASE_URL is not set');
  }
  const template = `gy_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const database = await openDatabase({ databaseUrl: withDatabase(url, template), poolSize: 1 });
  await database.close();
  project.provide('pgTemplate', template);
  return async () => {
    // Drop what the files left behind (a crashed file may not have dropped its own).
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like $1 or datname = $2`,
      [`${template}_f%`, template],
    );
    for (const row of rows) {
      await admin.query(`drop database if exists ${row.datname} with (force)`);
    }
    await admin.end();
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

// Both drivers produce a PgDatabase; services and repositories only ever see this type.
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything a repository can run a query on: the database or an open transaction. */
export type Executor = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Db;
  /** The pg pool when running on a server (LISTEN/NOTIFY needs its own connections). */
  readonly pool: pg.Pool | null;
  readonly pglite: PGlite | null;
  /** The server URL (for LISTEN connections); null on PGlite. */
  readonly url: string | null;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  /** Folder for PGlite's files; `null` keeps the database in memory (tests). */
  dataDir?: string | null;
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  }
  return openPglite(options.dataDir ?? null);
}

async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
  }
  const client = dataDir ? new PGlite(`${dataDir}/pglite`) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client) as unknown as Db;
  await migratePglite(drizzlePglite(client), { migrationsFolder });
  return {
    kind: 'pglite',
    db,
    pool: null,
    pglite: client,
    url: null,
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client whose connection drops (server restart, failover) is discarded by the pool;
  // without a listener the 'error' event would crash the process.
  pool.on('error', () => undefined);
  try {
    await assertDurable(pool);
    await migrateWithLock(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = drizzlePg(pool) as unknown as Db;
  return { kind: 'postgres', db, pool, pglite: null, url, close: () => pool.end() };
}

/** Acknowledged writes must survive a crash: refuse a server that would lose them. */
async function assertDurable(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ name: string; setting: string }>(
    `select name, setting from pg_settings where name in ('fsync', 'synchronous_commit')`,
  );
  const off = unsafeSettings(rows);
  if (off.length > 0) {
    throw new Error(
      `Refusing to start: PostgreSQL has ${off.join(' and ')} off, so acknowledged writes could be lost. ` +
        'Turn them on (postgresql.conf) and restart the server.',
    );
  }
}

/** The durability settings that are off, of those that must be on. */
export function unsafeSettings(rows: readonly { name: string; setting: string }[]): string[] {
  return rows
    .filter((r) => (r.name === 'fsync' || r.name === 'synchronous_commit') && r.setting === 'off')
    .map((r) => r.name);
}

// Several API processes may start at once against one server: one migrates, the others wait.
const MIGRATION_LOCK = 7_204_211;

async function migrateWithLock(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg(client), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

export async function ping(db: Db): Promise<boolean> {
  await db.execute(sql`select 1`);
  return true;
}

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`. */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * An array as one PostgreSQL array literal, for a single parameter such as `unnest($1::uuid[])`
 * (drizzle's `sql` would spread a JS array into a list of parameters).
 */
export function pgArray(values: readonly (string | number | boolean | null)[]): string {
  const element = (v: string | number | boolean | null) =>
    v === null
      ? 'NULL'
      : typeof v === 'string'
        ? `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`
        : typeof v === 'boolean'
          ? v
            ? 't'
            : 'f'
          : String(v);
  return `{${values.map(element).join(',')}}`;
}

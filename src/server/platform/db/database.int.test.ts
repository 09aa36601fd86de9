import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { withDatabase } from '../../../../tests/support/postgres-template.ts';
import { openDatabase, queryRows, unsafeSettings } from './database.ts';

const backend = process.env.GONGYOU_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

describe(`database layer (${backend})`, () => {
  it('knows which settings would lose acknowledged writes', () => {
    expect(
      unsafeSettings([
        { name: 'fsync', setting: 'on' },
        { name: 'synchronous_commit', setting: 'on' },
      ]),
    ).toEqual([]);
    expect(
      unsafeSettings([
        { name: 'fsync', setting: 'off' },
        { name: 'synchronous_commit', setting: 'local' },
      ]),
    ).toEqual(['fsync']);
  });

  if (backend === 'postgres') {
    it('refuses to start on a server with synchronous_commit off', async () => {
      const url = process.env.TEST_DATABASE_URL!;
      const name = `gy_unsafe_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.query(`alter database ${name} set synchronous_commit = off`);
      try {
        await expect(openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 1 })).rejects.toThrow(
          /synchronous_commit off/,
        );
      } finally {
        await admin.query(`drop database ${name} with (force)`);
        await admin.end();
      }
    });

    it('migrates once when several processes start together', async () => {
      const url = process.env.TEST_DATABASE_URL!;
      const name = `gy_race_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      try {
        const opened = await Promise.all(
          [1, 2, 3].map(() => openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 2 })),
        );
        const rows = await queryRows<{ n: number }>(
          opened[0]!.db,
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        );
        expect(rows[0]?.n).toBeGreaterThan(0);
        await Promise.all(opened.map((d) => d.close()));
      } finally {
        await admin.query(`drop database ${name} with (force)`);
        await admin.end();
      }
    });
  } else {
    it('keeps the embedded database in its data folder across restarts', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'gongyou-pglite-'));
      try {
        const first = await openDatabase({ dataDir: dir });
        await first.db.execute(
          sql`insert into audit_log (action, entity, detail) values ('create', 'probe', 'kept')`,
        );
        await first.close();
        const second = await openDatabase({ dataDir: dir });
        const rows = await queryRows<{ detail: string }>(
          second.db,
          sql`select detail from audit_log where entity = 'probe'`,
        );
        expect(rows.map((r) => r.detail)).toEqual(['kept']);
        await second.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
});

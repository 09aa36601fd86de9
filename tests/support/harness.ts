import { randomBytes, randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { type App, buildApp } from '../../src/server/app.ts';
import { organisations } from '../../src/server/modules/org/org.tables.ts';
import type { Role } from '../../src/server/platform/auth/permissions.ts';
import { pathOf, type Scope } from '../../src/server/platform/auth/scope.ts';
import { fixedClock } from '../../src/server/platform/clock.ts';
import { createFieldCrypto } from '../../src/server/platform/crypto.ts';
import { type Database, openDatabase } from '../../src/server/platform/db/database.ts';
import { readEnv } from '../../src/server/platform/env.ts';
import { nationalIdCheckChar } from '../../src/server/platform/identity.ts';
import { createRealtimeBus } from '../../src/server/platform/realtime/bus.ts';
import { systemContext } from '../../src/server/platform/service-context.ts';
import { sortKey } from '../../src/server/platform/sort-key.ts';
import { createTestDatabase } from './test-db.ts';

export const TEST_PASSWORD = 'test-Passw0rd';

/**
 * One app on one fresh database per test file, with an injected clock and factories.
 * Every test makes its own organisations and accounts under the harness root (STYLE.md rule 11).
 */
export async function createHarness(options: { env?: Record<string, string> } = {}) {
  const database: Database = await createTestDatabase();
  const clock = fixedClock(new Date('2026-06-15T02:00:00Z'));
  const env = readEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_PER_MINUTE: '100000',
    ...options.env,
  });
  const crypto = createFieldCrypto(randomBytes(32));
  const bus = await createRealtimeBus(database);
  const app: App = await buildApp({ env, database, clock, crypto, bus, logger: false });
  const others: (() => Promise<void>)[] = [];
  const rootId = randomUUID();
  await database.db.insert(organisations).values({
    id: rootId,
    parentId: null,
    path: pathOf([rootId]),
    depth: 0,
    name: '测试全国总工会',
    nameKey: sortKey('测试全国总工会'),
    kind: 'national',
    divisionCode: null,
  });
  const rootScope = (permission: Scope['permission']): Scope => ({ permission, roots: [pathOf([rootId])] });
  const ctx = systemContext('test');
  let counter = 0;
  const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

  const factory = {
    async org(
      overrides: {
        parentId?: string;
        name?: string;
        kind?: 'province' | 'city' | 'county' | 'grassroots';
      } = {},
    ) {
      return app.modules.org.organisations.create(ctx, rootScope('org:write'), {
        parentId: overrides.parentId ?? rootId,
        name: overrides.name ?? `工会${unique()}`,
        kind: overrides.kind ?? 'city',
      });
    },
    nationalId(gender: 'male' | 'female' = 'male'): string {
      const seq = String(Math.floor(Math.random() * 90) + 10);
      const digit = (Math.floor(Math.random() * 5) * 2 + (gender === 'male' ? 1 : 0)) % 10;
      const first17 = `53282319${String(Math.floor(Math.random() * 30) + 70)}0${Math.floor(Math.random() * 9) + 1}1${Math.floor(Math.random() * 9)}${seq}${digit}`;
      return `${first17}${nationalIdCheckChar(first17)}`;
    },
    async member(
      orgId: string,
      overrides: Partial<{ name: string; phone: string; tags: string[]; trade: string }> = {},
    ) {
      return app.modules.org.members.create(ctx, rootScope('member:write'), {
        orgId,
        name: overrides.name ?? `会员${unique()}`,
        ethnicity: '汉族',
        phone: overrides.phone ?? `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
        nationalId: factory.nationalId(),
        joinDate: '2020-05-01',
        status: 'active',
        tags: overrides.tags ?? [],
        ...(overrides.trade ? { trade: overrides.trade } : {}),
      });
    },
    async account(role: Role, orgId: string, username = `u${unique()}`.toLowerCase()) {
      const id = await app.modules.org.accounts.create(ctx, {
        username,
        displayName: username,
        password: TEST_PASSWORD,
        grants: [{ role, orgId }],
      });
      return { id, username, password: TEST_PASSWORD };
    },
  };

  async function login(username: string, password = TEST_PASSWORD): Promise<string> {
    const res = await app.server.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    if (res.statusCode !== 200) {
      throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    }
    const cookie = res.cookies.find((c) => c.name === 'gy_session');
    if (!cookie) {
      throw new Error('no session cookie');
    }
    return `gy_session=${cookie.value}`;
  }

  /** Makes an account with the role at the organisation and signs it in. */
  async function as(
    role: Role,
    orgId: string,
  ): Promise<{ cookie: string; accountId: string; username: string }> {
    const account = await factory.account(role, orgId);
    return { cookie: await login(account.username), accountId: account.id, username: account.username };
  }

  function request(cookie: string | null, opts: InjectOptions): Promise<LightMyRequestResponse> {
    const headers = { ...(opts.headers ?? {}), ...(cookie ? { cookie } : {}) };
    return app.server.inject({ ...opts, headers });
  }

  return {
    app,
    database,
    db: database.db,
    clock,
    rootId,
    rootScope,
    ctx,
    factory,
    login,
    as,
    request,
    bus,
    /**
     * A second API process on the same PostgreSQL: its own connection pool, bus (LISTEN
     * connection) and per-process caches, the same keys and settings, its clock starting at this
     * one's time. Null on PGlite, which is one process by nature (tests then run their
     * assertions against the one app). Closed with the harness.
     */
    async secondProcess(options: { poolSize?: number } = {}): Promise<App | null> {
      if (!database.url) {
        return null;
      }
      const otherDatabase = await openDatabase({
        databaseUrl: database.url,
        poolSize: options.poolSize ?? 3,
      });
      const otherBus = await createRealtimeBus(otherDatabase);
      const other = await buildApp({
        env,
        database: otherDatabase,
        bus: otherBus,
        clock: fixedClock(clock.now()),
        crypto,
        logger: false,
      });
      others.push(async () => {
        await other.server.close();
        await otherBus.close();
        await otherDatabase.close();
      });
      return other;
    },
    async close() {
      for (const closeOther of others.splice(0)) {
        await closeOther();
      }
      await app.server.close();
      await bus.close();
      await database.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

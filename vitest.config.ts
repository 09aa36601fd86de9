import { defineConfig } from 'vitest/config';

// Test tiers by suffix (STYLE.md rule 10):
//   *.test.ts      pure logic, no I/O
//   *.int.test.ts  services and routes on a real database — run on PGlite, and again on
//                  PostgreSQL when TEST_DATABASE_URL names a server (scripts/test-all.sh starts one)
//   tests/e2e/*.e2e.ts  journeys in a real browser against a running server
const intFiles = ['src/**/*.int.test.ts'];
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
const withBrowser = process.env.GONGYOU_E2E === '1';

export default defineConfig({
  test: {
    env: { TZ: process.env.TZ ?? 'UTC' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: intFiles,
        },
      },
      {
        test: {
          name: 'int-pglite',
          include: intFiles,
          env: { GONGYOU_TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(withPostgres
        ? [
            {
              test: {
                name: 'int-postgres',
                include: intFiles,
                env: { GONGYOU_TEST_DB: 'postgres' },
                globalSetup: ['tests/support/postgres-template.ts'],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      ...(withBrowser
        ? [
            {
              test: {
                name: 'e2e',
                include: ['tests/e2e/**/*.e2e.ts'],
                globalSetup: ['tests/support/e2e-server.ts'],
                fileParallelism: false,
                testTimeout: 90_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
    ],
  },
});

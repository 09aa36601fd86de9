import { defineConfig } from 'drizzle-kit';

// Tables live with their module (`*.tables.ts`); migrations are generated from them and committed.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/server/platform/**/*.tables.ts', './src/server/modules/**/*.tables.ts'],
  out: './src/server/platform/db/migrations',
});

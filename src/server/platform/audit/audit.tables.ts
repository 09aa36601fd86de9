import { bigserial, index, inet, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Append-only: a trigger (migration 0001) refuses UPDATE and DELETE on this table.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorAccountId: uuid('actor_account_id'),
    actorUsername: text('actor_username'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    orgId: uuid('org_id'),
    orgPath: text('org_path'),
    before: jsonb('before'),
    after: jsonb('after'),
    detail: text('detail'),
    requestId: text('request_id'),
    ip: inet('ip'),
  },
  (t) => [index('audit_log_org_path_idx').on(t.orgPath, t.id), index('audit_log_at_idx').on(t.at)],
);

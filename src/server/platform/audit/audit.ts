import { and, desc, eq, gte, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Scope } from '../auth/scope.ts';
import type { Executor } from '../db/database.ts';
import { inScope } from '../db/scope-sql.ts';
import { auditLog } from './audit.tables.ts';

export type AuditAction =
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'denied'
  | 'read_sensitive'
  | 'create'
  | 'update'
  | 'delete'
  | 'move'
  | 'close'
  | 'import'
  | 'export'
  | 'grant'
  | 'revoke'
  | 'unlock';

export interface AuditEntry {
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  orgId?: string | null;
  orgPath?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: string | null;
}

/** Who is acting and from where; passed from the route to the service. */
export interface AuditContext {
  accountId: string | null;
  username: string | null;
  requestId: string | null;
  ip: string | null;
}

function auditRow(ctx: AuditContext, entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
    actorAccountId: ctx.accountId,
    actorUsername: ctx.username,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    orgId: entry.orgId ?? null,
    orgPath: entry.orgPath ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    detail: entry.detail ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
}

/** Writes go through the caller's transaction, so the audit row commits or rolls back with the change. */
export async function recordAudit(executor: Executor, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await executor.insert(auditLog).values(auditRow(ctx, entry));
}

/** Several entries in one statement (a group commit writes many requests' changes at once). */
export async function recordAudits(
  executor: Executor,
  entries: { ctx: AuditContext; entry: AuditEntry }[],
): Promise<void> {
  if (entries.length > 0) {
    await executor.insert(auditLog).values(entries.map(({ ctx, entry }) => auditRow(ctx, entry)));
  }
}

export interface AuditQuery {
  action?: string | undefined;
  entity?: string | undefined;
  actor?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeId?: number | undefined;
  limit: number;
}

export type AuditRecord = typeof auditLog.$inferSelect;

/** The audit admin sees entries about organisations in its subtree, and its subtree's own logins. */
export async function listAudit(executor: Executor, scope: Scope, query: AuditQuery): Promise<AuditRecord[]> {
  const conditions: SQL[] = [];
  const scoped = inScope(auditLog.orgPath, scope);
  conditions.push(scoped);
  if (query.action) {
    conditions.push(eq(auditLog.action, query.action));
  }
  if (query.entity) {
    conditions.push(eq(auditLog.entity, query.entity));
  }
  if (query.actor) {
    conditions.push(eq(auditLog.actorUsername, query.actor));
  }
  if (query.from) {
    conditions.push(gte(auditLog.at, query.from));
  }
  if (query.to) {
    conditions.push(lte(auditLog.at, query.to));
  }
  if (query.beforeId !== undefined) {
    conditions.push(lt(auditLog.id, query.beforeId));
  }
  return executor
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(query.limit);
}

export async function countAudit(executor: Executor, action: string, entityId?: string): Promise<number> {
  const rows = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(
      entityId
        ? and(eq(auditLog.action, action), eq(auditLog.entityId, entityId))
        : or(eq(auditLog.action, action)),
    );
  return rows[0]?.n ?? 0;
}

import { and, asc, eq, gt, ilike, isNull, like, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Scope } from '../../platform/auth/scope.ts';
import { type Executor, queryRows } from '../../platform/db/database.ts';
import { escapeLike, inScope } from '../../platform/db/scope-sql.ts';
import type { Cursor } from '../../platform/http/pagination.ts';
import { accounts, members, organisations, roleGrants, sessions } from './org.tables.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
export type MemberRow = typeof members.$inferSelect;
export type AccountRow = typeof accounts.$inferSelect;

// ── organisations ────────────────────────────────────────────────────────────

const orgColumns = {
  id: organisations.id,
  parentId: organisations.parentId,
  path: organisations.path,
  depth: organisations.depth,
  name: organisations.name,
  nameKey: organisations.nameKey,
  kind: organisations.kind,
  divisionCode: organisations.divisionCode,
  status: organisations.status,
  // Qualified by hand: in a single-table select Drizzle renders columns unqualified, which
  // inside the subquery would bind to the subquery's own table.
  childCount: sql<number>`(select count(*)::int from ${organisations} c where c.parent_id = "organisations"."id" and c.status = 'active')`,
  memberCount: sql<number>`(select count(*)::int from ${members} m where m.org_id = "organisations"."id" and m.status = 'active')`,
};

export type OrganisationListRow = Awaited<ReturnType<typeof listOrganisations>>[number];

export function listOrganisations(
  executor: Executor,
  scope: Scope,
  filter: { parentId?: string | undefined; q?: string | undefined; includeClosed?: boolean },
) {
  const conditions: SQL[] = [inScope(organisations.path, scope)];
  if (filter.parentId) {
    conditions.push(eq(organisations.parentId, filter.parentId));
  }
  if (filter.q) {
    conditions.push(ilike(organisations.name, `%${escapeLike(filter.q)}%`));
  }
  if (!filter.includeClosed) {
    conditions.push(eq(organisations.status, 'active'));
  }
  return executor
    .select(orgColumns)
    .from(organisations)
    .where(and(...conditions))
    .orderBy(asc(organisations.depth), asc(organisations.nameKey))
    .limit(5000);
}

export async function findOrganisation(executor: Executor, id: string): Promise<OrganisationRow | undefined> {
  const rows = await executor.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return rows[0];
}

export async function findOrganisationByName(
  executor: Executor,
  name: string,
): Promise<OrganisationRow | undefined> {
  const rows = await executor.select().from(organisations).where(eq(organisations.name, name)).limit(1);
  return rows[0];
}

/** The shallowest active organisation with this GB/T 2260 division code (e.g. the province union). */
export async function findOrganisationByDivision(
  executor: Executor,
  divisionCode: string,
): Promise<OrganisationRow | undefined> {
  const rows = await executor
    .select()
    .from(organisations)
    .where(and(eq(organisations.divisionCode, divisionCode), eq(organisations.status, 'active')))
    .orderBy(asc(organisations.depth))
    .limit(1);
  return rows[0];
}

export async function findRootOrganisation(executor: Executor): Promise<OrganisationRow | undefined> {
  const rows = await executor.select().from(organisations).where(isNull(organisations.parentId)).limit(1);
  return rows[0];
}

export async function lockOrganisation(executor: Executor, id: string): Promise<OrganisationRow | undefined> {
  const rows = await executor
    .select()
    .from(organisations)
    .where(eq(organisations.id, id))
    .for('update')
    .limit(1);
  return rows[0];
}

export async function insertOrganisation(
  executor: Executor,
  values: {
    id: string;
    parentId: string | null;
    path: string;
    depth: number;
    name: string;
    nameKey: string;
    kind: string;
    divisionCode: string | null;
  },
): Promise<OrganisationRow> {
  const rows = await executor.insert(organisations).values(values).returning();
  return rows[0]!;
}

export async function siblingNameTaken(
  executor: Executor,
  parentId: string | null,
  name: string,
  exceptId?: string,
) {
  const rows = await executor
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        parentId ? eq(organisations.parentId, parentId) : isNull(organisations.parentId),
        eq(organisations.name, name),
        eq(organisations.status, 'active'),
        exceptId ? ne(organisations.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function renameOrganisation(
  executor: Executor,
  id: string,
  name: string,
  nameKey: string,
  now: Date,
) {
  await executor.update(organisations).set({ name, nameKey, updatedAt: now }).where(eq(organisations.id, id));
}

/** Moves a whole subtree by rewriting the path prefix of every descendant in one statement. */
export async function moveSubtree(
  executor: Executor,
  org: { id: string; path: string; depth: number },
  parent: { id: string; path: string; depth: number },
  now: Date,
) {
  const newPath = `${parent.path}${org.id}/`;
  const depthShift = parent.depth + 1 - org.depth;
  await executor
    .update(organisations)
    .set({
      path: sql`${newPath} || substr(${organisations.path}, ${org.path.length + 1})`,
      depth: sql`${organisations.depth} + ${depthShift}`,
      updatedAt: now,
    })
    .where(like(organisations.path, `${escapeLike(org.path)}%`));
  await executor.update(organisations).set({ parentId: parent.id }).where(eq(organisations.id, org.id));
}

export async function subtreeActiveCounts(executor: Executor, path: string, selfId: string) {
  const rows = await executor
    .select({
      children: sql<number>`(select count(*)::int from ${organisations} o where o.path like ${`${escapeLike(path)}%`} and o.id <> ${selfId} and o.status = 'active')`,
      members: sql<number>`(select count(*)::int from ${members} m join ${organisations} o on o.id = m.org_id where o.path like ${`${escapeLike(path)}%`} and m.status = 'active')`,
    })
    .from(sql`(select 1) as one`);
  return rows[0] ?? { children: 0, members: 0 };
}

export async function closeOrganisation(executor: Executor, id: string, now: Date) {
  await executor
    .update(organisations)
    .set({ status: 'closed', closedAt: now, updatedAt: now })
    .where(eq(organisations.id, id));
}

// ── members ──────────────────────────────────────────────────────────────────

const memberColumns = {
  id: members.id,
  orgId: members.orgId,
  orgName: organisations.name,
  orgPath: organisations.path,
  name: members.name,
  nameKey: members.nameKey,
  gender: members.gender,
  ethnicity: members.ethnicity,
  phone: members.phone,
  idCipher: members.idCipher,
  idMasked: members.idMasked,
  birthDate: members.birthDate,
  trade: members.trade,
  joinDate: members.joinDate,
  status: members.status,
  tags: members.tags,
  accountId: members.accountId,
};

export type MemberListRow = Awaited<ReturnType<typeof findMember>> & {};

export interface MemberFilter {
  q?: string | undefined;
  orgPath?: string | undefined;
  status?: string | undefined;
  gender?: string | undefined;
  tag?: string | undefined;
}

function memberConditions(scope: Scope, filter: MemberFilter): SQL[] {
  const conditions: SQL[] = [inScope(organisations.path, scope)];
  if (filter.orgPath) {
    conditions.push(like(organisations.path, `${escapeLike(filter.orgPath)}%`));
  }
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(
      or(ilike(members.name, pattern), like(members.phone, pattern), ilike(members.trade, pattern))!,
    );
  }
  if (filter.status) {
    conditions.push(eq(members.status, filter.status));
  }
  if (filter.gender) {
    conditions.push(eq(members.gender, filter.gender));
  }
  if (filter.tag) {
    conditions.push(sql`${filter.tag} = any(${members.tags})`);
  }
  return conditions;
}

/** Members in scope, ordered by pinyin name key then id, keyset-paginated. */
export function listMembers(
  executor: Executor,
  scope: Scope,
  filter: MemberFilter,
  page: { after: Cursor | null; limit: number },
) {
  const conditions = memberConditions(scope, filter);
  if (page.after) {
    conditions.push(
      or(
        gt(members.nameKey, page.after.key),
        and(eq(members.nameKey, page.after.key), gt(members.id, page.after.id)),
      )!,
    );
  }
  return executor
    .select(memberColumns)
    .from(members)
    .innerJoin(organisations, eq(organisations.id, members.orgId))
    .where(and(...conditions))
    .orderBy(asc(members.nameKey), asc(members.id))
    .limit(page.limit);
}

export async function countMembers(
  executor: Executor,
  scope: Scope,
  filter: MemberFilter = {},
): Promise<number> {
  const rows = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(members)
    .innerJoin(organisations, eq(organisations.id, members.orgId))
    .where(and(...memberConditions(scope, filter)));
  return rows[0]?.n ?? 0;
}

export async function findMember(executor: Executor, id: string) {
  const rows = await executor
    .select(memberColumns)
    .from(members)
    .innerJoin(organisations, eq(organisations.id, members.orgId))
    .where(eq(members.id, id))
    .limit(1);
  return rows[0];
}

export async function findMemberByAccount(executor: Executor, accountId: string) {
  const rows = await executor
    .select(memberColumns)
    .from(members)
    .innerJoin(organisations, eq(organisations.id, members.orgId))
    .where(eq(members.accountId, accountId))
    .limit(1);
  return rows[0];
}

export async function memberIdHashExists(executor: Executor, idHash: string): Promise<boolean> {
  const rows = await executor
    .select({ id: members.id })
    .from(members)
    .where(eq(members.idHash, idHash))
    .limit(1);
  return rows.length > 0;
}

export type NewMember = typeof members.$inferInsert;

export async function insertMembers(executor: Executor, rows: NewMember[]): Promise<string[]> {
  if (rows.length === 0) {
    return [];
  }
  const inserted = await executor.insert(members).values(rows).returning({ id: members.id });
  return inserted.map((r) => r.id);
}

export async function updateMember(executor: Executor, id: string, patch: Partial<NewMember>) {
  await executor.update(members).set(patch).where(eq(members.id, id));
}

// ── accounts, grants, sessions ───────────────────────────────────────────────

export async function findAccountByLogin(executor: Executor, login: string): Promise<AccountRow | undefined> {
  const rows = await executor
    .select()
    .from(accounts)
    .where(or(eq(accounts.username, login), eq(accounts.phone, login)))
    .limit(1);
  return rows[0];
}

export async function findAccount(executor: Executor, id: string): Promise<AccountRow | undefined> {
  const rows = await executor.select().from(accounts).where(eq(accounts.id, id)).limit(1);
  return rows[0];
}

export async function insertAccount(
  executor: Executor,
  values: typeof accounts.$inferInsert,
): Promise<AccountRow> {
  const rows = await executor.insert(accounts).values(values).returning();
  return rows[0]!;
}

export async function usernameOrPhoneTaken(executor: Executor, username: string, phone: string | null) {
  const rows = await executor
    .select({ id: accounts.id })
    .from(accounts)
    .where(or(eq(accounts.username, username), phone ? eq(accounts.phone, phone) : undefined))
    .limit(1);
  return rows.length > 0;
}

/** Counts a failed sign-in atomically and locks the account once the limit is reached. */
export async function recordLoginFailure(
  executor: Executor,
  id: string,
  maxFailures: number,
  lockUntil: Date,
) {
  const rows = await executor
    .update(accounts)
    .set({
      failedAttempts: sql`${accounts.failedAttempts} + 1`,
      lockedUntil: sql`case when ${accounts.failedAttempts} + 1 >= ${maxFailures} then ${lockUntil.toISOString()}::timestamptz else ${accounts.lockedUntil} end`,
    })
    .where(eq(accounts.id, id))
    .returning({ failedAttempts: accounts.failedAttempts, lockedUntil: accounts.lockedUntil });
  return rows[0];
}

export async function recordLoginSuccess(executor: Executor, id: string, now: Date) {
  await executor
    .update(accounts)
    .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now })
    .where(eq(accounts.id, id));
}

export async function unlockAccount(executor: Executor, id: string) {
  await executor.update(accounts).set({ failedAttempts: 0, lockedUntil: null }).where(eq(accounts.id, id));
}

export async function setPassword(executor: Executor, id: string, passwordHash: string, now: Date) {
  await executor.update(accounts).set({ passwordHash, passwordChangedAt: now }).where(eq(accounts.id, id));
}

export function grantsOf(executor: Executor, accountIds: string[]) {
  if (accountIds.length === 0) {
    return Promise.resolve([]);
  }
  return executor
    .select({
      id: roleGrants.id,
      accountId: roleGrants.accountId,
      role: roleGrants.role,
      orgId: roleGrants.orgId,
      orgPath: organisations.path,
      orgName: organisations.name,
    })
    .from(roleGrants)
    .innerJoin(organisations, eq(organisations.id, roleGrants.orgId))
    .where(sql`${roleGrants.accountId} in ${accountIds}`)
    .orderBy(asc(organisations.depth), asc(roleGrants.grantedAt));
}

export async function insertGrant(executor: Executor, values: typeof roleGrants.$inferInsert) {
  const rows = await executor.insert(roleGrants).values(values).onConflictDoNothing().returning();
  return rows[0];
}

export async function findGrant(executor: Executor, id: string) {
  const rows = await executor.select().from(roleGrants).where(eq(roleGrants.id, id)).limit(1);
  return rows[0];
}

export async function deleteGrant(executor: Executor, id: string) {
  await executor.delete(roleGrants).where(eq(roleGrants.id, id));
}

/** Accounts holding at least one role inside the scope. */
export function listAccountsInScope(executor: Executor, scope: Scope, q: string | undefined) {
  return executor
    .selectDistinct({
      id: accounts.id,
      username: accounts.username,
      displayName: accounts.displayName,
      phone: accounts.phone,
      status: accounts.status,
      lockedUntil: accounts.lockedUntil,
      lastLoginAt: accounts.lastLoginAt,
    })
    .from(accounts)
    .innerJoin(roleGrants, eq(roleGrants.accountId, accounts.id))
    .innerJoin(organisations, eq(organisations.id, roleGrants.orgId))
    .where(
      and(
        inScope(organisations.path, scope),
        q
          ? or(
              ilike(accounts.username, `%${escapeLike(q)}%`),
              ilike(accounts.displayName, `%${escapeLike(q)}%`),
            )
          : undefined,
      ),
    )
    .orderBy(asc(accounts.username))
    .limit(500);
}

export async function insertSession(executor: Executor, values: typeof sessions.$inferInsert) {
  await executor.insert(sessions).values(values);
}

export async function findLiveSession(executor: Executor, tokenHash: string, now: Date) {
  const rows = await executor
    .select({
      id: sessions.id,
      accountId: sessions.accountId,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      username: accounts.username,
      displayName: accounts.displayName,
      status: accounts.status,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  return rows[0];
}

/**
 * Everything a request needs about its session in one statement: the session, its account,
 * the member record linked to it and its role grants (closest to the root first).
 */
type SessionGrant = { role: string; orgId: string; orgPath: string; orgName: string };

export async function findSessionActor(executor: Executor, tokenHash: string, now: Date) {
  const rows = await queryRows<{
    id: string;
    accountId: string;
    lastSeenAt: Date | string;
    username: string;
    displayName: string;
    status: string;
    memberId: string | null;
    grants: SessionGrant[] | string;
  }>(
    executor,
    sql`select s.id, s.account_id as "accountId", s.last_seen_at as "lastSeenAt",
        a.username, a.display_name as "displayName", a.status,
        (select m.id from ${members} m where m.account_id = s.account_id limit 1) as "memberId",
        coalesce((select json_agg(json_build_object('role', g.role, 'orgId', g.org_id, 'orgPath', o.path, 'orgName', o.name)
                                  order by o.depth, g.granted_at)
                  from ${roleGrants} g join ${organisations} o on o.id = g.org_id
                  where g.account_id = s.account_id), '[]'::json) as "grants"
      from ${sessions} s join ${accounts} a on a.id = s.account_id
      where s.token_hash = ${tokenHash} and s.revoked_at is null and s.expires_at > ${now.toISOString()}::timestamptz
      limit 1`,
  );
  const row = rows[0];
  if (!row) {
    return undefined;
  }
  return {
    ...row,
    lastSeenAt: new Date(row.lastSeenAt),
    grants: typeof row.grants === 'string' ? (JSON.parse(row.grants) as SessionGrant[]) : row.grants,
  };
}

export async function touchSession(executor: Executor, id: string, now: Date) {
  await executor.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

export async function revokeSession(executor: Executor, id: string, now: Date) {
  await executor.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, id));
}

export async function revokeAccountSessions(executor: Executor, accountId: string, now: Date) {
  await executor
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt)));
}

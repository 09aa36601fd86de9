import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.ts';
import { hashPassword, passwordMeetsPolicy, verifyPassword } from '../../platform/auth/password.ts';
import { PERMISSIONS, type Permission, type Role, roleHas } from '../../platform/auth/permissions.ts';
import { type Actor, type Scope, scopeIncludes } from '../../platform/auth/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { violatesSeparationOfDuties } from './org.policies.ts';
import * as repo from './org.repository.ts';
import type { AccountView } from './org.schemas.ts';

export interface AccountServiceDeps {
  db: Db;
  clock: Clock;
  /** Drops cached sessions of these accounts in every API process (platform/auth/session-cache.ts). */
  forgetSessions?: (accountIds: string[]) => Promise<void>;
  policy: {
    sessionIdleMinutes: number;
    sessionMaxHours: number;
    maxFailures: number;
    lockMinutes: number;
  };
}

// A hash to verify against when the login name is unknown, so both paths take the same time.
const decoyHash = hashPassword(randomBytes(16).toString('hex'));

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function createAccountService({ db, clock, policy, forgetSessions }: AccountServiceDeps) {
  const forget = (accountId: string) => forgetSessions?.([accountId]) ?? Promise.resolve();
  async function loadGrants(accountId: string) {
    return (await repo.grantsOf(db, [accountId])).map((g) => ({
      id: g.id,
      role: g.role as Role,
      orgId: g.orgId,
      orgPath: g.orgPath,
      orgName: g.orgName,
    }));
  }

  async function toView(rows: Awaited<ReturnType<typeof repo.listAccountsInScope>>): Promise<AccountView[]> {
    const grants = await repo.grantsOf(
      db,
      rows.map((r) => r.id),
    );
    const now = clock.now();
    return rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.displayName,
      phone: r.phone,
      status: r.status as AccountView['status'],
      locked: r.lockedUntil !== null && r.lockedUntil > now,
      lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
      grants: grants
        .filter((g) => g.accountId === r.id)
        .map((g) => ({ id: g.id, role: g.role as Role, orgId: g.orgId, orgName: g.orgName })),
    }));
  }

  async function accountInScope(scope: Scope, id: string) {
    const account = await repo.findAccount(db, id);
    const grants = account ? await repo.grantsOf(db, [id]) : [];
    if (!account || !grants.some((g) => scopeIncludes(scope, g.orgPath))) {
      throw new AppError('org/account-not-found');
    }
    return { account, grants };
  }

  return {
    /** Signs in by username or phone. Returns the session token to set as a cookie. */
    async login(
      ctx: ServiceContext,
      login: string,
      password: string,
    ): Promise<{ token: string; accountId: string }> {
      const account = await repo.findAccountByLogin(db, login);
      const now = clock.now();
      if (!account) {
        await verifyPassword(await decoyHash, password);
        await recordAudit(db, ctx.audit, {
          action: 'login_failed',
          entity: 'account',
          detail: 'unknown login',
        });
        throw new AppError('auth/invalid-credentials', { field: 'body.username' });
      }
      const grants = await loadGrants(account.id);
      const where = { orgId: grants[0]?.orgId ?? null, orgPath: grants[0]?.orgPath ?? null };
      const auditCtx = { ...ctx.audit, accountId: account.id, username: account.username };
      if (account.lockedUntil && account.lockedUntil > now) {
        await recordAudit(db, auditCtx, {
          action: 'login_failed',
          entity: 'account',
          entityId: account.id,
          ...where,
          detail: 'locked',
        });
        const minutes = Math.max(1, Math.ceil((account.lockedUntil.getTime() - now.getTime()) / 60_000));
        throw new AppError('auth/locked', { params: { minutes } });
      }
      if (account.status !== 'active') {
        await recordAudit(db, auditCtx, {
          action: 'login_failed',
          entity: 'account',
          entityId: account.id,
          ...where,
          detail: 'disabled',
        });
        throw new AppError('auth/account-disabled');
      }
      if (!(await verifyPassword(account.passwordHash, password))) {
        const lockUntil = new Date(now.getTime() + policy.lockMinutes * 60_000);
        const after = await repo.recordLoginFailure(db, account.id, policy.maxFailures, lockUntil);
        await recordAudit(db, auditCtx, {
          action: 'login_failed',
          entity: 'account',
          entityId: account.id,
          ...where,
          detail: `wrong password (${after?.failedAttempts ?? '?'} in a row)`,
        });
        if (after?.lockedUntil && after.lockedUntil > now) {
          throw new AppError('auth/locked', { params: { minutes: policy.lockMinutes } });
        }
        throw new AppError('auth/invalid-credentials', { field: 'body.password' });
      }
      const token = randomBytes(32).toString('base64url');
      await db.transaction(async (tx) => {
        await repo.recordLoginSuccess(tx, account.id, now);
        await repo.insertSession(tx, {
          tokenHash: tokenHash(token),
          accountId: account.id,
          createdAt: now,
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + policy.sessionMaxHours * 3_600_000),
        });
        await recordAudit(tx, auditCtx, {
          action: 'login',
          entity: 'account',
          entityId: account.id,
          ...where,
        });
      });
      return { token, accountId: account.id };
    },

    /**
     * Resolves a session cookie to the actor (one statement: session, account, member link and
     * grants), sliding the idle timeout; null when expired or revoked.
     */
    async resolveSession(token: string): Promise<Actor | null> {
      if (token.length < 20 || token.length > 100) {
        return null;
      }
      const now = clock.now();
      const session = await repo.findSessionActor(db, tokenHash(token), now);
      if (session?.status !== 'active') {
        return null;
      }
      if (now.getTime() - session.lastSeenAt.getTime() > policy.sessionIdleMinutes * 60_000) {
        await repo.revokeSession(db, session.id, now);
        return null;
      }
      if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
        await repo.touchSession(db, session.id, now);
      }
      return {
        accountId: session.accountId,
        username: session.username,
        displayName: session.displayName,
        sessionId: session.id,
        memberId: session.memberId,
        grants: session.grants.map((g) => ({
          role: g.role as Role,
          orgId: g.orgId,
          orgPath: g.orgPath,
          orgName: g.orgName,
        })),
      };
    },

    async logout(ctx: ServiceContext, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        await repo.revokeSession(tx, actor.sessionId, clock.now());
        await recordAudit(tx, ctx.audit, {
          action: 'logout',
          entity: 'account',
          entityId: actor.accountId,
          orgId: actor.grants[0]?.orgId ?? null,
          orgPath: actor.grants[0]?.orgPath ?? null,
        });
      });
      await forget(actor.accountId);
    },

    permissionsOf(actor: Actor): Permission[] {
      return PERMISSIONS.filter((p) => actor.grants.some((g) => roleHas(g.role, p)));
    },

    async changePassword(ctx: ServiceContext, actor: Actor, current: string, next: string): Promise<void> {
      const account = await repo.findAccount(db, actor.accountId);
      if (!account || !(await verifyPassword(account.passwordHash, current))) {
        throw new AppError('auth/wrong-password', { field: 'body.currentPassword' });
      }
      if (!passwordMeetsPolicy(next, account.username)) {
        throw new AppError('auth/weak-password', { field: 'body.newPassword' });
      }
      const hash = await hashPassword(next);
      await db.transaction(async (tx) => {
        await repo.setPassword(tx, account.id, hash, clock.now());
        await repo.revokeAccountSessions(tx, account.id, clock.now());
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'account',
          entityId: account.id,
          detail: 'password changed',
        });
      });
      await forget(account.id);
    },

    /**
     * Creates an account with an optional first role. Used by the system admin (no role),
     * by self-registration (member-less job seekers) and by the seed.
     */
    async create(
      ctx: ServiceContext,
      input: {
        username: string;
        displayName: string;
        phone?: string | undefined;
        password: string;
        grants?: { role: Role; orgId: string }[];
      },
    ): Promise<string> {
      if (!passwordMeetsPolicy(input.password, input.username)) {
        throw new AppError('auth/weak-password', { field: 'body.password' });
      }
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        if (await repo.usernameOrPhoneTaken(tx, input.username, input.phone ?? null)) {
          throw new AppError('org/username-taken', { field: 'body.username' });
        }
        const account = await repo.insertAccount(tx, {
          username: input.username,
          displayName: input.displayName,
          phone: input.phone ?? null,
          passwordHash,
        });
        for (const grant of input.grants ?? []) {
          await repo.insertGrant(tx, {
            accountId: account.id,
            role: grant.role,
            orgId: grant.orgId,
            grantedBy: ctx.audit.accountId,
          });
        }
        const first = input.grants?.[0] ? await repo.findOrganisation(tx, input.grants[0].orgId) : undefined;
        await recordAudit(tx, ctx.audit, {
          action: 'create',
          entity: 'account',
          entityId: account.id,
          orgId: first?.id ?? null,
          orgPath: first?.path ?? null,
          after: { username: account.username, displayName: account.displayName, grants: input.grants ?? [] },
        });
        return account.id;
      });
    },

    async list(scope: Scope, q: string | undefined): Promise<AccountView[]> {
      return toView(await repo.listAccountsInScope(db, scope, q));
    },

    /** The system admin creates an account kept at an organisation in scope, with the member role there. */
    async createInScope(
      ctx: ServiceContext,
      scope: Scope,
      input: {
        username: string;
        displayName: string;
        phone?: string | undefined;
        password: string;
        orgId: string;
      },
    ): Promise<AccountView> {
      const org = await repo.findOrganisation(db, input.orgId);
      if (!org || !scopeIncludes(scope, org.path)) {
        throw new AppError('org/organisation-not-found', { field: 'body.orgId' });
      }
      const id = await this.create(ctx, { ...input, grants: [{ role: 'member', orgId: org.id }] });
      return (
        await toView((await repo.listAccountsInScope(db, scope, input.username)).filter((a) => a.id === id))
      )[0]!;
    },

    /** The security admin grants a role at an organisation in scope; 三员分立 is enforced here. */
    async grant(
      ctx: ServiceContext,
      scope: Scope,
      accountId: string,
      role: Role,
      orgId: string,
    ): Promise<AccountView> {
      await accountInScope(scope, accountId);
      const org = await repo.findOrganisation(db, orgId);
      if (!org || !scopeIncludes(scope, org.path)) {
        throw new AppError('org/organisation-not-found', { field: 'body.orgId' });
      }
      if (ctx.actor?.accountId === accountId) {
        throw new AppError('auth/forbidden', { field: 'path.id' });
      }
      await db.transaction(async (tx) => {
        const existing = await repo.grantsOf(tx, [accountId]);
        if (
          violatesSeparationOfDuties(
            existing.map((g) => g.role as Role),
            role,
          )
        ) {
          throw new AppError('org/separation-of-duties', { field: 'body.role' });
        }
        await repo.insertGrant(tx, { accountId, role, orgId, grantedBy: ctx.audit.accountId });
        await recordAudit(tx, ctx.audit, {
          action: 'grant',
          entity: 'account',
          entityId: accountId,
          orgId,
          orgPath: org.path,
          after: { role, orgId },
        });
      });
      await forget(accountId);
      return (
        await toView((await repo.listAccountsInScope(db, scope, undefined)).filter((a) => a.id === accountId))
      )[0]!;
    },

    async revoke(ctx: ServiceContext, scope: Scope, accountId: string, grantId: string): Promise<void> {
      await accountInScope(scope, accountId);
      const grant = await repo.findGrant(db, grantId);
      const org = grant ? await repo.findOrganisation(db, grant.orgId) : undefined;
      if (!grant || grant.accountId !== accountId || !org || !scopeIncludes(scope, org.path)) {
        throw new AppError('org/grant-not-found');
      }
      await db.transaction(async (tx) => {
        await repo.deleteGrant(tx, grantId);
        await recordAudit(tx, ctx.audit, {
          action: 'revoke',
          entity: 'account',
          entityId: accountId,
          orgId: org.id,
          orgPath: org.path,
          before: { role: grant.role, orgId: grant.orgId },
        });
      });
      await forget(accountId);
    },

    async unlock(ctx: ServiceContext, scope: Scope, accountId: string): Promise<void> {
      const { grants } = await accountInScope(scope, accountId);
      await db.transaction(async (tx) => {
        await repo.unlockAccount(tx, accountId);
        await recordAudit(tx, ctx.audit, {
          action: 'unlock',
          entity: 'account',
          entityId: accountId,
          orgId: grants[0]?.orgId ?? null,
          orgPath: grants[0]?.orgPath ?? null,
        });
      });
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;

import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Scope } from '../../platform/auth/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { sortKey } from '../../platform/sort-key.ts';
import { assertOrgInScope } from './org.policies.ts';
import * as repo from './org.repository.ts';
import type { CreateOrganisationBody, OrganisationView } from './org.schemas.ts';

/**
 * Called inside the move's transaction with the subtree's old and new path prefixes, so modules
 * that keep copies of organisation paths rewrite them atomically with the move (org imports none).
 */
export type OrganisationMovedListener = (tx: Tx, oldPath: string, newPath: string) => Promise<void>;

export interface OrganisationServiceDeps {
  db: Db;
  clock: Clock;
  /** Drops every cached session after a move (their roles' paths changed). */
  forgetAllSessions?: () => Promise<void>;
}

function toView(row: repo.OrganisationListRow): OrganisationView {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    kind: row.kind as OrganisationView['kind'],
    divisionCode: row.divisionCode,
    depth: row.depth,
    path: row.path,
    status: row.status as OrganisationView['status'],
    childCount: row.childCount,
    memberCount: row.memberCount,
  };
}

export function createOrganisationService({ db, clock, forgetAllSessions }: OrganisationServiceDeps) {
  const movedListeners: OrganisationMovedListener[] = [];

  async function getView(scope: Scope, id: string): Promise<OrganisationView> {
    const rows = await repo.listOrganisations(db, scope, { includeClosed: true });
    const row = rows.find((r) => r.id === id);
    if (!row) {
      throw new AppError('org/organisation-not-found');
    }
    return toView(row);
  }

  return {
    /** Registers a module's listener for subtree moves (wired once in app.ts). */
    onMoved(listener: OrganisationMovedListener): void {
      movedListeners.push(listener);
    },

    async list(
      scope: Scope,
      filter: { parentId?: string | undefined; q?: string | undefined; includeClosed?: boolean },
    ) {
      return (await repo.listOrganisations(db, scope, filter)).map(toView);
    },

    get: getView,

    /** Resolves an organisation the caller may act on; 404 for anything outside the scope. */
    async inScope(scope: Scope, id: string) {
      const org = await repo.findOrganisation(db, id);
      assertOrgInScope(scope, org);
      return org;
    },

    /**
     * Unscoped lookups for other modules' own rules (e.g. self-registration picks the union
     * serving a region; employment keeps an organisation's path beside its records).
     */
    async lookup(id: string) {
      return repo.findOrganisation(db, id);
    },

    async byDivisionCode(divisionCode: string) {
      return repo.findOrganisationByDivision(db, divisionCode);
    },

    async root() {
      return repo.findRootOrganisation(db);
    },

    async create(ctx: ServiceContext, scope: Scope, body: CreateOrganisationBody): Promise<OrganisationView> {
      const id = randomUUID();
      await db.transaction(async (tx) => {
        const parent = await repo.lockOrganisation(tx, body.parentId);
        assertOrgInScope(scope, parent);
        if (parent.status !== 'active') {
          throw new AppError('org/organisation-closed', { field: 'body.parentId' });
        }
        if (await repo.siblingNameTaken(tx, parent.id, body.name)) {
          throw new AppError('org/organisation-name-taken', {
            field: 'body.name',
            params: { name: body.name },
          });
        }
        const row = await repo.insertOrganisation(tx, {
          id,
          parentId: parent.id,
          path: `${parent.path}${id}/`,
          depth: parent.depth + 1,
          name: body.name,
          nameKey: sortKey(body.name),
          kind: body.kind,
          divisionCode: body.divisionCode ?? null,
        });
        await recordAudit(tx, ctx.audit, {
          action: 'create',
          entity: 'organisation',
          entityId: id,
          orgId: id,
          orgPath: row.path,
          after: { name: row.name, kind: row.kind, parentId: row.parentId, divisionCode: row.divisionCode },
        });
      });
      return getView(scope, id);
    },

    async rename(ctx: ServiceContext, scope: Scope, id: string, name: string): Promise<OrganisationView> {
      await db.transaction(async (tx) => {
        const org = await repo.lockOrganisation(tx, id);
        assertOrgInScope(scope, org);
        if (org.status !== 'active') {
          throw new AppError('org/organisation-closed');
        }
        if (await repo.siblingNameTaken(tx, org.parentId, name, org.id)) {
          throw new AppError('org/organisation-name-taken', { field: 'body.name', params: { name } });
        }
        await repo.renameOrganisation(tx, id, name, sortKey(name), clock.now());
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'organisation',
          entityId: id,
          orgId: id,
          orgPath: org.path,
          before: { name: org.name },
          after: { name },
        });
      });
      return getView(scope, id);
    },

    /** Moves an organisation with its whole subtree; both ends must be inside the caller's scope. */
    async move(ctx: ServiceContext, scope: Scope, id: string, parentId: string): Promise<OrganisationView> {
      await db.transaction(async (tx) => {
        const org = await repo.lockOrganisation(tx, id);
        assertOrgInScope(scope, org);
        if (!org.parentId) {
          throw new AppError('org/cannot-change-root');
        }
        if (scope.roots.includes(org.path)) {
          // Moving the very node one's role hangs on would move the role's reach with it.
          throw new AppError('auth/out-of-scope');
        }
        const parent = await repo.lockOrganisation(tx, parentId);
        if (!parent || !scope.roots.some((root) => parent.path.startsWith(root))) {
          throw new AppError('org/organisation-not-found', { field: 'body.parentId' });
        }
        if (parent.path.startsWith(org.path)) {
          throw new AppError('org/move-into-own-subtree', { field: 'body.parentId' });
        }
        if (parent.status !== 'active') {
          throw new AppError('org/organisation-closed', { field: 'body.parentId' });
        }
        if (await repo.siblingNameTaken(tx, parent.id, org.name, org.id)) {
          throw new AppError('org/organisation-name-taken', {
            field: 'body.parentId',
            params: { name: org.name },
          });
        }
        await repo.moveSubtree(tx, org, parent, clock.now());
        for (const listener of movedListeners) {
          await listener(tx, org.path, `${parent.path}${org.id}/`);
        }
        await recordAudit(tx, ctx.audit, {
          action: 'move',
          entity: 'organisation',
          entityId: id,
          orgId: id,
          orgPath: `${parent.path}${org.id}/`,
          before: { parentId: org.parentId, path: org.path },
          after: { parentId: parent.id, path: `${parent.path}${org.id}/` },
        });
      });
      await forgetAllSessions?.();
      return getView(scope, id);
    },

    /** Closes (撤销) an organisation that no longer has active members or open sub-organisations. */
    async close(ctx: ServiceContext, scope: Scope, id: string): Promise<OrganisationView> {
      await db.transaction(async (tx) => {
        const org = await repo.lockOrganisation(tx, id);
        assertOrgInScope(scope, org);
        if (!org.parentId || scope.roots.includes(org.path)) {
          throw new AppError('org/cannot-change-root');
        }
        if (org.status !== 'active') {
          throw new AppError('org/organisation-closed');
        }
        const counts = await repo.subtreeActiveCounts(tx, org.path, org.id);
        if (counts.children > 0 || counts.members > 0) {
          throw new AppError('org/organisation-not-empty', { params: counts });
        }
        await repo.closeOrganisation(tx, id, clock.now());
        await recordAudit(tx, ctx.audit, {
          action: 'close',
          entity: 'organisation',
          entityId: id,
          orgId: id,
          orgPath: org.path,
          before: { status: 'active' },
          after: { status: 'closed' },
        });
      });
      return getView(scope, id);
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;

import { recordAudit } from '../../platform/audit/audit.ts';
import type { Actor, Scope } from '../../platform/auth/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import type { RealtimeBus } from '../../platform/realtime/bus.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { topicOf } from './live.realtime.ts';
import { assertSessionInScope, groupRoleOf, mayModerate } from './livestream.policies.ts';
import * as repo from './livestream.repository.ts';
import type { MessageView } from './livestream.schemas.ts';
import { type GroupRole, MESSAGE_RATE, publicName, withinRate } from './livestream.state.ts';

function messageView(row: repo.MessageRow, viewer: Actor | null, moderator: boolean): MessageView {
  return {
    id: row.id,
    sessionId: row.sessionId,
    author: {
      name: row.authorName,
      role: row.authorRole as GroupRole,
      accountId: moderator ? row.accountId : null,
    },
    text: row.status === 'removed' && !moderator ? '' : row.text,
    replyTo: row.replyTo,
    pinned: row.pinned,
    status: row.status as MessageView['status'],
    reports: moderator ? row.reports : null,
    mine: viewer?.accountId === row.accountId,
    createdAt: row.createdAt.toISOString(),
  };
}

function activeSanction(row: repo.SanctionRow | undefined, now: Date): repo.SanctionRow | undefined {
  if (!row) {
    return undefined;
  }
  if (row.kind === 'mute' && row.until && row.until.getTime() <= now.getTime()) {
    return undefined;
  }
  return row;
}

/**
 * The session's service group (在线服务群): applicants ask, union staff and HR answer, also
 * after the stream. Staff of an organising union moderate: remove and pin messages, mute or
 * remove people. The rate limit is counted in the database, so it holds across processes.
 */
export function createGroupService({ db, clock, bus }: { db: Db; clock: Clock; bus: RealtimeBus }) {
  async function sessionOf(id: string) {
    const row = await repo.findSession(db, id);
    if (!row) {
      throw new AppError('live/session-not-found');
    }
    const organisers = await repo.organisersOf(db, [id]);
    return { row, paths: organisers.map((o) => o.orgPath), organisers };
  }

  async function messageInScope(scope: Scope, id: string) {
    const message = await repo.findMessage(db, id);
    if (!message) {
      throw new AppError('live/message-not-found');
    }
    const session = await sessionOf(message.sessionId);
    assertSessionInScope(scope, session.paths);
    return { message, session };
  }

  return {
    async list(
      ctx: ServiceContext,
      sessionId: string,
      query: { limit: number; cursor?: string | undefined },
    ) {
      const { paths } = await sessionOf(sessionId);
      const moderator = mayModerate(ctx.actor, paths);
      const now = clock.now();
      const own = ctx.actor
        ? activeSanction(await repo.sanctionOf(db, sessionId, ctx.actor.accountId), now)
        : undefined;
      if (own?.kind === 'remove') {
        throw new AppError('live/removed-from-group');
      }
      const rows = await repo.listMessages(db, sessionId, {
        before: decodeCursor(query.cursor),
        limit: query.limit,
        includeRemoved: moderator,
        reportedOnly: false,
      });
      const page = pageOf(rows, query.limit, (r) => ({ key: r.createdAt.toISOString(), id: r.id }));
      return {
        items: page.items.map((r) => messageView(r, ctx.actor, moderator)),
        pinned: (await repo.pinnedMessages(db, sessionId)).map((r) => messageView(r, ctx.actor, moderator)),
        nextCursor: page.nextCursor,
        me: ctx.actor
          ? {
              muted: own?.kind === 'mute',
              mutedUntil: own?.kind === 'mute' ? (own.until?.toISOString() ?? null) : null,
              removed: false,
              moderator,
            }
          : null,
      };
    },

    async post(ctx: ServiceContext, sessionId: string, body: { text: string; replyTo?: string | undefined }) {
      const actor = ctx.actor;
      if (!actor) {
        throw new AppError('auth/unauthenticated');
      }
      const { row, paths } = await sessionOf(sessionId);
      if (row.status === 'archived') {
        throw new AppError('live/channel-closed');
      }
      const role = groupRoleOf(actor, paths);
      const now = clock.now();
      const created = await db.transaction(async (tx) => {
        const sanction = activeSanction(await repo.sanctionOf(tx, sessionId, actor.accountId), now);
        if (sanction?.kind === 'remove') {
          throw new AppError('live/removed-from-group');
        }
        if (sanction?.kind === 'mute') {
          throw new AppError('live/muted', { params: { until: sanction.until?.toISOString() ?? '' } });
        }
        if (body.replyTo) {
          const parent = await repo.findMessage(tx, body.replyTo);
          if (!parent || parent.sessionId !== sessionId) {
            throw new AppError('live/message-not-found', { field: 'body.replyTo' });
          }
        }
        if (role === 'member') {
          await repo.lockAuthor(tx, actor.accountId);
          const since = new Date(now.getTime() - MESSAGE_RATE.windowSeconds * 1000);
          if (!withinRate(await repo.countRecentMessages(tx, sessionId, actor.accountId, since))) {
            throw new AppError('live/message-rate-limited', {
              params: { max: MESSAGE_RATE.max, seconds: MESSAGE_RATE.windowSeconds },
            });
          }
        }
        return repo.insertMessage(tx, {
          sessionId,
          accountId: actor.accountId,
          authorName: publicName(actor.displayName, role),
          authorRole: role,
          text: body.text,
          replyTo: body.replyTo ?? null,
          createdAt: now,
        });
      });
      await bus.publish(topicOf(sessionId), 'message', messageView(created, null, false));
      return messageView(created, actor, false);
    },

    async remove(ctx: ServiceContext, scope: Scope, id: string) {
      const { message, session } = await messageInScope(scope, id);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await repo.updateMessage(tx, id, {
          status: 'removed',
          pinned: false,
          removedBy: ctx.audit.accountId,
          removedAt: now,
        });
        await recordAudit(tx, ctx.audit, {
          action: 'delete',
          entity: 'live_message',
          entityId: id,
          orgId: session.organisers[0]?.orgId ?? null,
          orgPath: session.organisers[0]?.orgPath ?? null,
          before: { text: message.text, author: message.accountId },
        });
      });
      await bus.publish(topicOf(message.sessionId), 'message-removed', { id });
      return messageView((await repo.findMessage(db, id))!, ctx.actor, true);
    },

    async pin(ctx: ServiceContext, scope: Scope, id: string, pinned: boolean) {
      const { message, session } = await messageInScope(scope, id);
      if (message.status !== 'visible') {
        throw new AppError('live/message-not-found');
      }
      await db.transaction(async (tx) => {
        await repo.updateMessage(tx, id, { pinned });
        await recordAudit(tx, ctx.audit, {
          action: 'update',
          entity: 'live_message',
          entityId: id,
          orgId: session.organisers[0]?.orgId ?? null,
          orgPath: session.organisers[0]?.orgPath ?? null,
          after: { pinned },
        });
      });
      const view = messageView((await repo.findMessage(db, id))!, ctx.actor, true);
      await bus.publish(topicOf(message.sessionId), 'message-pinned', { id, pinned });
      return view;
    },

    async report(ctx: ServiceContext, id: string, body: { reason: string; detail?: string | undefined }) {
      const actor = ctx.actor;
      if (!actor) {
        throw new AppError('auth/unauthenticated');
      }
      const message = await repo.findMessage(db, id);
      if (message?.status !== 'visible') {
        throw new AppError('live/message-not-found');
      }
      const added = await db.transaction((tx) =>
        repo.insertReport(tx, {
          messageId: id,
          accountId: actor.accountId,
          reason: body.detail ? `${body.reason}: ${body.detail}` : body.reason,
          createdAt: clock.now(),
        }),
      );
      if (!added) {
        throw new AppError('live/already-reported');
      }
      return { reported: true as const };
    },

    async sanction(
      ctx: ServiceContext,
      scope: Scope,
      sessionId: string,
      body: {
        accountId: string;
        action: 'mute' | 'remove' | 'restore';
        minutes?: number | undefined;
        reason?: string | undefined;
      },
    ) {
      const session = await sessionOf(sessionId);
      assertSessionInScope(scope, session.paths);
      if (body.accountId === ctx.actor?.accountId) {
        throw new AppError('live/cannot-sanction-staff', { field: 'body.accountId' });
      }
      const now = clock.now();
      const until = body.action === 'mute' ? new Date(now.getTime() + (body.minutes ?? 60) * 60_000) : null;
      await db.transaction(async (tx) => {
        const authored = await repo.listMessages(tx, sessionId, {
          before: null,
          limit: 1000,
          includeRemoved: true,
          reportedOnly: false,
        });
        if (authored.some((m) => m.accountId === body.accountId && m.authorRole === 'staff')) {
          throw new AppError('live/cannot-sanction-staff', { field: 'body.accountId' });
        }
        if (body.action === 'restore') {
          await repo.liftSanction(tx, sessionId, body.accountId);
        } else {
          await repo.putSanction(tx, {
            sessionId,
            accountId: body.accountId,
            kind: body.action,
            until,
            reason: body.reason ?? null,
            createdBy: ctx.audit.accountId,
            createdAt: now,
          });
        }
        await recordAudit(tx, ctx.audit, {
          action: body.action === 'restore' ? 'revoke' : 'update',
          entity: 'live_group_member',
          entityId: body.accountId,
          orgId: session.organisers[0]?.orgId ?? null,
          orgPath: session.organisers[0]?.orgPath ?? null,
          after: { action: body.action, until: until?.toISOString() ?? null, sessionId },
          detail: body.reason ?? null,
        });
      });
      return {
        accountId: body.accountId,
        kind: body.action === 'restore' ? null : body.action,
        until: until?.toISOString() ?? null,
      };
    },

    async moderation(ctx: ServiceContext, scope: Scope, sessionId: string) {
      const session = await sessionOf(sessionId);
      assertSessionInScope(scope, session.paths);
      const reported = await repo.listMessages(db, sessionId, {
        before: null,
        limit: 200,
        includeRemoved: false,
        reportedOnly: true,
      });
      const sanctions = await repo.sanctionsOf(db, sessionId);
      return {
        reported: reported.slice(0, 200).map((r) => messageView(r, ctx.actor, true)),
        sanctions: sanctions.map((s) => ({
          accountId: s.accountId,
          kind: s.kind as 'mute' | 'remove',
          until: s.until?.toISOString() ?? null,
          reason: s.reason,
          at: s.createdAt.toISOString(),
        })),
      };
    },
  };
}

export type GroupService = ReturnType<typeof createGroupService>;

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { Permission } from './permissions.ts';
import { type Actor, resolveScope, type Scope } from './scope.ts';

/**
 * Every route under /api/v1 declares who may call it; a route without a rule makes the
 * app refuse to start. The rule is checked here, in one place, before the body is read.
 */
export type RouteAccess = 'public' | 'authenticated' | { permission: Permission };

export const SESSION_COOKIE = 'gy_session';
export const API_PREFIX = '/api/v1';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The subtrees where the caller holds the route's permission. */
    scope: Scope | null;
  }
}

export interface SessionResolver {
  resolve(token: string): Promise<Actor | null>;
}

export function auditContext(request: FastifyRequest): AuditContext {
  return {
    accountId: request.actor?.accountId ?? null,
    username: request.actor?.username ?? null,
    requestId: String(request.id),
    ip: request.ip,
  };
}

/** The actor of a route whose access rule guarantees one. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) {
    throw new AppError('auth/unauthenticated');
  }
  return request.actor;
}

export function requireScope(request: FastifyRequest): Scope {
  if (!request.scope) {
    throw new AppError('auth/forbidden');
  }
  return request.scope;
}

export interface AccessRule {
  method: string;
  url: string;
  access: RouteAccess;
}

export function installGuard(
  app: FastifyInstance,
  options: { db: Db; sessions: SessionResolver },
): AccessRule[] {
  const rules: AccessRule[] = [];
  app.decorateRequest('actor', null);
  app.decorateRequest('scope', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(API_PREFIX)) {
      return;
    }
    const access = route.config?.access;
    if (!access) {
      throw new Error(`Route ${String(route.method)} ${route.url} has no access rule (config.access)`);
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD') {
        rules.push({ method, url: route.url, access });
      }
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) {
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await options.sessions.resolve(token) : null;
    if (access === 'public') {
      return;
    }
    if (!request.actor) {
      throw new AppError('auth/unauthenticated');
    }
    if (access === 'authenticated') {
      return;
    }
    const scope = resolveScope(request.actor.grants, access.permission);
    if (scope.roots.length === 0) {
      await recordAudit(options.db, auditContext(request), {
        action: 'denied',
        entity: 'route',
        entityId: `${request.method} ${request.routeOptions.url}`,
        orgPath: request.actor.grants[0]?.orgPath ?? null,
        orgId: request.actor.grants[0]?.orgId ?? null,
        detail: access.permission,
      });
      throw new AppError('auth/forbidden');
    }
    request.scope = scope;
  });
  return rules;
}

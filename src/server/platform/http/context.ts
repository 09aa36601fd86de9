import type { FastifyRequest } from 'fastify';
import { auditContext } from '../auth/guard.ts';
import type { ServiceContext } from '../service-context.ts';
import { requestLocale } from './problem.ts';

export function contextOf(request: FastifyRequest): ServiceContext {
  return { actor: request.actor, locale: requestLocale(request), audit: auditContext(request) };
}

import type { AuditContext } from './audit/audit.ts';
import type { Actor } from './auth/scope.ts';
import type { Locale } from './i18n/locale.ts';

/** What a service needs to know about the caller, built by the route from the request. */
export interface ServiceContext {
  actor: Actor | null;
  locale: Locale;
  audit: AuditContext;
}

/** For the CLI, seeding and jobs: a system actor with no session. */
export function systemContext(username = 'system'): ServiceContext {
  return {
    actor: null,
    locale: 'zh-CN',
    audit: { accountId: null, username, requestId: null, ip: null },
  };
}

import type { ServiceContext } from '../../platform/service-context.ts';
import type { MemberProfile } from './benefits.eligibility.ts';

/**
 * What the benefits module needs from the org module, as an interface: index.ts wires it to
 * the org module's public API, tests may pass a fake. Benefits never reads org's tables.
 */
export interface Directory {
  memberByAccount(accountId: string): Promise<MemberProfile | null>;
  member(memberId: string): Promise<MemberProfile | null>;
  organisation(orgId: string): Promise<{ id: string; path: string; name: string } | null>;
  organisationNames(ids: readonly string[]): Promise<Map<string, string>>;
  /** Creates a sign-in account with one role at one organisation; returns its id. */
  createAccount(
    ctx: ServiceContext,
    input: { username: string; displayName: string; password: string; role: 'merchant'; orgId: string },
  ): Promise<string>;
}

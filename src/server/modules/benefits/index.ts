import type { FastifyInstance } from 'fastify';
import type { Scope } from '../../platform/auth/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { AppError, registerErrors } from '../../platform/errors.ts';
import type { RealtimeBus } from '../../platform/realtime/bus.ts';
import { systemContext } from '../../platform/service-context.ts';
import type { OrgModule } from '../org/index.ts';
import type { Directory } from './benefits.directory.ts';
import type { MemberProfile } from './benefits.eligibility.ts';
import { benefitsErrors } from './benefits.errors.ts';
import { rewriteOrgPaths } from './benefits.repository.ts';
import { campaignRoutes } from './campaign.routes.ts';
import { createCampaignService } from './campaign.service.ts';
import { merchantRoutes } from './merchant.routes.ts';
import { createMerchantService } from './merchant.service.ts';
import { recuperationRoutes } from './recuperation.routes.ts';
import { createRecuperationService } from './recuperation.service.ts';
import { voucherRoutes } from './voucher.routes.ts';
import { createVoucherService } from './voucher.service.ts';

export { type BenefitsBenchOptions, runBenefitsBench } from './benefits.bench.ts';
export type { Directory } from './benefits.directory.ts';
export { type EligibilityRule, evaluateEligibility, type MemberProfile } from './benefits.eligibility.ts';
export { seedBenefits } from './benefits.seed.ts';
export type { CampaignService } from './campaign.service.ts';
export type { MerchantService } from './merchant.service.ts';
export { drawLottery } from './recuperation.lottery.ts';
export type { RecuperationService } from './recuperation.service.ts';
export type { VoucherService } from './voucher.service.ts';

export interface BenefitsModuleDeps {
  db: Db;
  clock: Clock;
  crypto: FieldCrypto;
  org: OrgModule;
  /** Tells the other API processes to drop their organisation cache after a move. */
  bus?: RealtimeBus | null;
}

const ORG_CACHE_TOPIC = 'benefits:organisations';

// The benefits module reads members and organisations through the org module's services, as the system.
const EVERYWHERE: Scope = { permission: 'org:read', roots: ['/'] };
const ORG_CACHE_MS = 60_000;
/**
 * After a subtree move the cache is dropped, and what is read in the next few seconds is not
 * kept: a lookup racing the move's commit may still have read the old paths.
 */
const MOVE_SETTLE_MS = 5_000;

/** The Directory port over the org module's public API; organisation paths are cached briefly. */
export function orgDirectory(org: OrgModule, clock: Clock): Directory & { forgetOrganisations(): void } {
  const ctx = systemContext('benefits');
  const orgCache = new Map<
    string,
    { value: { id: string; path: string; name: string } | null; at: number }
  >();
  // Entries cached before this instant are not trusted (see MOVE_SETTLE_MS).
  let trustedFrom = Number.NEGATIVE_INFINITY;

  async function organisation(id: string) {
    const hit = orgCache.get(id);
    const now = clock.now().getTime();
    if (hit && hit.at >= trustedFrom && now - hit.at < ORG_CACHE_MS && now >= hit.at) {
      return hit.value;
    }
    let value: { id: string; path: string; name: string } | null = null;
    try {
      const row = await org.organisations.inScope(EVERYWHERE, id);
      value = row.status === 'active' ? { id: row.id, path: row.path, name: row.name } : null;
    } catch (error) {
      if (!(error instanceof AppError)) {
        throw error;
      }
    }
    orgCache.set(id, { value, at: now });
    return value;
  }

  async function profile(
    view: Awaited<ReturnType<OrgModule['members']['ofAccount']>>,
    accountId: string | null,
  ) {
    if (!view) {
      return null;
    }
    const o = await organisation(view.orgId);
    if (!o) {
      return null;
    }
    const result: MemberProfile = {
      memberId: view.id,
      accountId,
      name: view.name,
      orgId: view.orgId,
      orgPath: o.path,
      tags: view.tags,
      joinDate: view.joinDate,
      status: view.status,
    };
    return result;
  }

  return {
    organisation,
    /**
     * Drops the cached organisations after a subtree move: a stale path would be written into
     * new records (merchants, campaigns, vouchers, applications) and never rewritten.
     */
    forgetOrganisations() {
      orgCache.clear();
      trustedFrom = clock.now().getTime() + MOVE_SETTLE_MS;
    },
    async memberByAccount(accountId) {
      return profile(await org.members.ofAccount(accountId), accountId);
    },
    async member(memberId) {
      try {
        const view = await org.members.get(ctx, { permission: 'member:read', roots: ['/'] }, memberId, false);
        return profile(view, null);
      } catch (error) {
        if (error instanceof AppError) {
          return null;
        }
        throw error;
      }
    },
    async organisationNames(ids) {
      const names = new Map<string, string>();
      for (const id of ids) {
        const o = await organisation(id);
        if (o) {
          names.set(id, o.name);
        }
      }
      return names;
    },
    async createAccount(c, input) {
      return org.accounts.create(c, {
        username: input.username,
        displayName: input.displayName,
        password: input.password,
        grants: [{ role: input.role, orgId: input.orgId }],
      });
    },
  };
}

export function createBenefitsModule(deps: BenefitsModuleDeps) {
  registerErrors(benefitsErrors);
  const directory = orgDirectory(deps.org, deps.clock);
  const base = { db: deps.db, clock: deps.clock, directory };
  const merchants = createMerchantService(base);
  const campaigns = createCampaignService(base);
  const vouchers = createVoucherService({
    ...base,
    merchants,
    codeHash: (text) => deps.crypto.lookupHash(text),
  });
  const recuperation = createRecuperationService(base);
  deps.bus?.subscribe(ORG_CACHE_TOPIC, () => directory.forgetOrganisations());
  return {
    merchants,
    campaigns,
    vouchers,
    recuperation,
    directory,
    /**
     * Registered with org's `organisations.onMoved` in app.ts: our copies of organisation paths
     * (records' owners, members' paths, eligibility rules) follow a subtree move inside the
     * move's transaction, and the organisation cache is dropped here and, through the bus, in
     * every other process (each then distrusts what it reads for a few seconds, which covers
     * the time until the move commits).
     */
    onOrganisationMoved: async (tx: Tx, oldPath: string, newPath: string) => {
      directory.forgetOrganisations();
      // Not awaited: on the embedded database the bus shares the connection this transaction holds.
      void deps.bus?.broadcast(ORG_CACHE_TOPIC, 'forget', {}).catch(() => undefined);
      await rewriteOrgPaths(tx, oldPath, newPath);
    },
    routes(app: FastifyInstance): void {
      campaignRoutes(app, { campaigns });
      voucherRoutes(app, { vouchers });
      merchantRoutes(app, { merchants, vouchers });
      recuperationRoutes(app, { recuperation });
    },
  };
}

export type BenefitsModule = ReturnType<typeof createBenefitsModule>;

import { randomUUID } from 'node:crypto';
import type { Harness } from '../../../../tests/support/harness.ts';
import type { Actor } from '../../platform/auth/scope.ts';
import { AppError } from '../../platform/errors.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import type { CreateCampaignBody } from './benefits.schemas.ts';

/** Test factories for the benefits module (integration tests only). */
export function staffCtx(h: Harness, name = 'staff'): ServiceContext {
  const accountId = randomUUID();
  const actor: Actor = {
    accountId,
    username: name,
    displayName: name,
    sessionId: '',
    memberId: null,
    grants: [],
  };
  return { ...h.ctx, actor, audit: { accountId, username: name, requestId: null, ip: null } };
}

/** A member with a linked account, signed in when `login` is set (the login route allows 20 a minute). */
export async function memberAccount(
  h: Harness,
  orgId: string,
  options: { login?: boolean; tags?: string[] } = {},
) {
  // The harness draws random ID numbers; with hundreds of members a clash is possible: draw again.
  let member: Awaited<ReturnType<Harness['factory']['member']>> | undefined;
  for (let attempt = 0; !member; attempt++) {
    try {
      member = await h.factory.member(orgId, { tags: options.tags ?? [] });
    } catch (error) {
      if (attempt > 5 || !(error instanceof AppError) || error.code !== 'org/member-duplicate-id') {
        throw error;
      }
    }
  }
  const account = await h.factory.account('member', orgId);
  await h.app.modules.org.members.linkAccount(member.id, account.id);
  const actor: Actor = {
    accountId: account.id,
    username: account.username,
    displayName: account.username,
    sessionId: '',
    memberId: member.id,
    grants: [],
  };
  return { member, account, actor, cookie: options.login ? await h.login(account.username) : null };
}

/** An approved campaign open at the harness clock, created and approved by two different staff. */
export async function openCampaign(h: Harness, orgId: string, overrides: Partial<CreateCampaignBody> = {}) {
  const now = h.clock.now().getTime();
  const { campaigns } = h.app.modules.benefits;
  const maker = staffCtx(h, 'maker');
  const checker = staffCtx(h, 'checker');
  const created = await campaigns.create(maker, h.rootScope('benefit:manage'), {
    orgId,
    name: `消费券${randomUUID().slice(0, 6)}`,
    faceValueFen: 2000,
    thresholdFen: 10_000,
    totalCount: 100,
    perMemberLimit: 1,
    claimStartsAt: new Date(now - 3_600_000).toISOString(),
    claimEndsAt: new Date(now + 86_400_000).toISOString(),
    validFrom: new Date(now - 3_600_000).toISOString(),
    validUntil: new Date(now + 30 * 86_400_000).toISOString(),
    eligibility: { orgIds: [], tagsAny: [], tagsAll: [], minMembershipYears: 0 },
    acceptMerchantIds: [],
    acceptCategories: [],
    reversalWindowMinutes: 60,
    ...overrides,
  });
  await campaigns.submit(maker, h.rootScope('benefit:manage'), created.id);
  return campaigns.approve(checker, h.rootScope('benefit:approve'), created.id);
}

let creditSeq = 0;
/** A valid unified social credit code, different on every call. */
export function creditCode(): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = `91440604${String(Date.now() % 1e6).padStart(6, '0')}${String(creditSeq++ % 1000).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += chars.indexOf(body[i]!) * weights[i]!;
  }
  return `${body}${chars[(31 - (sum % 31)) % 31]}`;
}

/** A partner merchant with two outlets and a signed-in cashier at each. */
export async function merchantWithCashiers(
  h: Harness,
  orgId: string,
  category: 'appliances' | 'catering' = 'appliances',
) {
  const { merchants } = h.app.modules.benefits;
  const ctx = staffCtx(h);
  const merchant = await merchants.create(ctx, h.rootScope('benefit:manage'), {
    orgId,
    name: `商户${randomUUID().slice(0, 6)}`,
    creditCode: creditCode(),
    category,
    contractStart: '2026-01-01',
    contractEnd: '2027-12-31',
    outlets: [
      { name: '一店', address: '佛山一店', lat: 23.02, lng: 113.12 },
      { name: '二店', address: '佛山二店', lat: 23.05, lng: 113.15 },
    ],
  });
  const cashiers = [];
  for (const outlet of merchant.outlets) {
    const username = `cashier${randomUUID().slice(0, 8)}`;
    await merchants.createAccount(ctx, h.rootScope('benefit:manage'), merchant.id, {
      username,
      displayName: username,
      password: 'test-Passw0rd',
      outletId: outlet.id,
    });
    cashiers.push({ username, cookie: await h.login(username), outletId: outlet.id });
  }
  return { merchant, cashiers };
}

/** A merchant serving the organisation (access-matrix fixture). */
export async function merchant(h: Harness, orgId: string) {
  return h.app.modules.benefits.merchants.create(staffCtx(h), h.rootScope('benefit:manage'), {
    orgId,
    name: `矩阵商户${randomUUID().slice(0, 6)}`,
    creditCode: creditCode(),
    category: 'other',
    contractStart: '2026-01-01',
    contractEnd: '2027-12-31',
    outlets: [],
  });
}

/** A route with one departure open for applications (access-matrix fixture). */
export async function route(h: Harness, orgId: string) {
  const { recuperation } = h.app.modules.benefits;
  const now = h.clock.now().getTime();
  const created = await recuperation.create(staffCtx(h), h.rootScope('benefit:manage'), {
    orgId,
    name: `矩阵线路${randomUUID().slice(0, 6)}`,
    region: '佛山',
    itinerary: [{ day: 1, title: '一日游' }],
    days: 1,
    costFen: 10_000,
    featured: false,
    eligibility: { orgIds: [], tagsAny: [], tagsAll: [], minMembershipYears: 0 },
    priorities: [],
  });
  return recuperation.addDeparture(staffCtx(h), h.rootScope('benefit:manage'), created.id, {
    departDate: '2026-12-01',
    places: 10,
    applyStartsAt: new Date(now - 3_600_000).toISOString(),
    applyEndsAt: new Date(now + 86_400_000).toISOString(),
  });
}

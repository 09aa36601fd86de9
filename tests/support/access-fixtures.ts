import { randomUUID } from 'node:crypto';
import * as benefitsFixtures from '../../src/server/modules/benefits/benefits.int-fixtures.ts';
import * as employmentFixtures from '../../src/server/modules/employment/employment.int-fixtures.ts';
import type { Role } from '../../src/server/platform/auth/permissions.ts';
import { type Harness, TEST_PASSWORD } from './harness.ts';

/**
 * Records for the access-matrix test: for each kind of path parameter, a record that lives
 * in the given organisation. A module that adds a route with a new kind of parameter adds
 * its resolver here; a route whose parameter has no resolver fails the matrix test.
 * Keys are `<collection>/:<param>` as they appear in route URLs.
 */
export type FixtureResolver = (h: Harness, orgId: string) => Promise<string>;

export const accessFixtures: Record<string, FixtureResolver> = {
  'organisations/:id': async (h, orgId) => (await h.factory.org({ parentId: orgId, kind: 'grassroots' })).id,
  'members/:id': async (h, orgId) => (await h.factory.member(orgId)).id,
  // benefits
  'voucher-campaigns/:id': async (h, orgId) => (await benefitsFixtures.openCampaign(h, orgId)).id,
  'merchants/:id': async (h, orgId) => (await benefitsFixtures.merchant(h, orgId)).id,
  'plaques/:plaqueNo': async (h, orgId) => (await benefitsFixtures.merchant(h, orgId)).plaqueNo,
  'vouchers/:id': async (h, orgId) => {
    const campaign = await benefitsFixtures.openCampaign(h, orgId);
    const worker = await benefitsFixtures.memberAccount(h, orgId);
    return (await h.app.modules.benefits.vouchers.claim(h.ctx, worker.actor, campaign.id, undefined)).body.id;
  },
  'redemptions/:id': async () => randomUUID(),
  'routes/:id': async (h, orgId) => (await benefitsFixtures.route(h, orgId)).id,
  'departures/:id': async (h, orgId) => (await benefitsFixtures.route(h, orgId)).departures![0]!.id,
  'applications/:id': async (h, orgId) => (await employmentFixtures.application(h, orgId)).id,
  'accounts/:id': async (h, orgId) => {
    const account = await h.factory.account('union_staff', orgId);
    await h.app.modules.org.accounts.grant(h.ctx, h.rootScope('role:grant'), account.id, 'member', orgId);
    return account.id;
  },
  ':grantId': async (h, orgId) => {
    const account = await h.factory.account('union_staff', orgId);
    const view = await h.app.modules.org.accounts.grant(
      h.ctx,
      h.rootScope('role:grant'),
      account.id,
      'member',
      orgId,
    );
    const grant = view.grants.find((g) => g.role === 'member');
    return `${account.id}|${grant!.id}`;
  },
  'live-sessions/:id': async (h, orgId) => (await liveSessionIn(h, orgId)).id,
  'live-messages/:id': async (h, orgId) => {
    const session = await liveSessionIn(h, orgId);
    const org = await h.app.modules.org.organisations.lookup(orgId);
    const account = await h.factory.account('member', orgId);
    const ctx = {
      ...h.ctx,
      actor: {
        accountId: account.id,
        username: account.username,
        displayName: '矩阵会员',
        sessionId: '',
        memberId: null,
        grants: [{ role: 'member' as const, orgId, orgPath: org!.path, orgName: org!.name }],
      },
    };
    return (await h.app.modules.livestream.group.post(ctx, session.id, { text: '请问包住宿吗？' })).id;
  },
  'surveys/:id': async (h, orgId) =>
    (
      await h.app.modules.livestream.surveys.create(h.ctx, h.rootScope('survey:manage'), {
        orgId,
        title: '矩阵问卷',
        description: '',
        target: null,
        status: 'open',
        questions: [{ kind: 'single', title: '是否有意向', required: true, options: ['有', '没有'] }],
      })
    ).id,
  // employment
  'employers/:id': async (h, orgId) => (await employmentFixtures.employer(h, orgId)).id,
  'jobs/:id': async (h, orgId) => (await employmentFixtures.job(h, orgId)).id,
  'zones/:id': async (h, orgId) => (await employmentFixtures.zone(h, orgId)).id,
  'service-points/:id': async (h, orgId) => (await employmentFixtures.servicePoint(h, orgId)).id,
};

function liveSessionIn(h: Harness, orgId: string) {
  const start = h.clock.now();
  return h.app.modules.livestream.sessions.create(h.ctx, h.rootScope('live:manage'), {
    orgIds: [orgId],
    title: '矩阵直播',
    description: '',
    scheduledStart: start.toISOString(),
    scheduledEnd: new Date(start.getTime() + 7_200_000).toISOString(),
    stream: null,
    replayUrl: null,
    zoneId: null,
    employerIds: [],
    jobIds: [],
    segments: [{ kind: 'job-intro', title: '岗位介绍' }],
  });
}

/**
 * Valid bodies for routes that take a record in the path and a body, so the matrix test
 * reaches the scope check instead of stopping at validation. Keyed by `METHOD url`.
 */
export const accessBodies: Record<string, (h: Harness, orgId: string) => Promise<unknown>> = {
  'PATCH /api/v1/organisations/:id': async () => ({ name: `改名${Math.random().toString(36).slice(2, 8)}` }),
  'POST /api/v1/organisations/:id/move': async (_h, orgId) => ({ parentId: orgId }),
  'POST /api/v1/accounts/:id/grants': async (_h, orgId) => ({ role: 'judge', orgId }),
  'PATCH /api/v1/members/:id': async () => ({ trade: '电工' }),
  'PATCH /api/v1/live-sessions/:id': async () => ({ title: '矩阵直播改名' }),
  'POST /api/v1/live-sessions/:id/segment': async () => ({ move: 'next' }),
  'POST /api/v1/live-sessions/:id/pins': async () => ({ jobId: randomUUID() }),
  'POST /api/v1/live-sessions/:id/announcements': async () => ({ text: '矩阵公告' }),
  'POST /api/v1/live-sessions/:id/sanctions': async () => ({ accountId: randomUUID(), action: 'mute' }),
  'POST /api/v1/live-messages/:id/pin': async () => ({ pinned: true }),
  'PATCH /api/v1/surveys/:id': async () => ({ title: '矩阵问卷改名' }),
  // employment
  'POST /api/v1/employers/:id/verification': async () => ({ verification: 'verified' }),
  'POST /api/v1/employers/:id/hr-accounts': async () => ({
    username: `hr${randomUUID().slice(0, 8)}`,
    displayName: '矩阵HR',
    password: 'matrix-Passw0rd',
  }),
  'POST /api/v1/jobs/:id/status': async () => ({ status: 'paused' }),
  'POST /api/v1/jobs/:id/review': async () => ({ decision: 'approve' }),
  'POST /api/v1/jobs/:id/feature': async () => ({ featured: true }),
  'PATCH /api/v1/applications/:id': async () => ({ status: 'viewed' }),
  'PUT /api/v1/applications/:id/note': async () => ({ note: '矩阵备注' }),
  'PUT /api/v1/zones/:id/jobs': async () => ({ jobIds: [] }),
  'POST /api/v1/allocations': async (h, orgId) => ({ jobIds: [(await employmentFixtures.job(h, orgId)).id] }),
  'POST /api/v1/voucher-campaigns/:id/reject': async () => ({ reason: '预算说明不完整' }),
  'POST /api/v1/redemptions/:id/reversal': async () => ({ reason: '顾客退货' }),
  'POST /api/v1/merchants/:id/outlets': async () => ({
    name: '矩阵门店',
    address: '佛山市禅城区',
    lat: 23.02,
    lng: 113.12,
  }),
  'POST /api/v1/merchants/:id/accounts': async () => ({
    username: `mx${randomUUID().slice(0, 8)}`,
    displayName: '矩阵收银员',
    password: TEST_PASSWORD,
  }),
  'POST /api/v1/recuperation/routes/:id/departures': async () => ({
    departDate: '2026-09-01',
    places: 20,
    applyStartsAt: '2026-06-01T00:00:00Z',
    applyEndsAt: '2026-07-01T00:00:00Z',
  }),
};

/** Query strings for routes whose query has required fields, keyed like accessBodies. */
export const accessQueries: Record<string, string> = {
  'GET /api/v1/merchants/:id/statement': 'from=2026-06-01&to=2026-06-30',
  'GET /api/v1/merchants/:id/statement.xlsx': 'from=2026-06-01&to=2026-06-30',
};

/**
 * How the matrix makes the account for a role whose work hangs on a link beyond the role
 * grant (a cashier belongs to a merchant). Other roles get a plain account with the grant.
 */
export const roleAccounts: Partial<
  Record<Role, (h: Harness, orgId: string) => Promise<{ username: string }>>
> = {
  merchant: async (h, orgId) => {
    const { merchant } = await benefitsFixtures.merchantWithCashiers(h, orgId);
    const username = `matrixcashier${randomUUID().slice(0, 6)}`;
    await h.app.modules.benefits.merchants.createAccount(
      benefitsFixtures.staffCtx(h),
      h.rootScope('benefit:manage'),
      merchant.id,
      { username, displayName: username, password: TEST_PASSWORD, outletId: merchant.outlets[0]!.id },
    );
    return { username };
  },
};

/**
 * Routes whose records belong to one merchant or one person rather than to an organisation:
 * a holder of the permission who is not the owner gets 404, so the matrix accepts 404 inside.
 */
export const ownerScopedRoutes = new Set<string>(['POST /api/v1/redemptions/:id/reversal']);

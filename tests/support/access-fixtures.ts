import type { Harness } from './harness.ts';

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
};

/**
 * Valid bodies for routes that take a record in the path and a body, so the matrix test
 * reaches the scope check instead of stopping at validation. Keyed by `METHOD url`.
 */
export const accessBodies: Record<string, (h: Harness, orgId: string) => Promise<unknown>> = {
  'PATCH /api/v1/organisations/:id': async () => ({ name: `改名${Math.random().toString(36).slice(2, 8)}` }),
  'POST /api/v1/organisations/:id/move': async (_h, orgId) => ({ parentId: orgId }),
  'POST /api/v1/accounts/:id/grants': async (_h, orgId) => ({ role: 'judge', orgId }),
  'PATCH /api/v1/members/:id': async () => ({ trade: '电工' }),
};

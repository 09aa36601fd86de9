import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../tests/support/harness.ts';
import { memberAccount, merchant, openCampaign, route } from './benefits.int-fixtures.ts';
import { vouchers } from './benefits.tables.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('moving an organisation (org) carries the benefits records kept under it', () => {
  it('gives the new parent’s staff the merchants, campaigns, claims, routes and applications, and takes them from the old parent’s', async () => {
    const province = await h.factory.org({ kind: 'province' });
    const oldParent = await h.factory.org({ parentId: province.id });
    const newParent = await h.factory.org({ parentId: province.id });
    const county = await h.factory.org({ parentId: oldParent.id, kind: 'county' });
    const shop = await merchant(h, county.id);
    // Eligibility defaults to the funding organisation: the rule keeps the county's path.
    const campaign = await openCampaign(h, county.id);
    const withDeparture = await route(h, county.id);
    const departureId = withDeparture.departures![0]!.id;
    const worker = await memberAccount(h, county.id, { login: true });
    const latecomer = await memberAccount(h, county.id, { login: true });
    const claim = async (cookie: string | null) =>
      h.request(cookie, {
        method: 'POST',
        url: `/api/v1/voucher-campaigns/${campaign.id}/claims`,
        headers: { 'idempotency-key': `claim-${randomUUID()}` },
      });
    const claimed = await claim(worker.cookie);
    expect(claimed.statusCode).toBe(201);
    const applied = await h.request(worker.cookie, {
      method: 'POST',
      url: `/api/v1/recuperation/departures/${departureId}/applications`,
      payload: {},
    });
    expect(applied.statusCode).toBe(201);

    const oldStaff = await h.as('union_staff', oldParent.id);
    const newStaff = await h.as('union_staff', newParent.id);
    const get = async (cookie: string, url: string) =>
      (await h.request(cookie, { method: 'GET', url })).statusCode;
    const lists = async (cookie: string, url: string, id: string) =>
      (await h.request(cookie, { method: 'GET', url }))
        .json()
        .items.map((r: { id: string }) => r.id)
        .includes(id);
    const sees = async (cookie: string) => ({
      merchant: await get(cookie, `/api/v1/merchants/${shop.id}`),
      merchants: await lists(cookie, '/api/v1/merchants?limit=200', shop.id),
      campaign: await get(cookie, `/api/v1/voucher-campaigns/${campaign.id}/progress`),
      campaigns: await lists(cookie, '/api/v1/voucher-campaigns?view=staff&limit=200', campaign.id),
      route: await get(cookie, `/api/v1/recuperation/routes/${withDeparture.id}`),
      routes: await lists(cookie, '/api/v1/recuperation/routes?view=staff&limit=200', withDeparture.id),
      applications: await get(cookie, `/api/v1/recuperation/departures/${departureId}/applications`),
    });
    const reaches = {
      merchant: 200,
      merchants: true,
      campaign: 200,
      campaigns: true,
      route: 200,
      routes: true,
      applications: 200,
    };
    const outside = {
      merchant: 404,
      merchants: false,
      campaign: 404,
      campaigns: false,
      route: 404,
      routes: false,
      applications: 404,
    };
    expect(await sees(oldStaff.cookie)).toEqual(reaches);
    expect(await sees(newStaff.cookie)).toEqual(outside);

    const provinceStaff = await h.as('union_staff', province.id);
    const moved = await h.request(provinceStaff.cookie, {
      method: 'POST',
      url: `/api/v1/organisations/${county.id}/move`,
      payload: { parentId: newParent.id },
    });
    expect(moved.statusCode).toBe(200);
    const newCountyPath = moved.json().path as string;
    expect(newCountyPath.startsWith(newParent.path)).toBe(true);

    expect(await sees(newStaff.cookie)).toEqual(reaches);
    expect(await sees(oldStaff.cookie)).toEqual(outside);

    // The claim keeps the member's path (no scope check reads it today): it moved too.
    const [voucher] = await h.db
      .select({ memberOrgPath: vouchers.memberOrgPath })
      .from(vouchers)
      .where(eq(vouchers.id, claimed.json().id));
    expect(voucher?.memberOrgPath).toBe(newCountyPath);

    // Members of the moved county still qualify: the eligibility rule's paths and the cached
    // organisation paths followed the move.
    expect((await claim(latecomer.cookie)).statusCode).toBe(201);
    expect(
      (await h.request(latecomer.cookie, { method: 'GET', url: `/api/v1/voucher-campaigns/${campaign.id}` }))
        .statusCode,
    ).toBe(200);
    const progress = await h.request(newStaff.cookie, {
      method: 'GET',
      url: `/api/v1/voucher-campaigns/${campaign.id}/progress`,
    });
    expect(progress.json().claimed).toBe(2);

    // Staff over the member's (moved) path may cancel the application; the old parent's may not.
    const applicationId = applied.json().id as string;
    const cancel = (cookie: string) =>
      h.request(cookie, { method: 'POST', url: `/api/v1/recuperation/applications/${applicationId}/cancel` });
    expect((await cancel(oldStaff.cookie)).statusCode).toBe(404);
    expect((await cancel(newStaff.cookie)).statusCode).toBe(200);
  });

  it(// On PGlite (one process by nature) the same assertions run against the one app.
  'makes every API process forget the organisation paths it cached, so new claims carry the new path', async () => {
    // A second API process with its own organisation cache (PostgreSQL only).
    const other = ((await h.secondProcess()) ?? h.app).server;
    const province = await h.factory.org({ kind: 'province' });
    const oldParent = await h.factory.org({ parentId: province.id });
    const newParent = await h.factory.org({ parentId: province.id });
    const county = await h.factory.org({ parentId: oldParent.id, kind: 'county' });
    const campaign = await openCampaign(h, county.id);
    const early = await memberAccount(h, county.id, { login: true });
    const late = await memberAccount(h, county.id, { login: true });
    const claimOn = async (cookie: string) => {
      const res = await other.inject({
        method: 'POST',
        url: `/api/v1/voucher-campaigns/${campaign.id}/claims`,
        headers: { cookie, 'idempotency-key': `claim-${randomUUID()}` },
      });
      expect(res.statusCode, res.body).toBe(201);
      const [row] = await h.db
        .select({ memberOrgPath: vouchers.memberOrgPath })
        .from(vouchers)
        .where(eq(vouchers.id, res.json().id));
      return row?.memberOrgPath;
    };
    // The other process now holds the county's path in its cache.
    expect(await claimOn(early.cookie!)).toBe(county.path);

    const provinceStaff = await h.as('union_staff', province.id);
    const moved = await h.request(provinceStaff.cookie, {
      method: 'POST',
      url: `/api/v1/organisations/${county.id}/move`,
      payload: { parentId: newParent.id },
    });
    expect(moved.statusCode).toBe(200);
    // Its clock stands still, so only the move's notice can empty its cache. NOTIFY arrives
    // within milliseconds; polled (a new member each time) up to 2 s, the bound is what is checked.
    let path = await claimOn(late.cookie!);
    for (let i = 0; i < 10 && path !== moved.json().path; i++) {
      await new Promise((r) => setTimeout(r, 200));
      path = await claimOn((await memberAccount(h, county.id, { login: true })).cookie!);
    }
    expect(path).toBe(moved.json().path);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../tests/support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('organisation tree', () => {
  it('adds, renames and lists the subtree of the caller only', async () => {
    const province = await h.factory.org({ kind: 'province' });
    const sibling = await h.factory.org({ kind: 'province' });
    const staff = await h.as('union_staff', province.id);
    const created = await h.request(staff.cookie, {
      method: 'POST',
      url: '/api/v1/organisations',
      payload: {
        parentId: province.id,
        name: '西双版纳傣族自治州总工会',
        kind: 'city',
        divisionCode: '532800',
      },
    });
    expect(created.statusCode).toBe(201);
    const city = created.json();
    expect(city.path).toBe(`${province.path}${city.id}/`);

    const renamed = await h.request(staff.cookie, {
      method: 'PATCH',
      url: `/api/v1/organisations/${city.id}`,
      payload: { name: '西双版纳州总工会' },
    });
    expect(renamed.json().name).toBe('西双版纳州总工会');

    await h.factory.member(city.id);
    await h.factory.org({ parentId: city.id, kind: 'county' });
    const list = await h.request(staff.cookie, { method: 'GET', url: '/api/v1/organisations' });
    const cityRow = list.json().items.find((o: { id: string }) => o.id === city.id);
    expect(cityRow).toMatchObject({ childCount: 1, memberCount: 1 });
    const ids = list.json().items.map((o: { id: string }) => o.id);
    expect(ids).toContain(province.id);
    expect(ids).toContain(city.id);
    expect(ids).not.toContain(sibling.id);
    expect(ids).not.toContain(h.rootId);

    const beside = await h.request(staff.cookie, {
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { parentId: sibling.id, name: '越权工会', kind: 'city' },
    });
    expect(beside.statusCode).toBe(404);
  });

  it('moves an organisation with its whole subtree, and refuses a move into its own subtree', async () => {
    const province = await h.factory.org({ kind: 'province' });
    const a = await h.factory.org({ parentId: province.id });
    const b = await h.factory.org({ parentId: province.id });
    const aChild = await h.factory.org({ parentId: a.id, kind: 'county' });
    const aGrandchild = await h.factory.org({ parentId: aChild.id, kind: 'grassroots' });
    const member = await h.factory.member(aGrandchild.id);
    const staff = await h.as('union_staff', province.id);

    const moved = await h.request(staff.cookie, {
      method: 'POST',
      url: `/api/v1/organisations/${aChild.id}/move`,
      payload: { parentId: b.id },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().path).toBe(`${b.path}${aChild.id}/`);
    const grand = await h.request(staff.cookie, {
      method: 'GET',
      url: `/api/v1/organisations/${aGrandchild.id}`,
    });
    expect(grand.json().path).toBe(`${b.path}${aChild.id}/${aGrandchild.id}/`);
    expect(grand.json().depth).toBe(aGrandchild.depth);

    // Staff of b now reach the moved member; staff of a no longer do.
    const bStaff = await h.as('union_staff', b.id);
    expect(
      (await h.request(bStaff.cookie, { method: 'GET', url: `/api/v1/members/${member.id}` })).statusCode,
    ).toBe(200);
    const aStaff = await h.as('union_staff', a.id);
    expect(
      (await h.request(aStaff.cookie, { method: 'GET', url: `/api/v1/members/${member.id}` })).statusCode,
    ).toBe(404);

    const loop = await h.request(staff.cookie, {
      method: 'POST',
      url: `/api/v1/organisations/${b.id}/move`,
      payload: { parentId: aGrandchild.id },
    });
    expect(loop.statusCode).toBe(409);
    expect(loop.json().code).toBe('org/move-into-own-subtree');
  });

  it('closes only an empty organisation', async () => {
    const parent = await h.factory.org();
    const full = await h.factory.org({ parentId: parent.id, kind: 'grassroots' });
    await h.factory.member(full.id);
    const empty = await h.factory.org({ parentId: parent.id, kind: 'grassroots' });
    const staff = await h.as('union_staff', parent.id);
    const refused = await h.request(staff.cookie, {
      method: 'POST',
      url: `/api/v1/organisations/${full.id}/close`,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('org/organisation-not-empty');
    const closed = await h.request(staff.cookie, {
      method: 'POST',
      url: `/api/v1/organisations/${empty.id}/close`,
    });
    expect(closed.json().status).toBe('closed');
    const own = await h.request(staff.cookie, {
      method: 'POST',
      url: `/api/v1/organisations/${parent.id}/close`,
    });
    expect(own.statusCode).toBe(409);
  });
});

describe('administrators (三员分立) and the audit log', () => {
  it('lets only the audit admin read the audit log of its subtree', async () => {
    const org = await h.factory.org();
    const other = await h.factory.org();
    const staff = await h.as('union_staff', org.id);
    await h.request(staff.cookie, {
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { parentId: org.id, name: '审计可见工会', kind: 'grassroots' },
    });
    await h.request((await h.as('union_staff', other.id)).cookie, {
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { parentId: other.id, name: '审计不可见工会', kind: 'grassroots' },
    });
    const auditor = await h.as('audit_admin', org.id);
    const log = await h.request(auditor.cookie, { method: 'GET', url: '/api/v1/audit?limit=200' });
    expect(log.statusCode).toBe(200);
    const details = JSON.stringify(log.json().items);
    expect(details).toContain('审计可见工会');
    expect(details).not.toContain('审计不可见工会');
    for (const role of ['union_staff', 'sys_admin', 'security_admin'] as const) {
      const other = await h.as(role, org.id);
      expect((await h.request(other.cookie, { method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(403);
    }
  });

  it('keeps the audit log append-only in the database itself', async () => {
    const { sql } = await import('drizzle-orm');
    await expect(h.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(h.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('refuses to give one account two of the three administrator roles, and separates their work', async () => {
    const org = await h.factory.org();
    const security = await h.as('security_admin', org.id);
    const sys = await h.factory.account('sys_admin', org.id);
    const second = await h.request(security.cookie, {
      method: 'POST',
      url: `/api/v1/accounts/${sys.id}/grants`,
      payload: { role: 'audit_admin', orgId: org.id },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('org/separation-of-duties');
    const staff = await h.request(security.cookie, {
      method: 'POST',
      url: `/api/v1/accounts/${sys.id}/grants`,
      payload: { role: 'union_staff', orgId: org.id },
    });
    expect(staff.statusCode).toBe(201);

    const sysCookie = await h.login(sys.username);
    const grantBySys = await h.request(sysCookie, {
      method: 'POST',
      url: `/api/v1/accounts/${security.accountId}/grants`,
      payload: { role: 'member', orgId: org.id },
    });
    expect(grantBySys.statusCode).toBe(403);
    const createBySecurity = await h.request(security.cookie, {
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { username: 'newbie', displayName: '新人', password: 'newbie-Passw0rd', orgId: org.id },
    });
    expect(createBySecurity.statusCode).toBe(403);
  });
});

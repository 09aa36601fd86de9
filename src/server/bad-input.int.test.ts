import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../tests/support/harness.ts';
import { queryRows } from './platform/db/database.ts';

/**
 * Bad input never half-writes: every case answers 4xx problem+json naming the field, in the
 * caller's language, and the database is exactly as before.
 */
let h: Harness;
let cookie: string;
let orgId: string;

beforeAll(async () => {
  h = await createHarness();
  orgId = (await h.factory.org()).id;
  await h.factory.member(orgId);
  cookie = (await h.as('union_staff', orgId)).cookie;
});
afterAll(async () => {
  await h?.close();
});

async function snapshot() {
  const rows = await queryRows<{ members: number; orgs: number; digest: string }>(
    h.db,
    sql`
    select (select count(*)::int from members) as members,
           (select count(*)::int from organisations) as orgs,
           (select coalesce(md5(string_agg(id::text || name || phone || status, ',' order by id)), '') from members) as digest`,
  );
  return rows[0];
}

function validMember() {
  return {
    orgId,
    name: '王建国',
    ethnicity: '汉族',
    phone: '13812345678',
    nationalId: h.factory.nationalId(),
    joinDate: '2020-01-01',
  };
}

const INJECTIONS = [
  "Robert'); DROP TABLE members;--",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  "' OR '1'='1",
];

describe('bad input', () => {
  const cases: {
    name: string;
    field: string;
    status: number;
    send: () => Promise<{
      statusCode: number;
      headers: Record<string, unknown>;
      json: () => Record<string, unknown>;
    }>;
  }[] = [
    {
      name: 'malformed JSON',
      field: 'body',
      status: 400,
      send: () =>
        h.request(cookie, {
          method: 'POST',
          url: '/api/v1/members',
          headers: { 'content-type': 'application/json' },
          payload: '{"name": "王",',
        }),
    },
    {
      name: 'a wrong type',
      field: 'body.phone',
      status: 400,
      send: () =>
        h.request(cookie, {
          method: 'POST',
          url: '/api/v1/members',
          payload: { ...validMember(), phone: 13812345678 },
        }),
    },
    {
      name: 'an unknown field',
      field: 'body.isAdmin',
      status: 400,
      send: () =>
        h.request(cookie, {
          method: 'POST',
          url: '/api/v1/members',
          payload: { ...validMember(), isAdmin: true },
        }),
    },
    {
      name: 'a missing field',
      field: 'body.ethnicity',
      status: 400,
      send: () => {
        const { ethnicity: _e, ...rest } = validMember();
        return h.request(cookie, { method: 'POST', url: '/api/v1/members', payload: rest });
      },
    },
    {
      name: 'an oversized body',
      field: 'body',
      status: 413,
      send: () =>
        h.request(cookie, {
          method: 'POST',
          url: '/api/v1/members',
          payload: { ...validMember(), trade: 'x'.repeat(2 * 1024 * 1024) },
        }),
    },
    {
      name: 'an invalid national ID',
      field: 'body.nationalId',
      status: 400,
      send: () =>
        h.request(cookie, {
          method: 'POST',
          url: '/api/v1/members',
          payload: { ...validMember(), nationalId: '110105199001011234' },
        }),
    },
    {
      name: 'a value outside the code list',
      field: 'body.ethnicity',
      status: 400,
      send: () =>
        h.request(cookie, {
          method: 'POST',
          url: '/api/v1/members',
          payload: { ...validMember(), ethnicity: '火星族' },
        }),
    },
    {
      name: 'a malformed id in the path',
      field: 'path.id',
      status: 400,
      send: () =>
        h.request(cookie, { method: 'GET', url: `/api/v1/members/${encodeURIComponent("1' OR 1=1")}` }),
    },
    {
      name: 'a bad query parameter',
      field: 'query.limit',
      status: 400,
      send: () => h.request(cookie, { method: 'GET', url: '/api/v1/members?limit=100000' }),
    },
    {
      name: 'a forged cursor',
      field: 'query.cursor',
      status: 400,
      send: () => h.request(cookie, { method: 'GET', url: '/api/v1/members?cursor=bm90LWEtY3Vyc29y' }),
    },
    ...INJECTIONS.map((value) => ({
      name: `an injection string as a name: ${value}`,
      field: 'body.name',
      status: 400,
      send: () =>
        h.request(cookie, {
          method: 'POST',
          url: '/api/v1/members',
          payload: { ...validMember(), name: value },
        }),
    })),
    ...INJECTIONS.map((value) => ({
      name: `an injection string as an organisation name: ${value}`,
      field: 'body.name',
      status: 400,
      send: () =>
        h.request(cookie, {
          method: 'POST',
          url: '/api/v1/organisations',
          payload: { parentId: orgId, name: value, kind: 'grassroots' },
        }),
    })),
    ...INJECTIONS.map((value) => ({
      name: `an injection string as an id: ${value}`,
      field: 'body.orgId',
      status: 400,
      send: () =>
        h.request(cookie, {
          method: 'POST',
          url: '/api/v1/members',
          payload: { ...validMember(), orgId: value },
        }),
    })),
  ];

  for (const c of cases) {
    it(`answers ${c.name} with ${c.status} problem+json naming ${c.field}, and changes nothing`, async () => {
      const before = await snapshot();
      const res = await c.send();
      expect(res.statusCode).toBe(c.status);
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
      const problem = res.json();
      expect(problem.status).toBe(c.status);
      expect(typeof problem.code).toBe('string');
      expect(problem.field).toBe(c.field);
      expect(String(problem.detail).length).toBeGreaterThan(0);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('treats injection strings in a search as plain text', async () => {
    const before = await snapshot();
    for (const value of INJECTIONS) {
      const res = await h.request(cookie, {
        method: 'GET',
        url: `/api/v1/members?q=${encodeURIComponent(value)}`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('names the field in English and Lao when asked', async () => {
    const payload = { ...validMember(), nationalId: '110105199001011234' };
    const en = await h.request(cookie, {
      method: 'POST',
      url: '/api/v1/members',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
      payload,
    });
    expect(en.json().detail).toContain('body.nationalId is not a valid national ID number');
    const lo = await h.request(cookie, {
      method: 'POST',
      url: '/api/v1/members',
      headers: { 'accept-language': 'lo' },
      payload,
    });
    expect(lo.json().detail).toContain('ບໍ່ແມ່ນເລກບັດປະຈຳຕົວ');
    const zh = await h.request(cookie, { method: 'POST', url: '/api/v1/members', payload });
    expect(zh.json().detail).toContain('不是有效的居民身份证号码');
  });

  it('hides the details of a server error', async () => {
    const res = await h.request(cookie, { method: 'GET', url: '/api/v1/no-such-route' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('platform/not-found');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../tests/support/harness.ts';
import { readSheet } from '../../platform/files/tables.ts';
import { employmentFactory, multipart } from './employment.fixtures.ts';

let h: Harness;
let f: ReturnType<typeof employmentFactory>;
beforeAll(async () => {
  h = await createHarness();
  f = employmentFactory(h);
});
afterAll(async () => {
  await h?.close();
});

describe('the school of a job seeker', () => {
  it('is taken at registration, shown on the profile, and edited (or cleared) there', async () => {
    const seeker = await f.seeker({ name: '罗小燕', school: '贞丰县中等职业学校' });
    const mine = await h.request(seeker.cookie, { method: 'GET', url: '/api/v1/me/profile' });
    expect(mine.json()).toMatchObject({ school: '贞丰县中等职业学校', summary: '' });

    const edited = await h.request(seeker.cookie, {
      method: 'PATCH',
      url: '/api/v1/me/profile',
      payload: { school: '黔西南民族职业技术学院' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().school).toBe('黔西南民族职业技术学院');
    const cleared = await h.request(seeker.cookie, {
      method: 'PATCH',
      url: '/api/v1/me/profile',
      payload: { school: null },
    });
    expect(cleared.json().school).toBeNull();
  });

  it('refuses a school longer than 60 characters, naming the field, at registration and on the profile', async () => {
    const tooLong = '贞'.repeat(61);
    const register = await h.request(null, {
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { phone: '13700001111', password: 'seeker-Passw0rd', school: tooLong },
    });
    expect(register.statusCode).toBe(400);
    expect(register.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.school']);

    const seeker = await f.seeker();
    const patch = await h.request(seeker.cookie, {
      method: 'PATCH',
      url: '/api/v1/me/profile',
      payload: { school: tooLong },
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().errors[0].field).toBe('body.school');
  });

  it('is imported from the dataset’s JSON Lines (optional) and a spreadsheet’s 学校 column, and exported', async () => {
    const org = await h.factory.org();
    const staff = await h.as('union_staff', org.id);
    const tag = `${Date.now()}`;
    const jsonl = [
      { id: `S${tag}a`, name: '王小芳', desiredTrades: ['电工'], school: '贞丰县中等职业学校', summary: tag },
      // The dataset's own lines have no school: still valid.
      { id: `S${tag}b`, name: '李小明', desiredTrades: ['焊工'], summary: tag, education: null },
    ];
    const fromJsonl = await h.request(staff.cookie, {
      method: 'POST',
      url: `/api/v1/profiles/import?orgId=${org.id}`,
      ...multipart('workers.jsonl', Buffer.from(jsonl.map((l) => JSON.stringify(l)).join('\n'))),
    });
    expect(fromJsonl.json()).toMatchObject({ imported: 2, rejected: 0 });

    const csv = `姓名,意向工种,学校,自我介绍\n张小兰,数控车工,黔西南民族职业技术学院,${tag}\n`;
    const fromCsv = await h.request(staff.cookie, {
      method: 'POST',
      url: `/api/v1/profiles/import?orgId=${org.id}`,
      ...multipart('students.csv', Buffer.from(csv)),
    });
    expect(fromCsv.json()).toMatchObject({ imported: 1, rejected: 0 });

    const list = await h.request(staff.cookie, { method: 'GET', url: `/api/v1/profiles?q=${tag}&limit=10` });
    const schools = Object.fromEntries(
      list.json().items.map((p: { name: string; school: string | null }) => [p.name, p.school]),
    );
    expect(schools).toEqual({
      王小芳: '贞丰县中等职业学校',
      李小明: null,
      张小兰: '黔西南民族职业技术学院',
    });
    // Staff can find students by their school.
    const bySchool = await h.request(staff.cookie, {
      method: 'GET',
      url: `/api/v1/profiles?q=${encodeURIComponent('黔西南民族职业技术学院')}&limit=50`,
    });
    expect(bySchool.json().items.map((p: { name: string }) => p.name)).toContain('张小兰');

    const exported = await h.request(staff.cookie, { method: 'GET', url: '/api/v1/profiles/export' });
    expect(exported.statusCode).toBe(200);
    const rows = await readSheet(exported.rawPayload, 'profiles.xlsx');
    const row = rows.find((r) => r.values.姓名 === '王小芳');
    expect(row?.values.学校).toBe('贞丰县中等职业学校');
  });
});

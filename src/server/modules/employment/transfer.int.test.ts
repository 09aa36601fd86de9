import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../tests/support/harness.ts';
import { writeXlsx } from '../../platform/files/tables.ts';
import { employmentFactory, multipart } from './employment.fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

async function countJobs(cookie: string, employerName: string): Promise<number> {
  const res = await h.request(cookie, {
    method: 'GET',
    url: `/api/v1/jobs?q=${encodeURIComponent(employerName)}&limit=100`,
  });
  // The engine may add related postings of other employers after the literal matches.
  return res.json().items.filter((j: { employerName: string }) => j.employerName === employerName).length;
}

describe('import and export of jobs and profiles', () => {
  it('reports each bad row and field of a spreadsheet, imports nothing, then imports the valid rows when asked', async () => {
    const org = await h.factory.org();
    const staff = await h.as('union_staff', org.id);
    const employer = `导入测试企业${Date.now()}`;
    const row = (o: Record<string, string>) => ({
      编号: '',
      职位名称: '数控车工',
      工种: '数控车工',
      用人单位: employer,
      岗位描述: `${employer}招聘`,
      城市: '宁波市',
      最低月薪: '6500',
      最高月薪: '9000',
      招聘人数: '2',
      福利标签: '包吃住、五险一金',
      优先籍贯: '贵州',
      ...o,
    });
    const rows = [
      row({ 编号: `A${Date.now()}` }),
      row({ 招聘人数: '零', 职位名称: '' }),
      row({ 最低月薪: '9000', 最高月薪: '6000' }),
      row({ 职位名称: '焊工', 工种: '焊工' }),
    ];
    const headers = Object.keys(rows[0]!);
    const file = await writeXlsx(
      '岗位',
      headers.map((header) => ({ header, value: (r: Record<string, string>) => r[header] ?? '' })),
      rows,
    );
    const url = `/api/v1/jobs/import?orgId=${org.id}`;

    const strict = await h.request(staff.cookie, { method: 'POST', url, ...multipart('jobs.xlsx', file) });
    expect(strict.statusCode).toBe(200);
    const report = strict.json();
    expect(report).toMatchObject({ total: 4, imported: 0, rejected: 2 });
    const fields = report.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`);
    expect(fields).toEqual(expect.arrayContaining(['3:招聘人数', '3:职位名称', '4:最高月薪']));
    expect(await countJobs(staff.cookie, employer)).toBe(0);

    const lenient = await h.request(staff.cookie, {
      method: 'POST',
      url: `${url}&validRowsOnly=true`,
      ...multipart('jobs.xlsx', file),
    });
    expect(lenient.json()).toMatchObject({ total: 4, imported: 2, rejected: 2 });
    // The employer was unknown: it is created unverified, so its postings wait for review.
    const mine = await h.request(staff.cookie, {
      method: 'GET',
      url: `/api/v1/jobs?q=${encodeURIComponent(employer)}&reviewStatus=pending&limit=100`,
    });
    expect(
      mine.json().items.filter((j: { employerName: string }) => j.employerName === employer),
    ).toHaveLength(2);

    const exported = await h.request(staff.cookie, { method: 'GET', url: '/api/v1/jobs/export' });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
  });

  it('imports the dataset’s JSON Lines, naming the line and field of a bad row', async () => {
    const org = await h.factory.org();
    const staff = await h.as('union_staff', org.id);
    const lines = [
      {
        id: `J${Date.now()}`,
        title: '标准胶生产线操作员',
        trade: '橡胶加工工',
        employer: `景洪测试橡胶${Date.now()}`,
        description: 'SCR标准胶生产',
        skills: ['造粒'],
        certificates: [],
        education: null,
        minYears: 1,
        city: '景洪',
        district: null,
        lat: 21.93,
        lng: 100.88,
        salaryMin: 4500,
        salaryMax: 6000,
        headcount: 6,
        tags: ['包住'],
        priorityOrigins: [],
        languages: [],
        shift: '三班倒',
      },
      {
        id: 'BAD1',
        title: '客服',
        trade: '客服',
        employer: '某公司',
        description: '',
        skills: null,
        certificates: [],
        education: null,
        minYears: null,
        city: '磨憨',
        district: null,
        lat: 200,
        lng: 101.69,
        salaryMin: null,
        salaryMax: null,
        headcount: -1,
        tags: [],
        priorityOrigins: [],
        languages: ['老挝语'],
        shift: null,
      },
    ];
    const data = Buffer.from(`${lines.map((l) => JSON.stringify(l)).join('\n')}\n{not json\n`);
    const res = await h.request(staff.cookie, {
      method: 'POST',
      url: `/api/v1/jobs/import?orgId=${org.id}`,
      ...multipart('jobs.jsonl', data),
    });
    const report = res.json();
    expect(report).toMatchObject({ total: 3, imported: 0, rejected: 2 });
    expect(report.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(
      expect.arrayContaining(['2:lat', '2:headcount', '3:(line)']),
    );
  });

  it('imports worker profiles (hidden unless asked) and lists them for staff, phones masked', async () => {
    const org = await h.factory.org();
    const staff = await h.as('union_staff', org.id);
    const tag = `${Date.now()}`;
    const lines = [
      {
        id: `W${tag}`,
        name: '罗小燕',
        desiredTrades: ['数控车工'],
        summary: `贞丰中职${tag}`,
        skills: ['数控车床'],
        certificates: [],
        education: '中专',
        years: 0,
        hometownProvince: '贵州省',
        city: '贞丰',
        lat: 25.39,
        lng: 105.65,
        maxCommuteKm: null,
        willingToRelocate: true,
        expectedSalary: 6000,
        languages: ['普通话'],
      },
    ];
    const res = await h.request(staff.cookie, {
      method: 'POST',
      url: `/api/v1/profiles/import?orgId=${org.id}`,
      ...multipart('workers.jsonl', Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n'))),
    });
    expect(res.json()).toMatchObject({ imported: 1, rejected: 0 });
    const list = await h.request(staff.cookie, { method: 'GET', url: `/api/v1/profiles?q=${tag}` });
    expect(list.json().items[0]).toMatchObject({
      name: '罗小燕',
      visible: false,
      hometownProvince: '贵州省',
    });
    const again = await h.request(staff.cookie, {
      method: 'POST',
      url: `/api/v1/profiles/import?orgId=${org.id}`,
      ...multipart('workers.jsonl', Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n'))),
    });
    expect(again.json()).toMatchObject({ imported: 0, rejected: 1 });
  });
});

describe('service points and registration', () => {
  it('answers the points within 15 minutes by e-bike, nearest first, with metres', async () => {
    const county = await h.factory.org({ kind: 'county' });
    const staff = await h.as('union_staff', county.id);
    const point = (name: string, lat: number, lng: number) =>
      h.request(staff.cookie, {
        method: 'POST',
        url: '/api/v1/service-points',
        payload: {
          orgId: county.id,
          name,
          kind: 'community',
          address: '磨憨镇',
          lat,
          lng,
          services: ['求职登记'],
        },
      });
    for (const [name, lat, lng] of [
      ['远处服务点', 21.48, 101.56],
      ['近处服务点', 21.205, 101.603],
      ['中间服务点', 21.22, 101.61],
    ] as const) {
      expect((await point(name, lat, lng)).statusCode).toBe(201);
    }
    const res = await h.request(null, {
      method: 'GET',
      url: '/api/v1/service-points/nearby?lat=21.2&lng=101.6&minutes=15&mode=ebike',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ speedKmh: 15, radiusMetres: 3750 });
    const names = body.items.map((p: { name: string }) => p.name);
    expect(names.indexOf('近处服务点')).toBeLessThan(names.indexOf('中间服务点'));
    expect(names).not.toContain('远处服务点');
    const d = body.items.map((p: { distanceMetres: number }) => p.distanceMetres);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
    const walking = await h.request(null, {
      method: 'GET',
      url: '/api/v1/service-points/nearby?lat=21.2&lng=101.6&minutes=15&mode=walk',
    });
    expect(walking.json().items.map((p: { name: string }) => p.name)).toContain('近处服务点');
    expect(walking.json().items.map((p: { name: string }) => p.name)).not.toContain('中间服务点');
  });

  it('registers a job seeker at the chosen union, signs in, and refuses the same phone twice', async () => {
    const f = employmentFactory(h);
    const school = await h.factory.org({ kind: 'grassroots', name: `贞丰县中等职业学校工会${Date.now()}` });
    const seeker = await f.seeker({ orgId: school.id, name: '罗小燕' });
    const me = (await h.request(seeker.cookie, { method: 'GET', url: '/api/v1/me' })).json();
    expect(me.roles).toEqual([{ role: 'job_seeker', orgId: school.id, orgName: school.name }]);
    const profile = (await h.request(seeker.cookie, { method: 'GET', url: '/api/v1/me/profile' })).json();
    expect(profile).toMatchObject({ name: '罗小燕', hometownProvince: '贵州省', phone: seeker.phone });
    const again = await h.request(null, {
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { phone: seeker.phone, password: 'another-Passw0rd' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().field).toBe('body.phone');
    const weak = await h.request(null, {
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { phone: '13700009999', password: '123' },
    });
    expect(weak.statusCode).toBe(400);
  });
});

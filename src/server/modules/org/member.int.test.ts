import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../tests/support/harness.ts';
import { countAudit } from '../../platform/audit/audit.ts';
import { queryRows } from '../../platform/db/database.ts';
import { writeXlsx } from '../../platform/files/tables.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

async function memberCount(cookie: string): Promise<number> {
  const res = await h.request(cookie, { method: 'GET', url: '/api/v1/members?limit=1' });
  return res.json().total;
}

function multipart(filename: string, data: Buffer) {
  const boundary = `----gy${Date.now()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('members', () => {
  it('lists only the subtree of the role, with masked phone and ID', async () => {
    const province = await h.factory.org({ kind: 'province' });
    const county = await h.factory.org({ parentId: province.id, kind: 'county' });
    const elsewhere = await h.factory.org({ kind: 'province' });
    const inside = await h.factory.member(county.id, { phone: '13812345678' });
    const outside = await h.factory.member(elsewhere.id);
    const staff = await h.as('union_staff', county.id);

    const res = await h.request(staff.cookie, { method: 'GET', url: '/api/v1/members' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((m: { id: string }) => m.id)).toEqual([inside.id]);
    expect(body.items[0].phone).toBe('138****5678');
    expect(body.items[0].nationalId).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    expect(body.items[0].masked).toBe(true);

    const denied = await h.request(staff.cookie, { method: 'GET', url: `/api/v1/members/${outside.id}` });
    expect([403, 404]).toContain(denied.statusCode);
    expect(denied.headers['content-type']).toContain('application/problem+json');
  });

  it('unmasks only on request, for a role that may, and audits each read', async () => {
    const org = await h.factory.org();
    const member = await h.factory.member(org.id, { phone: '13900001111' });
    const staff = await h.as('union_staff', org.id);
    const before = await countAudit(h.db, 'read_sensitive', member.id);
    const res = await h.request(staff.cookie, {
      method: 'GET',
      url: `/api/v1/members/${member.id}?unmask=true`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().phone).toBe('13900001111');
    expect(res.json().nationalId).toMatch(/^\d{17}[\dX]$/);
    expect(await countAudit(h.db, 'read_sensitive', member.id)).toBe(before + 1);
  });

  it('keeps the national ID encrypted at rest and findable only by keyed hash', async () => {
    const org = await h.factory.org();
    const member = await h.factory.member(org.id);
    const staff = await h.as('union_staff', org.id);
    const full = (
      await h.request(staff.cookie, { method: 'GET', url: `/api/v1/members/${member.id}?unmask=true` })
    ).json();
    const [row] = await queryRows<{ id_cipher: string; id_hash: string }>(
      h.db,
      sql`select id_cipher, id_hash from members where id = ${member.id}`,
    );
    if (!row) {
      throw new Error('member row missing');
    }
    expect(row.id_cipher).not.toContain(full.nationalId);
    expect(row.id_cipher.startsWith('v1.')).toBe(true);
    expect(row.id_hash).not.toContain(full.nationalId);
  });

  it('creates a member, refuses a duplicate ID, and pages by cursor in pinyin order', async () => {
    const org = await h.factory.org();
    const staff = await h.as('union_staff', org.id);
    const nationalId = h.factory.nationalId('female');
    const body = {
      orgId: org.id,
      name: '张三丰',
      ethnicity: '傣族',
      phone: '13700000001',
      nationalId,
      joinDate: '2021-01-01',
    };
    const created = await h.request(staff.cookie, { method: 'POST', url: '/api/v1/members', payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json().gender).toBe('female');
    const dup = await h.request(staff.cookie, {
      method: 'POST',
      url: '/api/v1/members',
      payload: { ...body, name: '李四' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().field).toBe('body.nationalId');

    for (const name of ['阿明', '王五', '赵六']) {
      await h.factory.member(org.id, { name });
    }
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await h.request(staff.cookie, {
        method: 'GET',
        url: `/api/v1/members?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      });
      const page = res.json();
      names.push(...page.items.map((m: { name: string }) => m.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual(['阿明', '王五', '张三丰', '赵六']);
  });

  it('imports nothing from a file with bad rows, reports each row and field, and imports valid rows when asked', async () => {
    const org = await h.factory.org({ name: `导入测试工会${Date.now()}` });
    const staff = await h.as('union_staff', org.id);
    const good1 = h.factory.nationalId();
    const good2 = h.factory.nationalId('female');
    const rows = [
      {
        姓名: '王小明',
        性别: '男',
        民族: '汉族',
        手机号: '13811112222',
        身份证号: good1,
        所属组织: org.name,
        工种: '焊工',
        入会日期: '2022-03-01',
        状态: '在册',
        标签: '劳模、技术能手',
      },
      {
        姓名: '刘芳',
        性别: '女',
        民族: '火星族',
        手机号: '12345',
        身份证号: '110105199001011234',
        所属组织: org.name,
        工种: '',
        入会日期: '2022-03-01',
        状态: '在册',
        标签: '',
      },
      {
        姓名: '周杰',
        性别: '女',
        民族: '苗族',
        手机号: '13811113333',
        身份证号: good2,
        所属组织: '不存在的工会',
        工种: '',
        入会日期: '2022-03-01',
        状态: '在册',
        标签: '',
      },
      {
        姓名: '陈静',
        性别: '女',
        民族: '苗族',
        手机号: '13811114444',
        身份证号: good2,
        所属组织: org.name,
        工种: '电工',
        入会日期: '2022-03-01',
        状态: '在册',
        标签: '',
      },
    ];
    const headers = Object.keys(rows[0]!);
    const file = await writeXlsx(
      '会员',
      headers.map((header) => ({ header, value: (r: Record<string, string>) => r[header] ?? '' })),
      rows,
    );
    const countBefore = await memberCount(staff.cookie);

    const strict = multipart('members.xlsx', file);
    const report = await h.request(staff.cookie, {
      method: 'POST',
      url: '/api/v1/members/import',
      ...strict,
    });
    expect(report.statusCode).toBe(200);
    const r = report.json();
    expect(r.imported).toBe(0);
    expect(r.rejected).toBe(2);
    const fields = r.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`);
    expect(fields).toEqual(expect.arrayContaining(['3:民族', '3:手机号', '3:身份证号', '4:所属组织']));
    expect(await memberCount(staff.cookie)).toBe(countBefore);

    const lenient = multipart('members.xlsx', file);
    const second = await h.request(staff.cookie, {
      method: 'POST',
      url: '/api/v1/members/import?validRowsOnly=true',
      ...lenient,
    });
    expect(second.json().imported).toBe(2);
    expect(await memberCount(staff.cookie)).toBe(countBefore + 2);
  });

  it('reads CSV files too', async () => {
    const org = await h.factory.org({ name: `CSV工会${Date.now()}` });
    const staff = await h.as('union_staff', org.id);
    const csv = `姓名,民族,手机号,身份证号,所属组织,入会日期\n杨丽,白族,13655556666,${h.factory.nationalId('female')},${org.name},2019-09-09\n`;
    const res = await h.request(staff.cookie, {
      method: 'POST',
      url: '/api/v1/members/import',
      ...multipart('m.csv', Buffer.from(`\uFEFF${csv}`)),
    });
    expect(res.json()).toMatchObject({ total: 1, imported: 1, rejected: 0 });
  });

  it('exports an .xlsx of the scope with masked phones', async () => {
    const org = await h.factory.org();
    await h.factory.member(org.id, { name: '导出甲', phone: '13512345678' });
    const other = await h.factory.org();
    await h.factory.member(other.id, { name: '范围外' });
    const staff = await h.as('union_staff', org.id);
    const res = await h.request(staff.cookie, { method: 'GET', url: '/api/v1/members/export' });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const values = sheet.getSheetValues().flat().map(String);
    expect(values).toContain('导出甲');
    expect(values).toContain('135****5678');
    expect(values).not.toContain('范围外');
    expect(values).not.toContain('13512345678');
  });
});

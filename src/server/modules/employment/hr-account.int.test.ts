import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../tests/support/harness.ts';
import { employmentFactory } from './employment.fixtures.ts';

let h: Harness;
let f: ReturnType<typeof employmentFactory>;
beforeAll(async () => {
  h = await createHarness();
  f = employmentFactory(h);
});
afterAll(async () => {
  await h?.close();
});

describe('HR accounts of an employer', () => {
  it('are created with a username and display name, signs in with them, and are listed by name', async () => {
    const { employer, staff } = await f.employerWithHr();
    const username = `hr-${Date.now().toString(36)}`;
    const created = await h.request(staff.cookie, {
      method: 'POST',
      url: `/api/v1/employers/${employer.id}/hr-accounts`,
      payload: { username, displayName: '人事 王芳', password: 'hr-Passw0rd-2026' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username, displayName: '人事 王芳' });
    const cookie = await h.login(username, 'hr-Passw0rd-2026');
    const me = (await h.request(cookie, { method: 'GET', url: '/api/v1/me' })).json();
    expect(me).toMatchObject({ username, displayName: '人事 王芳' });
    expect(me.roles).toEqual([expect.objectContaining({ role: 'employer_hr', orgId: employer.orgId })]);

    const list = await h.request(staff.cookie, {
      method: 'GET',
      url: `/api/v1/employers/${employer.id}/hr-accounts`,
    });
    expect(list.json().items.map((a: { username: string; displayName: string }) => a.displayName)).toEqual([
      expect.stringMatching(/^HR hr/),
      '人事 王芳',
    ]);
  });

  it('refuses a missing or malformed username or display name, a weak password and a taken username, naming the field', async () => {
    const { employer, staff } = await f.employerWithHr();
    const create = (payload: Record<string, unknown>) =>
      h.request(staff.cookie, {
        method: 'POST',
        url: `/api/v1/employers/${employer.id}/hr-accounts`,
        payload,
      });
    const valid = {
      username: `hr-${Date.now().toString(36)}`,
      displayName: '人事',
      password: 'hr-Passw0rd-2026',
    };
    const fieldsOf = async (payload: Record<string, unknown>) => {
      const res = await create(payload);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      return res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort();
    };
    expect(await fieldsOf({ password: valid.password })).toEqual(['body.displayName', 'body.username']);
    expect(await fieldsOf({ ...valid, username: 'HR 王' })).toEqual(['body.username']);
    expect(await fieldsOf({ ...valid, username: 'ab' })).toEqual(['body.username']);
    expect(await fieldsOf({ ...valid, displayName: '' })).toEqual(['body.displayName']);
    expect(await fieldsOf({ ...valid, displayName: '人'.repeat(41) })).toEqual(['body.displayName']);

    const weak = await create({ ...valid, password: '12345' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().field).toBe('body.password');

    expect((await create(valid)).statusCode).toBe(201);
    const taken = await create({ ...valid, displayName: '另一个人事' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'org/username-taken', field: 'body.username' });
  });

  it('may be created only by staff whose subtree serves the employer', async () => {
    const { employer } = await f.employerWithHr();
    const elsewhere = await h.factory.org();
    const outsider = await h.as('union_staff', elsewhere.id);
    const res = await h.request(outsider.cookie, {
      method: 'POST',
      url: `/api/v1/employers/${employer.id}/hr-accounts`,
      payload: {
        username: `hr-${Date.now().toString(36)}`,
        displayName: '人事',
        password: 'hr-Passw0rd-2026',
      },
    });
    expect(res.statusCode).toBe(404);
  });
});

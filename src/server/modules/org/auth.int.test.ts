import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, TEST_PASSWORD } from '../../../../tests/support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({
    env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15', SESSION_IDLE_MINUTES: '30' },
  });
});
afterAll(async () => {
  await h?.close();
});

describe('sign-in and sessions', () => {
  it('signs in by username, sets an HttpOnly SameSite cookie, and /me names the user, roles and organisation', async () => {
    const org = await h.factory.org({ name: `勐腊测试${Date.now()}` });
    const account = await h.factory.account('union_staff', org.id);
    const res = await h.app.server.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: account.username, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toContain('gy_session=');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    const cookie = `gy_session=${res.cookies[0]!.value}`;
    const me = await h.request(cookie, { method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: account.username,
      roles: [{ role: 'union_staff', orgId: org.id, orgName: org.name }],
      organisation: { id: org.id, name: org.name },
    });
    expect(me.json().permissions).toContain('member:read');
  });

  it('answers 401 without a session, and a wrong password with a problem in the caller’s language', async () => {
    expect((await h.request(null, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const org = await h.factory.org();
    const account = await h.factory.account('member', org.id);
    const zh = await h.request(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: account.username, password: 'wrong-password-1' },
    });
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toMatchObject({ code: 'auth/invalid-credentials', detail: '用户名或密码不正确' });
    const en = await h.request(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { username: 'nobody-here', password: 'wrong-password-1' },
    });
    expect(en.json().detail).toBe('Wrong username or password.');
  });

  it('locks the account after repeated failures, even for the right password, until the lock ends or is lifted', async () => {
    const org = await h.factory.org();
    const account = await h.factory.account('member', org.id);
    for (let i = 0; i < 3; i++) {
      await h.request(null, {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: account.username, password: 'not-the-Passw0rd' },
      });
    }
    const locked = await h.request(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: account.username, password: TEST_PASSWORD },
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('auth/locked');

    const security = await h.as('security_admin', org.id);
    const unlock = await h.request(security.cookie, {
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/unlock`,
    });
    expect(unlock.statusCode).toBe(204);
    expect(
      (
        await h.request(null, {
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: account.username, password: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('ends the session on logout and after the idle timeout', async () => {
    const org = await h.factory.org();
    const account = await h.factory.account('member', org.id);
    const cookie = await h.login(account.username);
    expect((await h.request(cookie, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await h.request(cookie, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);

    const idle = await h.login(account.username);
    expect((await h.request(idle, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    h.clock.advance(31 * 60_000);
    expect((await h.request(idle, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });

  it('changes the password under the policy and signs out everywhere', async () => {
    const org = await h.factory.org();
    const account = await h.factory.account('member', org.id);
    const cookie = await h.login(account.username);
    const weak = await h.request(cookie, {
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().field).toBe('body.newPassword');
    const ok = await h.request(cookie, {
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-much-Better-one-9' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await h.request(cookie, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    expect(await h.login(account.username, 'a-much-Better-one-9')).toContain('gy_session=');
  });
});

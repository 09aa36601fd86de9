import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../tests/support/harness.ts';
import type { App } from '../../app.ts';
import { DEFAULT_SESSION_CACHE_MS } from './session-cache.ts';

/**
 * Resolved sessions are cached for a moment in each API process. These tests warm the cache
 * first (the same cookie on the same process just before), so a sign-out or a revoked role
 * that did not drop the cached entry would still be let through.
 */
let h: Harness;
let second: App | null = null;

beforeAll(async () => {
  h = await createHarness();
  // A second API process on the same PostgreSQL: its own pool, bus and session cache.
  second = await h.secondProcess();
});
afterAll(async () => {
  await h?.close();
});

const me = (cookie: string) => h.request(cookie, { method: 'GET', url: '/api/v1/me' });
const audit = (cookie: string) => h.request(cookie, { method: 'GET', url: '/api/v1/audit' });

/** An audit admin (a role to revoke) and a security admin who may revoke it, at one organisation. */
async function auditorAndSecurity() {
  const org = await h.factory.org();
  const auditor = await h.as('audit_admin', org.id);
  const security = await h.as('security_admin', org.id);
  const listed = await h.request(security.cookie, {
    method: 'GET',
    url: `/api/v1/accounts?q=${auditor.username}`,
  });
  expect(listed.statusCode).toBe(200);
  const grantId = listed.json().items.find((a: { id: string }) => a.id === auditor.accountId).grants[0]
    .id as string;
  return { org, auditor, security, grantId };
}

describe('session cache', () => {
  it('signs out at once on the process that handled the sign-out, though the session was just cached', async () => {
    const org = await h.factory.org();
    const account = await h.factory.account('member', org.id);
    const cookie = await h.login(account.username);
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await h.request(cookie, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('takes a revoked role away at once, and a granted one shows at once', async () => {
    const { org, auditor, security, grantId } = await auditorAndSecurity();
    expect((await audit(auditor.cookie)).statusCode).toBe(200);
    expect((await audit(auditor.cookie)).statusCode).toBe(200);
    const revoked = await h.request(security.cookie, {
      method: 'DELETE',
      url: `/api/v1/accounts/${auditor.accountId}/grants/${grantId}`,
    });
    expect(revoked.statusCode).toBe(204);
    expect((await audit(auditor.cookie)).statusCode).toBe(403);
    expect((await me(auditor.cookie)).json().roles).toEqual([]);

    const member = await h.as('member', org.id);
    expect((await audit(member.cookie)).statusCode).toBe(403);
    const granted = await h.request(security.cookie, {
      method: 'POST',
      url: `/api/v1/accounts/${member.accountId}/grants`,
      payload: { role: 'audit_admin', orgId: org.id },
    });
    expect(granted.statusCode).toBe(201);
    expect((await audit(member.cookie)).statusCode).toBe(200);
  });

  it('signs out everywhere when the password changes', async () => {
    const org = await h.factory.org();
    const account = await h.factory.account('member', org.id);
    const other = await h.login(account.username);
    const cookie = await h.login(account.username);
    expect((await me(other)).statusCode).toBe(200);
    const changed = await h.request(cookie, {
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { currentPassword: account.password, newPassword: 'another-Good-one-7' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await me(other)).statusCode).toBe(401);
  });

  it(// On PGlite (one process by nature) the same assertions run against the one app.
  'drops a revoked session in another API process too, within the cache lifetime', async () => {
    const other = (second ?? h.app).server;
    const { auditor, security, grantId } = await auditorAndSecurity();
    const signedIn = await h.login(auditor.username);
    const onOther = (cookie: string, url: string) =>
      other.inject({ method: 'GET', url, headers: { cookie } });
    // Both sessions of the auditor are now cached in the other process.
    expect((await onOther(auditor.cookie, '/api/v1/audit')).statusCode).toBe(200);
    expect((await onOther(signedIn, '/api/v1/me')).statusCode).toBe(200);

    expect((await h.request(signedIn, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect(
      (
        await h.request(security.cookie, {
          method: 'DELETE',
          url: `/api/v1/accounts/${auditor.accountId}/grants/${grantId}`,
        })
      ).statusCode,
    ).toBe(204);

    // The guarantee: refused by the other process no later than the cache lifetime (NOTIFY is
    // usually much faster). Polled, not timed: the bound is what is checked.
    const deadline = performance.now() + DEFAULT_SESSION_CACHE_MS + 500;
    let signedOut = 0;
    let forbidden = 0;
    while (performance.now() < deadline) {
      signedOut = (await onOther(signedIn, '/api/v1/me')).statusCode;
      forbidden = (await onOther(auditor.cookie, '/api/v1/audit')).statusCode;
      if (signedOut === 401 && forbidden === 403) {
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(signedOut).toBe(401);
    expect(forbidden).toBe(403);
  });
});

import { randomUUID } from 'node:crypto';
import type { Harness } from '../../../../tests/support/harness.ts';
import type { Role } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/auth/scope.ts';
import { creditCodeCheckChar } from '../../platform/identity.ts';
import type { ServiceContext } from '../../platform/service-context.ts';

/** Test-data factories for the employment API tests (each test makes its own organisations). */
export function creditCode(): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '';
  for (let i = 0; i < 9; i++) {
    body += chars[Math.floor(Math.random() * chars.length)];
  }
  const first17 = `91330206${body}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

/** A multipart/form-data body with one file in the field `file` (the import routes). */
export function multipart(filename: string, data: Buffer) {
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

export function employmentFactory(h: Harness) {
  async function post(cookie: string, url: string, payload: unknown) {
    return h.request(cookie, { method: 'POST', url, payload: payload as Record<string, unknown> });
  }

  return {
    /** A union, its staff, a verified employer and one HR account signed in. */
    async employerWithHr(options: { verified?: boolean; orgId?: string } = {}) {
      const org = options.orgId ? { id: options.orgId } : await h.factory.org({ kind: 'city' });
      const staff = await h.as('union_staff', org.id);
      const created = await post(staff.cookie, '/api/v1/employers', {
        orgId: org.id,
        name: `测试企业${randomUUID().slice(0, 8)}`,
        creditCode: creditCode(),
        industry: '汽车制造',
        city: '宁波市',
      });
      if (created.statusCode !== 201) {
        throw new Error(`employer: ${created.statusCode} ${created.body}`);
      }
      const employer = created.json();
      if (options.verified !== false) {
        await post(staff.cookie, `/api/v1/employers/${employer.id}/verification`, {
          verification: 'verified',
        });
      }
      const username = `hr${randomUUID().slice(0, 8)}`;
      const hrRes = await post(staff.cookie, `/api/v1/employers/${employer.id}/hr-accounts`, {
        username,
        displayName: `HR ${username}`,
        password: 'test-Passw0rd',
      });
      if (hrRes.statusCode !== 201) {
        throw new Error(`hr: ${hrRes.statusCode} ${hrRes.body}`);
      }
      const hr = { cookie: await h.login(username), accountId: hrRes.json().accountId as string };
      return { org, staff, employer, hr };
    },

    async job(cookie: string, overrides: Record<string, unknown> = {}) {
      const res = await post(cookie, '/api/v1/jobs', {
        title: '数控车工',
        trade: '数控车工',
        city: '宁波市',
        district: '北仑区',
        description: '负责数控车床操作，包吃住。',
        salaryMin: 6500,
        salaryMax: 9000,
        headcount: 3,
        tags: ['包吃住', '五险一金'],
        priorityOrigins: ['贵州'],
        ...overrides,
      });
      if (res.statusCode !== 201) {
        throw new Error(`job: ${res.statusCode} ${res.body}`);
      }
      return res.json();
    },

    /** Registers a job seeker through the API; returns the session cookie. */
    async seeker(overrides: Record<string, unknown> = {}) {
      const phone = `13${Math.floor(Math.random() * 9e8 + 1e8)}`.slice(0, 11);
      const res = await h.request(null, {
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { phone, password: 'seeker-Passw0rd', hometownProvince: '贵州省', ...overrides },
      });
      if (res.statusCode !== 201) {
        throw new Error(`register: ${res.statusCode} ${res.body}`);
      }
      const cookie = res.cookies.find((c) => c.name === 'gy_session');
      return { cookie: `gy_session=${cookie!.value}`, accountId: res.json().accountId as string, phone };
    },

    /** A service context for a made-up actor (for driving services directly, e.g. in the concurrency test). */
    actorCtx(role: Role, org: { id: string; path: string }, accountId = randomUUID()): ServiceContext {
      const actor: Actor = {
        accountId,
        username: `a${accountId.slice(0, 6)}`,
        displayName: `测试${accountId.slice(0, 4)}`,
        sessionId: 'test',
        memberId: null,
        grants: [{ role, orgId: org.id, orgPath: org.path, orgName: 'test' }],
      };
      return {
        actor,
        locale: 'zh-CN',
        audit: { accountId: null, username: 'test', requestId: null, ip: null },
      };
    },
  };
}

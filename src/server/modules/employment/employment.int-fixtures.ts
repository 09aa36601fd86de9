import { randomUUID } from 'node:crypto';
import type { Harness } from '../../../../tests/support/harness.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { creditCode } from './employment.fixtures.ts';

/**
 * Records for the access-matrix test (tests/support/access-fixtures.ts): each lives in the
 * given organisation, and every employer_hr account held there is linked to the employer, so
 * "HR of this employer" is what the matrix's HR role stands for.
 */
async function staffCtx(h: Harness, orgId: string): Promise<ServiceContext> {
  const org = (await h.app.modules.org.organisations.lookup(orgId))!;
  return {
    ...h.ctx,
    actor: {
      accountId: randomUUID(),
      username: 'matrix-staff',
      displayName: '矩阵工会干部',
      sessionId: '',
      memberId: null,
      grants: [{ role: 'union_staff', orgId, orgPath: org.path, orgName: org.name }],
    },
  };
}

export async function employer(h: Harness, orgId: string) {
  const employment = h.app.modules.employment;
  const created = await employment.employers.create(h.ctx, h.rootScope('employer:write'), {
    orgId,
    name: `矩阵企业${randomUUID().slice(0, 8)}`,
    creditCode: creditCode(),
    industry: '汽车制造',
  });
  await employment.employers.verify(h.ctx, h.rootScope('employer:verify'), created.id, {
    verification: 'verified',
  });
  const accounts = await h.app.modules.org.accounts.list(h.rootScope('account:read'), undefined);
  for (const account of accounts) {
    if (account.grants.some((g) => g.role === 'employer_hr' && g.orgId === orgId)) {
      await employment.employers.linkHr(h.ctx, created.id, account);
    }
  }
  return created;
}

export async function job(h: Harness, orgId: string) {
  const e = await employer(h, orgId);
  return h.app.modules.employment.jobs.create(await staffCtx(h, orgId), {
    employerId: e.id,
    status: 'open',
    title: '矩阵数控车工',
    trade: '数控车工',
    description: '',
    skills: [],
    certificates: [],
    city: '宁波',
    salaryMin: 6000,
    salaryMax: 8000,
    headcount: 5,
    tags: [],
    priorityOrigins: [],
    languages: [],
  });
}

export async function application(h: Harness, orgId: string) {
  const posted = await job(h, orgId);
  const org = (await h.app.modules.org.organisations.lookup(orgId))!;
  const seeker: ServiceContext = {
    ...h.ctx,
    actor: {
      accountId: randomUUID(),
      username: 'matrix-seeker',
      displayName: '矩阵求职者',
      sessionId: '',
      memberId: null,
      grants: [{ role: 'job_seeker', orgId, orgPath: org.path, orgName: org.name }],
    },
  };
  return h.app.modules.employment.applications.apply(seeker, posted.id);
}

export async function zone(h: Harness, orgId: string) {
  return h.app.modules.employment.zones.create(h.ctx, h.rootScope('zone:write'), {
    orgId,
    name: '矩阵专区',
    description: '',
    provinces: ['贵州'],
  });
}

export async function servicePoint(h: Harness, orgId: string) {
  return h.app.modules.employment.servicePoints.create(h.ctx, h.rootScope('service-point:write'), {
    orgId,
    name: '矩阵服务点',
    kind: 'community',
    address: '磨憨镇',
    lat: 21.2,
    lng: 101.6,
    hours: '',
    services: [],
    languages: [],
  });
}

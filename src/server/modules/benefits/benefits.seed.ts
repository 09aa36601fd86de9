import { randomBytes, randomUUID } from 'node:crypto';
import type { Actor, Scope } from '../../platform/auth/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { creditCodeCheckChar } from '../../platform/identity.ts';
import { type ServiceContext, systemContext } from '../../platform/service-context.ts';
import { sortKey } from '../../platform/sort-key.ts';
import { createRandom, type Random } from '../../seed/random.ts';
import type { OrgModule } from '../org/index.ts';
import * as repo from './benefits.repository.ts';
import type { CreateMerchantBody } from './benefits.schemas.ts';
import { voucherCampaigns, voucherClaimCounts, voucherRedemptions, vouchers } from './benefits.tables.ts';
import type { CampaignService } from './campaign.service.ts';
import type { MerchantService } from './merchant.service.ts';
import type { PriorityRule } from './recuperation.lottery.ts';
import type { RecuperationService } from './recuperation.service.ts';

/**
 * Demo data of the 佛山 工惠促消费 festival: 11 partner merchants (those the newspaper names
 * and others), a finished campaign with redemptions, open campaigns for 佛山 members, and
 * 51 recuperation routes of which 6 are the featured 四山两江 routes. History is written
 * with bulk inserts (a past campaign cannot be claimed through the service's clock).
 */
interface Modules {
  org: OrgModule;
  benefits: { merchants: MerchantService; campaigns: CampaignService; recuperation: RecuperationService };
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function creditCode(random: Random): string {
  let body = '91440604';
  for (let i = 0; i < 9; i++) {
    body += CREDIT_CHARS[random.int(0, CREDIT_CHARS.length - 1)];
  }
  return `${body}${creditCodeCheckChar(body)}`;
}

const FOSHAN = { lat: 23.0215, lng: 113.1214 };

const MERCHANTS: { name: string; category: CreateMerchantBody['category']; outlets: string[] }[] = [
  { name: '佛山市天蓝电器有限公司', category: 'appliances', outlets: ['祖庙店', '南海桂城店', '顺德大良店'] },
  { name: '银联商务支付股份有限公司佛山分公司', category: 'payment', outlets: ['禅城服务网点'] },
  { name: '京东', category: 'e-commerce', outlets: ['京东电器佛山千灯湖店', '京东便利佛山季华店'] },
  {
    name: '天猫优品',
    category: 'e-commerce',
    outlets: ['天猫优品电器体验店（禅城）', '天猫优品（三水西南）'],
  },
  { name: '佛山创意产业园', category: 'culture-tourism', outlets: ['创意产业园文创市集'] },
  { name: '佛山市嘉荣超市有限公司', category: 'supermarket', outlets: ['嘉荣超市澜石店', '嘉荣超市高明店'] },
  { name: '广东壹加壹商业连锁有限公司佛山店', category: 'supermarket', outlets: ['壹加壹顺德容桂店'] },
  { name: '佛山岭南天地商业管理有限公司', category: 'department-store', outlets: ['岭南天地商场'] },
  { name: '佛山市祖庙文创商店', category: 'culture-tourism', outlets: ['祖庙博物馆文创店'] },
  { name: '佛山市顺德区大良美食城', category: 'catering', outlets: ['大良美食城总店', '华侨城分店'] },
  { name: '佛山市南海区平洲药房连锁有限公司', category: 'health', outlets: ['平洲药房桂城店'] },
];

const FEATURED_ROUTES = [
  { name: '四山两江·西樵山生态休养线', region: '佛山南海' },
  { name: '四山两江·皂幕山森林康养线', region: '佛山高明' },
  { name: '四山两江·顺峰山湿地慢行线', region: '佛山顺德' },
  { name: '四山两江·南丹山溯溪休养线', region: '佛山三水' },
  { name: '四山两江·西江风光休养线', region: '佛山高明' },
  { name: '四山两江·北江水韵休养线', region: '佛山三水' },
];
const DESTINATIONS = [
  ['韶关丹霞山', '广东韶关'],
  ['肇庆鼎湖山', '广东肇庆'],
  ['清远连州地下河', '广东清远'],
  ['河源万绿湖', '广东河源'],
  ['梅州雁南飞', '广东梅州'],
  ['阳江海陵岛', '广东阳江'],
  ['惠州罗浮山', '广东惠州'],
  ['江门开平碉楼', '广东江门'],
  ['潮州古城', '广东潮州'],
  ['汕头南澳岛', '广东汕头'],
  ['湛江湖光岩', '广东湛江'],
  ['云浮新兴六祖故里', '广东云浮'],
  ['桂林漓江', '广西桂林'],
  ['井冈山', '江西吉安'],
  ['黔东南苗寨', '贵州黔东南'],
] as const;
const THEMES = [
  ['康养休养', 4, 168_000],
  ['红色教育', 3, 128_000],
  ['劳模工匠研学', 5, 238_000],
] as const;

function actor(accountId: string, username: string): Actor {
  return { accountId, username, displayName: username, sessionId: '', memberId: null, grants: [] };
}

function ctxOf(accountId: string, username: string): ServiceContext {
  return {
    ...systemContext('seed'),
    actor: actor(accountId, username),
    audit: { accountId, username, requestId: null, ip: null },
  };
}

export async function seedBenefits(
  db: Db,
  modules: Modules,
  orgIds: Map<string, string>,
  clock: Clock,
): Promise<void> {
  const random = createRandom(20_211_111);
  const { org, benefits } = modules;
  const foshanId = orgIds.get('佛山市总工会');
  const rootId = orgIds.get('中华全国总工会');
  if (!foshanId || !rootId) {
    throw new Error('benefits seed: 佛山市总工会 is missing from the organisation seed');
  }
  const rootPath = (await org.organisations.inScope({ permission: 'org:read', roots: ['/'] }, rootId)).path;
  const scope = (permission: Scope['permission']): Scope => ({ permission, roots: [rootPath] });
  const accountIds = new Map(
    (await org.accounts.list(scope('account:read'), undefined)).map((a) => [a.username, a.id] as const),
  );
  const staffId = accountIds.get('foshan-staff');
  const checkerId = accountIds.get('acftu-admin');
  const cashierId = accountIds.get('merchant-foshan');
  if (!staffId || !checkerId || !cashierId) {
    throw new Error('benefits seed: demo accounts foshan-staff, acftu-admin and merchant-foshan are needed');
  }
  const maker = ctxOf(staffId, 'foshan-staff');
  const checker = ctxOf(checkerId, 'acftu-admin');
  const now = clock.now();
  const day = 86_400_000;

  // ── merchants ──
  const merchantRows: { id: string; category: string; outletIds: string[] }[] = [];
  for (const [i, m] of MERCHANTS.entries()) {
    const created = await benefits.merchants.create(maker, scope('benefit:manage'), {
      orgId: foshanId,
      name: m.name,
      creditCode: creditCode(random),
      category: m.category,
      contactName: '联络人',
      contractStart: '2021-01-01',
      contractEnd: i === 10 ? '2025-12-31' : '2027-12-31',
      outlets: m.outlets.map((name) => ({
        name,
        address: `广东省佛山市${name}`,
        lat: FOSHAN.lat + (random.next() - 0.5) * 0.2,
        lng: FOSHAN.lng + (random.next() - 0.5) * 0.2,
      })),
    });
    merchantRows.push({ id: created.id, category: m.category, outletIds: created.outlets.map((o) => o.id) });
  }
  const tianlan = merchantRows[0]!;
  await repo.insertMerchantAccount(db, {
    accountId: cashierId,
    merchantId: tianlan.id,
    outletId: tianlan.outletIds[0] ?? null,
  });

  // ── campaigns: two open now (claim window open for the next year), one awaiting approval ──
  const foshanOnly = { orgIds: [foshanId], tagsAny: [], tagsAll: [], minMembershipYears: 0 };
  const iso = (t: number) => new Date(t).toISOString();
  const open = await benefits.campaigns.create(maker, scope('benefit:manage'), {
    orgId: foshanId,
    name: '2026 佛山工惠促消费·会员消费券',
    description: '佛山市总工会会员专享，合作商户通用。',
    faceValueFen: 5000,
    thresholdFen: 0,
    totalCount: 20_000,
    perMemberLimit: 1,
    claimStartsAt: iso(now.getTime() - day),
    claimEndsAt: iso(now.getTime() + 366 * day),
    validFrom: iso(now.getTime() - day),
    validUntil: iso(now.getTime() + 400 * day),
    eligibility: foshanOnly,
    acceptMerchantIds: [],
    acceptCategories: [],
    reversalWindowMinutes: 1440,
  });
  const appliances = await benefits.campaigns.create(maker, scope('benefit:manage'), {
    orgId: foshanId,
    name: '家电焕新 满100减20',
    faceValueFen: 2000,
    thresholdFen: 10_000,
    totalCount: 5_000,
    perMemberLimit: 2,
    claimStartsAt: iso(now.getTime() - day),
    claimEndsAt: iso(now.getTime() + 366 * day),
    validFrom: iso(now.getTime() - day),
    validUntil: iso(now.getTime() + 400 * day),
    eligibility: foshanOnly,
    acceptMerchantIds: [],
    acceptCategories: ['appliances', 'e-commerce'],
    reversalWindowMinutes: 60,
  });
  for (const c of [open, appliances]) {
    await benefits.campaigns.submit(maker, scope('benefit:manage'), c.id);
    await benefits.campaigns.approve(checker, scope('benefit:approve'), c.id);
  }
  const pending = await benefits.campaigns.create(maker, scope('benefit:manage'), {
    orgId: foshanId,
    name: '2027 春节文旅消费券（待审批）',
    faceValueFen: 3000,
    thresholdFen: 15_000,
    totalCount: 8_000,
    perMemberLimit: 1,
    claimStartsAt: iso(now.getTime() + 60 * day),
    claimEndsAt: iso(now.getTime() + 90 * day),
    validFrom: iso(now.getTime() + 60 * day),
    validUntil: iso(now.getTime() + 120 * day),
    eligibility: foshanOnly,
    acceptMerchantIds: [],
    acceptCategories: ['culture-tourism', 'catering'],
    reversalWindowMinutes: 1440,
  });
  await benefits.campaigns.submit(maker, scope('benefit:manage'), pending.id);

  // ── the finished 2025 festival: claims and redemptions written in bulk, then closed ──
  const members = (
    await org.members.list(systemContext('seed'), scope('member:read'), { orgId: foshanId, limit: 200 })
  ).items.filter((m) => m.status === 'active');
  const foshanPath = (await org.organisations.inScope(scope('org:read'), foshanId)).path;
  const past = new Date(now.getTime() - 200 * day);
  const finishedId = randomUUID();
  const total = 3000;
  const perMember = 3;
  await db.insert(voucherCampaigns).values({
    id: finishedId,
    orgId: foshanId,
    orgPath: foshanPath,
    name: '2025 佛山工惠促消费节·满100减20',
    description: '第五届工惠促消费节（已结束）',
    faceValueFen: 2000,
    thresholdFen: 10_000,
    totalCount: total,
    remaining: total - members.length * perMember,
    perMemberLimit: perMember,
    claimStartsAt: past,
    claimEndsAt: new Date(past.getTime() + 14 * day),
    validFrom: past,
    validUntil: new Date(past.getTime() + 60 * day),
    eligibility: {
      orgIds: [foshanId],
      orgPaths: [foshanPath],
      tagsAny: [],
      tagsAll: [],
      minMembershipYears: 0,
    },
    status: 'approved',
    createdBy: staffId,
    submittedAt: past,
    approvedBy: checkerId,
    approvedAt: past,
    createdAt: past,
    updatedAt: past,
  });
  const voucherRows: (typeof vouchers.$inferInsert)[] = [];
  const events: repo.NewVoucherEvent[] = [];
  const redemptionRows: (typeof voucherRedemptions.$inferInsert)[] = [];
  for (const m of members) {
    for (let seq = 1; seq <= perMember; seq++) {
      const id = randomUUID();
      const issuedAt = new Date(past.getTime() + random.int(0, 13 * day));
      const redeemed = random.chance(0.75);
      const redeemedAt = new Date(issuedAt.getTime() + random.int(1, 40) * day);
      voucherRows.push({
        id,
        campaignId: finishedId,
        memberId: m.id,
        accountId: null,
        memberOrgId: foshanId,
        memberOrgPath: foshanPath,
        seq,
        faceValueFen: 2000,
        thresholdFen: 10_000,
        status: redeemed ? 'redeemed' : 'issued',
        validFrom: past,
        validUntil: new Date(past.getTime() + 60 * day),
        issuedAt,
        redeemedAt: redeemed ? redeemedAt : null,
        updatedAt: redeemed ? redeemedAt : issuedAt,
      });
      events.push({
        voucherId: id,
        campaignId: finishedId,
        fromStatus: null,
        toStatus: 'issued',
        at: issuedAt,
      });
      if (redeemed) {
        const merchant = random.pick(merchantRows.slice(0, 10));
        const redemptionId = randomUUID();
        redemptionRows.push({
          id: redemptionId,
          voucherId: id,
          campaignId: finishedId,
          merchantId: merchant.id,
          outletId: merchant.outletIds[0] ?? null,
          cashierAccountId: cashierId,
          orderAmountFen: random.int(100, 3000) * 100,
          discountFen: 2000,
          redeemedAt,
          status: 'completed',
        });
        events.push({
          voucherId: id,
          campaignId: finishedId,
          fromStatus: 'issued',
          toStatus: 'redeemed',
          at: redeemedAt,
          merchantId: merchant.id,
          redemptionId,
        });
      }
    }
  }
  await db.insert(vouchers).values(voucherRows);
  await db
    .insert(voucherClaimCounts)
    .values(members.map((m) => ({ campaignId: finishedId, memberId: m.id, claimed: perMember })));
  if (redemptionRows.length > 0) {
    await db.insert(voucherRedemptions).values(redemptionRows);
  }
  await repo.insertVoucherEvents(db, events);
  await benefits.campaigns.close(maker, scope('benefit:manage'), finishedId);

  // ── 51 recuperation routes, 6 featured ──
  const priorities: PriorityRule[] = [
    { kind: 'tag', tag: '劳模' },
    { kind: 'membership-years', min: 10 },
  ];
  const eligibility = {
    orgIds: [foshanId],
    orgPaths: [foshanPath],
    tagsAny: [],
    tagsAll: [],
    minMembershipYears: 1,
  };
  const specs = [
    ...FEATURED_ROUTES.map((r) => ({ ...r, featured: true, days: 3, costFen: 98_000, theme: '生态休养' })),
    ...DESTINATIONS.flatMap(([dest, region]) =>
      THEMES.map(([theme, days, costFen]) => ({
        name: `${dest}${theme}线`,
        region,
        featured: false,
        days,
        costFen,
        theme,
      })),
    ),
  ];
  const routeRows = await repo.insertRoutes(
    db,
    specs.map((s) => ({
      id: randomUUID(),
      orgId: foshanId,
      orgPath: foshanPath,
      name: s.name,
      nameKey: sortKey(s.name),
      region: s.region,
      summary: `${s.region}${s.days}天${s.theme}，含交通、住宿、餐饮与保险。`,
      itinerary: Array.from({ length: s.days }, (_, i) => ({
        day: i + 1,
        title: i === 0 ? '集合出发 · 入住' : i === s.days - 1 ? '返程' : `${s.theme}活动`,
        description: `${s.name}第${i + 1}天`,
      })),
      days: s.days,
      costFen: s.costFen,
      featured: s.featured,
      eligibility,
      priorities,
      status: 'published',
      createdBy: staffId,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const departureRows = await repo.insertDepartures(
    db,
    routeRows.flatMap((r, i) => [
      {
        id: randomUUID(),
        routeId: r.id,
        departDate: new Date(now.getTime() + (45 + (i % 20)) * day).toISOString().slice(0, 10),
        places: r.featured ? 30 : 20,
        applyStartsAt: new Date(now.getTime() - day),
        applyEndsAt: new Date(now.getTime() + 30 * day),
        status: 'open',
        createdAt: now,
      },
      ...(r.featured
        ? [
            {
              id: randomUUID(),
              routeId: r.id,
              departDate: new Date(now.getTime() + 10 * day).toISOString().slice(0, 10),
              places: 5,
              applyStartsAt: new Date(now.getTime() - 20 * day),
              applyEndsAt: new Date(now.getTime() - 2 * day),
              status: 'open',
              createdAt: now,
            },
          ]
        : []),
    ]),
  );
  // An oversubscribed departure of the first featured route, drawn with a published seed.
  const drawn = departureRows.find((d) => d.routeId === routeRows[0]!.id && d.places === 5)!;
  for (const m of members.slice(0, 12)) {
    const years = Math.max(0, Number(now.toISOString().slice(0, 4)) - Number(m.joinDate.slice(0, 4)));
    await repo.insertApplication(db, {
      id: randomUUID(),
      departureId: drawn.id,
      routeId: drawn.routeId,
      memberId: m.id,
      memberName: m.name,
      accountId: null,
      appliedBy: staffId,
      memberOrgPath: foshanPath,
      tier: m.tags.includes('劳模') ? 0 : years >= 10 ? 1 : 2,
      membershipYears: years,
      status: 'applied',
      createdAt: new Date(now.getTime() - 10 * day),
      updatedAt: new Date(now.getTime() - 10 * day),
    });
  }
  await benefits.recuperation.draw(
    maker,
    scope('benefit:manage'),
    drawn.id,
    `foshan-demo-${randomBytes(0).toString('hex')}20261111`,
  );
}

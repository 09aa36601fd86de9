import type { Actor } from '../../platform/auth/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { creditCodeCheckChar } from '../../platform/identity.ts';
import { type ServiceContext, systemContext } from '../../platform/service-context.ts';
import { sortKey } from '../../platform/sort-key.ts';
import { createRandom, type Random } from '../../seed/random.ts';
import type { OrgModule } from '../org/index.ts';
import type { ApplicationStatus } from './application.pipeline.ts';
import * as repo from './employment.repository.ts';
import { normalizeCity } from './employment.text.ts';
import type { EmploymentModule } from './index.ts';
import { derivedFields, trustFindings } from './job.service.ts';
import { profileSearchText } from './profile.service.ts';

/**
 * Demo data for the 甬黔同心 fair of the seed page (Ningbo employers hiring Guizhou workers),
 * Xishuangbanna's rubber, tea, tourism and China–Laos railway jobs, and 磨憨's cross-border
 * e-commerce. Generated with a seeded PRNG, bulk-inserted so `serve` starts in seconds.
 */

function pickSome<T>(random: Random, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) {
    out.push(pool.splice(random.int(0, pool.length - 1), 1)[0]!);
  }
  return out;
}

interface TradeSpec {
  trade: string;
  titles: string[];
  salary: [number, number];
  skills: string[];
  certificates?: string[];
  languages?: string[];
}

const NINGBO_TRADES: Record<string, TradeSpec[]> = {
  汽车制造: [
    {
      trade: '数控车工',
      titles: ['数控车工', 'CNC数控车工', '数控车工（可带徒）'],
      salary: [6500, 9500],
      skills: ['数控车床', 'FANUC系统', '看图纸', '量具使用'],
      certificates: ['数控车工（中级）（优先）'],
    },
    {
      trade: '焊工',
      titles: ['焊工', '二保焊焊工', '机器人焊接操作工'],
      salary: [7000, 10000],
      skills: ['二保焊', '氩弧焊', '看图纸'],
      certificates: ['焊工证（特种作业操作证）'],
    },
    {
      trade: '装配工',
      titles: ['总装线装配工', '汽车零部件装配工'],
      salary: [5500, 7500],
      skills: ['装配', '拧紧', '自检'],
    },
    {
      trade: '质检员',
      titles: ['质检员', '来料检验员', '三坐标检测员'],
      salary: [5200, 7500],
      skills: ['卡尺千分尺', '三坐标测量', '质量记录'],
    },
    {
      trade: '涂装工',
      titles: ['汽车涂装工', '喷涂操作工'],
      salary: [6000, 8500],
      skills: ['喷涂', '调漆', '打磨'],
    },
    {
      trade: '冲压操作工',
      titles: ['冲压操作工', '冲床操作工'],
      salary: [5500, 7800],
      skills: ['冲床操作', '模具更换', '安全操作'],
    },
    {
      trade: '叉车司机',
      titles: ['叉车司机', '厂内叉车工'],
      salary: [5500, 7500],
      skills: ['叉车驾驶', '物料搬运'],
      certificates: ['叉车证'],
    },
    {
      trade: '设备维修电工',
      titles: ['设备维修电工', '产线维修电工'],
      salary: [7000, 9800],
      skills: ['PLC', '电气维修', '设备保养'],
      certificates: ['低压电工证'],
    },
    { trade: '普工', titles: ['生产普工', '流水线普工'], salary: [5000, 6800], skills: ['流水线作业'] },
  ],
  高端装备: [
    {
      trade: '数控车工',
      titles: ['数控车工', '精密数控车工'],
      salary: [7000, 10000],
      skills: ['数控车床', '西门子系统', '看图纸'],
      certificates: ['数控车工（中级）（优先）'],
    },
    {
      trade: '数控铣工',
      titles: ['加工中心操作工', '数控铣工'],
      salary: [7000, 10000],
      skills: ['加工中心', '编程', '看图纸'],
    },
    {
      trade: '钳工',
      titles: ['装配钳工', '机修钳工'],
      salary: [6500, 9500],
      skills: ['钳工装配', '刮研', '看图纸'],
    },
    {
      trade: '电工',
      titles: ['电工', '电气装配工'],
      salary: [6500, 9000],
      skills: ['电气接线', '电气图纸'],
      certificates: ['低压电工证'],
    },
    {
      trade: '机器人操作员',
      titles: ['工业机器人操作员', '机器人调试员'],
      salary: [7000, 11000],
      skills: ['工业机器人示教', '故障排查'],
    },
    {
      trade: '机械设计工程师',
      titles: ['机械设计工程师', '非标设计工程师'],
      salary: [9000, 15000],
      skills: ['SolidWorks', 'AutoCAD', '公差配合'],
    },
    {
      trade: '焊工',
      titles: ['结构件焊工'],
      salary: [7000, 10000],
      skills: ['二保焊', '氩弧焊'],
      certificates: ['焊工证（特种作业操作证）'],
    },
    { trade: '质检员', titles: ['成品检验员'], salary: [5500, 7800], skills: ['量具使用', '检验记录'] },
  ],
  新材料: [
    {
      trade: '化工操作工',
      titles: ['化工操作工', 'DCS操作员'],
      salary: [6000, 8800],
      skills: ['DCS操作', '巡检', '安全操作'],
      certificates: ['危险化学品作业证（优先）'],
    },
    {
      trade: '注塑工',
      titles: ['注塑工', '注塑机调机员'],
      salary: [5500, 8000],
      skills: ['注塑机操作', '调机', '模具更换'],
    },
    {
      trade: '质检员',
      titles: ['原料检验员', '化验员'],
      salary: [5200, 7500],
      skills: ['化学分析', '检验记录'],
    },
    { trade: '设备维修工', titles: ['设备维修工'], salary: [6500, 9000], skills: ['机械维修', '设备保养'] },
    { trade: '普工', titles: ['包装普工', '生产普工'], salary: [5000, 6800], skills: ['包装', '流水线作业'] },
    {
      trade: '叉车司机',
      titles: ['仓储叉车司机'],
      salary: [5500, 7500],
      skills: ['叉车驾驶'],
      certificates: ['叉车证'],
    },
  ],
};

const NINGBO_PLACES = [
  { prefix: '北仑', org: '北仑区总工会', district: '北仑区', lat: 29.9, lng: 121.85 },
  { prefix: '慈溪', org: '慈溪市总工会', district: '慈溪市', lat: 30.17, lng: 121.27 },
  { prefix: '杭州湾', org: '慈溪市总工会', district: '杭州湾新区', lat: 30.31, lng: 121.22 },
  { prefix: '鄞州', org: '宁波市总工会', district: '鄞州区', lat: 29.82, lng: 121.55 },
  { prefix: '镇海', org: '宁波市总工会', district: '镇海区', lat: 29.95, lng: 121.72 },
  { prefix: '余姚', org: '宁波市总工会', district: '余姚市', lat: 30.04, lng: 121.15 },
  { prefix: '奉化', org: '宁波市总工会', district: '奉化区', lat: 29.66, lng: 121.41 },
];

const PRODUCTS: Record<string, string[]> = {
  汽车制造: [
    '汽车座椅',
    '汽车电子',
    '底盘系统',
    '汽车内饰',
    '汽车轮毂',
    '汽车灯具',
    '汽车线束',
    '新能源电池包',
    '汽车模具',
    '汽车紧固件',
    '传动部件',
  ],
  高端装备: [
    '数控机床',
    '智能装备',
    '液压机械',
    '机器人科技',
    '精密轴承',
    '工业自动化',
    '伺服电机',
    '注塑机械',
    '精密模具',
  ],
  新材料: [
    '磁性材料',
    '石化新材料',
    '光伏材料',
    '碳纤维复合材料',
    '高分子材料',
    '膜材料',
    '特种合金',
    '稀土永磁',
    '电子浆料',
  ],
};

const TAGS = ['包吃住', '五险一金', '包住', '工作餐', '班车', '夜班补贴', '带薪培训', '节日福利'];
const SHIFTS = ['长白班', '两班倒', '三班倒'];
const EDUCATION = ['初中及以上', '中专及以上', '高中及以上'];

function creditCode(random: Random, region: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '';
  for (let i = 0; i < 9; i++) {
    body += random.pick([...chars]);
  }
  const first17 = `91${region}${body}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

interface EmployerSeed {
  name: string;
  org: string;
  industry: string;
  city: string;
  district: string;
  lat: number;
  lng: number;
  region: string;
  trades: TradeSpec[];
  jobs: number;
  priorityOrigins: string[];
  verified: boolean;
}

const BANNA_EMPLOYERS: EmployerSeed[] = [
  {
    name: '景洪澜沧江天然橡胶制品有限公司',
    org: '景洪澜沧江天然橡胶制品有限公司工会',
    industry: '橡胶',
    city: '景洪',
    district: '景洪市',
    lat: 21.95,
    lng: 100.86,
    region: '532801',
    jobs: 8,
    priorityOrigins: [],
    verified: true,
    trades: [
      {
        trade: '橡胶加工工',
        titles: ['标准胶生产线操作员', '橡胶加工工'],
        salary: [4500, 6500],
        skills: ['标准胶生产', '造粒', '干燥', '压包'],
      },
      {
        trade: '制胶工',
        titles: ['制胶工', '烟片胶制胶工'],
        salary: [4200, 6000],
        skills: ['凝固', '压片', '烟熏'],
      },
      {
        trade: '设备维修工',
        titles: ['制胶设备维修工'],
        salary: [5000, 7000],
        skills: ['机械维修', '设备保养'],
      },
    ],
  },
  {
    name: '云南勐腊田野橡胶销售有限责任公司',
    org: '云南勐腊田野橡胶销售有限责任公司工会',
    industry: '橡胶',
    city: '勐腊',
    district: '勐腊县',
    lat: 21.47,
    lng: 101.57,
    region: '532823',
    jobs: 6,
    priorityOrigins: [],
    verified: true,
    trades: [
      {
        trade: '割胶工',
        titles: ['割胶工', '胶园割胶工（计件）'],
        salary: [3500, 6000],
        skills: ['割胶', '胶园管理'],
      },
      { trade: '质检员', titles: ['橡胶质检员'], salary: [4200, 6000], skills: ['杂质检测', '检验记录'] },
    ],
  },
  {
    name: '西双版纳勐海古树茶业有限公司',
    org: '西双版纳傣族自治州总工会',
    industry: '茶叶',
    city: '勐海',
    district: '勐海县',
    lat: 21.96,
    lng: 100.45,
    region: '532822',
    jobs: 6,
    priorityOrigins: [],
    verified: true,
    trades: [
      {
        trade: '制茶工',
        titles: ['普洱茶制茶工', '茶叶初制工'],
        salary: [3800, 6000],
        skills: ['杀青', '揉捻', '晒青'],
      },
      {
        trade: '茶艺师',
        titles: ['茶艺师', '茶叶门店茶艺师'],
        salary: [4000, 6500],
        skills: ['茶艺', '普洱茶知识', '接待'],
        certificates: ['茶艺师（优先）'],
      },
    ],
  },
  {
    name: '西双版纳雨林文旅康养有限公司',
    org: '景洪市总工会',
    industry: '文旅康养',
    city: '景洪',
    district: '告庄',
    lat: 21.99,
    lng: 100.8,
    region: '532801',
    jobs: 8,
    priorityOrigins: [],
    verified: true,
    trades: [
      {
        trade: '导游',
        titles: ['雨林景区导游', '中老泰线路导游'],
        salary: [4500, 8000],
        skills: ['讲解', '线路组织', '应急处理'],
        certificates: ['导游证'],
        languages: ['泰语（优先）', '老挝语（优先）'],
      },
      {
        trade: '酒店服务员',
        titles: ['康养酒店服务员', '客房服务员'],
        salary: [3500, 5500],
        skills: ['客房服务', '接待'],
      },
      {
        trade: '康养护理员',
        titles: ['康养护理员'],
        salary: [4000, 6500],
        skills: ['生活照护', '康复辅助'],
        certificates: ['养老护理员（优先）'],
      },
    ],
  },
  {
    name: '中老铁路磨憨站客运服务有限公司',
    org: '磨憨镇总工会',
    industry: '铁路运输',
    city: '磨憨',
    district: '磨憨站',
    lat: 21.21,
    lng: 101.66,
    region: '532823',
    jobs: 6,
    priorityOrigins: [],
    verified: true,
    trades: [
      {
        trade: '铁路客运员',
        titles: ['铁路客运员（磨憨站）', '国际列车客运服务员'],
        salary: [4800, 7000],
        skills: ['客运服务', '检票', '引导咨询'],
        languages: ['老挝语（优先）'],
      },
      { trade: '铁路安检员', titles: ['口岸站安检员'], salary: [4500, 6500], skills: ['安检', '应急处置'] },
      { trade: '铁路线路工', titles: ['线路工'], salary: [5500, 8000], skills: ['线路养护', '巡道'] },
    ],
  },
  ...[
    '磨憨澜湄跨境电商有限公司',
    '磨憨中老国际物流有限公司',
    '磨憨边贸供应链管理有限公司',
    '磨憨丝路数字贸易有限公司',
  ].map(
    (name, i): EmployerSeed => ({
      name,
      org: '磨憨跨境电商产业园联合工会',
      industry: i === 1 ? '物流' : '跨境电商',
      city: '磨憨',
      district: '磨憨跨境电商产业园',
      lat: 21.19 + i * 0.004,
      lng: 101.69 - i * 0.003,
      region: '532823',
      jobs: 7,
      priorityOrigins: [],
      verified: true,
      trades: [
        {
          trade: '跨境电商运营',
          titles: ['跨境电商运营（老挝站）', '跨境直播运营'],
          salary: [5000, 8500],
          skills: ['店铺运营', '直播带货', '选品'],
          languages: ['老挝语'],
        },
        {
          trade: '老挝语客服',
          titles: ['老挝语客服', '中老双语客服'],
          salary: [4500, 7000],
          skills: ['客户服务', '订单处理'],
          languages: ['老挝语', '普通话'],
        },
        {
          trade: '报关员',
          titles: ['报关员', '跨境报关专员'],
          salary: [5000, 8000],
          skills: ['报关', '单证制作'],
          languages: ['老挝语（优先）'],
        },
        {
          trade: '物流配送员',
          titles: ['跨境物流配送员', '口岸仓库理货员'],
          salary: [4500, 7000],
          skills: ['分拣', '配送'],
          languages: ['老挝语（优先）'],
        },
      ],
    }),
  ),
];

function ningboEmployers(random: Random): EmployerSeed[] {
  const list: EmployerSeed[] = [
    {
      name: '宁波甬江汽车零部件有限公司',
      org: '宁波甬江汽车零部件有限公司工会',
      industry: '汽车制造',
      city: '宁波',
      district: '北仑区',
      lat: 29.9,
      lng: 121.84,
      region: '330206',
      trades: NINGBO_TRADES.汽车制造!,
      jobs: 24,
      priorityOrigins: ['贵州'],
      verified: true,
    },
    {
      name: '宁波东海高端装备制造有限公司',
      org: '宁波东海高端装备制造有限公司工会',
      industry: '高端装备',
      city: '宁波',
      district: '北仑区',
      lat: 29.91,
      lng: 121.87,
      region: '330206',
      trades: NINGBO_TRADES.高端装备!,
      jobs: 22,
      priorityOrigins: ['贵州'],
      verified: true,
    },
    {
      name: '慈溪新材料科技股份有限公司',
      org: '慈溪新材料科技股份有限公司工会',
      industry: '新材料',
      city: '宁波',
      district: '慈溪市',
      lat: 30.18,
      lng: 121.26,
      region: '330282',
      trades: NINGBO_TRADES.新材料!,
      jobs: 22,
      priorityOrigins: ['贵州'],
      verified: true,
    },
  ];
  const seen = new Set(list.map((e) => e.name));
  const industries = ['汽车制造', '高端装备', '新材料'];
  let i = 0;
  while (list.length < 32) {
    const industry = industries[i % 3]!;
    const place = random.pick(NINGBO_PLACES);
    const product = random.pick(PRODUCTS[industry]!);
    const name = `宁波${place.prefix}${product}有限公司`;
    i++;
    if (seen.has(name)) {
      continue;
    }
    seen.add(name);
    list.push({
      name,
      org: place.org,
      industry,
      city: '宁波',
      district: place.district,
      lat: place.lat + random.int(-20, 20) / 1000,
      lng: place.lng + random.int(-20, 20) / 1000,
      region: '330200',
      trades: NINGBO_TRADES[industry]!,
      jobs: 22,
      priorityOrigins: ['贵州'],
      // Two employers have not finished verification: their postings wait for review.
      verified: list.length !== 20 && list.length !== 27,
    });
  }
  return list;
}

function jobsFor(
  random: Random,
  employer: EmployerSeed & { id: string; orgId: string; orgPath: string },
  now: Date,
): repo.NewJob[] {
  const rows: repo.NewJob[] = [];
  for (let k = 0; k < employer.jobs; k++) {
    // The first postings of every employer cover each trade once, so search finds them all.
    const spec = k < employer.trades.length ? employer.trades[k]! : random.pick(employer.trades);
    const [lo, hi] = spec.salary;
    const salaryMin = Math.round((lo + random.int(-5, 5) * 100) / 100) * 100;
    const salaryMax = Math.max(salaryMin + 500, Math.round((hi + random.int(-5, 5) * 100) / 100) * 100);
    const headcount = random.pick([1, 2, 2, 3, 3, 3, 4]);
    const title = random.pick(spec.titles);
    const tags = pickSome(random, TAGS, random.int(2, 4));
    const isNingbo = employer.city === '宁波';
    const description = isNingbo
      ? `${employer.name}招聘${title}，负责${spec.skills.slice(0, 2).join('、')}等工作。甬黔劳务协作岗位，贵州籍员工优先录用，提供集体宿舍，转正后缴纳五险一金。`
      : `${employer.name}招聘${title}，主要工作：${spec.skills.join('、')}。${spec.languages?.some((l) => l.startsWith('老挝语')) ? '会老挝语者可服务跨境业务。' : ''}`;
    const job = {
      title,
      trade: spec.trade,
      description,
      skills: spec.skills,
      tags,
      salaryMin,
      salaryMax,
      city: normalizeCity(employer.city),
      district: employer.district,
    };
    const findings = trustFindings(job, employer.verified);
    const daysAgo = random.int(0, 40);
    rows.push({
      ...job,
      employerId: employer.id,
      orgId: employer.orgId,
      orgPath: employer.orgPath,
      certificates: spec.certificates ?? [],
      education: random.pick(EDUCATION),
      minYears: spec.trade === '普工' ? 0 : random.int(0, 3),
      lat: employer.lat,
      lng: employer.lng,
      headcount,
      placesLeft: headcount,
      priorityOrigins: employer.priorityOrigins,
      languages: spec.languages ?? [],
      shift: random.pick(SHIFTS),
      status: 'open',
      featured: k === 0 && random.chance(0.3),
      reviewStatus: findings.length > 0 ? 'pending' : 'clear',
      reviewReasons: findings,
      publishedAt: new Date(now.getTime() - daysAgo * 86_400_000 - random.int(0, 86_000) * 1000),
      createdAt: now,
      updatedAt: now,
      ...derivedFields(job),
    });
  }
  return rows;
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '杨',
  '吴',
  '罗',
  '韦',
  '陆',
  '岑',
  '黄',
  '龙',
  '潘',
  '班',
  '王',
  '杨',
];
const GIVEN = [
  '明',
  '强',
  '芳',
  '丽',
  '勇',
  '燕',
  '平',
  '军',
  '兰',
  '海',
  '波',
  '艳',
  '成',
  '梅',
  '江',
  '玲',
  '志华',
  '国庆',
  '小红',
  '文杰',
];
const MAJORS = [
  { major: '数控技术应用', trades: ['数控车工', '数控铣工'], skills: ['数控车床', '看图纸', 'CAD制图'] },
  { major: '焊接技术应用', trades: ['焊工'], skills: ['二保焊', '氩弧焊'] },
  { major: '汽车运用与维修', trades: ['装配工', '汽车维修工'], skills: ['汽车装配', '故障诊断'] },
  { major: '电气运行与控制', trades: ['电工', '设备维修电工'], skills: ['电气接线', 'PLC'] },
  { major: '工业机器人技术应用', trades: ['机器人操作员'], skills: ['工业机器人示教'] },
  { major: '化学工艺', trades: ['化工操作工'], skills: ['化学分析', '安全操作'] },
];

function guizhouProfiles(
  random: Random,
  orgs: { school: OrgRef; county: OrgRef; prefecture: OrgRef },
  now: Date,
): repo.NewProfile[] {
  const rows: repo.NewProfile[] = [];
  for (let i = 0; i < 320; i++) {
    const student = i < 180;
    const m = random.pick(MAJORS);
    const home = student ? orgs.school : random.chance(0.5) ? orgs.county : orgs.prefecture;
    const name = `${random.pick(SURNAMES)}${random.pick(GIVEN)}`;
    const years = student ? 0 : random.int(1, 12);
    const school = student
      ? random.pick(['贞丰县中等职业学校', '贞丰县中等职业学校', '黔西南民族职业技术学院'])
      : null;
    const summary = student
      ? `${school}${m.major}专业2026届毕业生，参加过校内实训和顶岗实习，想去宁波的工厂工作，愿意住集体宿舍。`
      : `贵州黔西南人，做过${years}年${m.trades[0]}，${random.pick(['在广东', '在浙江', '在本地'])}干过，想找包吃住、稳定的工作。`;
    const p = {
      name,
      desiredTrades: m.trades,
      summary,
      skills: m.skills,
      certificates: student
        ? []
        : random.chance(0.4)
          ? [random.pick(['焊工证（特种作业操作证）', '低压电工证', '叉车证', '数控车工（中级）'])]
          : [],
      city: random.pick(['贞丰', '贞丰', '兴义']),
      hometownProvince: '贵州省',
      school,
    };
    rows.push({
      ...p,
      orgId: home.id,
      orgPath: home.path,
      externalId: `GZ${String(i + 1).padStart(4, '0')}`,
      education: student ? '中专' : random.pick(['初中', '高中', '中专']),
      years,
      lat: 25.39,
      lng: 105.65,
      maxCommuteKm: null,
      willingToRelocate: random.chance(0.85),
      expectedSalary: random.int(45, 80) * 100,
      languages: ['普通话', random.chance(0.3) ? '布依语' : '贵州话'],
      visible: random.chance(0.9),
      searchText: profileSearchText(p),
      createdAt: now,
      updatedAt: now,
    });
  }
  return rows;
}

interface OrgRef {
  id: string;
  path: string;
}

const SERVICE_POINTS: {
  org: string;
  name: string;
  kind: 'union-station' | 'community' | 'cross-border' | 'job-centre' | 'school';
  address: string;
  lat: number;
  lng: number;
  hours: string;
  services: string[];
  languages?: string[];
}[] = [
  {
    org: '宁波市总工会',
    name: '宁波市总工会职工服务中心',
    kind: 'union-station',
    address: '宁波市海曙区柳汀街',
    lat: 29.868,
    lng: 121.544,
    hours: '周一至周五 8:30–17:00',
    services: ['求职登记', '岗位推荐', '法律援助'],
  },
  {
    org: '宁波市总工会',
    name: '甬黔劳务协作服务站',
    kind: 'job-centre',
    address: '宁波市鄞州区',
    lat: 29.88,
    lng: 121.56,
    hours: '每天 9:00–18:00',
    services: ['贵州籍务工人员接待', '岗位对接', '住宿引导'],
  },
  {
    org: '北仑区总工会',
    name: '北仑区职工服务站',
    kind: 'union-station',
    address: '宁波市北仑区新碶街道',
    lat: 29.899,
    lng: 121.846,
    hours: '周一至周六 8:30–17:30',
    services: ['求职登记', '技能培训报名'],
  },
  {
    org: '慈溪市总工会',
    name: '慈溪市职工就业服务中心',
    kind: 'job-centre',
    address: '慈溪市白沙路街道',
    lat: 30.17,
    lng: 121.266,
    hours: '周一至周五 8:30–17:00',
    services: ['岗位推荐', '职业指导'],
  },
  {
    org: '中老磨憨—磨丁跨境职工服务站',
    name: '中老磨憨—磨丁跨境职工服务站',
    kind: 'cross-border',
    address: '勐腊县磨憨口岸',
    lat: 21.19,
    lng: 101.69,
    hours: '每天 8:00–20:00',
    services: ['跨境务工咨询', '劳动合同审查', '法律援助', '老挝语翻译'],
    languages: ['普通话', '老挝语'],
  },
  {
    org: '磨憨镇总工会',
    name: '磨憨口岸职工驿站',
    kind: 'union-station',
    address: '勐腊县磨憨镇口岸大道',
    lat: 21.185,
    lng: 101.683,
    hours: '每天 9:00–21:00',
    services: ['歇脚饮水', '岗位信息'],
    languages: ['普通话', '老挝语'],
  },
  {
    org: '磨憨镇总工会',
    name: '磨憨镇就业服务站',
    kind: 'job-centre',
    address: '勐腊县磨憨镇',
    lat: 21.197,
    lng: 101.628,
    hours: '周一至周五 8:00–17:30',
    services: ['求职登记', '岗位推荐'],
  },
  {
    org: '磨憨镇总工会',
    name: '尚勇社区就业服务点',
    kind: 'community',
    address: '勐腊县磨憨镇尚勇社区',
    lat: 21.206,
    lng: 101.604,
    hours: '周一至周六 8:30–17:30',
    services: ['求职登记', '零工信息'],
  },
  {
    org: '磨憨镇总工会',
    name: '磨龙村就业服务点',
    kind: 'community',
    address: '勐腊县磨憨镇磨龙村',
    lat: 21.218,
    lng: 101.612,
    hours: '周二、周四、周六 9:00–16:00',
    services: ['零工信息', '培训报名'],
  },
  {
    org: '勐腊县总工会',
    name: '勐腊县总工会职工服务中心',
    kind: 'union-station',
    address: '勐腊县勐腊镇',
    lat: 21.48,
    lng: 101.56,
    hours: '周一至周五 8:00–17:30',
    services: ['求职登记', '法律援助', '困难帮扶'],
  },
  {
    org: '勐腊县总工会',
    name: '勐腊镇城南社区就业服务点',
    kind: 'community',
    address: '勐腊县勐腊镇城南社区',
    lat: 21.472,
    lng: 101.566,
    hours: '周一至周五 8:30–17:00',
    services: ['零工信息'],
  },
  {
    org: '景洪市总工会',
    name: '景洪市职工服务中心',
    kind: 'union-station',
    address: '景洪市宣慰大道',
    lat: 22.007,
    lng: 100.797,
    hours: '周一至周五 8:00–17:30',
    services: ['求职登记', '技能培训'],
  },
  {
    org: '西双版纳职业技术学院工会',
    name: '西双版纳职业技术学院就业指导中心',
    kind: 'school',
    address: '景洪市',
    lat: 22.03,
    lng: 100.8,
    hours: '周一至周五 8:00–17:00',
    services: ['毕业生就业指导'],
  },
  {
    org: '贞丰县总工会',
    name: '贞丰县总工会职工服务站',
    kind: 'union-station',
    address: '贞丰县珉谷街道',
    lat: 25.386,
    lng: 105.65,
    hours: '周一至周五 8:30–17:30',
    services: ['外出务工登记', '甬黔协作岗位'],
  },
  {
    org: '贞丰县中等职业学校工会',
    name: '贞丰县中等职业学校就业指导中心',
    kind: 'school',
    address: '贞丰县',
    lat: 25.392,
    lng: 105.656,
    hours: '周一至周五 8:00–17:00',
    services: ['毕业生就业指导', '甬黔协作岗位'],
  },
];

export const DEMO_JOB_SEEKER = { username: '13985210001', displayName: '贞丰中职 罗小燕' };

export async function seedEmployment(
  db: Db,
  modules: { org: OrgModule; employment: EmploymentModule },
  orgIds: Map<string, string>,
  clock: Clock,
  options: { password: string },
): Promise<void> {
  const random = createRandom(20_261_129);
  const now = clock.now();
  const ctx = systemContext('seed');
  const orgCache = new Map<string, OrgRef & { name: string }>();
  async function orgRef(name: string) {
    const cached = orgCache.get(name);
    if (cached) {
      return cached;
    }
    const id = orgIds.get(name);
    const found = id ? await modules.org.organisations.lookup(id) : undefined;
    if (!found) {
      throw new Error(`employment seed: unknown organisation ${name}`);
    }
    const ref = { id: found.id, path: found.path, name: found.name };
    orgCache.set(name, ref);
    return ref;
  }

  // Employers and their postings.
  const specs = [...ningboEmployers(random), ...BANNA_EMPLOYERS];
  const employerRows: repo.NewEmployer[] = [];
  for (const e of specs) {
    const o = await orgRef(e.org);
    employerRows.push({
      orgId: o.id,
      orgPath: o.path,
      name: e.name,
      nameKey: sortKey(e.name),
      creditCode: creditCode(random, e.region.padEnd(6, '0')),
      industry: e.industry,
      address: `${e.city}${e.district}`,
      city: normalizeCity(e.city),
      district: e.district,
      lat: e.lat,
      lng: e.lng,
      contactName: `${random.pick(SURNAMES)}${random.pick(GIVEN)}`,
      contactPhone: `13${random.int(5, 9)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
      verification: e.verified ? 'verified' : 'pending',
      verifiedAt: e.verified ? now : null,
    });
  }
  const employers = await repo.insertEmployers(db, employerRows);
  const byName = new Map(employers.map((e) => [e.name, e]));
  const jobRows = specs.flatMap((spec) => {
    const row = byName.get(spec.name)!;
    return jobsFor(random, { ...spec, id: row.id, orgId: row.orgId, orgPath: row.orgPath }, now);
  });
  const jobIds: string[] = [];
  for (let i = 0; i < jobRows.length; i += 300) {
    jobIds.push(...(await repo.insertJobs(db, jobRows.slice(i, i + 300))));
  }
  const ningboJobIds = jobIds.filter((_, i) => jobRows[i]!.city === '宁波');

  // hr-ningbo is the HR of 宁波甬江汽车零部件有限公司.
  const root = await modules.org.organisations.root();
  const hr = root
    ? (await modules.org.accounts.list({ permission: 'account:read', roots: [root.path] }, 'hr-ningbo')).find(
        (a) => a.username === 'hr-ningbo',
      )
    : undefined;
  const yongjiang = byName.get('宁波甬江汽车零部件有限公司')!;
  if (hr) {
    await modules.employment.employers.linkHr(ctx, yongjiang.id, hr);
  }

  // The 黔籍员工优先 zone: every Ningbo posting of the 甬黔 fair.
  const ningbo = await orgRef('宁波市总工会');
  const zoneId = await repo.insertZone(db, {
    orgId: ningbo.id,
    orgPath: ningbo.path,
    name: '黔籍员工优先岗位专区',
    description:
      '甬黔同心·云端招聘：宁波汽车制造、高端装备、新材料企业面向贵州籍劳动者的优先岗位。贵州籍求职者投递后在企业端优先标注、优先排序。',
    provinces: ['贵州'],
    createdAt: now,
  });
  await repo.setZoneJobs(db, zoneId, ningboJobIds);

  // Service points of the 15-minute circle.
  const pointRows = [];
  for (const p of SERVICE_POINTS) {
    const o = await orgRef(p.org);
    pointRows.push({
      orgId: o.id,
      orgPath: o.path,
      name: p.name,
      kind: p.kind,
      address: p.address,
      lat: p.lat,
      lng: p.lng,
      hours: p.hours,
      services: p.services,
      languages: p.languages ?? ['普通话'],
    });
  }
  await repo.insertServicePoints(db, pointRows);

  // Guizhou job seekers: vocational-school students of 贞丰县 and experienced workers.
  const profiles = guizhouProfiles(
    random,
    {
      school: await orgRef('贞丰县中等职业学校工会'),
      county: await orgRef('贞丰县总工会'),
      prefecture: await orgRef('黔西南布依族苗族自治州总工会'),
    },
    now,
  );
  for (let i = 0; i < profiles.length; i += 200) {
    await repo.insertProfiles(db, profiles.slice(i, i + 200));
  }

  // A few job seekers with accounts apply to 甬江's postings and move through the pipeline.
  const school = await orgRef('贞丰县中等职业学校工会');
  const yongjiangOrg = await orgRef('宁波甬江汽车零部件有限公司工会');
  // hr-ningbo moves its own applicants (so the history shows who did it); staff of 宁波市总工会 otherwise.
  const staff: Actor = hr
    ? {
        accountId: hr.id,
        username: hr.username,
        displayName: hr.displayName,
        sessionId: 'seed',
        memberId: null,
        grants: [
          {
            role: 'employer_hr',
            orgId: yongjiangOrg.id,
            orgPath: yongjiangOrg.path,
            orgName: yongjiangOrg.name,
          },
        ],
      }
    : {
        accountId: '00000000-0000-4000-8000-000000000000',
        username: 'seed',
        displayName: '宁波市总工会（演示）',
        sessionId: 'seed',
        memberId: null,
        grants: [{ role: 'union_staff', orgId: ningbo.id, orgPath: ningbo.path, orgName: ningbo.name }],
      };
  const staffCtx: ServiceContext = { ...ctx, actor: staff };
  const targetJobs = jobIds.filter((_, i) => jobRows[i]!.employerId === yongjiang.id);
  const plans: ApplicationStatus[][] = [
    ['viewed', 'interview'],
    ['viewed', 'interview', 'hired'],
    ['viewed', 'interview', 'hired', 'onboarded'],
    ['viewed'],
    [],
    ['rejected'],
    ['viewed', 'rejected'],
  ];
  const seekers = [
    { ...DEMO_JOB_SEEKER, hometown: '贵州省', trades: ['数控车工'] },
    ...Array.from({ length: 7 }, (_, i) => ({
      username: `139852100${String(i + 10).padStart(2, '0')}`,
      displayName: `${random.pick(SURNAMES)}${random.pick(GIVEN)}`,
      hometown: i < 5 ? '贵州省' : random.pick(['四川省', '安徽省']),
      trades: random.pick(MAJORS).trades,
    })),
  ];
  for (const [n, s] of seekers.entries()) {
    const accountId = await modules.org.accounts.create(ctx, {
      username: s.username,
      displayName: s.displayName,
      phone: s.username,
      password: options.password,
      grants: [{ role: 'job_seeker', orgId: school.id }],
    });
    const actor: Actor = {
      accountId,
      username: s.username,
      displayName: s.displayName,
      sessionId: 'seed',
      memberId: null,
      grants: [{ role: 'job_seeker', orgId: school.id, orgPath: school.path, orgName: school.name }],
    };
    const seekerCtx: ServiceContext = { ...ctx, actor };
    await modules.employment.profiles.update(seekerCtx, {
      name: s.displayName.replace(/^贞丰中职 /, ''),
      hometownProvince: s.hometown,
      desiredTrades: s.trades,
      summary: '2026届毕业生，参加了甬黔同心云端招聘。',
      school: '贞丰县中等职业学校',
      education: '中专',
      years: 0,
      city: '贞丰',
      willingToRelocate: true,
      expectedSalary: 6000,
      visible: true,
    });
    const picks = pickSome(random, targetJobs, 3);
    for (const [k, jobId] of picks.entries()) {
      const application = await modules.employment.applications.apply(seekerCtx, jobId);
      const plan = n === 0 ? (k === 0 ? ['viewed', 'interview'] : []) : plans[(n + k) % plans.length]!;
      for (const status of plan as ApplicationStatus[]) {
        await modules.employment.applications.move(staffCtx, application.id, status, undefined);
      }
    }
  }
}

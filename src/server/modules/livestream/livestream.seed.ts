import type { Role } from '../../platform/auth/permissions.ts';
import type { Actor, Scope } from '../../platform/auth/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { type ServiceContext, systemContext } from '../../platform/service-context.ts';
import type { EmploymentModule, JobView } from '../employment/index.ts';
import type { OrgModule } from '../org/index.ts';
import type { LivestreamModule } from './index.ts';
import * as repo from './livestream.repository.ts';

/**
 * Demo data after employment's seed: the 甬黔同心·职造未来 session as the newspaper reports it
 * (ended: 45,000 exposures, 21,000 likes, applications through the channel, a survey of six
 * vocational colleges with about six in ten interested), a scheduled Xishuangbanna session, and
 * a 宁波市总工会 session that the seed puts on air so a newcomer sees the live page at once.
 */
const COLLEGES = [
  '贞丰县中等职业学校',
  '黔西南民族职业技术学院',
  '兴义市中等职业学校',
  '安龙县中等职业学校',
  '册亨县中等职业学校',
  '望谟县中等职业学校',
];

const SURNAMES = ['罗', '王', '杨', '韦', '黄', '陈', '吴', '岑', '龙', '李', '张', '班'];
const GIVEN = ['小燕', '明', '海', '丽', '芳', '勇', '婷', '杰', '敏', '磊', '雪', '成'];

function ctxFor(
  accountId: string,
  username: string,
  displayName: string,
  role: Role,
  org: { id: string; path: string; name: string },
): ServiceContext {
  const actor: Actor = {
    accountId,
    username,
    displayName,
    sessionId: 'seed',
    memberId: null,
    grants: [{ role, orgId: org.id, orgPath: org.path, orgName: org.name }],
  };
  return { ...systemContext('seed'), actor, audit: { accountId, username, requestId: null, ip: null } };
}

/** A small deterministic random source, so every fresh demo looks the same. */
function seeded(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

export async function seedLivestream(
  db: Db,
  modules: { org: OrgModule; employment: EmploymentModule; livestream: LivestreamModule },
  orgIds: Map<string, string>,
  clock: Clock,
  options: { password: string },
): Promise<void> {
  const { org, employment, livestream } = modules;
  const random = seeded(20_251_129);
  const now = clock.now();
  async function orgNamed(name: string) {
    const id = orgIds.get(name);
    const found = id ? await org.organisations.lookup(id) : undefined;
    if (!found) {
      throw new Error(`livestream seed: unknown organisation ${name}`);
    }
    return { id: found.id, path: found.path, name: found.name };
  }
  const root = await orgNamed('中华全国总工会');
  const scope = (permission: Scope['permission']): Scope => ({ permission, roots: [root.path] });
  const accounts = new Map(
    (await org.accounts.list(scope('account:read'), undefined)).map((a) => [a.username, a.id]),
  );
  const zhejiang = await orgNamed('浙江省总工会');
  const guizhou = await orgNamed('贵州省总工会');
  const ningbo = await orgNamed('宁波市总工会');
  const banna = await orgNamed('西双版纳傣族自治州总工会');
  const school = await orgNamed('贞丰县中等职业学校工会');
  const staff = ctxFor(
    accounts.get('acftu-admin') ?? root.id,
    'acftu-admin',
    '全总工作人员',
    'union_staff',
    root,
  );
  const ningboStaff = ctxFor(
    accounts.get('ningbo-staff') ?? root.id,
    'ningbo-staff',
    '宁波市总工会 陈静',
    'union_staff',
    ningbo,
  );

  async function jobsIn(cities: string[]): Promise<JobView[]> {
    const out: JobView[] = [];
    for (const city of cities) {
      const page = await employment.jobs.search(systemContext('seed'), {
        city,
        limit: 200,
        publicOnly: 'true',
      });
      out.push(...page.items);
    }
    return out;
  }
  const ningboJobs = await jobsIn(['宁波']);
  const bannaJobs = await jobsIn(['景洪', '勐腊', '勐海', '磨憨']);
  const zone = (await employment.zones.list()).items.find((z) => z.name.includes('黔籍'));
  const employerIds = (jobs: JobView[]) => [...new Set(jobs.map((j) => j.employerId))];
  const firstOf = (jobs: JobView[], employerId: string | undefined) =>
    jobs.find((j) => j.employerId === employerId);
  const hour = 3_600_000;
  const day = 24 * hour;

  // ── 甬黔同心·职造未来 (ended) ──
  const ynEmployers = employerIds(ningboJobs);
  const ynStart = new Date(Math.floor((now.getTime() - 12 * day) / hour) * hour + 6 * hour);
  const ynEnd = new Date(ynStart.getTime() + 2 * hour);
  const yn = await livestream.sessions.create(staff, scope('live:manage'), {
    title: '甬黔同心·职造未来 —— 甬黔劳务协作云端招聘直播',
    description:
      '浙江省总工会、贵州省总工会在“职工之家”App联合举办：云端探厂、岗位介绍、政策解读，30余家企业、700余个岗位、1700余个就业机会。直播结束后岗位通道继续开放。',
    orgIds: [zhejiang.id, guizhou.id],
    scheduledStart: ynStart.toISOString(),
    scheduledEnd: ynEnd.toISOString(),
    stream: null,
    replayUrl: null,
    zoneId: zone?.id ?? null,
    employerIds: ynEmployers,
    jobIds: ningboJobs.map((j) => j.id),
    segments: [
      {
        kind: 'factory-tour',
        title: '云端探厂：走进甬江汽车零部件生产线',
        employerId: ynEmployers[0] ?? null,
      },
      {
        kind: 'job-intro',
        title: '岗位介绍：数控、装配、质检岗位',
        jobId: firstOf(ningboJobs, ynEmployers[0])?.id ?? null,
      },
      { kind: 'factory-tour', title: '云端探厂：东海高端装备智能车间', employerId: ynEmployers[1] ?? null },
      { kind: 'policy', title: '政策解读：甬黔劳务协作稳岗补贴与黔籍员工优先政策' },
      {
        kind: 'job-intro',
        title: '岗位介绍：慈溪新材料',
        jobId: firstOf(ningboJobs, ynEmployers[2])?.id ?? null,
      },
      { kind: 'qa', title: '互动问答：住宿、薪资、路费补贴' },
    ],
  });
  await livestream.sessions.start(staff, scope('live:host'), yn.id);

  // Students of 贞丰县中等职业学校 apply through the channel during the stream (and two after it).
  const students: ServiceContext[] = [];
  for (let i = 0; i < 12; i++) {
    const username = `139852200${String(i + 10).padStart(2, '0')}`;
    const displayName = `${random.pick(SURNAMES)}${random.pick(GIVEN)}`;
    const accountId = await org.accounts.create(systemContext('seed'), {
      username,
      displayName,
      phone: username,
      password: options.password,
      grants: [{ role: 'job_seeker', orgId: school.id }],
    });
    const ctx = ctxFor(accountId, username, displayName, 'job_seeker', school);
    await employment.profiles.update(ctx, {
      name: displayName,
      hometownProvince: '贵州省',
      education: '中专',
      city: '贞丰',
      willingToRelocate: true,
      summary: '贞丰县中等职业学校2026届毕业生，在甬黔同心直播中投递。',
    });
    students.push(ctx);
  }
  const applied: string[] = [];
  for (const [i, ctx] of students.entries()) {
    for (let k = 0; k < 2; k++) {
      const job = ningboJobs[(i * 5 + k * 11) % ningboJobs.length];
      if (!job || i >= 10) {
        continue;
      }
      try {
        applied.push((await livestream.sessions.apply(ctx, yn.id, job.id)).applicationId);
      } catch {
        // a full or duplicate posting: the demo simply has one application fewer
      }
    }
  }
  await livestream.sessions
    .pin(staff, scope('live:host'), yn.id, ningboJobs[0]?.id ?? null)
    .catch(() => undefined);
  const asked = await livestream.group.post(students[0]!, yn.id, {
    text: '请问宿舍是几人间？路费可以报销吗？',
  });
  await livestream.group.post(ningboStaff, yn.id, {
    text: '4人间，有空调和独立卫浴；入职满三个月报销单程路费，黔籍员工另有稳岗补贴。',
    replyTo: asked.id,
  });
  await livestream.group.post(students[1]!, yn.id, { text: '中职毕业没有工作经验可以报数控岗吗？' });
  const notice = await livestream.group.post(ningboStaff, yn.id, {
    text: '群公告：直播结束后岗位通道继续开放，有问题在群里留言，工作人员和企业HR会逐一回复。',
  });
  await livestream.group.pin(ningboStaff, scope('live:moderate'), notice.id, true);
  await livestream.sessions.end(staff, scope('live:host'), yn.id);
  for (const ctx of students.slice(10)) {
    const job = ningboJobs[3];
    if (job) {
      applied.push((await livestream.sessions.apply(ctx, yn.id, job.id)).applicationId);
    }
  }
  // Some of them are hired by now.
  for (const [i, id] of applied.entries()) {
    const steps = i % 3 === 0 ? ['viewed', 'interview', 'hired'] : i % 3 === 1 ? ['viewed'] : [];
    for (const status of steps) {
      await employment.applications.move(staff, id, status as 'viewed', undefined).catch(() => undefined);
    }
  }
  // The audience the article reports, written as counters and presence rows.
  await repo.updateSession(db, yn.id, { startedAt: ynStart, endedAt: ynEnd, replayUrl: null });
  await repo.insertSyntheticViewers(db, yn.id, 45_000, ynStart, ynEnd);
  await repo.insertSyntheticJobOpens(
    db,
    yn.id,
    ningboJobs.map((j) => j.id),
    9_600,
    ynEnd,
  );
  await repo.addLikes(db, [{ sessionId: yn.id, n: 21_000 }]);
  await repo.raisePeak(db, yn.id, 6_820);
  await livestream.realtime.flushLikes();

  // The questionnaire: students of six vocational colleges, about six in ten interested.
  const survey = await livestream.surveys.create(staff, scope('survey:manage'), {
    orgId: guizhou.id,
    title: '甬黔同心·职造未来 就业意向问卷',
    description: '面向黔西南州六所职业院校学生',
    target: { type: 'live-session', id: yn.id },
    status: 'open',
    questions: [
      { id: 'school', kind: 'single', title: '你就读的学校', required: true, options: COLLEGES },
      {
        id: 'interest',
        kind: 'single',
        title: '是否有意向到浙江宁波就业',
        required: true,
        options: ['有意向', '还在考虑', '暂不考虑'],
      },
      {
        id: 'trades',
        kind: 'multiple',
        title: '感兴趣的岗位（可多选）',
        required: false,
        options: ['数控加工', '汽车装配', '质量检验', '设备维修', '新材料操作'],
      },
      {
        id: 'rating',
        kind: 'rating',
        title: '对本场直播的评价',
        required: true,
        scale: { min: 1, max: 5, minLabel: '很不满意', maxLabel: '非常满意' },
      },
      { id: 'advice', kind: 'text', title: '你还想了解什么', required: false },
    ],
  });
  const trades = ['数控加工', '汽车装配', '质量检验', '设备维修', '新材料操作'];
  const advice = ['想了解住宿条件', '希望介绍晋升通道', '路费怎么报销', '能否和同学一起去', ''];
  const responses = Array.from({ length: 1_260 }, (_, n) => {
    const r = random.next();
    const interest = r < 0.59 ? '有意向' : r < 0.82 ? '还在考虑' : '暂不考虑';
    const picks = trades.filter(() => random.next() < (interest === '有意向' ? 0.45 : 0.15));
    const text = random.pick(advice);
    return {
      surveyId: survey.id,
      respondentKey: `demo:${n}`,
      accountId: null,
      answers: {
        school: COLLEGES[Math.min(COLLEGES.length - 1, Math.floor(random.next() ** 1.4 * COLLEGES.length))]!,
        interest,
        ...(picks.length ? { trades: picks } : {}),
        rating:
          interest === '暂不考虑' ? 3 + Math.floor(random.next() * 2) : 4 + Math.floor(random.next() * 2),
        ...(text ? { advice: text } : {}),
      },
      createdAt: new Date(ynEnd.getTime() + Math.floor(random.next() * 3 * day)),
    };
  });
  await repo.insertResponses(db, responses);
  await livestream.surveys.update(staff, scope('survey:manage'), survey.id, { status: 'closed' });

  // ── Xishuangbanna (scheduled) ──
  const bannaStart = new Date(Math.floor((now.getTime() + 7 * day) / hour) * hour);
  const bannaEmployers = employerIds(bannaJobs);
  await livestream.sessions.create(staff, scope('live:manage'), {
    title: '雨林好工作 —— 西双版纳橡胶·茶叶·跨境岗位直播',
    description:
      '西双版纳州总工会主办：走进橡胶制品厂和古树茶园，介绍中老铁路与跨境电商岗位，解读跨境务工政策。',
    orgIds: [banna.id],
    scheduledStart: bannaStart.toISOString(),
    scheduledEnd: new Date(bannaStart.getTime() + 2 * hour).toISOString(),
    stream: null,
    replayUrl: null,
    zoneId: null,
    employerIds: bannaEmployers,
    jobIds: bannaJobs.map((j) => j.id),
    segments: [
      { kind: 'factory-tour', title: '云端探厂：天然橡胶制品生产线', employerId: bannaEmployers[0] ?? null },
      { kind: 'factory-tour', title: '云端探厂：勐海古树茶园', employerId: bannaEmployers[2] ?? null },
      { kind: 'job-intro', title: '岗位介绍：中老铁路客运与跨境电商' },
      { kind: 'policy', title: '政策解读：跨境务工劳动合同与权益保障' },
      { kind: 'qa', title: '互动问答' },
    ],
  });

  // ── 宁波市总工会: on air whenever the demo starts; ningbo-staff hosts it ──
  const liveJobs = ningboJobs.slice(0, 24);
  const liveEmployers = employerIds(liveJobs);
  const live = await livestream.sessions.create(ningboStaff, scope('live:manage'), {
    title: '甬上好工作 —— 宁波市总工会周末直播带岗',
    description: '宁波市总工会每周直播带岗：企业HR在线讲岗位，工会干部解读稳岗政策，直播间一键投递。',
    orgIds: [ningbo.id],
    scheduledStart: new Date(now.getTime() - 20 * 60_000).toISOString(),
    scheduledEnd: new Date(now.getTime() + 3 * hour).toISOString(),
    stream: null,
    replayUrl: null,
    zoneId: zone?.id ?? null,
    employerIds: liveEmployers,
    jobIds: liveJobs.map((j) => j.id),
    segments: [
      { kind: 'factory-tour', title: '云端探厂：北仑汽车零部件园区', employerId: liveEmployers[0] ?? null },
      { kind: 'job-intro', title: '岗位介绍：本周急招岗位', jobId: liveJobs[0]?.id ?? null },
      { kind: 'policy', title: '政策解读：新就业形态劳动者入会与权益' },
      { kind: 'qa', title: '互动问答' },
    ],
  });
  await livestream.sessions.start(ningboStaff, scope('live:host'), live.id);
  await livestream.sessions.moveSegment(ningboStaff, scope('live:host'), live.id, { move: 'next' });
  if (liveJobs[0]) {
    await livestream.sessions.pin(ningboStaff, scope('live:host'), live.id, liveJobs[0].id);
  }
  await livestream.sessions.announce(
    ningboStaff,
    scope('live:host'),
    live.id,
    '欢迎来到宁波市总工会直播间！点击右下角“岗位”即可一键投递，直播不中断。',
  );
  await repo.insertSyntheticViewers(
    db,
    live.id,
    860,
    new Date(now.getTime() - 20 * 60_000),
    new Date(now.getTime() - 60_000),
  );
  await repo.addLikes(db, [{ sessionId: live.id, n: 1_280 }]);
  await repo.raisePeak(db, live.id, 412);
}

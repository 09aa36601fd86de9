import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openBrowser, screenshot, seriousA11yViolations } from './support/browser.ts';

const baseUrl = inject('baseUrl');
const EMPLOYER = '宁波甬江汽车零部件有限公司';
const ZONE = '黔籍员工优先岗位专区';

/** Screenshot and accessibility check of the page as it is now. */
async function visit(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await screenshot(page, name, options);
  expect(await seriousA11yViolations(page, name), `axe on ${name}`).toEqual([]);
}

interface ApiJob {
  id: string;
  title: string;
  employerName: string;
  placesLeft: number;
}

/** A posting of 甬江 in the 黔籍 zone with places left, found through the public API. */
async function findZoneJob(): Promise<{ zoneId: string; job: ApiJob }> {
  const zones = (await (await fetch(`${baseUrl}/api/v1/zones`)).json()) as {
    items: { id: string; name: string }[];
  };
  const zone = zones.items.find((z) => z.name === ZONE);
  expect(zone, 'the 黔籍 zone is seeded').toBeDefined();
  const query = new URLSearchParams({ zoneId: zone?.id ?? '', q: '甬江', limit: '100' });
  const page = (await (await fetch(`${baseUrl}/api/v1/jobs?${query}`)).json()) as { items: ApiJob[] };
  // A title no other 甬江 posting shares, so the student can find exactly this one by searching for it.
  const counts = new Map<string, number>();
  for (const j of page.items) {
    counts.set(j.title, (counts.get(j.title) ?? 0) + 1);
  }
  const job = page.items.find(
    (j) => j.employerName === EMPLOYER && j.placesLeft >= 2 && counts.get(j.title) === 1,
  );
  expect(job, 'a 甬江 posting in the zone with places left').toBeDefined();
  return { zoneId: zone?.id ?? '', job: job as ApiJob };
}

describe('employment: a Guizhou student applies, 宁波甬江 hires', () => {
  let student: BrowserSession;
  let hr: BrowserSession;
  let phone: Page;
  let desk: Page;
  let job: ApiJob;
  const name = '杨春燕';
  const mobile = `139${String(Date.now()).slice(-8)}`;

  beforeAll(async () => {
    ({ job } = await findZoneJob());
    student = await openBrowser({ phone: true });
    phone = student.page;
    hr = await openBrowser();
    desk = hr.page;
  });
  afterAll(async () => {
    await student?.close();
    await hr?.close();
  });

  /** The student's 我的投递 shows this status as the current step of the job's application. */
  async function studentSees(status: string, shot: string): Promise<void> {
    await phone.goto(`${baseUrl}/applications`);
    const card = phone.getByRole('article', { name: job.title });
    await card.waitFor();
    await expect
      .poll(async () => (await card.locator('[aria-current="step"]').textContent())?.trim())
      .toContain(status);
    await visit(phone, shot);
  }

  it('registers on a phone from the sign-in page', async () => {
    await phone.goto(`${baseUrl}/`);
    await phone.getByRole('link', { name: '注册找工作' }).click();
    await phone.getByRole('heading', { name: '注册找工作' }).waitFor();
    await phone.getByLabel('手机号').fill(mobile);
    await phone.getByLabel('设置密码').fill('Qian-2026-yong');
    await phone.getByLabel('确认密码').fill('Qian-2026-yong');
    await phone.getByLabel('姓名').fill(name);
    await phone.getByLabel(/就读/).fill('贞丰县中等职业学校');
    await expect.poll(() => phone.getByText('贵州省').isVisible()).toBe(true);
    await visit(phone, 'employment-register');
    await phone.getByRole('button', { name: '注册并登录' }).click();
    await phone.getByRole('heading', { name: '找工作' }).waitFor();
  });

  it('filters the 黔籍 zone and opens a 甬江 posting', async () => {
    await phone.getByRole('button', { name: ZONE }).click();
    await expect
      .poll(() => phone.getByRole('button', { name: ZONE }).getAttribute('aria-pressed'))
      .toBe('true');
    await phone.getByText(/共找到 \d+ 个岗位/).waitFor();
    await phone.getByRole('list', { name: '岗位列表' }).getByRole('link').first().waitFor();
    await visit(phone, 'employment-jobs-zone', { fullPage: false });

    await phone.getByRole('searchbox').fill(`${job.title} 甬江`);
    await phone.getByRole('searchbox').press('Enter');
    const card = phone.getByRole('link', {
      name: new RegExp(`^${job.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*${EMPLOYER}`),
    });
    await card.first().click();
    await phone.waitForURL(`**/jobs/${job.id}`);
    await phone.getByRole('heading', { name: job.title, level: 2 }).waitFor();
    await phone.getByText('贵州籍优先').first().waitFor();
    await visit(phone, 'employment-job-detail');
  });

  it('applies with one tap after confirming', async () => {
    await phone.getByRole('button', { name: '一键投递' }).click();
    await phone.getByRole('dialog').getByText(EMPLOYER).waitFor();
    await visit(phone, 'employment-apply-confirm', { fullPage: false });
    await phone.getByRole('button', { name: '确认投递' }).click();
    await phone.getByRole('button', { name: '已投递，查看进度' }).waitFor();
    await studentSees('已投递', 'employment-my-applications');
  });

  it('hr-ningbo sees the applicant marked 黔籍优先 and invites to interview', async () => {
    await desk.goto(`${baseUrl}/admin`);
    await desk.getByLabel('账号').fill('hr-ningbo');
    await desk.getByLabel('密码').fill('gongyou-demo');
    await desk.getByRole('button', { name: /登\s*录/ }).click();
    await desk.getByRole('navigation').getByRole('link', { name: '岗位管理' }).waitFor();
    const rows = desk.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    // HR see their own employer's postings only
    for (const text of await rows.allTextContents()) {
      expect(text).toContain(EMPLOYER);
    }
    await visit(desk, 'employment-console-jobs-hr');

    await desk.goto(`${baseUrl}/admin/jobs/${job.id}/board`);
    const card = desk.getByRole('article', { name });
    await card.waitFor();
    await card.getByText('黔籍优先').waitFor();
    await visit(desk, 'employment-board');

    for (const step of ['已查看', '邀面试']) {
      await card.getByRole('button', { name: `将 ${name} 移动到` }).click();
      await desk.getByRole('menuitem', { name: step }).click();
      await desk.getByText(`${name}：${step}`).waitFor();
      await expect
        .poll(() => desk.getByRole('region', { name: step }).getByRole('article', { name }).count())
        .toBe(1);
    }
    await studentSees('邀面试', 'employment-my-applications-interview');
  });

  it('hires by dragging the card; a step backwards is refused with the server’s reason', async () => {
    const card = desk.getByRole('article', { name });
    const drag = async (column: string) => {
      const handle = card.getByRole('button', { name: `拖动 ${name} 的卡片` });
      const box = await handle.boundingBox();
      const target = await desk.getByRole('region', { name: column }).boundingBox();
      if (!box || !target) {
        throw new Error('board not laid out');
      }
      await desk.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await desk.mouse.down();
      await desk.mouse.move(box.x + 20, box.y + 20, { steps: 4 });
      await desk.mouse.move(target.x + target.width / 2, target.y + 80, { steps: 12 });
      await desk.mouse.up();
    };

    await drag('已录用');
    await desk.getByText(`${name}：已录用`).waitFor();
    await expect
      .poll(() => desk.getByRole('region', { name: '已录用' }).getByRole('article', { name }).count())
      .toBe(1);

    await drag('已投递');
    await desk.locator('.ant-message-error').waitFor();
    expect(await desk.getByRole('region', { name: '已录用' }).getByRole('article', { name }).count()).toBe(1);
    await visit(desk, 'employment-board-hired');

    await studentSees('已录用', 'employment-my-applications-hired');
  });

  it('shows the student’s messages, resume, picks and nearby service points', async () => {
    await phone.goto(`${baseUrl}/notifications`);
    await phone
      .getByText(/已录用/)
      .first()
      .waitFor();
    await visit(phone, 'employment-notifications');

    await phone.goto(`${baseUrl}/resume`);
    await expect.poll(() => phone.getByLabel('姓名').inputValue()).toBe(name);
    // The school given at registration is the profile's own field, not a line of the summary.
    expect(await phone.getByLabel('学校', { exact: true }).inputValue()).toBe('贞丰县中等职业学校');
    expect(await phone.getByLabel('自我介绍').inputValue()).toBe('');
    await phone.getByLabel('期望工种').fill('数控车工、装配工');
    await phone.getByLabel('技能', { exact: true }).fill('数控车床、看图纸');
    await phone.getByRole('button', { name: '保存' }).click();
    await phone.getByText('已保存').waitFor();
    await visit(phone, 'employment-resume');

    await phone.goto(`${baseUrl}/recommended`);
    await phone.getByRole('list', { name: '推荐岗位列表' }).getByRole('link').first().waitFor();
    await visit(phone, 'employment-recommended');

    await phone.goto(`${baseUrl}/service-points`);
    await phone.getByRole('option', { name: '磨憨' }).click();
    await phone.getByText(/共 \d+ 个服务站点/).waitFor();
    await phone.getByRole('list', { name: '附近的服务站点' }).getByText('磨憨镇就业服务站').waitFor();
    // No tile server is configured on this server: the list with distances, and no map.
    await phone
      .getByText(/\d+(\.\d+)? ?(米|公里)/)
      .first()
      .waitFor();
    expect(await phone.locator('.leaflet-container').count()).toBe(0);
    await visit(phone, 'employment-service-points');
  });
});

describe('employment console (union staff at 宁波市总工会)', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowser();
    page = session.page;
    await page.goto(`${baseUrl}/admin`);
    await page.getByLabel('账号').fill('ningbo-staff');
    await page.getByLabel('密码').fill('gongyou-demo');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('navigation').getByRole('link', { name: '就业概览' }).waitFor();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the overview with charts', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '就业概览' }).click();
    await page.getByRole('img', { name: /岗位、名额、投递与录用/ }).waitFor();
    await visit(page, 'employment-console-overview');
  });

  it('lists employers with their verification', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '用人单位' }).click();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await page.getByLabel('关键词').fill('甬江');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page
      .getByRole('cell', { name: new RegExp(EMPLOYER) })
      .first()
      .waitFor();
    await visit(page, 'employment-console-employers');
  });

  it('manages jobs with filters and bulk actions', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '岗位管理' }).click();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await page.locator('.ant-table-tbody .ant-checkbox-input').first().check();
    await page.getByRole('button', { name: /批量暂停/ }).waitFor();
    await visit(page, 'employment-console-jobs');
    await page.getByRole('button', { name: /发布岗位/ }).click();
    await page.getByRole('dialog').getByLabel('岗位名称').waitFor();
    await visit(page, 'employment-console-job-form', { fullPage: false });
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();
  });

  it('imports jobs from a .csv: the report names the bad row and field, then imports the valid rows', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '岗位管理' }).click();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await page.getByRole('button', { name: /导入岗位/ }).click();
    const dialog = page.getByRole('dialog', { name: '导入岗位' });
    await dialog.getByText('宁波市总工会').first().waitFor();
    const title = `导入测试数控车工${Date.now().toString(36)}`;
    const csv = [
      '职位名称,工种,用人单位,城市,最低月薪,最高月薪,招聘人数,福利标签',
      `${title},数控车工,${EMPLOYER},宁波市,6500,9000,2,包吃住`,
      `${title}（夜班）,数控车工,${EMPLOYER},宁波市,6500,9000,很多,包吃住`,
    ].join('\n');
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'jobs.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${csv}\n`, 'utf8'),
    });
    await dialog.getByRole('button', { name: /校验并导入/ }).click();
    const report = dialog.getByRole('table');
    await report.getByRole('cell', { name: '招聘人数' }).waitFor();
    await expect.poll(() => report.getByRole('row').nth(1).getByRole('cell').first().textContent()).toBe('3');
    await dialog.getByText(/共 2 行：已导入 0 行，1 行有误/).waitFor();
    await visit(page, 'employment-console-jobs-import-report', { fullPage: false });

    await dialog.getByRole('button', { name: /只导入其余 1 行/ }).click();
    await dialog.getByText(/已导入 1 行/).waitFor();
    await dialog
      .getByRole('button', { name: /关\s*闭/ })
      .first()
      .click();
    await page.getByLabel('关键词').fill(title);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page
      .getByRole('cell', { name: new RegExp(title) })
      .first()
      .waitFor();
  });

  it('imports a school’s students as job seekers and lists them with their school', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '求职者' }).click();
    await page.getByRole('heading', { name: '求职者档案', level: 2 }).waitFor();
    await page.getByRole('button', { name: /导出 Excel/ }).waitFor();
    await page.getByRole('button', { name: /导入求职者/ }).click();
    const dialog = page.getByRole('dialog', { name: '导入求职者' });
    await dialog.getByText('宁波市总工会').first().waitFor();
    const student = `龙${Date.now().toString(36).slice(-3)}`;
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'students.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `\uFEFF姓名,意向工种,学历,学校,籍贯省份,愿意异地\n${student},数控车工,中专,贵州省机械工业学校,贵州省,是\n`,
        'utf8',
      ),
    });
    await dialog.getByText('导入后对用人单位可见').click();
    await dialog.getByRole('button', { name: /校验并导入/ }).click();
    await dialog.getByText('已全部导入').waitFor();
    await dialog
      .getByRole('button', { name: /关\s*闭/ })
      .first()
      .click();
    const row = page.getByRole('row', { name: new RegExp(student) });
    await row.getByRole('cell', { name: '贵州省机械工业学校' }).waitFor();
    await row.getByRole('cell', { name: '可见' }).waitFor();
    await visit(page, 'employment-console-profiles');
  });

  it('shows the review queue, the zones and the service points', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '岗位审核' }).click();
    await page.getByRole('heading', { name: '岗位审核', level: 2 }).waitFor();
    await page.locator('.ant-card, .ant-empty').nth(1).waitFor();
    await visit(page, 'employment-console-review');

    await page.getByRole('navigation').getByRole('link', { name: '优先岗位专区' }).click();
    await page.getByText(ZONE).first().waitFor();
    await visit(page, 'employment-console-zones');

    await page.getByRole('navigation').getByRole('link', { name: '就业服务站点' }).click();
    await page.getByRole('cell', { name: /北仑区职工服务站/ }).waitFor();
    await visit(page, 'employment-console-service-points');
  });
});

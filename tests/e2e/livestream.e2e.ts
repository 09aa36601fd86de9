import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openBrowser, screenshot, seriousA11yViolations } from './support/browser.ts';

const baseUrl = inject('baseUrl');

async function visit(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await screenshot(page, name, options);
  expect(await seriousA11yViolations(page, name), `axe on ${name}`).toEqual([]);
}

async function signInConsole(page: Page, username: string): Promise<void> {
  await page.goto(`${baseUrl}/admin`);
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill('gongyou-demo');
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

interface ChannelJob {
  id: string;
  title: string;
}

describe('recruitment livestream: the host pins, a phone viewer applies without leaving the stream', () => {
  let host: BrowserSession;
  let viewer: BrowserSession;
  let hostPage: Page;
  let phone: Page;
  let sessionId = '';
  let job: ChannelJob = { id: '', title: '' };

  beforeAll(async () => {
    host = await openBrowser();
    viewer = await openBrowser({ phone: true });
    hostPage = host.page;
    phone = viewer.page;
  });
  afterAll(async () => {
    await host?.close();
    await viewer?.close();
  });

  it('the host opens the live demo session from the sessions list', async () => {
    await signInConsole(hostPage, 'ningbo-staff');
    await hostPage.getByRole('navigation').getByRole('link', { name: '直播带岗' }).click();
    const link = hostPage.getByText(/甬上好工作/).first();
    await link.waitFor();
    await hostPage.getByText('直播中').first().waitFor();
    await visit(hostPage, 'live-console-sessions');

    await link.click();
    await hostPage.getByRole('heading', { name: /甬上好工作/ }).waitFor();
    sessionId = hostPage.url().split('/live/')[1]?.split(/[/?#]/)[0] ?? '';
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    await hostPage.getByText('实时连接正常').waitFor();

    // A job that is not pinned yet and whose title is unique in the channel.
    const channel = await hostPage.evaluate(
      async (id) =>
        (await (await fetch(`/api/v1/live-sessions/${id}`)).json()) as { pinnedJob: { id: string } | null },
      sessionId,
    );
    const jobs = await hostPage.evaluate(
      async (id) =>
        (await (await fetch(`/api/v1/live-sessions/${id}/jobs`)).json()) as { items: ChannelJob[] },
      sessionId,
    );
    const counts = new Map<string, number>();
    for (const j of jobs.items) {
      counts.set(j.title, (counts.get(j.title) ?? 0) + 1);
    }
    const candidate = jobs.items.find((j) => j.id !== channel.pinnedJob?.id && counts.get(j.title) === 1);
    expect(candidate).toBeDefined();
    job = { id: candidate?.id ?? '', title: candidate?.title ?? '' };
    await visit(hostPage, 'live-console-host');
  });

  it('a job seeker registers on the phone and opens the live room', async () => {
    await phone.goto(`${baseUrl}/index.html`);
    const phoneNumber = `139${String(Date.now()).slice(-8)}`;
    const status = await phone.evaluate(async (number) => {
      const response = await fetch('/api/v1/auth/register', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          phone: number,
          password: 'e2e-viewer-pass',
          name: '直播观众',
          region: '贵州',
          hometownProvince: '贵州',
        }),
      });
      return response.status;
    }, phoneNumber);
    expect(status).toBe(201);

    await phone.goto(`${baseUrl}/`);
    await phone.getByRole('link', { name: /直播带岗/ }).click();
    await phone.getByRole('heading', { name: '正在直播' }).waitFor();
    await phone.getByRole('link', { name: /甬上好工作/ }).waitFor();
    await phone.getByRole('link', { name: /雨林好工作/ }).waitFor();
    await visit(phone, 'live-worker-list');

    await phone.getByRole('link', { name: /甬上好工作/ }).click();
    await phone.getByRole('region', { name: '直播画面' }).waitFor();
    await phone.getByText('正在播出：').waitFor();
    await phone.getByText(/人在看/).waitFor();
    await visit(phone, 'live-worker-viewer');
  });

  it('the host pins a job and the viewer sees it under the player without reloading', async () => {
    const urlBefore = phone.url();
    await hostPage.getByRole('button', { name: `置顶讲解 ${job.title}` }).click();
    await hostPage.getByText(`讲解中：${job.title}`).waitFor();

    const pinned = phone.getByRole('region', { name: '正在讲解的岗位' });
    await pinned.getByRole('heading', { name: job.title }).waitFor({ timeout: 5_000 });
    expect(phone.url()).toBe(urlBefore);
    await visit(phone, 'live-worker-pinned');
  });

  it('the viewer applies from the job channel and stays in the room; the host sees the counter move', async () => {
    const counter = hostPage.getByTestId(`applications-${job.id}`);
    const before = Number(await counter.first().textContent());
    const urlBefore = phone.url();

    await phone.getByRole('button', { name: '岗位', exact: true }).click();
    const sheet = phone.getByRole('dialog', { name: /岗位通道/ });
    await sheet.getByText(/专区岗位已排在前面/).waitFor();
    await visit(phone, 'live-worker-channel', { fullPage: false });

    await sheet.getByRole('button', { name: `投递 ${job.title}` }).click();
    await sheet.getByRole('button', { name: `已投递 ${job.title}` }).waitFor();
    expect(phone.url()).toBe(urlBefore);
    expect(await phone.getByRole('region', { name: '直播画面' }).isVisible()).toBe(true);

    await expect
      .poll(async () => Number(await counter.first().textContent()), { timeout: 10_000 })
      .toBe(before + 1);
    await visit(hostPage, 'live-console-host-after');

    // closing the sheet leaves the viewer where they were, player and all
    await phone.mouse.click(200, 80);
    await phone.getByRole('dialog', { name: /岗位通道/ }).waitFor({ state: 'hidden' });
    expect(phone.url()).toBe(urlBefore);
    await phone.getByRole('tab', { name: '服务群' }).click();
    await phone.getByPlaceholder('向工会和企业提问…').waitFor();
    await visit(phone, 'live-worker-group');
  });

  it('the host sees the service group to moderate', async () => {
    await hostPage.getByRole('tab', { name: '服务群管理' }).click();
    await hostPage.getByText('被举报的留言').waitFor();
    await visit(hostPage, 'live-console-moderation');
  });
});

describe('event report and surveys (全总 staff, who reach the 甬黔同心 session)', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowser();
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the 甬黔同心·职造未来 report with its figures and survey', async () => {
    await signInConsole(page, 'acftu-admin');
    await page.getByRole('navigation').getByRole('link', { name: '直播带岗' }).click();
    await page
      .getByText(/甬黔同心/)
      .first()
      .waitFor();
    const row = page.locator('tr', { hasText: '甬黔同心' });
    await row.getByRole('button', { name: /活动报告/ }).click();
    await page.getByRole('heading', { name: /活动报告：甬黔同心/ }).waitFor();
    await page.getByText('45,000').first().waitFor();
    await page.getByText('21,000').first().waitFor();
    await page.getByRole('img', { name: /转化漏斗/ }).waitFor();
    await page
      .getByText(/甬黔同心·职造未来 就业意向问卷/)
      .first()
      .waitFor();
    await visit(page, 'live-console-report');
  });

  it('lists surveys, shows results with a cross-tab, and opens the builder', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '问卷调查' }).click();
    await page
      .getByText(/就业意向问卷/)
      .first()
      .waitFor();
    await visit(page, 'live-console-surveys');

    await page
      .getByRole('button', { name: /结\s*果/ })
      .first()
      .click();
    await page.getByText(/交叉分析：按/).waitFor();
    await page
      .getByRole('img', { name: /是否有意向到浙江宁波就业/ })
      .first()
      .waitFor();
    await visit(page, 'live-console-survey-results');

    await page.getByRole('button', { name: /问卷列表/ }).click();
    await page.getByRole('button', { name: /新建问卷/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('button', { name: /评分题/ }).click();
    await drawer.getByText('第 2 题').waitFor();
    await visit(page, 'live-console-survey-builder', { fullPage: false });
    await drawer.getByRole('button', { name: /取\s*消/ }).click();
  });
});

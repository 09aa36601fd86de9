import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openBrowser, screenshot, seriousA11yViolations } from './support/browser.ts';

const baseUrl = inject('baseUrl');
const OPEN_CAMPAIGN = '2026 佛山工惠促消费·会员消费券';

/** Screenshot and accessibility check of the page as it is now. */
async function visit(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await screenshot(page, name, options);
  expect(await seriousA11yViolations(page, name), `axe on ${name}`).toEqual([]);
}

async function signInWorker(page: Page, username: string): Promise<void> {
  await page.goto(`${baseUrl}/index.html`);
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill('gongyou-demo');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '我的服务' }).waitFor();
}

describe('benefits on phones: a member claims a voucher, a cashier redeems it once', () => {
  let worker: BrowserSession;
  let cashier: BrowserSession;
  let code = '';

  beforeAll(async () => {
    // Two separate browser contexts: the member's phone and the cashier's phone.
    [worker, cashier] = await Promise.all([openBrowser({ phone: true }), openBrowser({ phone: true })]);
  });
  afterAll(async () => {
    await Promise.all([worker?.close(), cashier?.close()]);
  });

  it('worker-foshan claims a voucher of the open campaign', async () => {
    const page = worker.page;
    await signInWorker(page, 'worker-foshan');
    await page.getByRole('link', { name: /工惠券/ }).click();
    await page.getByRole('heading', { name: OPEN_CAMPAIGN }).waitFor();
    await page.getByText('每人限领 1 张').first().waitFor();
    await visit(page, 'benefits-worker-claim');

    await page.getByRole('button', { name: `立即领取 ${OPEN_CAMPAIGN}` }).click();
    await page.getByText('领取成功').waitFor();
    await visit(page, 'benefits-worker-claimed', { fullPage: false });
    await page.getByRole('button', { name: '去使用' }).click();
  });

  it('shows the rotating code as a QR with its digits', async () => {
    const page = worker.page;
    await page.getByRole('img', { name: '消费券核销二维码' }).waitFor();
    await page.getByText(/秒后自动更新/).waitFor();
    await page.getByText(/截图或转发的券码 1 分钟内即失效/).waitFor();
    code = ((await page.getByTestId('voucher-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^\d{14}$/);
    await visit(page, 'benefits-worker-voucher-code');
  });

  it('merchant-foshan redeems the code with an order amount', async () => {
    const page = cashier.page;
    await signInWorker(page, 'merchant-foshan');
    await page.getByRole('link', { name: /商户核销/ }).click();
    await page.getByRole('heading', { name: '佛山市天蓝电器有限公司' }).waitFor();
    await page.getByLabel('券码').fill(code);
    await page.getByLabel('订单金额（元）').fill('128');
    await visit(page, 'benefits-cashier-redeem');

    await page.getByRole('button', { name: '核销', exact: true }).click();
    const ok = page.getByRole('status').filter({ hasText: '核销成功' });
    await ok.waitFor();
    await ok.getByText('¥50').waitFor();
    await ok.getByText('¥78').waitFor();
    await visit(page, 'benefits-cashier-redeemed');
  });

  it('refuses a second redemption of the same code with a clear message', async () => {
    const page = cashier.page;
    await page.getByLabel('券码').fill(code);
    await page.getByLabel('订单金额（元）').fill('99');
    await page.getByRole('button', { name: '核销', exact: true }).click();
    const refused = page.getByRole('alert').filter({ hasText: '该券已被使用' });
    await refused.waitFor();
    await refused.getByText(/不能重复使用/).waitFor();
    expect(await page.getByRole('status').filter({ hasText: '核销成功' }).count()).toBe(0);
    await visit(page, 'benefits-cashier-refused');

    await page.getByRole('tab', { name: '今日记录' }).click();
    await page.getByText('已核销').first().waitFor();
    await visit(page, 'benefits-cashier-today');
  });

  it('shows the voucher as used, nearby merchants and recuperation routes to the member', async () => {
    const page = worker.page;
    await page.getByRole('button', { name: /返回我的券/ }).click();
    await page.getByRole('heading', { name: /已使用/ }).waitFor();
    await visit(page, 'benefits-worker-my-vouchers');

    await page.getByRole('tab', { name: '附近商户' }).click();
    await page.getByRole('heading', { name: '佛山市天蓝电器有限公司' }).first().waitFor();
    await visit(page, 'benefits-worker-nearby');

    await page.goto(`${baseUrl}/recuperation`);
    await page.getByRole('heading', { name: /四山两江 · 精品线路/ }).waitFor();
    await visit(page, 'benefits-worker-routes');
    await page.getByRole('button', { name: /四山两江·西樵山生态休养线/ }).click();
    await page.getByRole('heading', { name: '行程安排' }).waitFor();
    await visit(page, 'benefits-worker-route');
  });
});

describe('benefits console (foshan-staff)', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowser();
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('lists campaigns, with approval disabled for their creator', async () => {
    await page.goto(`${baseUrl}/admin`);
    await page.getByLabel('账号').fill('foshan-staff');
    await page.getByLabel('密码').fill('gongyou-demo');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('navigation').getByRole('link', { name: '消费券活动' }).click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.filter({ hasText: OPEN_CAMPAIGN }).waitFor();
    const pending = rows.filter({ hasText: '待审批' });
    expect(await pending.getByRole('button', { name: /批\s*准/ }).isDisabled()).toBe(true);
    await visit(page, 'benefits-console-campaigns');
  });

  it('shows live claim progress of the open campaign', async () => {
    await page.getByRole('link', { name: OPEN_CAMPAIGN }).click();
    await page.getByRole('img', { name: '领取率仪表盘' }).waitFor();
    await page.getByText(/每 3 秒刷新/).waitFor();
    await page.getByRole('button', { name: /运行对账/ }).click();
    await page.getByText(/账目平衡/).waitFor();
    await visit(page, 'benefits-console-campaign');
  });

  it('renders the overview chart per organisation', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '普惠总览' }).click();
    await page.getByRole('img', { name: '各组织消费券金额柱状图' }).waitFor();
    await page.getByRole('cell', { name: '佛山市总工会' }).waitFor();
    await visit(page, 'benefits-console-overview');
  });

  it('lists partner merchants and prints a plaque', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '合作商户' }).click();
    const row = page
      .locator('.ant-table-tbody tr.ant-table-row')
      .filter({ hasText: '佛山市天蓝电器有限公司' });
    await row.waitFor();
    await visit(page, 'benefits-console-merchants');
    await row.getByRole('button', { name: /牌匾/ }).click();
    await page.getByRole('heading', { name: '友好合作商家' }).waitFor();
    await page.getByRole('img', { name: '牌匾真伪核验二维码' }).waitFor();
    await visit(page, 'benefits-console-plaque');
  });

  it('lists recuperation routes', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '疗休养线路' }).click();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await visit(page, 'benefits-console-routes');
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openBrowser, screenshot, seriousA11yViolations } from './support/browser.ts';

const baseUrl = inject('baseUrl');

async function visit(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousA11yViolations(page, name), `axe on ${name}`).toEqual([]);
}

describe('worker app on a phone (李云, a member in 勐腊县)', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowser({ phone: true });
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('serves the worker app at /', async () => {
    const response = await page.goto(`${baseUrl}/`);
    expect(response?.status()).toBe(200);
  });

  it('signs in and shows the service tiles', async () => {
    // Opened by file name so the journey below does not depend on how the server answers `/`
    // (the app redirects /index.html to /); the test above checks `/` itself.
    await page.goto(`${baseUrl}/index.html`);
    await page.getByRole('heading', { name: '工友之家' }).waitFor();
    await visit(page, 'worker-login');

    await page.getByLabel('账号').fill('worker-li');
    await page.getByLabel('密码').fill('gongyou-demo');
    await page.getByRole('button', { name: '登录' }).click();

    await page.getByRole('heading', { name: /李云/ }).waitFor();
    await page.getByRole('heading', { name: '我的服务' }).waitFor();
    await page.getByRole('link', { name: /我的资料/ }).waitFor();
    await visit(page, 'worker-home');
  });

  it('shows the profile with the ID number masked', async () => {
    await page.getByRole('link', { name: /我的资料/ }).click();
    await page.getByRole('heading', { name: '李云' }).waitFor();
    await page.getByText('云南勐腊田野橡胶销售有限责任公司工会').first().waitFor();
    await page.getByText('劳模').waitFor();
    const id = await page.getByText(/^532\*+7351$/).textContent();
    expect(id).toMatch(/^532\*{11}7351$/);
    expect(await page.getByText('532823199705037351').count()).toBe(0);
    await visit(page, 'worker-profile');
  });

  it('switches language and signs out', async () => {
    await page.getByRole('button', { name: /返回/ }).click();
    await page.getByRole('heading', { name: '我的服务' }).waitFor();
    await page.getByRole('button', { name: /语言/ }).first().click();
    await page.getByText('ລາວ', { exact: true }).click();
    await page.getByRole('heading', { name: 'ບໍລິການຂອງຂ້ອຍ' }).waitFor();
    await visit(page, 'worker-home-lo');

    await page.getByText('ອອກຈາກລະບົບ').click();
    await page.getByRole('button', { name: /ຢືນຢັນ/ }).click();
    await page.getByRole('heading', { name: 'ເຮືອນຂອງຜູ້ອອກແຮງງານ' }).waitFor();
    await page.evaluate(() => localStorage.removeItem('gongyou.language'));
  });
});

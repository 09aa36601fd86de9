import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openBrowser, screenshot, seriousA11yViolations } from './support/browser.ts';

const baseUrl = inject('baseUrl');

/** Screenshot and accessibility check of the page as it is now. */
async function visit(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await screenshot(page, name, options);
  expect(await seriousA11yViolations(page, name), `axe on ${name}`).toEqual([]);
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${baseUrl}/admin`);
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill('gongyou-demo');
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

describe('console (union staff at 宁波市总工会)', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowser();
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('signs in and lands on the dashboard with real figures', async () => {
    await page.goto(`${baseUrl}/admin`);
    await expect.poll(() => page.getByRole('heading', { name: '欢迎登录' }).isVisible()).toBe(true);
    await visit(page, 'console-login');

    await signIn(page, 'ningbo-staff');
    await page.getByRole('heading', { name: /陈静，您好/ }).waitFor();
    await page.getByText('在册会员').waitFor();
    await page.getByRole('img', { name: /各直属下级组织会员数/ }).waitFor();
    await visit(page, 'console-dashboard');
  });

  it('shows the Ningbo subtree and nothing outside it', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '组织架构' }).click();
    const tree = page.getByRole('tree');
    await tree.getByText('宁波市总工会', { exact: true }).waitFor();
    await expect.poll(() => tree.getByText('北仑区总工会').isVisible()).toBe(true);
    await expect.poll(() => tree.getByText('慈溪市总工会').isVisible()).toBe(true);
    expect(await page.getByText(/云南|勐腊|佛山/).count()).toBe(0);
    await visit(page, 'console-organisations');

    await page.getByRole('button', { name: /新增下级组织/ }).click();
    await page.getByRole('dialog').getByLabel('组织名称').waitFor();
    await visit(page, 'console-organisation-add', { fullPage: false });
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();
  });

  it('lists only Ningbo members, with masked phones', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '会员管理' }).click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);

    const headers = (await page.locator('thead th').allTextContents()).map((text) => text.trim());
    const phoneIndex = headers.indexOf('手机号');
    const orgIndex = headers.indexOf('所属组织');
    expect(phoneIndex).toBeGreaterThan(0);
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells, (td) => td.textContent?.trim() ?? '')),
    );
    for (const row of cells) {
      expect(row[phoneIndex]).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(row[orgIndex]).toMatch(/宁波|北仑|慈溪/);
    }
    await page.getByText('每次查看都会记入审计日志').waitFor();
    await visit(page, 'console-members');

    await page.getByRole('button', { name: /新增会员/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('身份证号').fill('123456789012345678');
    await drawer.getByLabel('手机号').fill('12345');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await drawer.getByText('身份证号码无效').waitFor();
    await drawer.getByText('请输入 11 位中国大陆手机号').waitFor();
    await visit(page, 'console-member-form', { fullPage: false });
    await drawer.getByRole('button', { name: /取\s*消/ }).click();

    await page.getByRole('button', { name: /导\s*入/ }).click();
    await page.getByRole('dialog').getByText('下载导入模板').waitFor();
    await visit(page, 'console-member-import', { fullPage: false });
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();
  });

  it('switches to English and to Lao', async () => {
    await page.getByRole('button', { name: /语言/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Members' }).waitFor();
    await page.getByRole('heading', { name: 'Members', exact: true }).first().waitFor();
    await visit(page, 'console-members-en');

    await page.getByRole('button', { name: /Language/ }).click();
    await page.getByRole('menuitem', { name: 'ລາວ' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'ຄຸ້ມຄອງສະມາຊິກ' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'ໂຄງສ້າງການຈັດຕັ້ງ' }).click();
    await page.getByRole('tree').getByText('宁波市总工会', { exact: true }).waitFor();
    await visit(page, 'console-organisations-lo');
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: /陈静/ }).click();
    await page.getByRole('menuitem', { name: /ອອກຈາກລະບົບ/ }).click();
    await page.getByRole('button', { name: 'ເຂົ້າສູ່ລະບົບ' }).waitFor();
    // back to Chinese for whoever uses this browser next
    await page.evaluate(() => localStorage.removeItem('gongyou.language'));
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
    expect(me).toBe(401);
  });
});

describe('console (the separated administrators)', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowser();
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('gives the audit administrator the audit log only', async () => {
    await signIn(page, 'audit-admin');
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: '审计日志' }).click();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    expect(await nav.getByRole('link', { name: '会员管理' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: '账号与权限' }).count()).toBe(0);
    await visit(page, 'console-audit');
    await page.getByRole('button', { name: /审计管理员/ }).click();
    await page.getByRole('menuitem', { name: /退出登录/ }).click();
    await page.getByRole('heading', { name: '欢迎登录' }).waitFor();
  });

  it('lets the security administrator grant roles and unlock', async () => {
    await signIn(page, 'security-admin');
    await page.getByRole('navigation').getByRole('link', { name: '账号与权限' }).click();
    await page.getByText('ningbo-staff').waitFor();
    expect(await page.getByRole('button', { name: /授予角色/ }).count()).toBeGreaterThan(0);
    await visit(page, 'console-accounts');
  });
});

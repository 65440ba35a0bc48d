/**
 * The five-year journey: the ministry reads the national targets of the notice; a province sets
 * its own target for a year; a city enters its green-community figures (a form that refuses
 * impossible counts before asking the server); the sign-off departments have no such page.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { chooseOption, describeBrowser, useDemoServer } from './support.ts';

const SHOTS = process.env.FIVE_YEAR_SCREENSHOTS;

describeBrowser('five-year', () => {
  const demo = useDemoServer();

  async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await demo.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(demo.url);
    await page.locator('#login-username').fill(username);
    await page.locator('#login-password').fill('gaizao-demo');
    await page.locator('#login-submit').click();
    await page.locator('#current-region').waitFor();
    return { context, page };
  }

  const cells = (page: Page, table: string, row: number) =>
    page.locator(`#${table} tbody tr.ant-table-row`).nth(row).locator('td').allInnerTexts();

  const rowCount = (page: Page, table: string) =>
    page.locator(`#${table} tbody tr.ant-table-row`).count();

  /** The open form's errors (a field's, or the server's alert), or undefined while it has none. */
  async function formSays(page: Page): Promise<string | undefined> {
    const errors = await page
      .locator('.ant-modal:visible')
      .locator('.ant-form-item-explain-error, .ant-alert-error')
      .allInnerTexts();
    return errors.length > 0 ? `表单仍提示：${errors.join('；')}` : undefined;
  }

  it('shows the ministry the national targets of the notice, from the menu', async () => {
    const { context, page } = await signedIn('ministry');
    await page.getByRole('menuitem', { name: '十四五' }).click();
    await page.locator('#five-year-years').waitFor();
    expect(page.url()).toMatch(/\/five-year$/);
    // Its 当年计划 column says it is the ledger's working table, not a declared version.
    expect(await page.locator('#five-year-plan-basis').innerText()).toContain('工作底稿（未冻结）');
    const y2021 = await cells(page, 'five-year-years', 0);
    expect(y2021.slice(0, 3)).toEqual(['2021', '53,000', '—']);
    expect(await page.locator('.ant-statistic-content').first().innerText()).toBe('219,000');
    await page.locator('#five-year-cumulative-chart canvas').waitFor();
    expect(await page.locator('#five-year-completion-edit').count()).toBe(0);
    await context.close();
  }, 120_000);

  it('lets the province set its own target for a year, and shows it against the ledger', async () => {
    const { context, page } = await signedIn('province');
    await page.goto(`${demo.url}/five-year`);
    await page.locator('#five-year-target-2021').click();
    await page.locator('#five-year-target-communities').fill('620');
    await page.locator('#five-year-target-households').fill('100');
    await page.locator('#five-year-target-submit').click();
    await page.getByText('户数不能少于小区数：每个小区至少有1户').waitFor();
    await page.locator('#five-year-target-households').fill('52000');
    // The error collapses with an animation that moves the footer; a click during it can miss.
    await page.getByText('户数不能少于小区数：每个小区至少有1户').waitFor({ state: 'detached' });
    await page.locator('#five-year-target-source').fill('海南省十四五城镇老旧小区改造规划（演示）');
    await page.locator('#five-year-target-submit').click();
    await expect
      .poll(async () => (await cells(page, 'five-year-years', 0)).slice(0, 3), { timeout: 60_000 })
      .toEqual(['2021', '620', '52,000']);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/province.png`, fullPage: true });
    await context.close();
  }, 120_000);

  it('takes a city’s green-community figures, refusing more meeting than taking part', async () => {
    const { context, page } = await signedIn('city');
    await page.goto(`${demo.url}/five-year`);
    // The demo's figures for 海口市: 51 of 220 in 2021, short of 25 %.
    await page.locator('#five-year-green').waitFor();
    const first = await cells(page, 'five-year-green', 0);
    expect(first.slice(0, 8)).toEqual([
      '海口市',
      '2021',
      '220',
      '68',
      '30.9%',
      '51',
      '23.2%',
      '未达到',
    ]);
    await page.locator('#five-year-green-add').click();
    // The form opens on 2021, which has figures; picking 2024, which has none, empties it.
    await expect.poll(() => page.locator('#five-year-green-urban').inputValue()).toBe('220');
    await chooseOption(page, 'five-year-green-year', '2024年');
    await expect.poll(() => page.locator('#five-year-green-urban').inputValue()).toBe('');
    await page.locator('#five-year-green-urban').fill('230');
    await page.locator('#five-year-green-participating').fill('170');
    await page.locator('#five-year-green-meeting').fill('171');
    await page.locator('#five-year-green-submit').click();
    await page.getByText('达到创建要求的社区数不能超过参与创建的社区数').waitFor();
    await page.locator('#five-year-green-meeting').fill('150');
    // The error collapses with an animation that moves the footer; a click during it can miss.
    await page
      .getByText('达到创建要求的社区数不能超过参与创建的社区数')
      .waitFor({ state: 'detached' });
    await page.locator('#five-year-green-submit').click();
    // The saved row is the lasting proof (the confirmation toast is gone after 3 s, which a loaded
    // machine can miss). While the form is still open, what it says is the better failure.
    await expect
      .poll(async () => (await formSays(page)) ?? (await rowCount(page, 'five-year-green')), {
        timeout: 60_000,
      })
      .toBe(4);
    const added = await cells(page, 'five-year-green', 3);
    expect(added.slice(0, 8)).toEqual([
      '海口市',
      '2024',
      '230',
      '170',
      '73.9%',
      '150',
      '65.2%',
      '达到',
    ]);
    await page.locator('#five-year-green-chart canvas').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/city.png`, fullPage: true });
    await context.close();
  }, 120_000);

  it('has no five-year page for the sign-off departments', async () => {
    const { context, page } = await signedIn('ndrc');
    expect(await page.getByRole('menuitem', { name: '十四五' }).count()).toBe(0);
    await page.goto(`${demo.url}/five-year`);
    await page.getByText('无权访问', { exact: true }).waitFor();
    await context.close();
  }, 120_000);
});

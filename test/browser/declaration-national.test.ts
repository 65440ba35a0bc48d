/**
 * The national end of a year's declaration, in the browser: 海南省's plan submitted (through the
 * services, as the first journey in declaration.test.ts leaves it), the ministry sees it on time
 * and downloads the submitted version, 财政部 signs for its receipt, and a ledger edit afterwards
 * leaves the submitted version as it was.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import {
  apiGet,
  editCommunity,
  openDeclaration,
  PROVINCE,
  SHOTS,
  SignedInUsers,
  submitProvincePlan,
  view,
  Y,
  type Community,
} from './declaration-support.ts';
import { describeBrowser, useDemoServer } from './support.ts';

describeBrowser('declaration at the national end', () => {
  let users: SignedInUsers;
  const dir = mkdtempSync(join(tmpdir(), 'gaizao-declaration-national-'));

  const demo = useDemoServer();
  beforeAll(async () => {
    users = new SignedInUsers(demo.browser, demo.url);
    await submitProvincePlan(demo.dbPath, dir);
  }, 300_000);
  // A failed step leaves a screenshot of every user's page, to see what the user saw.
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    await users.screenshotAll();
  });
  afterAll(async () => {
    await users?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const as = (username: string) => users.as(username);

  it('ministry: sees 海南省 submitted on time and downloads its plan table', async () => {
    const page = await as('ministry');
    await page.locator('#app-menu').getByText('各省上报').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/declarations/overview');
    const row = page.locator(`#overview-table tr[data-row-key="${PROVINCE}"]`);
    await expect
      .poll(() => row.locator('[data-progress]').getAttribute('data-progress'))
      .toBe('submitted_on_time');
    expect(await row.innerText()).toContain('按时上报');
    // The header gives the ministries' own date, the plan year's, not the first row's.
    const policies = await apiGet<{ items: { planYear: number; deadline: string }[] }>(
      page,
      '/api/plan-policies',
    );
    const own = policies.items.find((p) => p.planYear === Y)!.deadline;
    expect(await page.locator('#overview-deadline').innerText()).toBe(`报送截止日期：${own}`);
    await page.screenshot({ path: `${SHOTS}/declaration-overview.png`, fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.locator('.overview-xlsx').click(),
    ]);
    // The version the province submitted, not the ledger now.
    expect(download.suggestedFilename()).toMatch(/第1版\.xlsx$/);
    const file = join(dir, 'plan.xlsx');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');

    await page.locator('#notification-bell').click();
    await expect
      .poll(() => page.locator('#notification-list').innerText())
      .toContain('海南省已上报');
    await page.keyboard.press('Escape');
  }, 120_000);

  it('财政部: sees the submitted plan, signs for its receipt, and the overview shows it', async () => {
    const page = await as('mof');
    await page.locator('#app-menu').getByText('各省上报').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/declarations/overview');
    const row = page.locator(`#overview-table tr[data-row-key="${PROVINCE}"]`);
    await expect.poll(() => row.innerText()).toContain('按时上报');
    await row.getByRole('link', { name: '海南省' }).click();
    await page.locator(`#declaration-page[data-unit="${PROVINCE}"]`).waitFor();
    // Read-only: no return or accept for 财政部.
    expect(await page.locator('#declaration-accept').count()).toBe(0);
    expect(await page.locator('#declaration-return').count()).toBe(0);
    expect(await page.locator('#signed-form').getAttribute('href')).toBe(
      `/api/plan-table?province=46&year=${Y}&version=1&format=xlsx`,
    );
    await page.locator('#receipt-confirm').click();
    const mine = page.locator('#receipt-rows tr[data-row-key="mof"] [data-received]');
    await expect.poll(() => mine.getAttribute('data-received'), { timeout: 30_000 }).toBe('yes');
    expect(await page.locator('#receipt-confirm').isDisabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/declaration-mof-receipt.png`, fullPage: true });

    await page.locator('#app-menu').getByText('各省上报').click();
    await expect
      .poll(() => row.locator('.overview-receipt[data-role="mof"]').getAttribute('data-received'))
      .toBe('yes');
    expect(await row.locator('.overview-receipt[data-role="ndrc_national"]').innerText()).toBe(
      '未签收',
    );
  }, 120_000);

  it('a ledger edit after submission leaves the submitted version as it was', async () => {
    const ministry = await as('ministry');
    const target = (
      await apiGet<{ items: Community[] }>(
        ministry,
        `/api/communities?region=${PROVINCE}&planYear=${Y}&pageSize=1&sort=name`,
      )
    ).items[0]!;
    const path = `/api/declarations/${PROVINCE}/${Y}/versions/1`;
    const before = await apiGet<unknown>(ministry, path);

    const province = await as('province');
    await editCommunity(
      province,
      demo.url,
      target.id,
      '#community-households',
      String(target.households + 102),
    );
    const after = await apiGet<unknown>(ministry, path);
    expect(after).toEqual(before);

    await openDeclaration(province, demo.url, PROVINCE);
    expect(await province.locator('#submitted-unchanged').getAttribute('data-unchanged')).toBe(
      'false',
    );
    expect(await province.locator('#submitted-unchanged').innerText()).toContain('已有变动');
    expect((await view(province, PROVINCE)).submitted?.unchanged).toBe(false);
  }, 120_000);
});

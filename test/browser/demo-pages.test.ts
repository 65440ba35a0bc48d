/**
 * What the demo shows a newcomer beyond the declaration chain (issue 13 §4–5): the five-year page
 * holds 十四五's history (every year planned, started, completed, against the province's targets;
 * every city's green communities), and a community's history names who imported it as 系统, not
 * a login name.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, useDemoServer } from './support.ts';

describeBrowser('demo pages', () => {
  const demo = useDemoServer();

  const cells = (page: Page, table: string, row: number) =>
    page.locator(`#${table} tbody tr.ant-table-row`).nth(row).locator('td').allInnerTexts();

  it('shows the province 十四五 as a real period: plans, starts, completions, targets, green communities', async () => {
    const page = await demo.signIn('province');
    await page.goto(`${demo.url}/five-year`);
    await page.locator('#five-year-years tbody tr.ant-table-row').first().waitFor();
    for (let i = 0; i < 5; i++) {
      const [year, target, , plan, , started, , , completed] = await cells(
        page,
        'five-year-years',
        i,
      );
      expect(year).toBe(String(2021 + i));
      for (const [what, v] of Object.entries({ target, plan, started, completed }))
        expect(v, `${year} ${what}`).toMatch(/^[1-9][\d,]*$/);
    }
    await page.locator('#five-year-cumulative-chart canvas').waitFor();
    const green = page.locator('#five-year-green');
    await expect.poll(() => green.innerText()).toContain('三亚市');
    await page.locator('#five-year-green-chart canvas').waitFor();
    await page.context().close();
  }, 120_000);

  it('names who imported a community as 系统, not a login name', async () => {
    const page = await demo.signIn('county');
    await page.goto(`${demo.url}/ledger`);
    const first = page.locator('#ledger-table tbody tr.ant-table-row a').first();
    await first.click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/ledger\/\d+$/);
    const history = page.locator('#community-history');
    await expect.poll(() => history.innerText()).toContain('由 系统 导入');
    expect(await history.innerText()).not.toContain('system');
    await page.context().close();
  }, 120_000);
});

/**
 * Issue 13, defects 1–2 on the demo: the home tiles show the server's figures, not "—", and the
 * plan table opens on the year being declared (the demo declares next year's plan), with data.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, useDemoServer } from './support.ts';

/** The demo's plan year (server/src/demo/seed.ts): next year, its deadline at this year's end. */
const DEMO_YEAR = new Date().getUTCFullYear() + 1;

/** The value shown by the tile titled `title` in the role's section of the home page. */
async function tile(page: Page, role: string, title: string): Promise<string> {
  const card = page
    .locator(`[data-role="${role}"] .ant-statistic`)
    .filter({ has: page.locator('.ant-statistic-title', { hasText: title }) });
  const value = card.locator('.ant-statistic-content');
  await expect
    .poll(async () => (await value.innerText()).trim(), { timeout: 30_000 })
    .not.toBe('—');
  return (await value.innerText()).trim();
}

describeBrowser('home figures and the plan year', () => {
  const demo = useDemoServer();

  it('shows the county its plan and its to-do, and opens its plan checks on the demo year', async () => {
    const page = await demo.signIn('county');
    expect(await tile(page, 'county', '申报计划')).toMatch(/^[1-9][\d,]*\s*个小区$/);
    // named by its year, which is the demo's plan year (next year), not this year's
    expect(
      await page
        .locator('[data-role="county"] .ant-card', { hasText: '申报计划' })
        .first()
        .innerText(),
    ).toContain(`${DEMO_YEAR}年计划`);
    expect(await tile(page, 'county', '待办')).toMatch(/^1\s*项$/);
    await page.goto(`${demo.url}/plans`);
    const year = page.locator('.ant-select', { has: page.locator('#plan-year') });
    await expect.poll(() => year.innerText(), { timeout: 30_000 }).toContain(`${DEMO_YEAR}年`);
    await page.locator('#plan-checks .ant-table-row').first().waitFor();
    expect(await page.locator('#plan-checks-no-data').count()).toBe(0);
    await page.context().close();
  });

  it('shows the province its plan, its reviews and its deadline, and the plan table with data', async () => {
    const page = await demo.signIn('province');
    expect(await tile(page, 'province', '全省计划')).toMatch(/^[1-9][\d,]*\s*个小区$/);
    expect(await tile(page, 'province', '审核待办')).toMatch(/^\d+\s*项$/);
    expect(await tile(page, 'province', '截止日期')).toBe(`${DEMO_YEAR - 1}-12-31`);
    await page.goto(`${demo.url}/plans`);
    const year = page.locator('.ant-select', { has: page.locator('#plan-year') });
    await expect.poll(() => year.innerText(), { timeout: 30_000 }).toContain(`${DEMO_YEAR}年`);
    const total = page.locator('#plan-table .plan-total-row').first();
    await total.waitFor();
    // 全省合计: its communities and households are figures above zero.
    expect(await total.innerText()).toMatch(/[1-9]/);
    await page.context().close();
  });
});

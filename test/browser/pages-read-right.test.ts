/**
 * Pages that read right for the people who use them every day (issue 13 §7–12): dates entered in
 * the app's language whatever the browser's, a month's report that opens on its last day, wide
 * tables that scroll with their first column fixed, one number format, the statistics export's
 * button and the ministry's count of provinces. The server's clock is set to the first day of
 * this month (China time), so this month's report is not yet open.
 */
import type { Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import { dateLabel, periodLabel } from '../../common/dates.ts';
import { reportOpensOn } from '../../server/src/domain/monthly-report.ts';
import { chinaMonth } from '../../web/src/pages/progress-reports/reportLabels.ts';
import { communityToStart } from './progress-support.ts';
import { describeBrowser, useDemoServer } from './support.ts';

const SHOTS = 'test-results';

describeBrowser('pages that read right', () => {
  const month = chinaMonth();
  const year = Number(month.slice(0, 4));
  /** Chromium speaking English (--lang=en-US), as a clerk's browser may */
  const demo = useDemoServer({
    clockAt: `${month}-01T12:00:00+08:00`,
    browserArgs: ['--lang=en-US'],
  });
  let current: Page | undefined;

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail')
      await current?.screenshot({ path: `${SHOTS}/pages-read-right-failed.png`, fullPage: true });
  });

  it('enters dates and months through Chinese pickers in an English browser', async () => {
    const page = (current = await demo.signIn('county', { locale: 'en-US' }));
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    const c = await communityToStart(page, year);
    await page.goto(`${demo.url}/ledger/${c.id}`);
    await page.locator('#community-progress').waitFor();

    // No native date input is left on the page: they would speak the browser's language.
    expect(await page.locator('input[type="date"], input[type="month"]').count()).toBe(0);
    // The month of the progress form, as the pages write a month.
    const period = page.locator('#progress-period');
    expect(await period.inputValue()).toBe(periodLabel(month));
    expect(await page.locator('#progress-start').getAttribute('placeholder')).toBe('请选择日期');

    // The day picker's panel: Chinese weekdays and 今天.
    await page.locator('#progress-start').click();
    const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
    await panel.waitFor();
    const days = await panel.innerText();
    expect(days).toContain('今天');
    expect(days).toMatch(/一\s+二\s+三\s+四\s+五\s+六/);
    expect(days).not.toMatch(/Today|Mo|Tu/);
    await page.keyboard.press('Escape');

    // The month picker's panel: 1月…12月, never January or Dec.
    await period.click();
    // The day panel may still be closing: take the dropdown that holds the month panel.
    const months = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)', {
      has: page.locator('.ant-picker-month-panel'),
    });
    await months.waitFor();
    const monthText = await months.innerText();
    expect(monthText).toContain('1月');
    expect(monthText).toContain('12月');
    expect(monthText).not.toMatch(/Jan|Dec/);
    await page.keyboard.press('Escape');
    await page.context().close();
  }, 120_000);

  it('shows when this month’s report opens instead of a submit button', async () => {
    const page = (current = await demo.signIn('county'));
    await page.goto(`${demo.url}/progress/reports?year=${year}&period=${month}`);
    const opens = page.locator('#report-opens');
    await opens.waitFor();
    expect(await opens.innerText()).toBe(`${dateLabel(reportOpensOn(month))}起可上报`);
    expect(await page.locator('#report-submit').count()).toBe(0);
    expect(await page.locator('#report-not-open').innerText()).toContain(
      `${periodLabel(month)}月报反映截至月末的情况，自${dateLabel(reportOpensOn(month))}`,
    );
    await page.context().close();
  }, 60_000);

  it('opens 计划申报 and 财政承受能力 on the year being declared, as the plan table does', async () => {
    const page = (current = await demo.signIn('city'));
    const declaring = await page.evaluate(
      async () => ((await (await fetch('/api/plan-year')).json()) as { year: number }).year,
    );
    await page.goto(`${demo.url}/declarations`);
    await page.waitForURL(new RegExp(`/declarations/460100/${declaring}$`));
    await page.goto(`${demo.url}/plans/fiscal`);
    await expect
      .poll(() => page.locator('.ant-select', { has: page.locator('#fiscal-year') }).innerText())
      .toContain(String(declaring));
    await page.context().close();
  }, 60_000);

  it('offers the statistics export (统计局共享) on 进展统计, and it downloads', async () => {
    const page = (current = await demo.signIn('province'));
    await page.goto(`${demo.url}/progress?scope=460000&year=${year}`);
    const button = page.locator('#statistics-export');
    await button.waitFor();
    expect(await button.innerText()).toContain('统计局共享');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^城镇老旧小区改造项目清单-${year}年\\d{1,2}月\\.xlsx$`),
    );
    await page.context().close();
  }, 60_000);

  it('prints counts with separators and 万元 with two decimals, in tables as on cards', async () => {
    const page = (current = await demo.signIn('province'));
    await page.goto(`${demo.url}/progress?scope=460000&year=${year}`);
    const body = page.locator('#progress-table .ant-table-tbody');
    await body.locator('tr.ant-table-row').first().waitFor();
    const cells = await body.locator('td.ant-table-cell').allInnerTexts();
    // A figure of four digits or more always has its separator (1,852, never 1852)…
    expect(cells.filter((t) => /^-?\d{4,}/.test(t.trim()))).toEqual([]);
    expect(cells.some((t) => /^\d{1,3}(,\d{3})+/.test(t.trim()))).toBe(true);
    // …and the ledger's investment has the form's two decimals, not the stored four.
    await page.goto(`${demo.url}/ledger`);
    const ledger = page.locator('.ant-table-tbody');
    await ledger.locator('tr.ant-table-row').first().waitFor();
    const figures = await ledger.locator('tr.ant-table-row td.ant-table-cell').allInnerTexts();
    const decimals = figures.map((t) => t.trim()).filter((t) => /^[\d,]+\.\d+$/.test(t));
    expect(decimals.length).toBeGreaterThan(0);
    expect(decimals.filter((t) => !/^\d{1,3}(,\d{3})*\.\d{2}$/.test(t))).toEqual([]);
    await page.context().close();
  }, 60_000);
});

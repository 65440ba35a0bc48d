/**
 * Through-the-year progress in the browser (issue 5): the ministry sees the province tiles on its
 * home page, clicks 海南 and lands on the province's cities; a city leads to its districts, a
 * district lists its communities, and a community links to its ledger page. The demo seeds a year
 * of monthly progress for 海南, so the figures are live.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, expect, it } from 'vitest';
import { openProvinceTile } from './progress-support.ts';
import { describeBrowser, useDemoServer } from './support.ts';

const SHOTS = 'test-results';

describeBrowser('progress dashboard', () => {
  let page: Page;

  const demo = useDemoServer();
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail')
      await page?.screenshot({ path: `${SHOTS}/progress-failed.png`, fullPage: true });
  });
  afterAll(async () => {
    await page?.context().close();
  });

  // Each step loads a few pages: more than the default 30 s on a machine with busy cores.
  it('shows the ministry the province tiles, and 海南 leads to its cities', async () => {
    page = await demo.signIn('ministry', {
      viewport: { width: 1400, height: 1000 },
    });
    const hainan = page.locator('#province-tile-map [data-province="海南"]');
    await hainan.waitFor({ timeout: 30_000 });
    expect(await page.locator('#province-tile-map [data-province]').count()).toBe(32);
    // The demo's province has started communities this year; the others have no plan.
    expect(await hainan.getAttribute('aria-label')).toMatch(/^海南 \d+\.\d%$/);
    expect(await page.locator('[data-province="北京"]').getAttribute('aria-label')).toBe('北京 —');
    await page.locator('#investment-by-month canvas').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/progress-ministry-home.png`, fullPage: true });

    await openProvinceTile(page, '海南', '460000');
    const units = page.locator('#progress-units');
    await units.locator('[data-unit="海口市"]').waitFor({ timeout: 30_000 });
    for (const city of ['三亚市', '儋州市', '五指山市'])
      expect(await units.locator(`[data-unit="${city}"]`).count(), city).toBe(1);
    expect(await page.locator('#progress-breadcrumb').innerText()).toContain('海南省');
    await page.locator('#progress-table').getByText('合计').waitFor();
    await page.screenshot({ path: `${SHOTS}/progress-hainan.png`, fullPage: true });
  }, 120_000);

  it('goes down to a city’s districts, a district’s communities and a community’s ledger page', async () => {
    await page.locator('#progress-units [data-unit="海口市"]').click();
    await page.waitForURL(/scope=460100/);
    await page.locator('#progress-units [data-unit="龙华区"]').click();
    await page.waitForURL(/scope=460106/);
    const first = page.locator('#progress-communities [data-community]').first();
    await first.waitFor({ timeout: 30_000 });
    const name = await first.getAttribute('data-community');
    await page.screenshot({ path: `${SHOTS}/progress-longhua.png`, fullPage: true });
    await first.click();
    await page.waitForURL(/\/ledger\/\d+$/);
    await expect.poll(() => page.getByText(name!).first().isVisible()).toBe(true);
  }, 120_000);
});

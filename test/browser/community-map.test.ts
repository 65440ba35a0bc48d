/**
 * 小区分布图 in the browser (issue 13): the county user opens the map from the menu and sees its
 * communities as points coloured by status, with the counts, legend and caption; filters by
 * status; clicks a point through to the community page. With no tile service configured (the
 * demo's), the page asks nothing of any other host.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, expect, it } from 'vitest';
import { chooseOption, describeBrowser, useDemoServer } from './support.ts';

const SHOTS = 'test-results';

describeBrowser('community map', () => {
  let page: Page;
  /** every request the page made to a host other than the server */
  const external: string[] = [];

  const demo = useDemoServer();
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail')
      await page?.screenshot({ path: `${SHOTS}/community-map-failed.png`, fullPage: true });
  });
  afterAll(async () => {
    await page?.context().close();
  });

  const points = () => page.locator('#community-map a[data-status]');
  /** 图上 N 个（计划 a，已开工 b，已完工 c） as numbers */
  const counts = async () => {
    const text = await page.locator('#map-counts').innerText();
    const m = /图上 (\d+) 个（计划 (\d+)，已开工 (\d+)，已完工 (\d+)）/.exec(text);
    if (!m) throw new Error(`计数文字不符：${text}`);
    return m.slice(1).map(Number);
  };

  it('shows the county its communities by status, with legend, caption and table', async () => {
    page = await demo.signIn('county', { viewport: { width: 1400, height: 1000 } });
    page.context().on('request', (r) => {
      if (!r.url().startsWith(demo.url) && !r.url().startsWith('data:')) external.push(r.url());
    });
    await page.getByRole('menuitem', { name: '小区分布图' }).click();
    await page.waitForURL(/\/progress\/map/);
    await points().first().waitFor({ timeout: 30_000 });
    const [total, plan, started, completed] = await counts();
    expect(await points().count()).toBe(total);
    expect(plan! + started! + completed!).toBe(total);
    // The demo's county has started communities this year, and some still to start.
    expect(started! + completed!).toBeGreaterThan(0);
    expect(await page.locator('#map-counts').innerText()).toMatch(/未填经纬度、未上图 [1-9]\d* 个/);
    const first = points().first();
    expect(await first.getAttribute('aria-label')).toMatch(
      /^.+（龙华区，(计划|已开工|已完工)，\d+ 户）$/,
    );
    expect(await page.locator('#community-map title').first().textContent()).toBe(
      await first.getAttribute('aria-label'),
    );
    for (const label of ['计划', '已开工', '已完工'])
      await page.getByRole('listitem').filter({ hasText: label }).first().waitFor();
    expect(await page.locator('#map-caption').innerText()).toContain('不表示行政区域界线');
    expect(await page.locator('#community-map-page img').count()).toBe(0);
    // The table alternative lists the same points (20 a page).
    await page.locator('#map-table').getByText('图上小区列表').waitFor();
    expect(await page.locator('#map-table tbody tr').count()).toBe(Math.min(total!, 20));
    await page.screenshot({ path: `${SHOTS}/community-map.png`, fullPage: true });
  }, 120_000);

  it('filters by status, and a point leads to its community', async () => {
    const [, , started] = await counts();
    await chooseOption(page, 'map-status', '已开工');
    await page.waitForURL(/status=started/);
    await expect.poll(async () => (await counts())[0]).toBe(started);
    await expect
      .poll(
        async () =>
          new Set(await points().evaluateAll((as) => as.map((a) => a.getAttribute('data-status')))),
      )
      .toEqual(new Set(['started']));
    const last = points().last();
    const id = await last.getAttribute('data-community');
    const name = (await last.getAttribute('aria-label'))!.replace(/（.*$/, '');
    await last.click();
    await page.waitForURL(new RegExp(`/ledger/${id}$`));
    await expect.poll(() => page.getByText(name).first().isVisible()).toBe(true);
  }, 120_000);

  it('edits the community’s position on its form, refusing a swapped pair in Chinese', async () => {
    await page.locator('#community-edit').click();
    await page.waitForURL(/\/ledger\/\d+\/edit$/);
    await page.locator('#community-lng').fill('20.0311');
    await page.locator('#community-lat').fill('110.3312');
    await page.locator('#community-submit').click();
    await page.getByText('经度 20.0311 不在我国范围内（应为东经 73 到 136 度之间）').waitFor();
    await page.getByText(/纬度 110.3312 不在我国范围内.*填反/).waitFor();
    await page.locator('#community-lng').fill('110.3312');
    await page.locator('#community-lat').fill('20.0311');
    await page.locator('#community-submit').click();
    await page.waitForURL(/\/ledger\/\d+$/);
    await page.getByText('110.3312, 20.0311').waitFor();
    await expect
      .poll(() => page.locator('#community-history').innerText())
      .toMatch(/经度：[\d.]*\s*→\s*110\.3312/);
  }, 120_000);

  it('made no request to any other host (no tile service configured)', () => {
    expect(external).toEqual([]);
  });
});

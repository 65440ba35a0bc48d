/**
 * English throughout (issue 13), the progress area beyond the walk of english.test.ts: the
 * ministry's national view drilled to a province, the tile tooltip, the progress page filtered to
 * another month; a county's monthly report with its submit dialog, submitted and opened again
 * from the history; the import of monthly progress with bad rows, whose row errors the server
 * writes in Chinese; the community map and its filters. On every step no Chinese shows outside
 * data values (test/browser/english-walk.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, expect, it } from 'vitest';
import { reportOpensOn } from '../../server/src/domain/monthly-report.ts';
import { chineseOnPage, missingTranslations, settled, signInInEnglish } from './english-walk.ts';
import { communityToStart, openProvinceTile } from './progress-support.ts';
import { chooseOption, describeBrowser, useDemoServer } from './support.ts';

const SHOTS = 'test-results';

/** Chinese on the whole page outside data, frame included. */
const chineseHere = (page: Page): Promise<string[]> => chineseOnPage(page);

describeBrowser('English throughout: progress', () => {
  let page: Page | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'gaizao-english-progress-'));
  // The server's day is the last of this month, when this month's report opens.
  const period = new Date().toISOString().slice(0, 7);
  const year = Number(period.slice(0, 4));

  const demo = useDemoServer({
    clockAt: `${reportOpensOn(period)}T12:00:00+08:00`,
    browserArgs: ['--lang=en-US'],
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail')
      await page?.screenshot({ path: `${SHOTS}/english-progress-failed.png`, fullPage: true });
    await page?.context().close();
    page = undefined;
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  const inEnglish = (account: string): Promise<Page> =>
    signInInEnglish(demo.browser, demo.url, account);

  /** No Chinese outside data here, naming what no catalog translates if there is. */
  async function inEnglishHere(p: Page, where: string): Promise<void> {
    const found = await chineseHere(p);
    const missing = await missingTranslations(p);
    expect(found, `${where}; no catalog has: ${missing.join(' | ')}`).toEqual([]);
  }

  it('the ministry: the country, a province’s tooltip and page, another month', async () => {
    page = await inEnglish('ministry');
    await page.goto(`${demo.url}/progress`);
    await settled(page);
    await page.locator('#province-tile-map [data-province="海南"]').waitFor();
    await page.locator('#progress-table .ant-table-row').first().waitFor();
    expect(await page.locator('#progress-page').innerText()).toContain('Progress statistics');
    await inEnglishHere(page, 'the national view');
    await page.screenshot({ path: `${SHOTS}/english-progress-national.png`, fullPage: true });

    await page.locator('#province-tile-map [data-province="海南"]').hover();
    const tip = page.locator('.ant-tooltip:not(.ant-tooltip-hidden)');
    await tip.waitFor();
    expect(await tip.innerText()).toMatch(/communities planned, \d+ started, start rate/);
    await inEnglishHere(page, 'the tile’s tooltip');

    await openProvinceTile(page, '海南', '460000');
    await settled(page);
    await page.locator('#progress-units [data-unit="海口市"]').waitFor();
    await page.locator('#progress-table').getByText('Total').waitFor();
    expect(await page.locator('#progress-plan-note').innerText()).toMatch(/^Planned figures/);
    await inEnglishHere(page, 'the province');
    await page.screenshot({ path: `${SHOTS}/english-progress-province.png`, fullPage: true });

    await chooseOption(page, 'progress-month', 'Jun');
    await page.waitForURL(/month=6/);
    await settled(page);
    await page.locator('#progress-table').getByText('Total').waitFor();
    expect(await page.locator('#progress-page').innerText()).toContain('Jun');
    await inEnglishHere(page, 'the province in June');
  }, 240_000);

  it('a county: its monthly report, the submit dialog, the report submitted and opened', async () => {
    page = await inEnglish('county');
    await page.goto(`${demo.url}/progress/reports?year=${year}&period=${period}`);
    await settled(page);
    await page.locator('#report-submit-card').waitFor();
    await inEnglishHere(page, 'the monthly report page');

    await page.locator('#report-submit').click();
    const confirm = page.locator('.ant-popconfirm:not(.ant-popover-hidden)');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('Submit?');
    await inEnglishHere(page, 'the submit dialog');
    await page.screenshot({ path: `${SHOTS}/english-progress-report.png`, fullPage: true });

    await page.locator('#report-submit-ok').click();
    await expect
      .poll(() => page!.locator('#report-latest-version').innerText())
      .toMatch(/^Version \d+$/);
    await page.locator('.ant-message-notice').first().waitFor();
    await inEnglishHere(page, 'the report submitted');

    await page.locator('#report-history').getByRole('button', { name: 'View' }).first().click();
    const modal = page.locator('.ant-modal');
    await modal.locator('.report-progress-table').waitFor();
    expect(await modal.innerText()).toContain('(frozen)');
    await modal.locator('.ant-collapse-header').click();
    await modal.locator('.report-communities .ant-table-row').first().waitFor();
    await inEnglishHere(page, 'a submitted version');
  }, 240_000);

  it('a county: progress imported with bad rows, the server’s row errors in English', async () => {
    page = await inEnglish('county');
    const c = await communityToStart(page, year);
    await page.goto(`${demo.url}/ledger/import`);
    await page.locator('#import-tabs-tab-progress').click();
    const file = join(dir, 'progress.csv');
    const today = `${period}-01`;
    writeFileSync(
      file,
      [
        '区划代码,小区名称,计划年度,报告期,开工日期,加装电梯（部）,更正',
        // A start without the residents' consent, a negative count, a correction neither 是 nor empty.
        `460106,${c.name},${year},${period},${today},,`,
        `460106,${c.name},${year},${period},,-1,`,
        `460106,${c.name},${year},${period},,,也许`,
      ].join('\n') + '\n',
    );
    await page.locator('#progress-import-upload').setInputFiles(file);
    const errors = page.locator('#progress-import-errors');
    await errors.waitFor();
    const text = await errors.innerText();
    expect(text).toContain('No renovation may start without consensus');
    expect(text).toContain('Must be a whole number not below 0');
    expect(text).toContain('Must be “yes” or empty');
    // The panel around the rows is the ledger's; the row errors are this area's server text.
    const chinese = await page.evaluate(() => {
      const table = document.querySelector('#progress-import-errors tbody')!;
      const CJK = /[\u4e00-\u9fff]/;
      const out: string[] = [];
      const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (CJK.test(n.textContent ?? '') && !el?.closest('[translate="no"]'))
          out.push(n.textContent!.trim());
      }
      return out;
    });
    expect(chinese).toEqual([]);
  }, 240_000);

  it('a county: the community map and its filters', async () => {
    page = await inEnglish('county');
    await page.goto(`${demo.url}/progress/map`);
    await settled(page);
    await page.locator('#community-map a[data-status]').first().waitFor();
    expect(await page.locator('#map-counts').innerText()).toMatch(/on the map \(Planned \d+/);
    await inEnglishHere(page, 'the map');

    await chooseOption(page, 'map-year', String(year - 1));
    await page.waitForURL(new RegExp(`year=${year - 1}`));
    await settled(page);
    await inEnglishHere(page, 'the map of last year’s plan');

    await page.goto(`${demo.url}/progress/map?year=${year}`);
    await settled(page);
    await chooseOption(page, 'map-status', 'Started');
    await page.waitForURL(/status=started/);
    await settled(page);
    await page.locator('#community-map a[data-status="started"]').first().waitFor();
    // A point's accessible name: the community and its district as data, the rest in English.
    const name = await page
      .locator('#community-map a[data-status]')
      .first()
      .evaluate((a) => document.getElementById(a.getAttribute('aria-labelledby')!)?.textContent);
    expect(name).toMatch(/\(.+, Started, \d+ households\)$/);
    await inEnglishHere(page, 'the map of started communities');
  }, 240_000);
});

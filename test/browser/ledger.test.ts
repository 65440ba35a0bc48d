/**
 * The ledger journey of a county bureau: template, an upload with errors, the fixed upload and
 * its import, search, an edit seen in the history, and a stale save from a second window.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { describeBrowser, useDemoServer } from './support.ts';

const HEADER = [
  '区划代码',
  '小区名称',
  '详细地址',
  '建成年份',
  '楼栋数',
  '居民户数',
  '住宅建筑面积（平方米）',
  '预计投资额（万元）',
  '计划年度',
];

describeBrowser('ledger', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gaizao-ledger-'));
  // Distinctive names, so the search finds these rows and none of the demo ledger's.
  const suffix = randomBytes(3).toString('hex');
  const names = [`椰林苑${suffix}`, `金盘新村${suffix}`, `滨海花园${suffix}`];

  const demo = useDemoServer();
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await demo.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(demo.url);
    await page.locator('#login-username').fill(username);
    await page.locator('#login-password').fill('gaizao-demo');
    await page.locator('#login-submit').click();
    await page.locator('#current-region').waitFor();
    return { context, page };
  }

  function csv(rows: (string | number)[][]): string {
    const path = join(dir, `list-${rows.length}-${Date.now()}.csv`);
    writeFileSync(path, [HEADER, ...rows].map((r) => r.join(',')).join('\n') + '\n');
    return path;
  }

  const rowTexts = (page: Page, table: string) =>
    page.locator(`${table} .ant-table-tbody tr.ant-table-row`).allInnerTexts();

  it('imports a corrected list, finds a community, edits it, and refuses a stale save', async () => {
    const { context: contextA, page } = await signedIn('county');

    // The template downloads.
    await page.goto(`${demo.url}/ledger/import`);
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#import-template').click(),
    ]);
    expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
    const templatePath = join(dir, 'template.xlsx');
    await template.saveAs(templatePath);
    expect(statSync(templatePath).size).toBeGreaterThan(1000);

    // A file that is no spreadsheet is refused with a Chinese message.
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, Buffer.from('PK\x03\x04 not really a workbook'));
    await page.locator('#import-upload').setInputFiles(junk);
    await expect
      .poll(() =>
        page
          .locator('#import-upload-error')
          .innerText()
          .catch(() => ''),
      )
      .toContain('无法读取');

    // Three rows, two of them wrong: both errors listed with their file line numbers.
    const good = [
      '460106',
      names[0]!,
      `龙华区椰林路${suffix}号`,
      1990,
      4,
      76,
      '4306.92',
      '226.4105',
      2022,
    ];
    // A future build year is wrong; a late one (2010) is not: the plan year's check decides it.
    const second = ['460106', names[1]!, '', 2030, 6, 120, '8100.50', '310', 2022];
    const third = ['460106', names[2]!, '', 1995, 0, 90, '6020', '280.5', 2022];
    await page.locator('#import-upload').setInputFiles(csv([good, second, third]));
    await page.locator('#import-errors').waitFor();
    await expect
      .poll(() => page.locator('#import-invalid').innerText())
      .toContain('文件有 2 处错误');
    const errors = await rowTexts(page, '#import-errors');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^3\s+建成年份\s+2030/);
    expect(errors[1]).toMatch(/^4\s+楼栋数\s+0/);
    expect(await page.locator('#import-confirm').isDisabled()).toBe(true);

    // Fixed and uploaded again: confirm, and the import runs to its end.
    await page.locator('#import-restart').click();
    second[3] = 2004;
    third[4] = 3;
    await page.locator('#import-upload').setInputFiles(csv([good, second, third]));
    await expect.poll(() => page.locator('#import-confirm').isEnabled()).toBe(true);
    await page.locator('#import-confirm').click();
    await expect
      .poll(() => page.locator('#import-done').innerText(), { timeout: 60_000 })
      .toContain('已导入 3 个小区');

    // The search box finds exactly the one community; the totals follow the filter.
    await page.goto(`${demo.url}/ledger`);
    await page.locator('#ledger-search').fill(names[0]!);
    await page.locator('#ledger-search').press('Enter');
    await expect.poll(() => rowTexts(page, '#ledger-table')).toHaveLength(1);
    expect((await rowTexts(page, '#ledger-table'))[0]).toContain(names[0]);
    expect(page.url()).toContain('q=');
    expect(await page.locator('#ledger-totals [data-total="households"]').innerText()).toBe('76');

    // The export follows the same filter.
    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#ledger-export-csv').click(),
    ]);
    const exportPath = join(dir, 'export.csv');
    await exported.saveAs(exportPath);
    const exportText = readFileSync(exportPath, 'utf8');
    expect(exportText).toContain(names[0]);
    expect(exportText).not.toContain(names[1]);

    // Open it, and its edit page in window A and, before A saves, in window B.
    await page.locator('#ledger-table').getByRole('link', { name: names[0] }).click();
    await page.locator('#community-edit').click();
    await expect.poll(() => page.locator('#community-households').inputValue()).toBe('76');
    const editUrl = page.url();
    expect(editUrl).toMatch(/\/ledger\/\d+\/edit$/);

    const { context: contextB, page: pageB } = await signedIn('county');
    await pageB.goto(editUrl);
    await expect.poll(() => pageB.locator('#community-households').inputValue()).toBe('76');

    // A types 居民户数 80, then clicks 首页 before saving: asked first, A stays with what it typed.
    await page.locator('#community-households').fill('80');
    await page.getByRole('menuitem', { name: '首页' }).click();
    const leave = page.locator('.ant-modal-confirm');
    await expect.poll(() => leave.innerText()).toContain('本页有未保存的修改，离开后将丢失。');
    await leave.getByRole('button', { name: '留在此页' }).click();
    await expect.poll(() => leave.count()).toBe(0);
    expect(page.url()).toBe(editUrl);
    expect(await page.locator('#community-households').inputValue()).toBe('80');

    // A saves 居民户数 76 → 80, and the history shows the change.
    await page.locator('#community-submit').click();
    await expect.poll(() => page.url()).toMatch(/\/ledger\/\d+$/);
    await expect
      .poll(() => page.locator('#community-history').innerText())
      .toMatch(/居民户数：76\s*→\s*80/);
    // People by their unit and display name, never the login name (issue 13 §5).
    expect(await page.locator('#community-history').innerText()).toContain(
      '由 海口市龙华区住房和城乡建设局 导入',
    );

    // B, still on the old version, saves 楼栋数: refused, naming what A changed.
    await pageB.locator('#community-buildings').fill('5');
    await pageB.locator('#community-submit').click();
    await pageB.locator('#community-conflict').waitFor();
    const conflict = await pageB.locator('#community-conflict').innerText();
    expect(conflict).toContain('保存失败');
    expect(conflict).toMatch(/居民户数：76\s*→\s*80/);
    expect(conflict).toContain('海口市龙华区住房和城乡建设局 修改');

    // 重新加载 brings the current version; B enters the change again and saves it.
    await pageB.locator('#community-reload').click();
    await expect.poll(() => pageB.locator('#community-households').inputValue()).toBe('80');
    expect(await pageB.locator('#community-conflict').count()).toBe(0);
    expect(await pageB.locator('#community-unsaved').innerText()).toContain('楼栋数：5');
    await pageB.locator('#community-buildings').fill('5');
    await pageB.locator('#community-submit').click();
    await expect
      .poll(() => pageB.locator('#community-history').innerText())
      .toMatch(/楼栋数：4\s*→\s*5/);

    await contextB.close();
    await contextA.close();
  }, 120_000);

  it('shows the ledger read-only to the ministry', async () => {
    const { context, page } = await signedIn('ministry');
    await page.goto(`${demo.url}/ledger`);
    await page.locator('#ledger-table').waitFor();
    expect(await page.locator('#ledger-export-xlsx').count()).toBe(1);
    expect(await page.locator('#ledger-new').count()).toBe(0);
    expect(await page.locator('#ledger-import').count()).toBe(0);
    await context.close();
  });
});

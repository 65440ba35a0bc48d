/**
 * Issue 9 §4 in the browser: a county bureau loads its 2021 subsidised list as history from the
 * import page (the kind selector), then a 2022 list naming one of those communities, and the
 * year's plan check refuses it as already subsidised.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { describeBrowser, useDemoServer } from './support.ts';

describeBrowser('subsidised history', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gaizao-history-'));
  const suffix = randomBytes(3).toString('hex');
  const names = [`红旗小区${suffix}`, `椰海花园${suffix}`];

  const demo = useDemoServer();
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  const file = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, lines.join('\n') + '\n');
    return path;
  };
  const rowTexts = (page: Page, table: string) =>
    page.locator(`${table} .ant-table-tbody tr.ant-table-row`).allInnerTexts();

  it('imports a 2021 subsidised list as history, and the 2022 check refuses one of its communities', async () => {
    const page = await demo.signIn('county');
    await page.goto(`${demo.url}/ledger/import`);
    await page.locator('#import-kind').getByText('已获中央补助的历史清单').click();
    await page.locator('#import-history-help').waitFor();

    // A bad year is named by its line and column; nothing is stored.
    const header = '区划代码,小区名称,中央补助年度,居民户数';
    await page
      .locator('#import-upload')
      .setInputFiles(
        file('bad.csv', [header, `460106,${names[0]},2021,320`, `460106,${names[1]},二〇二一,`]),
      );
    await page.locator('#import-errors').waitFor();
    const errors = await rowTexts(page, '#import-errors');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^3\s+中央补助年度\s+二〇二一/);

    // Fixed: checked, confirmed, imported as history.
    await page.locator('#import-restart').click();
    await page
      .locator('#import-upload')
      .setInputFiles(
        file('good.csv', [header, `460106,${names[0]},2021,320`, `460106,${names[1]},2021,`]),
      );
    await expect.poll(() => page.locator('#import-confirm').isEnabled()).toBe(true);
    await page.locator('#import-confirm').click();
    await expect
      .poll(() => page.locator('#import-done').innerText(), { timeout: 60_000 })
      .toContain('已导入 2');

    // A 2022 project list naming one of them: stored, and the 2022 check blocks it.
    await page.goto(`${demo.url}/ledger/import`);
    await page
      .locator('#import-upload')
      .setInputFiles(
        file('projects.csv', [
          '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度',
          `460106,${names[0]},1985,8,320,20000,500,2022`,
        ]),
      );
    await expect.poll(() => page.locator('#import-confirm').isEnabled()).toBe(true);
    await page.locator('#import-confirm').click();
    await expect
      .poll(() => page.locator('#import-done').innerText(), { timeout: 60_000 })
      .toContain('已导入 1 个小区');
    const checks = await page.evaluate(async () => {
      const r = await fetch('/api/plan-checks?region=460106&year=2022');
      return (await r.json()) as {
        checks: { id: string; outcome: string; rows: { name: string; detail: string }[] }[];
      };
    });
    const subsidised = checks.checks.find((c) => c.id === 'subsidised')!;
    expect(subsidised.outcome).toBe('already_subsidised');
    expect(subsidised.rows).toContainEqual(
      expect.objectContaining({
        name: names[0],
        detail: expect.stringContaining('已纳入2021年中央补助计划'),
      }),
    );
  }, 300_000);
});

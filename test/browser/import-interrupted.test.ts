/**
 * An import whose server stopped while importing (issue 10, defect 8): the page shows 已中断 and
 * 重新导入 runs it again to its end. The crash is staged: the confirm never reaches the server,
 * and the job's row is left as a dead server leaves it (importing, its heartbeat long stale);
 * the running server's lease sweep takes it for interrupted within a minute.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { describeBrowser, useDemoServer } from './support.ts';

describeBrowser('an interrupted import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gaizao-interrupted-'));

  const demo = useDemoServer();
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows 已中断 and imports again with 重新导入', async () => {
    const page = await demo.signIn('county');
    await page.goto(`${demo.url}/ledger/import`);
    const name = `中断苑${randomBytes(3).toString('hex')}`;
    const file = join(dir, 'list.csv');
    writeFileSync(
      file,
      '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度\n' +
        `460106,${name},1992,3,60,5000,100,2022\n`,
    );
    await page.locator('#import-upload').setInputFiles(file);
    await expect.poll(() => page.locator('#import-confirm').isEnabled()).toBe(true);

    // The crash: the server claimed the job and died before importing a row.
    const db = new SQLite(demo.dbPath);
    db.pragma('busy_timeout = 5000');
    const { id } = db.prepare("select id from imports where status = 'checked'").get() as {
      id: string;
    };
    const stale = new Date(Date.now() - 10 * 60_000).toISOString();
    db.prepare(
      "update imports set status = 'importing', heartbeat_at = ?, updated_at = ? where id = ?",
    ).run(stale, stale, id);
    db.close();
    await page.route(`**/api/imports/${id}/confirm`, (route) =>
      route.fulfill({
        status: 202,
        contentType: 'application/json',
        body: JSON.stringify({
          id,
          fileName: 'list.csv',
          status: 'importing',
          rowsDone: 0,
          report: null,
          error: null,
        }),
      }),
    );
    await page.locator('#import-confirm').click();
    await page.locator('#import-running').waitFor();
    await page.locator('#import-interrupted').waitFor({ timeout: 100_000 });
    expect(await page.locator('#import-interrupted').innerText()).toContain('已中断');

    await page.unroute(`**/api/imports/${id}/confirm`);
    await page.locator('#import-rerun').click();
    await expect
      .poll(() => page.locator('#import-done').innerText(), { timeout: 60_000 })
      .toContain('已导入 1 个小区');
  }, 180_000);
});

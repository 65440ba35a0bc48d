/**
 * Same and similar names in an uploaded project list (issue 9, §1), as a county bureau sees them:
 * 机械厂家属院 and 机械厂小区 import with one 疑似重复 shown apart from the errors, both places named,
 * and the ledger's 疑似重复 filter then lists both; 建设路3号院 and 建设路三号院 are refused, the error
 * naming both lines.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { createDb } from '../../server/src/db/create-db.ts';
import { placeOf, unscanned } from '../../server/src/test-support/communities.ts';
import { describeBrowser, useDemoServer } from './support.ts';

const HEADER =
  '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度';

describeBrowser('ledger import: duplicates and suspected duplicates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gaizao-duplicates-'));
  // Letters only, so that no digit of the tag runs into the names' own numbers.
  const tag = [...randomBytes(4)].map((b) => String.fromCharCode(97 + (b % 26))).join('');

  const demo = useDemoServer();
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  function csv(name: string, ...names: string[]): string {
    const path = join(dir, name);
    const rows = names.map((n) => `460106,${n},1990,3,60,5000,100,2023`);
    writeFileSync(path, [HEADER, ...rows].join('\n') + '\n');
    return path;
  }
  const rowTexts = (page: Page, table: string) =>
    page.locator(`${table} .ant-table-tbody tr.ant-table-row`).allInnerTexts();

  it('imports a suffix-only pair with one suspected duplicate, and refuses one name written two ways', async () => {
    const page = await demo.signIn('county');
    await page.goto(`${demo.url}/ledger/import`);

    // The same name in two writings: refused, the error naming both lines.
    await page
      .locator('#import-upload')
      .setInputFiles(csv('same.csv', `建设路${tag}3号院`, `建设路${tag}三号院`));
    await page.locator('#import-errors').waitFor();
    const errors = await rowTexts(page, '#import-errors');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^3\s+小区名称/);
    expect(errors[0]).toContain(
      `第 2 行“建设路${tag}3号院”与第 3 行“建设路${tag}三号院”是同一小区`,
    );
    expect(await page.locator('#import-suspected').count()).toBe(0);
    expect(await page.locator('#import-confirm').isDisabled()).toBe(true);

    // A family compound and a dormitory of one factory: one 疑似重复, shown apart, not an error.
    await page.locator('#import-restart').click();
    const [compound, dormitory] = [`机械厂${tag}家属院`, `机械厂${tag}小区`];
    await page.locator('#import-upload').setInputFiles(csv('similar.csv', compound, dormitory));
    await page.locator('#import-suspected').waitFor();
    expect(await page.locator('#import-errors').count()).toBe(0);
    await expect.poll(() => page.locator('#import-valid').innerText()).toContain('2 个小区');
    const suspected = await rowTexts(page, '#import-suspected');
    expect(suspected).toHaveLength(1);
    expect(suspected[0]).toMatch(
      new RegExp(
        `第 2 行\\s*${compound}（龙华区）\\s+第 3 行\\s*${dormitory}（龙华区）\\s+名称仅通用后缀不同`,
      ),
    );
    expect(await page.locator('#import-summary').innerText()).toMatch(/疑似重复\s+1 对/);
    await page.locator('#import-confirm').click();
    await expect
      .poll(() => page.locator('#import-done').innerText(), { timeout: 60_000 })
      .toContain('1 对疑似重复');

    // Both carry the suspicion: the ledger's 疑似重复 filter lists the two.
    await page.locator('#import-done-suspected').click();
    await page.locator('#ledger-search').fill(`机械厂${tag}`);
    await page.locator('#ledger-search').press('Enter');
    await expect.poll(() => rowTexts(page, '#ledger-table')).toHaveLength(2);
    const listed = (await rowTexts(page, '#ledger-table')).join('\n');
    expect(listed).toContain(compound);
    expect(listed).toContain(dormitory);
  });

  it('scans the ledger again on request and lists a pair no import or edit had found', async () => {
    // Two districts of Haikou with one address written two ways, written to the server's database
    // unpaired (as a ledger stood before an upgrade that pairs by address).
    const db = await createDb(demo.dbPath);
    try {
      await db.db
        .insertInto('communities')
        .values([
          unscanned(placeOf('460105', '460100'), `滨海${tag}甲`, `海口市滨海大道${tag}一百零八号`),
          unscanned(placeOf('460106', '460100'), `滨海${tag}乙`, `海口市滨海大道${tag}108号`),
        ])
        .execute();
    } finally {
      await db.destroy();
    }

    const page = await demo.signIn('county'); // 龙华区 (460106)
    await page.goto(`${demo.url}/ledger?q=${encodeURIComponent(`滨海${tag}`)}&suspected=true`);
    await expect.poll(() => page.locator('#ledger-table').innerText()).toContain('没有符合');

    await page.locator('#ledger-scan-duplicates').click();
    await expect
      .poll(() => page.locator('.ant-message').innerText())
      .toMatch(/已排查 1 个地级单位：待确认的疑似重复 \d+ 对/);
    // its own side of the pair, the other lying in the next district
    await expect.poll(() => rowTexts(page, '#ledger-table')).toHaveLength(1);
    expect((await rowTexts(page, '#ledger-table'))[0]).toContain(`滨海${tag}乙`);

    // a role that does not edit the ledger has no such button
    const ministry = await demo.signIn('ministry');
    await ministry.goto(`${demo.url}/ledger`);
    await ministry.locator('#ledger-export-xlsx').waitFor();
    expect(await ministry.locator('#ledger-scan-duplicates').count()).toBe(0);
  });
});

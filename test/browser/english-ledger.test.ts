/**
 * The ledger in English (issue 13) where the English walk does not go: a community's consultations,
 * monthly progress (with the server's refusal of a start), photos and history; the edit form with a
 * validation error; and imports whose rows the server finds wrong. Nothing Chinese on the page but
 * data values (names, what was typed) — the server's own messages read in English.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { chineseOnPage, missingTranslations, settled, signInInEnglish } from './english-walk.ts';
import { communityToStart, fillProgress, PNG } from './progress-support.ts';
import { describeBrowser, typeDate, useDemoServer } from './support.ts';

describeBrowser('the ledger in English', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gaizao-english-ledger-'));

  const demo = useDemoServer({ browserArgs: ['--lang=en-US'] });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  const inEnglish = (account: string): Promise<Page> =>
    signInInEnglish(demo.browser, demo.url, account);

  /** Chinese outside data on the whole page, frame included, with what t() lacked. */
  async function chineseLeft(page: Page): Promise<{ found: string[]; missing: string[] }> {
    return { found: await chineseOnPage(page), missing: await missingTranslations(page) };
  }

  async function expectEnglish(page: Page, where: string): Promise<void> {
    const { found, missing } = await chineseLeft(page);
    expect(found, `${where}; no catalog has: ${missing.join(' | ')}`).toEqual([]);
  }

  it('a community page: refusal, consultation, progress, photo and history', async () => {
    const page = await inEnglish('county');
    const today = new Date().toISOString().slice(0, 10);
    const c = await communityToStart(page, Number(today.slice(0, 4)));

    await page.goto(`${demo.url}/ledger/${c.id}`);
    await page.locator('#community-progress').waitFor();
    await settled(page);
    expect(await page.locator('#consent-status').innerText()).toContain(
      `0/${c.households} households agree`,
    );
    await expectEnglish(page, 'community page');

    // A start without consultation: the server's reason, in English.
    await fillProgress(page, { startDate: today, investment: '35.5', fundCentral: '20' });
    await page.locator('#progress-save').click();
    await page.locator('#progress-error').waitFor();
    expect(await page.locator('#progress-error').innerText()).toContain(
      'No renovation may start without consensus',
    );
    await expectEnglish(page, 'refused start');

    // A consultation above the threshold, with its minutes.
    const agreeing = Math.ceil(c.households * 0.8);
    const minutes = join(dir, 'minutes.pdf');
    writeFileSync(minutes, '%PDF-1.4\n% minutes\n');
    await typeDate(page, 'consultation-date', today);
    await page.locator('#consultation-method').getByText("Residents' meeting").click();
    await page.locator('#consultation-consulted').fill(String(c.households));
    await page.locator('#consultation-agreeing').fill(String(agreeing));
    await page.locator('#consultation-form').getByLabel('Renovation plan').check();
    await page.locator('#consultation-file').setInputFiles(minutes);
    await page.locator('#consultation-save').click();
    await expect
      .poll(() => page.locator('#consent-status').innerText())
      .toContain(`${agreeing}/${c.households} households agree`);

    // Now the start is recorded.
    await page.locator('#progress-save').click();
    await page.locator('#progress-records tbody tr.ant-table-row').first().waitFor();

    // A photo, with a caption of its own.
    const photo = join(dir, 'gate.png');
    writeFileSync(photo, PNG);
    await page.locator('#photo-kind').getByText('Before').click();
    await page.locator('#photo-lng').fill('110.3312');
    await page.locator('#photo-lat').fill('20.0311');
    await page.locator('#photo-caption').fill('North gate');
    await page.locator('#photo-file').setInputFiles(photo);
    await page.locator('#photo-save').click();
    await page.locator('#photo-list .community-photo').first().waitFor();
    await settled(page);
    await expectEnglish(page, 'consultation, progress and photo');

    // The edit form: a wrong figure is refused beside its field, in English.
    await page.goto(`${demo.url}/ledger/${c.id}/edit`);
    await page.locator('#community-buildings').waitFor();
    await settled(page);
    await expectEnglish(page, 'edit form');
    const buildings = await page.locator('#community-buildings').inputValue();
    await page.locator('#community-buildings').fill('0');
    await page.locator('#community-submit').click();
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts())
      .toContain('Must be a whole number of at least 1');
    await expectEnglish(page, 'edit form with an error');

    // Corrected and saved with a note: the history says who changed what, in English.
    await page.locator('#community-buildings').fill(buildings);
    await page.locator('#community-notes').fill('Checked on site');
    await page.locator('#community-submit').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/ledger/${c.id}`);
    await page.locator('#community-history').waitFor();
    await settled(page);
    const history = await page.locator('#community-history').innerText();
    expect(history).toMatch(/Changed by .+ \(version \d+\)/);
    expect(history).toContain('Notes: ');
    await expectEnglish(page, 'history');

    // A stale save: someone else saved meanwhile; what they changed, then 重新加载, in English.
    await page.goto(`${demo.url}/ledger/${c.id}/edit`);
    await page.locator('#community-notes').waitFor();
    const other = await page.context().newPage();
    await other.goto(`${demo.url}/ledger/${c.id}/edit`);
    await other.locator('#community-notes').fill('Checked again');
    await other.locator('#community-submit').click();
    await expect.poll(() => new URL(other.url()).pathname).toBe(`/ledger/${c.id}`);
    await other.close();
    await page.locator('#community-notes').fill('My own note');
    await page.locator('#community-submit').click();
    await page.locator('#community-conflict').waitFor();
    expect(await page.locator('#community-conflict').innerText()).toContain(
      'Since you opened it, others made these changes',
    );
    await expectEnglish(page, 'stale save');
    await page.locator('#community-reload').click();
    await page.locator('#community-unsaved').waitFor();
    expect(await page.locator('#community-unsaved').innerText()).toContain('Notes: My own note');
    await expectEnglish(page, 'reloaded after a stale save');
    await page.context().close();
  }, 300_000);

  it('imports: the check finds wrong rows and says so in English', async () => {
    const page = await inEnglish('county');
    const existing = await page.evaluate(async () => {
      const list = (await (await fetch('/api/communities?pageSize=20')).json()) as {
        items: { id: number; name: string; regionCode: string }[];
      };
      return list.items[0]!;
    });
    const suffix = randomBytes(3).toString('hex');
    const file = join(dir, 'list.csv');
    writeFileSync(
      file,
      [
        '区划代码,小区名称,详细地址,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度',
        `${existing.regionCode},椰林苑${suffix},椰林路1号,2030,6,120,8100.50,310,2022`,
        `${existing.regionCode},金盘新村${suffix},,1995,0,90,6020,280.5,2022`,
        `${existing.regionCode},${existing.name},,1995,3,90,6020,280.5,2022`,
        `999999,滨海花园${suffix},,1995,3,90,6020,280.5,2022`,
      ].join('\n') + '\n',
    );
    await page.goto(`${demo.url}/ledger/import`);
    await settled(page);
    await page.locator('#import-upload').setInputFiles(file);
    await page.locator('#import-errors').waitFor();
    await settled(page);
    expect(await page.locator('#import-invalid').innerText()).toMatch(/The file has \d+ errors/);
    const errors = await page
      .locator('#import-errors .ant-table-tbody tr.ant-table-row')
      .allInnerTexts();
    expect(errors.join('\n')).toContain('Year built');
    expect(errors.join('\n')).toContain('Must be a 4-digit year from 1900 to');
    expect(errors.join('\n')).toContain('Must be a whole number of at least 1');
    await expectEnglish(page, 'import check');

    // A clean file with a warning and a suspected duplicate: the preview, then the import.
    await page.locator('#import-restart').click();
    const clean = join(dir, 'clean.csv');
    writeFileSync(
      clean,
      [
        '区划代码,小区名称,详细地址,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度',
        `${existing.regionCode},椰林苑${suffix},椰林路1号,2010,6,120,8100.50,310,2022`,
        `${existing.regionCode},椰林苑${suffix}小区,椰林路2号,1995,3,90,6020,280.5,2022`,
      ].join('\n') + '\n',
    );
    await page.locator('#import-upload').setInputFiles(clean);
    await expect.poll(() => page.locator('#import-confirm').isEnabled()).toBe(true);
    await settled(page);
    expect(await page.locator('#import-warnings').innerText()).toContain('Recorded, but');
    expect(await page.locator('#import-suspected').innerText()).toContain(
      'Names differ only in a generic suffix',
    );
    await expectEnglish(page, 'import preview');
    await page.locator('#import-confirm').click();
    await expect
      .poll(() => page.locator('#import-done').innerText(), { timeout: 60_000 })
      .toContain('2 communities imported');
    await expectEnglish(page, 'import done');

    // The consultations import: a community the ledger lacks, named in the server's message.
    await page.goto(`${demo.url}/ledger/import`);
    await settled(page);
    await page.locator('#import-tabs').getByRole('tab', { name: 'Resident consultations' }).click();
    const consultations = join(dir, 'consultations.csv');
    writeFileSync(
      consultations,
      '区划代码,小区名称,计划年度,协商日期,方式,参与户数,同意户数\n' +
        `${existing.regionCode},无此小区${suffix},2022,2022-03-01,居民会议,100,80\n`,
    );
    await page.locator('#consultations-import-upload').setInputFiles(consultations);
    await page.locator('#consultations-import-errors').waitFor();
    await settled(page);
    expect(await page.locator('#consultations-import-result').innerText()).toContain(
      'nothing was written',
    );
    await expectEnglish(page, 'consultations import check');

    // The history of subsidised communities: wrong rows, and a column of the file's own.
    await page.goto(`${demo.url}/ledger/import`);
    await settled(page);
    await page.locator('#import-kind').getByText('History of communities').click();
    await page.locator('#import-history-help').waitFor();
    await expectEnglish(page, 'history import');
    const history = join(dir, 'history.csv');
    writeFileSync(
      history,
      '区划代码,小区名称,中央补助年度,建成年份,自己的列\n' +
        `${existing.regionCode},历史苑${suffix},1990,1985,x\n` +
        `${existing.regionCode},,2021,1985,y\n`,
    );
    await page.locator('#import-upload').setInputFiles(history);
    await page.locator('#import-errors').waitFor();
    await settled(page);
    const historyErrors = await page.locator('#import-errors').innerText();
    expect(historyErrors).toContain('Must be a 4-digit year from 2000 to');
    expect(historyErrors).toContain('Required');
    expect(await page.locator('#import-warnings').innerText()).toContain('Unknown column, ignored');
    await expectEnglish(page, 'history import check');

    // The ledger's suspected duplicates, with their tags.
    await page.goto(`${demo.url}/ledger?suspected=true`);
    await settled(page);
    await expectEnglish(page, 'suspected duplicates');
    await page.context().close();
  }, 300_000);
});

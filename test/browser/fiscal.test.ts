/**
 * 财政承受能力评估 in the browser (issue 9 §5): the city (海口市) opens the page from the menu,
 * changes its assessment and attaches the assessment report (PDF); the assessment goes back to the
 * province, whose check "评估均已经省级审核通过" turns red; the province reviews it as 通过 and the
 * check turns green. The demo seeds every unit's assessment passed (server/src/demo/fiscal.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, useDemoServer } from './support.ts';

/** The demo declares next year's plan (server/src/demo/seed.ts, DEMO_PLAN_YEAR). */
const Y = new Date().getUTCFullYear() + 1;
const CITY = '460100';
const SHOTS = 'test-results';

const checkPassed = (page: Page, id: string) =>
  page.locator(`#fiscal-check-${id}`).getAttribute('data-passed');

describeBrowser('fiscal capacity', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gaizao-fiscal-'));
  const pdf = join(dir, '海口市财政承受能力评估报告.pdf');

  const demo = useDemoServer();
  beforeAll(() => writeFileSync(pdf, '%PDF-1.4\n% 海口市财政承受能力评估报告（测试）\n'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the city records its assessment with a file; the province reviews it and the check turns green', async () => {
    const city = await demo.signIn('city');
    await city.locator('.ant-menu-item', { hasText: '财政承受能力评估' }).click();
    await city.locator('#fiscal-page').waitFor();
    await city.locator(`#fiscal-edit-${CITY}`).waitFor();
    // The demo's assessment, passed by the province.
    expect(await city.locator(`#fiscal-status-${CITY}`).innerText()).toBe('通过');
    // A city reviews nobody's assessment, its own least of all.
    expect(await city.locator(`#fiscal-review-${CITY}`).count()).toBe(0);

    await city.locator(`#fiscal-edit-${CITY}`).click();
    await city.locator('#fiscal-available').fill('');
    await city.locator('#fiscal-available').fill('23456.5');
    await city.locator('#fiscal-debt-ratio').fill('78.25');
    await city.locator('#fiscal-file').setInputFiles(pdf);
    await city.locator('#fiscal-save').click();
    await expect.poll(() => city.locator(`#fiscal-status-${CITY}`).innerText()).toBe('待审核');
    expect(await city.locator(`#fiscal-file-${CITY}`).innerText()).toBe(
      '海口市财政承受能力评估报告.pdf',
    );
    const served = await city.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get('content-type') };
    }, `/api/fiscal-assessments/${CITY}/${Y}/file`);
    expect(served).toEqual({ status: 200, type: 'application/pdf' });
    // Below the province, waiting for the review is a warning on the city's own checks.
    await expect.poll(() => checkPassed(city, 'fiscal_reviewed')).toBe('false');
    await city.screenshot({ path: `${SHOTS}/fiscal-city.png`, fullPage: true });

    const province = await demo.signIn('province');
    await province.goto(`${demo.url}/plans/fiscal?year=${Y}`);
    await province.locator(`#fiscal-review-${CITY}`).waitFor();
    await expect.poll(() => checkPassed(province, 'fiscal_reviewed')).toBe('false');
    expect(await province.locator('#fiscal-check-fiscal_reviewed').innerText()).toContain('海口市');
    expect(await checkPassed(province, 'fiscal_assessed')).toBe('true');
    expect(await province.locator(`#fiscal-status-${CITY}`).innerText()).toBe('待审核');

    await province.locator(`#fiscal-review-${CITY}`).click();
    await province.locator('#review-reviewer').fill('海南省财政厅 王审核');
    await province.locator('#review-remark').fill('债务率口径与财政部门一致，同意');
    await province.locator('#review-passed').check();
    await province.locator('#review-save').click();
    await expect.poll(() => province.locator(`#fiscal-status-${CITY}`).innerText()).toBe('通过');
    await expect.poll(() => checkPassed(province, 'fiscal_reviewed')).toBe('true');
    expect(
      await province.locator(`#fiscal-table tr[data-row-key="${CITY}"]`).innerText(),
    ).toContain('海南省财政厅 王审核');
    await province.screenshot({ path: `${SHOTS}/fiscal-province.png`, fullPage: true });
  });
});

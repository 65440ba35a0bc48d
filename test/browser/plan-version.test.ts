/**
 * The plan table page, live and signed (issue 11 §1): the province's live table says 工作底稿
 * （未冻结）; once its plan is submitted with the three sign-offs (through the service, on the
 * server's database), choosing 已会签的版本 shows that version with its 校验码, and no 工作底稿.
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { createDb } from '../../server/src/db/create-db.ts';
import { declareProvinceSubmitted } from '../../server/src/test-support/declarations.ts';
import { assessAndPassAll } from '../../server/src/test-support/fiscal.ts';
import { PROVINCE, SHOTS, Y } from './declaration-support.ts';
import { chooseOption, describeBrowser, useDemoServer } from './support.ts';

describeBrowser('plan table versions', () => {
  let page: Page;
  let hash: string;

  const demo = useDemoServer();
  beforeAll(async () => {
    const db = await createDb(demo.dbPath);
    try {
      await assessAndPassAll(db.db, PROVINCE, Y);
      hash = await declareProvinceSubmitted(db.db, PROVINCE, Y, `${demo.dbPath}-uploads`);
    } finally {
      await db.destroy();
    }
    page = await demo.signIn('province', { viewport: { width: 1400, height: 900 } });
  }, 240_000);

  it('shows the live table as 工作底稿, and the signed version with its 校验码', async () => {
    try {
      await page.goto(`${demo.url}/plans?year=${Y}`);
      const basis = page.locator('#plan-basis-label');
      await expect.poll(() => basis.innerText()).toContain('工作底稿（未冻结）');
      await expect.poll(() => page.locator('#plan-note').innerText()).toContain('因四舍五入');

      await chooseOption(page, 'plan-version', '已会签的版本');
      await expect.poll(() => page.locator('#plan-hash').innerText()).toContain(hash);
      expect(await basis.innerText()).toContain('第 1 版（已会签）');
      expect(await page.locator('.plan-form').innerText()).not.toContain('工作底稿');
      expect(page.url()).toContain('version=signed');
      await page.screenshot({ path: `${SHOTS}/plan-version-signed.png`, fullPage: true });

      // The print view of the same version: its number and 校验码 under the form.
      await page.goto(`${demo.url}/plans/print?year=${Y}&version=signed`);
      await expect.poll(() => page.locator('#print-version').innerText()).toContain(hash);
      expect(await page.locator('.sheet').innerText()).not.toContain('工作底稿');
      await page.screenshot({ path: `${SHOTS}/plan-version-print.png`, fullPage: true });
    } catch (e) {
      await page.screenshot({ path: `${SHOTS}/plan-version-failed.png`, fullPage: true });
      throw e;
    }
  });
});

/**
 * The plans, five-year and admin pages in English (issue 13), beyond what the English walk
 * (english.test.ts) sees on arrival: the print view (its interface English, the notice's form
 * itself marked official and still Chinese), a policy's edit form, the fiscal assessment's form
 * showing a validation error, the five-year target and green-community forms, and the users page's
 * new-user form. Each shows no Chinese outside data values and the official form.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { chineseOnPage, settled, signInInEnglish } from './english-walk.ts';
import { describeBrowser, openModal, useDemoServer } from './support.ts';

const CITY = '460100';

describeBrowser('the plans pages in English', () => {
  const demo = useDemoServer({ browserArgs: ['--lang=en-US'] });

  const inEnglish = (account: string): Promise<Page> =>
    signInInEnglish(demo.browser, demo.url, account, { width: 1400, height: 1000 });

  const modal = openModal;

  it('prints the plan table: the interface in English, the notice’s form as it prints', async () => {
    const page = await inEnglish('province');
    await page.goto(`${demo.url}/plans/print`);
    await page.locator('.sheet table').waitFor();
    await expect.poll(() => page.locator('#plan-print-now').isEnabled()).toBe(true);
    expect(await page.locator('#plan-print-now').innerText()).toBe('Print');
    // The form keeps the notice's headers, inside the part marked official.
    const form = page.locator('[data-official-form]', { hasText: '地级以上城市' });
    expect(await form.count()).toBeGreaterThan(0);
    expect(await page.locator('#print-basis').innerText()).toMatch(/[A-Za-z]/);
    expect(await chineseOnPage(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('edits a year’s policy in English', async () => {
    const page = await inEnglish('admin');
    await page.goto(`${demo.url}/plans/policies`);
    await settled(page);
    await page.locator('#policies-table tbody tr.ant-table-row button').first().click();
    const form = await modal(page);
    await form.locator('#policy-cutoff-year').waitFor();
    expect(await chineseOnPage(page)).toEqual([]);
    await form.locator('.ant-modal-close').click();
    await form.waitFor({ state: 'hidden' });
    // A new year's policy, asked for without its year.
    await page.locator('#policy-add').click();
    const add = await modal(page);
    await add.locator('#policy-add-year').fill('');
    await page.locator('#policy-add-submit').click();
    await add.locator('.ant-form-item-explain-error').waitFor();
    expect(await chineseOnPage(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('refuses a fiscal assessment without its funds, in English', async () => {
    const page = await inEnglish('city');
    await page.goto(`${demo.url}/plans/fiscal`);
    await settled(page);
    await page.locator(`#fiscal-edit-${CITY}`).click();
    const form = await modal(page);
    await form.locator('#fiscal-available').fill('');
    await page.locator('#fiscal-save').click();
    await form.locator('.ant-form-item-explain-error').first().waitFor();
    expect(await form.locator('.ant-form-item-explain-error').first().innerText()).toMatch(
      /^[ -~]+$/,
    );
    expect(await chineseOnPage(page)).toEqual([]);
    await page.context().close();

    // The province's review of it.
    const province = await inEnglish('province');
    await province.goto(`${demo.url}/plans/fiscal`);
    await settled(province);
    await province.locator(`#fiscal-review-${CITY}`).click();
    await (await modal(province)).locator('#review-reviewer').waitFor();
    expect(await chineseOnPage(province)).toEqual([]);
    await province.context().close();
  }, 120_000);

  it('opens the five-year target and green-community forms in English', async () => {
    const province = await inEnglish('province');
    await province.goto(`${demo.url}/five-year`);
    await settled(province);
    await province.locator('#five-year-target-2021').click();
    await (await modal(province)).locator('#five-year-target-communities').waitFor();
    expect(await chineseOnPage(province)).toEqual([]);
    await province.context().close();

    const city = await inEnglish('city');
    await city.goto(`${demo.url}/five-year`);
    await settled(city);
    await city.locator('#five-year-green-add').click();
    const green = await modal(city);
    await expect.poll(() => green.locator('#five-year-green-urban').inputValue()).not.toBe('');
    expect(await chineseOnPage(city)).toEqual([]);
    await city.context().close();
  }, 120_000);

  it('opens the new-user form in English', async () => {
    const page = await inEnglish('security');
    await page.goto(`${demo.url}/users`);
    await settled(page);
    await page.locator('#user-create').click();
    const form = await modal(page);
    await form.locator('#user-username').waitFor();
    // Submitting it empty shows every field's message, in English too.
    await page.locator('#user-form-submit').click();
    await form.locator('.ant-form-item-explain-error').first().waitFor();
    expect(await chineseOnPage(page)).toEqual([]);
    await page.context().close();
  }, 120_000);
});

/**
 * 年度政策 in the browser, in Chinese: the administrator edits a year's policy through its modal,
 * is stopped by a field rule first (最晚建成年份 before 分界年份), saves, and sees the saved values in
 * the table and in the modal opened again.
 */
import { expect, it } from 'vitest';
import { describeBrowser, fieldError, openModal, useDemoServer } from './support.ts';

describeBrowser('plan-year policies', () => {
  const demo = useDemoServer();

  const modal = openModal;

  it('edits a year’s policy through the modal and shows what was saved', async () => {
    const page = await demo.signIn('admin');
    await page.goto(`${demo.url}/plans/policies`);
    const row = page.locator('#policies-table tr.ant-table-row').first();
    await row.waitFor();
    const year = await row.getAttribute('data-row-key');
    expect(year).toMatch(/^\d{4}$/);

    await row.getByRole('button', { name: '编辑' }).click();
    let form = await modal(page);
    expect(await form.locator('.ant-modal-title').innerText()).toBe(`编辑${year}年度政策`);
    const cutoff = Number(await form.locator('#policy-cutoff-year').inputValue());

    // A latest build year before the cut-off is refused next to its field, and nothing is sent.
    await form.locator('#policy-latest-build-year').fill(String(cutoff - 1));
    await page.locator('#policy-form-submit').click();
    await expect
      .poll(() => fieldError(form, 'policy-latest-build-year').innerText())
      .toBe('不能早于分界年份');

    await form.locator('#policy-latest-build-year').fill(String(cutoff + 3));
    await form.locator('#policy-share').fill('12.5');
    await form
      .locator('#policy-recipients')
      .fill('住房和城乡建设部、国家发展改革委、财政部（测试）');
    await page.locator('#policy-form-submit').click();
    await page.getByText(`已保存${year}年度政策`).waitFor();
    await form.waitFor({ state: 'hidden' });

    const saved = page.locator(`#policies-table tr[data-row-key="${year}"]`);
    await expect
      .poll(() => saved.innerText())
      .toContain('住房和城乡建设部、国家发展改革委、财政部（测试）');
    const cells = await saved.locator('td').allInnerTexts();
    expect(cells.slice(0, 4)).toEqual([year, String(cutoff), String(cutoff + 3), '12.50']);

    // Opened again, the modal starts from the saved row.
    await saved.getByRole('button', { name: '编辑' }).click();
    form = await modal(page);
    expect(await form.locator('#policy-latest-build-year').inputValue()).toBe(String(cutoff + 3));
    expect(await form.locator('#policy-share').inputValue()).toBe('12.50');
    expect(await fieldError(form, 'policy-latest-build-year').count()).toBe(0);
    await form.locator('.ant-modal-close').click();
    await form.waitFor({ state: 'hidden' });
    await page.context().close();
  });
});

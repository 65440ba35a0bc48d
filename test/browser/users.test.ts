/**
 * 用户管理 in the browser, in Chinese: the security administrator creates a county account with the
 * form, finds it in the list and resets its password; the account signs in with that password and
 * must change it before anything else (an administrator's password is an initial one,
 * users.service.ts). A username already taken is refused next to its field.
 */
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, fieldError, openModal, useDemoServer } from './support.ts';

const USERNAME = 'longhua-clerk';
const INITIAL = 'Tq7-rnvx-Lw';
const RESET = 'Vb8#harbour-Kp';
const CHANGED = 'Mz4!harbour-Qe';

describeBrowser('user management', () => {
  const demo = useDemoServer();

  const modal = openModal;

  /** Fills the new-user form; the region is found by typing its code, as a person may. */
  async function fillNewUser(page: Page, form: Locator, username: string): Promise<void> {
    await form.locator('#user-username').fill(username);
    await form.locator('#user-display-name').fill('龙华区住建局经办人');
    await form.locator('#user-password').fill(INITIAL);
    await form.locator('#user-region').click();
    await form.locator('#user-region').fill('460106');
    await page.locator('.ant-select-tree-treenode', { hasText: '460106' }).first().click();
    const region = form.locator('.ant-select', { has: page.locator('#user-region') });
    await expect.poll(() => region.innerText()).toContain('龙华区');
    // The roles: typed to filter, the match picked with Enter.
    await form.locator('#user-roles').click();
    await form.locator('#user-roles').fill('区县');
    await page.locator('.ant-select-item-option-active', { hasText: '区县住建部门' }).waitFor();
    await form.locator('#user-roles').press('Enter');
    const roles = form.locator('.ant-select', { has: page.locator('#user-roles') });
    await expect.poll(() => roles.innerText()).toContain('区县住建部门');
    // A multiple select stays open after a pick: a click outside it closes it, as a person's does.
    await form.locator('.ant-modal-title').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({
      state: 'hidden',
    });
  }

  const search = async (page: Page, q: string) => {
    await page.locator('#user-search').fill(q);
    await page.locator('#user-search').press('Enter');
  };
  const rowOf = (page: Page, username: string) =>
    page.locator('#user-table tr.ant-table-row', { hasText: username });

  it('creates an account with the form and lists it', async () => {
    const page = await demo.signIn('security');
    await page.goto(`${demo.url}/users`);
    await page.locator('#user-create').click();
    const form = await modal(page);
    expect(await form.locator('.ant-modal-title').innerText()).toBe('新建用户');
    await fillNewUser(page, form, USERNAME);
    await page.locator('#user-form-submit').click();
    await page.getByText(`已创建用户 ${USERNAME}`).waitFor();
    await form.waitFor({ state: 'hidden' });

    await search(page, USERNAME);
    const row = rowOf(page, USERNAME);
    await row.waitFor();
    const text = await row.innerText();
    for (const shown of ['龙华区住建局经办人', '区县住建部门', '龙华区', '正常'])
      expect(text).toContain(shown);
    await page.context().close();
  });

  it('refuses a username already taken, next to the field', async () => {
    const page = await demo.signIn('security');
    await page.goto(`${demo.url}/users`);
    await page.locator('#user-create').click();
    const form = await modal(page);
    await fillNewUser(page, form, USERNAME);
    await page.locator('#user-form-submit').click();
    await expect.poll(() => fieldError(form, 'user-username').innerText()).toBe('用户名已存在');
    expect(await form.locator('.ant-alert-error').innerText()).toContain(
      `用户名“${USERNAME}”已存在`,
    );
    // A name taken is not a stale save: nothing to reload (that is for STALE_VERSION alone).
    expect(await form.locator('#user-form-reload').count()).toBe(0);
    // The form stays open with what was typed.
    expect(await form.locator('#user-display-name').inputValue()).toBe('龙华区住建局经办人');
    await form.locator('.ant-modal-close').click();
    await form.waitFor({ state: 'hidden' });

    // Opened again, the form starts empty, without the last error.
    await page.locator('#user-create').click();
    const again = await modal(page);
    expect(await again.locator('#user-username').inputValue()).toBe('');
    expect(await again.locator('.ant-alert-error').count()).toBe(0);
    expect(await fieldError(again, 'user-username').count()).toBe(0);
    await page.context().close();
  });

  it('resets the password; the account must change it at its next sign-in', async () => {
    const page = await demo.signIn('security');
    await page.goto(`${demo.url}/users`);
    await search(page, USERNAME);
    const row = rowOf(page, USERNAME);
    await row.getByRole('button', { name: '重置密码' }).click();
    const form = await modal(page);
    expect(await form.locator('.ant-modal-title').innerText()).toBe(`重置密码：${USERNAME}`);
    await form.locator('#reset-password').fill(RESET);
    await form.locator('#reset-password-confirm').fill(`${RESET}x`);
    await page.locator('#reset-password-submit').click();
    await expect
      .poll(() => fieldError(form, 'reset-password-confirm').innerText())
      .toBe('两次输入的密码不一致');
    await form.locator('#reset-password-confirm').fill(RESET);
    await page.locator('#reset-password-submit').click();
    await page.getByText(`已重置 ${USERNAME} 的密码`).waitFor();
    await form.waitFor({ state: 'hidden' });
    await page.context().close();

    // The account signs in with the reset password and is sent to 修改密码 first.
    const own = await demo.newPage();
    await own.goto(demo.url);
    await own.locator('#login-username').fill(USERNAME);
    await own.locator('#login-password').fill(RESET);
    await own.locator('#login-submit').click();
    await own.locator('#password-change-reason').waitFor();
    expect(await own.locator('#current-region').count()).toBe(0);
    await own.locator('#change-current').fill(RESET);
    await own.locator('#change-new').fill(CHANGED);
    await own.locator('#change-confirm').fill(CHANGED);
    await own.locator('#change-submit').click();
    await own.locator('#current-region').waitFor();
    expect(await own.locator('#current-region').innerText()).toContain('龙华区');
    await own.context().close();
  });
});

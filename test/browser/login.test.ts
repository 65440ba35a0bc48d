import SQLite from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, useDemoServer } from './support.ts';

describeBrowser('login', () => {
  const demo = useDemoServer();

  async function login(page: Page, username: string, password: string): Promise<void> {
    await page.goto(demo.url);
    await page.locator('#login-username').fill(username);
    await page.locator('#login-password').fill(password);
    await page.locator('#login-submit').click();
  }

  it('says it is a demo, logs in as province and shows the province', async () => {
    const page = await demo.browser.newPage();
    await page.goto(demo.url);
    await expect.poll(() => page.getByText('演示').first().isVisible()).toBe(true);
    // Every seeded account is named, the three national departments and 三员 included.
    const notice = await page.locator('#demo-notice').innerText();
    for (const name of [
      'admin',
      'security',
      'auditor',
      'ministry',
      'ndrc-national',
      'mof',
      'county',
    ])
      expect(notice).toContain(name);
    await login(page, 'province', 'gaizao-demo');
    await page.locator('#current-region').waitFor();
    expect(await page.locator('#current-region').innerText()).toContain('海南省');
    await page.screenshot({ path: 'test-results/province-home.png' });
    await page.close();
  });

  it('shows a Chinese error for a wrong password and stays on the login page', async () => {
    const page = await demo.browser.newPage();
    await login(page, 'city', 'wrong-password-1');
    await expect
      .poll(() => page.getByText('用户名或密码错误').first().isVisible(), { timeout: 30_000 })
      .toBe(true);
    expect(await page.locator('#current-region').count()).toBe(0);
    await page.close();
  });

  it('logs each of the five demo accounts in', async () => {
    for (const [user, region] of [
      ['admin', '全国'],
      ['ministry', '全国'],
      ['province', '海南省'],
      ['city', '海口市'],
      ['county', '龙华区'],
    ]) {
      const context = await demo.browser.newContext();
      const page = await context.newPage();
      await login(page, user!, 'gaizao-demo');
      await page.locator('#current-region').waitFor();
      expect(await page.locator('#current-region').innerText(), user).toContain(region);
      await context.close();
    }
  });

  it('shows the user management menu to the security administrator', async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    await login(page, 'security', 'gaizao-demo');
    await page.locator('#current-region').waitFor();
    await page.goto(`${demo.url}/users`);
    await expect
      .poll(() => page.getByText('county').first().isVisible(), { timeout: 30_000 })
      .toBe(true);
    await context.close();
  });

  // Retried: a race in the test, not yet removed (closing note of 2026-12-07). In one CI run of
  // two the menu item was detached while being clicked: a request of the page's own (a background
  // reload) met the ended session first and the app had already gone to the login page. The
  // user still sees why there; the click this test waits on never happens. A race in the app
  // showed here too and is fixed (auth.tsx): a refusal without a reason, handled before the one
  // with it, left the login page without the reason (three failures in one CI run of 2026-12-07).
  it(
    'says why on the login page when the session ended while the user was away',
    { retry: 2 },
    async () => {
      const context = await demo.browser.newContext();
      const page = await context.newPage();
      await login(page, 'county', 'gaizao-demo');
      await page.locator('#current-region').waitFor();
      // The home page's own requests done first: one still in flight when the database is changed
      // below could write its later last use over it, and the session would not have ended.
      await page.waitForLoadState('networkidle');
      // Away for 31 minutes: the session's last use moved back in the server's own database.
      const db = new SQLite(demo.dbPath);
      try {
        const changed = db
          .prepare(
            `update sessions set last_seen_at = ? where user_id = (select id from users where username = 'county')`,
          )
          .run(new Date(Date.now() - 31 * 60_000).toISOString()).changes;
        expect(changed).toBeGreaterThan(0);
      } finally {
        db.close();
      }
      // Back at the desk: the next click is refused, and the login page says why…
      const refused = page.waitForResponse((r) => r.url().includes('/api/') && r.status() === 401);
      await page.getByRole('menuitem', { name: '台账' }).click();
      expect((await refused).status()).toBe(401);
      const ended = page.locator('#login-session-ended');
      await ended.waitFor({ timeout: 30_000 });
      expect(await ended.innerText()).toContain('会话已超时');
      expect(await page.locator('#login-username').isVisible()).toBe(true);
      // …and still says it after a reload, although the refusal cleared the session cookie.
      await page.reload();
      await page.locator('#login-username').waitFor();
      await ended.waitFor({ timeout: 30_000 });
      expect(await ended.innerText()).toContain('会话已超时');
      // Signing in again starts afresh: no old reason on the next login page.
      await page.locator('#login-username').fill('county');
      await page.locator('#login-password').fill('gaizao-demo');
      await page.locator('#login-submit').click();
      await page.locator('#current-region').waitFor();
      expect(await page.evaluate(() => sessionStorage.getItem('gaizao-session-ended'))).toBeNull();
      await context.close();
    },
  );

  it('shows the audit log in China time, and finds a login on its China day', async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    await login(page, 'auditor', 'gaizao-demo');
    await page.locator('#current-region').waitFor();
    await page.goto(`${demo.url}/audit`);
    const firstTime = page.locator('.ant-table-tbody tr.ant-table-row td').first();
    await expect
      .poll(() => firstTime.innerText())
      .toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}$/);
    // the newest entry is this login: its China date is today's in China
    const today = new Date(Date.now() + 8 * 3_600_000);
    expect(await firstTime.innerText()).toContain(
      `${today.getUTCFullYear()}年${today.getUTCMonth() + 1}月${today.getUTCDate()}日`,
    );
    await context.close();
  });
});

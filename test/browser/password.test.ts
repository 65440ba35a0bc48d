/**
 * Issue 10, item 12, in the browser (under the strict CSP): an account with an initial password
 * set by an administrator lands on 修改密码 and reaches the app only after changing it; a session
 * the server ended for idling sends the user to the login page, which says why.
 */
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser, startDemoServer, type RunningServer } from './support.ts';

describeBrowser('passwords and sessions', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    // The administrator creates an account over the API, as the users page does.
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'gaizao-demo' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { user } = (await login.json()) as { user: { csrfToken: string } };
    const created = await fetch(`${server.url}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': user.csrfToken },
      body: JSON.stringify({
        username: 'newcounty',
        displayName: '新账号',
        password: 'Tq7-rnvx-Lw',
        roles: ['county'],
        regionCode: '460106',
      }),
    });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('makes a new account change its initial password before anything else', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.locator('#login-username').fill('newcounty');
    await page.locator('#login-password').fill('Tq7-rnvx-Lw');
    await page.locator('#login-submit').click();
    await page.locator('#password-change-reason').waitFor();
    expect(await page.locator('#current-region').count()).toBe(0);
    await page.locator('#change-current').fill('Tq7-rnvx-Lw');
    await page.locator('#change-new').fill('Mz4!harbour-Qe');
    await page.locator('#change-confirm').fill('Mz4!harbour-Qe');
    await page.locator('#change-submit').click();
    await page.locator('#current-region').waitFor();
    expect(await page.locator('#current-region').innerText()).toContain('龙华区');
    await page.close();
  });

  it('says on the login page that the session timed out', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.locator('#login-username').fill('county');
    await page.locator('#login-password').fill('gaizao-demo');
    await page.locator('#login-submit').click();
    await page.locator('#current-region').waitFor();
    // Every session of the server idles out: last seen an hour ago.
    const db = new Database(server.dbPath);
    db.prepare('update sessions set last_seen_at = ?').run(
      new Date(Date.now() - 3_600_000).toISOString(),
    );
    db.close();
    await page.reload();
    await page.locator('#login-session-ended').waitFor();
    expect(await page.locator('#login-session-ended').innerText()).toContain('会话已超时');
    await page.close();
  });
});

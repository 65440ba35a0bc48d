/**
 * A revision of an accepted plan (计划调整, issue 11 §3) in the browser: the province's plan is
 * accepted; the province opens a revision with its reason, takes a community out of the plan in
 * the ledger, sees it in the revision's diff and gives the reason for its removal; the three
 * departments sign the new version, the approval is recorded again, the province submits; the
 * ministry sees the diff with the reason and accepts, and the page lists both accepted versions.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import {
  acceptProvincePlan,
  apiGet,
  confirm,
  editCommunity,
  justifyWarnings,
  openDeclaration,
  PROVINCE,
  SHOTS,
  SignedInUsers,
  stateOf,
  submit,
  view,
  Y,
  type Community,
} from './declaration-support.ts';
import { describeBrowser, typeDate, useDemoServer } from './support.ts';

describeBrowser('plan revision', () => {
  let users: SignedInUsers;
  const dir = mkdtempSync(join(tmpdir(), 'gaizao-revision-'));
  let removed: Community;

  const demo = useDemoServer();
  beforeAll(async () => {
    users = new SignedInUsers(demo.browser, demo.url);
    await acceptProvincePlan(demo.dbPath, dir);
  }, 300_000);
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    await users.screenshotAll();
  });
  afterAll(async () => {
    await users?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const as = (username: string) => users.as(username);
  const signed = (p: Page, role: string) =>
    p.locator(`#signoff-rows tr[data-row-key="${role}"] [data-signed]`).getAttribute('data-signed');

  it('province: opens a revision, removes a community, and gives the reason in the diff', async () => {
    const page = await as('province');
    await openDeclaration(page, demo.url, PROVINCE);
    expect(await stateOf(page)).toBe('已接收');
    await page.locator('#declaration-revise').click();
    await page.locator('#revise-reason').fill('个别小区居民改造意愿变化，调整年度计划');
    await page.locator('#revise-confirm').click();
    await expect.poll(() => stateOf(page), { timeout: 30_000 }).toBe('计划调整中');
    expect(await page.locator('#revision-card').innerText()).toContain('计划调整（第1次）');
    expect(await page.locator('#in-force').getAttribute('data-version')).toBe('1');

    removed = (
      await apiGet<{ items: Community[] }>(
        page,
        `/api/communities?region=${PROVINCE}&planYear=${Y}&pageSize=1&sort=name`,
      )
    ).items[0]!;
    await editCommunity(page, demo.url, removed.id, '#community-plan-year', String(Y + 1));

    await openDeclaration(page, demo.url, PROVINCE);
    await page.locator('#revision-diff').click();
    const section = page.locator('#revision-removed');
    await expect.poll(() => section.innerText(), { timeout: 30_000 }).toContain(removed.name);
    expect(await section.innerText()).toContain('删除（1）');
    expect(await section.innerText()).toContain('未填写原因');
    await page
      .locator(`#reason-code-${removed.id}`)
      .getByText('居民改造意愿变化', { exact: true })
      .click();
    await page.locator(`#reason-text-${removed.id}`).fill('多数居民不同意本年度实施');
    await page.locator(`#reason-save-${removed.id}`).click();
    await expect
      .poll(() => section.locator('.revision-reason').first().innerText(), { timeout: 30_000 })
      .toContain('居民改造意愿变化：多数居民不同意本年度实施');
    expect(await page.locator('#revision-totals').innerText()).toMatch(/小区数\s*(\d+) → (\d+)/);
    await page.screenshot({ path: `${SHOTS}/revision-province-diff.png` });
    await page.keyboard.press('Escape');
  }, 180_000);

  it('province: three sign-offs on the new version, the approval again, then submits', async () => {
    const page = await as('province');
    await openDeclaration(page, demo.url, PROVINCE);
    await justifyWarnings(page, PROVINCE);
    // The accepted version's candidate is on the page until the new one is frozen.
    const before = await page.locator('#candidate-hash').getAttribute('data-hash');
    await page.locator('#freeze').click();
    await expect
      .poll(() => page.locator('#candidate-hash').getAttribute('data-hash'), { timeout: 30_000 })
      .not.toBe(before);
    const hash = (await page.locator('#candidate-hash').getAttribute('data-hash'))!;
    await page.locator('#signoff-confirm').click();
    await expect.poll(() => signed(page, 'province')).toBe('current');
    for (const user of ['ndrc', 'finance']) {
      const signer = await as(user);
      await openDeclaration(signer, demo.url, PROVINCE);
      expect(await signer.locator('#candidate-hash').getAttribute('data-hash')).toBe(hash);
      await signer.locator('#signoff-confirm').click();
      await expect
        .poll(() => signed(signer, user === 'ndrc' ? 'province_ndrc' : 'province_finance'))
        .toBe('current');
    }

    // The approval recorded before the revision does not cover it.
    await openDeclaration(page, demo.url, PROVINCE);
    await submit(page);
    await page.locator('#declaration-submit-error').waitFor();
    // It names the version it approved, and the one now to be submitted.
    expect(await page.locator('#declaration-submit-error').innerText()).toContain(
      '省政府批复对应第 1 版，当前第 2 版未经批复',
    );
    const pdf = join(dir, '省政府同意调整批复.pdf');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await typeDate(page, 'approval-date', new Date().toISOString().slice(0, 10));
    await page.locator('#approval-docno').fill(`琼府函〔${Y - 1}〕99号`);
    await page.locator('#approval-file').setInputFiles(pdf);
    await page.locator('#approval-save').click();
    await expect
      .poll(() => page.locator('#approval-recorded').innerText(), { timeout: 30_000 })
      .toContain(`琼府函〔${Y - 1}〕99号`);
    await submit(page);
    await expect.poll(() => stateOf(page), { timeout: 30_000 }).toBe('已上报');
    // Until the ministry accepts, version 1 stays in force.
    expect(await page.locator('#in-force').getAttribute('data-version')).toBe('1');
  }, 180_000);

  it('ministry: sees the diff with the reason, accepts; both accepted versions are listed', async () => {
    const page = await as('ministry');
    await openDeclaration(page, demo.url, PROVINCE);
    await page.locator('#revision-diff').click();
    const section = page.locator('#revision-removed');
    await expect.poll(() => section.innerText(), { timeout: 30_000 }).toContain(removed.name);
    expect(await section.innerText()).toContain('居民改造意愿变化：多数居民不同意本年度实施');
    expect(await page.locator('#revision-table').innerText()).toContain('→');
    await page.screenshot({ path: `${SHOTS}/revision-ministry-diff.png` });
    await page.keyboard.press('Escape');

    await page.locator('#declaration-accept').click();
    await confirm(page, '#declaration-accept-ok');
    await expect.poll(() => stateOf(page), { timeout: 30_000 }).toBe('已接收');
    await expect
      .poll(() => page.locator('#in-force').getAttribute('data-version'), { timeout: 30_000 })
      .toBe('2');
    const history = page.locator('#acceptance-history');
    await expect.poll(() => history.locator('.ant-table-row').count()).toBe(2);
    expect(await history.innerText()).toContain('计划调整（第1次）');
    expect(await history.innerText()).toContain('删除 1');
    // Who accepted: the department by its name, never the login name (issue 13 §5).
    expect(await page.locator('#in-force').innerText()).toContain('住房和城乡建设部城市建设司');
    // (Version 1 was accepted in the setup by a service actor with no account: its login shows.)
    const second = history.locator('.ant-table-row').filter({ hasText: '第 2 版' });
    expect(await second.innerText()).toContain('住房和城乡建设部城市建设司');
    expect(await second.innerText()).not.toMatch(/ministry/);
    expect((await view(page, PROVINCE)).version).toBe(2);
    await page.screenshot({ path: `${SHOTS}/revision-accepted.png`, fullPage: true });
  }, 120_000);
});

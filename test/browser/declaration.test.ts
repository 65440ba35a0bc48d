/**
 * The declaration journey of next year's plan (年度计划申报) in the browser, bottom-up: the city
 * gives the county an earlier internal deadline, which the county's countdown and bell show; the
 * county justifies a warning and submits; the city returns it with a reason pinned on a community; the
 * county fixes that community in the ledger and resubmits, and the city sees the change in the
 * diff and accepts; the city sees which counties still hold its submission back, and submits once
 * they are accepted; the province accepts the city and waits for its other cities, enters the
 * form's contact, freezes the sign-off version and records the government's approval of it, sees
 * that a later version is not covered until the approval is recorded again, and the three
 * departments confirm its hash; the province submits on time. The national end (the ministry's
 * overview and download, 财政部's receipt, a ledger edit after submission) is
 * declaration-national.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import {
  acceptUnitsBelow,
  CITY,
  COUNTY,
  confirm,
  editCommunity,
  failPostCutoffShare,
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

describeBrowser('declaration', () => {
  let users: SignedInUsers;
  const dir = mkdtempSync(join(tmpdir(), 'gaizao-declaration-'));
  /** The community the city pins its return reason on, and its households before the fix. */
  let target: Community;

  const demo = useDemoServer();
  beforeAll(async () => {
    users = new SignedInUsers(demo.browser, demo.url);
  });
  // A failed step leaves a screenshot of every user's page, to see what the user saw.
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    await users.screenshotAll();
  });
  afterAll(async () => {
    await users?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const as = (username: string) => users.as(username);

  it('city: gives the county an earlier internal deadline; the county sees it counted down', async () => {
    const page = await as('city');
    await openDeclaration(page, demo.url, CITY);
    const own = (await view(page, CITY)).deadline;
    await page.locator(`#child-deadline-${COUNTY}`).click();
    const date = page.locator(`#deadline-date-${COUNTY}`);
    await date.waitFor();
    // Later than the city's own deadline: the page says so and will not save.
    const later = new Date(Date.parse(`${own}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await typeDate(page, `deadline-date-${COUNTY}`, later);
    expect(await page.locator(`#deadline-hint-${COUNTY}`).innerText()).toBe(
      `晚于本级截止日期 ${own}，不能保存`,
    );
    expect(await page.locator(`#deadline-save-${COUNTY}`).isDisabled()).toBe(true);
    // Three days from now (Beijing), or the city's own deadline if that comes first.
    const soon = new Date(Date.now() + 8 * 3_600_000 + 3 * 86_400_000).toISOString().slice(0, 10);
    const internal = soon < own ? soon : own;
    await typeDate(page, `deadline-date-${COUNTY}`, internal);
    await page.locator(`#deadline-save-${COUNTY}`).click();
    const cell = page.locator(`#children-table tr[data-row-key="${COUNTY}"] .child-deadline`);
    await expect.poll(() => cell.getAttribute('data-internal'), { timeout: 10_000 }).toBe(internal);
    expect(await cell.innerText()).toContain('内部');

    const county = await as('county');
    await openDeclaration(county, demo.url, COUNTY);
    const countdown = county.locator('#declaration-countdown');
    expect(await countdown.getAttribute('data-deadline')).toBe(internal);
    expect(await countdown.innerText()).toContain(`内部截止 ${internal}`);
    expect(Number(await countdown.getAttribute('data-days-left'))).toBeLessThanOrEqual(3);
    await county.locator('#notification-bell').click();
    const bell = county.locator('#notification-list');
    await expect.poll(() => bell.innerText()).toContain(`距截止日期（${internal}）还有`);
    expect(await bell.innerText()).toContain(`须于${internal}前上报`);
    await county.keyboard.press('Escape');
    const events = await county.locator('#declaration-events').innerText();
    expect(events).toContain('设置内部截止日期');
  }, 120_000);

  it('county: a failing warning needs a justification; then submits', async () => {
    const page = await as('county');
    // A failing warning that must be justified: the 2000年后 share above 15 %.
    const { plan, largest } = await failPostCutoffShare(page, demo.url);
    target = plan.filter((c) => c.id !== largest.id && c.buildYear < 2000)[0]!;

    // The menu's 计划申报 opens the county's own declaration for the demo year.
    await page.locator('#app-menu').getByText('计划申报').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/declarations/${COUNTY}/${Y}`);
    await page.locator('#declaration-page').waitFor();
    expect(await stateOf(page)).toBe('编制中');
    const countdown = page.locator('#declaration-countdown');
    expect(Number(await countdown.getAttribute('data-days-left'))).toBeGreaterThanOrEqual(0);
    expect(await countdown.innerText()).toMatch(/剩余 \d+ 天|今天截止/);
    const share = page.locator('#declaration-checks [data-check="post_cutoff_share"]');
    expect(await share.innerText()).toBe('未通过');

    // Submitting first is refused, naming the warning that needs a justification.
    await submit(page);
    await page.locator('#declaration-submit-error').waitFor();
    expect(await page.locator('#declaration-submit-error').innerText()).toMatch(
      /须填写说明[\s\S]*警告：2000年底后建成小区户数占比/,
    );
    await page.screenshot({ path: `${SHOTS}/declaration-county-refused.png`, fullPage: true });

    expect(await justifyWarnings(page, COUNTY)).toContain('post_cutoff_share');
    await submit(page);
    await expect.poll(() => stateOf(page), { timeout: 30_000 }).toBe('已上报');
    expect(await page.locator('#declaration-submit-error').count()).toBe(0);
    expect(await page.locator('#submitted-hash').getAttribute('data-hash')).toMatch(
      /^[0-9a-f]{64}$/,
    );
    expect(await page.locator('#submitted-unchanged').getAttribute('data-unchanged')).toBe('true');
    await page.screenshot({ path: `${SHOTS}/declaration-county-submitted.png`, fullPage: true });
  }, 120_000);

  it('city: returns the county with a reason pinned on one community', async () => {
    const page = await as('city');
    await page.locator('#app-menu').getByText('计划申报').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/declarations/${CITY}/${Y}`);
    const row = page.locator(`#children-table tr[data-row-key="${COUNTY}"]`);
    await expect.poll(() => row.innerText()).toContain('已上报');
    await row.getByRole('link', { name: '审核' }).click();
    await page.locator(`#declaration-page[data-unit="${COUNTY}"]`).waitFor();
    // The reviewer reads the county's justification.
    expect(await page.locator('#justification-post_cutoff_share').innerText()).toContain(
      '相邻片区联动改造',
    );

    await page.locator('#declaration-return').click();
    await page.locator('#return-reason').fill('个别小区户数与摸底不符，请核实后重新上报');
    await page.locator('#return-community-select').click();
    await page.locator('#return-community-select').fill(target.name);
    // Chosen with the keyboard, for the same reason as confirm(): the list is a popup too.
    await page.locator(`.ant-select-item-option[title="${target.name}"]`).waitFor();
    await page.keyboard.press('Enter');
    const note = page.locator(`#return-note-${target.id}`);
    await note.waitFor();
    await note.fill('居民户数与入户摸底不符，请核实');
    await page.screenshot({ path: `${SHOTS}/declaration-city-return.png` });
    await page.locator('#return-confirm').click();
    await expect.poll(() => stateOf(page), { timeout: 30_000 }).toBe('已退回');
    expect(await page.locator('#return-notes').innerText()).toContain(target.name);
  }, 120_000);

  it('county: sees the note, fixes the community, resubmits; the city sees the change and accepts', async () => {
    const page = await as('county');
    await openDeclaration(page, demo.url, COUNTY);
    expect(await stateOf(page)).toBe('已退回');
    const notes = await page.locator('#return-notes').innerText();
    expect(notes).toContain('退回理由：个别小区户数与摸底不符');
    expect(notes).toMatch(
      new RegExp(`上级退回意见：小区\\s*${target.name}\\s*— 居民户数与入户摸底不符，请核实`),
    );
    // The bell has the return too, linking back to this page.
    await page.locator('#notification-bell').click();
    await expect.poll(() => page.locator('#notification-list').innerText()).toContain('被退回');
    await page.screenshot({ path: `${SHOTS}/declaration-county-returned.png`, fullPage: true });
    await page.keyboard.press('Escape');

    await editCommunity(
      page,
      demo.url,
      target.id,
      '#community-households',
      String(target.households + 2),
    );
    await openDeclaration(page, demo.url, COUNTY);
    await justifyWarnings(page, COUNTY);
    expect(await page.locator('#declaration-submit').innerText()).toContain('重新上报');
    await submit(page);
    await expect.poll(() => stateOf(page), { timeout: 30_000 }).toBe('已上报');
    expect(await page.locator('#return-notes').count()).toBe(0);
    expect((await view(page, COUNTY)).version).toBe(2);

    const city = await as('city');
    await openDeclaration(city, demo.url, COUNTY);
    await city.locator('#declaration-diff').click();
    const changed = city.locator('#diff-changed');
    await expect.poll(() => changed.innerText(), { timeout: 30_000 }).toContain(target.name);
    expect(await changed.innerText()).toContain(
      `居民户数：${target.households} → ${target.households + 2}`,
    );
    expect(await city.locator('#diff-added').innerText()).toContain('新增（0）');
    await city.screenshot({ path: `${SHOTS}/declaration-city-diff.png` });
    await city.keyboard.press('Escape');

    await city.locator('#declaration-accept').click();
    await confirm(city, '#declaration-accept-ok');
    await expect.poll(() => stateOf(city), { timeout: 30_000 }).toBe('已接收');
  }, 120_000);

  it('city: sees the counties it waits for, then submits its own declaration, justifying its warnings', async () => {
    const page = await as('city');
    await openDeclaration(page, demo.url, CITY);
    await expect
      .poll(() => page.locator(`#children-table tr[data-row-key="${COUNTY}"]`).innerText())
      .toContain('已接收');
    // The other counties with communities in the plan have not been accepted: no submitting yet.
    const pending = page.locator('#declaration-children-pending');
    const waiting = (await view(page, CITY)).unacceptedChildren;
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.map((c) => c.code)).not.toContain(COUNTY);
    for (const c of waiting) expect(await pending.innerText()).toContain(`${c.name}（编制中）`);
    expect(await page.locator('#declaration-submit').isDisabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/declaration-city-waiting.png`, fullPage: true });

    expect(await acceptUnitsBelow(page, demo.dbPath, CITY)).toEqual(waiting.map((c) => c.name));
    await openDeclaration(page, demo.url, CITY);
    expect(await page.locator('#declaration-children-pending').count()).toBe(0);
    await justifyWarnings(page, CITY);
    await submit(page);
    await expect.poll(() => stateOf(page), { timeout: 30_000 }).toBe('已上报');
  }, 120_000);

  it('province: accepts the city, records the approval, collects three sign-offs on one hash, submits', async () => {
    const page = await as('province');
    await openDeclaration(page, demo.url, CITY);
    await page.locator('#declaration-accept').click();
    await confirm(page, '#declaration-accept-ok');
    await expect.poll(() => stateOf(page), { timeout: 30_000 }).toBe('已接收');

    await openDeclaration(page, demo.url, PROVINCE);
    // The province's other units have declared in the demo already (server/src/demo/declarations.ts).
    expect(await acceptUnitsBelow(page, demo.dbPath, PROVINCE)).toEqual([]);
    expect(await page.locator('#declaration-children-pending').count()).toBe(0);

    const checks = (await view(page, PROVINCE)).checks;
    expect(await page.locator('#declaration-checks [data-check]').count()).toBe(checks.length);
    // A blocking check failing here is a finding about the data, not something to justify.
    const blocking = checks.filter((c) => !c.passed && c.severity === 'blocking');
    expect(blocking, blocking.map((c) => c.message).join('；')).toEqual([]);
    await justifyWarnings(page, PROVINCE);

    // Without the government's approval the province cannot submit.
    await submit(page);
    await page.locator('#declaration-submit-error').waitFor();
    expect(await page.locator('#declaration-submit-error').innerText()).toContain('省级人民政府');

    // 联系人及电话 of the form, frozen with what the departments sign.
    await page.locator('#contact-name').fill('张三');
    await page.locator('#contact-phone').fill('电话');
    await page.locator('#contact-save').click();
    await page.locator('#contact-error, .ant-form-item-explain-error').first().waitFor();
    await page.locator('#contact-phone').fill('0898-65312345');
    await page.locator('#contact-save').click();
    await expect
      .poll(() => page.locator('#contact-recorded').innerText(), { timeout: 30_000 })
      .toBe('张三 0898-65312345');
    // Before any version is frozen, a saved contact asks for nothing more; saved unchanged, it
    // says so and writes nothing (nothing to sign again).
    const toast = () => page.locator('.ant-message-notice').last().innerText();
    await expect.poll(toast).toBe('已保存联系人及电话');
    await page.locator('#contact-save').click();
    await expect.poll(toast).toBe('联系人及电话未改动');

    // The approval names the version it approves: first a version, then the approval.
    await page.locator('#freeze').click();
    await expect.poll(() => page.locator('#candidate-version').innerText()).toBe('1');
    // who froze it, named by the department, not the login name
    expect(await page.locator('#candidate').innerText()).toContain('由 海南省住房和城乡建设厅');
    const pdf = join(dir, '省政府同意批复.pdf');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const today = new Date().toISOString().slice(0, 10);
    const approve = async (docNo: string) => {
      await typeDate(page, 'approval-date', today);
      await page.locator('#approval-docno').fill(docNo);
      await page.locator('#approval-file').setInputFiles(pdf);
      await page.locator('#approval-save').click();
      await expect
        .poll(() => page.locator('#approval-recorded').innerText(), { timeout: 30_000 })
        .toContain(docNo);
    };
    await approve(`琼府函〔${Y - 1}〕88号`);
    expect(await page.locator('#approval-recorded').innerText()).toContain('省政府同意批复.pdf');
    expect(await page.locator('#approval-recorded').innerText()).toContain('第 1 版');
    expect(await page.locator('#approval-notice').count()).toBe(0);

    // A change after the approval (a new contact) makes a new version the approval does not cover.
    // The province is told what it voids before it saves.
    await page.locator('#contact-name').fill('李四');
    await page.locator('#contact-save').click();
    const voids = page.locator('.ant-modal-confirm');
    await expect.poll(() => voids.innerText()).toContain('修改联系人将使会签版本失效');
    await voids.getByRole('button', { name: '仍要保存' }).click();
    await expect.poll(() => page.locator('#contact-recorded').innerText()).toContain('李四');
    await expect.poll(toast).toBe('已保存联系人及电话；须重新生成会签版本');
    await page.locator('#freeze').click();
    await expect.poll(() => page.locator('#candidate-version').innerText()).toBe('2');
    await expect
      .poll(() => page.locator('#approval-notice').innerText(), { timeout: 30_000 })
      .toBe('省政府批复对应第 1 版，当前第 2 版未经批复，须重新录入批复');
    await page.screenshot({ path: `${SHOTS}/declaration-approval-stale.png`, fullPage: true });
    await approve(`琼府函〔${Y - 1}〕96号`);
    await expect.poll(() => page.locator('#approval-notice').count()).toBe(0);
    expect(await page.locator('#approval-recorded').innerText()).toContain('第 2 版');

    await page.locator('#candidate-hash').waitFor();
    const hash = (await page.locator('#candidate-hash').getAttribute('data-hash'))!;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.locator('#candidate-stale').count()).toBe(0);

    const row = (p: Page, role: string) => p.locator(`#signoff-rows tr[data-row-key="${role}"]`);
    await page.locator('#signoff-confirm').click();
    await expect
      .poll(() => row(page, 'province').locator('[data-signed]').getAttribute('data-signed'))
      .toBe('current');
    expect(
      await row(page, 'province_ndrc').locator('[data-signed]').getAttribute('data-signed'),
    ).toBe('none');

    for (const [user, role] of [
      ['ndrc', 'province_ndrc'],
      ['finance', 'province_finance'],
    ] as const) {
      const signer = await as(user);
      await signer.locator('#app-menu').getByText('计划申报').click();
      await expect
        .poll(() => new URL(signer.url()).pathname)
        .toBe(`/declarations/${PROVINCE}/${Y}`);
      await signer.locator('#candidate-hash').waitFor();
      // The department sees the hash it is about to confirm, and the plan table.
      expect(await signer.locator('#candidate-hash').getAttribute('data-hash')).toBe(hash);
      await expect
        .poll(() => signer.locator('#signoff-plan-table .ant-table-row').count())
        .toBeGreaterThan(3);
      // The table is that version as frozen, named by the same 校验码.
      expect(await signer.locator('#signoff-plan-version').getAttribute('data-hash')).toBe(hash);
      expect(await signer.locator('#declaration-submit').count()).toBe(0);
      await signer.locator('#signoff-confirm').click();
      await expect
        .poll(() => row(signer, role).locator('[data-signed]').getAttribute('data-signed'))
        .toBe('current');
      if (user === 'ndrc')
        await signer.screenshot({ path: `${SHOTS}/declaration-ndrc-signoff.png`, fullPage: true });
    }

    await openDeclaration(page, demo.url, PROVINCE);
    for (const role of ['province', 'province_ndrc', 'province_finance'])
      await expect
        .poll(() => row(page, role).locator('[data-signed]').getAttribute('data-signed'))
        .toBe('current');
    await submit(page);
    await expect.poll(() => stateOf(page), { timeout: 30_000 }).toBe('已上报');
    expect(await page.locator('#submitted-hash').getAttribute('data-hash')).toBe(hash);
    await page.screenshot({ path: `${SHOTS}/declaration-province-submitted.png`, fullPage: true });
  }, 180_000);
});

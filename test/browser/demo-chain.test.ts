/**
 * The demo's declaration chain as a newcomer walks it (README, 演示): `npm start`'s demo on a fresh
 * database, every step in the browser as the seeded accounts, no API call and no account created
 * by hand. The login page lists the unit accounts; 海口市's four districts submit, 海口市 accepts
 * them and submits, the province accepts 海口市 (its seventeen other units have declared already
 * in the demo), records the government's approval, collects the three sign-offs and submits, and
 * the ministry accepts. Each record names the department, not the login name.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import {
  CITY,
  confirm,
  openDeclaration,
  PROVINCE,
  SignedInUsers,
  stateOf,
  submit,
  Y,
} from './declaration-support.ts';
import { describeBrowser, typeDate, useDemoServer } from './support.ts';

/** Writes a reason into every failing warning's box on the page, as a clerk would. */
async function justifyOnPage(page: Page): Promise<void> {
  const boxes = page.locator('textarea[id^="justify-"]');
  for (let left = await boxes.count(); left > 0; left--) {
    const id = (await boxes.first().getAttribute('id'))!.slice('justify-'.length);
    await boxes.first().fill('2000年后建成小区与周边老旧小区连片改造、同步实施，统筹后不超过上限');
    await page.locator(`#justify-save-${id}`).click();
    await page.locator(`#justification-${id}`).waitFor();
  }
}

/** As the reviewer: opens the unit's declaration and accepts it. */
async function accept(page: Page, url: string, unit: string): Promise<void> {
  await openDeclaration(page, url, unit);
  await page.locator('#declaration-accept').click();
  await confirm(page, '#declaration-accept-ok');
  await expect.poll(() => stateOf(page), { timeout: 30_000 }).toBe('已接收');
}

describeBrowser('demo chain', () => {
  let users: SignedInUsers;
  const dir = mkdtempSync(join(tmpdir(), 'gaizao-demo-chain-'));
  /** 海口市's districts, login name → code, as the login page lists them. */
  const districts = new Map<string, string>();

  const demo = useDemoServer();
  beforeAll(async () => {
    users = new SignedInUsers(demo.browser, demo.url);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await users.screenshotAll();
  });
  afterAll(async () => {
    await users?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the login page lists an account for every declaring unit of 海南省', async () => {
    const page = await demo.browser.newPage();
    await page.goto(demo.url);
    const units = page.locator('#demo-unit-accounts');
    await units.getByText('各市县住房和城乡建设部门的账号（24 个').click();
    const items = units.locator('li[data-username]');
    await expect.poll(() => items.count()).toBe(24);
    const item = (name: string) => units.locator(`li[data-username="${name}"]`).innerText();
    expect(await item('county-460105')).toContain('海口市秀英区住房和城乡建设局');
    expect(await item('city-469030')).toContain('琼中黎族苗族自治县住房和城乡建设局');
    for (const name of await items.evaluateAll((li) => li.map((e) => e.dataset.username!)))
      if (/^county-4601\d\d$/.test(name)) districts.set(name, name.slice('county-'.length));
    // 龙华区 keeps its short name, county.
    expect([...districts.values()]).toEqual(['460105', '460107', '460108']);
    districts.set('county', '460106');
    await page.close();
  }, 60_000);

  it('海口市 four districts submit; each record names the district, not the login', async () => {
    for (const [username, code] of districts) {
      const page = await users.as(username);
      await page.locator('#app-menu').getByText('计划申报').click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/declarations/${code}/${Y}`);
      await page.locator('#declaration-page').waitFor();
      expect(await stateOf(page)).toBe('编制中');
      await justifyOnPage(page);
      await submit(page);
      await expect.poll(() => stateOf(page), { timeout: 30_000 }).toBe('已上报');
    }
    const xiuying = await users.as('county-460105');
    const events = await xiuying.locator('#declaration-events').innerText();
    expect(events).toContain('海口市秀英区住房和城乡建设局');
    expect(events).not.toContain('county-460105');
  }, 300_000);

  it('海口市 accepts its districts and submits', async () => {
    const page = await users.as('city');
    // The reviewer reads the submitted communities themselves, not only the totals.
    await openDeclaration(page, demo.url, '460105');
    const listed = page.locator('#submitted-communities tbody tr.ant-table-row');
    await expect.poll(() => listed.count()).toBeGreaterThan(0);
    for (const code of districts.values()) await accept(page, demo.url, code);
    await openDeclaration(page, demo.url, CITY);
    expect(await page.locator('#declaration-children-pending').count()).toBe(0);
    await justifyOnPage(page);
    await submit(page);
    await expect.poll(() => stateOf(page), { timeout: 30_000 }).toBe('已上报');
  }, 300_000);

  it('the province accepts 海口市, records the approval, collects the sign-offs and submits', async () => {
    const page = await users.as('province');
    await accept(page, demo.url, CITY);
    expect(await page.locator('#declaration-events').innerText()).toContain(
      '海南省住房和城乡建设厅',
    );
    await openDeclaration(page, demo.url, PROVINCE);
    // The other seventeen units declared in the demo already: nothing holds the province back.
    expect(await page.locator('#declaration-children-pending').count()).toBe(0);
    // Its eighteen declaring units all accepted (三沙市, with no communities, declares nothing).
    const accepted = page.locator('#children-table tr[data-row-key]', { hasText: '已接收' });
    await expect.poll(() => accepted.count()).toBe(18);
    await justifyOnPage(page);

    await page.locator('#contact-name').fill('王五');
    await page.locator('#contact-phone').fill('0898-65312345');
    await page.locator('#contact-save').click();
    await expect.poll(() => page.locator('#contact-recorded').innerText()).toContain('王五');
    await page.locator('#freeze').click();
    await page.locator('#candidate-hash').waitFor();
    const pdf = join(dir, '省政府同意批复.pdf');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await typeDate(page, 'approval-date', new Date().toISOString().slice(0, 10));
    await page.locator('#approval-docno').fill(`琼府函〔${Y - 1}〕12号`);
    await page.locator('#approval-file').setInputFiles(pdf);
    await page.locator('#approval-save').click();
    const approval = page.locator('#approval-recorded');
    await expect.poll(() => approval.innerText(), { timeout: 30_000 }).toContain('12号');
    expect(await approval.innerText()).toContain('海南省住房和城乡建设厅');

    const signed = (p: Page, role: string) =>
      p
        .locator(`#signoff-rows tr[data-row-key="${role}"] [data-signed]`)
        .getAttribute('data-signed');
    await page.locator('#signoff-confirm').click();
    await expect.poll(() => signed(page, 'province')).toBe('current');
    for (const [user, role] of [
      ['ndrc', 'province_ndrc'],
      ['finance', 'province_finance'],
    ] as const) {
      const signer = await users.as(user);
      await signer.locator('#app-menu').getByText('计划申报').click();
      await signer.locator('#signoff-confirm').click();
      await expect.poll(() => signed(signer, role)).toBe('current');
    }
    await openDeclaration(page, demo.url, PROVINCE);
    const signoffs = await page.locator('#signoff-rows').innerText();
    for (const name of ['海南省住房和城乡建设厅', '海南省发展和改革委员会', '海南省财政厅'])
      expect(signoffs).toContain(name);
    expect(signoffs).not.toMatch(/\b(ndrc|finance)\b/);
    await submit(page);
    await expect.poll(() => stateOf(page), { timeout: 30_000 }).toBe('已上报');
  }, 300_000);

  it('the ministry accepts the plan of 海南省', async () => {
    const page = await users.as('ministry');
    await accept(page, demo.url, PROVINCE);
    expect(await page.locator('#declaration-events').innerText()).toContain(
      '住房和城乡建设部城市建设司',
    );
  }, 120_000);
});

/**
 * The declarations in English, beyond the English walk (english.test.ts): the county opens next
 * year's declaration, reads a failing warning, opens the submit dialog, is refused, writes a
 * justification and submits; the province reads its declaration with the three sign-offs and the receipts, the
 * plan table they signed, a city's submitted communities and the diff between versions; the
 * ministry reads the overview and accepts; the province revises its plan and gives a reason. Each screen, dialogs open, shows no Chinese outside data values and
 * the official form.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import {
  apiGet,
  CITY,
  confirm,
  COUNTY,
  editCommunity,
  failPostCutoffShare,
  PROVINCE,
  submit,
  submitProvincePlan,
  Y,
  type Community,
} from './declaration-support.ts';
import { chineseOnPage, missingTranslations, settled, signInInEnglish } from './english-walk.ts';
import { describeBrowser, useDemoServer } from './support.ts';

async function expectEnglish(page: Page, where: string): Promise<void> {
  const found = await chineseOnPage(page);
  const missing = await missingTranslations(page);
  expect(found, `${where}; no catalog has: ${missing.join(' | ')}`).toEqual([]);
}

describeBrowser('declarations in English', () => {
  const uploads = mkdtempSync(join(tmpdir(), 'gaizao-en-decl-'));

  const demo = useDemoServer({ browserArgs: ['--lang=en-US'] });
  afterAll(async () => {
    rmSync(uploads, { recursive: true, force: true });
  });

  const inEnglish = (account: string): Promise<Page> =>
    signInInEnglish(demo.browser, demo.url, account, { width: 1400, height: 900 });

  it('county: next year’s declaration, a failing warning, a refusal, a justification, the submit dialog', async () => {
    const page = await inEnglish('county');
    // As declaration.test.ts does: the 2000年后 share above 15 %, so a warning fails.
    await failPostCutoffShare(page, demo.url);

    await page.goto(`${demo.url}/declarations`);
    await page.locator(`#declaration-page[data-unit="${COUNTY}"][data-year="${Y}"]`).waitFor();
    await settled(page);
    expect(await page.locator('#declaration-state').innerText()).toBe('In preparation');
    expect(await page.locator('#declaration-countdown').innerText()).toMatch(
      /Deadline .* · (\d+ days left|Due today)/,
    );
    // The checks, run on the plan: the share warning fails, in English.
    const share = page.locator('#declaration-checks [data-check="post_cutoff_share"]');
    expect(await share.innerText()).toBe('Failed');
    const row = page.locator('#declaration-checks tr[data-row-key="post_cutoff_share"]');
    expect(await row.innerText()).toMatch(
      /^\s*Warning\s+Households in communities built after 2000/,
    );
    await page.locator('#justify-post_cutoff_share').waitFor();
    await expectEnglish(page, 'county declaration');

    // The submit dialog; submitting is refused, naming the warning to justify.
    await page.locator('#declaration-submit').click();
    await page.locator('#declaration-submit-ok').waitFor();
    expect(await page.locator('.ant-popover:visible').innerText()).toContain(
      'Submit the annual plan',
    );
    await expectEnglish(page, 'submit dialog');
    await confirm(page, '#declaration-submit-ok');
    await page.locator('#declaration-submit-error').waitFor();
    expect(await page.locator('#declaration-submit-error').innerText()).toMatch(
      /need a justification[\s\S]*Warning: Households in communities built after 2000/,
    );
    await settled(page);
    await expectEnglish(page, 'submission refused');

    // Justified (the text is data), then submitted.
    await page.locator('#justify-post_cutoff_share').fill('相邻片区联动改造，统筹后不超过上限');
    await page.locator('#justify-save-post_cutoff_share').click();
    await page.locator('#justification-post_cutoff_share').waitFor();
    expect(await page.locator('#justification-post_cutoff_share').innerText()).toContain(
      "This unit's justification",
    );
    await submit(page);
    await expect
      .poll(() => page.locator('#declaration-state').innerText(), { timeout: 30_000 })
      .toBe('Submitted');
    await settled(page);
    await expectEnglish(page, 'submitted');
    await page.context().close();
  }, 240_000);

  it('city: the units below, a deadline, the county’s version, the return dialog; the county reads the notes and its notices', async () => {
    const city = await inEnglish('city');
    await city.goto(`${demo.url}/declarations`);
    await city.locator(`#declaration-page[data-unit="${CITY}"]`).waitFor();
    const row = city.locator(`#children-table tr[data-row-key="${COUNTY}"]`);
    await expect.poll(() => row.innerText()).toContain('Submitted');
    await settled(city);
    await expectEnglish(city, 'city declaration with the units below');
    // The internal deadline of a unit below, in its popover.
    await city.locator(`#child-deadline-${COUNTY}`).click();
    await city.locator(`#deadline-date-${COUNTY}`).waitFor();
    await expectEnglish(city, 'deadline popover');
    await city.keyboard.press('Escape');

    // The county's submitted version, then the return with a note on one community.
    await row.getByRole('link', { name: 'Review' }).click();
    await city.locator(`#declaration-page[data-unit="${COUNTY}"]`).waitFor();
    await city.locator('#submitted-communities .ant-table-row').first().waitFor();
    await settled(city);
    await expectEnglish(city, 'county declaration, as its reviewer');
    await city.locator('#declaration-return').click();
    await city.locator('#return-reason').fill('个别小区户数与摸底不符，请核实后重新上报');
    const first = (
      await apiGet<{ items: { id: number; name: string }[] }>(
        city,
        `/api/communities?region=${COUNTY}&planYear=${Y}&pageSize=200&sort=name`,
      )
    ).items[0]!;
    await city.locator('#return-community-select').click();
    await city.locator('#return-community-select').fill(first.name);
    await city.locator(`.ant-select-item-option[title="${first.name}"]`).waitFor();
    await expectEnglish(city, 'return dialog, choosing a community');
    await city.keyboard.press('Enter');
    await city.locator(`#return-note-${first.id}`).fill('居民户数与入户摸底不符，请核实');
    await expectEnglish(city, 'return dialog');
    await city.locator('#return-confirm').click();
    await expect
      .poll(() => city.locator('#declaration-state').innerText(), { timeout: 30_000 })
      .toBe('Returned');
    await settled(city);
    await expectEnglish(city, 'returned, as the reviewer');
    await city.context().close();

    // The county reads the notes, and the notice of the return in the bell.
    const county = await inEnglish('county');
    await county.goto(`${demo.url}/declarations/${COUNTY}/${Y}`);
    await county.locator('#return-notes').waitFor();
    await settled(county);
    expect(await county.locator('#return-notes').innerText()).toContain('Reason for return');
    await expectEnglish(county, 'returned, as the county');
    await county.locator('#notification-bell').click();
    await county.locator('#notification-list').waitFor();
    expect(await county.locator('#notification-list').innerText()).toMatch(/plan was returned/);
    await expectEnglish(county, 'notifications');
    await county.context().close();
  }, 240_000);

  it('province: its declaration with the sign-offs, receipts, a city’s version and the diff', async () => {
    // Before: the province prepares, its contact, sign-off version and approval still to come.
    const page = await inEnglish('province');
    await page.goto(`${demo.url}/declarations/${PROVINCE}/${Y}`);
    await page.locator('#signoff-panel #contact-name').waitFor();
    await settled(page);
    await expectEnglish(page, 'province declaration in preparation');
    // The contact form's own checks, in English.
    await page.locator('#contact-phone').fill('电话');
    await page.locator('#contact-save').click();
    await expect
      .poll(() => page.locator('#contact').innerText())
      .toContain('Digits, spaces, hyphens and brackets only');
    await expectEnglish(page, 'contact form refused');

    // Up the chain through the service: the province's plan signed off and submitted.
    await submitProvincePlan(demo.dbPath, uploads);
    await page.goto(`${demo.url}/declarations/${PROVINCE}/${Y}`);
    await page.locator(`#declaration-page[data-unit="${PROVINCE}"]`).waitFor();
    await settled(page);
    await expect.poll(() => page.locator('#declaration-state').innerText()).toBe('Submitted');
    await page.locator('#signoff-panel').waitFor();
    await expect.poll(() => page.locator('#signoff-rows [data-signed="current"]').count()).toBe(3);
    await page.locator('#receipts').waitFor();
    await page.locator('#declaration-events').waitFor();
    await expectEnglish(page, 'province declaration');

    // A city's declaration as its reviewer: the communities submitted, and the diff.
    await page.goto(`${demo.url}/declarations/${CITY}/${Y}`);
    await page.locator(`#declaration-page[data-unit="${CITY}"]`).waitFor();
    await page.locator('#submitted-communities .ant-table-row').first().waitFor();
    await settled(page);
    await expectEnglish(page, 'city declaration, as its reviewer');
    await page.locator('#declaration-diff').click();
    await page.locator('#declaration-diff-result').waitFor();
    await expect(page.locator('.ant-modal-title').innerText()).resolves.toMatch(
      /^(Version|Changes)/,
    );
    await expectEnglish(page, 'diff between versions');
    await page.context().close();
  }, 240_000);

  it('ministry: the provinces’ submissions', async () => {
    const page = await inEnglish('ministry');
    await page.goto(`${demo.url}/declarations/overview?year=${Y}`);
    await page.locator('#overview-table .ant-table-row').first().waitFor();
    await settled(page);
    await expectEnglish(page, 'overview');
    await page.goto(`${demo.url}/declarations/${PROVINCE}/${Y}`);
    await page.locator(`#declaration-page[data-unit="${PROVINCE}"]`).waitFor();
    await settled(page);
    await expectEnglish(page, 'province declaration, as the ministry');
    // Accepts it: the popconfirm, then the state.
    await page.locator('#declaration-accept').click();
    await page.locator('#declaration-accept-ok').waitFor();
    await expectEnglish(page, 'accept dialog');
    await confirm(page, '#declaration-accept-ok');
    await expect
      .poll(() => page.locator('#declaration-state').innerText(), { timeout: 30_000 })
      .toBe('Accepted');
    await settled(page);
    await expectEnglish(page, 'accepted, as the ministry');
    await page.context().close();
  }, 240_000);

  it('province: revises the accepted plan; the revision, its diff and a removal’s reason', async () => {
    const page = await inEnglish('province');
    await page.goto(`${demo.url}/declarations/${PROVINCE}/${Y}`);
    await page.locator('#declaration-revise').click();
    await page.locator('#revise-reason').fill('个别小区居民改造意愿变化，调整年度计划');
    await expectEnglish(page, 'revise dialog');
    await page.locator('#revise-confirm').click();
    await expect
      .poll(() => page.locator('#declaration-state').innerText(), { timeout: 30_000 })
      .toBe('Revision in progress');
    expect(await page.locator('#revision-card').innerText()).toContain('Plan revision 1');
    await settled(page);
    await expectEnglish(page, 'revision under way');

    // A community moved to the next year leaves the plan: the diff asks for the reason.
    const removed = (
      await apiGet<{ items: Community[] }>(
        page,
        `/api/communities?region=${PROVINCE}&planYear=${Y}&pageSize=1&sort=name`,
      )
    ).items[0]!;
    await editCommunity(page, demo.url, removed.id, '#community-plan-year', String(Y + 1));
    await page.goto(`${demo.url}/declarations/${PROVINCE}/${Y}`);
    await page.locator('#revision-diff').click();
    const section = page.locator('#revision-removed');
    await expect.poll(() => section.innerText(), { timeout: 30_000 }).toContain(removed.name);
    expect(await section.innerText()).toContain('Removed (1)');
    expect(await section.innerText()).toContain('No reason given');
    await expectEnglish(page, 'revision diff');
    await page
      .locator(`#reason-code-${removed.id}`)
      .getByText("Residents' wishes changed", { exact: true })
      .click();
    await page.locator(`#reason-text-${removed.id}`).fill('多数居民不同意本年度实施');
    await page.locator(`#reason-save-${removed.id}`).click();
    await expect
      .poll(() => section.locator('.revision-reason').first().innerText(), { timeout: 30_000 })
      .toContain("Residents' wishes changed: 多数居民不同意本年度实施");
    await expectEnglish(page, 'revision diff with a reason');
    await page.keyboard.press('Escape');

    // Submitting names what the revision still lacks, in English.
    await page.locator('#declaration-submit').click();
    await confirm(page, '#declaration-submit-ok');
    await page.locator('#declaration-submit-error').waitFor();
    await settled(page);
    await expectEnglish(page, 'revision refused');
    await page.context().close();
  }, 240_000);
});

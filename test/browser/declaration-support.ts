/**
 * Steps of the declaration journey (test/browser/declaration.test.ts): users signed in once and
 * kept, what the declaration API says, the declaration page's state, the ledger's edit page, the
 * justifications of failing warnings, popconfirms, submitting, and the units below that hold a
 * submission back.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { createDb } from '../../server/src/db/create-db.ts';
import { acceptDeclaration } from '../../server/src/modules/declarations/declarations.service.ts';
import {
  actorAt,
  declareAccepted,
  declareProvinceSubmitted,
} from '../../server/src/test-support/declarations.ts';

/** The demo declares next year's plan (server/src/demo/seed.ts, DEMO_PLAN_YEAR). */
export const Y = new Date().getUTCFullYear() + 1;
export const COUNTY = '460106';
export const CITY = '460100';
export const PROVINCE = '460000';
export const SHOTS = 'test-results';

export interface Check {
  id: string;
  title: string;
  severity: 'blocking' | 'warning' | 'info';
  passed: boolean;
  message: string;
  justification: string | null;
}
export interface View {
  state: string;
  version: number;
  deadline: string;
  internalDeadline: string | null;
  unacceptedChildren: { code: string; name: string; stateLabel: string }[];
  checks: Check[];
  submitted: { version: number; hash: string; unchanged: boolean } | null;
}
export interface Community {
  id: number;
  name: string;
  buildYear: number;
  households: number;
}

/** One browser context per user, signed in once and kept for the later steps. */
export class SignedInUsers {
  private readonly contexts = new Map<string, { context: BrowserContext; page: Page }>();

  constructor(
    private readonly browser: Browser,
    private readonly url: string,
  ) {}

  async as(username: string): Promise<Page> {
    const known = this.contexts.get(username);
    if (known) return known.page;
    const context = await this.browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1400, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(this.url);
    await page.locator('#login-username').fill(username);
    await page.locator('#login-password').fill('gaizao-demo');
    await page.locator('#login-submit').click();
    await page.locator('#current-region').waitFor();
    this.contexts.set(username, { context, page });
    return page;
  }

  /** A screenshot of every user's page, to see what the user saw when a step failed. */
  async screenshotAll(): Promise<void> {
    for (const [user, { page }] of this.contexts)
      await page.screenshot({ path: `${SHOTS}/declaration-failed-${user}.png`, fullPage: true });
  }

  async close(): Promise<void> {
    for (const { context } of this.contexts.values()) await context.close();
  }
}

/** A GET from the page, with the user's session: what the API says, to compare with the screen. */
export const apiGet = <T>(page: Page, path: string): Promise<T> =>
  page.evaluate(async (p) => {
    const res = await fetch(p, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`${p}: HTTP ${res.status} ${await res.text()}`);
    return res.json();
  }, path);

export const view = (page: Page, unit: string) =>
  apiGet<View>(page, `/api/declarations/${unit}/${Y}`);

export async function openDeclaration(page: Page, url: string, unit: string): Promise<void> {
  await page.goto(`${url}/declarations/${unit}/${Y}`);
  await page.locator(`#declaration-page[data-unit="${unit}"]`).waitFor();
}

export const stateOf = (page: Page) => page.locator('#declaration-state').innerText();

/** Through the ledger's edit page: one field, saved; the page then shows the record. */
export async function editCommunity(
  page: Page,
  url: string,
  id: number,
  input: string,
  value: string,
) {
  await page.goto(`${url}/ledger/${id}/edit`);
  await expect.poll(() => page.locator('#community-households').inputValue()).not.toBe('');
  await page.locator(input).fill(value);
  await page.locator('#community-submit').click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(`/ledger/${id}`);
}

/** Writes a justification for every failing warning not yet justified, through its textarea. */
/**
 * Makes the county's 2000年后 share of households exceed 15 %, so that a warning fails and must be
 * justified: the largest community built before 2000 gets a build year of 2003 (still before
 * 2005). Returns the county's plan as it was, and that community.
 */
export async function failPostCutoffShare(
  page: Page,
  url: string,
): Promise<{ plan: Community[]; largest: Community }> {
  const plan = (
    await apiGet<{ items: Community[] }>(
      page,
      `/api/communities?region=${COUNTY}&planYear=${Y}&pageSize=200`,
    )
  ).items;
  const largest = plan
    .filter((c) => c.buildYear < 2000)
    .sort((a, b) => b.households - a.households)[0]!;
  await editCommunity(page, url, largest.id, '#community-build-year', '2003');
  return { plan, largest };
}

export async function justifyWarnings(page: Page, unit: string): Promise<string[]> {
  const failing = (await view(page, unit)).checks.filter(
    (c) => !c.passed && c.severity === 'warning' && !c.justification,
  );
  for (const c of failing) {
    await page
      .locator(`#justify-${c.id}`)
      .fill('相邻片区联动改造，2000年后小区与周边老旧小区同步实施，全省统筹后占比不超过上限');
    await page.locator(`#justify-save-${c.id}`).click();
    await expect
      .poll(() => page.locator(`#justification-${c.id}`).count(), { timeout: 30_000 })
      .toBe(1);
  }
  return failing.map((c) => c.id);
}

/**
 * Confirms a popconfirm. antd aligns the popup again once its opening animation ends, so a
 * pointer click can land where the button was a moment before: the click goes to the button.
 */
export async function confirm(page: Page, ok: string): Promise<void> {
  await page.locator(ok).waitFor();
  await page.locator(ok).dispatchEvent('click');
}

export async function submit(page: Page): Promise<void> {
  await page.locator('#declaration-submit').click();
  await confirm(page, '#declaration-submit-ok');
}

/**
 * The units below `unit` that hold its submission back, declared and accepted by their own staff
 * and reviewers (through the service, on the server's database `dbPath`, to keep this journey
 * short; demo-chain.test.ts walks them in the browser as the demo's unit accounts). Returns their
 * names as the page listed them.
 */
export async function acceptUnitsBelow(
  page: Page,
  dbPath: string,
  unit: string,
): Promise<string[]> {
  const waiting = (await view(page, unit)).unacceptedChildren;
  const db = await createDb(dbPath);
  try {
    for (const c of waiting) await declareAccepted(db.db, c.code, Y);
  } finally {
    await db.destroy();
  }
  return waiting.map((c) => c.name);
}

/**
 * The province's plan declared up the chain and submitted to the ministries (not yet accepted),
 * through the service on the server's database `dbPath`: for the journeys at the national end.
 */
export async function submitProvincePlan(dbPath: string, uploadDir: string): Promise<void> {
  const db = await createDb(dbPath);
  try {
    await declareProvinceSubmitted(db.db, PROVINCE, Y, uploadDir);
  } finally {
    await db.destroy();
  }
}

/**
 * The province's plan declared up the chain and accepted by the ministry, through the service on
 * the server's database `dbPath` (the first declaration's journey is declaration.test.ts): for the
 * journeys that start from an accepted plan, such as a revision.
 */
export async function acceptProvincePlan(dbPath: string, uploadDir: string): Promise<void> {
  const db = await createDb(dbPath);
  try {
    await declareProvinceSubmitted(db.db, PROVINCE, Y, uploadDir);
    await acceptDeclaration(db.db, await actorAt(db.db, '000000', 'ministry'), PROVINCE, Y);
  } finally {
    await db.destroy();
  }
}

/**
 * Steps of the progress journeys shared by the browser tests: finding a community still to start,
 * the consultation, progress and photo forms of a community page, the figures of a unit on the
 * progress page, and the ministry's province tiles.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { typeDate } from './support.ts';

// A 1×1 PNG, a real one.
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export interface CommunityToStart {
  id: number;
  name: string;
  households: number;
}

/**
 * A community of the signed-in county's plan for `year` with no progress record and no
 * consultation yet (the demo keeps a few so: server/src/demo/progress.ts, stillPreparing).
 */
export async function communityToStart(page: Page, year: number): Promise<CommunityToStart> {
  const found = await page.evaluate(async (y) => {
    const res = await fetch(`/api/dashboard?year=${y}`);
    const { communities } = (await res.json()) as {
      communities: { id: number; name: string; households: number; period: string | null }[];
    };
    for (const c of communities.filter((x) => x.period === null)) {
      const p = (await (await fetch(`/api/communities/${c.id}/progress`)).json()) as {
        consultations: unknown[];
      };
      if (p.consultations.length === 0) return { id: c.id, name: c.name, households: c.households };
    }
    return null;
  }, year);
  expect(found, `a community of the ${year} plan without consultation or record`).not.toBeNull();
  return found!;
}

export interface ConsultationValues {
  heldOn: string;
  /** the radio's label, as shown */
  method: string;
  consulted: number;
  agreeing: number;
  /** the checkboxes' labels, as shown: 改造方案, 居民出资, 后续管护 */
  agreed: string[];
  /** a file to attach as the consultation's document */
  document?: string;
}

/** Records a consultation on a community page and waits until the consent status counts it. */
export async function recordConsultation(
  page: Page,
  v: ConsultationValues,
  households: number,
): Promise<void> {
  await typeDate(page, 'consultation-date', v.heldOn);
  await page.locator('#consultation-method').getByText(v.method).click();
  await page.locator('#consultation-consulted').fill(String(v.consulted));
  await page.locator('#consultation-agreeing').fill(String(v.agreeing));
  for (const label of v.agreed) await page.locator('#consultation-form').getByLabel(label).check();
  if (v.document) await page.locator('#consultation-file').setInputFiles(v.document);
  await page.locator('#consultation-save').click();
  await expect
    .poll(() => page.locator('#consent-status').innerText())
    .toContain(`同意 ${v.agreeing}/${households} 户`);
}

export interface ProgressValues {
  startDate: string;
  /** 万元 */
  investment: string;
  /** 万元 */
  fundCentral?: string;
  /** 万元 */
  fundResidents?: string;
  elevators?: number;
}

/** Fills the progress form of a community page (for the month it proposes); the caller saves. */
export async function fillProgress(page: Page, v: ProgressValues): Promise<void> {
  await typeDate(page, 'progress-start', v.startDate);
  await page.locator('#progress-investment').fill(v.investment);
  if (v.fundCentral) await page.locator('#progress-fund-central').fill(v.fundCentral);
  if (v.fundResidents) await page.locator('#progress-fund-residents').fill(v.fundResidents);
  if (v.elevators !== undefined)
    await page.locator('#progress-elevators').fill(String(v.elevators));
}

export interface PhotoValues {
  file: string;
  /** the radio's label, as shown: 改造前, 改造中, 改造后 */
  kind: string;
  lng: string;
  lat: string;
  caption: string;
}

/** Uploads a photo on a community page and waits until its card is listed. */
export async function addPhoto(page: Page, v: PhotoValues): Promise<void> {
  const cards = page.locator('#photo-list .community-photo');
  const before = await cards.count();
  await page.locator('#photo-kind').getByText(v.kind).click();
  await page.locator('#photo-lng').fill(v.lng);
  await page.locator('#photo-lat').fill(v.lat);
  await page.locator('#photo-caption').fill(v.caption);
  await page.locator('#photo-file').setInputFiles(v.file);
  await page.locator('#photo-save').click();
  await expect.poll(() => cards.count()).toBe(before + 1);
}

export interface UnitFigures {
  planCommunities: number;
  startedCommunities: number;
  startedHouseholds: number;
}

/** A unit's row in the progress page's table of units below, read as shown. */
export async function unitFigures(page: Page, unit: string): Promise<UnitFigures> {
  const table = page.locator('#progress-units');
  const row = table.locator('tbody tr').filter({ has: page.locator(`[data-unit="${unit}"]`) });
  await row.waitFor({ timeout: 30_000 });
  const headers = await table.locator('thead th').allInnerTexts();
  const cells = await row.locator('td').allInnerTexts();
  const column = (title: string) => {
    const i = headers.findIndex((h) => h.trim() === title);
    expect(i, `column ${title}`).toBeGreaterThanOrEqual(0);
    return Number(cells[i]!.replace(/[^\d]/g, ''));
  };
  return {
    planCommunities: column('计划改造小区数'),
    startedCommunities: column('新开工小区数'),
    startedHouseholds: column('新开工户数'),
  };
}

/** The same figures from the dashboard API, to cross-check what the page shows. */
export async function dashboardFigures(
  page: Page,
  scope: string,
  year: number,
  unitCode: string,
): Promise<UnitFigures | undefined> {
  return page.evaluate(
    async ({ scope, year, unitCode }) => {
      const res = await fetch(`/api/dashboard?scope=${scope}&year=${year}`);
      const { units } = (await res.json()) as { units: ({ code: string } & UnitFigures)[] };
      const u = units.find((x) => x.code === unitCode);
      return (
        u && {
          planCommunities: u.planCommunities,
          startedCommunities: u.startedCommunities,
          startedHouseholds: u.startedHouseholds,
        }
      );
    },
    { scope, year, unitCode },
  );
}

/** Clicks a province's tile on the ministry's map and waits for that province's progress page. */
export async function openProvinceTile(page: Page, short: string, code: string): Promise<void> {
  await page.getByRole('link', { name: new RegExp(`^${short} (\\d|—)`) }).click();
  await page.waitForURL(new RegExp(`/progress\\?scope=${code}`));
}

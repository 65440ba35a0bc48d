/**
 * Field staff on a phone (375 × 740, touch): the menu in a drawer, the community page without
 * sideways scrolling, a consultation and the month's progress recorded there, and photos from the
 * camera: one whose own EXIF gives when and where it was taken, one placed by the phone's location.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { withExif } from '../../server/src/test-support/exif-fixture.ts';
import { communityToStart, fillProgress, PNG, recordConsultation } from './progress-support.ts';
import { describeBrowser, useDemoServer } from './support.ts';

const PHONE = {
  viewport: { width: 375, height: 740 },
  isMobile: true,
  hasTouch: true,
  permissions: ['geolocation'],
  geolocation: { latitude: 20.0401, longitude: 110.3205 },
};

/** How far the page reaches past the screen's right edge (0: nothing to scroll sideways). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** A real JPEG, drawn and encoded by the browser itself. */
async function cameraJpeg(page: Page): Promise<Buffer> {
  const url = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 16;
    canvas.height = 12;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#6a8caf';
    g.fillRect(0, 0, 16, 12);
    return canvas.toDataURL('image/jpeg', 0.9);
  });
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}

describeBrowser('on a phone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gaizao-phone-e2e-'));

  const demo = useDemoServer();
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the menu as a drawer and fits the main pages in 375 px', async () => {
    const page = await demo.signIn('county', PHONE);
    expect(await page.locator('#app-sider').count()).toBe(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: '展开菜单' }).click();
    const drawer = page.locator('#app-drawer');
    await drawer.getByText('台账', { exact: true }).click();
    await page.waitForURL(/\/ledger$/);
    await expect.poll(() => drawer.isVisible()).toBe(false);
    for (const path of ['/ledger', '/progress', '/progress/reports']) {
      await page.goto(`${demo.url}${path}`);
      await page.waitForLoadState('networkidle');
      expect(await overflow(page), path).toBeLessThanOrEqual(0);
    }
    await page.context().close();
  });

  it('records a consultation, the month’s progress and photos with when and where they were taken', async () => {
    const page = await demo.signIn('county', PHONE);
    const today = new Date().toISOString().slice(0, 10);
    const c = await communityToStart(page, Number(today.slice(0, 4)));
    await page.goto(`${demo.url}/ledger/${c.id}`);
    await page.locator('#community-progress').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await recordConsultation(
      page,
      {
        heldOn: today,
        method: '入户走访',
        consulted: c.households,
        agreeing: Math.ceil(c.households * 0.8),
        agreed: ['改造方案', '居民出资', '后续管护'],
      },
      c.households,
    );
    await fillProgress(page, { startDate: today, investment: '12.5' });
    await page.locator('#progress-save').click();
    const records = page.locator('#progress-records .ant-table-tbody tr.ant-table-row');
    await expect.poll(() => records.count()).toBe(1);
    expect(await records.first().innerText()).toContain(today);

    // A photo from the camera, with its own time and GPS, and no position typed.
    const photo = join(dir, 'IMG_20261120_093005.jpg');
    writeFileSync(
      photo,
      withExif(await cameraJpeg(page), {
        dateTimeOriginal: '2026:11:20 09:30:05',
        lat: 20.0311,
        lng: 110.3312,
      }),
    );
    const cards = page.locator('#photo-list .community-photo');
    await page.locator('#photo-kind').getByText('改造前').click();
    await page.locator('#photo-file').setInputFiles(photo);
    await page.locator('#photo-save').click();
    await expect.poll(() => cards.count()).toBe(1);
    const first = cards.first();
    expect(await first.locator('.photo-taken').innerText()).toContain('拍摄于 2026-11-20 09:30');
    expect(await first.locator('.photo-position').innerText()).toContain(
      '110.331200, 20.031100（照片自带位置）',
    );
    await expect
      .poll(() =>
        first.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
      )
      .toBe(16);

    // A photo without GPS, placed where the phone is.
    const plain = join(dir, '施工现场.png');
    writeFileSync(plain, PNG);
    await page.locator('#photo-locate').click();
    await expect.poll(() => page.locator('#photo-lng').inputValue()).toBe('110.320500');
    expect(await page.locator('#photo-lat').inputValue()).toBe('20.040100');
    await page.locator('#photo-file').setInputFiles(plain);
    await page.locator('#photo-save').click();
    await expect.poll(() => cards.count()).toBe(2);
    const positions = await page.locator('#photo-list .photo-position').allInnerTexts();
    expect(positions.some((p) => p.includes('110.320500, 20.040100（本机定位）'))).toBe(true);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  }, 180_000);
});

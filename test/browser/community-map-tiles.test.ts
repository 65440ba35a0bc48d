/**
 * 小区分布图 with a tile service configured (MAP_TILE_URL, ADR 0005): a stand-in tile server on
 * another host serves two layers; the page draws their tiles under the points, the browser's
 * Content-Security-Policy lets them load, each request names the site's origin as referrer (as a
 * keyed service like 天地图 checks), and the caption shows the service's 审图号.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeBrowser, useDemoServer } from './support.ts';

const SHOTS = 'test-results';
/** a 1 × 1 PNG */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describeBrowser('community map with tiles', () => {
  let tiles: Server;
  let tileOrigin: string;
  const asked: { path: string; referer: string | undefined }[] = [];
  let page: Page;

  // Registered before the demo server's hooks: up before it starts, closed after it stops.
  beforeAll(async () => {
    tiles = createServer((req, res) => {
      asked.push({ path: req.url ?? '', referer: req.headers.referer });
      res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    });
    await new Promise<void>((r) => tiles.listen(0, '127.0.0.1', r));
    tileOrigin = `http://localhost:${(tiles.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => tiles?.close(r)));
  const demo = useDemoServer({
    env: () => ({
      MAP_TILE_URL: `${tileOrigin}/base/{z}/{x}/{y}.png ${tileOrigin}/labels/{z}/{x}/{y}.png?tk=k`,
      MAP_TILE_REVIEW_NO: 'GS(2000)0000号（测试）',
      MAP_TILE_ATTRIBUTION: '测试底图',
    }),
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail')
      await page?.screenshot({ path: `${SHOTS}/community-map-tiles-failed.png`, fullPage: true });
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('draws both layers of the configured tiles under the points, with the 审图号', async () => {
    page = await demo.signIn('county', { viewport: { width: 1400, height: 1000 } });
    const others: string[] = [];
    page.context().on('request', (r) => {
      const u = r.url();
      if (![demo.url, tileOrigin, 'data:'].some((o) => u.startsWith(o))) others.push(u);
    });
    await page.goto(`${demo.url}/progress/map`);
    await page.locator('#community-map a[data-status]').first().waitFor({ timeout: 30_000 });
    const images = page.locator('#community-map-page img');
    await expect.poll(() => images.count()).toBeGreaterThan(1);
    // Every tile loaded: the policy let it through and the server answered.
    await expect
      .poll(() =>
        images.evaluateAll((is) => is.every((i) => (i as HTMLImageElement).naturalWidth > 0)),
      )
      .toBe(true);
    const base = asked.filter((a) => a.path.startsWith('/base/'));
    const labels = asked.filter((a) => a.path.startsWith('/labels/'));
    expect(base.length).toBeGreaterThan(0);
    expect(labels.length).toBe(base.length);
    expect(base[0]!.path).toMatch(/^\/base\/\d+\/\d+\/\d+\.png$/);
    expect(labels[0]!.path).toMatch(/\?tk=k$/);
    expect(new Set(asked.map((a) => a.referer))).toEqual(new Set([`${demo.url}/`]));
    expect(await page.locator('#map-tile-credit').innerText()).toContain(
      '底图：测试底图，审图号：GS(2000)0000号（测试）',
    );
    expect(others).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/community-map-tiles.png`, fullPage: true });
  }, 120_000);
});

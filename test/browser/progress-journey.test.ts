/**
 * The year's progress from one community up to the ministry (issue 5, done when): `county` records
 * a consultation and a start with a photo and submits the month; `city` and `province` see the
 * roll-up move by that community and the county reported (on the month's last day, the server's
 * clock set there: a month's report opens then); `ministry` clicks a province on the map
 * and lands on its cities. The figures are read from the pages, the API only as a cross-check.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, expect, it } from 'vitest';
import { reportOpensOn } from '../../server/src/domain/monthly-report.ts';
import { defaultPeriod, periodLabel } from '../../web/src/pages/progress-reports/reportLabels.ts';
import {
  addPhoto,
  communityToStart,
  dashboardFigures,
  fillProgress,
  openProvinceTile,
  PNG,
  recordConsultation,
  unitFigures,
} from './progress-support.ts';
import { describeBrowser, useDemoServer } from './support.ts';

const SHOTS = 'test-results';

describeBrowser('progress journey', () => {
  /** the page of the step under way, for a screenshot if it fails */
  let current: Page | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'gaizao-journey-e2e-'));

  // The server's day is the last of this month, when this month's report opens (issue 13 §11).
  const period = new Date().toISOString().slice(0, 7);
  const demo = useDemoServer({ clockAt: `${reportOpensOn(period)}T12:00:00+08:00` });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail')
      await current?.screenshot({ path: `${SHOTS}/progress-journey-failed.png`, fullPage: true });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves the roll-up from a county’s start to the city, the province and the ministry', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));
    const longhuaReport = (page: Page) =>
      page.locator('#completeness-table tr[data-row-key="460106"] [data-status]');

    // Before: 龙华区 as its city sees it, 海口市 as its province sees it, this month.
    const city = (current = await demo.signIn('city'));
    await city.goto(`${demo.url}/progress?scope=460100`);
    const longhuaBefore = await unitFigures(city, '龙华区');
    expect(longhuaBefore).toEqual(await dashboardFigures(city, '460100', year, '460106'));
    expect(longhuaBefore.startedCommunities).toBeLessThan(longhuaBefore.planCommunities);
    await expect.poll(() => longhuaReport(city).getAttribute('data-status')).toBe('pending');

    const province = (current = await demo.signIn('province'));
    await province.goto(`${demo.url}/progress?scope=460000`);
    const haikouBefore = await unitFigures(province, '海口市');
    expect(haikouBefore).toEqual(await dashboardFigures(province, '460000', year, '460100'));

    // The county: a community of this year's plan not started yet, consulted above two thirds…
    const county = (current = await demo.signIn('county'));
    const c = await communityToStart(county, year);
    await county.goto(`${demo.url}/ledger/${c.id}`);
    await county.locator('#community-progress').waitFor();
    const consent = county.locator('#consent-status');
    expect(await consent.innerText()).toContain('未达到 2/3 门槛');
    const agreeing = Math.ceil(c.households * 0.8);
    await recordConsultation(
      county,
      {
        heldOn: today,
        method: '居民会议',
        consulted: c.households,
        agreeing,
        agreed: ['改造方案', '后续管护'],
      },
      c.households,
    );
    expect(await consent.innerText()).toContain('已达到 2/3 门槛');

    // …started this month, with a photo of the site…
    expect(await county.locator('#progress-period').inputValue()).toBe(periodLabel(period));
    await fillProgress(county, { startDate: today, investment: '12.5' });
    await county.locator('#progress-save').click();
    const records = county.locator('#progress-records .ant-table-tbody tr.ant-table-row');
    await expect.poll(() => records.count()).toBe(1);
    expect(await records.first().innerText()).toContain(today);
    const photo = join(dir, '开工现场.png');
    writeFileSync(photo, PNG);
    await addPhoto(county, {
      file: photo,
      kind: '改造前',
      lng: '110.3270',
      lat: '20.0220',
      caption: '开工现场',
    });

    // …and the month reported, frozen with that start.
    await county.goto(`${demo.url}/progress/reports?year=${year}&period=${period}`);
    await county.locator('#report-submit-card').waitFor();
    await county.locator('#report-submit').click();
    await county.locator('#report-submit-ok').click();
    await expect.poll(() => county.locator('#report-latest-version').innerText()).toBe('第 1 版');
    const frozen = await county.evaluate(
      async (u) => (await fetch(u)).json(),
      `/api/monthly-reports/460106/${year}/${period}/versions/1`,
    );
    expect(
      (
        frozen as { content: { communities: { id: number; startDate: string | null }[] } }
      ).content.communities.find((x) => x.id === c.id)?.startDate,
    ).toBe(today);

    // The city: 龙华区 one community (and its households) further, and reported.
    current = city;
    await city.reload();
    const longhuaAfter = await unitFigures(city, '龙华区');
    expect(longhuaAfter).toEqual({
      ...longhuaBefore,
      startedCommunities: longhuaBefore.startedCommunities + 1,
      startedHouseholds: longhuaBefore.startedHouseholds + c.households,
    });
    expect(longhuaAfter).toEqual(await dashboardFigures(city, '460100', year, '460106'));
    await expect.poll(() => longhuaReport(city).getAttribute('data-status')).toBe('on_time');
    expect(await longhuaReport(city).innerText()).toBe('按时上报');

    // The province: 海口市 one further.
    current = province;
    await province.reload();
    const haikouAfter = await unitFigures(province, '海口市');
    expect(haikouAfter).toEqual({
      ...haikouBefore,
      startedCommunities: haikouBefore.startedCommunities + 1,
      startedHouseholds: haikouBefore.startedHouseholds + c.households,
    });

    // The ministry: its home shows who reported last month, and the map leads to 海南's cities.
    const ministry = (current = await demo.signIn('ministry', {
      viewport: { width: 1400, height: 1000 },
    }));
    // (the demo has a plan in 海南 only: the other provinces are named as having nothing to report)
    await ministry.locator('#completeness-table tr[data-row-key="460000"] [data-status]').waitFor();
    expect(await ministry.locator('#completeness-without-plan').innerText()).toContain('北京市');
    expect(await ministry.locator('#completeness-panel .ant-card-head').innerText()).toContain(
      `下级单位${periodLabel(defaultPeriod())}月报报送情况`,
    );
    await ministry.locator('#province-tile-map [data-province="海南"]').waitFor();
    await openProvinceTile(ministry, '海南', '460000');
    expect(await unitFigures(ministry, '海口市')).toEqual(haikouAfter);
    for (const name of ['三亚市', '儋州市', '五指山市'])
      expect(await ministry.locator(`#progress-units [data-unit="${name}"]`).count(), name).toBe(1);
    expect(await ministry.locator('#progress-breadcrumb').innerText()).toContain('海南省');
    await ministry.screenshot({ path: `${SHOTS}/progress-journey-hainan.png`, fullPage: true });
  }, 240_000);
});

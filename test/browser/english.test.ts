/**
 * English throughout (issue 13): every route, as the accounts that use it, in English, shows no
 * Chinese outside data values (names, free text as recorded) and the official form; the choice of
 * language follows the user to another browser. ENGLISH_WALK_AREA=ledger (or declarations, plans,
 * progress, frame) walks one area only, for whoever is translating it.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { chineseOnPage, missingTranslations, settled, signInInEnglish } from './english-walk.ts';
import { DEMO_PASSWORD, describeBrowser, useDemoServer } from './support.ts';

type Area = 'frame' | 'ledger' | 'declarations' | 'plans' | 'progress';

/** A path, or how to reach a page whose address depends on data: the first link matching `link`. */
interface Stop {
  area: Area;
  path: string;
  link?: string;
}

const WALKS: { account: string; stops: Stop[] }[] = [
  {
    account: 'county',
    stops: [
      { area: 'frame', path: '/' },
      { area: 'ledger', path: '/ledger' },
      { area: 'ledger', path: '/ledger', link: '#ledger-table tbody tr.ant-table-row a' },
      { area: 'ledger', path: '/ledger/new' },
      { area: 'ledger', path: '/ledger/import' },
      { area: 'plans', path: '/plans' },
      { area: 'declarations', path: '/declarations' },
      { area: 'progress', path: '/progress' },
      { area: 'progress', path: '/progress/reports' },
      { area: 'progress', path: '/progress/map' },
      { area: 'plans', path: '/five-year' },
    ],
  },
  {
    account: 'city',
    stops: [
      { area: 'frame', path: '/' },
      { area: 'declarations', path: '/declarations' },
      // The city's page links its counties' declarations.
      { area: 'declarations', path: '/declarations', link: 'a[href^="/declarations/4"]' },
      { area: 'progress', path: '/progress/reports' },
      { area: 'progress', path: '/progress' },
    ],
  },
  {
    account: 'province',
    stops: [
      { area: 'frame', path: '/' },
      { area: 'plans', path: '/plans' },
      { area: 'plans', path: '/plans/policies' },
      { area: 'plans', path: '/plans/fiscal' },
      { area: 'declarations', path: '/declarations' },
      { area: 'progress', path: '/progress' },
      { area: 'progress', path: '/progress/reports' },
      { area: 'progress', path: '/progress/map' },
      { area: 'plans', path: '/five-year' },
      { area: 'plans', path: '/regions' },
      { area: 'frame', path: '/no-such-page' },
    ],
  },
  {
    account: 'ministry',
    stops: [
      { area: 'frame', path: '/' },
      { area: 'declarations', path: '/declarations/overview' },
      { area: 'progress', path: '/progress' },
      { area: 'plans', path: '/five-year' },
    ],
  },
  { account: 'ndrc', stops: [{ area: 'frame', path: '/' }] },
  { account: 'finance', stops: [{ area: 'frame', path: '/' }] },
  { account: 'security', stops: [{ area: 'plans', path: '/users' }] },
  { account: 'auditor', stops: [{ area: 'plans', path: '/audit' }] },
];

const only = process.env.ENGLISH_WALK_AREA as Area | undefined;

describeBrowser('English throughout', () => {
  const demo = useDemoServer({ browserArgs: ['--lang=en-US'] });

  const inEnglish = (account: string): Promise<Page> =>
    signInInEnglish(demo.browser, demo.url, account);

  it('the login page is in English', async () => {
    if (only && only !== 'frame') return;
    const page = await demo.newPage({ locale: 'en-US' });
    await page.goto(demo.url);
    await page.locator('#login-username').waitFor();
    await page.locator('#login-lang-switch').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect((await chineseOnPage(page)).join('\n')).toBe('');
    await page.context().close();
  });

  for (const { account, stops } of WALKS) {
    const mine = stops.filter((s) => !only || s.area === only);
    if (mine.length === 0) continue;
    it(`${account}: every page in English, Chinese only in data`, async () => {
      const page = await inEnglish(account);
      const found: string[] = [];
      for (const stop of mine) {
        await page.goto(`${demo.url}${stop.path}`);
        await settled(page);
        let where = stop.path;
        if (stop.link) {
          const link = page.locator(stop.link).first();
          await link.waitFor();
          where = (await link.getAttribute('href')) ?? stop.link;
          await link.click();
          await expect.poll(() => new URL(page.url()).pathname).toBe(where.split('?')[0]);
          await settled(page);
        }
        for (const text of await chineseOnPage(page)) found.push(`${where}: ${text}`);
      }
      const missing = await missingTranslations(page);
      // One line per text, all of them: whoever translates sees every one at once.
      expect(found.join('\n'), `no catalog has: ${missing.join(' | ')}`).toBe('');
      await page.context().close();
    }, 300_000);
  }

  it('keeps the choice with the account: English again in another browser', async () => {
    if (only && only !== 'frame') return;
    const first = await inEnglish('county-460107');
    await first.context().close();
    const page = await demo.newPage();
    await page.goto(demo.url);
    await page.locator('#login-username').fill('county-460107');
    await page.locator('#login-password').fill(DEMO_PASSWORD);
    await page.locator('#login-submit').click();
    await page.locator('#current-region').waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    // Back to Chinese from the header, and the next browser opens in Chinese.
    await page.locator('#lang-switch').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.locator('#current-region').waitFor();
    const third = await demo.newPage();
    await third.goto(demo.url);
    await third.locator('#login-username').fill('county-460107');
    await third.locator('#login-password').fill(DEMO_PASSWORD);
    await third.locator('#login-submit').click();
    await third.locator('#current-region').waitFor();
    expect(await third.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.context().close();
    await third.context().close();
  }, 120_000);
});

/**
 * What the English walk (english.test.ts) reads on a page: every piece of interface text still in
 * Chinese. Data values are marked `translate="no"` (web/src/i18n/Data.tsx) and the official form
 * `data-official-form`: Chinese there is what was recorded, or the notice's own headers.
 */
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './support.ts';

/** Waits until the page has settled: no spinner left, the main content drawn. */
export async function settled(page: Page): Promise<void> {
  await page.locator('main, .ant-layout-content, #login-username').first().waitFor();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
}

/** The interface text of the page, as shown or as told to a screen reader, that is Chinese. */
export function chineseOnPage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const CJK = /[\u4e00-\u9fff]/;
    // Data, the official form, and text in Chinese on purpose: the switch back to 中文 is
    // written in its own language and says so (lang="zh-CN").
    const exempt = (el: Element | null) =>
      !el ||
      el.closest('[translate="no"], [data-official-form]') !== null ||
      (el.closest('[lang]')?.getAttribute('lang') ?? '').startsWith('zh');
    const shown = (el: Element) =>
      el.checkVisibility({ opacityProperty: false, visibilityProperty: true });
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (!CJK.test(text) || !el || exempt(el) || !shown(el)) continue;
      found.add(text.slice(0, 80));
    }
    for (const el of document.body.querySelectorAll(
      '[placeholder], [aria-label], [title], [alt]',
    )) {
      if (exempt(el) || !shown(el)) continue;
      for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
        const value = el.getAttribute(name);
        if (value && CJK.test(value)) found.add(`@${name}=${value.slice(0, 80)}`);
      }
    }
    if (CJK.test(document.title)) found.add(`<title>${document.title}`);
    return [...found];
  });
}

/** The Chinese texts t() was asked for that no catalog translates (web/src/i18n/t.ts). */
export function missingTranslations(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { __gaizaoMissing?: string[] }).__gaizaoMissing ?? [],
  );
}

/**
 * A fresh browser context in English (`locale` en-US), signed in as `account` after choosing
 * English on the login page, as a user does; showing the home page.
 */
export async function signInInEnglish(
  browser: Browser,
  url: string,
  account: string,
  viewport = { width: 1400, height: 1000 },
): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'en-US', viewport })).newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(url);
  await page.locator('#login-username').waitFor();
  if ((await page.locator('html').getAttribute('lang')) !== 'en')
    await page.locator('#login-lang-switch').click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
  await page.locator('#login-username').fill(account);
  await page.locator('#login-password').fill(DEMO_PASSWORD);
  await page.locator('#login-submit').click();
  await page.locator('#current-region').waitFor();
  return page;
}

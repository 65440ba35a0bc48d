/**
 * Wide tables at a desktop's width (issue 13 §8): 月报, 进展情况, 十四五 and the plan table at 1440
 * and 1280 px. None may be cut off: the page itself never scrolls sideways, each table scrolls in
 * its own container with its first column fixed, and scrolled to the end its last column's header
 * is in view.
 */
import type { Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import { chinaMonth } from '../../web/src/pages/progress-reports/reportLabels.ts';
import { describeBrowser, useDemoServer } from './support.ts';

const SHOTS = 'test-results';

interface Fit {
  /** how far the page reaches beyond the window (0: not at all) */
  pageOverflow: number;
  /** a table wider than its room scrolls with its first column fixed (one that fits need not) */
  firstStickyIfScrolling: boolean;
  /** the last header cell, scrolled to the end, lies within the table and the window */
  lastReachable: boolean;
}

/** How a table sits in the page; `selector` names the antd Table's wrapper or an element inside it. */
async function fitOf(page: Page, selector: string): Promise<Fit & { where: string }> {
  const table = page.locator(selector).first();
  await table.locator('thead th').first().waitFor();
  await table.scrollIntoViewIfNeeded();
  return table.evaluate(async (el) => {
    const root = el.closest('.ant-table-wrapper') ?? el;
    const scroller = (root.querySelector('.ant-table-body') ??
      root.querySelector('.ant-table-content')) as HTMLElement;
    const header = [...root.querySelectorAll('thead tr:first-child th')].filter(
      (th) => !th.classList.contains('ant-table-cell-scrollbar'),
    );
    const first = header[0] as HTMLElement;
    const last = header.at(-1) as HTMLElement;
    const scrolls = scroller.scrollWidth > scroller.clientWidth;
    scroller.scrollLeft = scroller.scrollWidth;
    scroller.dispatchEvent(new Event('scroll'));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const box = root.getBoundingClientRect();
    const cell = last.getBoundingClientRect();
    const where = `last "${last.textContent}" ${Math.round(cell.left)}–${Math.round(cell.right)} in ${Math.round(box.left)}–${Math.round(box.right)} (window ${window.innerWidth}), ${scroller.className} scrolled ${scroller.scrollLeft}/${scroller.scrollWidth - scroller.clientWidth}`;
    return {
      where,
      pageOverflow: Math.max(0, document.documentElement.scrollWidth - window.innerWidth),
      firstStickyIfScrolling: !scrolls || getComputedStyle(first).position === 'sticky',
      lastReachable:
        cell.right <= Math.min(box.right, window.innerWidth) + 1 && cell.left >= box.left - 1,
    };
  });
}

describeBrowser('wide tables', () => {
  let current: Page | undefined;
  const month = chinaMonth();
  const year = Number(month.slice(0, 4));

  const demo = useDemoServer();
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail')
      await current?.screenshot({ path: `${SHOTS}/wide-tables-failed.png`, fullPage: true });
  });

  const pages: [string, string, string, string][] = [
    ['月报', 'county', `/progress/reports?year=${year}&period=${month}`, '.report-progress-table'],
    ['进展情况', 'province', `/progress?scope=460000&year=${year}`, '#progress-table'],
    ['十四五', 'province', '/five-year', '#five-year-years'],
    ['计划表', 'province', `/plans?year=${year}`, '#plan-table'],
  ];

  for (const width of [1440, 1280])
    it(`fits ${pages.map((p) => p[0]).join('、')} at ${width} px`, async () => {
      const seen: Record<string, Fit> = {};
      /** where each last header cell ended up, to read when the check fails */
      const places: string[] = [];
      for (const [name, account, path, selector] of pages) {
        const page = (current = await demo.signIn(account, {
          viewport: { width, height: 900 },
        }));
        await page.goto(`${demo.url}${path}`);
        const { where, ...fit } = await fitOf(page, selector);
        seen[name] = fit;
        places.push(`${name}: ${where}`);
        await page.context().close();
      }
      const fits = { pageOverflow: 0, firstStickyIfScrolling: true, lastReachable: true };
      expect(seen, places.join('\n')).toEqual(
        Object.fromEntries(pages.map(([name]) => [name, fits])),
      );
    }, 180_000);
});

/**
 * Accessibility: axe-core (the engine behind Lighthouse's audit) over the main pages, as the
 * accounts that use them. No serious or critical violation is allowed; lesser ones are printed so a
 * reviewer sees them. Every chart must have a text alternative (a table or a described figure).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, useDemoServer } from './support.ts';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe on the page as it stands and returns its violations. */
async function audit(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') stays in force.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

function serious(violations: Violation[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const where = v.nodes.slice(0, 3).map((n) => n.target.join(' '));
      const more = v.nodes.length > 3 ? ` 等 ${v.nodes.length} 处` : '';
      return `${v.impact} ${v.id}: ${v.help} — ${where.join(', ')}${more}`;
    });
}

/** Waits until the page has settled: no spinner left, the main content drawn. */
async function settled(page: Page): Promise<void> {
  await page.locator('main, .ant-layout-content').first().waitFor();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
}

/**
 * The charts on the page, and those without a text alternative: a chart is a canvas; its
 * alternative is an accessible name on its figure that carries the figures (a digit at least), a
 * data table it names with aria-describedby, or a data table beside it.
 */
async function chartAlternatives(page: Page): Promise<{ charts: number; bare: number }> {
  return page.evaluate(() => {
    const canvases = [...document.querySelectorAll('canvas')];
    const bare = canvases.filter((canvas) => {
      const holder = canvas.closest('[role="img"], figure');
      const name =
        holder?.getAttribute('aria-label') ?? holder?.querySelector('figcaption')?.textContent;
      const described = (holder?.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .some((id) => document.getElementById(id)?.querySelector('tbody tr'));
      const table = described || holder?.parentElement?.querySelector('table');
      return !/\d/.test(name ?? '') && !table;
    });
    return { charts: canvases.length, bare: bare.length };
  });
}

const PAGES: { account: string; paths: string[] }[] = [
  {
    account: 'county',
    paths: [
      '/',
      '/ledger',
      '/plans',
      '/declarations',
      '/progress',
      '/progress/reports',
      '/progress/map',
    ],
  },
  { account: 'city', paths: ['/', '/declarations', '/progress', '/five-year'] },
  {
    account: 'province',
    paths: ['/', '/plans', '/plans/policies', '/plans/fiscal', '/five-year', '/regions'],
  },
  { account: 'ministry', paths: ['/', '/declarations', '/progress'] },
  { account: 'security', paths: ['/users'] },
  { account: 'auditor', paths: ['/audit'] },
];

describeBrowser('无障碍检查（axe-core）', () => {
  const demo = useDemoServer();

  it('the login page has no serious or critical violation', async () => {
    const page = await demo.newPage();
    await page.goto(demo.url);
    await page.locator('#login-username').waitFor();
    expect(serious(await audit(page))).toEqual([]);
    await page.context().close();
  });

  for (const { account, paths } of PAGES) {
    it(`${account}: main pages have no serious or critical violation, and every chart has a text alternative`, async () => {
      const page = await demo.signIn(account);
      const found: string[] = [];
      let seen = 0;
      for (const path of paths) {
        await page.goto(`${demo.url}${path}`);
        await settled(page);
        for (const line of serious(await audit(page))) found.push(`${path} ${line}`);
        const { charts, bare } = await chartAlternatives(page);
        seen += charts;
        if (bare > 0) found.push(`${path}: ${bare} 个图表没有文字或表格替代`);
      }
      expect(found).toEqual([]);
      // The dashboards draw charts for these accounts; the check above looked at them.
      if (['county', 'city', 'ministry'].includes(account)) expect(seen).toBeGreaterThan(0);
      await page.context().close();
    });
  }
});

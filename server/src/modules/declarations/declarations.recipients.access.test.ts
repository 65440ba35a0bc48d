/**
 * 国家发展改革委 and 财政部 receive the provinces' plans and see or change nothing else (issue 11 §2):
 * every route the OpenAPI document lists, called as either with a province, a year and ids filled
 * in, answers 2xx only where the route is one of theirs (the declaration pages, the overview, the
 * receipt, the plan table they download, their own session and password) — so a route added later
 * that forgets its policy shows here.
 */
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { declarationWorld, Y } from './declarations.fixture.ts';

/** Routes a national recipient may use; anything else must refuse (4xx). */
const THEIRS = new Set([
  'GET /api/me',
  'POST /api/me/password',
  'POST /api/auth/logout',
  'GET /api/openapi.json',
  'GET /api/docs',
  'GET /api/declarations-overview',
  'GET /api/declarations/{unit}/{year}',
  'GET /api/declarations/{unit}/{year}/diff',
  'GET /api/declarations/{unit}/{year}/versions/{version}',
  // A submitted province's accepted versions and its submitted revision's diff (never a live one).
  'GET /api/declarations/{unit}/{year}/acceptances',
  'GET /api/declarations/{unit}/{year}/revision/diff',
  'POST /api/declarations/{unit}/{year}/receipts',
  'GET /api/notifications',
  // Their home page: their own figures, and the year being declared.
  'GET /api/home',
  'GET /api/plan-year',
  // The signed form they download (…&version=N&format=xlsx); its json carries no live checks.
  'GET /api/plan-table',
  // What anyone signed in may read: the year's rules and the blank import template.
  'GET /api/health',
  'GET /api/plan-policies',
  'GET /api/consent-thresholds',
  'GET /api/imports/template.xlsx',
]);

describeEachEngine('national recipients: access to every route', (ctx) => {
  const world = declarationWorld(ctx);
  const { u } = world;

  it('answers 4xx to ndrc-national and mof on every route but theirs', async () => {
    await world.app.ready();
    const doc = world.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const allowed: string[] = [];
    let checked = 0;
    for (const who of ['ndrc-national', 'mof']) {
      const c = u[who]!;
      for (const [path, methods] of Object.entries(doc.paths)) {
        for (const method of Object.keys(methods)) {
          const route = `${method.toUpperCase()} ${path}`;
          if (!path.startsWith('/api/') || route === 'POST /api/auth/logout') continue;
          const url =
            path
              .replace('{unit}', '460000')
              .replace('{year}', String(Y))
              .replace('{province}', '460000')
              .replace(/\{[^}]+\}/g, '1') + `?year=${Y}&province=46&region=460000&planYear=${Y}`;
          const res =
            method === 'get'
              ? await c.get(url)
              : await c.send(method.toUpperCase() as 'POST', url, {});
          if (res.statusCode < 400) allowed.push(route);
          expect(res.statusCode, `${who} ${route}`).toBeLessThan(500);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(120);
    expect([...new Set(allowed)].filter((r) => !THEIRS.has(r)).sort()).toEqual([]);
  });
});

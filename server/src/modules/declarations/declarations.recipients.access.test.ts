/**
 * 国家发展改革委 and 财政部 receive the provinces' plans and see or change nothing else (issue 11 §2):
 * every route the OpenAPI document lists, called as either with a province, a year and ids filled
 * in, answers 2xx only where the route is one of theirs (the declaration pages, the overview, the
 * receipt, the plan table they download, their own session and password) — so a route added later
 * that forgets its policy shows here. The same walk holds the security and audit administrators
 * (三员分立) to their accounts and their audit log: no plan, ledger or report data at all.
 */
import { expect, it } from 'vitest';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
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

/**
 * Routes the security administrator (accounts) and the audit administrator (the audit log) may
 * use, besides their own session: whichever of the two a route belongs to, the other is refused
 * by audit.routes.test.ts and users.routes.test.ts. The rest of what "anyone signed in" reads
 * (the year's rules, the empty import template, their notifications: none) carries no plan data.
 */
const ADMINISTRATORS = new Set([
  'GET /api/me',
  'PUT /api/me/lang',
  'POST /api/me/password',
  'GET /api/openapi.json',
  'GET /api/docs',
  'GET /api/health',
  'GET /api/users',
  'POST /api/users',
  'PATCH /api/users/{id}',
  'GET /api/audit',
  'GET /api/audit.csv',
  'GET /api/notifications',
  'GET /api/home',
  'GET /api/plan-year',
  'GET /api/plan-policies',
  'GET /api/consent-thresholds',
  'GET /api/imports/template.xlsx',
  'GET /api/regions',
]);

/** Calls every /api route of the OpenAPI document as each client; the routes answered below 400. */
async function walk(app: App, clients: Record<string, Client>) {
  await app.ready();
  const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  const allowed: string[] = [];
  let checked = 0;
  for (const [who, c] of Object.entries(clients)) {
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
  return { allowed: [...new Set(allowed)].sort(), checked };
}

describeEachEngine('national recipients: access to every route', (ctx) => {
  const world = declarationWorld(ctx);
  const { u } = world;

  it('answers 4xx to ndrc-national and mof on every route but theirs', async () => {
    const { allowed, checked } = await walk(world.app, {
      'ndrc-national': u['ndrc-national']!,
      mof: u.mof!,
    });
    expect(checked).toBeGreaterThan(120);
    expect(allowed.filter((r) => !THEIRS.has(r))).toEqual([]);
  });

  it('answers 4xx to the security and audit administrators on every route but theirs (三员分立)', async () => {
    await addUser(ctx.db.db, 'walk_security', '000000', ['security_admin']);
    await addUser(ctx.db.db, 'walk_auditor', '000000', ['audit_admin']);
    const { allowed, checked } = await walk(world.app, {
      security: await loginAs(world.app, 'walk_security'),
      auditor: await loginAs(world.app, 'walk_auditor'),
    });
    expect(checked).toBeGreaterThan(120);
    expect(allowed.filter((r) => !ADMINISTRATORS.has(r))).toEqual([]);
  });
});

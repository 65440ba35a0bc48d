/**
 * The setting of the declaration route tests (declarations.*.routes.test.ts), built afresh in each
 * file's database: 海南's 2022 project list of the worked example (test-support/data/samples), one user at each level and
 * office of the journey, and a 2022 plan-year deadline still far ahead, so "on time" can be tested.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import type { EngineContext } from '../../test-support/engines.ts';
import { assessAndPassAll } from '../../test-support/fiscal.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import { HAINAN_PROJECT_LIST } from '../../test-support/samples.ts';
import { chinaDate } from '../../../../common/china-time.ts';

const SAMPLE = HAINAN_PROJECT_LIST;
export const Y = 2022;
/** Today + n days, as a date in Beijing (YYYY-MM-DD). */
export const day = (n: number) => chinaDate(Date.now() + n * 86_400_000);

export interface DeclarationWorld {
  app: App;
  /**
   * Signed in, by name: county (龙华区), xiuying (秀英区), city (海口市), sanya (三亚市), province,
   * ndrc and finance (海南省), ministry, ndrc-national and mof (the three national recipients) and
   * admin.
   */
  u: Record<string, Client>;
}

/**
 * Registers the hooks that build the setting in `ctx`'s database and close the app; `u` is filled
 * and `app` set once beforeAll has run.
 */
export function declarationWorld(ctx: EngineContext): DeclarationWorld {
  const world: DeclarationWorld = { app: undefined as never, u: {} };
  const { u } = world;
  beforeAll(async () => {
    world.app = await buildApp({ db: ctx.db, serveWeb: false });
    await importProjectList(ctx.db.db, SYSTEM_ACTOR, SAMPLE, { dryRun: false });
    // Every city and county has its fiscal-capacity assessment passed (fiscal.routes tests test it).
    await assessAndPassAll(ctx.db.db, '460000', Y);
    const accounts: [string, string, Parameters<typeof addUser>[3]][] = [
      ['county', '460106', ['county']],
      ['xiuying', '460105', ['county']],
      ['city', '460100', ['city']],
      ['sanya', '460200', ['city']],
      ['province', '460000', ['province']],
      ['ndrc', '460000', ['province_ndrc']],
      ['finance', '460000', ['province_finance']],
      ['ministry', '000000', ['ministry']],
      // The two other national recipients of a province's plan (issue 11 §2).
      ['ndrc-national', '000000', ['ndrc_national']],
      ['mof', '000000', ['mof']],
      ['admin', '000000', ['admin']],
    ];
    for (const [name, region, roles] of accounts) {
      await addUser(ctx.db.db, name, region, roles);
      u[name] = await loginAs(world.app, name);
    }
    // Give the 2022 plan a deadline still ahead, so "on time" can be tested.
    await u.admin!.send('PUT', '/api/plan-policies/2022', {
      version: 1,
      cutoffYear: 2000,
      latestBuildYear: 2005,
      maxPostCutoffSharePercent: 15,
      deadline: '2099-06-30',
      recipients: '住房和城乡建设部、国家发展改革委、财政部',
      source: '测试',
    });
  });
  afterAll(() => world.app.close());
  return world;
}

/** A unit's declaration as `c` sees it. */
export const view = async (c: Client, unit: string) =>
  (await c.get(`/api/declarations/${unit}/${Y}`)).json();

/** Justifies every failing warning of the unit's checks, as its staff would before submitting. */
export async function justifyAll(c: Client, unit: string) {
  for (const check of (await view(c, unit)).checks)
    if (!check.passed && check.severity === 'warning')
      expect(
        (
          await c.send('PUT', `/api/declarations/${unit}/${Y}/justifications/${check.id}`, {
            text: '本地区2000年后小区比例较高，全省统筹后不超过上限',
          })
        ).statusCode,
      ).toBe(204);
}

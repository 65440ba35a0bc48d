/**
 * The setting of the five-year route tests (five-year.*.routes.test.ts), built afresh in each
 * file's database: seven communities of 海南 over the plan years 2021–2027 (two still in the
 * planning and reserve pools), four of them started through the API after their residents
 * agreed, and a user of each role that the five-year pages treat differently.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import type { EngineContext } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';

/** GET /api/five-year, as far as the tests read it. */
export interface View {
  scope: { code: string; name: string; level: string };
  hasTargets: boolean;
  canEditTargets: boolean;
  years: {
    year: number;
    target: {
      communities: number;
      households: number | null;
      source: string;
      version: number;
    } | null;
    plan: { communities: number; households: number };
    started: { communities: number; households: number };
    completed: { communities: number; households: number; before2000: number };
    startRatePercent: number | null;
    cumulative: Record<string, number | null>;
  }[];
  completion: {
    target: { communities: number; source: string; version: number } | null;
    completedBefore2000: number;
    percent: number | null;
    gap: number | null;
  };
  pools: {
    rows: {
      pool: string;
      label: string;
      projects: number;
      communities: number;
      households: number;
      before2000: number;
    }[];
    total: { communities: number; before2000: number };
    remainingYears: unknown[];
    toStart: number;
    completionGap: number | null;
    completionCoveragePercent: number | null;
  };
  green: {
    goal: { year: number; percent: number };
    citiesInScope: number;
    editableCities: { code: string; name: string }[];
    years: {
      year: number;
      citiesReporting: number;
      urbanCommunities: number;
      meetingPercent: number | null;
      meetsGoal: boolean;
    }[];
    cities: {
      code: string;
      name: string;
      year: number;
      meetingPercent: number | null;
      meetsGoal: boolean;
      version: number;
    }[];
  };
}

export interface FiveYearWorld {
  app: App;
  /** root, the country's administrator */
  admin: Client;
  /** mohurd, 部委 */
  ministry: Client;
  /** hainan, 海南省住建 */
  province: Client;
  /** hnfgw, 海南省发展改革 (a sign-off department) */
  ndrc: Client;
  /** haikou, 海口市 */
  city: Client;
  /** longhua, 龙华区 */
  county: Client;
  /** hubei, a province outside 海南 */
  hubei: Client;
}

/**
 * Registers the hooks that build the setting in `ctx`'s database and take it down; the app and the
 * clients are there once beforeAll has run.
 */
export function fiveYearWorld(ctx: EngineContext): FiveYearWorld {
  const world = {} as FiveYearWorld;
  const dir = mkdtempSync(join(tmpdir(), 'gaizao-five-year-'));
  const ids = new Map<string, number>();

  /** A start (and completion) through the API, after a consultation everyone agreed to. */
  async function progress(name: string, period: string, start: string, completion?: string) {
    const id = ids.get(name)!;
    const households = name === '滨海一村' ? 90 : name === '滨海二村' ? 60 : 40;
    const c = name === '鹿城小区' ? await loginAs(world.app, 'sanya') : world.county;
    expect(
      (
        await c.send('POST', `/api/communities/${id}/consultations`, {
          heldOn: `${start.slice(0, 4)}-01-10`,
          method: 'meeting',
          householdsConsulted: households,
          householdsAgreeing: households,
        })
      ).statusCode,
    ).toBe(201);
    const res = await c.send('PUT', `/api/communities/${id}/progress/${period}`, {
      startDate: start,
      ...(completion ? { completionDate: completion } : {}),
    });
    expect(res.statusCode, res.body).toBe(204);
  }

  beforeAll(async () => {
    world.app = await buildApp({ db: ctx.db, serveWeb: false });
    const list = join(dir, `list-${ctx.engine}.csv`);
    writeFileSync(
      list,
      [
        '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度',
        '460106,滨海一村,1990,5,90,7000,200,2021',
        '460106,滨海二村,1992,4,60,5000,150,2021',
        '460106,新区三村,2003,2,40,3000,90,2022',
        '460106,龙华四村,1985,2,30,2000,60,2023',
        '460106,龙华五村,1988,1,20,1500,40,2026',
        '460106,龙华六村,1995,1,10,800,20,2027',
        '460202,鹿城小区,1995,3,40,2500,80,2022',
      ].join('\n'),
    );
    expect(
      (await importProjectList(ctx.db.db, SYSTEM_ACTOR, list, { dryRun: false })).errors,
    ).toEqual([]);
    for (const c of await ctx.db.db.selectFrom('communities').select(['id', 'name']).execute())
      ids.set(c.name, c.id);
    // The pools are the ledger's business (projects API); here they are only the setting.
    const move = async (name: string, pool: 'planning' | 'reserve') =>
      ctx.db.db
        .updateTable('projects')
        .set({ pool })
        .where('id', 'in', (e) =>
          e
            .selectFrom('project_communities')
            .select('project_id')
            .where('community_id', '=', ids.get(name)!),
        )
        .execute();
    await move('龙华五村', 'planning');
    await move('龙华六村', 'reserve');

    await addUser(ctx.db.db, 'root', '000000', ['admin']);
    await addUser(ctx.db.db, 'mohurd', '000000', ['ministry']);
    await addUser(ctx.db.db, 'hainan', '460000', ['province']);
    await addUser(ctx.db.db, 'hnfgw', '460000', ['province_ndrc']);
    await addUser(ctx.db.db, 'haikou', '460100', ['city']);
    await addUser(ctx.db.db, 'sanya', '460200', ['city']);
    await addUser(ctx.db.db, 'longhua', '460106', ['county']);
    await addUser(ctx.db.db, 'hubei', '420000', ['province']);
    world.admin = await loginAs(world.app, 'root');
    world.ministry = await loginAs(world.app, 'mohurd');
    world.province = await loginAs(world.app, 'hainan');
    world.ndrc = await loginAs(world.app, 'hnfgw');
    world.city = await loginAs(world.app, 'haikou');
    world.county = await loginAs(world.app, 'longhua');
    world.hubei = await loginAs(world.app, 'hubei');

    await progress('滨海一村', '2021-12', '2021-05-10', '2021-12-20');
    await progress('滨海二村', '2021-12', '2021-06-01');
    await progress('新区三村', '2022-11', '2022-04-01', '2022-11-30');
    await progress('鹿城小区', '2022-08', '2022-08-08');
  });
  afterAll(async () => {
    await world.app.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return world;
}

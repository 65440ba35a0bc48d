import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaizao-five-year-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface View {
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

describeEachEngine('five-year view', (ctx) => {
  let app: App;
  let admin: Client;
  let ministry: Client;
  let province: Client;
  let ndrc: Client;
  let city: Client;
  let county: Client;
  let hubei: Client;
  const ids = new Map<string, number>();

  /** A start (and completion) through the API, after a consultation everyone agreed to. */
  async function progress(name: string, period: string, start: string, completion?: string) {
    const id = ids.get(name)!;
    const households = name === '滨海一村' ? 90 : name === '滨海二村' ? 60 : 40;
    const c = name === '鹿城小区' ? await loginAs(app, 'sanya') : county;
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
    app = await buildApp({ db: ctx.db, serveWeb: false });
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
    admin = await loginAs(app, 'root');
    ministry = await loginAs(app, 'mohurd');
    province = await loginAs(app, 'hainan');
    ndrc = await loginAs(app, 'hnfgw');
    city = await loginAs(app, 'haikou');
    county = await loginAs(app, 'longhua');
    hubei = await loginAs(app, 'hubei');

    await progress('滨海一村', '2021-12', '2021-05-10', '2021-12-20');
    await progress('滨海二村', '2021-12', '2021-06-01');
    await progress('新区三村', '2022-11', '2022-04-01', '2022-11-30');
    await progress('鹿城小区', '2022-08', '2022-08-08');
  });
  afterAll(() => app.close());

  describe('GET /api/five-year', () => {
    it('answers 401 without a session, 403 to the sign-off departments, 404 outside the subtree, 400 on a bad code', async () => {
      expect((await app.inject({ method: 'GET', url: '/api/five-year' })).statusCode).toBe(401);
      const refused = await ndrc.get('/api/five-year');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.message).toBe('没有查看十四五目标与进展的权限');
      expect((await city.get('/api/five-year?scope=460000')).statusCode).toBe(404);
      expect((await hubei.get('/api/five-year?scope=460100')).statusCode).toBe(404);
      expect((await province.get('/api/five-year?scope=999999')).statusCode).toBe(404);
      const bad = await province.get('/api/five-year?scope=46');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toMatch(/^scope：地区代码应为6位/);
    });

    it('shows the national targets of the notice, seeded with their sources, to the ministry', async () => {
      const v = (await ministry.get('/api/five-year')).json() as View;
      expect(v.scope).toEqual({ code: '000000', name: '全国', level: 'country' });
      expect(v.canEditTargets).toBe(false);
      expect(v.years.map((y) => y.target?.communities)).toEqual([
        53_000, 51_000, 53_000, 54_000, 25_000,
      ]);
      expect(v.years.map((y) => y.target?.households ?? null)).toEqual([
        null,
        8_400_000,
        8_650_000,
        null,
        null,
      ]);
      expect(v.years[0]!.target!.source).toMatch(/^建办城〔2021〕28号.*5\.3万个/);
      expect(v.years[1]!.target!.source).toMatch(/\[VERIFIED\] http/);
      expect(v.years.map((y) => y.cumulative.target)).toEqual([
        53_000, 104_000, 157_000, 211_000, 236_000,
      ]);
      expect(v.completion.target).toMatchObject({ communities: 219_000 });
      expect(v.completion.target!.source).toMatch(/约21\.9万个/);
      expect(v.green.goal).toEqual({ year: 2021, percent: 25, source: expect.any(String) });
    });

    it('counts plan, starts and completions by plan year, cumulated, from the ledger and the progress records', async () => {
      const v = (await province.get('/api/five-year')).json() as View;
      expect(v.scope.code).toBe('460000');
      expect(v.hasTargets).toBe(true);
      expect(v.canEditTargets).toBe(true);
      expect(v.years.map((y) => [y.year, y.plan, y.started, y.completed])).toEqual([
        [
          2021,
          { communities: 2, households: 150 },
          { communities: 2, households: 150 },
          { communities: 1, households: 90, before2000: 1 },
        ],
        [
          2022,
          { communities: 2, households: 80 },
          { communities: 2, households: 80 },
          // 新区三村 was built in 2003: completed, but not one of the 2000年底前 communities
          { communities: 1, households: 40, before2000: 0 },
        ],
        [
          2023,
          { communities: 1, households: 30 },
          { communities: 0, households: 0 },
          { communities: 0, households: 0, before2000: 0 },
        ],
        [
          2024,
          { communities: 0, households: 0 },
          { communities: 0, households: 0 },
          { communities: 0, households: 0, before2000: 0 },
        ],
        [
          2025,
          { communities: 0, households: 0 },
          { communities: 0, households: 0 },
          { communities: 0, households: 0, before2000: 0 },
        ],
      ]);
      expect(v.years.map((y) => y.cumulative)).toEqual([
        { target: null, plan: 2, started: 2, completed: 1, completedBefore2000: 1 },
        { target: null, plan: 4, started: 4, completed: 2, completedBefore2000: 1 },
        { target: null, plan: 5, started: 4, completed: 2, completedBefore2000: 1 },
        { target: null, plan: 5, started: 4, completed: 2, completedBefore2000: 1 },
        { target: null, plan: 5, started: 4, completed: 2, completedBefore2000: 1 },
      ]);
      // A city sees its own communities only.
      const haikou = (await city.get('/api/five-year')).json() as View;
      expect(haikou.years.map((y) => y.plan.communities)).toEqual([2, 1, 1, 0, 0]);
      const longhua = (await county.get('/api/five-year')).json() as View;
      expect([longhua.hasTargets, longhua.canEditTargets]).toEqual([false, false]);
    });

    it('counts the communities not yet started in each pool, against what remains', async () => {
      const v = (await province.get('/api/five-year')).json() as View;
      expect(v.pools.rows).toEqual([
        {
          pool: 'implement',
          label: '实施',
          projects: 1,
          communities: 1,
          households: 30,
          before2000: 1,
        },
        {
          pool: 'planning',
          label: '谋划',
          projects: 1,
          communities: 1,
          households: 20,
          before2000: 1,
        },
        {
          pool: 'reserve',
          label: '储备',
          projects: 1,
          communities: 1,
          households: 10,
          before2000: 1,
        },
      ]);
      expect(v.pools.total).toMatchObject({ communities: 3, before2000: 3 });
      // These tests run after 2025: the period is over, nothing is left to start in it.
      expect(v.pools.remainingYears).toEqual([]);
      expect(v.pools.toStart).toBe(0);
      expect(v.pools.completionGap).toBeNull(); // 海南 has set no completion target yet
    });
  });

  describe('PUT /api/five-year/targets/:code/:year', () => {
    const url = '/api/five-year/targets';
    it('answers 401 without a session and 403 without the CSRF header', async () => {
      const res = await app.inject({
        method: 'PUT',
        url: `${url}/460000/2021`,
        payload: { communities: 1 },
      });
      expect(res.statusCode).toBe(401);
      const noCsrf = await app.inject({
        method: 'PUT',
        url: `${url}/460000/2021`,
        headers: { cookie: province.cookie },
        payload: { communities: 1 },
      });
      expect(noCsrf.statusCode).toBe(403);
    });

    it('lets only the owner set a target: 403 for others, 404 outside the subtree', async () => {
      const body = { communities: 2 };
      for (const c of [county, ndrc, ministry])
        expect((await c.send('PUT', `${url}/460000/2021`, body)).statusCode).toBe(403);
      // the national targets are the country administrator's
      expect((await province.send('PUT', `${url}/000000/2021`, body)).statusCode).toBe(404);
      // a city's targets are the city's own, not the province's to set
      const cityOwn = await province.send('PUT', `${url}/460100/2021`, body);
      expect(cityOwn.statusCode).toBe(403);
      expect(cityOwn.json().error.message).toBe('海口市的目标由本市住房和城乡建设部门设置');
      expect((await city.send('PUT', `${url}/460000/2021`, body)).statusCode).toBe(404);
      expect((await city.send('PUT', `${url}/460200/2021`, body)).statusCode).toBe(404);
      expect((await hubei.send('PUT', `${url}/460000/2021`, body)).statusCode).toBe(404);
    });

    it('refuses bad targets with the reason in Chinese', async () => {
      const cases: [string, unknown, RegExp][] = [
        [`${url}/460000/2030`, { communities: 2 }, /年度应在2021—2025年之间/],
        [`${url}/460000/2021`, { communities: -1 }, /新开工改造小区数应为不小于0的整数/],
        [`${url}/460000/2021`, { communities: 10, households: 9 }, /户数（9）不能少于小区数（10）/],
        [`${url}/460000/2021`, { communities: 'many' }, /^communities：/],
        [`${url}/460106/2021`, { communities: 1 }, /区县级单位不单独设置/],
      ];
      for (const [u, body, message] of cases) {
        const res = await province.send('PUT', u, body);
        expect(res.statusCode, u).toBe(400);
        expect(res.json().error.message).toMatch(message);
      }
      const bad = await province.send('PUT', `${url}/460000/2021`, {
        communities: 10,
        households: 9,
      });
      expect(bad.json().error.details).toEqual([
        { path: 'households', message: '户数（9）不能少于小区数（10）：每个小区至少有1户' },
      ]);
    });

    it('sets province, city and national targets, versioned, and shows them against the ledger', async () => {
      const first = await province.send('PUT', `${url}/460000/2021`, {
        communities: 2,
        households: 160,
        source: '海南省十四五城镇老旧小区改造规划',
      });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toEqual({ version: 1 });
      // an existing target changes only from the version its editor saw
      expect(
        (await province.send('PUT', `${url}/460000/2021`, { communities: 2 })).statusCode,
      ).toBe(409);
      expect(
        (await province.send('PUT', `${url}/460000/2021`, { communities: 2, version: 1 })).json(),
      ).toEqual({ version: 2 });
      expect(
        (await province.send('PUT', `${url}/460000/2022`, { communities: 3 })).statusCode,
      ).toBe(200);
      expect((await city.send('PUT', `${url}/460100/2021`, { communities: 2 })).statusCode).toBe(
        200,
      );
      const v = (await province.get('/api/five-year')).json() as View;
      expect(v.years.map((y) => y.target?.communities ?? null)).toEqual([2, 3, null, null, null]);
      expect(v.years.map((y) => y.startRatePercent)).toEqual([100, 66.7, null, null, null]);
      expect(v.years.map((y) => y.cumulative.target)).toEqual([2, 5, null, null, null]);
      expect(v.years[0]!.target).toMatchObject({ households: null, source: '', version: 2 });

      const national = await admin.send('PUT', `${url}/000000/2021`, {
        communities: 53_000,
        source: '建办城〔2021〕28号',
        version: 1,
      });
      expect(national.json()).toEqual({ version: 2 });
      const audit = await ctx.db.db
        .selectFrom('audit_log')
        .select(['actor_username', 'target'])
        .where('action', '=', 'five_year.start_target')
        .orderBy('id')
        .execute();
      expect(audit.map((a) => `${a.actor_username} ${a.target}`)).toEqual([
        'hainan 460000/2021',
        'hainan 460000/2021',
        'hainan 460000/2022',
        'haikou 460100/2021',
        'root 000000/2021',
      ]);
    });
  });

  describe('PUT /api/five-year/completion-targets/:code', () => {
    const url = '/api/five-year/completion-targets';
    it('walks 401 → 403/404 → 400 → 200', async () => {
      expect(
        (await app.inject({ method: 'PUT', url: `${url}/460000`, payload: { communities: 4 } }))
          .statusCode,
      ).toBe(401);
      expect((await county.send('PUT', `${url}/460000`, { communities: 4 })).statusCode).toBe(403);
      const national = await ministry.send('PUT', `${url}/000000`, { communities: 4 });
      expect(national.statusCode).toBe(403);
      expect((await city.send('PUT', `${url}/460000`, { communities: 4 })).statusCode).toBe(404);
      const bad = await province.send('PUT', `${url}/460000`, { communities: -4 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toBe('完成改造小区数应为不小于0的整数');
      expect(
        (await province.send('PUT', `${url}/460000`, { communities: 4, source: '省规划' })).json(),
      ).toEqual({ version: 1 });
      const v = (await province.get('/api/five-year')).json() as View;
      expect(v.completion).toMatchObject({
        target: { communities: 4, source: '省规划', version: 1 },
        completedBefore2000: 1,
        percent: 25,
        gap: 3,
      });
      // the three communities not yet started, all built before 2000, cover the gap exactly
      expect(v.pools.completionGap).toBe(3);
      expect(v.pools.completionCoveragePercent).toBe(100);
      expect(
        (await admin.send('PUT', `${url}/000000`, { communities: 219_000, version: 1 })).json(),
      ).toEqual({ version: 2 });
    });
  });

  describe('PUT /api/five-year/green-communities/:code/:year', () => {
    const url = '/api/five-year/green-communities';
    const ok = { urbanCommunities: 400, participating: 150, meeting: 100 };
    it('walks 401 → 403 → 404', async () => {
      expect(
        (await app.inject({ method: 'PUT', url: `${url}/460100/2021`, payload: ok })).statusCode,
      ).toBe(401);
      for (const c of [county, ndrc, ministry])
        expect((await c.send('PUT', `${url}/460100/2021`, ok)).statusCode).toBe(403);
      expect((await city.send('PUT', `${url}/460200/2021`, ok)).statusCode).toBe(404);
      expect((await hubei.send('PUT', `${url}/460100/2021`, ok)).statusCode).toBe(404);
    });

    it('refuses impossible figures with the reason in Chinese', async () => {
      const cases: [string, unknown, string][] = [
        [
          `${url}/460100/2021`,
          { urbanCommunities: 100, participating: 101, meeting: 0 },
          '参与创建的社区数（101）不能超过城市社区总数（100）',
        ],
        [
          `${url}/460100/2021`,
          { urbanCommunities: 100, participating: 50, meeting: 51 },
          '达到创建要求的社区数（51）不能超过参与创建的社区数（50）',
        ],
        [`${url}/460100/2020`, ok, '年度应在2021—2025年之间（十四五时期），收到 2020'],
        [`${url}/460106/2021`, ok, '绿色社区创建情况按地级单位（市、州、盟）填报'],
        [`${url}/460000/2021`, ok, '绿色社区创建情况按地级单位（市、州、盟）填报'],
      ];
      for (const [u, body, message] of cases) {
        const res = await province.send('PUT', u, body);
        expect(res.statusCode, u).toBe(400);
        expect(res.json().error.message).toBe(message);
      }
    });

    it('takes a city’s own figures and its province’s, and compares exact counts with the 25 % goal', async () => {
      expect((await city.send('PUT', `${url}/460100/2021`, ok)).json()).toEqual({ version: 1 });
      expect(
        (
          await province.send('PUT', `${url}/460200/2021`, {
            urbanCommunities: 401,
            participating: 150,
            meeting: 100,
            source: '三亚市住建局报送',
          })
        ).json(),
      ).toEqual({ version: 1 });
      expect((await province.send('PUT', `${url}/460100/2021`, ok)).statusCode).toBe(409);
      expect(
        (
          await province.send('PUT', `${url}/460100/2021`, { ...ok, meeting: 100, version: 1 })
        ).json(),
      ).toEqual({ version: 2 });

      const v = (await province.get('/api/five-year')).json() as View;
      expect(v.green.cities.map((c) => [c.name, c.year, c.meetingPercent, c.meetsGoal])).toEqual([
        ['海口市', 2021, 25, true], // 100/400: exactly 25 %, and 25%以上 includes it
        ['三亚市', 2021, 24.9, false],
      ]);
      // 200 of 801 rounds to 25.0 %, yet falls short of 25 %: the goal is judged on exact counts
      expect(v.green.years[0]).toMatchObject({
        year: 2021,
        citiesReporting: 2,
        urbanCommunities: 801,
        meetingPercent: 25,
        meetsGoal: false,
      });
      expect(v.green.editableCities.map((c) => c.code)).toContain('460200');
      const haikou = (await city.get('/api/five-year')).json() as View;
      expect(haikou.green.editableCities.map((c) => c.code)).toEqual(['460100']);
      expect(haikou.green.cities.map((c) => c.code)).toEqual(['460100']);
      expect(haikou.green.citiesInScope).toBe(1);
      const longhua = (await county.get('/api/five-year')).json() as View;
      expect([longhua.green.cities, longhua.green.editableCities]).toEqual([[], []]);
    });
  });
});

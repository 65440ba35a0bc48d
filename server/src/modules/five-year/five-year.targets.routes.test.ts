// Setting the 十四五 targets: the yearly start targets and the completion target, by whom, with
// which checks, versioned and audited.
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { fiveYearWorld, type View } from './five-year.fixture.ts';

describeEachEngine('five-year targets', (ctx) => {
  const world = fiveYearWorld(ctx);

  describe('PUT /api/five-year/targets/:code/:year', () => {
    const url = '/api/five-year/targets';
    it('answers 401 without a session and 403 without the CSRF header', async () => {
      const res = await world.app.inject({
        method: 'PUT',
        url: `${url}/460000/2021`,
        payload: { communities: 1 },
      });
      expect(res.statusCode).toBe(401);
      const noCsrf = await world.app.inject({
        method: 'PUT',
        url: `${url}/460000/2021`,
        headers: { cookie: world.province.cookie },
        payload: { communities: 1 },
      });
      expect(noCsrf.statusCode).toBe(403);
    });

    it('lets only the owner set a target: 403 for others, 404 outside the subtree', async () => {
      const body = { communities: 2 };
      for (const c of [world.county, world.ndrc, world.ministry])
        expect((await c.send('PUT', `${url}/460000/2021`, body)).statusCode).toBe(403);
      // the national targets are the country administrator's
      expect((await world.province.send('PUT', `${url}/000000/2021`, body)).statusCode).toBe(404);
      // a city's targets are the city's own, not the province's to set
      const cityOwn = await world.province.send('PUT', `${url}/460100/2021`, body);
      expect(cityOwn.statusCode).toBe(403);
      expect(cityOwn.json().error.message).toBe('海口市的目标由本市住房和城乡建设部门设置');
      expect((await world.city.send('PUT', `${url}/460000/2021`, body)).statusCode).toBe(404);
      expect((await world.city.send('PUT', `${url}/460200/2021`, body)).statusCode).toBe(404);
      expect((await world.hubei.send('PUT', `${url}/460000/2021`, body)).statusCode).toBe(404);
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
        const res = await world.province.send('PUT', u, body);
        expect(res.statusCode, u).toBe(400);
        expect(res.json().error.message).toMatch(message);
      }
      const bad = await world.province.send('PUT', `${url}/460000/2021`, {
        communities: 10,
        households: 9,
      });
      expect(bad.json().error.details).toEqual([
        { path: 'households', message: '户数（9）不能少于小区数（10）：每个小区至少有1户' },
      ]);
    });

    it('sets province, city and national targets, versioned, and shows them against the ledger', async () => {
      const first = await world.province.send('PUT', `${url}/460000/2021`, {
        communities: 2,
        households: 160,
        source: '海南省十四五城镇老旧小区改造规划',
      });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toEqual({ version: 1 });
      // an existing target changes only from the version its editor saw
      expect(
        (await world.province.send('PUT', `${url}/460000/2021`, { communities: 2 })).statusCode,
      ).toBe(409);
      expect(
        (
          await world.province.send('PUT', `${url}/460000/2021`, { communities: 2, version: 1 })
        ).json(),
      ).toEqual({ version: 2 });
      expect(
        (await world.province.send('PUT', `${url}/460000/2022`, { communities: 3 })).statusCode,
      ).toBe(200);
      expect(
        (await world.city.send('PUT', `${url}/460100/2021`, { communities: 2 })).statusCode,
      ).toBe(200);
      const v = (await world.province.get('/api/five-year')).json() as View;
      expect(v.years.map((y) => y.target?.communities ?? null)).toEqual([2, 3, null, null, null]);
      expect(v.years.map((y) => y.startRatePercent)).toEqual([100, 66.7, null, null, null]);
      expect(v.years.map((y) => y.cumulative.target)).toEqual([2, 5, null, null, null]);
      expect(v.years[0]!.target).toMatchObject({ households: null, source: '', version: 2 });

      const national = await world.admin.send('PUT', `${url}/000000/2021`, {
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
        (
          await world.app.inject({
            method: 'PUT',
            url: `${url}/460000`,
            payload: { communities: 4 },
          })
        ).statusCode,
      ).toBe(401);
      expect((await world.county.send('PUT', `${url}/460000`, { communities: 4 })).statusCode).toBe(
        403,
      );
      const national = await world.ministry.send('PUT', `${url}/000000`, { communities: 4 });
      expect(national.statusCode).toBe(403);
      expect((await world.city.send('PUT', `${url}/460000`, { communities: 4 })).statusCode).toBe(
        404,
      );
      const bad = await world.province.send('PUT', `${url}/460000`, { communities: -4 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toBe('完成改造小区数应为不小于0的整数');
      expect(
        (
          await world.province.send('PUT', `${url}/460000`, { communities: 4, source: '省规划' })
        ).json(),
      ).toEqual({ version: 1 });
      const v = (await world.province.get('/api/five-year')).json() as View;
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
        (
          await world.admin.send('PUT', `${url}/000000`, { communities: 219_000, version: 1 })
        ).json(),
      ).toEqual({ version: 2 });
    });
  });
});

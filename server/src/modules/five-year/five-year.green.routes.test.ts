// 绿色社区创建: a city’s figures, entered by the city or its province, against the 25 % goal.
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { fiveYearWorld, type View } from './five-year.fixture.ts';

describeEachEngine('five-year green communities', (ctx) => {
  const world = fiveYearWorld(ctx);

  describe('PUT /api/five-year/green-communities/:code/:year', () => {
    const url = '/api/five-year/green-communities';
    const ok = { urbanCommunities: 400, participating: 150, meeting: 100 };
    it('walks 401 → 403 → 404', async () => {
      expect(
        (await world.app.inject({ method: 'PUT', url: `${url}/460100/2021`, payload: ok }))
          .statusCode,
      ).toBe(401);
      for (const c of [world.county, world.ndrc, world.ministry])
        expect((await c.send('PUT', `${url}/460100/2021`, ok)).statusCode).toBe(403);
      expect((await world.city.send('PUT', `${url}/460200/2021`, ok)).statusCode).toBe(404);
      expect((await world.hubei.send('PUT', `${url}/460100/2021`, ok)).statusCode).toBe(404);
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
        const res = await world.province.send('PUT', u, body);
        expect(res.statusCode, u).toBe(400);
        expect(res.json().error.message).toBe(message);
      }
    });

    it('takes a city’s own figures and its province’s, and compares exact counts with the 25 % goal', async () => {
      expect((await world.city.send('PUT', `${url}/460100/2021`, ok)).json()).toEqual({
        version: 1,
      });
      expect(
        (
          await world.province.send('PUT', `${url}/460200/2021`, {
            urbanCommunities: 401,
            participating: 150,
            meeting: 100,
            source: '三亚市住建局报送',
          })
        ).json(),
      ).toEqual({ version: 1 });
      expect((await world.province.send('PUT', `${url}/460100/2021`, ok)).statusCode).toBe(409);
      expect(
        (
          await world.province.send('PUT', `${url}/460100/2021`, {
            ...ok,
            meeting: 100,
            version: 1,
          })
        ).json(),
      ).toEqual({ version: 2 });

      const v = (await world.province.get('/api/five-year')).json() as View;
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
      const haikou = (await world.city.get('/api/five-year')).json() as View;
      expect(haikou.green.editableCities.map((c) => c.code)).toEqual(['460100']);
      expect(haikou.green.cities.map((c) => c.code)).toEqual(['460100']);
      expect(haikou.green.citiesInScope).toBe(1);
      const longhua = (await world.county.get('/api/five-year')).json() as View;
      expect([longhua.green.cities, longhua.green.editableCities]).toEqual([[], []]);
    });
  });
});

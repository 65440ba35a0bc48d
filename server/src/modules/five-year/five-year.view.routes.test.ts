// GET /api/five-year: the targets, the plan year by year against the ledger and the progress
// records, and what is left in the pools, as each role and region sees them.
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { fiveYearWorld, type View } from './five-year.fixture.ts';

describeEachEngine('five-year view', (ctx) => {
  const world = fiveYearWorld(ctx);

  describe('GET /api/five-year', () => {
    it('answers 401 without a session, 403 to the sign-off departments, 404 outside the subtree, 400 on a bad code', async () => {
      expect((await world.app.inject({ method: 'GET', url: '/api/five-year' })).statusCode).toBe(
        401,
      );
      const refused = await world.ndrc.get('/api/five-year');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.message).toBe('没有查看十四五目标与进展的权限');
      expect((await world.city.get('/api/five-year?scope=460000')).statusCode).toBe(404);
      expect((await world.hubei.get('/api/five-year?scope=460100')).statusCode).toBe(404);
      expect((await world.province.get('/api/five-year?scope=999999')).statusCode).toBe(404);
      const bad = await world.province.get('/api/five-year?scope=46');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toMatch(/^scope：地区代码应为6位/);
    });

    it('shows the national targets of the notice, seeded with their sources, to the ministry', async () => {
      const v = (await world.ministry.get('/api/five-year')).json() as View;
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
      // Where the figure was published, in words a reader knows; no working notes (0037).
      expect(v.years[1]!.target!.source).toBe(
        '全国2022年计划改造5.1万个、840万户（住房和城乡建设部年度计划，据2023年2月新闻报道）',
      );
      expect(v.years.map((y) => y.target!.source).join('')).not.toMatch(/brief|VERIFIED|http/);
      expect(v.years.map((y) => y.cumulative.target)).toEqual([
        53_000, 104_000, 157_000, 211_000, 236_000,
      ]);
      expect(v.completion.target).toMatchObject({ communities: 219_000 });
      expect(v.completion.target!.source).toMatch(/约21\.9万个/);
      expect(v.green.goal).toEqual({ year: 2021, percent: 25, source: expect.any(String) });
    });

    it('counts plan, starts and completions by plan year, cumulated, from the ledger and the progress records', async () => {
      const v = (await world.province.get('/api/five-year')).json() as View;
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
      const haikou = (await world.city.get('/api/five-year')).json() as View;
      expect(haikou.years.map((y) => y.plan.communities)).toEqual([2, 1, 1, 0, 0]);
      const longhua = (await world.county.get('/api/five-year')).json() as View;
      expect([longhua.hasTargets, longhua.canEditTargets]).toEqual([false, false]);
    });

    it('counts the communities not yet started in each pool, against what remains', async () => {
      const v = (await world.province.get('/api/five-year')).json() as View;
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
});

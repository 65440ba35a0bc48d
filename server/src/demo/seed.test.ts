// The demo as `npm start` seeds it (issue 13 §3–5): an account for every unit that declares, the
// chain left open for 海口市 only, 十四五's history in the five-year view, and people named by
// their unit and display name.
import { expect, it } from 'vitest';
import { DECLARER_ROLE } from '../domain/declaration.ts';
import { toActor } from '../modules/auth/auth.service.ts';
import { declarationView } from '../modules/declarations/declarations.service.ts';
import { fiveYearView } from '../modules/five-year/five-year.service.ts';
import { historyOf } from '../modules/ledger/history.repository.ts';
import { reportHistory } from '../modules/reports/monthly-reports.service.ts';
import { findUserByUsername } from '../modules/users/users.repository.ts';
import { describeEachEngine } from '../test-support/engines.ts';
import { DEMO_PLAN_YEAR, DEMO_PROVINCE, seedDemo, seedDemoLedger } from './seed.ts';

/** A fixed day of the year before the demo's plan year (the demo's clock follows the real one). */
const NOW = new Date(Date.UTC(DEMO_PLAN_YEAR - 1, 5, 15, 2));

describeEachEngine('demo seed', (ctx) => {
  const actor = async (username: string) =>
    toActor((await findUserByUsername(ctx.db.db, username))!);

  it('seeds an account for every declaring unit, and leaves only 海口市 to declare', async () => {
    const db = ctx.db.db;
    expect(await seedDemo(db, NOW)).toBe(true);
    expect(await seedDemoLedger(db, NOW)).toBe(500);
    const province = await declarationView(
      db,
      await actor('province'),
      DEMO_PROVINCE,
      DEMO_PLAN_YEAR,
    );
    const declaring = province.children.filter((c) => c.communities > 0);
    expect(declaring).toHaveLength(18);
    for (const c of declaring) {
      const city = await db
        .selectFrom('users')
        .select(['username', 'display_name'])
        .where('region_code', '=', c.code)
        .execute();
      expect(city, c.name).toHaveLength(1);
      expect(city[0]!.display_name).toBe(`${c.name}住房和城乡建设局`);
      const view = await declarationView(
        db,
        await actor(city[0]!.username),
        c.code,
        DEMO_PLAN_YEAR,
      );
      expect(view.side, c.name).toBe('self');
      for (const county of view.children.filter((x) => x.communities > 0)) {
        const self = await db
          .selectFrom('users as u')
          .innerJoin('user_roles as r', 'r.user_id', 'u.id')
          .select(['u.username', 'u.display_name'])
          .where('u.region_code', '=', county.code)
          .where('r.role', '=', DECLARER_ROLE.county)
          .execute();
        expect(self.map((u) => u.display_name)).toEqual([
          `${c.name}${county.name}住房和城乡建设局`,
        ]);
      }
      // Every unit but 海口市 (and its districts) has declared, accepted by the province.
      expect(c.state, c.name).toBe(c.code === '460100' ? 'draft' : 'accepted');
    }
    expect((await findUserByUsername(db, 'county-460105'))?.display_name).toBe(
      '海口市秀英区住房和城乡建设局',
    );
    expect(await findUserByUsername(db, 'county-460106')).toBeUndefined(); // 龙华区 is `county`
  }, 240_000);

  it('gives the five-year view a real period: plans, starts, completions and targets in 2021–2025', async () => {
    const v = await fiveYearView(ctx.db.db, await actor('province'), DEMO_PROVINCE, NOW);
    for (const y of v.years) {
      expect(y.plan.communities, String(y.year)).toBeGreaterThanOrEqual(30);
      expect(y.started.communities, String(y.year)).toBe(y.plan.communities);
      expect(y.completed.communities, String(y.year)).toBeGreaterThan(y.plan.communities / 2);
      expect(y.target?.communities, String(y.year)).toBeGreaterThan(0);
    }
    expect(v.completion.target?.communities).toBe(180);
    // Every unit with urban 社区 (not 三沙市) has its green-community figures.
    expect(new Set(v.green.cities.map((r) => r.code)).size).toBe(18);
    expect(v.green.years.at(-1)!.citiesReporting).toBe(17); // 海口市 enters 2025 itself
  }, 60_000);

  it('names people by unit and display name: the declaration events, the ledger history', async () => {
    const db = ctx.db.db;
    const sanya = await declarationView(db, await actor('province'), '460200', DEMO_PLAN_YEAR);
    const who = sanya.events.map((e) => sanya.people[e.username]);
    expect(who).toContain('三亚市住房和城乡建设局');
    expect(who).toContain('海南省住房和城乡建设厅');
    const reports = await reportHistory(db, await actor('city'), '460106', NOW.getUTCFullYear());
    expect(Object.values(reports.people)).toContain('海口市龙华区住房和城乡建设局');
    const c = await db
      .selectFrom('communities')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const [imported] = await historyOf(db, 'community', c.id);
    expect(imported).toMatchObject({ action: 'import', username: 'system', person: '系统' });
  }, 60_000);
});

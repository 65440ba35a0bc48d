/**
 * The dashboard over the demo province (its ledger and a year of monthly progress, seeded as
 * `serve --demo` does): the access ladder, and figures that equal the progress table's.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { seedDemoLedger } from '../../demo/seed.ts';
import {
  chinaMonth,
  DEFAULT_DUE_DAY,
  dueDate,
  previousPeriod,
} from '../../domain/monthly-report.ts';
import { consentReached } from '../../domain/progress.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { policyFor } from '../plan/policies.repository.ts';

// A fixed day, not the calendar's (issue 12 §5): mid-September, China time, so that the seed has
// eight months behind it, whatever day the tests run on.
const now = new Date('2026-09-15T04:00:00Z');
const Y = now.getUTCFullYear();
const M = now.getUTCMonth() + 1;

interface Figures {
  planCommunities: number;
  planHouseholds: number;
  startedCommunities: number;
  startedHouseholds: number;
  completedCommunities: number;
  startRateByCommunities: number | null;
  startRateByHouseholds: number | null;
  investmentDone: string;
}
interface Unit extends Figures {
  code: string;
  name: string;
}

/** A dashboard row as the progress table writes it (the columns they share). */
const asTableRow = (name: string, f: Figures) => [
  name,
  f.planCommunities,
  f.planHouseholds,
  f.startedCommunities,
  f.startedHouseholds,
  f.startRateByCommunities === null ? '—' : `${f.startRateByCommunities.toFixed(1)}%`,
  f.startRateByHouseholds === null ? '—' : `${f.startRateByHouseholds.toFixed(1)}%`,
  f.completedCommunities,
  f.investmentDone,
];

describeEachEngine('dashboard', (ctx) => {
  let app: App;
  let ministry: Client;
  let province: Client;
  let county: Client;
  let sanya: Client;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false, clock: () => now });
    expect(await seedDemoLedger(ctx.db.db, now)).toBeGreaterThan(200);
    await addUser(ctx.db.db, 'mohurd', '000000', ['ministry']);
    await addUser(ctx.db.db, 'hainan', '460000', ['province']);
    await addUser(ctx.db.db, 'hnfgw', '460000', ['province_ndrc']);
    await addUser(ctx.db.db, 'longhua', '460106', ['county']);
    await addUser(ctx.db.db, 'sanya', '460200', ['city']);
    ministry = await loginAs(app, 'mohurd');
    province = await loginAs(app, 'hainan');
    county = await loginAs(app, 'longhua');
    sanya = await loginAs(app, 'sanya');
  }, 120_000);
  afterAll(() => app.close());

  it('walks 401 → 403 → 404 → 400 → 200', async () => {
    const url = `/api/dashboard?scope=460000&year=${Y}`;
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const ndrc = await loginAs(app, 'hnfgw');
    expect((await ndrc.get(url)).statusCode).toBe(403);
    const outside = await sanya.get(`/api/dashboard?scope=460106&year=${Y}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.message).toMatch(/460106/);
    expect((await county.get(url)).statusCode).toBe(404);
    expect((await ministry.get(`/api/dashboard?scope=999999&year=${Y}`)).statusCode).toBe(404);
    for (const bad of ['scope=46x&year=2026', 'year=20x6', 'year=2026&month=13', 'scope=all']) {
      const res = await ministry.get(`/api/dashboard?${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const own = (await county.get(`/api/dashboard?year=${Y}`)).json();
    expect(own.scope).toMatchObject({ code: '460106', name: '龙华区', level: 'county' });
    expect(own.scope.path.map((p: { name: string }) => p.name)).toEqual([
      '全国',
      '海南省',
      '海口市',
      '龙华区',
    ]);
    expect(own.month).toBe(M);
  });

  it('gives the country the progress table’s figures, province by province, ranked by start rate', async () => {
    const d = (await ministry.get(`/api/dashboard?scope=all&year=${Y}&month=${M}`)).json();
    const t = (await ministry.get(`/api/progress-table?scope=all&year=${Y}&month=${M}`)).json();
    expect(d.breakdown).toBe('province');
    expect(d.units).toHaveLength(t.rows.length - 1); // 31 provinces and 兵团, then 合计
    expect(asTableRow('合计', d.totals)).toEqual(t.rows.at(-1).slice(0, 9));
    for (const u of d.units as Unit[])
      expect(asTableRow(u.name, u)).toEqual(
        t.rows.find((r: unknown[]) => r[0] === u.name).slice(0, 9),
      );
    expect(d.units[0].code).toBe('460000'); // the only province with a plan leads the ranking
    expect(d.totals.planCommunities).toBeGreaterThan(50);
    // 海南 has not submitted its plan: its 计划 is the ledger's, and the dashboard says so.
    expect(d.planBasis).toBe('计划数为台账工作底稿（未冻结）');
    const total = t.rows.at(-1);
    expect([d.outcomes.elevators, d.outcomes.pipelinesKm]).toEqual([total[9], total[10]]);
    expect(d.outcomes.elderlyCare + d.outcomes.childcare).toBe(total[11]);
    expect(d.communities).toBeNull();
  });

  it('gives a province its prefecture-level units, as the province’s table, in every month', async () => {
    for (const month of [3, 6, M]) {
      const d = (await province.get(`/api/dashboard?scope=46&year=${Y}&month=${month}`)).json();
      const t = (
        await province.get(`/api/progress-table?scope=46&year=${Y}&month=${month}`)
      ).json();
      expect(d.breakdown).toBe('prefecture');
      expect(asTableRow('合计', d.totals), `month ${month}`).toEqual(t.rows.at(-1).slice(0, 9));
      expect(
        (d.units as Unit[]).map((u) => asTableRow(u.name, u)).sort(),
        `month ${month}`,
      ).toEqual(
        t.rows
          .slice(0, -1)
          .map((r: unknown[]) => r.slice(0, 9))
          .sort(),
      );
      // Cumulative investment month by month ends at the total as at that month.
      expect(d.investmentByMonth).toHaveLength(month);
      expect(d.investmentByMonth.at(-1).investmentDone).toBe(d.totals.investmentDone);
      const curve = d.investmentByMonth.map((x: { investmentDone: string }) =>
        Number(x.investmentDone),
      );
      expect(curve).toEqual([...curve].sort((a, b) => a - b));
    }
    const rates = (await province.get(`/api/dashboard?scope=46&year=${Y}`)).json().units as Unit[];
    const ranked = rates.filter((u) => u.startRateByCommunities !== null);
    expect(ranked.map((u) => u.startRateByCommunities)).toEqual(
      ranked.map((u) => u.startRateByCommunities).sort((a, b) => b! - a!),
    );
  });

  it('breaks a city into its districts and lists a district’s communities with their latest record', async () => {
    const city = (await province.get(`/api/dashboard?scope=460100&year=${Y}&month=${M}`)).json();
    const t = (await province.get(`/api/progress-table?scope=46&year=${Y}&month=${M}`)).json();
    expect(city.breakdown).toBe('county');
    expect((city.units as Unit[]).map((u) => u.name).sort()).toEqual(
      ['秀英区', '龙华区', '琼山区', '美兰区'].sort(),
    );
    expect(asTableRow('海口市', city.totals)).toEqual(
      t.rows.find((r: unknown[]) => r[0] === '海口市').slice(0, 9),
    );
    const sum = (k: keyof Figures) =>
      (city.units as Unit[]).reduce((s, u) => s + (u[k] as number), 0);
    expect(sum('planCommunities')).toBe(city.totals.planCommunities);
    expect(sum('startedHouseholds')).toBe(city.totals.startedHouseholds);

    const d = (await county.get(`/api/dashboard?scope=460106&year=${Y}&month=${M}`)).json();
    expect(d.breakdown).toBe('community');
    expect(d.units).toEqual([]);
    expect(d.communities).toHaveLength(d.totals.planCommunities);
    expect(d.communities.filter((c: { startDate: string | null }) => c.startDate)).toHaveLength(
      d.totals.startedCommunities,
    );
    // The demo keeps one of the district's communities still being prepared: no record yet.
    expect(d.communities.some((c: { period: string | null }) => c.period === null)).toBe(true);
    const detail = (await county.get(`/api/communities/${d.communities[0].id}/progress`)).json();
    expect(detail.records[0]?.period ?? null).toBe(d.communities[0].period);
  });

  it('seeds demo progress that keeps the rules: consent before every start, no future month', async () => {
    const db = ctx.db.db;
    const records = await db
      .selectFrom('progress as p')
      .innerJoin('communities as c', 'c.id', 'p.community_id')
      .select(['c.id', 'c.households', 'p.period', 'p.start_date', 'p.completion_date'])
      // This year's plan: 十四五's history (demo/history.ts) has its own years.
      .where('c.plan_year', '=', Y)
      .execute();
    expect(records.length).toBeGreaterThan(100);
    const thisMonth = `${Y}-${String(M).padStart(2, '0')}`;
    expect(records.every((r) => r.period >= `${Y}-01` && r.period <= thisMonth)).toBe(true);
    const today = now.toISOString().slice(0, 10);
    const { consentThreshold } = await policyFor(db, Y);
    for (const r of records.filter((x) => x.start_date)) {
      expect(r.start_date! <= today).toBe(true);
      const consultations = await db
        .selectFrom('consultations')
        .select(['held_on', 'households_agreeing'])
        .where('community_id', '=', r.id)
        .where('held_on', '<=', r.start_date!)
        .execute();
      const best = Math.max(0, ...consultations.map((c) => c.households_agreeing));
      expect(
        consentReached({
          households: r.households,
          bestAgreeing: best,
          threshold: consentThreshold,
        }),
      ).toBe(true);
    }
    // Starts spread over the year: the rate by communities never falls from month to month.
    const byMonth: number[] = [];
    for (let m = 1; m <= M; m++)
      byMonth.push(
        (await province.get(`/api/dashboard?scope=46&year=${Y}&month=${m}`)).json().totals
          .startedCommunities,
      );
    expect(byMonth).toEqual([...byMonth].sort((a, b) => a - b));
  });

  it('seeds the past months’ reports: every unit with a plan, a few late, two missing last month', async () => {
    const thisMonth = chinaMonth(now);
    const year = Number(thisMonth.slice(0, 4));
    const reports = await ctx.db.db
      .selectFrom('monthly_reports')
      .select(['unit_code', 'period', 'submitted_at'])
      .execute();
    expect(reports.every((r) => r.period >= `${year}-01` && r.period < thisMonth)).toBe(true);
    expect(reports.every((r) => r.submitted_at <= now.toISOString())).toBe(true);
    const last = previousPeriod(thisMonth);
    // What the province sees of its cities last month, through the API.
    const seen = (
      await province.get(`/api/monthly-reports/460000/${year}/${last}/completeness`)
    ).json();
    const status = new Map<string, string>(
      seen.items.map((i: { code: string; status: string }) => [i.code, i.status]),
    );
    expect(status.get('460100')).toBe('on_time'); // the demo city's own unit
    const units = new Set(reports.filter((r) => r.period === last).map((r) => r.unit_code));
    expect(units.has('460106')).toBe(true); // the demo county's own unit
    expect(units.has('460000')).toBe(true);
    // Two leaf units (no unit below them reports) have not reported last month.
    const before = new Set(
      reports.filter((r) => r.period === previousPeriod(last)).map((r) => r.unit_code),
    );
    const missing = [...before].filter((u) => !units.has(u));
    // (Until a few days after the due day, late reporters are missing too.)
    const settled =
      now.getTime() >
      Date.parse(`${dueDate(last, DEFAULT_DUE_DAY)}T00:00:00+08:00`) + 5 * 86_400_000;
    if (last > `${year}-01`) expect(missing.length).toBeGreaterThanOrEqual(2);
    if (last > `${year}-01` && settled) expect(missing).toHaveLength(2);
    expect(seen.counts.reported).toBeGreaterThan(0);
  });
});

/**
 * Monthly reports for the demo province's past months, so that a newcomer's reporting panels show
 * a working year rather than every unit overdue: each unit with communities in the year's plan
 * (its county, its city, the province) reports every month before this one, counties a few days
 * before the due day, cities the day before, the province on the day. A few reports come in late,
 * and last month two units have not reported yet (none of them the demo accounts' own units, whose
 * journeys begin from a clean month), so that 逾期未报 and 催报 have something to show.
 *
 * Every report goes through the monthly-report service, acting as the unit's own housing
 * department at the time it reports: the demo obeys the same rules as a user.
 */
import type { Kysely } from 'kysely';
import type { Database, RegionRow } from '../db/schema.ts';
import type { Actor } from '../domain/actor.ts';
import {
  chinaMonth,
  dueDate,
  nextPeriod,
  previousPeriod,
  reportingUnits,
} from '../domain/monthly-report.ts';
import { planCommunities } from '../modules/plan/plan-table.repository.ts';
import { dueDays, submitReport } from '../modules/reports/monthly-reports.service.ts';
import { prng } from './synthetic.ts';
import { UNIT_ACCOUNTS } from './unit-accounts.ts';

const DAY = 86_400_000;
/** Units the demo accounts work for (county 龙华区, city 海口市): they report on time, always. */
const DEMO_ACCOUNTS_UNITS = new Set(['460106', '460100']);
/** Share of reports that come in after the due day. */
const LATE_SHARE = 0.06;
/** Units that have not reported last month yet. */
const MISSING_LAST_MONTH = 2;

/** The unit itself, as its housing department would sign in there. */
function actorAt(unit: RegionRow): Actor {
  const roles: Actor['roles'] =
    unit.level === 'province' ? ['province'] : unit.level === 'prefecture' ? ['city'] : ['county'];
  return {
    userId: 0,
    // The unit's demo account (unit-accounts.ts), so that pages name the unit's department.
    username:
      unit.level === 'province'
        ? 'province'
        : (UNIT_ACCOUNTS.find((a) => a.regionCode === unit.code)?.username ??
          `${unit.name}住建部门`),
    roles: unit.level === 'prefecture' && unit.is_ledger_unit === 1 ? ['city', 'county'] : roles,
    regionCode: unit.code,
    regionPath: unit.path,
    regionLevel: unit.level,
  };
}

/** When a unit reports a period: before the due day by level, late for a few; 10:00 China time. */
function reportedAt(unit: RegionRow, due: string, rnd: () => number): Date {
  const daysBefore =
    unit.level === 'province' ? 0 : unit.level === 'prefecture' ? 1 : 2 + (rnd() < 0.5 ? 1 : 0);
  const late = !DEMO_ACCOUNTS_UNITS.has(unit.code) && rnd() < LATE_SHARE;
  const day =
    Date.parse(`${due}T10:00:00+08:00`) +
    (late ? (1 + Math.floor(rnd() * 4)) * DAY : -daysBefore * DAY);
  return new Date(day);
}

/** The units below and including the province with communities in the year's plan, lowest level first. */
async function unitsWithPlan(
  db: Kysely<Database>,
  province: RegionRow,
  year: number,
): Promise<RegionRow[]> {
  const paths = await planCommunities(db, province.path, year)
    .select('c.region_path')
    .distinct()
    .execute();
  const codes = new Set(paths.flatMap((p) => reportingUnits(p.region_path)));
  const units = await db
    .selectFrom('regions')
    .selectAll()
    .where('code', 'in', [...codes])
    .execute();
  const depth = (u: RegionRow) => u.path.split('/').length;
  return units.sort((a, b) => depth(b) - depth(a) || a.code.localeCompare(b.code));
}

/**
 * The reports of every month of this year before this one, for the province `provinceCode`.
 * Returns the number submitted.
 */
export async function seedDemoReports(
  db: Kysely<Database>,
  provinceCode: string,
  now = new Date(),
): Promise<number> {
  const thisMonth = chinaMonth(now);
  const year = Number(thisMonth.slice(0, 4));
  const province = await db
    .selectFrom('regions')
    .selectAll()
    .where('code', '=', provinceCode)
    .executeTakeFirstOrThrow();
  const units = await unitsWithPlan(db, province, year);
  const dueDay = (await dueDays(db, [provinceCode])).get(provinceCode)!;
  const rnd = prng(year * 7);
  const lastMonth = previousPeriod(thisMonth);
  // Last month's stragglers: the last counties on the list that are not the demo accounts'.
  const missing = new Set(
    units
      .filter((u) => u.level !== 'province' && !DEMO_ACCOUNTS_UNITS.has(u.code))
      .filter((u) => !units.some((v) => v.parent_code === u.code))
      .slice(-MISSING_LAST_MONTH)
      .map((u) => u.code),
  );
  let submitted = 0;
  for (let period = `${year}-01`; period < thisMonth; period = nextPeriod(period)) {
    const due = dueDate(period, dueDay);
    for (const unit of units) {
      const at = reportedAt(unit, due, rnd);
      if (at > now) continue; // not yet: the due day is still to come
      if (period === lastMonth && missing.has(unit.code)) continue;
      await submitReport(db, actorAt(unit), unit.code, year, period, at);
      submitted++;
    }
  }
  return submitted;
}

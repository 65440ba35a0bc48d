/**
 * The progress dashboard of a region for a plan year (issue 5): this year's plan, starts and
 * completions with the start rates the ministry publishes (brief §7.3), the units below ranked by
 * start rate, completed investment month by month, outcomes to date, and for a unit that holds
 * communities, its communities. The figures are the progress table's, from the same records.
 */
import type { Kysely } from 'kysely';
import type { Dashboard, DashboardQuery } from '../../../../common/api/dashboard.ts';
import type { Database, RegionRow } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import {
  breakdownOf,
  byStartRate,
  cumulativeByMonth,
  defaultMonth,
  lastReportableMonth,
  ratePercent,
  type Breakdown,
} from '../../domain/dashboard.ts';
import { formatScaled, roundHalfUp } from '../../domain/ledger/decimal.ts';
import { COUNTRY_CODE } from '../../domain/regions-build.ts';
import { forbidden } from '../../errors.ts';
import { canReadLedger } from '../ledger/ledger.policy.ts';
import { findRegionsByCodes } from '../regions/regions.repository.ts';
import * as repo from './dashboard.repository.ts';
import { frozenPlanWithin } from './progress.service.ts';
import { unitsBelow } from './progress.repository.ts';
import { periodEndInChina } from '../../domain/progress-plan.ts';
import type { DashboardMeasures } from './dashboard.repository.ts';
import { resolveScope } from '../regions/scope.ts';

/** 万元 with two decimals, half up once from exact 元 (as the progress table). */
const wan = (yuan: number) => formatScaled(roundHalfUp(yuan, 100), 2);

function figures(m: DashboardMeasures) {
  return {
    planCommunities: m.planCommunities,
    planHouseholds: m.planHouseholds,
    startedCommunities: m.startedCommunities,
    startedHouseholds: m.startedHouseholds,
    completedCommunities: m.completedCommunities,
    /** percent, one decimal, half up from exact counts; null without a plan */
    startRateByCommunities: ratePercent(m.startedCommunities, m.planCommunities),
    startRateByHouseholds: ratePercent(m.startedHouseholds, m.planHouseholds),
    investmentDone: wan(m.investmentDoneYuan),
  };
}

function outcomes(m: DashboardMeasures) {
  return {
    elevators: m.elevators,
    pipelinesKm: formatScaled(roundHalfUp(m.pipelinesM, 10), 2),
    parking: m.parking,
    chargers: m.chargers,
    elderlyCare: m.elderlyCare,
    childcare: m.childcare,
    housekeeping: m.housekeeping,
    health: m.health,
    energyAreaM2: formatScaled(roundHalfUp(m.energyAreaCenti, 100), 0),
  };
}

const ZERO: DashboardMeasures = {
  planCommunities: 0,
  planHouseholds: 0,
  startedCommunities: 0,
  startedHouseholds: 0,
  completedCommunities: 0,
  investmentDoneYuan: 0,
  elevators: 0,
  pipelinesM: 0,
  parking: 0,
  chargers: 0,
  elderlyCare: 0,
  childcare: 0,
  housekeeping: 0,
  health: 0,
  energyAreaCenti: 0,
};

const add = (a: DashboardMeasures, b: DashboardMeasures): DashboardMeasures =>
  Object.fromEntries(
    Object.keys(ZERO).map((k) => [
      k,
      a[k as keyof DashboardMeasures] + b[k as keyof DashboardMeasures],
    ]),
  ) as unknown as DashboardMeasures;

/** 'all' → the country; '46' → 460000; none → the user's own region. Outside the user's subtree: not found. */
async function scopeRegion(
  db: Kysely<Database>,
  actor: Actor,
  scope: string | undefined,
): Promise<RegionRow> {
  return resolveScope(db, actor, scope ?? actor.regionCode);
}

/**
 * Where the 计划 figures come from, said with them (issue 11): a province's submitted version where
 * it submitted one, else the ledger now (工作底稿). For the country, how many provinces are which.
 */
function planBasisLabel(
  region: RegionRow,
  units: { code: string }[],
  byUnit: Map<string, DashboardMeasures>,
  submitted: (unit: string) => boolean,
): string {
  const LIVE = '台账工作底稿（未冻结）';
  if (region.level !== 'country')
    return `计划数为${submitted(region.code) ? '本省上报版本' : LIVE}`;
  const withPlan = units.filter(
    (u) => submitted(u.code) || (byUnit.get(u.code)?.planCommunities ?? 0) > 0,
  );
  const declared = withPlan.filter((u) => submitted(u.code)).length;
  const live = withPlan.length - declared;
  if (!live) return declared ? '计划数为各省上报版本' : '尚无计划';
  if (!declared) return `计划数为${LIVE}`;
  return `计划数：${declared} 个省份为上报版本，${live} 个省份为${LIVE}`;
}

/** The units a scope breaks down into, in code order (all of them, with or without a plan). */
async function childUnits(db: Kysely<Database>, region: RegionRow, breakdown: Breakdown) {
  if (breakdown === 'community') return [];
  return unitsBelow(db, region.code, breakdown);
}

export async function dashboard(
  db: Kysely<Database>,
  actor: Actor,
  query: DashboardQuery,
  now = new Date(),
): Promise<Dashboard> {
  if (!canReadLedger(actor)) throw forbidden('没有查看进展统计的权限');
  const region = await scopeRegion(db, actor, query.scope);
  const today = now.toISOString().slice(0, 10);
  const { year } = query;
  const month = query.month ?? defaultMonth(year, today);
  const period = `${year}-${String(month).padStart(2, '0')}`;
  const breakdown = breakdownOf(region.level, region.is_ledger_unit === 1);
  // A unit that holds communities is one group of its own; above, one group per unit below.
  const grouping: repo.Grouping = breakdown === 'community' ? 'county' : breakdown;

  const [units, rows, changes, communities, path] = await Promise.all([
    childUnits(db, region, breakdown),
    repo.measuresByUnit(db, region.path, year, period, grouping),
    repo.investmentChanges(db, region.path, year),
    breakdown === 'community'
      ? repo.communitiesWithLatest(db, region.path, year, period)
      : Promise.resolve(null),
    findRegionsByCodes(db, region.path.split('/').filter(Boolean)),
  ]);
  // 计划 as the province declared it: its plan in force at the month's end (progress.md), as in
  // the progress table.
  const plan = await frozenPlanWithin(db, region, year, periodEndInChina(period));
  const planned = (unit: string, m: DashboardMeasures): DashboardMeasures => {
    if (!plan.submitted(unit)) return m;
    const frozen = plan.byUnit.get(unit);
    return {
      ...m,
      planCommunities: frozen?.communities ?? 0,
      planHouseholds: frozen?.households ?? 0,
    };
  };
  const current = new Map(rows.map((r) => [r.unit, r.measures]));
  const byUnit = new Map(
    [...new Set([...current.keys(), ...plan.byUnit.keys()])].map((unit) => [
      unit,
      planned(unit, current.get(unit) ?? ZERO),
    ]),
  );
  const total = [...byUnit.values()].reduce(add, ZERO);
  const ranked = byStartRate(
    units.map((u) => ({ code: u.code, name: u.name, ...(byUnit.get(u.code) ?? ZERO) })),
  );
  const collator = new Intl.Collator('zh-CN');
  const order = new Map(path.map((r) => [r.code, r]));

  return {
    scope: {
      code: region.code,
      name: region.level === 'country' ? '全国' : region.name,
      level: region.level,
      /** from the country down to the scope itself */
      path: region.path
        .split('/')
        .filter(Boolean)
        .map((code) => ({
          code,
          name: code === COUNTRY_CODE ? '全国' : (order.get(code)?.name ?? code),
        })),
    },
    year,
    month,
    breakdown,
    totals: figures(total),
    planBasis: planBasisLabel(region, units, byUnit, plan.submitted),
    units: ranked.map((u) => ({ code: u.code, name: u.name, ...figures(u) })),
    investmentByMonth: cumulativeByMonth(
      changes,
      year,
      Math.min(month, lastReportableMonth(year, today)),
    ).map((c) => ({ month: c.month, investmentDone: wan(c.yuan) })),
    outcomes: outcomes(total),
    communities:
      communities
        ?.sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id)
        .map((c) => ({
          id: c.id,
          name: c.name,
          households: c.households,
          period: c.period,
          startDate: c.startDate,
          completionDate: c.completionDate,
          investmentDone: wan(c.investmentDoneYuan),
          elevators: c.elevators,
        })) ?? null,
  };
}

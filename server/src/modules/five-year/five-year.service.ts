/**
 * The five-year view of a region (十四五, DESIGN.md §5): per year 2021–2025 the target, the plan,
 * what started and what completed, cumulated; the reserve pools (实施一批、谋划一批、储备一批,
 * 建办城〔2021〕28号 三(二)) against what remains; green-community creation against its goal.
 */
import type { Kysely } from 'kysely';
import type { Database, RegionRow } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import {
  completionGap,
  coverageTenths,
  cumulate,
  FIVE_YEAR,
  FIVE_YEARS,
  GREEN_GOAL,
  greenShareTenths,
  meetsGreenGoal,
  remainingYears,
  shareTenths,
  sumGreen,
  tenthsToPercent,
  type GreenFigures,
  type YearFigures,
} from '../../domain/five-year.ts';
import { forbidden } from '../../errors.ts';
import * as repo from './five-year.repository.ts';
import {
  canEditGreenOf,
  canEditTargetsOf,
  canReadFiveYear,
  hasTargets,
} from './five-year.policy.ts';
import { resolveScope } from '../regions/scope.ts';

export const POOLS = [
  { pool: 'implement', label: '实施' },
  { pool: 'planning', label: '谋划' },
  { pool: 'reserve', label: '储备' },
] as const;

/** The region named by `code` if the actor may see it; anything else is "not found". */
export async function regionInScope(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
): Promise<RegionRow> {
  return resolveScope(db, actor, code);
}

const percent = (part: number, whole: number | null) =>
  tenthsToPercent(whole === null ? null : shareTenths(part, whole));

function greenRow(g: GreenFigures) {
  return {
    urbanCommunities: g.urbanCommunities,
    participating: g.participating,
    meeting: g.meeting,
    participatingPercent: percent(g.participating, g.urbanCommunities),
    meetingPercent: tenthsToPercent(greenShareTenths(g)),
    meetsGoal: meetsGreenGoal(g),
  };
}

export async function fiveYearView(
  db: Kysely<Database>,
  actor: Actor,
  scopeCode: string | undefined,
  now = new Date(),
) {
  if (!canReadFiveYear(actor)) throw forbidden('没有查看十四五目标与进展的权限');
  const scope = await regionInScope(db, actor, scopeCode ?? actor.regionCode);
  const [ledger, poolRows, targets, completion, green, prefectures] = await Promise.all([
    repo.planYears(db, scope.path),
    repo.pools(db, scope.path),
    repo.startTargetsOf(db, scope.code),
    repo.findCompletionTarget(db, scope.code, FIVE_YEAR.last),
    repo.greenInScope(db, scope.path),
    repo.prefecturesInScope(db, scope.path),
  ]);
  const today = now.toISOString().slice(0, 10);

  const zero = { communities: 0, households: 0 };
  const figures: YearFigures[] = FIVE_YEARS.map((year) => {
    const t = targets.find((x) => x.year === year);
    const l = ledger.find((x) => x.year === year);
    return {
      year,
      target: t ? { communities: t.communities, households: t.households } : null,
      plan: l?.plan ?? zero,
      started: l?.started ?? zero,
      completed: l?.completed ?? { ...zero, before2000: 0 },
    };
  });
  const years = cumulate(figures);
  const completedBefore2000 = years.at(-1)!.cumulative.completedBefore2000;
  const remaining = remainingYears(figures, today);
  const toStart = remaining.reduce((s, y) => s + y.outstanding, 0);
  const gap = completionGap(completion?.communities ?? null, completedBefore2000);

  const pools = POOLS.map(({ pool, label }) => {
    const r = poolRows.find((x) => x.pool === pool);
    return {
      pool,
      label,
      projects: r?.projects ?? 0,
      communities: r?.communities ?? 0,
      households: r?.households ?? 0,
      before2000: r?.before2000 ?? 0,
    };
  });
  const inPools = pools.reduce((s, p) => s + p.communities, 0);
  const inPoolsBefore2000 = pools.reduce((s, p) => s + p.before2000, 0);

  const editableCities = prefectures.filter((p) => canEditGreenOf(actor, p));
  return {
    scope: {
      code: scope.code,
      name: scope.level === 'country' ? '全国' : scope.name,
      level: scope.level,
    },
    period: FIVE_YEAR,
    asOf: today,
    hasTargets: hasTargets(scope),
    canEditTargets: canEditTargetsOf(actor, scope),
    years: years.map((y) => ({
      year: y.year,
      target: targetOf(targets.find((x) => x.year === y.year)),
      plan: y.plan,
      started: y.started,
      completed: y.completed,
      startRatePercent: tenthsToPercent(y.startRateTenths),
      cumulative: y.cumulative,
    })),
    completion: {
      target: completion
        ? {
            communities: completion.communities,
            lastYear: completion.last_year,
            source: completion.source,
            version: completion.version,
            updatedBy: completion.updated_by,
            updatedAt: completion.updated_at,
          }
        : null,
      completedBefore2000,
      percent: percent(completedBefore2000, completion?.communities ?? null),
      gap,
    },
    pools: {
      rows: pools,
      total: {
        projects: pools.reduce((s, p) => s + p.projects, 0),
        communities: inPools,
        households: pools.reduce((s, p) => s + p.households, 0),
        before2000: inPoolsBefore2000,
      },
      remainingYears: remaining,
      toStart,
      startCoveragePercent: tenthsToPercent(coverageTenths(inPools, toStart)),
      completionGap: gap,
      completionCoveragePercent: tenthsToPercent(coverageTenths(inPoolsBefore2000, gap)),
    },
    green: greenView(green, prefectures.length, editableCities),
  };
}

function targetOf(t: Awaited<ReturnType<typeof repo.startTargetsOf>>[number] | undefined) {
  return t
    ? {
        communities: t.communities,
        households: t.households,
        source: t.source,
        version: t.version,
        updatedBy: t.updated_by,
        updatedAt: t.updated_at,
      }
    : null;
}

function greenView(
  rows: Awaited<ReturnType<typeof repo.greenInScope>>,
  citiesInScope: number,
  editable: { code: string; name: string }[],
) {
  const figures = (r: (typeof rows)[number]): GreenFigures => ({
    urbanCommunities: r.urban_communities,
    participating: r.participating,
    meeting: r.meeting,
  });
  return {
    goal: { year: GREEN_GOAL.year, percent: GREEN_GOAL.shareBp / 100, source: GREEN_GOAL.source },
    citiesInScope,
    editableCities: editable.map(({ code, name }) => ({ code, name })),
    years: FIVE_YEARS.map((year) => {
      const of = rows.filter((r) => r.year === year);
      return { year, citiesReporting: of.length, ...greenRow(sumGreen(of.map(figures))) };
    }),
    cities: rows.map((r) => ({
      code: r.region_code,
      name: r.name,
      year: r.year,
      ...greenRow(figures(r)),
      source: r.source,
      version: r.version,
      updatedBy: r.updated_by,
      updatedAt: r.updated_at,
    })),
  };
}

/**
 * What a unit reports for a month (月报): its plan's communities, each as at the month end, and its
 * progress table (one row per unit below, then 合计) computed from exactly those rows, so the
 * frozen table and the frozen communities always agree — except 计划改造, which counts the plan the
 * province submitted where it did, as the progress table does. Hashed like a plan submission.
 */
import type { Kysely } from 'kysely';
import type { Database, RegionRow } from '../../db/schema.ts';
import { sha256 } from '../../sha256.ts';
import { canonicalJson } from '../../domain/declaration.ts';
import { communityMeasures } from '../../domain/monthly-report.ts';
import { PROGRESS_HEADER, periodEnd, progressRow, sumMeasures } from '../../domain/progress.ts';
import { periodEndInChina, withFrozenPlan } from '../../domain/progress-plan.ts';
import { frozenPlanWithin } from '../progress/progress.service.ts';
import type { FrozenCommunity, ReportContent } from '../../../../common/api/monthly-reports.ts';
import { childRegions, communitiesAsAt } from './monthly-reports.repository.ts';

// The frozen content is the route's contract, the same shape the web reads back.
export type { ReportContent };

export function reportTitle(unitName: string, planYear: number, period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${unitName}城镇老旧小区改造进展情况（${planYear}年度计划，截至${y}年${m}月末）`;
}

export async function currentReport(
  db: Kysely<Database>,
  unit: RegionRow,
  planYear: number,
  period: string,
): Promise<{ content: ReportContent; hash: string }> {
  const monthEnd = periodEnd(period);
  const communities = await communitiesAsAt(db, unit.path, planYear, period);
  // A province's rows are its prefecture-level units, a city's its county-level units; a unit with
  // none below it (a county, a 省直辖县级市) has a row of its own.
  const below = unit.level === 'county' ? [] : await childRegions(db, unit.code);
  const rowsOf = below.length ? below : [{ code: unit.code, name: unit.name }];
  const keyOf = (c: FrozenCommunity) =>
    unit.level === 'province' ? c.prefectureCode : below.length ? c.regionCode : unit.code;
  // 计划改造 as the province declared it: its plan in force at the month's end (progress.md), as
  // the progress table counts it.
  const plan = await frozenPlanWithin(db, unit, planYear, periodEndInChina(period));
  const measures = rowsOf.map((r) => ({
    name: r.name,
    m: withFrozenPlan(
      sumMeasures(
        communities.filter((c) => keyOf(c) === r.code).map((c) => communityMeasures(c, monthEnd)),
      ),
      plan.byUnit.get(r.code),
      plan.submitted(r.code),
    ),
  }));
  const content: ReportContent = {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    planYear,
    period,
    monthEnd,
    communities,
    table: {
      title: reportTitle(unit.name, planYear, period),
      header: PROGRESS_HEADER,
      rows: [
        ...measures.map((x) => progressRow(x.name, x.m)),
        progressRow('合计', sumMeasures(measures.map((x) => x.m))),
      ],
    },
  };
  return { content, hash: sha256().update(canonicalJson(content)).digest('hex') };
}

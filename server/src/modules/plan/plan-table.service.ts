/** The plan table and its checks for a province (or the country) and a plan year. */
import type { Kysely } from 'kysely';
import type { Database, RegionRow } from '../../db/schema.ts';
import { readsPlanData, receivesOnly, type Actor } from '../../domain/actor.ts';
import {
  planChecks,
  type CheckResult,
  type CheckRow,
  type PlanLevel,
  withoutPlanData,
} from '../../domain/plan-checks.ts';
import {
  csvHeader,
  displayRow,
  LIVE_LABEL,
  planTableRows,
  ROUNDING_NOTE,
  nationalTotalRows,
  TOTAL_LABEL,
  type DisplayRow,
  type PlanGroup,
} from '../../domain/plan-table.ts';
import { COUNTRY_CODE } from '../../domain/regions-build.ts';
import { csvFile, type CsvValue } from '../../domain/spreadsheet-cells.ts';
import { forbidden } from '../../errors.ts';
import type { FiscalCheckResult } from '../../domain/fiscal-checks.ts';
import { fiscalFigures } from '../fiscal/fiscal.checks.ts';
import { earlierPlanRows } from './earlier-plans.service.ts';
import { policyFor } from './policies.repository.ts';
import * as repo from './plan-table.repository.ts';
import * as figures from '../figures/figures.repository.ts';
import { resolveScope } from '../regions/scope.ts';
import type {
  BlockSource,
  FrozenRef,
  PlanBasis,
  PlanTableBlock,
  PlanTableView,
} from '../../../../common/api/plan.ts';

// The table's JSON shape is its response schema's (common/api/plan.ts).
export type { BlockSource, FrozenRef, PlanBasis, PlanTableBlock, PlanTableView };

const LIVE_SOURCE: BlockSource = { kind: 'live', version: null, label: LIVE_LABEL };

/**
 * The provinces of the table and their prefecture-level units, in region-code order, in one query:
 * every province's for the country, else the one province's.
 */
async function provincesAndUnits(db: Kysely<Database>, scopeCode: string) {
  const rows =
    scopeCode === COUNTRY_CODE
      ? await repo.provincesAndPrefectures(db)
      : await repo.prefecturesOf(db, scopeCode);
  const units = new Map<string, { code: string; name: string }[]>();
  for (const r of rows)
    if (r.level === 'prefecture') {
      let list = units.get(r.parent_code!);
      if (!list) units.set(r.parent_code!, (list = []));
      list.push({ code: r.code, name: r.name });
    }
  return { provinces: rows.filter((r) => r.level === 'province'), units };
}

/** The security and audit administrators see no plan table and no check (三员分立). */
export function assertReadsPlans(actor: Actor): void {
  if (!readsPlanData(actor))
    throw forbidden(
      '没有查看计划表和计划检查的权限（三员分立：安全管理员、审计管理员不查看计划数据）',
    );
}

/** 'all', a 2-digit or a 6-digit province code → the province (or the country) the actor may see. */
export async function resolveProvince(db: Kysely<Database>, actor: Actor, code: string) {
  assertReadsPlans(actor);
  return resolveScope(db, actor, code, { levels: ['province', 'country'], what: '省份' });
}

/** The plan table of a province or the country, as the actor may see it. */
export async function planTable(
  db: Kysely<Database>,
  actor: Actor,
  provinceCode: string,
  year: number,
): Promise<PlanTableView> {
  return planTableFor(db, await resolveProvince(db, actor, provinceCode), year);
}

/**
 * The plan table of a scope already resolved (the country or a province), for the route above
 * and for computations that build on it (a declaration's frozen content): no actor, no bypass.
 */
export async function planTableFor(
  db: Kysely<Database>,
  scope: RegionRow,
  year: number,
): Promise<PlanTableView> {
  // Two independent look-ups side by side, then the aggregation, which needs the year's cut-off.
  const [policy, { provinces: all, units }] = await Promise.all([
    policyFor(db, year),
    provincesAndUnits(db, scope.code),
  ]);
  const provinces =
    scope.level === 'country' ? all : [{ code: scope.code, name: scope.name, path: scope.path }];
  const groups = await figures.planGroups(db, scope.path, year);
  const byUnit = new Map<string, PlanGroup[]>();
  for (const g of groups) {
    let list = byUnit.get(g.prefectureCode);
    if (!list) byUnit.set(g.prefectureCode, (list = []));
    list.push(g);
  }
  const blocks = [];
  for (const p of provinces) {
    const provinceUnits = units.get(p.code) ?? [];
    const rows = planTableRows(
      provinceUnits,
      provinceUnits.flatMap((u) => byUnit.get(u.code) ?? []),
      scope.level === 'country' ? p.name : undefined,
    );
    blocks.push({
      province: { code: p.code, name: p.name },
      rows: rows.map((r) => displayRow(r)),
      source: LIVE_SOURCE,
    });
  }
  let national: DisplayRow[] | null = null;
  if (scope.level === 'country') {
    national = nationalTotalRows(groups);
  }
  // 联系人及电话: the province's, as entered with its declaration (the national table has none).
  const contact =
    scope.level === 'province' ? await repo.declaredContact(db, scope.code, year) : undefined;
  return {
    title: `${year}年城镇老旧小区改造计划表`,
    year,
    scope: { code: scope.code, name: scope.level === 'country' ? '全国' : scope.name },
    contact: contact?.contact_name
      ? `${contact.contact_name} ${contact.contact_phone ?? ''}`.trim()
      : '',
    cutoffYear: policy.cutoffYear,
    header: csvHeader(policy.cutoffYear),
    basis: 'live',
    basisLabel: LIVE_LABEL,
    version: null,
    note: ROUNDING_NOTE,
    blocks,
    national,
  };
}

/** The csv of the spec: UTF-8 with BOM, one header line, one line per body row, in the form's order. */
export function planTableCsv(t: PlanTableView): string {
  const lines: CsvValue[][] = [t.header];
  for (const b of t.blocks) for (const r of b.rows) lines.push([r.unit, r.label, ...r.values]);
  for (const r of t.national ?? []) lines.push([r.unit, r.label, ...r.values]);
  return csvFile(lines);
}

const toCheckRow = (
  r: { id: number; name: string; region_code: string; build_year: number; households: number },
  detail: string,
): CheckRow => ({ id: r.id, name: r.name, regionCode: r.region_code, detail });

/** A plan check: one of the notice's rules (plan-checks.ts) or of its fiscal duty (fiscal-checks.ts). */
export type PlanCheckResult = CheckResult | FiscalCheckResult;

/** The checks for a unit (province, city or county) and a plan year. */
export async function checkPlan(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
  year: number,
): Promise<{ scope: { code: string; name: string }; checks: PlanCheckResult[] }> {
  assertReadsPlans(actor);
  // The checks read the live ledger: not for 国家发展改革委 and 财政部, who receive declared plans.
  if (receivesOnly(actor)) throw forbidden('没有查看计划检查的权限');
  const region = await resolveScope(db, actor, regionCode, {
    levels: ['province', 'prefecture', 'county'],
    what: '区划',
  });
  return checksFor(db, region, year);
}

/** The checks of a declaring unit already resolved, for the route above and for submission. */
export async function checksFor(
  db: Kysely<Database>,
  region: RegionRow,
  year: number,
): Promise<{ scope: { code: string; name: string }; checks: PlanCheckResult[] }> {
  const policy = await policyFor(db, year);
  const groups = await figures.planGroups(db, region.path, year);
  const total = groups.reduce((s, g) => s + g.measures.households, 0);
  const postCutoff = groups
    .filter((g) => g.bucket === 'after')
    .reduce((s, g) => s + g.measures.households, 0);
  const level: PlanLevel =
    region.level === 'province'
      ? 'province'
      : region.level === 'prefecture'
        ? 'prefecture'
        : 'county';
  const [after, late, excluded, subsidised, likely, fiscal, earlier] = await Promise.all([
    repo.offendingCommunities(db, region.path, year, { buildYearAbove: policy.cutoffYear }),
    repo.offendingCommunities(db, region.path, year, { buildYearAbove: policy.latestBuildYear }),
    repo.offendingCommunities(db, region.path, year, { excluded: true }),
    repo.offendingCommunities(db, region.path, year, { subsidised: true }),
    repo.likelySubsidisedDuplicates(db, region.path, year),
    fiscalFigures(db, region.path, level, year),
    earlierPlanRows(db, region.path, year),
  ]);
  const checks = planChecks({
    policy,
    level,
    households: { total, postCutoff },
    postCutoffRows: after.map((r) => toCheckRow(r, `${r.build_year}年建成，${r.households}户`)),
    tooLateRows: late.map((r) => toCheckRow(r, `${r.build_year}年建成`)),
    excludedRows: excluded.map((r) =>
      toCheckRow(
        r,
        r.exclusion === 'demolition'
          ? '拟拆除新建'
          : r.exclusion === 'expropriation'
            ? '拟征收'
            : '拟征收或拆除新建',
      ),
    ),
    subsidisedRows: [
      ...subsidised.map((r) => toCheckRow(r, `已纳入${r.subsidy_years}年中央补助计划`)),
      // A community carrying the year itself is listed once, by its own record.
      ...earlier.subsidisedRows.filter((e) => !subsidised.some((r) => r.id === e.id)),
    ],
    likelySubsidisedRows: [
      ...likely.map((r) =>
        toCheckRow(r, `与已获${r.other_years}年中央补助的“${r.other_name}”疑似重复`),
      ),
      ...earlier.likelySubsidisedRows,
    ],
    declaredRows: earlier.declaredRows,
    likelyDeclaredRows: earlier.likelyDeclaredRows,
    // City and county assessments alike (fiscal.checks.ts).
    fiscal: fiscal.funding,
  });
  const all: PlanCheckResult[] = [...checks, ...fiscal.checks];
  return {
    scope: { code: region.code, name: region.name },
    checks: groups.length ? all : withoutPlanData(all),
  };
}

export { TOTAL_LABEL };

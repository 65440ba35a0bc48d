/**
 * The rows of the “不得重复申报” checks (建办城〔2021〕28号 三(四)) from the records: a year's plan
 * communities against the subsidised history lists and the accepted plans of earlier years.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { matchEarlier } from '../../domain/ledger/earlier-plans.ts';
import type { CheckRow } from '../../domain/plan-checks.ts';
import { conflict } from '../../errors.ts';
import { findRegionsByCodes } from '../regions/regions.repository.ts';
import * as repo from './earlier-plans.repository.ts';

const LEVEL_RANK = { county: 0, city: 1, province: 2 } as const;

type Declared = Awaited<ReturnType<typeof repo.declaredBefore>>[number];

/** “2022年度海南省计划（第 1 版，已接收）”. */
const planLabel = (d: Declared | Awaited<ReturnType<typeof repo.acceptedPlansOf>>[number]) =>
  `${d.plan_year}年度${d.unit_name}计划（第 ${d.version} 版，已接收）`;

/** The plan of the highest level (province over city over county), the earliest year first. */
function highest<T extends { level: 'county' | 'city' | 'province'; plan_year: number }>(
  rows: T[],
): T {
  return rows.reduce((a, b) =>
    LEVEL_RANK[b.level] > LEVEL_RANK[a.level] ||
    (LEVEL_RANK[b.level] === LEVEL_RANK[a.level] && b.plan_year < a.plan_year)
      ? b
      : a,
  );
}

export interface EarlierRows {
  subsidisedRows: CheckRow[];
  likelySubsidisedRows: CheckRow[];
  declaredRows: CheckRow[];
  likelyDeclaredRows: CheckRow[];
}

export async function earlierPlanRows(
  db: Kysely<Database>,
  scopePath: string,
  year: number,
): Promise<EarlierRows> {
  const [history, declared] = await Promise.all([
    repo.historyUnder(db, scopePath),
    repo.declaredBefore(db, scopePath, year),
  ]);
  const out: EarlierRows = {
    subsidisedRows: [],
    likelySubsidisedRows: [],
    declaredRows: [],
    likelyDeclaredRows: [],
  };
  if (!history.length && !declared.length) return out;
  const units = [...new Set([...history, ...declared].map((e) => e.region_code))];
  const planned = (await repo.plannedIn(db, scopePath, year, units)).map((c) => ({
    id: c.id,
    name: c.name,
    regionCode: c.region_code,
  }));
  const row = (p: { id: number; name: string; regionCode: string }, detail: string): CheckRow => ({
    id: p.id,
    name: p.name,
    regionCode: p.regionCode,
    detail,
  });
  const fromHistory = matchEarlier(
    planned,
    history.map((h) => ({ name: h.name, regionCode: h.region_code, year: h.subsidy_year })),
  );
  const years = (es: { year: number }[]) => [...new Set(es.map((e) => e.year))].sort().join('、');
  for (const m of fromHistory) {
    if (m.exact.length)
      out.subsidisedRows.push(
        row(m.planned, `已纳入${years(m.exact)}年中央补助计划（历史清单：${m.exact[0]!.name}）`),
      );
    else
      out.likelySubsidisedRows.push(
        row(
          m.planned,
          `与已获${years(m.suspected)}年中央补助的“${m.suspected[0]!.name}”（历史清单）名称相近，疑似重复，请核实并说明`,
        ),
      );
  }
  const fromDeclared = matchEarlier(
    planned,
    declared.map((d) => ({ ...d, regionCode: d.region_code, communityId: d.community_id })),
  );
  for (const m of fromDeclared) {
    if (m.exact.length) {
      const d = highest(m.exact);
      out.declaredRows.push(row(m.planned, `已列入${planLabel(d)}（“${d.name}”），不得重复申报`));
    } else {
      const d = highest(m.suspected);
      out.likelyDeclaredRows.push(
        row(m.planned, `与${planLabel(d)}中的“${d.name}”名称相近，疑似重复，请核实并说明`),
      );
    }
  }
  return out;
}

/**
 * A community in an accepted plan keeps its plan year: moving it to another year would declare
 * it twice (or take it out of what was reported). Refused with the plan that holds it, unless a
 * unit whose accepted plan holds it is revising that plan (计划调整, issue 11 §3): the revision then
 * carries the change up, with the reason for the removal, and once accepted the community is no
 * longer declared in that plan (`recordAcceptedPlan`).
 */
export async function refuseYearChangeOfDeclared(
  db: Kysely<Database>,
  communityId: number,
  name: string,
): Promise<void> {
  const held = await repo.acceptedPlansOf(db, communityId);
  const plans = [];
  for (const year of new Set(held.map((p) => p.plan_year))) {
    const ofYear = held.filter((p) => p.plan_year === year);
    if (
      !(await repo.anyRevising(
        db,
        ofYear.map((p) => p.unit_code),
        year,
      ))
    )
      plans.push(...ofYear);
  }
  if (!plans.length) return;
  const d = highest(plans);
  throw conflict(
    'ALREADY_PLANNED',
    `“${name}”已列入${planLabel(d)}，不能改为其他计划年度（已纳入计划的项目不得重复申报，建办城〔2021〕28号 三(四)）`,
    { details: [{ path: 'planYear', message: `已列入${d.plan_year}年度计划` }] },
  );
}

/**
 * On acceptance: the accepted version's communities, as it declared them, for later checks. A
 * revision's acceptance also forgets the communities it took out of the unit's plan, so that
 * they may be declared in a later year.
 */
export async function recordAcceptedPlan(
  db: Kysely<Database>,
  plan: { unitCode: string; year: number; level: 'county' | 'city' | 'province'; version: number },
  communities: { id: number; name: string; regionCode: string }[],
): Promise<void> {
  const keep = new Set(communities.map((c) => c.id));
  const gone = (await repo.declaredIdsOf(db, plan.unitCode, plan.year))
    .map((r) => r.community_id)
    .filter((id) => !keep.has(id));
  await repo.forgetDeclared(db, plan.unitCode, plan.year, gone);
  const regions = await findRegionsByCodes(db, [...new Set(communities.map((c) => c.regionCode))]);
  const pathOf = new Map(regions.map((r) => [r.code, r.path]));
  await repo.recordDeclared(
    db,
    communities.map((c) => ({
      unit_code: plan.unitCode,
      plan_year: plan.year,
      level: plan.level,
      version: plan.version,
      community_id: c.id,
      region_code: c.regionCode,
      region_path: pathOf.get(c.regionCode) ?? '',
      name: c.name,
    })),
  );
}

/**
 * Through the year: consultations with residents, each community's monthly record, and the
 * progress table rolled up from them. No start without the residents' consensus
 * (建办城〔2021〕28号 二(一): 未经居民充分协商取得共识的，不得开工改造), in the UI, the API and imports.
 */
import type { Kysely } from 'kysely';
import type { ProgressInput } from '../../../../common/api/progress.ts';
import type { CommunityRow, Database, RegionRow } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { formatScaled } from '../../domain/ledger/decimal.ts';
import { csvFile } from '../../domain/spreadsheet-cells.ts';
import {
  parseDate,
  PROGRESS_HEADER,
  progressRow,
  rate,
  sumMeasures,
  type ProgressMeasures,
} from '../../domain/progress.ts';
import {
  chinaMonthEnd,
  frozenPlanByUnit,
  planNote,
  regionCounts,
  withFrozenPlan,
  type PlanCount,
  type RegionCount,
  type PlanVersion,
  type PlanVersionOfUnit,
} from '../../domain/progress-plan.ts';
import { forbidden, notFound, validation } from '../../errors.ts';
import type { SnapshotContent } from '../declarations/declarations.units.ts';
import { findSnapshot } from '../declarations/declarations.repository.ts';
import { provincePlansInForce } from '../declarations/revisions.repository.ts';
import { findCommunity } from '../ledger/communities.repository.ts';
import { canEditLedger, canReadLedger, inScope } from '../ledger/ledger.policy.ts';
import { consentThresholdFor, provinceOfPath } from '../plan/consent-thresholds.service.ts';
import { consentStatus } from '../../domain/consent.ts';
import {
  checkFunds,
  communityExtras,
  projectStartProblems,
  saveFunds,
} from './community-progress.service.ts';
import { saveProgress } from './progress-record.service.ts';
import { measuresByUnit } from './dashboard.repository.ts';
import { assertIntact, countsHash, integrityError } from '../integrity/integrity.ts';
import * as repo from './progress.repository.ts';
import { peopleNamed } from '../users/people.ts';
import { resolveScope } from '../regions/scope.ts';
import { auditBy } from '../audit/audit.repository.ts';

export async function visibleCommunity(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  write: boolean,
): Promise<CommunityRow> {
  if (!(write ? canEditLedger(actor) : canReadLedger(actor)))
    throw forbidden(write ? '没有填报进展的权限' : '没有查看台账的权限');
  const c = await findCommunity(db, id);
  if (!c || !inScope(actor, c.region_path)) throw notFound('小区');
  return c;
}

export interface ConsultationInput {
  heldOn: string;
  method: 'meeting' | 'door_to_door' | 'online' | 'written';
  householdsConsulted: number;
  householdsAgreeing: number;
  agreedScheme?: boolean;
  agreedContribution?: boolean;
  agreedAftercare?: boolean;
  notes?: string;
}

export async function addConsultation(
  db: Kysely<Database>,
  actor: Actor,
  communityId: number,
  input: ConsultationInput,
  now = new Date(),
) {
  const c = await visibleCommunity(db, actor, communityId, true);
  const day = parseDate(input.heldOn);
  if (!day)
    throw validation(`协商日期“${input.heldOn}”不是有效的日期，应为 YYYY-MM-DD`, [
      { path: 'heldOn', message: '不是有效的日期' },
    ]);
  if (day > now.toISOString().slice(0, 10))
    throw validation('协商日期应为不晚于今天的日期', [{ path: 'heldOn', message: '日期不正确' }]);
  if (input.householdsConsulted > c.households)
    throw validation(`参与协商户数不能超过小区居民户数（${c.households} 户）`, [
      { path: 'householdsConsulted', message: '超过居民户数' },
    ]);
  if (input.householdsAgreeing > input.householdsConsulted)
    throw validation('同意户数不能超过参与协商户数', [
      { path: 'householdsAgreeing', message: '超过参与户数' },
    ]);
  return repo.insertConsultation(db, {
    community_id: c.id,
    held_on: day,
    method: input.method,
    households_consulted: input.householdsConsulted,
    households_agreeing: input.householdsAgreeing,
    agreed_scheme: input.agreedScheme ? 1 : 0,
    agreed_contribution: input.agreedContribution ? 1 : 0,
    agreed_aftercare: input.agreedAftercare ? 1 : 0,
    notes: input.notes ?? '',
    username: actor.username,
    created_at: now.toISOString(),
  });
}

export async function recordProgress(
  db: Kysely<Database>,
  actor: Actor,
  communityId: number,
  period: string,
  input: ProgressInput,
  now = new Date(),
) {
  return db.transaction().execute(async (trx) => {
    const c = await visibleCommunity(trx, actor, communityId, true);
    const funds = checkFunds(input.funds);
    const problems = [
      ...(await saveProgress(trx, actor, c, period, input, now)),
      ...funds.problems,
    ];
    if (problems.length)
      throw validation(
        problems.map((p) => `${p.field}：${p.message}`).join('；'),
        problems.map((p) => ({ path: p.field, message: p.message })),
      );
    if (input.funds) await saveFunds(trx, c.id, period, funds.rows);
    // Last: the audit chain's head is held from here to the commit.
    await auditBy(trx, actor, 'progress.record', `${c.id}/${period}`, { name: c.name }, now);
  });
}

export async function communityProgress(db: Kysely<Database>, actor: Actor, communityId: number) {
  const c = await visibleCommunity(db, actor, communityId, false);
  const [consultations, records, extras] = await Promise.all([
    repo.consultationsOf(db, c.id),
    repo.progressOf(db, c.id),
    communityExtras(db, c.id),
  ]);
  const { threshold, source } = await consentThresholdFor(
    db,
    c.plan_year,
    provinceOfPath(c.region_path),
  );
  const policy = { consentThreshold: threshold };
  const best = consultations.reduce((m, x) => Math.max(m, x.households_agreeing), 0);
  const consent = consentStatus(c.households, best, policy.consentThreshold);
  const projectProblems = await projectStartProblems(db, c.id, policy.consentThreshold);
  const people = await peopleNamed(db, [
    ...consultations.map((x) => x.username),
    ...records.map((r) => r.username),
    ...extras.photos.map((p) => p.username),
  ]);
  return {
    /** login name → the person as pages show them (unit and display name) */
    people,
    households: c.households,
    consentThreshold: policy.consentThreshold,
    /** 'province': the province's own figure; 'national': the plan year's */
    consentThresholdSource: source,
    consentReached: consent.reached,
    consent,
    /** Why a start would be refused now (this community's or its project's consent), if it would. */
    startBlockedBy: !consent.reached
      ? `未经居民充分协商取得共识的，不得开工改造：同意户数须达到 ${consent.thresholdLabel}`
      : (projectProblems[0]?.message ?? null),
    consultations: consultations.map((x) => ({
      id: x.id,
      heldOn: x.held_on,
      method: x.method,
      householdsConsulted: x.households_consulted,
      householdsAgreeing: x.households_agreeing,
      share: rate(x.households_agreeing, c.households),
      reachesThreshold: x.households_agreeing / c.households >= policy.consentThreshold,
      agreedScheme: x.agreed_scheme === 1,
      agreedContribution: x.agreed_contribution === 1,
      agreedAftercare: x.agreed_aftercare === 1,
      notes: x.notes,
      source: x.source,
      importId: x.import_id,
      username: x.username,
      documents: extras.documentsOf(x.id),
    })),
    records: records.map((r) => ({
      period: r.period,
      startDate: r.start_date,
      completionDate: r.completion_date,
      investmentDoneYuan: Number(r.investment_done_yuan),
      investmentDone: formatScaled(Number(r.investment_done_yuan), 4, 0),
      elevators: r.elevators,
      pipelinesM: Number(r.pipelines_m),
      pipelinesKm: formatScaled(Number(r.pipelines_m), 3, 0),
      elderlyCare: r.elderly_care,
      childcare: r.childcare,
      housekeeping: r.housekeeping,
      health: r.health,
      parking: r.parking,
      chargers: r.chargers,
      energyAreaCenti: Number(r.energy_area_centi),
      energyArea: formatScaled(Number(r.energy_area_centi), 2, 0),
      corrected: r.corrected === 1,
      funds: extras.fundsOf(r.period),
      fundsTotal: extras.fundsTotalOf(r.period),
      username: r.username,
      updatedAt: r.updated_at,
    })),
    photos: extras.photos,
    fundingSources: extras.fundingSources,
  };
}

export interface ProgressTableView {
  title: string;
  scope: { code: string; name: string };
  year: number;
  month: number;
  header: string[];
  rows: (string | number)[][];
  /**
   * Per province of the scope, the plan version its 计划 figures come from: the one in force at the
   * month's end (China time), else the latest submitted, else (basis 'live') the current ledger.
   */
  planVersions: PlanVersionOfUnit[];
  /** one line saying which plan the 计划 figures are (shown under the table) */
  planNote: string;
}

/**
 * 计划改造 as declared, for any scope: the snapshot communities within `scope`, counted by the unit
 * directly below it that holds them (the scope itself for a unit that holds communities), and
 * `submitted(unit)`: whether that unit's province has a frozen plan (otherwise its current plan
 * counts). A province's frozen plan is its plan in force at `at` (ISO time, default now: the
 * latest version accepted by then, issue 11 §3); where none was accepted by then, the snapshot of
 * its latest submission while it stands submitted or accepted. `plans` says which version each
 * province's figures come from. The dashboard uses it so that its figures stay the progress table's.
 */
export async function frozenPlanWithin(
  db: Kysely<Database>,
  scope: RegionRow,
  year: number,
  at = new Date().toISOString(),
) {
  const segments = scope.path.split('/').filter(Boolean);
  // The country itself, or the province the scope lies in (…/000000/460000/…).
  const searchPath = segments.length > 1 ? `/${segments[0]}/${segments[1]}/` : scope.path;
  const [inForce, submittedAll] = await Promise.all([
    provincePlansInForce(db, searchPath, year, at),
    repo.submittedPlans(db, searchPath, year),
  ]);
  const accepted = new Set(inForce.map((p) => p.province));
  const plans = [...inForce, ...submittedAll.filter((p) => !accepted.has(p.province))];
  const byUnit = new Map<string, PlanCount>();
  if (plans.length) {
    const [counts, regions] = await Promise.all([
      Promise.all(plans.map((p) => frozenCounts(db, p))),
      repo.regionPathsUnder(db, scope.path),
    ]);
    const paths = new Map(regions.map((r) => [r.code, r.path]));
    const inScope = counts.flat().filter(([region]) => paths.has(region));
    for (const [unit, plan] of frozenPlanByUnit(
      inScope,
      (code) => paths.get(code)!.split('/').filter(Boolean)[segments.length] ?? scope.code,
    ))
      byUnit.set(unit, plan);
  }
  const provinces = new Set(plans.map((p) => p.province));
  const submitted =
    scope.level === 'country'
      ? (unit: string) => provinces.has(`${unit.slice(0, 2)}0000`)
      : () => plans.length > 0;
  const versions: PlanVersion[] = [
    ...inForce.map((p) => ({
      province: p.province,
      basis: 'accepted' as const,
      version: p.version,
      revision: p.revision,
      acceptedAt: p.accepted_at,
    })),
    ...submittedAll
      .filter((p) => !accepted.has(p.province))
      .map((p) => ({
        province: p.province,
        basis: 'submitted' as const,
        version: p.version,
        revision: 0,
        acceptedAt: null,
      })),
  ];
  return { byUnit, submitted, versions };
}

/**
 * A frozen plan's communities and households by region, as stored beside it when it was frozen.
 * Counts that no longer match their hash, a tampered plan that has none (frozen before they were
 * kept, and already not intact then), and so on: the table is refused, as for a plan whose content
 * was edited (integrity.ts).
 */
async function frozenCounts(
  db: Kysely<Database>,
  p: {
    province: string;
    id: number;
    hash: string;
    counts: string | null;
    counts_hash: string | null;
  },
): Promise<RegionCount[]> {
  const record = { id: p.id, unit_code: p.province, hash: p.hash };
  if (p.counts !== null && p.counts_hash !== null) {
    if (countsHash(p.hash, p.counts) !== p.counts_hash)
      throw integrityError('declaration_snapshot', { ...record, content: p.counts }, '导出或统计');
    return JSON.parse(p.counts) as RegionCount[];
  }
  const { content } = await findSnapshot(db, p.id).then((s) => s!);
  assertIntact('declaration_snapshot', { ...record, content }, '导出或统计');
  return regionCounts((JSON.parse(content) as SnapshotContent).communities);
}

/** The progress table of the spec: one row per province (country) or per prefecture-level unit, then 合计. */
export async function progressTable(
  db: Kysely<Database>,
  actor: Actor,
  scopeCode: string,
  year: number,
  month: number,
): Promise<ProgressTableView> {
  const scope = await resolveScope(db, actor, scopeCode, { levels: ['country', 'province'] });
  const period = `${year}-${String(month).padStart(2, '0')}`;
  const grouping = scope.level === 'country' ? 'province' : 'prefecture';
  const units = await repo.unitsBelow(
    db,
    scope.code,
    scope.level === 'country' ? 'province' : 'prefecture',
  );
  const data = new Map(
    (await measuresByUnit(db, scope.path, year, period, grouping)).map(({ unit, measures: m }) => [
      unit,
      { ...m, elderlyChildcare: m.elderlyCare + m.childcare },
    ]),
  );
  const monthEnd = chinaMonthEnd(year, month);
  const { byUnit: frozen, submitted, versions } = await frozenPlanWithin(db, scope, year, monthEnd);
  const provinces = scope.level === 'country' ? units : [{ code: scope.code, name: scope.name }];
  const planVersions = provinces.map((p) => {
    const v = versions.find((x) => x.province === p.code);
    return v
      ? { code: p.code, name: p.name, ...v }
      : {
          code: p.code,
          name: p.name,
          basis: 'live' as const,
          version: null,
          revision: 0,
          acceptedAt: null,
        };
  });
  const empty: ProgressMeasures = sumMeasures([]);
  const measures = units.map((u) => ({
    name: u.name,
    m: withFrozenPlan(data.get(u.code) ?? empty, frozen.get(u.code), submitted(u.code)),
  }));
  return {
    title: `${scope.level === 'country' ? '全国' : scope.name}城镇老旧小区改造进展情况（${year}年${month}月）`,
    scope: { code: scope.code, name: scope.level === 'country' ? '全国' : scope.name },
    year,
    month,
    header: PROGRESS_HEADER,
    rows: [
      ...measures.map((x) => progressRow(x.name, x.m)),
      progressRow('合计', sumMeasures(measures.map((x) => x.m))),
    ],
    planVersions,
    planNote: planNote(planVersions, year, month),
  };
}

export const progressTableCsv = (t: ProgressTableView): string => csvFile([t.header, ...t.rows]);

/** Fiscal-capacity assessments (财政承受能力评估) and the units of a plan that owe one. */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, FiscalAssessmentTable } from '../../db/schema.ts';
import { underPath } from '../../db/under-path.ts';
import { planCommunities } from '../plan/plan-table.repository.ts';

const COLUMNS = [
  'a.region_code',
  'r.name',
  'r.level',
  'r.path',
  'a.plan_year',
  'a.version',
  'a.available_yuan',
  'a.document',
  'a.debt_indicators',
  'a.debt_ratio',
  'a.debt_balance_yuan',
  'a.conclusion',
  'a.conclusion_note',
  'a.file_name',
  'a.file_path',
  'a.content_type',
  'a.size_bytes',
  'a.review_status',
  'a.reviewer',
  'a.reviewed_on',
  'a.review_remark',
  'a.reviewed_by',
  'a.reviewed_at',
  'a.updated_by',
  'a.updated_at',
] as const;

const assessments = (db: Kysely<Database>) =>
  db
    .selectFrom('fiscal_assessments as a')
    .innerJoin('regions as r', 'r.code', 'a.region_code')
    .select(COLUMNS);

export type AssessmentRow = Awaited<ReturnType<typeof findAssessment>> & object;

export const findAssessment = (db: Kysely<Database>, regionCode: string, year: number) =>
  assessments(db)
    .where('a.region_code', '=', regionCode)
    .where('a.plan_year', '=', year)
    .executeTakeFirst();

/** The year's assessments of the units within a subtree (its root included), in code order. */
export const assessmentsUnder = (db: Kysely<Database>, scopePath: string, year: number) =>
  assessments(db)
    .where((e) => underPath(e, 'r.path', scopePath))
    .where('a.plan_year', '=', year)
    .orderBy('a.region_code')
    .execute();

/** Inserts a first assessment; false when another user inserted it first. */
export async function insertAssessment(
  db: Kysely<Database>,
  values: Insertable<FiscalAssessmentTable>,
): Promise<boolean> {
  const r = await db
    .insertInto('fiscal_assessments')
    .values(values)
    .onConflict((oc) => oc.columns(['region_code', 'plan_year']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Changes an assessment only if it is still at `version` (and moves it to version + 1). */
export async function updateAssessment(
  db: Kysely<Database>,
  regionCode: string,
  year: number,
  version: number,
  values: Updateable<FiscalAssessmentTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('fiscal_assessments')
    .set({ ...values, version: version + 1 })
    .where('region_code', '=', regionCode)
    .where('plan_year', '=', year)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * The units that owe an assessment: each prefecture-level unit and each county-level unit with
 * communities in the year's plan within the scope (a unit that is both, such as 儋州市, once).
 */
export async function unitsWithPlanCommunities(
  db: Kysely<Database>,
  scopePath: string,
  year: number,
): Promise<{ code: string; name: string; communities: number }[]> {
  const groups = await planCommunities(db, scopePath, year)
    .select((e) => ['c.prefecture_code', 'c.region_code', e.fn.countAll<number>().as('n')])
    .groupBy(['c.prefecture_code', 'c.region_code'])
    .execute();
  const counts = new Map<string, number>();
  for (const g of groups) {
    counts.set(g.prefecture_code, (counts.get(g.prefecture_code) ?? 0) + Number(g.n));
    if (g.region_code !== g.prefecture_code)
      counts.set(g.region_code, (counts.get(g.region_code) ?? 0) + Number(g.n));
  }
  if (!counts.size) return [];
  const regions = await db
    .selectFrom('regions')
    .select(['code', 'name', 'path'])
    .where('code', 'in', [...counts.keys()])
    .orderBy('code')
    .execute();
  // A city above the scope (the scope is one of its counties) owes nothing to this scope's check.
  return regions
    .filter((r) => r.path.startsWith(scopePath))
    .map((r) => ({ code: r.code, name: r.name, communities: counts.get(r.code)! }));
}

/**
 * Local (市县) funding of the plan's projects per region path within the scope; the caller sums
 * it up to each assessing unit (a city: everything under it; a county: its own).
 */
export const localFundingByPath = (db: Kysely<Database>, scopePath: string, year: number) =>
  db
    .selectFrom('projects as p')
    .innerJoin('project_funding as f', 'f.project_id', 'p.id')
    .where((e) => underPath(e, 'p.region_path', scopePath))
    .where('p.plan_year', '=', year)
    .where('p.pool', '=', 'implement')
    .where('f.source', '=', 'local')
    .select((e) => ['p.region_path', e.fn.sum<number>('f.amount_yuan').as('local_yuan')])
    .groupBy('p.region_path')
    .execute();

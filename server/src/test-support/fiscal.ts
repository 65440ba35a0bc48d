/**
 * Fiscal-capacity assessments recorded and passed by the province for every unit of a plan, as
 * its cities, counties and province would do on the 财政承受能力评估 page: for tests about
 * something else that need a province able to submit.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { findRegion } from '../modules/regions/regions.repository.ts';
import { unitsWithPlanCommunities } from '../modules/fiscal/fiscal.repository.ts';

/** Inserts a reviewed (通过) assessment for every unit with plan communities under the province. */
export async function assessAndPassAll(
  db: Kysely<Database>,
  provinceCode: string,
  year: number,
  now = new Date(),
): Promise<string[]> {
  const province = await findRegion(db, provinceCode);
  if (!province) throw new Error(`assessAndPassAll: no region ${provinceCode}`);
  const units = await unitsWithPlanCommunities(db, province.path, year);
  const at = now.toISOString();
  for (const u of units)
    await db
      .insertInto('fiscal_assessments')
      .values({
        region_code: u.code,
        plan_year: year,
        // 1 亿元: more than any test plan's local funding.
        available_yuan: 100_000_000,
        document: `${u.name}财政承受能力评估报告（测试）`,
        debt_indicators: '债务率、财政自给率（测试）',
        version: 1,
        review_status: 'passed',
        reviewer: '测试审核人',
        reviewed_on: at.slice(0, 10),
        reviewed_by: 'test',
        reviewed_at: at,
        updated_at: at,
        updated_by: 'test',
      })
      .onConflict((oc) => oc.columns(['region_code', 'plan_year']).doNothing())
      .execute();
  return units.map((u) => u.code);
}

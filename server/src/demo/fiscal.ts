/**
 * Demo fiscal-capacity assessments (财政承受能力评估): every city and county of the demo province
 * with communities in the demo plan year has one, reviewed and passed by the province, so the
 * assessment page is not empty and the province can still submit its plan (the declaration
 * journey, test/browser/declaration.test.ts). Invented figures, labelled as demo data.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { YUAN_PER_WAN } from '../domain/ledger/decimal.ts';
import {
  localFundingByPath,
  unitsWithPlanCommunities,
} from '../modules/fiscal/fiscal.repository.ts';
import { findRegion } from '../modules/regions/regions.repository.ts';
import { underPath } from '../db/under-path.ts';

export async function seedDemoFiscal(
  db: Kysely<Database>,
  provinceCode: string,
  year: number,
  now = new Date(),
): Promise<number> {
  const province = await findRegion(db, provinceCode);
  if (!province) return 0;
  const [units, funding] = await Promise.all([
    unitsWithPlanCommunities(db, province.path, year),
    localFundingByPath(db, province.path, year),
  ]);
  const regions = await db
    .selectFrom('regions')
    .select(['code', 'path'])
    .where((e) => underPath(e, 'path', province.path))
    .execute();
  const pathOf = new Map(regions.map((r) => [r.code, r.path]));
  const at = now.toISOString();
  let i = 0;
  for (const u of units) {
    const local = funding
      .filter((f) => f.region_path.startsWith(pathOf.get(u.code) ?? '-'))
      .reduce((s, f) => s + Number(f.local_yuan), 0);
    // Room above the plan's local funding: a fifth more, at least 300万元, in whole 万元.
    const available = Math.ceil(Math.max(local * 1.2, 300 * YUAN_PER_WAN) / YUAN_PER_WAN);
    i++;
    await db
      .insertInto('fiscal_assessments')
      .values({
        region_code: u.code,
        plan_year: year,
        available_yuan: available * YUAN_PER_WAN,
        document: `${u.name}${year}年城镇老旧小区改造财政承受能力评估报告（演示数据）`,
        debt_indicators: '政府债务率、财政自给率、一般公共预算收入增速',
        debt_ratio: String(60 + ((i * 7) % 35)),
        debt_balance_yuan: (200_000 + i * 15_000) * YUAN_PER_WAN,
        conclusion: 'within',
        conclusion_note: '演示数据：改造计划任务控制在财政承受范围以内',
        version: 2,
        review_status: 'passed',
        reviewer: '省财政厅 李审核（演示）',
        reviewed_on: at.slice(0, 10),
        review_remark: '评估口径符合要求',
        reviewed_by: 'province',
        reviewed_at: at,
        updated_at: at,
        updated_by: 'demo',
      })
      .onConflict((oc) => oc.columns(['region_code', 'plan_year']).doNothing())
      .execute();
  }
  return units.length;
}

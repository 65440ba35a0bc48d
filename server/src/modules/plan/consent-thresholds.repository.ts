/** All SQL of the provinces' own consent thresholds (居民协商同意比例), by plan year. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** A province's own threshold in force for a plan year: its row of that year or the latest earlier one. */
export async function provinceThresholdBp(
  db: Kysely<Database>,
  provinceCode: string,
  planYear: number,
): Promise<{ bp: number; fromYear: number } | undefined> {
  const row = await db
    .selectFrom('province_consent_thresholds')
    .select(['consent_threshold_bp', 'plan_year'])
    .where('province_code', '=', provinceCode)
    .where('plan_year', '<=', planYear)
    .orderBy('plan_year', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { bp: row.consent_threshold_bp, fromYear: row.plan_year };
}

/** Every province's own threshold in force for a plan year (one row each, the latest year ≤ planYear). */
export async function provinceThresholdsFor(db: Kysely<Database>, planYear: number) {
  const rows = await db
    .selectFrom('province_consent_thresholds as t')
    .innerJoin('regions as r', 'r.code', 't.province_code')
    .select([
      't.province_code',
      'r.name',
      't.plan_year',
      't.consent_threshold_bp',
      't.updated_at',
      't.updated_by',
    ])
    .where('t.plan_year', '<=', planYear)
    .orderBy('t.province_code')
    .orderBy('t.plan_year', 'desc')
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.province_code) && seen.add(r.province_code));
}

export async function upsertProvinceThreshold(
  db: Kysely<Database>,
  row: {
    province_code: string;
    plan_year: number;
    consent_threshold_bp: number;
    updated_at: string;
    updated_by: string;
  },
): Promise<void> {
  const { province_code: _p, plan_year: _y, ...rest } = row;
  await db
    .insertInto('province_consent_thresholds')
    .values(row)
    .onConflict((oc) => oc.columns(['province_code', 'plan_year']).doUpdateSet(rest))
    .execute();
}

export async function deleteProvinceThreshold(
  db: Kysely<Database>,
  provinceCode: string,
  planYear: number,
): Promise<boolean> {
  const res = await db
    .deleteFrom('province_consent_thresholds')
    .where('province_code', '=', provinceCode)
    .where('plan_year', '=', planYear)
    .executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

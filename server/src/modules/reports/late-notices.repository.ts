/** All SQL of automatic late notices (自动催报): who is expected, who reported, what was sent. */
import type { Insertable, Kysely } from 'kysely';
import type { Database, ReportReminderTable } from '../../db/schema.ts';
import { planCommunities } from '../plan/plan-table.repository.ts';

/** Every province: each sets its units' due day. */
export const provinces = (db: Kysely<Database>) =>
  db.selectFrom('regions').select('code').where('level', '=', 'province').orderBy('code').execute();

/** The region paths that hold communities of the year's plan, as completeness counts them. */
export async function plannedPaths(db: Kysely<Database>, year: number): Promise<string[]> {
  const rows = await planCommunities(db, '/000000/', year)
    .select('c.region_path')
    .distinct()
    .execute();
  return rows.map((r) => r.region_path);
}

/** The units that submitted a version of the period's report for the plan year. */
export async function reportedUnits(
  db: Kysely<Database>,
  year: number,
  period: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('monthly_reports')
    .select('unit_code')
    .distinct()
    .where('plan_year', '=', year)
    .where('period', '=', period)
    .execute();
  return new Set(rows.map((r) => r.unit_code));
}

// Well under SQLite's 32,766 bound parameters per statement (five a row).
const CHUNK = 1000;

export async function regionNames(
  db: Kysely<Database>,
  codes: string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (let i = 0; i < codes.length; i += CHUNK) {
    const rows = await db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('code', 'in', codes.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) names.set(r.code, r.name);
  }
  return names;
}

/**
 * Records the notices as sent and answers those that were not yet: an insert that meets the key
 * of one already sent (by this or another process, committed or waiting to be) does nothing, and
 * returns only the rows it inserted. Run in the transaction that sends the notices.
 */
export async function claimReminders(
  db: Kysely<Database>,
  rows: Insertable<ReportReminderTable>[],
): Promise<{ unit_code: string; plan_year: number; period: string }[]> {
  const claimed: { unit_code: string; plan_year: number; period: string }[] = [];
  for (let i = 0; i < rows.length; i += CHUNK)
    claimed.push(
      ...(await db
        .insertInto('report_reminders')
        .values(rows.slice(i, i + CHUNK))
        .onConflict((oc) => oc.columns(['unit_code', 'plan_year', 'period']).doNothing())
        .returning(['unit_code', 'plan_year', 'period'])
        .execute()),
    );
  return claimed;
}

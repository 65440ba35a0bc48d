/** Plan-year policies: one row per plan year; a year without its own uses the latest earlier one. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, PlanPolicyTable } from '../../db/schema.ts';
import type { PlanPolicy } from '../../domain/plan-policy.ts';

export const toPolicy = (
  r: Selectable<PlanPolicyTable>,
): PlanPolicy & { ownYear: boolean; recipients: string; source: string; version: number } => ({
  planYear: r.plan_year,
  cutoffYear: r.cutoff_year,
  latestBuildYear: r.latest_build_year,
  maxPostCutoffShare: r.max_post_cutoff_share_bp / 10_000,
  consentThreshold: r.consent_threshold_bp / 10_000,
  deadline: r.deadline,
  recipients: r.recipients,
  source: r.source,
  version: r.version,
  ownYear: true,
});

export const listPolicies = (db: Kysely<Database>) =>
  db.selectFrom('plan_policies').selectAll().orderBy('plan_year', 'desc').execute();

/** The policy in force for a plan year: its own row, else the most recent earlier one. */
export async function policyFor(db: Kysely<Database>, planYear: number) {
  const row = await db
    .selectFrom('plan_policies')
    .selectAll()
    .where('plan_year', '<=', planYear)
    .orderBy('plan_year', 'desc')
    .limit(1)
    .executeTakeFirst();
  const fallback =
    row ??
    (await db
      .selectFrom('plan_policies')
      .selectAll()
      .orderBy('plan_year', 'asc')
      .limit(1)
      .executeTakeFirstOrThrow());
  return { ...toPolicy(fallback), planYear, ownYear: fallback.plan_year === planYear };
}

export async function insertPolicy(
  db: Kysely<Database>,
  row: Insertable<PlanPolicyTable>,
): Promise<void> {
  await db.insertInto('plan_policies').values(row).execute();
}

export async function updatePolicy(
  db: Kysely<Database>,
  year: number,
  version: number,
  patch: Updateable<PlanPolicyTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('plan_policies')
    .set({ ...patch, version: version + 1 })
    .where('plan_year', '=', year)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

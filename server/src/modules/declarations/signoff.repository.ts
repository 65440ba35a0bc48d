/**
 * The SQL of what a province's declaration needs beyond the workflow (declarations.repository.ts):
 * the provincial government's approvals, the departments' sign-offs, the form's contact, and the
 * national departments' receipts.
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** The approval in force: the newest recorded (older ones stay as history). */
export const approvalOf = (db: Kysely<Database>, province: string, year: number) =>
  db
    .selectFrom('plan_approvals')
    .selectAll()
    .where('province_code', '=', province)
    .where('plan_year', '=', year)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();

/** Every approval recorded for the province and year, newest first. */
export const approvalsOf = (db: Kysely<Database>, province: string, year: number) =>
  db
    .selectFrom('plan_approvals')
    .selectAll()
    .where('province_code', '=', province)
    .where('plan_year', '=', year)
    .orderBy('id', 'desc')
    .execute();

export async function saveApproval(
  db: Kysely<Database>,
  a: Insertable<Database['plan_approvals']>,
): Promise<void> {
  await db.insertInto('plan_approvals').values(a).execute();
}

/** The province's contact for the form (联系人及电话), on its declaration row (locked by the caller). */
export async function saveContact(
  db: Kysely<Database>,
  c: { unit: string; year: number; name: string; phone: string; at: string },
): Promise<void> {
  await db
    .updateTable('declarations')
    .set({ contact_name: c.name, contact_phone: c.phone, updated_at: c.at })
    .where('unit_code', '=', c.unit)
    .where('plan_year', '=', c.year)
    .execute();
}

/**
 * A national department's receipt of a version; none if it has one for that version already (the
 * unique index plan_receipts_once). Returns the receipt that stands.
 */
export async function saveReceipt(db: Kysely<Database>, r: Insertable<Database['plan_receipts']>) {
  await db
    .insertInto('plan_receipts')
    .values(r)
    .onConflict((oc) => oc.columns(['unit_code', 'plan_year', 'role', 'version']).doNothing())
    .execute();
  return db
    .selectFrom('plan_receipts')
    .selectAll()
    .where('unit_code', '=', r.unit_code)
    .where('plan_year', '=', r.plan_year)
    .where('role', '=', r.role)
    .where('version', '=', r.version)
    .executeTakeFirstOrThrow();
}

/** The receipts of one unit's year (every version), or of every province's year (unit undefined). */
export const receiptsOf = (db: Kysely<Database>, year: number, unit?: string) => {
  let q = db.selectFrom('plan_receipts').selectAll().where('plan_year', '=', year);
  if (unit) q = q.where('unit_code', '=', unit);
  return q.orderBy('id').execute();
};

export const signoffsOf = (db: Kysely<Database>, snapshotId: number) =>
  db.selectFrom('signoffs').selectAll().where('snapshot_id', '=', snapshotId).execute();

/** The sign-offs of several snapshots at once. */
export const signoffsOfMany = (db: Kysely<Database>, snapshotIds: number[]) =>
  snapshotIds.length
    ? db.selectFrom('signoffs').selectAll().where('snapshot_id', 'in', snapshotIds).execute()
    : Promise.resolve([]);

export async function saveSignoff(
  db: Kysely<Database>,
  s: Insertable<Database['signoffs']>,
): Promise<void> {
  const { snapshot_id: _s, role: _r, ...rest } = s;
  await db
    .insertInto('signoffs')
    .values(s)
    .onConflict((oc) => oc.columns(['snapshot_id', 'role']).doUpdateSet(rest))
    .execute();
}

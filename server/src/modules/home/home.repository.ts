/** The SQL of the home page's figures that no other module already asks. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** The versions frozen for sign-off (会签版本) of a province's year, each with one role's sign-off. */
export const candidatesWithSignoff = (
  db: Kysely<Database>,
  province: string,
  year: number,
  role: 'province' | 'province_ndrc' | 'province_finance',
) =>
  db
    .selectFrom('declaration_snapshots as s')
    .leftJoin('signoffs as g', (j) => j.onRef('g.snapshot_id', '=', 's.id').on('g.role', '=', role))
    .select(['s.id', 's.version', 'g.at as signedAt'])
    .where('s.unit_code', '=', province)
    .where('s.plan_year', '=', year)
    .where('s.kind', '=', 'candidate')
    .orderBy('s.version', 'desc')
    .execute();

/** One national department's receipts (签收) of the year: each province's version it signed for. */
export const receiptsBy = (
  db: Kysely<Database>,
  year: number,
  role: 'ministry' | 'ndrc_national' | 'mof',
) =>
  db
    .selectFrom('plan_receipts')
    .select(['unit_code', 'version'])
    .where('plan_year', '=', year)
    .where('role', '=', role)
    .execute();

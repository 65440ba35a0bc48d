/** The SQL of the ledger's units (units.ts): the regions communities are registered in. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { underPath } from '../../db/under-path.ts';

/** The ledger units (is_ledger_unit) of a subtree, with their kind, level, parent and path. */
export const ledgerUnitRegions = (db: Kysely<Database>, scopePath: string) =>
  db
    .selectFrom('regions')
    .select(['code', 'name', 'kind', 'level', 'parent_code', 'path'])
    .where((e) => underPath(e, 'path', scopePath))
    .where('is_ledger_unit', '=', 1)
    .execute();

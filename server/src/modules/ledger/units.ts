/** The county-level units (and their equivalents) a user may register communities in. */
import { pushTo } from '../../domain/group.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { LedgerUnit } from '../../domain/ledger/rows.ts';
import type { RegionKind } from '../../domain/regions.ts';

export interface UnitIndex {
  byCode: Map<string, LedgerUnit & { path: string }>;
  byName: Map<string, (LedgerUnit & { path: string })[]>;
}

export async function ledgerUnitsWithin(
  db: Kysely<Database>,
  scopePath: string,
): Promise<UnitIndex> {
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name', 'kind', 'level', 'parent_code', 'path'])
    .where('path', 'like', `${scopePath}%`)
    .where('is_ledger_unit', '=', 1)
    .execute();
  const byCode = new Map<string, LedgerUnit & { path: string }>();
  const byName = new Map<string, (LedgerUnit & { path: string })[]>();
  for (const r of rows) {
    // A prefecture-level unit that holds communities itself (仙桃, 东莞) is its own prefecture.
    const unit = {
      code: r.code,
      name: r.name,
      kind: r.kind as RegionKind,
      prefectureCode: r.level === 'prefecture' ? r.code : r.parent_code!,
      path: r.path,
    };
    byCode.set(r.code, unit);
    pushTo(byName, r.name, unit);
  }
  return { byCode, byName };
}

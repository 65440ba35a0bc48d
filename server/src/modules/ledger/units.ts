/** The county-level units (and their equivalents) a user may register communities in. */
import { pushTo } from '../../domain/group.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import successorData from '../../db/region-successors.json' with { type: 'json' };
import type { LedgerUnit } from '../../domain/ledger/rows.ts';
import {
  cityWithoutDistrictsFor,
  retiredCodeMessage,
  type RetiredCode,
} from '../../domain/region-codes.ts';
import type { RegionKind } from '../../domain/regions.ts';
import { ledgerUnitRegions } from './units.repository.ts';

export type ScopedUnit = LedgerUnit & { path: string };

export interface UnitIndex {
  byCode: Map<string, ScopedUnit>;
  byName: Map<string, ScopedUnit[]>;
  /** The unit a 区划代码 as written stands for: its own, or the city without districts it aliases. */
  unitFor: (code: string) => ScopedUnit | undefined;
  /** Why a code that names no unit in scope is refused, when more can be said than "not yours". */
  unknownCodeMessage: (code: string) => string | undefined;
}

type SuccessorRow = [string, string, number, string, [string, string][]];
/** Retired codes, by code (server/src/db/region-successors.json). */
const RETIRED = new Map<string, RetiredCode>(
  (successorData.rows as SuccessorRow[]).map(([code, name, retiredIn, document, successors]) => [
    code,
    {
      code,
      name,
      retiredIn,
      document,
      successors: successors.map(([c, n]) => ({ code: c, name: n })),
    },
  ]),
);

export const retiredCode = (code: string): RetiredCode | undefined => RETIRED.get(code);

export async function ledgerUnitsWithin(
  db: Kysely<Database>,
  scopePath: string,
): Promise<UnitIndex> {
  const rows = await ledgerUnitRegions(db, scopePath);
  const byCode = new Map<string, ScopedUnit>();
  const byName = new Map<string, ScopedUnit[]>();
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
  // 地级市 is the kind of a prefecture-level city only; as a ledger unit, one without districts.
  const isCityWithoutDistricts = (code: string) => byCode.get(code)?.kind === '地级市';
  const unitFor = (code: string) => {
    const own = byCode.get(code);
    if (own) return own;
    const city = cityWithoutDistrictsFor(code, isCityWithoutDistricts);
    return city === undefined ? undefined : byCode.get(city);
  };
  const unknownCodeMessage = (code: string) => {
    const retired = RETIRED.get(code);
    return retired && retiredCodeMessage(retired);
  };
  return { byCode, byName, unitFor, unknownCodeMessage };
}

/**
 * Finding a ledger community from the 区划代码 and 小区名称 a report writes (the progress import;
 * docs/progress-table.md). Names are matched by their orthographic key, the ledger's own
 * unique key (domain/ledger/names.ts): 建设路三号院 finds 建设路3号院. A name that matches only
 * once a generic suffix is removed (机械厂小区 for 机械厂家属院) is not taken: those are often two
 * places, so the row is refused naming the candidate (issue 9, §1). Codes are read as the project
 * list import reads them: a statistical code of a city without districts finds the city's unit; a
 * retired code is refused naming its successor.
 *
 * Each unit's communities are read once, on first use, so a file of any length costs one query a
 * unit; make one lookup per import, inside its transaction.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { orthographicKey, stripGenericSuffix } from '../../domain/ledger/names.ts';
import { ledgerUnitsWithin } from '../ledger/units.ts';
import { communitiesOfUnit, type UnitCommunity } from './community-lookup.repository.ts';

export type LookupResult =
  | { found: true; id: number; regionCode: string; community: UnitCommunity }
  | { found: false; column: '区划代码' | '小区名称'; message: string };

export interface CommunityLookup {
  find(regionCode: string, name: string): Promise<LookupResult>;
}

interface UnitNames {
  /** orthographic key → the community (its whole record: a file of any length reads each once) */
  byKey: Map<string, UnitCommunity>;
  /** suffix-stripped key → the names of the communities with it */
  byStem: Map<string, string[]>;
}

/** A lookup over the communities of the units in the actor's scope. */
export async function communityLookup(
  db: Kysely<Database>,
  actor: Actor,
): Promise<CommunityLookup> {
  const units = await ledgerUnitsWithin(db, actor.regionPath);
  const loaded = new Map<string, UnitNames>();
  const namesOf = async (unitCode: string): Promise<UnitNames> => {
    let names = loaded.get(unitCode);
    if (names) return names;
    names = { byKey: new Map(), byStem: new Map() };
    for (const c of await communitiesOfUnit(db, unitCode)) {
      names.byKey.set(c.name_key, c);
      const stem = stripGenericSuffix(c.name_key);
      const same = names.byStem.get(stem);
      if (same) same.push(c.name);
      else names.byStem.set(stem, [c.name]);
    }
    loaded.set(unitCode, names);
    return names;
  };
  return {
    async find(regionCode, name) {
      const code = regionCode.trim().replace(/\.0+$/, '');
      const unit = units.unitFor(code);
      if (!unit)
        return {
          found: false,
          column: '区划代码',
          message: units.unknownCodeMessage(code) ?? '不是本人辖区内的县级区划代码',
        };
      const names = await namesOf(unit.code);
      const key = orthographicKey(name);
      const community = names.byKey.get(key);
      if (community) return { found: true, id: community.id, regionCode: unit.code, community };
      const candidates = names.byStem.get(stripGenericSuffix(key));
      return {
        found: false,
        column: '小区名称',
        message: candidates
          ? `${unit.name}的台账中没有“${name}”，是否为 ${candidates.join('、')}？名称仅通用后缀不同的不视为同一小区，请按台账中的名称填写`
          : `${unit.name}的台账中没有“${name}”（区划代码与名称须与台账一致）`,
      };
    },
  };
}

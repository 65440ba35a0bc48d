/**
 * The one scope gate (issue 12 §2): a region code as a route takes it, resolved to the region the
 * actor may see. A region outside the actor's own subtree does not exist for them: the answer is
 * "not found", never "forbidden", so that nobody learns what lies outside their region.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/actor.ts';
import { COUNTRY_CODE } from '../../domain/regions-build.ts';
import { isWithin } from '../../domain/regions.ts';
import { notFound } from '../../errors.ts';
import type { Database, RegionRow } from '../../db/schema.ts';
import { findRegion } from './regions.repository.ts';

export type RegionLevel = RegionRow['level'];

/** 'all' → the country's code; a province's two digits '46' → '460000'; six digits as they are. */
export function fullRegionCode(code: string): string {
  return code === 'all' ? COUNTRY_CODE : /^\d{2}$/.test(code) ? `${code}0000` : code;
}

export interface ScopeOptions {
  /** The levels the route serves; another level is "not found" too. Default: any. */
  levels?: readonly RegionLevel[];
  /** What the route calls the region in its refusal: 地区 (default), 省份, 单位 … */
  what?: string;
  /** Also the regions above the actor's own (their province, the country): visible, not editable. */
  ancestors?: boolean;
}

/** The region `code` names, if the actor may see it and it is of one of `levels`; else 404. */
export async function resolveScope(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  { levels, what = '地区', ancestors = false }: ScopeOptions = {},
): Promise<RegionRow> {
  const full = fullRegionCode(code);
  const region = /^\d{6}$/.test(full) ? await findRegion(db, full) : undefined;
  const visible =
    region !== undefined &&
    (isWithin(region.path, actor.regionPath) ||
      (ancestors && isWithin(actor.regionPath, region.path)));
  if (!region || !visible || (levels && !levels.includes(region.level)))
    throw notFound(`${what} ${code} `);
  return region;
}

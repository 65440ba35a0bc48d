/**
 * 小区分布图 (issue 13): a scope's communities in a year's plan as points coloured by status, the
 * ones without a position counted, and the deployment's tile service if it has one (ADR 0005).
 * Scope-checked exactly as the ledger list: the same filterFor, so a region outside the user's
 * subtree answers "not found" and roles without the ledger are refused.
 */
import type { Kysely } from 'kysely';
import type { CommunityMap, MapQuery, MapTiles } from '../../../../common/api/map.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { countByStatus } from '../../domain/community-map.ts';
import { chinaDate } from '../../../../common/china-time.ts';
import { COUNTRY_CODE } from '../../domain/regions-build.ts';
import { filterFor } from '../ledger/communities.service.ts';
import { findRegion, findRegionsByCodes } from '../regions/regions.repository.ts';
import { communitiesOnMap } from './map.repository.ts';

export type { MapTiles };

export async function communityMap(
  db: Kysely<Database>,
  actor: Actor,
  q: MapQuery,
  tiles: MapTiles | null,
  now = new Date(),
): Promise<CommunityMap> {
  const filter = await filterFor(db, actor, { region: q.region });
  const asOf = chinaDate(now);
  const year = q.year ?? Number(asOf.slice(0, 4));
  const code = q.region || actor.regionCode;
  const [region, rows] = await Promise.all([
    findRegion(db, code),
    communitiesOnMap(db, filter.regionPath ?? filter.scopePath, year, asOf),
  ]);
  const shown = q.status ? rows.filter((r) => r.status === q.status) : rows;
  const names = new Map(
    (await findRegionsByCodes(db, [...new Set(shown.map((r) => r.regionCode))])).map((r) => [
      r.code,
      r.name,
    ]),
  );
  const located = shown.filter((r) => r.lng !== null && r.lat !== null);
  return {
    region: { code, name: code === COUNTRY_CODE ? '全国' : (region?.name ?? code) },
    year,
    asOf,
    points: located.map((r) => ({
      id: r.id,
      name: r.name,
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? r.regionCode,
      households: r.households,
      lng: Number(r.lng),
      lat: Number(r.lat),
      status: r.status,
    })),
    counts: countByStatus(located),
    unlocated: countByStatus(shown.filter((r) => r.lng === null || r.lat === null)),
    tiles,
  };
}

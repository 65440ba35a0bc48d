/** The community map's SQL: a scope's communities in a year's plan, each with its status as at a day. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { MapStatus } from '../../domain/community-map.ts';
import { planCommunities } from '../plan/plan-table.repository.ts';
import { completedBy, startedBy } from '../progress/dashboard.repository.ts';
import { withLatestRecord } from '../progress/progress.repository.ts';

export interface MapRow {
  id: number;
  name: string;
  regionCode: string;
  households: number;
  lng: string | null;
  lat: string | null;
  status: MapStatus;
}

/**
 * Each community in the year's plan (实施 pool) under `scopePath`, with the status of its latest
 * record up to the day's month, by the progress table's rule (the dashboard's own fragments).
 */
export async function communitiesOnMap(
  db: Kysely<Database>,
  scopePath: string,
  year: number,
  asOf: string,
): Promise<MapRow[]> {
  const status = sql<MapStatus>`case when ${completedBy(asOf)} then 'completed' when ${startedBy(asOf)} then 'started' else 'plan' end`;
  const rows = await withLatestRecord(db, planCommunities(db, scopePath, year), asOf.slice(0, 7))
    .select(['c.id', 'c.name', 'c.region_code', 'c.households', 'c.lng', 'c.lat'])
    .select(status.as('status'))
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    regionCode: r.region_code,
    households: r.households,
    lng: r.lng,
    lat: r.lat,
    status: r.status,
  }));
}

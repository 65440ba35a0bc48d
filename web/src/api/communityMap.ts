// 小区分布图: GET /api/map/communities (server/src/modules/map).
import { api } from './client.ts';

export type MapStatus = 'plan' | 'started' | 'completed';

export interface MapPoint {
  id: number;
  name: string;
  regionCode: string;
  regionName: string;
  households: number;
  /** WGS-84 degrees */
  lng: number;
  lat: number;
  status: MapStatus;
}

export type StatusCounts = Record<MapStatus, number>;

/** A tile service the deployment configured (MAP_TILE_URL …), with its 审图号. */
export interface MapTiles {
  /** one template a layer, drawn in order */
  urls: string[];
  reviewNo: string;
  attribution: string;
}

export interface CommunityMap {
  region: { code: string; name: string };
  year: number;
  /** the day (China) the statuses are as at */
  asOf: string;
  points: MapPoint[];
  counts: StatusCounts;
  /** communities of the same filter without a position */
  unlocated: StatusCounts;
  tiles: MapTiles | null;
}

export interface MapQuery {
  region?: string;
  year: number;
  status?: MapStatus;
}

export function getCommunityMap(query: MapQuery, signal?: AbortSignal): Promise<CommunityMap> {
  return api.get<CommunityMap>('/api/map/communities', { query: { ...query }, signal });
}

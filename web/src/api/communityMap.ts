// 小区分布图: GET /api/map/communities (server/src/modules/map).
import type { CommunityMap, MapQuery } from '../../../common/api/map.ts';
import { api } from './client.ts';

export type { CommunityMap, MapPoint, MapQuery, MapTiles } from '../../../common/api/map.ts';
export type { MapStatus, StatusCounts } from '../../../common/community-map.ts';

export function getCommunityMap(query: MapQuery, signal?: AbortSignal): Promise<CommunityMap> {
  return api.get<CommunityMap>('/api/map/communities', { query: { ...query }, signal });
}

import type { RegionSearchResult } from '../../../common/api/regions.ts';
import { api } from './client.ts';
import type { RegionChild, RegionDetail, RegionSearchItem } from './types.ts';

export function getRegion(code: string, signal?: AbortSignal): Promise<RegionDetail> {
  return api.get<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`, { signal });
}

/** Search by name, code or pinyin initials, within the user's scope. */
export async function searchRegions(
  q: string,
  limit = 20,
  signal?: AbortSignal,
): Promise<RegionSearchItem[]> {
  const res = await api.get<RegionSearchResult>('/api/regions', {
    query: { q, limit },
    signal,
  });
  return res.items;
}

/** Adds a functional zone (功能区: 开发区, 高新区 …) under a prefecture-level unit. Admin only. */
export function createFunctionalZone(parentCode: string, name: string): Promise<RegionChild> {
  return api.post<RegionChild>('/api/regions', { parentCode, name });
}

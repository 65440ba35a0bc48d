// 首页: the figures of the home page's tiles (GET /api/home), for the year being declared and
// within the user's region.
import { api } from './client.ts';
import type { HomeFigures } from '../../../common/api/home.ts';

export type { HomeFigures };

export function getHomeFigures(signal?: AbortSignal): Promise<HomeFigures> {
  return api.get<HomeFigures>('/api/home', { signal });
}

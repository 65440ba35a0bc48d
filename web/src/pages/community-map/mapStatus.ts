// The map's three statuses: label, colour and shape (the shape too, so that the points read
// without colour: 计划 a ring, 已开工 a dot, 已完工 a square).
import type { MapStatus } from '../../api/communityMap.ts';

export const MAP_STATUSES: readonly MapStatus[] = ['plan', 'started', 'completed'];

export const STATUS_STYLE: Record<
  MapStatus,
  { label: string; color: string; shape: 'ring' | 'dot' | 'square' }
> = {
  plan: { label: '计划', color: '#1677ff', shape: 'ring' },
  started: { label: '已开工', color: '#d46b08', shape: 'dot' },
  completed: { label: '已完工', color: '#389e0d', shape: 'square' },
};

/** The map's address: /progress/map?region=&year=&status=. */
export interface MapSearch {
  region?: string;
  year: number;
  status?: MapStatus;
}

export function parseMapSearch(params: URLSearchParams, now = new Date()): MapSearch {
  const region = params.get('region') ?? '';
  const year = Number(params.get('year'));
  const status = params.get('status');
  return {
    region: /^[0-9A-Z]{6}$/.test(region) ? region : undefined,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : now.getFullYear(),
    status: MAP_STATUSES.find((s) => s === status),
  };
}
